/**
 * Issue 13's acceptance, as a new merchant lives it: the owner creates a shop over the admin API
 * (KEFU_ADMIN_TOKEN), `kefu shop create` makes a second one, the shop's own export (zh-CN locales, a
 * "normal" tier, date-only ETAs, prices as text, order lines without titles) imports with
 * `kefu import` unedited next to the running server, and "我的订单到哪了" over the real HTTP API names
 * the products and the latest tracking event.
 */
import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { manualClock } from '../../src/core/ports/clock.js'
import { signCustomerId } from '../../src/server/auth/conversation-token.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { replyText, send, startConversation } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'

const ROOT = resolve(import.meta.dirname, '../..')
const EXPORT = join(ROOT, 'test/fixtures/merchant-export')
const OWNER = 'owner-token-for-the-e2e-test-0123456789'
const run = promisify(execFile)

const dir = tempDir()
let server: RunningServer
const env = () => ({ ...process.env, KEFU_DATA_DIR: dir.path, KEFU_DATABASE_URL: '', KEFU_CLOCK_START: '' })
const kefu = (...args: string[]) =>
  run(process.execPath, [join(ROOT, 'bin/kefu'), ...args], { cwd: ROOT, env: env() }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  )

beforeAll(async () => {
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    // Two days before the first ETA: the coat's parcel is on its way, not late.
    clock: manualClock('2026-11-25T10:00:00+08:00'),
    env: { LOG_LEVEL: 'warn', KEFU_DEMO: 'false', KEFU_ADMIN_TOKEN: OWNER, KEFU_PROACTIVE: 'false' },
  })
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

async function admin(method: string, path: string, token: string | null, body?: unknown) {
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  return { status: r.status, json: (await r.json()) as Record<string, unknown> }
}

describe('shops on demand', () => {
  it('the owner API creates and lists shops with the owner token only', async () => {
    const body = { id: 'tea-house', name: '茶舍', timezone: 'Asia/Shanghai', currency: 'CNY', locale: 'zh' }
    expect((await admin('POST', '/api/v1/admin/shops', null, body)).status).toBe(401)
    expect((await admin('POST', '/api/v1/admin/shops', 'wrong-token-wrong-token-wrong', body)).status).toBe(401)
    const created = await admin('POST', '/api/v1/admin/shops', OWNER, body)
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({ id: 'tea-house', name: '茶舍', demo: false })
    expect(created.json.settings).toEqual({ timezone: 'Asia/Shanghai', currency: 'CNY', locale: 'zh' })
    expect(String(created.json.apiKey)).toMatch(/^kefu_/)
    // A shop's own API key is not the owner's: it cannot create shops.
    const shopKey = String(created.json.apiKey)
    const withShopKey = await admin('POST', '/api/v1/admin/shops', shopKey, { id: 'other', name: 'x' })
    expect(withShopKey.status).toBe(401)
    const again = await admin('POST', '/api/v1/admin/shops', OWNER, body)
    expect(again.status).toBe(409)
    const bad = await admin('POST', '/api/v1/admin/shops', OWNER, { id: 'Bad Id', name: 'x', timezone: 'Mars/Base' })
    expect(bad.status).toBe(400)
    const list = await admin('GET', '/api/v1/admin/shops', OWNER)
    expect(list.json.shops).toEqual([expect.objectContaining({ id: 'tea-house', timezone: 'Asia/Shanghai' })])
    expect(JSON.stringify(list.json)).not.toContain(shopKey)
    // The new shop answers with its own key on the shop API.
    const shop = await fetch(`${server.url}/api/v1/admin/shop`, {
      headers: { authorization: `Bearer ${shopKey}`, 'x-kefu-shop': 'tea-house' },
    })
    expect(shop.status).toBe(200)
  })
})

describe("a merchant's own export", () => {
  let widgetSecret = ''

  it('imports without editing into a shop made with kefu shop create; a missing shop is refused with a hint', async () => {
    const missing = await kefu('import', 'products', join(EXPORT, 'products.jsonl'), '--shop', 'hexi')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('kefu shop create hexi')

    const created = await kefu(
      'shop',
      'create',
      'hexi',
      '--name',
      '禾夕 Hexi',
      '--timezone',
      'Asia/Shanghai',
      '--currency',
      'CNY',
      '--json',
    )
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    widgetSecret = (JSON.parse(created.stdout) as { widgetSecret: string }).widgetSecret

    const summaries: Record<string, { read: number; inserted: number; summary: string[] }> = {}
    for (const kind of ['products', 'customers', 'orders', 'faq', 'faults']) {
      const r = await kefu('import', kind, join(EXPORT, `${kind}.jsonl`), '--shop', 'hexi', '--json')
      expect(r.stderr, kind).toBe('')
      expect(r.code, kind).toBe(0)
      summaries[kind] = JSON.parse(r.stdout)
    }
    expect(summaries.products).toMatchObject({ read: 6, inserted: 6 })
    expect(summaries.products!.summary).toContain('normalised 6 locales zh-CN → zh')
    expect(summaries.customers).toMatchObject({ read: 3, inserted: 3 })
    expect(summaries.customers!.summary).toContain("kept 1 shop-defined customer tier 'normal' (rank 0 for the rules)")
    expect(summaries.orders).toMatchObject({ read: 4, inserted: 4 })
    expect(summaries.orders!.summary).toEqual(
      expect.arrayContaining([
        'normalised 3 dates (date only, end of day) → ISO 8601 in Asia/Shanghai (e.g. 2026-11-27 → 2026-11-27T23:59:59+08:00)',
        expect.stringMatching(/^normalised 1 date \(epoch seconds\) → ISO 8601 in Asia\/Shanghai/),
        expect.stringMatching(/^normalised \d+ numbers written as text → numbers \(e\.g\. 1,698\.00 → 1698\)$/),
      ]),
    )
    expect(summaries.faq).toMatchObject({ read: 30, inserted: 30 })
    expect(summaries.faq!.summary).toEqual(['normalised 22 locales zh-CN → zh', 'normalised 8 locales en-US → en'])
    expect(summaries.faults).toMatchObject({ read: 2, inserted: 2 })

    const store = await openStore(`sqlite://${dir.path}/kefu.db`)
    try {
      const order = await store.orders.get('hexi', 'HX202611200001')
      expect(order).toMatchObject({
        total: 1698,
        currency: 'CNY',
        createdAt: '2026-11-20T10:12:33+08:00',
        shipment: { eta: '2026-11-27T23:59:59+08:00' },
      })
      // The order lines stay as exported: titles are read from the catalog when shown.
      expect(order?.items.every((i) => i.title === undefined)).toBe(true)
      expect(await store.customers.get('hexi', 'hx-c1001')).toMatchObject({ tier: 'normal', locale: 'zh' })
      expect(await store.products.get('hexi', 'HX-COAT-330')).toMatchObject({
        price: 1299,
        stock: 35,
        locale: 'zh',
        localeTag: 'zh-CN',
      })
    } finally {
      await store.close()
    }
  })

  it('"我的订单到哪了" names the products and the latest tracking event', async () => {
    const c = await startConversation(server.url, {
      shopId: 'hexi',
      customerId: 'hx-c1001',
      signature: signCustomerId(widgetSecret, 'hx-c1001'),
    })
    const turn = await send(server.url, c, '我的订单到哪了')
    const text = replyText(turn)
    expect(text).toContain('HX202611200001')
    expect(text).toContain('羊毛双面呢大衣 女款 驼色')
    expect(text).toContain('明前龙井 250g 礼盒装')
    expect(text).not.toMatch(/HX-COAT-330|HX-TEA-001|未知商品/)
    expect(text).toContain('上海浦东集散中心')
    expect(text).toContain('快件到达【上海浦东集散中心】')
    expect(text).toContain('2026-11-27')
    const card = (turn.replies as Array<{ card?: { type: string; data: { items?: Array<{ title: string }> } } }>).find(
      (r) => r.card?.type === 'order',
    )?.card
    expect(card?.data.items?.map((i) => i.title)).toEqual(['羊毛双面呢大衣 女款 驼色', '明前龙井 250g 礼盒装'])
  })

  it('an English-speaking customer sees the English catalog titles', async () => {
    const c = await startConversation(server.url, {
      shopId: 'hexi',
      customerId: 'hx-c1002',
      signature: signCustomerId(widgetSecret, 'hx-c1002'),
      locale: 'en',
    })
    const text = replyText(await send(server.url, c, 'where is my order?'))
    expect(text).toContain('HX202611220003')
    expect(text).toContain('Printed mulberry silk scarf')
  })
})
