/**
 * Webhook signatures: base64 HMAC-SHA256 of the exact raw body with the shop's webhook secret,
 * compared in constant time (Shopify `X-Shopify-Hmac-Sha256`, WooCommerce `X-WC-Webhook-Signature`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export function base64HmacSha256(secret: string, rawBody: Uint8Array): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64')
}

/** True when `signature` (base64) is the HMAC of `rawBody`; false for a missing or malformed one. */
export function verifyBase64Hmac(secret: string, rawBody: Uint8Array, signature: string | undefined): boolean {
  if (!secret || !signature) return false
  const expected = Buffer.from(base64HmacSha256(secret, rawBody), 'base64')
  const given = Buffer.from(signature.trim(), 'base64')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
