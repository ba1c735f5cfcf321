/**
 * A merchant runs `kefu import` next to a live server: the very next turns use the new data,
 * with no restart.
 */

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { askOnce, replyText } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'

let server: RunningServer
const dir = tempDir()

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: dir.path, env: { LOG_LEVEL: 'warn' } })
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

const ask = async (text: string) => replyText(await askOnce(server.url, text))

describe('import next to a running server', () => {
  it('a price imported by another process is quoted on the next turns', async () => {
    const before = await ask('X2 Pro 多少钱')
    expect(before).toContain('5499')

    // Another process (as `kefu import` would) writes a new price into the same database.
    const store = await openStore(`sqlite://${dir.path}/kefu.db`)
    try {
      const p = await store.products.get('demo', 'PH-1003')
      expect(p).toBeTruthy()
      const file = join(dir.path, 'price.jsonl')
      writeFileSync(file, `${JSON.stringify({ ...p, price: 4999 })}\n`)
      const { importFile } = await import('../../src/server/import/import-file.js')
      await importFile(store, 'products', file, { shopId: 'demo' })
    } finally {
      await store.close()
    }
    // The server re-checks the shop's catalog version at most every 2 seconds: wait for the new price.
    let after = ''
    await waitFor(
      async () => {
        after = await ask('X2 Pro 多少钱')
        return after.includes('4999')
      },
      {
        intervalMs: 250,
        what: 'the imported price',
      },
    )
    expect(after).toContain('4999')
    expect(after).not.toContain('5499.00 ')
  })
})
