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
import { wooCustomerSchema, wooOrderSchema, wooProductSchema } from './woo-resources.js'

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
 * The changes a verified delivery announces (`mapping` may be a function returning null while the
 * store currency is not known yet: product deliveries are then ignored rather than guessed at). Deletions and topics kefu does not mirror are
 * `ignored` (the periodic reconciliation catches up). A variation, and a variable product whose
 * variations the payload does not include, are mapped from what the payload holds: a variable
 * product's price, stock status and options are updated, its per-variant stock on the next
 * reconciliation.
 */
export function parseWooWebhook(
  d: WebhookDelivery,
  mapping: MappingOptions | (() => MappingOptions | null),
): CommerceChange[] {
  if (isWooPing(d)) return [{ kind: 'ignored', topic: 'ping' }]
  const topic = (d.headers['x-wc-webhook-topic'] ?? '').trim().toLowerCase()
  const [resource, event] = topic.split('.')
  if (!resource || !event || event === 'deleted') return [{ kind: 'ignored', topic: topic || 'unknown' }]
  if (resource === 'product') {
    const p = parsed(wooProductSchema.safeParse(json(d)), topic)
    if (p.type === 'variation') return [{ kind: 'ignored', topic: `${topic}:variation` }]
    const o = typeof mapping === 'function' ? mapping() : mapping
    if (!o) return [{ kind: 'ignored', topic: `${topic}:currency-unknown` }]
    return [{ kind: 'product', product: mapProduct(p, o) }]
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
