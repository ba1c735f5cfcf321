/**
 * A small client for the WooCommerce REST API v3 (`{storeUrl}/wp-json/wc/v3/…`), on the HTTP client
 * every commerce connector shares (`commerce-http`: per-call timeout, body size cap, 429 `Retry-After`
 * and 5xx/network retries with backoff, a `Retry-After` longer than the budget reported, not waited).
 *
 * - Auth: REST API keys. Over HTTPS the key and secret go in HTTP Basic auth, as WooCommerce
 *   documents. Plain HTTP is accepted only for a loopback store (a local test server), where they go
 *   in the `consumer_key`/`consumer_secret` query string; a real store reached over plain HTTP would
 *   need OAuth 1.0a signatures, which kefu does not do, so such a URL is refused up front.
 * - A final 4xx answer becomes a `WooApiError` carrying the HTTP status and WooCommerce's error
 *   `code` (`woocommerce_rest_…`); what the shared client gives up on (timeouts, 5xx, 429 past the
 *   budget) is its AppError('upstream_failed'). Neither the secret nor a URL with it is in any error.
 */
import { AppError } from '../../core/errors.js'
import { type CommerceHttp, createCommerceHttp } from '../commerce-http/commerce-http-client.js'
import { wooErrorSchema } from './woo-resources.js'

export type WooClientOptions = {
  /** The shop's address, e.g. `https://shop.example.com` (a WordPress sub-directory install keeps its path). */
  storeUrl: string
  consumerKey: string
  consumerSecret: string
  /** Per attempt. Default 10 s. */
  timeoutMs?: number
  /** Retries after the first attempt on 429 / 5xx / network errors. Default 3. */
  maxRetries?: number
  /** First backoff; doubles each retry. Default 300 ms. */
  retryBaseMs?: number
  /** Longest `Retry-After` waited for; a longer one fails the call. Default 10 s. */
  maxRetryDelayMs?: number
  /** Largest body read. Default 20 MB (a page of 100 products with long descriptions). */
  maxResponseBytes?: number
  fetch?: typeof fetch
  /** Injected for tests; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>
}

/** A final 4xx answer from WooCommerce. */
export class WooApiError extends AppError {
  readonly status: number
  readonly wooCode: string | null
  constructor(status: number, wooCode: string | null, message: string) {
    super(status === 404 ? 'not_found' : 'upstream_failed', message, {
      retryable: false,
      details: { status, wooCode },
    })
    this.status = status
    this.wooCode = wooCode
  }
}

export type WooResponse<T> = { status: number; data: T; headers: Headers }

export type Query = Record<string, string | number | undefined>

export type WooClient = {
  request<T = unknown>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    opts?: { query?: Query; body?: unknown },
  ): Promise<WooResponse<T>>
  /** One page of a collection, with WooCommerce's `X-WP-Total` / `X-WP-TotalPages` headers read. */
  page<T = unknown>(
    path: string,
    page: number,
    perPage: number,
    query?: Query,
  ): Promise<{ rows: T[]; total: number | null; totalPages: number | null }>
  /** Retries taken so far (observability, tests). */
  readonly retries: number
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/** Validates the store URL: https, or http only on a loopback host. Returns the API base. */
export function wooApiBase(storeUrl: string): { base: string; queryAuth: boolean } {
  let u: URL
  try {
    u = new URL(storeUrl)
  } catch {
    throw new AppError('invalid_input', 'WooCommerce store URL is not a valid URL')
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new AppError('invalid_input', 'WooCommerce store URL must start with https://')
  if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname))
    throw new AppError(
      'invalid_input',
      'WooCommerce store URL must use https:// (over plain http WooCommerce requires OAuth 1.0a signatures)',
    )
  const path = u.pathname.replace(/\/+$/, '')
  return { base: `${u.origin}${path}/wp-json/wc/v3`, queryAuth: u.protocol === 'http:' }
}

function headerInt(h: Headers, name: string): number | null {
  const v = h.get(name)
  if (v === null) return null
  const n = Number.parseInt(v, 10)
  return Number.isFinite(n) ? n : null
}

/**
 * Creates a client for one store.
 *
 * @example
 * const woo = createWooClient({ storeUrl: 'https://shop.example.com', consumerKey: 'ck_…', consumerSecret: 'cs_…' })
 * const { rows, totalPages } = await woo.page('/products', 1, 100)
 */
export function createWooClient(options: WooClientOptions): WooClient {
  const { base, queryAuth } = wooApiBase(options.storeUrl)
  if (!options.consumerKey || !options.consumerSecret)
    throw new AppError('invalid_input', 'WooCommerce consumer key and secret are required')
  const basic = `Basic ${Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64')}`
  const http: CommerceHttp = createCommerceHttp({
    baseUrl: base,
    headers: queryAuth ? {} : { authorization: basic },
    what: 'WooCommerce',
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes: options.maxResponseBytes ?? 20 * 1024 * 1024,
    maxRetries: options.maxRetries ?? 3,
    backoffBaseMs: options.retryBaseMs ?? 300,
    maxRetryAfterMs: options.maxRetryDelayMs ?? 10_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  })
  const auth: Query = queryAuth ? { consumer_key: options.consumerKey, consumer_secret: options.consumerSecret } : {}

  async function request<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    opts: { query?: Query; body?: unknown } = {},
  ): Promise<WooResponse<T>> {
    const res = await http.request(method, path, {
      query: { ...opts.query, ...auth },
      ...(opts.body !== undefined ? { body: opts.body } : {}),
    })
    if (res.status >= 400) {
      const parsed = wooErrorSchema.safeParse(res.body)
      const code = parsed.success ? parsed.data.code : null
      const detail = parsed.success && parsed.data.message ? `: ${parsed.data.message.slice(0, 300)}` : ''
      throw new WooApiError(
        res.status,
        code,
        `WooCommerce ${method} ${path} answered ${res.status}${code ? ` ${code}` : ''}${detail}`,
      )
    }
    return { status: res.status, data: res.body as T, headers: res.headers }
  }

  async function page<T>(path: string, pageNo: number, perPage: number, query: Query = {}) {
    const res = await request<T[]>('GET', path, { query: { ...query, page: pageNo, per_page: perPage } })
    if (!Array.isArray(res.data))
      throw new AppError('upstream_failed', `WooCommerce ${path} answered something other than a list`)
    return {
      rows: res.data,
      total: headerInt(res.headers, 'x-wp-total'),
      totalPages: headerInt(res.headers, 'x-wp-totalpages'),
    }
  }

  return {
    request,
    page,
    get retries() {
      return http.retries
    },
  }
}
