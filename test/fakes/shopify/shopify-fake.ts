/**
 * An HTTP test server that behaves like the parts of Shopify's Admin REST API kefu uses, written
 * from Shopify's public documentation: `X-Shopify-Access-Token` auth (401 otherwise), list
 * endpoints with cursor pagination (`Link: <…page_info=…>; rel="next"`, and a page_info request may
 * carry nothing but `limit`/`fields`), `/count.json`, orders filtered by `status` (default `open`),
 * `updated_at_min` and `name`, the leaky bucket header `X-Shopify-Shop-Api-Call-Limit`,
 * 429 with `Retry-After`, 422 errors shaped `{"errors": …}`, order cancel / update / refund
 * calculation that change its state, and webhooks signed with `X-Shopify-Hmac-Sha256`.
 * Every received call is logged in `calls`.
 */
import { createHmac, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ShopifyOrder, ShopifyProduct } from '../../../src/adapters/commerce-shopify/shopify-types.js'
import { type FakeCatalog, generateCatalog } from './shopify-catalog.js'

export type FakeCall = { method: string; path: string; query: Record<string, string>; body: unknown }
export type RefusableAction = 'cancel' | 'update' | 'refund'

export type ShopifyFake = {
  url: string
  accessToken: string
  webhookSecret: string
  apiVersion: string
  state: FakeCatalog
  calls: FakeCall[]
  /** Until cleared, this action answers 422 with Shopify's error body. */
  refuse(action: RefusableAction, message?: string | null): void
  /** The next `n` calls answer 429 with this `Retry-After` (seconds, as Shopify sends it). */
  throttleNext(n: number, retryAfter?: string): void
  /** The next `n` calls answer this 5xx. */
  failNext(n: number, status?: number): void
  orderByName(name: string): ShopifyOrder | undefined
  productBySku(sku: string): ShopifyProduct | undefined
  /** POSTs a webhook, signed with the app's secret (or `secret`), to kefu's endpoint. */
  sendWebhook(
    endpoint: string,
    topic: string,
    payload: unknown,
    opts?: { secret?: string; signature?: string },
  ): Promise<{ status: number; body: unknown }>
  callsTo(method: string, pathEnd: string): FakeCall[]
  close(): Promise<void>
}

export type ShopifyFakeOptions = {
  products?: number
  customers?: number
  orders?: number
  currency?: string
  accessToken?: string
  webhookSecret?: string
  /** Leaky bucket size (40 on standard plans); it leaks 2 calls per second. */
  bucketSize?: number
  now?: () => Date
}

const API_VERSION = '2024-10'

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(text)
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  if (chunks.length === 0) return undefined
  const text = Buffer.concat(chunks).toString('utf8')
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

type Cursor = { after: number; filters: Record<string, string> }
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url')
function decodeCursor(s: string): Cursor | null {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor
    return typeof c.after === 'number' ? c : null
  } catch {
    return null
  }
}

export async function startShopifyFake(o: ShopifyFakeOptions = {}): Promise<ShopifyFake> {
  const now = o.now ?? (() => new Date())
  const state = generateCatalog({
    products: o.products ?? 50,
    customers: o.customers ?? 30,
    orders: o.orders ?? 40,
    base: now().getTime() - 150 * 86_400_000,
  })
  const accessToken = o.accessToken ?? `shpat_${randomUUID().replace(/-/g, '')}`
  const webhookSecret = o.webhookSecret ?? `whsec_${randomUUID().replace(/-/g, '')}`
  const currency = o.currency ?? 'USD'
  const bucketSize = o.bucketSize ?? 40
  const calls: FakeCall[] = []
  const refusals = new Map<RefusableAction, string>()
  let throttle = { n: 0, retryAfter: '2.0' }
  let failures = { n: 0, status: 503 }
  let bucket = 0
  let leakedAt = performance.now()

  const stamp = () =>
    now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')

  function list(
    res: ServerResponse,
    base: string,
    key: string,
    all: Array<{ id: number }>,
    query: Record<string, string>,
    filter: (row: never, f: Record<string, string>) => boolean,
  ): void {
    const limit = Math.min(250, Math.max(1, Number(query.limit ?? 50) || 50))
    let filters: Record<string, string>
    let after = 0
    if (query.page_info) {
      const extra = Object.keys(query).filter((k) => !['page_info', 'limit', 'fields'].includes(k))
      const c = decodeCursor(query.page_info)
      if (extra.length > 0 || !c) {
        send(res, 400, {
          errors: `page_info - Invalid value.${extra.length ? ` ${extra[0]} can't be passed with page_info` : ''}`,
        })
        return
      }
      filters = c.filters
      after = c.after
    } else {
      const { limit: _l, fields: _f, ...rest } = query
      filters = rest
    }
    const rows = all.filter((r) => r.id > after && filter(r as never, filters)).sort((a, b) => a.id - b.id)
    const pageRows = rows.slice(0, limit)
    const links: string[] = []
    const last = pageRows[pageRows.length - 1]
    if (rows.length > limit && last)
      links.push(`<${base}?limit=${limit}&page_info=${encodeCursor({ after: last.id, filters })}>; rel="next"`)
    if (after > 0)
      links.push(`<${base}?limit=${limit}&page_info=${encodeCursor({ after: 0, filters })}>; rel="previous"`)
    send(res, 200, { [key]: pageRows }, links.length ? { link: links.join(', ') } : {})
  }

  const orderFilter = (o: ShopifyOrder, f: Record<string, string>) => {
    const status = f.status ?? 'open'
    if (status === 'open' && (o.cancelled_at || o.closed_at)) return false
    if (status === 'cancelled' && !o.cancelled_at) return false
    if (f.updated_at_min && Date.parse(o.updated_at ?? o.created_at) < Date.parse(f.updated_at_min)) return false
    if (f.name && o.name !== f.name && o.name !== `#${f.name.replace(/^#/, '')}`) return false
    return true
  }

  const refusal = (res: ServerResponse, action: RefusableAction): boolean => {
    const m = refusals.get(action)
    if (m === undefined) return false
    send(res, 422, { errors: { base: [m] } })
    return true
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake')
    const query = Object.fromEntries(url.searchParams)
    const body = await readBody(req)
    calls.push({ method: req.method ?? 'GET', path: url.pathname, query, body })

    const prefix = `/admin/api/${API_VERSION}`
    if (!url.pathname.startsWith(prefix)) return send(res, 404, { errors: 'Not Found' })
    if (req.headers['x-shopify-access-token'] !== accessToken)
      return send(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' })

    // The leaky bucket: every call adds one, two leak per second.
    const t = performance.now()
    bucket = Math.max(0, bucket - ((t - leakedAt) / 1000) * 2)
    leakedAt = t
    if (throttle.n > 0) {
      throttle.n--
      return send(
        res,
        429,
        { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' },
        { 'retry-after': throttle.retryAfter },
      )
    }
    if (bucket + 1 > bucketSize)
      return send(
        res,
        429,
        { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' },
        { 'retry-after': '2.0' },
      )
    bucket += 1
    res.setHeader('x-shopify-shop-api-call-limit', `${Math.ceil(bucket)}/${bucketSize}`)
    if (failures.n > 0) {
      failures.n--
      return send(res, failures.status, { errors: 'Internal Server Error' })
    }

    const path = url.pathname.slice(prefix.length)
    const base = `http://${req.headers.host}${url.pathname}`
    const m = /^\/orders\/(\d+)(\/cancel|\/refunds\/calculate)?\.json$/.exec(path)
    if (req.method === 'GET' && path === '/shop.json')
      return send(res, 200, {
        shop: { id: 1, name: 'Fake Shop', currency, domain: 'fake.example', myshopify_domain: 'fake.myshopify.com' },
      })
    if (req.method === 'GET' && path === '/products.json')
      return list(res, base, 'products', state.products, query, () => true)
    if (req.method === 'GET' && path === '/customers.json')
      return list(res, base, 'customers', state.customers, query, () => true)
    if (req.method === 'GET' && path === '/orders.json')
      return list(res, base, 'orders', state.orders, query, orderFilter)
    if (req.method === 'GET' && path === '/products/count.json') return send(res, 200, { count: state.products.length })
    if (req.method === 'GET' && path === '/customers/count.json')
      return send(res, 200, { count: state.customers.length })
    if (req.method === 'GET' && path === '/orders/count.json')
      return send(res, 200, { count: state.orders.filter((x) => orderFilter(x, query)).length })
    if (!m) return send(res, 404, { errors: 'Not Found' })
    const order = state.orders.find((x) => x.id === Number(m[1]))
    if (!order) return send(res, 404, { errors: 'Not Found' })
    if (req.method === 'GET' && !m[2]) return send(res, 200, { order })

    if (req.method === 'POST' && m[2] === '/cancel') {
      if (refusal(res, 'cancel')) return
      if (order.cancelled_at) return send(res, 422, { errors: { base: ['Order has already been cancelled'] } })
      if (order.fulfillment_status)
        return send(res, 422, { errors: { base: ['Cannot cancel an order that has fulfillments'] } })
      const b = (body ?? {}) as { reason?: string; amount?: string }
      order.cancelled_at = stamp()
      ;(order as ShopifyOrder & { cancel_reason?: string }).cancel_reason = b.reason ?? 'other'
      order.financial_status = b.amount
        ? 'refunded'
        : order.financial_status === 'pending'
          ? 'voided'
          : order.financial_status
      order.updated_at = stamp()
      return send(res, 200, { order })
    }
    if (req.method === 'PUT' && !m[2]) {
      if (refusal(res, 'update')) return
      const patch = ((body ?? {}) as { order?: Partial<ShopifyOrder> }).order
      if (!patch || typeof patch !== 'object')
        return send(res, 400, { errors: { order: 'Required parameter missing or invalid' } })
      if (patch.shipping_address) order.shipping_address = { ...order.shipping_address, ...patch.shipping_address }
      if (typeof patch.tags === 'string') order.tags = patch.tags
      if (typeof patch.note === 'string') order.note = patch.note
      order.updated_at = stamp()
      return send(res, 200, { order })
    }
    if (req.method === 'POST' && m[2] === '/refunds/calculate') {
      if (refusal(res, 'refund')) return
      const lines =
        (body as { refund?: { refund_line_items?: Array<{ line_item_id: number; quantity: number }> } })?.refund
          ?.refund_line_items ?? []
      if (order.financial_status === 'refunded')
        return send(res, 422, { errors: { refund_line_items: ['Order has already been refunded'] } })
      let amount = 0
      for (const l of lines) {
        const li = order.line_items.find((x) => x.id === l.line_item_id)
        if (!li || l.quantity > li.quantity)
          return send(res, 422, {
            errors: { refund_line_items: [`Quantity cannot refund more items than were purchased`] },
          })
        amount += Number(li.price) * l.quantity
      }
      return send(res, 200, {
        refund: {
          refund_line_items: lines.map((l) => ({ ...l, subtotal: amount.toFixed(2) })),
          transactions: [{ kind: 'suggested_refund', amount: amount.toFixed(2), currency: order.currency }],
        },
      })
    }
    return send(res, 405, { errors: 'Method Not Allowed' })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, { errors: String(e) }))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`

  return {
    url,
    accessToken,
    webhookSecret,
    apiVersion: API_VERSION,
    state,
    calls,
    refuse(action, message = 'Order cannot be changed') {
      if (message === null) refusals.delete(action)
      else refusals.set(action, message)
    },
    throttleNext(n, retryAfter = '2.0') {
      throttle = { n, retryAfter }
    },
    failNext(n, status = 503) {
      failures = { n, status }
    },
    orderByName: (name) => state.orders.find((x) => x.name === name || x.name === `#${name}`),
    productBySku: (sku) => state.products.find((p) => p.variants.some((v) => v.sku === sku)),
    callsTo: (method, pathEnd) => calls.filter((c) => c.method === method && c.path.endsWith(pathEnd)),
    async sendWebhook(endpoint, topic, payload, opts = {}) {
      const raw = Buffer.from(JSON.stringify(payload))
      const signature =
        opts.signature ??
        createHmac('sha256', opts.secret ?? webhookSecret)
          .update(raw)
          .digest('base64')
      const r = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': topic,
          'x-shopify-hmac-sha256': signature,
          'x-shopify-shop-domain': 'fake.myshopify.com',
          'x-shopify-api-version': API_VERSION,
          'x-shopify-webhook-id': randomUUID(),
          'x-shopify-triggered-at': stamp(),
        },
        body: raw,
      })
      const text = await r.text()
      let parsed: unknown = text
      try {
        parsed = JSON.parse(text)
      } catch {
        /* not JSON */
      }
      return { status: r.status, body: parsed }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
