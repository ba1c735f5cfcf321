/**
 * An HTTP test server for the WooCommerce REST API v3, written from the public API reference:
 * `/wp-json/wc/v3/{products, products/{id}/variations, customers, orders, orders/{id}/notes,
 * orders/{id}/refunds, settings/general/woocommerce_currency}` with `page`/`per_page` (max 100),
 * `X-WP-Total`/`X-WP-TotalPages`, `orderby`/`order`, `modified_after`, `search`; REST API key auth
 * (HTTP Basic, or `consumer_key`/`consumer_secret` in the query string); WooCommerce's error bodies
 * `{code, message, data:{status}}`. Order updates, notes and refunds change its state.
 *
 * Test controls: `inject` (answer the next matching calls with an error, a refusal or a 429 with
 * Retry-After), `calls` (every request, auth kind included, secrets not kept), `subscribe` (send
 * signed webhooks on changes, as WooCommerce does) and `deliver` / `ping` (send one by hand).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  type CatalogOptions,
  generateStore,
  gmt,
  money,
  type WooRecord,
  type WooStoreData,
} from './woo-fake-catalog.js'
import { type Subscription, type WebhookDelivery, WooFakeWebhooks } from './woo-fake-webhooks.js'

export type FakeCall = {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  auth: 'basic' | 'query' | 'none' | 'bad'
}

export type Injection = {
  method?: string
  path: RegExp
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** How many matching calls it answers. Default 1. */
  times?: number
}

export type WooFakeOptions = Partial<Omit<CatalogOptions, 'now'>> & {
  now: string
  consumerKey?: string
  consumerSecret?: string
  currency?: string
}

const API = '/wp-json/wc/v3'
const ORDER_STATUSES = ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed']

/** WooCommerce's error body. */
export const wooError = (status: number, code: string, message: string) => ({ code, message, data: { status } })

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export class WooFake {
  readonly data: WooStoreData
  readonly calls: FakeCall[] = []
  readonly consumerKey: string
  readonly consumerSecret: string
  readonly webhooks: WooFakeWebhooks
  private readonly injections: Injection[] = []
  private server: Server | undefined
  private clock: number
  private readonly currency: string
  url = ''

  constructor(o: WooFakeOptions) {
    this.data = generateStore(o)
    this.consumerKey = o.consumerKey ?? 'ck_test_0123456789abcdef0123456789abcdef01234567'
    this.consumerSecret = o.consumerSecret ?? 'cs_test_0123456789abcdef0123456789abcdef01234567'
    this.currency = o.currency ?? 'CNY'
    this.clock = Date.parse(o.now)
    this.webhooks = new WooFakeWebhooks(() => this.url)
  }

  /** Starts on a random loopback port; `url` is the store URL (what a merchant types). */
  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async close(): Promise<void> {
    await this.webhooks.drain()
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>((r) => this.server!.close(() => r()))
  }

  /** Answer the next matching call(s) with this status/body instead of serving it. */
  inject(i: Injection): void {
    this.injections.push({ ...i, times: i.times ?? 1 })
  }

  /** Drops every pending injection (the store behaves normally again). */
  clearInjections(): void {
    this.injections.length = 0
  }

  /** The next matching call(s) are refused with a WooCommerce error (400 by default). */
  refuse(
    method: string,
    path: RegExp,
    code = 'woocommerce_rest_cannot_edit',
    message = 'Sorry, you are not allowed to edit this resource.',
    status = 400,
    times = 1,
  ): void {
    this.inject({ method, path, status, body: wooError(status, code, message), times })
  }

  /** The next `times` matching calls get 429 with `Retry-After: seconds`. */
  rateLimit(path: RegExp, seconds: number, times = 1, method?: string): void {
    this.inject({
      ...(method ? { method } : {}),
      path,
      status: 429,
      headers: { 'retry-after': String(seconds) },
      body: wooError(429, 'woocommerce_rest_too_many_requests', 'Too many requests.'),
      times,
    })
  }

  /** Sends `topic` webhooks to `url` on every matching change, signed with `secret`. */
  subscribe(s: Subscription): void {
    this.webhooks.subscribe(s)
  }

  /** Moves the fake's clock (dates it writes on changes). */
  setNow(iso: string): void {
    this.clock = Date.parse(iso)
  }

  callsTo(method: string, path: RegExp): FakeCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path))
  }

  /** Changes a product as the merchant would in wp-admin; fires `product.updated`. */
  updateProduct(id: number, patch: Record<string, unknown>): WooRecord {
    const p = this.data.products.get(id)
    if (!p) throw new Error(`no product ${id}`)
    Object.assign(p, patch, { date_modified_gmt: gmt(this.clock) })
    this.webhooks.emit('product.updated', p)
    return p
  }

  /** Changes an order as the merchant would (e.g. adds tracking); fires `order.updated`. */
  updateOrder(id: number, patch: Record<string, unknown>): WooRecord {
    const o = this.data.orders.get(id)
    if (!o) throw new Error(`no order ${id}`)
    Object.assign(o, patch, { date_modified_gmt: gmt(this.clock) })
    this.webhooks.emit('order.updated', o)
    return o
  }

  /** Sends one delivery by hand (a forged one with `signature`). */
  deliver(d: WebhookDelivery): Promise<{ status: number; body: string }> {
    return this.webhooks.deliver(d)
  }

  private authOf(req: IncomingMessage, q: URLSearchParams): FakeCall['auth'] {
    const h = req.headers.authorization
    if (h?.startsWith('Basic ')) {
      const [k, s] = Buffer.from(h.slice(6), 'base64').toString().split(':')
      return k === this.consumerKey && s === this.consumerSecret ? 'basic' : 'bad'
    }
    if (q.has('consumer_key'))
      return q.get('consumer_key') === this.consumerKey && q.get('consumer_secret') === this.consumerSecret
        ? 'query'
        : 'bad'
    return 'none'
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://fake')
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString()
    let body: unknown
    try {
      body = raw ? JSON.parse(raw) : undefined
    } catch {
      return this.send(res, 400, wooError(400, 'rest_invalid_json', 'Invalid JSON body passed.'))
    }
    const query = Object.fromEntries(
      [...u.searchParams].filter(([k]) => k !== 'consumer_key' && k !== 'consumer_secret'),
    )
    const auth = this.authOf(req, u.searchParams)
    const path = u.pathname.startsWith(API) ? u.pathname.slice(API.length) : u.pathname
    const method = req.method ?? 'GET'
    this.calls.push({ method, path, query, body, auth })
    const inj = this.injections.find(
      (i) => (!i.method || i.method === method) && i.path.test(path) && (i.times ?? 1) > 0,
    )
    if (inj) {
      inj.times = (inj.times ?? 1) - 1
      return this.send(res, inj.status, inj.body ?? '', inj.headers)
    }
    if (!u.pathname.startsWith(API))
      return this.send(
        res,
        404,
        wooError(404, 'rest_no_route', 'No route was found matching the URL and request method.'),
      )
    if (auth === 'none')
      return this.send(res, 401, wooError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.'))
    if (auth === 'bad')
      return this.send(res, 401, wooError(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.'))
    try {
      const out = this.route(method, path, u.searchParams, body as Record<string, unknown> | undefined)
      return this.send(res, out.status ?? 200, out.body, out.headers)
    } catch (e) {
      if (e instanceof HttpError) return this.send(res, e.status, wooError(e.status, e.code, e.message))
      return this.send(
        res,
        500,
        wooError(500, 'internal_server_error', 'There has been a critical error on this website.'),
      )
    }
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers })
    res.end(text)
  }

  private route(
    method: string,
    path: string,
    q: URLSearchParams,
    body: Record<string, unknown> | undefined,
  ): { status?: number; body: unknown; headers?: Record<string, string> } {
    const d = this.data
    const idIn = (re: RegExp) => path.match(re)?.[1]
    const variationsOf = idIn(/^\/products\/(\d+)\/variations$/)
    const productId = idIn(/^\/products\/(\d+)$/)
    const customerId = idIn(/^\/customers\/(\d+)$/)
    const orderId = idIn(/^\/orders\/(\d+)$/)
    const notesOf = idIn(/^\/orders\/(\d+)\/notes$/)
    const refundsOf = idIn(/^\/orders\/(\d+)\/refunds$/)
    if (method === 'GET' && path === '/settings/general/woocommerce_currency')
      return {
        body: { id: 'woocommerce_currency', label: 'Currency', type: 'select', default: 'USD', value: this.currency },
      }
    if (method === 'GET' && path === '/products') {
      let rows = [...d.products.values()]
      const status = q.get('status')
      if (status && status !== 'any') rows = rows.filter((p) => p.status === status)
      return this.list(rows, q)
    }
    if (variationsOf !== undefined && method === 'GET') {
      if (!d.products.has(Number(variationsOf)))
        throw new HttpError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.')
      return this.list(d.variations.get(Number(variationsOf)) ?? [], q)
    }
    if (productId !== undefined && method === 'GET') return { body: this.get(d.products, productId, 'product') }
    if (method === 'GET' && path === '/customers') return this.list([...d.customers.values()], q)
    if (customerId !== undefined && method === 'GET') return { body: this.get(d.customers, customerId, 'customer') }
    if (method === 'GET' && path === '/orders') {
      let rows = [...d.orders.values()]
      const s = q.get('search')
      if (s) rows = rows.filter((o) => o.number === s || JSON.stringify(o.billing).includes(s))
      const st = q.get('status')
      if (st && st !== 'any') rows = rows.filter((o) => st.split(',').includes(String(o.status)))
      return this.list(rows, q)
    }
    if (orderId !== undefined) {
      const o = this.get(d.orders, orderId, 'shop_order')
      if (method === 'GET') return { body: o }
      if (method === 'PUT') return { body: this.updateOrderFromApi(o, body ?? {}) }
    }
    if (notesOf !== undefined) {
      const o = this.get(d.orders, notesOf, 'shop_order')
      const notes = d.notes.get(o.id) ?? []
      if (method === 'GET') return { body: notes }
      if (method === 'POST') {
        if (typeof body?.note !== 'string' || !body.note)
          throw new HttpError(400, 'rest_missing_callback_param', 'Missing parameter(s): note')
        const n = {
          id: d.nextId++,
          author: 'kefu',
          date_created_gmt: gmt(this.clock),
          note: body.note,
          customer_note: body.customer_note === true,
        }
        d.notes.set(o.id, [...notes, n])
        return { status: 201, body: n }
      }
    }
    if (refundsOf !== undefined) {
      const o = this.get(d.orders, refundsOf, 'shop_order')
      if (method === 'GET') return { body: d.refunds.get(o.id) ?? [] }
      if (method === 'POST') return { status: 201, body: this.refund(o, body ?? {}) }
    }
    throw new HttpError(404, 'rest_no_route', 'No route was found matching the URL and request method.')
  }

  private get(map: Map<number, WooRecord>, id: string, kind: string): WooRecord {
    const r = map.get(Number(id))
    if (!r) throw new HttpError(404, `woocommerce_rest_${kind}_invalid_id`, 'Invalid ID.')
    return r
  }

  private list(rows: WooRecord[], q: URLSearchParams) {
    const perPage = Number(q.get('per_page') ?? 10)
    const page = Number(q.get('page') ?? 1)
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
      throw new HttpError(400, 'rest_invalid_param', 'Invalid parameter(s): per_page')
    if (!Number.isInteger(page) || page < 1)
      throw new HttpError(400, 'rest_invalid_param', 'Invalid parameter(s): page')
    const after = q.get('modified_after')
    if (after) {
      const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(after) ? after : `${after}Z`)
      rows = rows.filter((r) => Date.parse(`${r.date_modified_gmt}Z`) > t)
    }
    const orderby = q.get('orderby') ?? 'date'
    const dir = (q.get('order') ?? 'desc') === 'asc' ? 1 : -1
    // menu_order: the merchant's drag-and-drop order, which the fake keeps as creation order.
    const key = (r: WooRecord) =>
      orderby === 'menu_order'
        ? r.id
        : orderby === 'id'
          ? r.id
          : orderby === 'modified'
            ? String(r.date_modified_gmt)
            : String(r.date_created_gmt ?? r.id)
    rows = [...rows].sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : (a.id - b.id) * dir))
    const total = rows.length
    const pages = Math.ceil(total / perPage)
    return {
      body: rows.slice((page - 1) * perPage, page * perPage),
      headers: { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(pages) },
    }
  }

  private updateOrderFromApi(o: WooRecord, body: Record<string, unknown>): WooRecord {
    if (body.status !== undefined && !ORDER_STATUSES.includes(String(body.status)))
      throw new HttpError(400, 'rest_invalid_param', 'Invalid parameter(s): status')
    if (body.status !== undefined) {
      o.status = body.status
      if (body.status === 'completed') o.date_completed_gmt = gmt(this.clock)
    }
    if (body.shipping && typeof body.shipping === 'object')
      o.shipping = { ...(o.shipping as object), ...(body.shipping as object) }
    if (body.billing && typeof body.billing === 'object')
      o.billing = { ...(o.billing as object), ...(body.billing as object) }
    o.date_modified_gmt = gmt(this.clock)
    this.webhooks.emit('order.updated', o)
    return o
  }

  private refund(o: WooRecord, body: Record<string, unknown>): WooRecord {
    const amount = Number(body.amount)
    const refunded = (this.data.refunds.get(o.id) ?? []).reduce((n, r) => n + Number(r.amount), 0)
    if (!Number.isFinite(amount) || amount <= 0)
      throw new HttpError(
        400,
        'woocommerce_rest_cannot_create_order_refund',
        'Refund amount must be greater than zero.',
      )
    if (amount > Number(o.total) - refunded + 0.001)
      throw new HttpError(400, 'woocommerce_rest_cannot_create_order_refund', 'Invalid refund amount.')
    const r: WooRecord = {
      id: this.data.nextId++,
      date_created_gmt: gmt(this.clock),
      amount: money(amount),
      reason: String(body.reason ?? ''),
      refunded_by: 1,
      refunded_payment: body.api_refund !== false,
      line_items: Array.isArray(body.line_items) ? body.line_items : [],
    }
    this.data.refunds.set(o.id, [...(this.data.refunds.get(o.id) ?? []), r])
    o.refunds = [...(o.refunds as unknown[]), { id: r.id, reason: r.reason, total: `-${r.amount}` }]
    if (refunded + amount >= Number(o.total) - 0.001) o.status = 'refunded'
    o.date_modified_gmt = gmt(this.clock)
    this.webhooks.emit('order.updated', o)
    return r
  }
}

/** Creates and starts a fake store. */
export async function startWooFake(o: WooFakeOptions): Promise<WooFake> {
  return new WooFake(o).start()
}
