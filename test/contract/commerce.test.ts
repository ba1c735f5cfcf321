/**
 * Runs the commerce conformance suite against every adapter: the embedded store, Shopify (against
 * the Shopify fake) and WooCommerce (against the WooCommerce fake).
 */
import { createHmac } from 'node:crypto'
import { createShopifyConnector } from '../../src/adapters/commerce-shopify/shopify-connector.js'
import { orderNoOf, toOrder } from '../../src/adapters/commerce-shopify/shopify-mapping.js'
import type { ShopifyOrder } from '../../src/adapters/commerce-shopify/shopify-types.js'
import { mapOrder } from '../../src/adapters/commerce-woocommerce/woo-mapping.js'
import { wooOrderSchema } from '../../src/adapters/commerce-woocommerce/woo-resources.js'
import { wooWebhookSignature } from '../../src/adapters/commerce-woocommerce/woo-webhooks.js'
import { createWooCommerceConnector } from '../../src/adapters/commerce-woocommerce/woocommerce-commerce-connector.js'
import { createEmbeddedCommerce } from '../../src/core/commerce/embedded-commerce.js'
import type { Order } from '../../src/core/domain/schemas.js'
import { startShopifyFake } from '../fakes/shopify/shopify-fake.js'
import type { WooRecord } from '../fakes/woocommerce/woo-fake-catalog.js'
import { startWooFake } from '../fakes/woocommerce/woo-fake-server.js'
import { commerceContract } from './commerce.contract.js'

const order = (no: string, status: Order['status']): Order => ({
  orderNo: no,
  customerId: 'c1',
  status,
  items: [{ sku: 'SKU-1', qty: 1, price: 10 }],
  total: 10,
  currency: 'CNY',
  createdAt: '2026-03-01T10:00:00+08:00',
})

commerceContract(
  'embedded',
  async () => {
    let n = 0
    return {
      actions: createEmbeddedCommerce(),
      openOrder: async () => order(`E${++n}`, 'paid'),
      deliveredOrder: async () => order(`E${++n}`, 'delivered'),
      close: async () => undefined,
    }
  },
  { platform: false },
)

commerceContract(
  'shopify (fake)',
  async () => {
    const fake = await startShopifyFake({ products: 620, customers: 95, orders: 330, bucketSize: 1000 })
    const connector = createShopifyConnector({
      storeUrl: fake.url,
      accessToken: fake.accessToken,
      webhookSecret: fake.webhookSecret,
      // Backoff is real but short here; the client's own test checks the waits themselves.
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
      maxRetries: 3,
    })
    const used = new Set<string>()
    const pick = (ok: (o: ShopifyOrder) => boolean): Order => {
      const so = fake.state.orders.find((o) => ok(o) && !used.has(o.name))
      if (!so) throw new Error('the fake ran out of orders of that kind')
      used.add(so.name)
      const mapped = toOrder(so)
      if ('skip' in mapped) throw new Error(mapped.skip)
      return mapped
    }
    const open = (o: ShopifyOrder) => !o.cancelled_at && !o.fulfillment_status && o.financial_status === 'paid'
    return {
      actions: connector,
      connector,
      openOrder: async () => pick(open),
      deliveredOrder: async () =>
        pick((o) => (o.fulfillments ?? []).some((f) => f.shipment_status === 'delivered') && !o.cancelled_at),
      fulfilledOrder: async () => pick((o) => o.fulfillment_status === 'fulfilled' && !o.cancelled_at),
      platformCancelled: async (o) =>
        fake.callsTo('POST', '/cancel.json').some((c) => c.path.includes(String(fake.orderByName(o.orderNo)?.id))) &&
        Boolean(fake.state.orders.find((x) => orderNoOf(x.name) === o.orderNo)?.cancelled_at),
      refuse: (action) =>
        fake.refuse(
          action === 'cancel' ? 'cancel' : action === 'address' ? 'update' : 'refund',
          'Order cannot be changed',
        ),
      goDown: () => fake.failNext(1000, 503),
      throttleOnce: () => fake.throttleNext(1, '0.05'),
      restore: () => {
        fake.refuse('cancel', null)
        fake.refuse('update', null)
        fake.refuse('refund', null)
        fake.failNext(0)
      },
      totals: { products: 620, customers: 95, orders: 330 },
      productWebhook: () => {
        const p = structuredClone(fake.state.products[3]!)
        p.variants[0]!.price = '123.45'
        const raw = Buffer.from(JSON.stringify(p))
        return {
          delivery: {
            headers: {
              'content-type': 'application/json',
              'x-shopify-topic': 'products/update',
              'x-shopify-hmac-sha256': createHmac('sha256', fake.webhookSecret).update(raw).digest('base64'),
            },
            rawBody: new Uint8Array(raw),
          },
          sku: p.variants[0]!.sku!,
          price: 123.45,
        }
      },
      close: () => fake.close(),
    }
  },
  { platform: true },
)

commerceContract(
  'woocommerce (fake)',
  async () => {
    const fake = await startWooFake({ now: '2026-11-20T08:00:00.000Z', products: 250, customers: 95, orders: 330 })
    const secret = 'wc-contract-webhook-secret'
    const connector = createWooCommerceConnector({
      storeUrl: fake.url,
      consumerKey: fake.consumerKey,
      consumerSecret: fake.consumerSecret,
      webhookSecret: secret,
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
      maxRetries: 3,
    })
    const used = new Set<number>()
    const tracked = (o: WooRecord) => (o.meta_data as unknown[]).length > 0
    const pick = (ok: (o: WooRecord) => boolean): Order => {
      const wo = [...fake.data.orders.values()].find((o) => ok(o) && !used.has(o.id))
      if (!wo) throw new Error('the fake ran out of orders of that kind')
      used.add(wo.id)
      const mapped = mapOrder(wooOrderSchema.parse(wo))
      if (!mapped) throw new Error(`order ${wo.id} has no product lines`)
      return mapped
    }
    const byNo = (o: Order) => [...fake.data.orders.values()].find((w) => String(w.number) === o.orderNo)
    return {
      actions: connector,
      connector,
      openOrder: async () => pick((o) => o.status === 'processing' && !tracked(o)),
      deliveredOrder: async () => pick((o) => o.status === 'completed'),
      fulfilledOrder: async () => pick((o) => o.status === 'processing' && tracked(o)),
      platformCancelled: async (o) => {
        const w = byNo(o)
        return Boolean(w && w.status === 'cancelled' && fake.callsTo('PUT', new RegExp(`^/orders/${w.id}$`)).length > 0)
      },
      refuse: (action) =>
        action === 'return'
          ? fake.refuse('POST', /^\/orders\/\d+\/notes$/, 'rest_invalid_param', 'Invalid parameter(s): note', 400, 1000)
          : fake.refuse(
              'PUT',
              /^\/orders\/\d+$/,
              'woocommerce_rest_cannot_edit',
              'Order cannot be changed.',
              400,
              1000,
            ),
      goDown: () => fake.inject({ path: /./, status: 503, body: 'Service Unavailable', times: 1000 }),
      throttleOnce: () => fake.rateLimit(/./, 0.05, 1),
      restore: () => fake.clearInjections(),
      totals: { products: 250, customers: 95, orders: 330 },
      productWebhook: () => {
        const p = structuredClone([...fake.data.products.values()].find((x) => x.type === 'simple' && x.sku)!)
        Object.assign(p, { price: '123.45', regular_price: '123.45', sale_price: '' })
        const raw = new TextEncoder().encode(JSON.stringify(p))
        return {
          delivery: {
            headers: {
              'content-type': 'application/json',
              'x-wc-webhook-topic': 'product.updated',
              'x-wc-webhook-signature': wooWebhookSignature(secret, raw),
            },
            rawBody: raw,
          },
          sku: String(p.sku),
          price: 123.45,
        }
      },
      close: () => fake.close(),
    }
  },
  { platform: true },
)
