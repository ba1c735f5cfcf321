/**
 * The WooCommerce connector: the Commerce port over the WooCommerce REST API v3 for one store.
 *
 * Actions read the order from WooCommerce first (kefu's mirror may be a webhook behind) and only
 * then change it, so "not yet fulfilled" is decided on the platform's current state:
 * - cancel: `PUT /orders/{id}` `{status:"cancelled"}` while the order is pending / on-hold /
 *   processing / failed and carries no tracking number; then a private order note with the reason.
 *   (WooCommerce itself would accept cancelling a completed order, so the check is kefu's.)
 * - address change: `PUT /orders/{id}` `{shipping:{…}}` under the same condition.
 * - return / refund / exchange request: a private order note (`POST /orders/{id}/notes`) naming kefu's
 *   return number, items and reason, for the merchant to act on — WooCommerce core has no return
 *   object, and a refund moves money before the goods are back. With `refunds: 'create'`, a
 *   `refund` request instead creates the refund (`POST /orders/{id}/refunds`, line items and amount,
 *   through the payment gateway).
 * Results are values: `refused` for WooCommerce's 4xx answers and kefu's own "already shipped"
 * checks, `unavailable` for timeouts, 5xx, 429 past the retry budget, and bad or read-only keys.
 */

import type { Address, Customer, Order, Product } from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import type {
  CommerceActionResult,
  CommerceConnector,
  ReturnRequestInput,
  SyncPage,
  WebhookDelivery,
} from '../../core/ports/commerce.js'
import { createWooClient, WooApiError, type WooClient, type WooClientOptions } from './woo-http-client.js'
import {
  isUnfulfilled,
  type MappingOptions,
  mapCustomer,
  mapOrder,
  mapProduct,
  productSku,
  toWooShipping,
} from './woo-mapping.js'
import {
  type WooOrder,
  type WooProduct,
  type WooVariation,
  wooCustomerSchema,
  wooOrderSchema,
  wooProductSchema,
  wooVariationSchema,
} from './woo-resources.js'
import { parseWooWebhook, verifyWooWebhook } from './woo-webhooks.js'

export type WooCommerceConnectorOptions = WooClientOptions & {
  /** The secret set on the shop's WooCommerce webhooks. */
  webhookSecret: string
  /** Store currency; read from WooCommerce's general settings when omitted. */
  currency?: string
  /** Brand of products without one. Default: the store's host name. */
  defaultBrand?: string
  /** Stock reported for in-stock products whose quantity is not tracked. Default 100. */
  untrackedStock?: number
  /** Rows per page of a sync read (WooCommerce allows at most 100). Default 100. */
  perPage?: number
  /** What a `refund` request does: a note for the merchant (default) or a gateway refund. */
  refunds?: 'note' | 'create'
}

/**
 * WooCommerce answers → the port's result kinds: a final 4xx is `refused` (the platform said no),
 * except 401/403 (kefu's keys are wrong or read-only) and 408/409, which are `unavailable`, as is
 * anything the shared client gave up on (timeouts, 5xx, 429 past the budget).
 */
function failure(e: unknown): CommerceActionResult {
  if (e instanceof WooApiError) {
    const unavailable = [401, 403, 408, 409].includes(e.status)
    return { ok: false, kind: unavailable ? 'unavailable' : 'refused', detail: e.message }
  }
  if (AppError.isInstance(e)) return { ok: false, kind: 'unavailable', detail: e.message }
  return { ok: false, kind: 'unavailable', detail: 'unexpected error' }
}

type Skipped = Array<{ id: string; reason: string }>

/** Parses each row; the ones that are not the resource are reported as skipped. */
function parseRows<T>(
  rows: unknown[],
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  skipped: Skipped,
): T[] {
  return rows.flatMap((r) => {
    const p = schema.safeParse(r)
    if (p.success) return [p.data]
    const id = (r as { id?: unknown } | null)?.id
    skipped.push({ id: String(id ?? '?'), reason: 'not a readable WooCommerce record' })
    return []
  })
}

/**
 * Creates the connector for one WooCommerce store.
 *
 * @example
 * const woo = createWooCommerceConnector({ storeUrl: 'https://shop.example.com', consumerKey, consumerSecret, webhookSecret })
 * const page = await woo.listProducts(null)   // first 100 products, page.next = '2'
 */
export function createWooCommerceConnector(options: WooCommerceConnectorOptions): CommerceConnector & {
  /** The low-level client (diagnostics). */
  readonly client: WooClient
} {
  const client = createWooClient(options)
  const perPage = Math.min(100, Math.max(1, options.perPage ?? 100))
  let currency = options.currency?.toUpperCase()
  const defaultBrand = options.defaultBrand ?? new URL(options.storeUrl).hostname
  const mappingBase = { defaultBrand, untrackedStock: options.untrackedStock ?? 100 }

  let currencyRead: Promise<MappingOptions> | null = null
  async function mapping(): Promise<MappingOptions> {
    if (currency) return { ...mappingBase, currency }
    currencyRead ??= readCurrency().finally(() => {
      currencyRead = null
    })
    return currencyRead
  }
  async function readCurrency(): Promise<MappingOptions> {
    if (!currency) {
      const r = await client.request<{ value?: unknown }>('GET', '/settings/general/woocommerce_currency')
      const v = typeof r.data?.value === 'string' ? r.data.value.trim().toUpperCase() : ''
      if (!/^[A-Z]{3}$/.test(v)) throw new WooApiError(r.status, null, 'WooCommerce store currency is not readable')
      currency = v
    }
    return { ...mappingBase, currency }
  }

  const pageNo = (cursor: string | null) => {
    const n = cursor === null ? 1 : Number(cursor)
    if (!Number.isInteger(n) || n < 1) throw new AppError('invalid_input', 'bad WooCommerce sync cursor')
    return n
  }
  const nextOf = (n: number, totalPages: number | null, rows: number) =>
    totalPages !== null ? (n < totalPages ? String(n + 1) : null) : rows === perPage ? String(n + 1) : null
  function pageOf<T>(
    rows: T[],
    n: number,
    r: { rows: unknown[]; total: number | null; totalPages: number | null },
    skipped: Skipped,
  ): SyncPage<T> {
    return {
      rows,
      next: nextOf(n, r.totalPages, r.rows.length),
      ...(r.total !== null ? { total: r.total } : {}),
      ...(skipped.length > 0 ? { skipped } : {}),
    }
  }
  const COUNT_QUERY: Record<'products' | 'customers' | 'orders', Record<string, string>> = {
    products: { status: 'publish' },
    customers: { role: 'all' },
    orders: {},
  }

  async function variationsOf(p: WooProduct): Promise<WooVariation[]> {
    const out: WooVariation[] = []
    for (let n = 1; ; n++) {
      const r = await client.page(`/products/${p.id}/variations`, n, 100, { orderby: 'menu_order', order: 'asc' })
      out.push(...parseRows(r.rows, wooVariationSchema, []))
      if ((r.totalPages !== null && n >= r.totalPages) || r.rows.length < 100) return out
    }
  }

  /** Runs `fn` over `items` with at most `limit` calls in flight (variation reads of one page). */
  async function pool<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
    const out: R[] = new Array(items.length)
    let i = 0
    const worker = async () => {
      while (i < items.length) {
        const k = i++
        out[k] = await fn(items[k]!)
      }
    }
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
    return out
  }

  /** The WooCommerce order behind a kefu order number (its `number`, which plugins may make differ from the id). */
  async function findOrder(orderNo: string): Promise<WooOrder> {
    if (/^\d+$/.test(orderNo)) {
      try {
        const r = await client.request('GET', `/orders/${orderNo}`)
        const o = wooOrderSchema.safeParse(r.data)
        if (o.success && String(o.data.number ?? o.data.id) === orderNo) return o.data
      } catch (e) {
        if (!(e instanceof WooApiError) || e.status !== 404) throw e
      }
    }
    const r = await client.request<unknown[]>('GET', '/orders', { query: { search: orderNo, per_page: 20 } })
    const hit = parseRows(Array.isArray(r.data) ? r.data : [], wooOrderSchema, []).find(
      (o) => String(o.number ?? o.id) === orderNo,
    )
    if (!hit)
      throw new WooApiError(404, 'woocommerce_rest_shop_order_invalid_id', `WooCommerce has no order ${orderNo}`)
    return hit
  }

  async function updated(r: { data: unknown }): Promise<CommerceActionResult> {
    const o = wooOrderSchema.safeParse(r.data)
    const order = o.success ? mapOrder(o.data) : null
    return order ? { ok: true, order } : { ok: true }
  }

  const notFulfilled = (w: WooOrder, what: string): CommerceActionResult => ({
    ok: false,
    kind: 'refused',
    detail: `WooCommerce order ${w.number ?? w.id} is ${w.status}${w.status === 'processing' ? ' with a tracking number' : ''}; ${what} is only possible before fulfilment`,
  })

  async function note(id: number, text: string): Promise<number | null> {
    const r = await client.request<{ id?: number }>('POST', `/orders/${id}/notes`, {
      body: { note: text, customer_note: false },
    })
    return typeof r.data?.id === 'number' ? r.data.id : null
  }

  async function createRefund(w: WooOrder, input: ReturnRequestInput): Promise<CommerceActionResult> {
    const lines: Array<{ id: number; quantity: number; refund_total: string }> = []
    let amount = 0
    for (const want of input.items) {
      const li = w.line_items.find((l) => productSku(l.sku, l.variation_id || l.product_id) === want.sku)
      if (!li || li.quantity <= 0)
        return { ok: false, kind: 'refused', detail: `order has no line with SKU ${want.sku}` }
      const qty = Math.min(want.quantity, li.quantity)
      const lineTotal = (Number(li.total) || 0) * (qty / li.quantity)
      amount += lineTotal
      lines.push({ id: li.id, quantity: qty, refund_total: lineTotal.toFixed(2) })
    }
    const r = await client.request<{ id?: number }>('POST', `/orders/${w.id}/refunds`, {
      body: {
        amount: amount.toFixed(2),
        reason: `kefu ${input.kefuReturnId}: ${input.reason}`.slice(0, 500),
        line_items: lines,
        api_refund: true,
      },
    })
    // The refund is made: failing to re-read the order must not report it as failed.
    const after = await client.request('GET', `/orders/${w.id}`).catch(() => null)
    const res = after ? await updated(after) : { ok: true as const }
    return { ...res, ...(r.data?.id !== undefined ? { externalId: `refund:${r.data.id}` } : {}) }
  }

  return {
    specificationVersion: 'v1',
    platform: 'woocommerce',
    client,

    async cancelOrder(order: Order, input: { reason: string }) {
      try {
        const w = await findOrder(order.orderNo)
        if (w.status === 'cancelled') return { ok: true, order: mapOrder(w) ?? order }
        if (!isUnfulfilled(w)) return notFulfilled(w, 'cancelling')
        const r = await client.request('PUT', `/orders/${w.id}`, { body: { status: 'cancelled' } })
        // Cancelling does not move money in WooCommerce: a paid order is refunded through the gateway
        // (`refunds: 'create'`) or left to the merchant with a note saying what is owed. Neither the
        // refund nor the note may undo a cancellation WooCommerce accepted.
        const paid = Boolean(w.date_paid_gmt)
        const owed = (Number(w.total) || 0) - w.refunds.reduce((n, x) => n + Math.abs(Number(x.total) || 0), 0)
        let refunded = false
        let refundLine = paid && owed > 0 ? ` Refund due: ${owed.toFixed(2)} ${w.currency}.` : ''
        if (paid && owed > 0 && options.refunds === 'create') {
          const refund = await client
            .request('POST', `/orders/${w.id}/refunds`, {
              body: {
                amount: owed.toFixed(2),
                reason: `kefu: cancelled (${input.reason})`.slice(0, 500),
                api_refund: true,
              },
            })
            .then(
              () => {
                refunded = true
                return ' Refunded through the payment gateway.'
              },
              (e: unknown) =>
                ` Automatic refund FAILED (${e instanceof Error ? e.message.slice(0, 300) : 'error'}): refund ${owed.toFixed(2)} ${w.currency} by hand.`,
            )
          refundLine = refund
        }
        await note(
          w.id,
          `kefu: cancelled at the customer's request. Reason: ${input.reason}.${refundLine}`.slice(0, 1000),
        ).catch(() => null)
        const after = refunded ? await client.request('GET', `/orders/${w.id}`).catch(() => null) : null
        return updated(after ?? r)
      } catch (e) {
        return failure(e)
      }
    },

    async updateShippingAddress(order: Order, address: Address) {
      try {
        const w = await findOrder(order.orderNo)
        if (!isUnfulfilled(w)) return notFulfilled(w, 'changing the address')
        const r = await client.request('PUT', `/orders/${w.id}`, { body: { shipping: toWooShipping(address) } })
        return updated(r)
      } catch (e) {
        return failure(e)
      }
    },

    async requestReturn(order: Order, input: ReturnRequestInput) {
      try {
        const w = await findOrder(order.orderNo)
        if (['cancelled', 'refunded', 'failed', 'trash'].includes(w.status))
          return { ok: false, kind: 'refused', detail: `WooCommerce order ${w.number ?? w.id} is ${w.status}` }
        if (input.kind === 'refund' && options.refunds === 'create') return await createRefund(w, input)
        const items = input.items.map((i) => `${i.sku} × ${i.quantity}`).join(', ')
        const id = await note(
          w.id,
          `kefu ${input.kind} request ${input.kefuReturnId}: ${items}. Reason: ${input.reason}`.slice(0, 1000),
        )
        return id === null ? { ok: true } : { ok: true, externalId: `note:${id}` }
      } catch (e) {
        return failure(e)
      }
    },

    async count(kind: 'products' | 'customers' | 'orders'): Promise<number | null> {
      return (await client.page(`/${kind}`, 1, 1, COUNT_QUERY[kind])).total
    },

    async listProducts(cursor: string | null): Promise<SyncPage<Product>> {
      const m = await mapping()
      const n = pageNo(cursor)
      const r = await client.page('/products', n, perPage, { status: 'publish', orderby: 'id', order: 'asc' })
      const skipped: Skipped = []
      const products = parseRows(r.rows, wooProductSchema, skipped)
      const rows = await pool(products, 4, async (p) =>
        mapProduct(p, m, p.type === 'variable' && p.variations.length > 0 ? await variationsOf(p) : undefined),
      )
      return pageOf(rows, n, r, skipped)
    },

    async listCustomers(cursor: string | null): Promise<SyncPage<Customer>> {
      const n = pageNo(cursor)
      const r = await client.page('/customers', n, perPage, { role: 'all', orderby: 'id', order: 'asc' })
      const skipped: Skipped = []
      const rows = parseRows(r.rows, wooCustomerSchema, skipped).flatMap((c) => {
        const mapped = mapCustomer(c)
        if (!mapped) skipped.push({ id: String(c.id), reason: 'no usable phone number' })
        return mapped ? [mapped] : []
      })
      return pageOf(rows, n, r, skipped)
    },

    async listOrders(cursor: string | null, opts: { updatedSince?: string } = {}): Promise<SyncPage<Order>> {
      const n = pageNo(cursor)
      const query: Record<string, string> = { orderby: 'id', order: 'asc' }
      if (opts.updatedSince) {
        query.modified_after = new Date(opts.updatedSince).toISOString().slice(0, 19)
        query.dates_are_gmt = 'true'
      }
      const r = await client.page('/orders', n, perPage, query)
      const skipped: Skipped = []
      const rows = parseRows(r.rows, wooOrderSchema, skipped).flatMap((o) => {
        const mapped = mapOrder(o)
        if (!mapped) skipped.push({ id: String(o.number ?? o.id), reason: 'no product lines' })
        return mapped ? [mapped] : []
      })
      return pageOf(rows, n, r, skipped)
    },

    verifyWebhook: (d: WebhookDelivery) => verifyWooWebhook(options.webhookSecret, d),
    parseWebhook: (d: WebhookDelivery) =>
      parseWooWebhook(d, {
        mapping,
        variations: variationsOf,
        product: async (id) => wooProductSchema.parse((await client.request('GET', `/products/${id}`)).data),
      }),
  }
}
