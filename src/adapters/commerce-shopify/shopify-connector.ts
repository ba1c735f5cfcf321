/**
 * The Shopify connector (Admin REST API, version 2024-10 by default): `X-Shopify-Access-Token`
 * auth, cursor pagination through the `Link` header's `page_info`, leaky-bucket pacing from
 * `X-Shopify-Shop-Api-Call-Limit` and 429 `Retry-After` (shared client), webhooks verified with
 * `X-Shopify-Hmac-Sha256`. Actions: cancel (`POST /orders/{id}/cancel.json`), shipping address
 * (`PUT /orders/{id}.json`, refused here once fulfilled), return request (validated with
 * `POST /orders/{id}/refunds/calculate.json`, then recorded on the order as a tag and note; kefu
 * never moves money on a customer's word — staff issue the refund in Shopify). See docs/shopify.md.
 */
import type { Address, Order, Product } from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import type {
  CommerceActionResult,
  CommerceChange,
  CommerceConnector,
  SyncPage,
  WebhookDelivery,
} from '../../core/ports/commerce.js'
import { type CommerceHttp, createCommerceHttp, type HttpResult } from '../commerce-http/commerce-http-client.js'
import { errorDetail, guardAction, refusedOrUnavailable } from '../commerce-http/to-action-result.js'
import { verifyBase64Hmac } from '../commerce-http/verify-hmac.js'
import { orderNoOf, toCustomer, toOrder, toProducts } from './shopify-mapping.js'
import type { ShopifyCustomer, ShopifyOrder, ShopifyProduct } from './shopify-types.js'

export const SHOPIFY_API_VERSION = '2024-10'
/** Shopify's largest page. */
const PAGE = 250

export type ShopifyConnectorOptions = {
  /** `https://NAME.myshopify.com` */
  storeUrl: string
  accessToken: string
  webhookSecret: string
  apiVersion?: string
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
  timeoutMs?: number
  maxRetries?: number
}

/** The `rel="next"` page_info of a Link header, or null. */
export function nextPageInfo(link: string | null): string | null {
  if (!link) return null
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim())
    if (m?.[1]) return new URL(m[1]).searchParams.get('page_info')
  }
  return null
}

/**
 * Leaky bucket pacing: Shopify's REST bucket holds 40 calls (80 on Plus) and leaks 2 per second.
 * Past 80 % full, wait for the excess over half the bucket to leak before the next call.
 */
export function shopifyPace(res: Response): number {
  const h = res.headers.get('x-shopify-shop-api-call-limit')
  const m = h ? /^(\d+)\/(\d+)$/.exec(h.trim()) : null
  if (!m) return 0
  const used = Number(m[1])
  const size = Number(m[2])
  if (used < size * 0.8) return 0
  return Math.ceil((used - size / 2) * 500)
}

const TOPIC_KINDS: Record<string, 'product' | 'order' | 'customer'> = {
  'products/create': 'product',
  'products/update': 'product',
  'orders/create': 'order',
  'orders/updated': 'order',
  'orders/cancelled': 'order',
  'orders/fulfilled': 'order',
  'orders/partially_fulfilled': 'order',
  'orders/paid': 'order',
  'customers/create': 'customer',
  'customers/update': 'customer',
}

export function createShopifyConnector(o: ShopifyConnectorOptions): CommerceConnector {
  const version = o.apiVersion ?? SHOPIFY_API_VERSION
  const http: CommerceHttp = createCommerceHttp({
    baseUrl: `${o.storeUrl.replace(/\/+$/, '')}/admin/api/${version}`,
    headers: { 'x-shopify-access-token': o.accessToken },
    what: 'Shopify',
    pace: shopifyPace,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    ...(o.sleep ? { sleep: o.sleep } : {}),
    ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.maxRetries !== undefined ? { maxRetries: o.maxRetries } : {}),
  })
  let currency: string | null = null

  async function ok(res: Promise<HttpResult>, what: string): Promise<HttpResult> {
    const r = await res
    if (r.status >= 200 && r.status < 300) return r
    throw new AppError('upstream_failed', `Shopify ${what}: ${errorDetail(r)}`, { retryable: false })
  }

  async function shopCurrency(): Promise<string> {
    if (currency) return currency
    const r = await ok(http.request('GET', '/shop.json'), 'shop')
    currency = String((r.body as { shop?: { currency?: string } }).shop?.currency ?? 'USD').slice(0, 3)
    return currency
  }

  async function page<T>(
    path: string,
    key: string,
    cursor: string | null,
    filters: Record<string, string> = {},
  ): Promise<{ rows: T[]; next: string | null }> {
    // A page_info request may carry nothing but limit (Shopify's rule): the filters ride in the cursor.
    const query = cursor ? { limit: PAGE, page_info: cursor } : { limit: PAGE, ...filters }
    const r = await ok(http.request('GET', path, { query }), key)
    const rows = (r.body as Record<string, unknown>)[key]
    if (!Array.isArray(rows)) throw new AppError('upstream_failed', `Shopify ${key}: the answer has no ${key} list`)
    return { rows: rows as T[], next: nextPageInfo(r.headers.get('link')) }
  }

  /** The Shopify order behind a kefu order number (its `name`), with everything the actions need. */
  async function findOrder(order: Order): Promise<ShopifyOrder | CommerceActionResult> {
    const r = await http.request('GET', '/orders.json', {
      query: { name: `#${order.orderNo}`, status: 'any', limit: 5 },
    })
    if (r.status < 200 || r.status >= 300) return refusedOrUnavailable(r)
    const found = ((r.body as { orders?: ShopifyOrder[] }).orders ?? []).find(
      (x) => orderNoOf(x.name) === order.orderNo,
    )
    if (!found) return { ok: false, kind: 'refused', detail: `no Shopify order named #${order.orderNo}` }
    return found
  }

  const isResult = (x: ShopifyOrder | CommerceActionResult): x is CommerceActionResult => 'ok' in x

  function accepted(body: unknown, externalId?: string): CommerceActionResult {
    const so = (body as { order?: ShopifyOrder } | null)?.order
    const mapped = so ? toOrder(so) : null
    return {
      ok: true,
      ...(mapped && !('skip' in mapped) ? { order: mapped } : {}),
      ...(externalId ? { externalId } : {}),
    }
  }

  return {
    specificationVersion: 'v1',
    platform: 'shopify',

    async count(kind) {
      const r = await ok(
        http.request('GET', `/${kind}/count.json`, kind === 'orders' ? { query: { status: 'any' } } : {}),
        `${kind} count`,
      )
      const n = (r.body as { count?: unknown }).count
      return typeof n === 'number' ? n : null
    },

    async listProducts(cursor): Promise<SyncPage<Product>> {
      const cur = await shopCurrency()
      const p = await page<ShopifyProduct>('/products.json', 'products', cursor)
      return { rows: p.rows.flatMap((x) => toProducts(x, cur)), next: p.next }
    },

    async listCustomers(cursor) {
      const p = await page<ShopifyCustomer>('/customers.json', 'customers', cursor)
      const rows = []
      const skipped = []
      for (const c of p.rows) {
        const m = toCustomer(c)
        if ('skip' in m) skipped.push({ id: String(c.id), reason: m.skip })
        else rows.push(m)
      }
      return { rows, next: p.next, skipped }
    },

    async listOrders(cursor, opts = {}) {
      const filters: Record<string, string> = { status: 'any' }
      if (opts.updatedSince) filters.updated_at_min = opts.updatedSince
      const p = await page<ShopifyOrder>('/orders.json', 'orders', cursor, filters)
      const rows = []
      const skipped = []
      for (const so of p.rows) {
        const m = toOrder(so)
        if ('skip' in m) skipped.push({ id: so.name, reason: m.skip })
        else rows.push(m)
      }
      return { rows, next: p.next, skipped }
    },

    // Shopify's cancel reasons are a closed list; a customer's own request is `customer`.
    cancelOrder: (order, _input) =>
      guardAction(async () => {
        const so = await findOrder(order)
        if (isResult(so)) return so
        if (so.cancelled_at)
          return { ok: false, kind: 'refused', detail: `order ${so.name} is already cancelled on Shopify` }
        const paid = ['paid', 'partially_paid', 'partially_refunded'].includes(so.financial_status ?? '')
        const r = await http.request('POST', `/orders/${so.id}/cancel.json`, {
          // A paid order is refunded in full by the cancellation (`amount` + `currency`): what the
          // customer was promised when they confirmed.
          body: {
            reason: 'customer',
            email: true,
            restock: true,
            ...(paid ? { amount: so.total_price, currency: so.currency } : {}),
          },
        })
        return r.status >= 200 && r.status < 300 ? accepted(r.body) : refusedOrUnavailable(r)
      }),

    updateShippingAddress: (order, address: Address) =>
      guardAction(async () => {
        const so = await findOrder(order)
        if (isResult(so)) return so
        if (so.cancelled_at) return { ok: false, kind: 'refused', detail: `order ${so.name} is cancelled on Shopify` }
        if (so.fulfillment_status)
          return { ok: false, kind: 'refused', detail: `order ${so.name} is ${so.fulfillment_status} on Shopify` }
        const before = so.shipping_address ?? {}
        const r = await http.request('PUT', `/orders/${so.id}.json`, {
          body: {
            order: {
              id: so.id,
              shipping_address: {
                name: address.name,
                phone: address.phone,
                address1: address.detail,
                address2: null,
                city: address.region || null,
                province: null,
                zip: null,
                country: before.country ?? null,
              },
            },
          },
        })
        return r.status >= 200 && r.status < 300 ? accepted(r.body) : refusedOrUnavailable(r)
      }),

    requestReturn: (order, input) =>
      guardAction(async () => {
        const so = await findOrder(order)
        if (isResult(so)) return so
        const lines = []
        for (const item of input.items) {
          const li = so.line_items.find(
            (l) => (l.sku ?? '') === item.sku || `shopify-${l.variant_id ?? l.id}` === item.sku,
          )
          if (!li)
            return { ok: false, kind: 'refused', detail: `order ${so.name} has no line with SKU ${item.sku}` } as const
          lines.push({ line_item_id: li.id, quantity: item.quantity, restock_type: 'no_restock' })
        }
        // Shopify checks the lines can still be refunded (not already refunded, quantities) …
        const calc = await http.request('POST', `/orders/${so.id}/refunds/calculate.json`, {
          body: { refund: { shipping: { full_refund: false }, refund_line_items: lines } },
        })
        if (calc.status < 200 || calc.status >= 300) return refusedOrUnavailable(calc)
        // … and the request is recorded on the order where staff work: a tag and a note line.
        const tag = `kefu-return-${input.kefuReturnId}`
        const tags = [
          ...(so.tags ?? '')
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
          tag,
        ]
        const note = `${so.note ? `${so.note}\n` : ''}kefu ${input.kind} request ${input.kefuReturnId}: ${input.items
          .map((i) => `${i.sku} x${i.quantity}`)
          .join(', ')} — ${input.reason}`.slice(0, 5000)
        const r = await http.request('PUT', `/orders/${so.id}.json`, {
          body: { order: { id: so.id, tags: tags.join(', '), note } },
        })
        return r.status >= 200 && r.status < 300 ? accepted(r.body, tag) : refusedOrUnavailable(r)
      }),

    verifyWebhook(delivery: WebhookDelivery) {
      return verifyBase64Hmac(o.webhookSecret, delivery.rawBody, delivery.headers['x-shopify-hmac-sha256'])
    },

    async parseWebhook(delivery: WebhookDelivery): Promise<CommerceChange[]> {
      const topic = delivery.headers['x-shopify-topic'] ?? ''
      const kind = TOPIC_KINDS[topic]
      if (!kind) return [{ kind: 'ignored', topic: topic || '(none)' }]
      let body: unknown
      try {
        body = JSON.parse(new TextDecoder().decode(delivery.rawBody))
      } catch {
        throw new AppError('invalid_input', `Shopify webhook ${topic}: the body is not JSON`)
      }
      if (typeof body !== 'object' || body === null || typeof (body as { id?: unknown }).id !== 'number')
        throw new AppError('invalid_input', `Shopify webhook ${topic}: the body has no numeric id`)
      if (kind === 'product') {
        const p = body as ShopifyProduct
        if (!Array.isArray(p.variants)) throw new AppError('invalid_input', `Shopify webhook ${topic}: no variants`)
        return toProducts(p, await shopCurrency()).map((product) => ({ kind: 'product', product }))
      }
      if (kind === 'customer') {
        const c = toCustomer(body as ShopifyCustomer)
        return 'skip' in c ? [{ kind: 'ignored', topic }] : [{ kind: 'customer', customer: c }]
      }
      const so = body as ShopifyOrder
      if (!Array.isArray(so.line_items) || typeof so.name !== 'string')
        throw new AppError('invalid_input', `Shopify webhook ${topic}: not an order`)
      const mapped = toOrder(so)
      return 'skip' in mapped ? [{ kind: 'ignored', topic }] : [{ kind: 'order', order: mapped }]
    },
  }
}
