/**
 * The connector HTTP client every platform shares, against a small local server: 429 waits the
 * `Retry-After` it was told (fractional seconds too) a bounded number of times, 5xx retries with
 * doubling backoff, a slow answer times out, an oversized body is refused, and 4xx answers come
 * back for the adapter to map (refused). Also the sealed credentials and Shopify's pacing signal.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCommerceHttp, retryAfterMs } from '../../src/adapters/commerce-http/commerce-http-client.js'
import { refusedOrUnavailable } from '../../src/adapters/commerce-http/to-action-result.js'
import { base64HmacSha256, verifyBase64Hmac } from '../../src/adapters/commerce-http/verify-hmac.js'
import { nextPageInfo, shopifyPace } from '../../src/adapters/commerce-shopify/shopify-connector.js'
import { AppError } from '../../src/core/errors.js'
import { openCredentials, sealCredentials } from '../../src/server/commerce/credential-box.js'

let url = ''
let script: Array<(res: ServerResponse) => void> = []
const seen: IncomingMessage[] = []
const server = createServer((req, res) => {
  seen.push(req)
  const next = script.shift()
  if (next) next(res)
  else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
})
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((r) => server.close(() => r()))
})

const status =
  (code: number, headers: Record<string, string> = {}, body = '{"errors":"x"}') =>
  (res: ServerResponse) =>
    res.writeHead(code, { 'content-type': 'application/json', ...headers }).end(body)

function client(extra: Partial<Parameters<typeof createCommerceHttp>[0]> = {}) {
  const waits: number[] = []
  const http = createCommerceHttp({
    baseUrl: url,
    headers: { 'x-token': 'secret-token' },
    what: 'Test',
    sleep: async (ms) => {
      waits.push(ms)
    },
    ...extra,
  })
  return { http, waits }
}

describe('commerce HTTP client', () => {
  it('waits what Retry-After says on 429, then succeeds', async () => {
    script = [status(429, { 'retry-after': '2.0' }), status(429, { 'retry-after': '0.5' })]
    const { http, waits } = client()
    const r = await http.request('GET', '/x')
    expect(r.status).toBe(200)
    expect(waits).toEqual([2000, 500])
    expect(http.retries).toBe(2)
  })

  it('gives up after the retry budget, or at once when Retry-After is too long, as upstream_failed', async () => {
    script = Array.from({ length: 5 }, () => status(429, { 'retry-after': '1' }))
    const { http, waits } = client({ maxRetries: 2 })
    const e = await http.request('GET', '/x').catch((x: unknown) => x)
    expect(AppError.isInstance(e) && e.code).toBe('upstream_failed')
    expect(waits).toEqual([1000, 1000])
    script = [status(429, { 'retry-after': '3600' })]
    const long = client({ maxRetryAfterMs: 30_000 })
    await expect(long.http.request('GET', '/x')).rejects.toMatchObject({ code: 'upstream_failed' })
    expect(long.waits).toEqual([])
    script = []
  })

  it('retries 5xx with doubling backoff', async () => {
    script = [status(503), status(502)]
    const { http, waits } = client({ backoffBaseMs: 100 })
    expect((await http.request('GET', '/x')).status).toBe(200)
    expect(waits).toEqual([100, 200])
  })

  it('times out a call that does not answer', async () => {
    script = [() => undefined, () => undefined]
    const { http } = client({ timeoutMs: 150, maxRetries: 1 })
    const e = await http.request('GET', '/x').catch((x: unknown) => x)
    expect(AppError.isInstance(e) && e.code).toBe('upstream_failed')
    expect((e as Error).message).toContain('timed out')
    expect((e as Error).message).not.toContain('secret-token')
  })

  it('refuses a body larger than its cap', async () => {
    script = [status(200, {}, JSON.stringify({ big: 'x'.repeat(5000) }))]
    const { http } = client({ maxBytes: 1000 })
    await expect(http.request('GET', '/x')).rejects.toMatchObject({ code: 'upstream_failed' })
  })

  it('returns 4xx answers for the adapter: 422 → refused with the detail, 401 → unavailable', async () => {
    script = [status(422, {}, '{"errors":{"base":["Cannot cancel"]}}'), status(401)]
    const { http } = client()
    const refused = refusedOrUnavailable(await http.request('POST', '/x', { body: { a: 1 } }))
    expect(refused).toMatchObject({ ok: false, kind: 'refused' })
    expect(refused.detail).toContain('Cannot cancel')
    expect(refusedOrUnavailable(await http.request('GET', '/x'))).toMatchObject({ kind: 'unavailable' })
    expect(seen.at(-2)?.headers['x-token']).toBe('secret-token')
  })

  it('parses Retry-After in seconds and as an HTTP date', () => {
    expect(retryAfterMs('2.0', 0)).toBe(2000)
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000)
    expect(retryAfterMs(null, 0)).toBeNull()
  })
})

describe('connector pieces', () => {
  it('seals credentials with AES-256-GCM: opens with the same secret only, tampering detected', () => {
    const sealed = sealCredentials('server-secret-0123456789', { accessToken: 'shpat_abc', webhookSecret: 'w' })
    expect(sealed).not.toContain('shpat_abc')
    expect(sealed).not.toBe(
      sealCredentials('server-secret-0123456789', { accessToken: 'shpat_abc', webhookSecret: 'w' }),
    )
    expect(openCredentials('server-secret-0123456789', sealed)).toEqual({
      accessToken: 'shpat_abc',
      webhookSecret: 'w',
    })
    expect(() => openCredentials('another-secret-0123456789', sealed)).toThrow(/cannot be decrypted/)
    const parts = sealed.split('.')
    const ct = Buffer.from(parts[3]!, 'base64url')
    ct[0] = ct[0]! ^ 1
    parts[3] = ct.toString('base64url')
    expect(() => openCredentials('server-secret-0123456789', parts.join('.'))).toThrow(/cannot be decrypted/)
  })

  it('verifies base64 HMAC-SHA256 signatures of the raw body', () => {
    const body = new TextEncoder().encode('{"id":1}')
    const sig = base64HmacSha256('s3cret', body)
    expect(verifyBase64Hmac('s3cret', body, sig)).toBe(true)
    expect(verifyBase64Hmac('s3cret', new TextEncoder().encode('{"id":2}'), sig)).toBe(false)
    expect(verifyBase64Hmac('other', body, sig)).toBe(false)
    expect(verifyBase64Hmac('s3cret', body, undefined)).toBe(false)
    expect(verifyBase64Hmac('s3cret', body, 'not base64 at all')).toBe(false)
  })

  it("reads Shopify's Link header and paces on a nearly full leaky bucket", () => {
    const link =
      '<https://s.myshopify.com/admin/api/2024-10/products.json?limit=250&page_info=prev1>; rel="previous", <https://s.myshopify.com/admin/api/2024-10/products.json?limit=250&page_info=next2>; rel="next"'
    expect(nextPageInfo(link)).toBe('next2')
    expect(nextPageInfo(null)).toBeNull()
    const res = (v: string) => new Response('{}', { headers: { 'x-shopify-shop-api-call-limit': v } })
    expect(shopifyPace(res('10/40'))).toBe(0)
    expect(shopifyPace(res('36/40'))).toBe(8000)
  })
})
