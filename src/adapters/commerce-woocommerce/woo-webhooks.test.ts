import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startWooFake, type WooFake } from '../../../test/fakes/woocommerce/woo-fake-server.js'
import type { WebhookDelivery } from '../../core/ports/commerce.js'
import { mapOrder } from './woo-mapping.js'
import { wooOrderSchema } from './woo-resources.js'
import { isWooPing, parseWooWebhook, verifyWooWebhook, wooWebhookSignature } from './woo-webhooks.js'

const SECRET = 'whsec-test-secret'
const NOW = '2026-11-20T08:00:00.000Z'
const M = { currency: 'CNY', defaultBrand: 'Shop', untrackedStock: 100 }
const L = { mapping: async () => M }

let fake: WooFake | undefined
let receiver: Server | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
  if (receiver) {
    receiver.closeAllConnections()
    await new Promise<void>((r) => receiver!.close(() => r()))
    receiver = undefined
  }
})

/** A receiver that captures deliveries exactly as they arrive (raw bytes, lower-case headers). */
async function capture(): Promise<{ url: string; got: WebhookDelivery[] }> {
  const got: WebhookDelivery[] = []
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
      got.push({ headers, rawBody: new Uint8Array(Buffer.concat(chunks)) })
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', () => r()))
  return { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, got }
}

const delivery = (topic: string, body: unknown, secret = SECRET): WebhookDelivery => {
  const raw = new TextEncoder().encode(JSON.stringify(body))
  return {
    headers: { 'x-wc-webhook-topic': topic, 'x-wc-webhook-signature': wooWebhookSignature(secret, raw) },
    rawBody: raw,
  }
}

describe('WooCommerce webhooks', () => {
  it('verifies what the fake store signs and maps a price change', async () => {
    fake = await startWooFake({ now: NOW, products: 5, variableEvery: 0 })
    const { url, got } = await capture()
    fake.subscribe({ topic: 'product.updated', url, secret: SECRET })
    const p = [...fake.data.products.values()][1]!
    fake.updateProduct(p.id, { price: '88.00', regular_price: '120.00', sale_price: '88.00' })
    await fake.webhooks.drain()
    expect(got).toHaveLength(1)
    const d = got[0]!
    expect(d.headers['x-wc-webhook-topic']).toBe('product.updated')
    expect(verifyWooWebhook(SECRET, d)).toBe(true)
    expect(verifyWooWebhook('another-secret', d)).toBe(false)
    const [change] = await parseWooWebhook(d, L)
    expect(change).toMatchObject({
      kind: 'product',
      product: { sku: p.sku, price: 88, listPrice: 120, currency: 'CNY' },
    })
  })

  it('rejects a forged signature, a missing one and a body changed after signing', async () => {
    const d = delivery('order.updated', { id: 1 })
    expect(verifyWooWebhook(SECRET, d)).toBe(true)
    expect(verifyWooWebhook(SECRET, { ...d, headers: { ...d.headers, 'x-wc-webhook-signature': 'AAAA' } })).toBe(false)
    expect(verifyWooWebhook(SECRET, delivery('order.updated', { id: 1 }, 'attacker-secret'))).toBe(false)
    expect(verifyWooWebhook(SECRET, { ...d, headers: { 'x-wc-webhook-topic': 'order.updated' } })).toBe(false)
    expect(verifyWooWebhook(SECRET, { ...d, rawBody: new TextEncoder().encode('{"id":2}') })).toBe(false)
  })

  it("accepts WooCommerce's unsigned ping and maps it to nothing", async () => {
    fake = await startWooFake({ now: NOW, products: 1 })
    const { url, got } = await capture()
    expect((await fake.webhooks.ping(url, 7)).status).toBe(200)
    const ping = got[0]!
    expect(isWooPing(ping)).toBe(true)
    expect(verifyWooWebhook(SECRET, ping)).toBe(true)
    expect(await parseWooWebhook(ping, L)).toEqual([{ kind: 'ignored', topic: 'ping' }])
    // Something that only looks like a ping but carries a topic is not one.
    expect(
      verifyWooWebhook(SECRET, { ...ping, headers: { ...ping.headers, 'x-wc-webhook-topic': 'order.updated' } }),
    ).toBe(false)
  })

  it('maps order and customer deliveries and ignores deletions, variations and unknown topics', async () => {
    fake = await startWooFake({ now: NOW, products: 5, customers: 3, orders: 5 })
    const order = [...fake.data.orders.values()][0]!
    const [o] = await parseWooWebhook(delivery('order.updated', order), L)
    expect(o).toEqual({ kind: 'order', order: mapOrder(wooOrderSchema.parse(order)) })
    const customer = [...fake.data.customers.values()][0]!
    expect(await parseWooWebhook(delivery('customer.updated', customer), L)).toMatchObject([
      { kind: 'customer', customer: { id: String(customer.id), name: 'Buyer1 Lee' } },
    ])
    expect(await parseWooWebhook(delivery('product.deleted', { id: 3 }), L)).toEqual([
      { kind: 'ignored', topic: 'product.deleted' },
    ])
    expect(await parseWooWebhook(delivery('coupon.updated', { id: 3 }), L)).toEqual([
      { kind: 'ignored', topic: 'coupon.updated' },
    ])
    expect(
      await parseWooWebhook(delivery('product.updated', { id: 9, type: 'variation', parent_id: 8 }), L),
    ).toMatchObject([{ kind: 'ignored' }])
  })

  it('rejects with invalid_input a body that is not the resource', async () => {
    await expect(parseWooWebhook(delivery('order.updated', { hello: 'world' }), L)).rejects.toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    )
    const notJson = { headers: { 'x-wc-webhook-topic': 'order.updated' }, rawBody: new TextEncoder().encode('{') }
    await expect(parseWooWebhook(notJson, L)).rejects.toThrow(expect.objectContaining({ code: 'invalid_input' }))
  })
})
