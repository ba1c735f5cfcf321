/**
 * WooCommerce webhook deliveries: signature check and mapping.
 *
 * WooCommerce POSTs the resource as the REST API shows it, with `X-WC-Webhook-Topic`
 * (`product.updated`, `order.updated`, `customer.updated`…), `X-WC-Webhook-Signature` = base64 of the
 * HMAC-SHA256 of the raw body keyed with the webhook's secret, and `X-WC-Webhook-Source` etc.
 *
 * When a webhook is saved, WooCommerce first sends a *ping*: a form body `webhook_id=N` with no
 * topic and no signature, and only keeps the webhook if the delivery URL answers 2xx. A ping carries
 * no data and changes nothing, so it is accepted as valid and mapped to `ignored`.
 */
import { AppError } from '../../core/errors.js'
import type { CommerceChange, WebhookDelivery } from '../../core/ports/commerce.js'
import { base64HmacSha256, verifyBase64Hmac } from '../commerce-http/verify-hmac.js'
import { type MappingOptions, mapCustomer, mapOrder, mapProduct } from './woo-mapping.js'
import {
  type WooProduct,
  type WooVariation,
  wooCustomerSchema,
  wooOrderSchema,
  wooProductSchema,
} from './woo-resources.js'

/** The signature WooCommerce sends for `body` (for the fake and for tests). */
export function wooWebhookSignature(secret: string, body: Uint8Array | string): string {
  return base64HmacSha256(secret, typeof body === 'string' ? new TextEncoder().encode(body) : body)
}

const PING = /^webhook_id=\d+$/

/** A WooCommerce ping (sent when a webhook is created or re-activated). */
export function isWooPing(d: WebhookDelivery): boolean {
  if (d.headers['x-wc-webhook-topic']) return false
  if (d.rawBody.byteLength > 64) return false
  return PING.test(new TextDecoder().decode(d.rawBody).trim())
}

/** Constant-time check of `X-WC-Webhook-Signature` (pings, which carry none and no data, pass). */
export function verifyWooWebhook(secret: string, d: WebhookDelivery): boolean {
  if (isWooPing(d)) return true
  return verifyBase64Hmac(secret, d.rawBody, d.headers['x-wc-webhook-signature'])
}

function json(d: WebhookDelivery): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(d.rawBody))
  } catch (e) {
    throw new AppError('invalid_input', 'WooCommerce webhook body is not JSON', { cause: e })
  }
}

function parsed<T>(r: { success: true; data: T } | { success: false }, topic: string): T {
  if (!r.success)
    throw new AppError('invalid_input', `WooCommerce ${topic} webhook body is not a ${topic.split('.')[0]}`)
  return r.data
}

/**
 * What mapping a product delivery may need from the store: the currency (products carry none), and
 * for a variable product its variations (a payload lists only their ids), for a variation its parent.
 */
export type WooWebhookLookups = {
  mapping(): Promise<MappingOptions>
  variations?(product: WooProduct): Promise<WooVariation[]>
  product?(id: number): Promise<WooProduct>
}

/**
 * The changes a verified delivery announces. Deletions and topics kefu does not mirror are
 * `ignored` (the periodic reconciliation catches up). A variable product is mapped with its
 * variations, read from the store; a variation's delivery re-reads and maps its parent product
 * (kefu keeps variations as the parent's variants). If those reads fail, a variable product is
 * mapped from its payload alone (price, options and stock status; per-variant stock at the next
 * sync) and a variation is ignored.
 */
export async function parseWooWebhook(d: WebhookDelivery, lookups: WooWebhookLookups): Promise<CommerceChange[]> {
  if (isWooPing(d)) return [{ kind: 'ignored', topic: 'ping' }]
  const topic = (d.headers['x-wc-webhook-topic'] ?? '').trim().toLowerCase()
  const [resource, event] = topic.split('.')
  if (!resource || !event || event === 'deleted') return [{ kind: 'ignored', topic: topic || 'unknown' }]
  if (resource === 'product') {
    let p: WooProduct | null = parsed(wooProductSchema.safeParse(json(d)), topic)
    if (p.type === 'variation') {
      const parentId = p.parent_id
      p = parentId && lookups.product ? await lookups.product(parentId).catch(() => null) : null
      if (!p) return [{ kind: 'ignored', topic: `${topic}:variation` }]
    }
    const o = await lookups.mapping()
    const product = p
    const variations =
      product.type === 'variable' && product.variations.length > 0 && lookups.variations
        ? await lookups.variations(product).catch(() => undefined)
        : undefined
    return [{ kind: 'product', product: mapProduct(product, o, variations) }]
  }
  if (resource === 'order') {
    const order = mapOrder(parsed(wooOrderSchema.safeParse(json(d)), topic))
    return order ? [{ kind: 'order', order }] : [{ kind: 'ignored', topic: `${topic}:no-items` }]
  }
  if (resource === 'customer') {
    const customer = mapCustomer(parsed(wooCustomerSchema.safeParse(json(d)), topic))
    return customer ? [{ kind: 'customer', customer }] : [{ kind: 'ignored', topic: `${topic}:no-phone` }]
  }
  return [{ kind: 'ignored', topic }]
}
