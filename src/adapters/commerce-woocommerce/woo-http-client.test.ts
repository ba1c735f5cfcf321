import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startWooFake, type WooFake } from '../../../test/fakes/woocommerce/woo-fake-server.js'
import { createWooClient, WooApiError, wooApiBase } from './woo-http-client.js'

const NOW = '2026-11-20T08:00:00.000Z'
let fake: WooFake | undefined
let raw: Server | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
  if (raw) {
    raw.closeAllConnections()
    await new Promise<void>((r) => raw!.close(() => r()))
    raw = undefined
  }
})

const clientFor = (f: WooFake, extra: Partial<Parameters<typeof createWooClient>[0]> = {}) =>
  createWooClient({
    storeUrl: f.url,
    consumerKey: f.consumerKey,
    consumerSecret: f.consumerSecret,
    retryBaseMs: 1,
    ...extra,
  })

/** A raw server answering every request with `handler`. */
async function rawServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
  raw = createServer(handler)
  await new Promise<void>((r) => raw!.listen(0, '127.0.0.1', () => r()))
  return `http://127.0.0.1:${(raw.address() as AddressInfo).port}`
}

describe('WooCommerce REST client', () => {
  it('uses HTTP Basic over https and the query string only on a loopback http store', () => {
    expect(wooApiBase('https://shop.example.com/')).toEqual({
      base: 'https://shop.example.com/wp-json/wc/v3',
      queryAuth: false,
    })
    expect(wooApiBase('https://example.com/store')).toMatchObject({ base: 'https://example.com/store/wp-json/wc/v3' })
    expect(wooApiBase('http://127.0.0.1:8080').queryAuth).toBe(true)
    expect(() => wooApiBase('http://shop.example.com')).toThrow(expect.objectContaining({ code: 'invalid_input' }))
    expect(() => wooApiBase('ftp://shop.example.com')).toThrow(expect.objectContaining({ code: 'invalid_input' }))
  })

  it('sends the key and secret as HTTP Basic auth to an https store, never in the URL', async () => {
    const seen: Array<{ url: string; auth: string | null }> = []
    const woo = createWooClient({
      storeUrl: 'https://shop.example.com',
      consumerKey: 'ck_abc',
      consumerSecret: 'cs_def',
      fetch: async (input, init) => {
        seen.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') })
        return new Response('[]', { status: 200, headers: { 'x-wp-total': '0', 'x-wp-totalpages': '0' } })
      },
    })
    await woo.page('/orders', 1, 100)
    expect(seen[0]!.auth).toBe(`Basic ${Buffer.from('ck_abc:cs_def').toString('base64')}`)
    expect(seen[0]!.url).toBe('https://shop.example.com/wp-json/wc/v3/orders?page=1&per_page=100')
  })

  it('pages a collection with X-WP-Total / X-WP-TotalPages and authenticates by query string', async () => {
    fake = await startWooFake({ now: NOW, products: 250, variableEvery: 0 })
    const woo = clientFor(fake)
    const first = await woo.page<{ id: number }>('/products', 1, 100, { orderby: 'id', order: 'asc' })
    expect(first.total).toBe(250)
    expect(first.totalPages).toBe(3)
    expect(first.rows).toHaveLength(100)
    const last = await woo.page<{ id: number }>('/products', 3, 100, { orderby: 'id', order: 'asc' })
    expect(last.rows).toHaveLength(50)
    expect(last.rows[0]!.id).toBeGreaterThan(first.rows[99]!.id)
    expect(fake.calls.every((c) => c.auth === 'query')).toBe(true)
  })

  it('reports bad keys as a non-retryable 401 without the secret in the message', async () => {
    fake = await startWooFake({ now: NOW, products: 1 })
    const woo = clientFor(fake, { consumerSecret: 'cs_wrong_secret_value' })
    const err = await woo.request('GET', '/products').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WooApiError)
    expect(err).toMatchObject({ status: 401, wooCode: 'woocommerce_rest_authentication_error' })
    expect((err as Error).message).not.toContain('cs_wrong_secret_value')
    expect(fake.calls).toHaveLength(1)
  })

  it('waits out a 429 for the Retry-After it names, then succeeds', async () => {
    fake = await startWooFake({ now: NOW, products: 3 })
    fake.rateLimit(/^\/products$/, 2, 2)
    const waits: number[] = []
    const woo = clientFor(fake, {
      sleep: async (ms) => {
        waits.push(ms)
      },
    })
    const r = await woo.page('/products', 1, 10)
    expect(r.rows).toHaveLength(3)
    expect(waits).toEqual([2000, 2000])
    expect(woo.retries).toBe(2)
    expect(fake.callsTo('GET', /^\/products$/)).toHaveLength(3)
  })

  it('does not wait out a Retry-After longer than its limit', async () => {
    fake = await startWooFake({ now: NOW, products: 3 })
    fake.rateLimit(/^\/products$/, 120)
    const woo = clientFor(fake, { maxRetryDelayMs: 5000, sleep: async () => undefined })
    const err = await woo.page('/products', 1, 10).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'upstream_failed', options: { details: { status: 429 } } })
    expect(fake.calls).toHaveLength(1)
  })

  it('retries 5xx with backoff and gives up after maxRetries', async () => {
    fake = await startWooFake({ now: NOW, products: 3 })
    fake.inject({ path: /^\/products$/, status: 503, body: 'busy', times: 10 })
    const waits: number[] = []
    const woo = clientFor(fake, {
      maxRetries: 2,
      retryBaseMs: 100,
      sleep: async (ms) => {
        waits.push(ms)
      },
    })
    const err = await woo.page('/products', 1, 10).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'upstream_failed', options: { details: { status: 503 } } })
    expect(waits).toEqual([100, 200])
    expect(fake.calls).toHaveLength(3)
  })

  it('passes WooCommerce 4xx errors through at once with their code', async () => {
    fake = await startWooFake({ now: NOW, products: 3, orders: 1, customers: 1 })
    const err = await clientFor(fake)
      .request('GET', '/orders/999999')
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 404, wooCode: 'woocommerce_rest_shop_order_invalid_id' })
    expect(fake.calls).toHaveLength(1)
  })

  it('times out a silent server on every attempt', async () => {
    const url = await rawServer(() => undefined)
    const woo = createWooClient({
      storeUrl: url,
      consumerKey: 'ck',
      consumerSecret: 'cs',
      timeoutMs: 50,
      maxRetries: 1,
      retryBaseMs: 1,
    })
    const err = await woo.request('GET', '/products').catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'upstream_failed' })
    expect((err as Error).message).toMatch(/timed out/)
  })

  it('refuses a body over the size limit', async () => {
    const url = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify([{ id: 1, name: 'x'.repeat(5000) }]))
    })
    const woo = createWooClient({ storeUrl: url, consumerKey: 'ck', consumerSecret: 'cs', maxResponseBytes: 1000 })
    const err = await woo.request('GET', '/products').catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'upstream_failed' })
    expect((err as Error).message).toMatch(/larger than 1000 bytes/)
  })
})
