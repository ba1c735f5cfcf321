import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * What a conversation token proves: this bearer may read and write this one conversation, until
 * `exp` (seconds since the epoch). Tokens signed before expiry existed carry only `iat`.
 */
export type TokenClaims = {
  shopId: string
  conversationId: string
  customerId: string | null
  iat: number
  exp?: number
}

/** Valid, expired (may still be renewed within the renewal window), or too old to renew. */
export type TokenAge = 'valid' | 'expired' | 'too_old'

/**
 * How old a verified token is at `nowSec`. Tokens without `exp` expire `ttlSec` after `iat`.
 *
 * @example
 * tokenAge(claims, Math.floor(clock.now().getTime() / 1000), { ttlSec: 86_400, renewSec: 30 * 86_400 })
 */
export function tokenAge(claims: TokenClaims, nowSec: number, limits: { ttlSec: number; renewSec: number }): TokenAge {
  const exp = typeof claims.exp === 'number' ? claims.exp : (claims.iat ?? 0) + limits.ttlSec
  if (nowSec < exp) return 'valid'
  return nowSec < exp + limits.renewSec ? 'expired' : 'too_old'
}

const b64 = (s: string) => Buffer.from(s).toString('base64url')

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url')
}

/** Signs claims as `<base64url json>.<hmac>`; stateless, so any instance can verify. */
export function signConversationToken(secret: string, claims: TokenClaims): string {
  const body = b64(JSON.stringify(claims))
  return `${body}.${mac(secret, body)}`
}

/** Returns the claims, or null when the token is malformed or forged. */
export function verifyConversationToken(secret: string, token: string): TokenClaims | null {
  const dot = token.indexOf('.')
  if (dot <= 0 || token.length > 2048) return null
  const body = token.slice(0, dot)
  const sig = Buffer.from(token.slice(dot + 1))
  const want = Buffer.from(mac(secret, body))
  if (sig.length !== want.length || !timingSafeEqual(sig, want)) return null
  try {
    const c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims
    if (typeof c.shopId !== 'string' || typeof c.conversationId !== 'string') return null
    return c
  } catch {
    return null
  }
}

/** HMAC-SHA256(widgetSecret, customerId) in hex: how a shop's site vouches for a logged-in customer. */
export function signCustomerId(widgetSecret: string, customerId: string): string {
  return createHmac('sha256', widgetSecret).update(customerId).digest('hex')
}

export function verifyCustomerSignature(widgetSecret: string, customerId: string, signature: string): boolean {
  const want = Buffer.from(signCustomerId(widgetSecret, customerId))
  const got = Buffer.from(signature)
  return want.length === got.length && timingSafeEqual(want, got)
}
