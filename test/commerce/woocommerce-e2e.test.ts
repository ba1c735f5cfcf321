/**
 * Acceptance of the WooCommerce connector (issue 13), over real HTTP end to end: a real kefu server
 * (demo shop, its own data directory and clock), the real `kefu connector` CLI, and the WooCommerce
 * fake store built from the public REST API documentation.
 *
 * - `kefu connector add woocommerce …` then `kefu connector sync` reads 5,000 products and 2,000
 *   orders, printing progress after every page;
 * - a signed `product.updated` webhook changes a price, and the next chat message answers with it;
 *   WooCommerce's unsigned ping is acknowledged; a forged signature is rejected and changes nothing;
 * - a customer cancels an unfulfilled order in chat and the store receives `PUT /orders/{id}`
 *   `{status:"cancelled"}`; when the store refuses, the customer is told so and a ticket is opened;
 * - tracking added in WooCommerce shows in chat after its `order.updated` webhook, and a change whose
 *   webhook never came is picked up by a reconciliation pass.
 */
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/core/ports/clock.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import type { WooRecord } from '../fakes/woocommerce/woo-fake-catalog.js'
import { startWooFake, type WooFake } from '../fakes/woocommerce/woo-fake-server.js'
import { replyText, send, startConversation } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'

const NOW = '2026-11-20T08:00:00.000Z'
const WEBHOOK_SECRET = 'wc-webhook-secret-for-tests-0123456789'
const run = promisify(execFile)
const KEFU = resolve(import.meta.dirname, '../../bin/kefu')

let fake: WooFake
let server: RunningServer
const dir = tempDir()
let apiKey = ''
let hookUrl = ''
/** The product the merchant reprices, and the two customers with exactly one open order each. */
let mug: WooRecord
let cancelOk: { customer: WooRecord; order: WooRecord }
let cancelRefused: { customer: WooRecord; order: WooRecord }
let shipping: { customer: WooRecord; order: WooRecord }

const hasTracking = (o: WooRecord) => (o.meta_data as unknown[]).length > 0

/** Gives a customer exactly one open order (processing, not shipped): every other order is completed. */
function oneOpenOrder(customer: WooRecord): { customer: WooRecord; order: WooRecord } {
  const mine = [...fake.data.orders.values()].filter((o) => o.customer_id === customer.id)
  const [order, ...rest] = mine
  if (!order) throw new Error('customer without orders')
  Object.assign(order, { status: 'processing', meta_data: [] })
  for (const o of rest)
    if (!['completed', 'cancelled', 'refunded'].includes(String(o.status))) Object.assign(o, { status: 'completed' })
  return { customer, order }
}

async function kefuCli(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [KEFU, ...args], {
    env: { ...process.env, KEFU_DATA_DIR: dir.path, LOG_LEVEL: 'warn', KEFU_CLOCK_START: NOW },
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024,
  })
}

async function admin(path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...init.headers },
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

async function ask(text: string, customerId?: string): Promise<string> {
  const c = await startConversation(server.url, customerId ? { customerId } : {})
  return replyText(await send(server.url, c, text))
}

beforeAll(async () => {
  fake = await startWooFake({ now: NOW, products: 5000, customers: 600, orders: 2000 })
  // A product customers name in chat, simple and tracked.
  mug = [...fake.data.products.values()].find((p) => p.type === 'simple' && p.manage_stock === true)!
  Object.assign(mug, {
    name: '星空保温杯',
    price: '129.00',
    regular_price: '129.00',
    sale_price: '',
    stock_quantity: 25,
  })
  const withPhone = [...fake.data.customers.values()].filter(
    (c) => (c.billing as { phone: string }).phone && [...fake.data.orders.values()].some((o) => o.customer_id === c.id),
  )
  cancelOk = oneOpenOrder(withPhone[0]!)
  cancelRefused = oneOpenOrder(withPhone[1]!)
  shipping = oneOpenOrder(withPhone[2]!)
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    env: { LOG_LEVEL: 'warn', KEFU_RATE_LIMIT_CONVERSATIONS: '1000', KEFU_RATE_LIMIT_MESSAGES: '1000' },
    clock: manualClock(NOW),
  })
  apiKey = server.demoApiKey!
  hookUrl = `${server.url}/webhooks/commerce/woocommerce/demo`
}, 300_000)

afterAll(async () => {
  await fake?.close()
  await server?.close()
  dir.remove()
})

describe('WooCommerce connector, end to end', () => {
  it('is added with the CLI and syncs 5,000 products and 2,000 orders with progress', async () => {
    // The server is already serving chats (its catalog indexes are built) when the merchant connects.
    expect(await ask('星空保温杯多少钱')).not.toContain('¥129.00')
    const added = await kefuCli([
      'connector',
      'add',
      'woocommerce',
      '--shop',
      'demo',
      '--store-url',
      fake.url,
      '--consumer-key',
      fake.consumerKey,
      '--consumer-secret',
      fake.consumerSecret,
      '--webhook-secret',
      WEBHOOK_SECRET,
    ])
    expect(JSON.parse(added.stdout)).toMatchObject({ platform: 'woocommerce', credentials: 'stored' })
    expect(added.stdout).not.toContain(fake.consumerSecret)

    const t0 = performance.now()
    const synced = await kefuCli(['connector', 'sync', '--shop', 'demo', '--json'])
    const seconds = (performance.now() - t0) / 1000
    const progress = synced.stderr.split('\n').filter((l) => l.startsWith('running'))
    // One progress line per page: 50 of products, 6 of customers, 20 of orders.
    expect(progress.filter((l) => l.includes('[products]'))).toHaveLength(50)
    expect(progress).toContain('running [products]: products 100/5000')
    expect(progress.some((l) => l.includes('orders 2000/2000'))).toBe(true)
    const kinds = JSON.parse(synced.stdout) as Record<string, { stored: number; skipped: number }>
    expect(kinds.products).toMatchObject({ stored: 5000, skipped: 0 })
    expect(kinds.orders).toMatchObject({ stored: 2000, skipped: 0 })
    expect(kinds.customers!.stored + kinds.customers!.skipped).toBe(600)
    console.info(`woocommerce sync through the CLI: ${seconds.toFixed(1)} s, ${fake.calls.length} calls`)

    // The CLI wrote the status in its own process: the server reads its shop from memory and sees another
    // process's write within its cache lifetime (1 s, src/server/app-context.ts), so it is polled.
    await expect
      .poll(async () => (await admin('/api/v1/admin/commerce/sync')).body.sync, { timeout: 15_000, interval: 200 })
      .toMatchObject({
        state: 'done',
        counts: { products: { done: 5000, total: 5000 }, orders: { done: 2000, total: 2000 } },
      })
    const product = await admin(`/api/v1/admin/products/${encodeURIComponent(String(mug.sku))}`)
    expect(product.body).toMatchObject({ product: { title: '星空保温杯', price: 129, stock: 25 } })
  })

  it('answers with a price changed by a signed webhook on the next message', async () => {
    // The running server reloads the synced catalog on its own.
    let last = ''
    await waitFor(
      async () => {
        last = await ask('星空保温杯多少钱')
        return last.includes('¥129.00')
      },
      { timeoutMs: 20_000, intervalMs: 250, what: 'the synced catalog to answer' },
    ).catch((e: Error) => {
      throw new Error(`${e.message}; last reply: ${last}`)
    })
    expect((await fake.webhooks.ping(hookUrl)).status).toBe(200)
    fake.subscribe({ topic: 'product.updated', url: hookUrl, secret: WEBHOOK_SECRET })
    fake.updateProduct(mug.id, { price: '99.00', sale_price: '99.00' })
    await fake.webhooks.drain()
    expect(fake.webhooks.log.at(-1)).toMatchObject({ topic: 'product.updated', status: 200 })
    // A sale: the price is 99 and the regular price (129) is shown as the list price.
    const reply = await ask('星空保温杯多少钱')
    expect(reply).toMatch(/^星空保温杯 现价 ¥99\.00。/)
    expect(reply).toContain('原价 ¥129.00')
  })

  it('rejects a forged webhook signature and changes nothing', async () => {
    const forged = await fake.deliver({
      url: hookUrl,
      topic: 'product.updated',
      resource: { ...mug, price: '1.00', sale_price: '1.00' },
      secret: 'not-the-shop-secret',
    })
    expect(forged.status).toBe(401)
    expect(JSON.parse(forged.body)).toMatchObject({ error: { code: 'unauthorized' } })
    const unsigned = await fetch(hookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wc-webhook-topic': 'product.updated' },
      body: JSON.stringify({ ...mug, price: '1.00' }),
    })
    expect(unsigned.status).toBe(401)
    const reply = await ask('星空保温杯多少钱')
    expect(reply).toMatch(/^星空保温杯 现价 ¥99\.00。/)
    expect(reply).not.toContain('¥1.00')
  })

  it('cancels an unfulfilled order in WooCommerce when the customer asks in chat', async () => {
    const { customer, order } = cancelOk
    const c = await startConversation(server.url, { customerId: String(customer.id) })
    // The order as WooCommerce shows it to the customer: `#1234`.
    const first = await send(server.url, c, `我要取消订单 #${order.number}`)
    expect(first.reason).toBe('cancel_confirm_with_refund')
    expect(replyText(first)).toContain(String(order.number))
    expect(fake.callsTo('PUT', new RegExp(`^/orders/${order.id}$`))).toHaveLength(0)
    const confirmed = await send(server.url, c, '确认取消')
    expect(confirmed.reason).toBe('order_cancelled_refund_started')
    expect(fake.callsTo('PUT', new RegExp(`^/orders/${order.id}$`)).map((x) => x.body)).toEqual([
      { status: 'cancelled' },
    ])
    expect(fake.data.orders.get(order.id)!.status).toBe('cancelled')
    expect(replyText(confirmed)).toContain(`订单 ${order.number} 已取消`)
  })

  it('tells the customer honestly when WooCommerce refuses the cancel, and opens a ticket', async () => {
    const { customer, order } = cancelRefused
    fake.refuse(
      'PUT',
      new RegExp(`^/orders/${order.id}$`),
      'woocommerce_rest_cannot_edit',
      'Sorry, you are not allowed to edit this resource.',
      400,
    )
    const c = await startConversation(server.url, { customerId: String(customer.id) })
    expect((await send(server.url, c, '我要取消订单')).reason).toBe('cancel_confirm_with_refund')
    const refused = await send(server.url, c, '确认取消')
    expect(refused.reason).toBe('cancel_refused_by_platform')
    const text = replyText(refused)
    expect(text).toContain('没有接受')
    expect(text).not.toContain('woocommerce_rest')
    expect(fake.data.orders.get(order.id)!.status).toBe('processing')
    const ticketId = text.match(/工单 (\S+?)，/)?.[1]
    expect(ticketId).toBeTruthy()
    const ticket = await admin(`/api/v1/admin/tickets/${ticketId}`)
    expect(ticket.body).toMatchObject({
      category: 'order_action',
      customerId: String(customer.id),
      data: {
        orderNo: String(order.number),
        action: 'cancel',
        platform: 'woocommerce',
        result: 'refused',
        detail: expect.stringContaining('woocommerce_rest_cannot_edit'),
      },
    })
    expect(hasTracking(order)).toBe(false)
  })

  it('shows tracking the merchant added in WooCommerce, announced by an order.updated webhook', async () => {
    const { customer, order } = shipping
    fake.subscribe({ topic: 'order.updated', url: hookUrl, secret: WEBHOOK_SECRET })
    fake.updateOrder(order.id, {
      meta_data: [
        {
          id: 1,
          key: '_wc_shipment_tracking_items',
          value: [
            {
              tracking_provider: 'SF Express',
              tracking_number: 'SF1234567890',
              date_shipped: String(Math.floor(Date.parse(NOW) / 1000)),
            },
          ],
        },
      ],
    })
    await fake.webhooks.drain()
    expect(fake.webhooks.log.at(-1)).toMatchObject({ topic: 'order.updated', status: 200, resourceId: order.id })
    const c = await startConversation(server.url, { customerId: String(customer.id) })
    const reply = replyText(await send(server.url, c, `订单 #${order.number} 到哪了`))
    expect(reply).toContain('SF1234567890')
  })

  it('picks up an order change whose webhook never came on the next reconciliation pass', async () => {
    const { order } = cancelRefused
    // Changed in WooCommerce an hour after the sync (the CLI ran on the same clock, from NOW), with no
    // webhook subscribed to tell kefu.
    fake.webhooks.unsubscribeAll()
    fake.setNow(new Date(Date.parse(NOW) + 3_600_000).toISOString())
    fake.updateOrder(order.id, { status: 'completed', date_completed_gmt: NOW.slice(0, 19) })
    const r = await admin('/api/v1/admin/commerce/reconcile', { method: 'POST', body: '{}' })
    expect(r.status).toBe(200)
    expect(r.body.orders).toBeGreaterThanOrEqual(1)
    expect(fake.calls.at(-1)!.query).toMatchObject({ dates_are_gmt: 'true' })
    const c = await startConversation(server.url, { customerId: String(cancelRefused.customer.id) })
    const reply = replyText(await send(server.url, c, `订单 #${order.number} 是什么状态`))
    expect(reply).toContain('已完成')
  })
})
