/**
 * `kefu channel` as a merchant runs it: add (secrets encrypted with the data dir's server secret, the
 * webhook URL shown once), list (masked), link a platform user to a customer, remove.
 */
import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { makeCustomer, makeShop } from '../helpers/store-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

const run = promisify(execFile)
const ROOT = resolve(import.meta.dirname, '../..')
const dir = tempDir('kefu-channel-cli-')
const env = {
  ...process.env,
  KEFU_DATA_DIR: dir.path,
  KEFU_DATABASE_URL: `sqlite://${dir.path}/kefu.db`,
  LOG_LEVEL: 'warn',
}
const kefu = (...args: string[]) =>
  run(process.execPath, [join(ROOT, 'bin/kefu'), 'channel', ...args], { cwd: ROOT, env }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  )

beforeAll(async () => {
  const store = await openStore(`sqlite://${dir.path}/kefu.db`)
  try {
    await store.shops.upsert(makeShop({ id: 'shop1' }))
    await store.customers.upsertMany('shop1', [makeCustomer({ id: 'c9' })])
  } finally {
    await store.close()
  }
})
afterAll(() => dir.remove())

describe('kefu channel', () => {
  it('adds, lists masked, links and removes a Chatwoot channel', async () => {
    const added = await kefu(
      'add',
      'chatwoot',
      '--shop',
      'shop1',
      '--base-url',
      'https://chat.example.com',
      '--account-id',
      '4',
      '--bot-token',
      'cw-secret-bot-token',
      '--json',
    )
    expect(added.code).toBe(0)
    const view = JSON.parse(added.stdout) as { webhookPath: string; credentials: Record<string, string> }
    expect(view.credentials).toMatchObject({ baseUrl: 'https://chat.example.com', botToken: '[secret]' })
    const token = new URLSearchParams(view.webhookPath.split('?')[1]).get('token')!
    expect(token.length).toBeGreaterThanOrEqual(16)

    const listed = await kefu('list', '--shop', 'shop1')
    expect(listed.stdout).toContain('chatwoot')
    expect(listed.stdout).not.toContain('cw-secret-bot-token')
    expect(listed.stdout).not.toContain(token)
    const store = await openStore(`sqlite://${dir.path}/kefu.db`)
    try {
      const raw = JSON.stringify((await store.shops.get('shop1'))!.settings)
      expect(raw).not.toContain('cw-secret-bot-token')
      expect(raw).toContain('enc:v1:')
    } finally {
      await store.close()
    }

    expect((await kefu('link', 'chatwoot', '--shop', 'shop1', '--user', '77', '--customer', 'c9')).code).toBe(0)
    const unknown = await kefu('link', 'chatwoot', '--shop', 'shop1', '--user', '78', '--customer', 'nobody')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('nobody')
    const bad = await kefu('add', 'chatwoot', '--shop', 'shop1', '--base-url', 'not a url', '--account-id', 'x')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/baseUrl/)
    expect(bad.stderr).toMatch(/accountId/)
    // A shop that does not exist is named (this once hung on the SQLite transaction and exited 0, silent).
    const noShop = await kefu(
      'add',
      'chatwoot',
      '--shop',
      'nope',
      '--base-url',
      'https://chat.example.com',
      '--account-id',
      '4',
      '--bot-token',
      'cw-secret-bot-token',
    )
    expect(noShop.code).toBe(1)
    expect(noShop.stderr).toContain("shop 'nope' does not exist")
    expect((await kefu('remove', 'chatwoot', '--shop', 'shop1')).code).toBe(0)
    expect((await kefu('list', '--shop', 'shop1')).stdout).toContain('no channels')
  })
})
