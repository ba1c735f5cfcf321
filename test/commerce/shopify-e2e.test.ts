/**
 * Shopify through the real server (random port, SQLite) against the Shopify fake: the connector is
 * configured over the admin API (credentials never come back), the initial sync of 5,000 products
 * and 2,000 orders reports progress, a webhook price change answers on the next message, a forged
 * webhook is rejected and changes nothing, and a customer's cancellation in chat reaches Shopify —
 * or, when Shopify refuses it, is told honestly and ticketed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import type { Shop } from '../../src/core/domain/records.js'
import { signCustomerId } from '../../src/server/auth/conversation-token.js'
import { ensureShop } from '../../src/server/import/ensure-shop.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { type ShopifyFake, startShopifyFake } from '../fakes/shopify/shopify-fake.js'
import { type Conversation, replyText, send, startConversation } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'

// biome-ignore lint/suspicious/noExplicitAny: JSON answers, read field by field in assertions
type Json = Record<string, any>

const dir = tempDir()
let server: RunningServer
let fake: ShopifyFake
let shop: Shop

beforeAll(async () => {
  fake = await startShopifyFake({ products: 5000, customers: 300, orders: 2000 })
  const store = await openStore(`sqlite://${dir.path}/kefu.db`)
  shop = await ensureShop(store, 'acme', { name: 'Acme Outdoor' })
  await store.close()
  server = await startServer({ port: 0, dataDir: dir.path, env: { LOG_LEVEL: 'warn', KEFU_DEMO: 'false' } })
})
afterAll(async () => {
  await server?.close()
  await fake?.close()
  dir.remove()
})

async function admin(method: string, path: string, body?: unknown) {
  const r = await fetch(server.url + path, {
    method,
    headers: {
      authorization: `Bearer ${shop.apiKey}`,
      'x-kefu-shop': shop.id,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  const text = await r.text()
  return { status: r.status, text, json: JSON.parse(text) as Json }
}

const webhookUrl = () => `${server.url}/webhooks/commerce/shopify/acme`

async function customerChat(customerId: string): Promise<Conversation> {
  return startConversation(server.url, {
    shopId: 'acme',
    customerId,
    signature: signCustomerId(shop.widgetSecret, customerId),
  })
}

describe('Shopify connector end to end', () => {
  it('configures the connector; the credentials are stored encrypted and never returned', async () => {
    const r = await admin('PUT', '/api/v1/admin/commerce', {
      platform: 'shopify',
      storeUrl: fake.url,
      credentials: { accessToken: fake.accessToken, webhookSecret: fake.webhookSecret },
    })
    expect(r.status).toBe(200)
    expect(r.json.connector).toMatchObject({ platform: 'shopify', storeUrl: fake.url, credentials: 'stored' })
    for (const res of [r, await admin('GET', '/api/v1/admin/commerce'), await admin('GET', '/api/v1/admin/shop')]) {
      expect(res.text).not.toContain(fake.accessToken)
      expect(res.text).not.toContain(fake.webhookSecret)
    }
    const store = await openStore(`sqlite://${dir.path}/kefu.db`)
    try {
      const raw = JSON.stringify((await store.shops.get('acme'))?.settings)
      expect(raw).not.toContain(fake.accessToken)
      expect(raw).toMatch(/"credentials":"v1\./)
    } finally {
      await store.close()
    }
    const missing = await admin('PUT', '/api/v1/admin/commerce', {
      platform: 'shopify',
      storeUrl: fake.url,
      credentials: { accessToken: 'x' },
    })
    expect(missing.status).toBe(400)
    expect(missing.json.error.message).toContain('credentials.webhookSecret')
  })

  it('syncs 5,000 products and 2,000 orders, reporting progress on the status endpoint', async () => {
    const queued = await admin('POST', '/api/v1/admin/commerce/sync')
    expect(queued.status).toBe(202)
    const seen: Array<Json> = []
    let last: Json = {}
    await waitFor(
      async () => {
        last = (await admin('GET', '/api/v1/admin/commerce/sync')).json.sync
        if (last.state === 'running') seen.push(last)
        return last.state === 'done' || last.state === 'failed'
      },
      { timeoutMs: 180_000, intervalMs: 20, what: 'the sync to finish' },
    )
    expect(last.error).toBeUndefined()
    expect(last.state).toBe('done')
    expect(last.counts.products).toMatchObject({ done: 5000, total: 5000, pages: 20, skipped: 0 })
    expect(last.counts.orders).toMatchObject({ done: 2000, total: 2000, pages: 8 })
    // Customers without any phone number cannot be verified by kefu: skipped, and said so.
    expect(last.counts.customers.done + last.counts.customers.skipped).toBe(300)
    expect(last.counts.customers.skipped).toBe(10)
    // Progress was visible while it ran: a partial product count.
    expect(seen.some((s) => (s.counts.products?.done ?? 0) > 0 && s.counts.products.done < 5000)).toBe(true)
    // Shopify saw paged requests, each later one carrying only limit + page_info.
    const productCalls = fake.callsTo('GET', '/products.json')
    expect(productCalls).toHaveLength(20)
    for (const c of productCalls.slice(1)) expect(Object.keys(c.query).sort()).toEqual(['limit', 'page_info'])
  })

  it('answers the new price on the next message after a products/update webhook', async () => {
    const p = structuredClone(fake.state.products[42]!)
    expect(p.title).toBe('Solvik Trail Shoes K1042')
    const before = replyText(
      await send(server.url, await startConversation(server.url, { shopId: 'acme' }), `How much is the ${p.title}?`),
    )
    expect(before).toContain('94')
    p.variants[0]!.price = '88.00'
    const r = await fake.sendWebhook(webhookUrl(), 'products/update', p)
    expect(r.status).toBe(200)
    const after = replyText(
      await send(server.url, await startConversation(server.url, { shopId: 'acme' }), `How much is the ${p.title}?`),
    )
    expect(after).toContain('88')
    expect(after).not.toContain('94')
  })

  it('rejects a forged webhook with 401 and processes nothing', async () => {
    const p = structuredClone(fake.state.products[42]!)
    p.variants[0]!.price = '1.00'
    const forged = await fake.sendWebhook(webhookUrl(), 'products/update', p, { secret: 'not-the-app-secret' })
    expect(forged.status).toBe(401)
    expect(forged.body).toMatchObject({ error: { code: 'unauthorized' } })
    const unsigned = await fake.sendWebhook(webhookUrl(), 'products/update', p, { signature: '' })
    expect(unsigned.status).toBe(401)
    const product = await admin('GET', `/api/v1/admin/products/${p.variants[0]!.sku}`)
    expect(product.json.product.price).toBe(88)
  })

  it('a customer cancels an unfulfilled order in chat and Shopify receives the cancel call', async () => {
    const order = fake.orderByName('#1001')!
    expect(order.fulfillment_status).toBeNull()
    const customerId = String(order.customer!.id)
    const conv = await customerChat(customerId)
    const ask = await send(server.url, conv, 'I want to cancel order #1001')
    expect(ask.action).toBe('confirm')
    const turn = await send(server.url, conv, 'yes')
    expect(turn.reason).toBe('order_cancelled_refund_started')
    expect(replyText(turn)).toContain('cancelled')
    const calls = fake.callsTo('POST', `/orders/${order.id}/cancel.json`)
    expect(calls).toHaveLength(1)
    expect(calls[0]!.body).toMatchObject({ reason: 'customer', amount: order.total_price, currency: 'USD' })
    expect(order.cancelled_at).not.toBeNull()
    // kefu's mirror now holds Shopify's view: the next question sees the cancellation.
    const status = await send(server.url, await customerChat(customerId), 'where is order #1001?')
    expect(replyText(status).toLowerCase()).toMatch(/refund|cancel/)
  })

  it('Shopify refusing the cancellation is told to the customer and ticketed (English and Chinese)', async () => {
    fake.refuse('cancel', 'Order is locked by a fulfillment service')
    try {
      for (const [name, askText, yes, expected] of [
        ['#1301', 'please cancel order #1301', 'yes', 'did not accept'],
        ['#1601', '帮我取消订单#1601', '是的', '没有接受'],
      ] as const) {
        const order = fake.orderByName(name)!
        const conv = await customerChat(String(order.customer!.id))
        expect((await send(server.url, conv, askText)).action).toBe('confirm')
        const turn = (await send(server.url, conv, yes)) as Awaited<ReturnType<typeof send>> & {
          ticket?: { id: string }
        }
        expect(replyText(turn)).toContain(expected)
        expect(turn.reason).toBe('cancel_refused_by_platform')
        expect(turn.ticket?.id).toBeTruthy()
        expect(replyText(turn)).toContain(turn.ticket!.id)
        expect(order.cancelled_at).toBeNull()
        const ticket = await admin('GET', `/api/v1/admin/tickets/${turn.ticket!.id}`)
        expect(ticket.status).toBe(200)
        expect(ticket.json.data ?? ticket.json.ticket?.data).toMatchObject({
          orderNo: name.slice(1),
          action: 'cancel',
          platform: 'shopify',
          result: 'refused',
        })
        expect(JSON.stringify(ticket.json)).toContain('Order is locked by a fulfillment service')
        // Nothing was claimed: kefu's copy still holds the order as paid.
        const again = await send(server.url, await customerChat(String(order.customer!.id)), `order ${name} status`)
        expect(replyText(again).toLowerCase()).not.toMatch(/is cancelled|已取消/)
      }
    } finally {
      fake.refuse('cancel', null)
    }
  })

  it('a reconciliation pass reads only orders updated since the last one and mirrors fulfilments', async () => {
    const order = fake.orderByName('#1002')!
    expect(order.fulfillment_status).toBeNull()
    const stamp = new Date().toISOString()
    order.fulfillment_status = 'fulfilled'
    order.fulfillments = [
      {
        id: 1,
        status: 'success',
        created_at: stamp,
        updated_at: stamp,
        tracking_company: 'DHL Express',
        tracking_number: 'JD014600003821',
        shipment_status: 'in_transit',
      },
    ]
    order.updated_at = stamp
    const r = await admin('POST', '/api/v1/admin/commerce/reconcile')
    expect(r.status).toBe(200)
    // #1001 (cancelled through kefu) and #1002 changed since the sync; nothing else is re-read.
    expect(r.json.orders).toBe(2)
    const last = fake.callsTo('GET', '/orders.json').at(-1)!
    expect(last.query).toMatchObject({ status: 'any' })
    const newestGenerated = Math.max(
      ...fake.state.orders
        .filter((o) => o.name !== '#1001' && o.name !== '#1002')
        .map((o) => Date.parse(o.updated_at!)),
    )
    expect(Date.parse(last.query.updated_at_min!)).toBeGreaterThan(newestGenerated)
    const status = await send(server.url, await customerChat(String(order.customer!.id)), 'where is order #1002?')
    expect(replyText(status)).toContain('JD014600003821')
    expect((await admin('GET', '/api/v1/admin/commerce/sync')).json.reconcile).toMatchObject({ orders: 2 })
  })
})
