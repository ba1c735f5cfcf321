/**
 * `kefu connector` in a child process against the Shopify fake: add (credentials encrypted, never
 * printed), list, sync with one progress line per page, status, remove.
 */
import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { ensureShop } from '../../src/server/import/ensure-shop.js'
import { type ShopifyFake, startShopifyFake } from '../fakes/shopify/shopify-fake.js'
import { tempDir } from '../helpers/temp-dir.js'

const run = promisify(execFile)
const ROOT = resolve(import.meta.dirname, '../..')
const dir = tempDir('kefu-connector-cli-')
const env = { ...process.env, KEFU_DATA_DIR: join(dir.path, 'data'), KEFU_DATABASE_URL: '', LOG_LEVEL: 'warn' }
const kefu = (...args: string[]) =>
  run(process.execPath, [join(ROOT, 'bin/kefu'), 'connector', ...args], { cwd: ROOT, env }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  )
let fake: ShopifyFake

beforeAll(async () => {
  fake = await startShopifyFake({ products: 1200, customers: 40, orders: 600 })
  const store = await openStore(`sqlite://${join(dir.path, 'data')}/kefu.db`)
  await ensureShop(store, 'acme')
  await store.close()
})
afterAll(async () => {
  await fake?.close()
  dir.remove()
})

describe('kefu connector', () => {
  it('adds a Shopify connector without printing or storing the token in clear', async () => {
    const r = await kefu(
      'add',
      'shopify',
      '--shop',
      'acme',
      '--store-url',
      fake.url,
      '--token',
      fake.accessToken,
      '--webhook-secret',
      fake.webhookSecret,
      '--reconcile-minutes',
      '30',
    )
    expect(r.stderr).toContain('credentials encrypted')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ platform: 'shopify', credentials: 'stored', reconcileMinutes: 30 })
    const list = await kefu('list')
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ shop: 'acme', platform: 'shopify' })])
    for (const out of [r.stdout, r.stderr, list.stdout]) expect(out).not.toContain(fake.accessToken)
    const missing = await kefu('add', 'shopify', '--shop', 'acme', '--store-url', fake.url, '--token', 'x')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--webhook-secret')
  })

  it('syncs with a progress line per page, then reports the status', async () => {
    const r = await kefu('sync', '--shop', 'acme', '--json')
    expect(r.code).toBe(0)
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('running ['))
    // 1,200 products in 5 pages of 250, 40 customers in 1, 600 orders in 3: a line after each page.
    expect(lines).toHaveLength(9)
    expect(lines[0]).toBe('running [products]: products 250/1200')
    expect(r.stderr).toMatch(/^done: products 1200\/1200, customers 39\/40 \(1 skipped\), orders 600\/600$/m)
    expect(JSON.parse(r.stdout)).toMatchObject({ products: { stored: 1200, pages: 5 }, orders: { stored: 600 } })
    const status = JSON.parse((await kefu('status', '--shop', 'acme')).stdout)
    expect(status.sync).toMatchObject({ state: 'done', counts: { orders: { done: 600, total: 600 } } })
  })

  it('removes the connector', async () => {
    expect(JSON.parse((await kefu('remove', '--shop', 'acme')).stdout)).toEqual({ removed: true })
    expect(JSON.parse((await kefu('list')).stdout)).toEqual([])
    expect((await kefu('status', '--shop', 'acme')).code).toBe(1)
  })
})
