/**
 * WooCommerce records → kefu records (products, customers, orders, shipments).
 *
 * - Products: a simple product is one kefu product; a variable product is one kefu product whose
 *   variations become `attributes.variants` (`{ sku, size?, colour?, stock, price }`) and whose size /
 *   colour attributes become `attributes.sizes` / `attributes.colours`, which is how kefu's stock and
 *   size skills read variants. Prices arrive as strings and become numbers; `regular_price` above
 *   the current price becomes `listPrice` (a sale). Stock is `stock_quantity` when WooCommerce manages
 *   it, else 0 for out of stock and `untrackedStock` for "in stock, quantity not tracked".
 * - Customers need a usable phone (kefu verifies anonymous visitors by it); one without is skipped.
 * - Orders: WooCommerce status → kefu status (see `ORDER_STATUS`), line items with their titles and
 *   size/colour, the shipping address, and the shipment from the Shipment Tracking extension's
 *   `_wc_shipment_tracking_items` meta (also written by Advanced Shipment Tracking).
 */
import type { Address, Customer, Order, OrderItem, OrderStatus, Product, Shipment } from '../../core/domain/schemas.js'
import type {
  WooAddress,
  WooCustomer,
  WooLineItem,
  WooMeta,
  WooOrder,
  WooProduct,
  WooVariation,
} from './woo-resources.js'

export type MappingOptions = {
  /** Store currency (ISO 4217) for products, which carry none. */
  currency: string
  /** Brand when the product has none (WooCommerce core had no brands before 9.6): the shop's name. */
  defaultBrand: string
  /** Stock reported for "in stock" products whose quantity WooCommerce does not track. */
  untrackedStock: number
}

const num = (v: unknown): number => {
  const n = typeof v === 'number' ? v : Number.parseFloat(String(v ?? ''))
  return Number.isFinite(n) && n >= 0 ? n : 0
}
const hasNum = (v: unknown) => v !== null && v !== undefined && v !== '' && Number.isFinite(Number(v))

/** WooCommerce `_gmt` dates have no zone designator (`2026-11-27T10:00:00`); they are UTC. */
export function wooGmt(v: string | null | undefined): string | undefined {
  if (!v) return undefined
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`
  const t = Date.parse(iso)
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined
}

function stripHtml(html: string | null | undefined): string {
  return (html ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

const SIZE_NAMES = /^(pa_)?(size|sizes|尺码|尺寸|码数)$/i
const COLOUR_NAMES = /^(pa_)?(colou?rs?|颜色|顏色)$/i

/** kefu's own sku for a WooCommerce product: its SKU, else a stable id-based one. */
export const productSku = (sku: string | null | undefined, id: number) => (sku?.trim() ? sku.trim() : `woo-${id}`)

function stockOf(
  p: { manage_stock?: unknown; stock_quantity?: number | null; stock_status?: string | null },
  o: MappingOptions,
) {
  if (p.stock_status === 'outofstock') return 0
  if (p.manage_stock === true || (p.manage_stock === 'parent' && hasNum(p.stock_quantity)))
    return Math.max(0, Math.floor(p.stock_quantity ?? 0))
  if (hasNum(p.stock_quantity)) return Math.max(0, Math.floor(p.stock_quantity ?? 0))
  return o.untrackedStock
}

function priceOf(p: { price?: unknown; regular_price?: unknown; sale_price?: unknown }) {
  const price = hasNum(p.price) ? num(p.price) : hasNum(p.sale_price) ? num(p.sale_price) : num(p.regular_price)
  const regular = num(p.regular_price)
  return { price, listPrice: regular > price ? regular : undefined }
}

function variantOf(v: WooVariation, o: MappingOptions) {
  const out: Record<string, unknown> = { sku: productSku(v.sku, v.id), stock: stockOf(v, o), price: priceOf(v).price }
  for (const a of v.attributes) {
    if (SIZE_NAMES.test(a.name)) out.size = a.option
    else if (COLOUR_NAMES.test(a.name)) out.colour = a.option
    else out[a.name.toLowerCase()] = a.option
  }
  return out
}

/**
 * One kefu product from a WooCommerce product (and, for a variable product, its variations when
 * known). A product no longer published is kept with stock 0 so kefu stops offering it.
 */
export function mapProduct(p: WooProduct, o: MappingOptions, variations?: WooVariation[]): Product {
  const { price, listPrice } = priceOf(p)
  const attributes: Record<string, unknown> = { wooId: p.id, wooType: p.type }
  for (const a of p.attributes) {
    const values = a.options ?? (a.option ? [a.option] : [])
    if (SIZE_NAMES.test(a.name)) attributes.sizes = values
    else if (COLOUR_NAMES.test(a.name)) attributes.colours = values
    else attributes[a.name.toLowerCase()] = values.length === 1 ? values[0] : values
  }
  let stock = stockOf(p, o)
  let minPrice = price
  if (variations && variations.length > 0) {
    const live = variations.filter((v) => v.status === 'publish' || v.status === undefined)
    const variants = live.map((v) => variantOf(v, o))
    attributes.variants = variants
    if (p.manage_stock !== true) stock = variants.reduce((n, v) => n + Number(v.stock), 0)
    const prices = variants.map((v) => Number(v.price)).filter((n) => n > 0)
    if (prices.length > 0) minPrice = Math.min(...prices)
  }
  if (p.stock_status && p.stock_status !== 'outofstock') attributes.stockStatus = p.stock_status
  const category = p.categories[0]?.slug || p.categories[0]?.name || 'uncategorized'
  const description = stripHtml(p.short_description || p.description).slice(0, 5000)
  const out: Product = {
    sku: productSku(p.sku, p.id).slice(0, 64),
    title: (p.name.trim() || productSku(p.sku, p.id)).slice(0, 300),
    category: category.slice(0, 100),
    brand: (p.brands?.[0]?.name || o.defaultBrand).slice(0, 100),
    price: minPrice,
    currency: o.currency,
    stock: p.status === 'publish' ? stock : 0,
    attributes,
    description,
  }
  if (listPrice !== undefined && listPrice > minPrice) out.listPrice = listPrice
  const images = p.images.map((i) => i.src).filter(Boolean)
  if (images.length > 0) out.images = images
  return out
}

/** Digits, spaces, dashes and a leading +, as kefu stores phones; null when nothing usable is left. */
export function normalisePhone(raw: string | null | undefined): string | null {
  const s = (raw ?? '')
    .replace(/[().]/g, ' ')
    .replace(/[^\d+ -]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return /^\+?[0-9 -]{6,20}$/.test(s) ? s : null
}

const fullName = (a: { first_name?: string | null; last_name?: string | null } | null | undefined) =>
  [a?.first_name, a?.last_name]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(' ')

/** kefu customer id of a WooCommerce order's buyer (guests are keyed by e-mail, else by order). */
export function customerIdOf(order: WooOrder): string {
  if (order.customer_id > 0) return String(order.customer_id)
  const email = order.billing?.email?.trim().toLowerCase()
  return (email ? `guest:${email}` : `guest-order:${order.id}`).slice(0, 64)
}

/** A kefu customer, or null when WooCommerce has no usable phone for them. */
export function mapCustomer(c: WooCustomer): Customer | null {
  const phone = normalisePhone(c.billing?.phone) ?? normalisePhone(c.shipping?.phone)
  if (!phone) return null
  const name = fullName(c) || fullName(c.billing) || c.username?.trim() || c.email?.trim() || `#${c.id}`
  const out: Customer = { id: String(c.id), name: name.slice(0, 100), phone, tier: 'regular' }
  const email = c.email?.trim()
  if (email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) out.email = email
  return out
}

/** A kefu address from a WooCommerce one; null when it has no street or no phone. */
export function mapAddress(a: WooAddress | null | undefined, fallbackPhone?: string | null): Address | null {
  if (!a) return null
  const detail = [a.address_1, a.address_2]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(' ')
  const phone = normalisePhone(a.phone) ?? normalisePhone(fallbackPhone)
  if (!detail || !phone) return null
  const region = [a.country, a.state, a.city, a.postcode]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(' ')
  return {
    name: (fullName(a) || a.company?.trim() || '-').slice(0, 100),
    phone: phone.slice(0, 20),
    region: region.slice(0, 200),
    detail: detail.slice(0, 500),
  }
}

/** A kefu address as the WooCommerce `shipping` object of an order update (country left as is). */
export function toWooShipping(a: Address): Record<string, string> {
  return {
    first_name: a.name,
    last_name: '',
    company: '',
    address_1: a.detail,
    address_2: '',
    city: a.region,
    state: '',
    postcode: '',
    phone: a.phone,
  }
}

type TrackingItem = {
  tracking_provider?: unknown
  custom_tracking_provider?: unknown
  tracking_number?: unknown
  date_shipped?: unknown
}

/** The shipments recorded by the Shipment Tracking extension, oldest first. */
export function trackingItems(meta: WooMeta[]): Array<{ carrier: string; trackingNo: string; shippedAt?: string }> {
  const m = meta.find((x) => x.key === '_wc_shipment_tracking_items')
  const raw = m?.value
  if (!Array.isArray(raw)) return []
  const out: Array<{ carrier: string; trackingNo: string; shippedAt?: string }> = []
  for (const it of raw as TrackingItem[]) {
    if (!it || typeof it !== 'object') continue
    const trackingNo = String(it.tracking_number ?? '').trim()
    if (!trackingNo) continue
    const carrier = String(it.custom_tracking_provider || it.tracking_provider || '').trim() || 'carrier'
    const secs = Number(it.date_shipped)
    const entry: { carrier: string; trackingNo: string; shippedAt?: string } = { carrier, trackingNo }
    if (Number.isFinite(secs) && secs > 0) entry.shippedAt = new Date(secs * 1000).toISOString()
    out.push(entry)
  }
  return out
}

/**
 * WooCommerce status → kefu status. `processing` means paid and not yet fulfilled, unless a
 * tracking number was added (then it has shipped); `on-hold` waits for payment confirmation.
 */
const ORDER_STATUS: Record<string, OrderStatus> = {
  pending: 'pending_payment',
  'checkout-draft': 'pending_payment',
  'on-hold': 'pending_payment',
  failed: 'pending_payment',
  processing: 'paid',
  completed: 'completed',
  cancelled: 'cancelled',
  trash: 'cancelled',
  refunded: 'refunded',
  // Common plugin statuses.
  shipped: 'shipped',
  'partial-shipped': 'shipped',
  delivered: 'delivered',
}

/** True when WooCommerce still lets this order be changed before fulfilment. */
export function isUnfulfilled(order: WooOrder): boolean {
  return (
    ['pending', 'on-hold', 'processing', 'failed', 'checkout-draft'].includes(order.status) &&
    trackingItems(order.meta_data).length === 0
  )
}

function itemOf(li: WooLineItem): OrderItem | null {
  if (li.quantity <= 0) return null
  const qty = Math.floor(li.quantity)
  const price = hasNum(li.price) ? num(li.price) : num(li.total) / qty
  const item: OrderItem = {
    sku: productSku(li.sku, li.variation_id || li.product_id),
    qty,
    price: Math.round(price * 100) / 100,
  }
  if (li.name.trim()) item.title = li.name.trim()
  for (const m of li.meta_data) {
    const v = typeof m.value === 'string' ? m.value : null
    if (!v) continue
    if (SIZE_NAMES.test(m.key)) item.size = v
    else if (COLOUR_NAMES.test(m.key)) item.color = v
  }
  return item
}

/** A kefu order, or null for one kefu cannot represent (no product lines, e.g. a fee-only order). */
export function mapOrder(w: WooOrder): Order | null {
  const items = w.line_items.map(itemOf).filter((i): i is OrderItem => i !== null)
  if (items.length === 0) return null
  const tracking = trackingItems(w.meta_data)
  let status: OrderStatus = ORDER_STATUS[w.status] ?? (w.date_paid_gmt ? 'paid' : 'pending_payment')
  if (status === 'paid' && tracking.length > 0) status = 'shipped'
  const createdAt = wooGmt(w.date_created_gmt) ?? wooGmt(w.date_modified_gmt) ?? new Date(0).toISOString()
  const order: Order = {
    orderNo: String(w.number ?? w.id).slice(0, 64),
    customerId: customerIdOf(w),
    status,
    items,
    total: num(w.total),
    currency: (w.currency || 'USD').slice(0, 3).toUpperCase(),
    createdAt,
  }
  const paidAt = wooGmt(w.date_paid_gmt)
  if (paidAt) order.paidAt = paidAt
  const completedAt = wooGmt(w.date_completed_gmt)
  if (completedAt && status === 'completed') order.deliveredAt = completedAt
  const address = mapAddress(w.shipping, w.billing?.phone) ?? mapAddress(w.billing)
  if (address) order.address = address
  const last = tracking.at(-1)
  if (last) {
    const shipment: Shipment = {
      carrier: last.carrier.slice(0, 100),
      trackingNo: last.trackingNo.slice(0, 64),
      status: status === 'completed' || status === 'delivered' ? 'delivered' : 'in_transit',
      events: last.shippedAt
        ? [{ time: last.shippedAt, location: '', description: `已发货 Shipped · ${last.carrier}`.slice(0, 500) }]
        : [],
    }
    order.shipment = shipment
  }
  return order
}
