/**
 * Shopify records → kefu records. Products are mirrored per variant (kefu's unit is the SKU);
 * orders get kefu's status from Shopify's cancelled / financial / fulfillment state, and their
 * shipment from the first fulfillment with a tracking number.
 */
import type { Address, Customer, Order, OrderStatus, Product, Shipment } from '../../core/domain/schemas.js'
import type { ShopifyAddress, ShopifyCustomer, ShopifyOrder, ShopifyProduct } from './shopify-types.js'

/** A variant without a SKU still needs a stable kefu SKU. */
export const skuOf = (sku: string | null | undefined, variantId: number | null | undefined): string =>
  sku?.trim() ? sku.trim().slice(0, 64) : `shopify-${variantId ?? 'unknown'}`

/** kefu's order number for a Shopify order: its name without the leading `#` (what customers see). */
export const orderNoOf = (name: string): string => name.replace(/^#/, '').trim()

const stripHtml = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()

const slug = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, '-')
    .replace(/^-+|-+$/g, '')

const money = (v: string | null | undefined): number => {
  const n = Number(v)
  return Number.isFinite(n) && n >= 0 ? n : 0
}

export function toProducts(p: ShopifyProduct, currency: string): Product[] {
  const category = (slug(p.product_type ?? '') || 'uncategorized').slice(0, 100)
  const brand = (p.vendor?.trim() || 'unknown').slice(0, 100)
  const description = stripHtml(p.body_html ?? '').slice(0, 5000)
  const images = (p.images ?? []).map((i) => i.src).filter(Boolean)
  const tags = (p.tags ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  return p.variants.map((v) => {
    const variantTitle = v.title && v.title !== 'Default Title' ? v.title : ''
    const price = money(v.price)
    const compare = v.compare_at_price ? money(v.compare_at_price) : 0
    const options: Record<string, string> = {}
    ;[v.option1, v.option2, v.option3].forEach((val, i) => {
      const name = p.options?.[i]?.name
      if (val && name && val !== 'Default Title') options[name] = val
    })
    const product: Product = {
      sku: skuOf(v.sku, v.id),
      title: `${p.title}${variantTitle ? ` ${variantTitle}` : ''}`.slice(0, 300),
      category,
      brand,
      price,
      currency,
      stock: Math.max(0, Math.trunc(v.inventory_quantity ?? 0)),
      attributes: {
        shopifyProductId: p.id,
        shopifyVariantId: v.id,
        ...(Object.keys(options).length ? { options } : {}),
        ...(tags.length ? { tags } : {}),
        ...(p.status && p.status !== 'active' ? { status: p.status } : {}),
      },
      description,
      ...(images.length ? { images } : {}),
      ...(compare > price ? { listPrice: compare } : {}),
    }
    return product
  })
}

const PHONE = /^\+?[0-9 -]{6,20}$/
/** A phone as kefu stores it, or null (brackets and dots dropped). */
export function phoneOf(raw: string | null | undefined): string | null {
  if (!raw) return null
  const p = raw.replace(/[().]/g, '').replace(/\s+/g, ' ').trim()
  return PHONE.test(p) ? p : null
}

export function toCustomer(c: ShopifyCustomer): Customer | { skip: string } {
  const phone = phoneOf(c.phone) ?? phoneOf(c.default_address?.phone)
  if (!phone) return { skip: 'no usable phone number (kefu verifies customers by phone)' }
  const name = `${c.first_name ?? ''} ${c.last_name ?? ''}`.trim() || c.email?.split('@')[0] || `Customer ${c.id}`
  const tags = (c.tags ?? '').toLowerCase()
  const email = c.email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c.email) ? c.email : undefined
  return {
    id: String(c.id),
    name: name.slice(0, 100),
    phone,
    tier: /\bvip\b/.test(tags) ? 'vip' : 'regular',
    ...(email ? { email } : {}),
  }
}

export function toAddress(a: ShopifyAddress | null | undefined, fallbackPhone: string | null): Address | undefined {
  if (!a) return undefined
  const phone = phoneOf(a.phone) ?? fallbackPhone
  const detail = [a.address1, a.address2]
    .filter((x) => x?.trim())
    .join(' ')
    .trim()
  const name = (a.name ?? `${a.first_name ?? ''} ${a.last_name ?? ''}`).trim()
  if (!phone || !detail || !name) return undefined
  return {
    name: name.slice(0, 100),
    phone,
    region: [a.country, a.province, a.city, a.zip]
      .filter((x) => x?.trim())
      .join(' ')
      .slice(0, 200),
    detail: detail.slice(0, 500),
  }
}

export function statusOf(o: ShopifyOrder): OrderStatus {
  const fin = o.financial_status ?? 'pending'
  if (o.cancelled_at) {
    if (fin === 'refunded') return 'refunded'
    if (fin === 'paid' || fin === 'partially_refunded' || fin === 'partially_paid') return 'refunding'
    return 'cancelled'
  }
  if (fin === 'refunded') return 'refunded'
  if (o.fulfillment_status === 'fulfilled' || o.fulfillment_status === 'partial') {
    const delivered = (o.fulfillments ?? []).some((f) => f.shipment_status === 'delivered')
    return delivered ? 'delivered' : 'shipped'
  }
  if (['paid', 'partially_paid', 'partially_refunded', 'authorized'].includes(fin)) return 'paid'
  return 'pending_payment'
}

const SHIPMENT_LABEL: Record<string, string> = {
  label_printed: 'Label printed',
  label_purchased: 'Label purchased',
  confirmed: 'Confirmed by the carrier',
  in_transit: 'In transit',
  out_for_delivery: 'Out for delivery',
  attempted_delivery: 'Delivery attempted',
  ready_for_pickup: 'Ready for pickup',
  delivered: 'Delivered',
  failure: 'Delivery failed',
}

function shipmentOf(o: ShopifyOrder): Shipment | undefined {
  const f = (o.fulfillments ?? []).find((x) => x.tracking_number && x.status !== 'cancelled')
  if (!f?.tracking_number) return undefined
  const events: Shipment['events'] = [
    { time: f.created_at, location: '', description: `Shipped with ${f.tracking_company || 'the carrier'}` },
  ]
  if (f.shipment_status && f.updated_at)
    events.push({
      time: f.updated_at,
      location: '',
      description: SHIPMENT_LABEL[f.shipment_status] ?? f.shipment_status,
    })
  return {
    carrier: (f.tracking_company || 'unknown').slice(0, 100),
    trackingNo: f.tracking_number.slice(0, 64),
    status:
      f.shipment_status === 'delivered' ? 'delivered' : f.shipment_status === 'failure' ? 'exception' : 'in_transit',
    events,
    ...(f.estimated_delivery_at ? { eta: f.estimated_delivery_at } : {}),
  }
}

export function toOrder(o: ShopifyOrder): Order | { skip: string } {
  if (!o.line_items?.length) return { skip: 'order without line items' }
  const status = statusOf(o)
  const customerPhone = phoneOf(o.customer?.phone) ?? phoneOf(o.phone)
  const address = toAddress(o.shipping_address, customerPhone)
  const shipment = shipmentOf(o)
  const deliveredAt =
    status === 'delivered'
      ? (o.fulfillments ?? []).find((f) => f.shipment_status === 'delivered')?.updated_at
      : undefined
  return {
    orderNo: orderNoOf(o.name),
    customerId: o.customer?.id ? String(o.customer.id) : 'guest',
    status,
    items: o.line_items.map((li) => ({
      sku: skuOf(li.sku, li.variant_id ?? li.id),
      qty: Math.max(1, li.quantity),
      price: money(li.price),
      title: `${li.title}${li.variant_title ? ` ${li.variant_title}` : ''}`,
    })),
    total: money(o.total_price),
    currency: o.currency,
    createdAt: o.created_at,
    ...(status !== 'pending_payment' && o.processed_at ? { paidAt: o.processed_at } : {}),
    ...(deliveredAt ? { deliveredAt } : {}),
    ...(address ? { address } : {}),
    ...(shipment ? { shipment } : {}),
  }
}
