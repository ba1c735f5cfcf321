/**
 * A small client for the WooCommerce REST API v3 (`{storeUrl}/wp-json/wc/v3/…`).
 *
 * - Auth: REST API keys. Over HTTPS the key and secret go in HTTP Basic auth, as WooCommerce
 *   documents. Plain HTTP is accepted only for a loopback store (a local test server), where they go
 *   in the `consumer_key`/`consumer_secret` query string; a real store reached over plain HTTP would
 *   need OAuth 1.0a signatures, which kefu does not do, so such a URL is refused up front.
 * - Every attempt has a timeout (`timeoutMs`), every body a size cap (`maxResponseBytes`).
 * - 408, 409, 429, ≥ 500 and network errors are retried `maxRetries` times with exponential backoff,
 *   honouring `Retry-After` (seconds or an HTTP date) up to `maxRetryDelayMs`; a longer demand is not
 *   waited out but reported.
 * - Failures are `WooApiError` values carrying the HTTP status and WooCommerce's error `code`
 *   (`woocommerce_rest_…`). Neither the secret nor the URL with it ever appears in an error.
 */
import { AppError } from '../../core/errors.js'
import { readLimitedText } from '../http/read-limited-body.js'
import { wooErrorSchema } from './woo-resources.js'

export type WooClientOptions = {
  /** The shop's address, e.g. `https://shop.example.com` (a WordPress sub-directory install keeps its path). */
  storeUrl: string
  consumerKey: string
  consumerSecret: string
  /** Per attempt. Default 10 s. */
  timeoutMs?: number
  /** Retries after the first attempt on retryable failures. Default 3. */
  maxRetries?: number
  /** First backoff; doubles each retry. Default 300 ms. */
  retryBaseMs?: number
  /** Longest single wait, including a server's Retry-After. Default 10 s. */
  maxRetryDelayMs?: number
  /** Largest body read. Default 20 MB (a page of 100 products with long descriptions). */
  maxResponseBytes?: number
  /** Told about each retry (for a `warn` log line); carries no secrets. */
  onRetry?: (info: { path: string; attempt: number; status: number | null; delayMs: number }) => void
  fetch?: typeof fetch
  /** Injected for tests; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>
}

/** A failed WooCommerce call: `status` null for network errors and timeouts. */
export class WooApiError extends AppError {
  readonly status: number | null
  readonly wooCode: string | null
  constructor(status: number | null, wooCode: string | null, message: string, cause?: unknown) {
    super(status === 429 ? 'rate_limited' : 'upstream_failed', message, {
      cause,
      retryable: status === null || RETRYABLE(status),
      details: { status, wooCode },
    })
    this.status = status
    this.wooCode = wooCode
  }
}

export type WooResponse<T> = { status: number; data: T; headers: Headers }

/** Query values; arrays are not needed by kefu's calls. */
export type Query = Record<string, string | number | boolean | undefined>

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
}

const RETRYABLE = (s: number) => s === 408 || s === 409 || s === 429 || s >= 500
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

function retryAfterMs(h: string | null): number | null {
  if (!h) return null
  const secs = Number(h)
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000)
  // An HTTP date is relative to the server's clock; its difference with ours is what we can use.
  const at = Date.parse(h)
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null
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
  const timeoutMs = options.timeoutMs ?? 10_000
  const maxRetries = options.maxRetries ?? 3
  const retryBaseMs = options.retryBaseMs ?? 300
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 10_000
  const maxBytes = options.maxResponseBytes ?? 20 * 1024 * 1024
  const doFetch = options.fetch ?? fetch
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const basic = `Basic ${Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64')}`

  function urlFor(path: string, query: Query | undefined): string {
    const u = new URL(`${base}${path}`)
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) u.searchParams.set(k, String(v))
    if (queryAuth) {
      u.searchParams.set('consumer_key', options.consumerKey)
      u.searchParams.set('consumer_secret', options.consumerSecret)
    }
    return u.toString()
  }

  async function once<T>(
    method: string,
    path: string,
    url: string,
    body: unknown,
  ): Promise<{ ok: true; res: WooResponse<T> } | { ok: false; error: WooApiError; retryAfter: number | null }> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (!queryAuth) headers.authorization = basic
    if (body !== undefined) headers['content-type'] = 'application/json'
    let res: Response
    try {
      res = await doFetch(url, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')
      const msg = timedOut
        ? `WooCommerce ${method} ${path} timed out after ${timeoutMs} ms`
        : `WooCommerce ${method} ${path} failed to connect`
      return { ok: false, error: new WooApiError(null, null, msg), retryAfter: null }
    }
    let raw: string
    try {
      raw = await readLimitedText(res, res.ok ? maxBytes : 64 * 1024, `WooCommerce ${path} response`)
    } catch (e) {
      const error = AppError.isInstance(e) && e.options.details ? e : null
      return {
        ok: false,
        error: new WooApiError(
          res.ok ? 200 : res.status,
          null,
          error?.message ?? `WooCommerce ${path} body unreadable`,
          e,
        ),
        retryAfter: null,
      }
    }
    let json: unknown
    try {
      json = raw === '' ? null : JSON.parse(raw)
    } catch {
      json = undefined
    }
    if (res.ok) {
      if (json === undefined)
        return {
          ok: false,
          error: new WooApiError(res.status, null, `WooCommerce ${path} answered invalid JSON`),
          retryAfter: null,
        }
      return { ok: true, res: { status: res.status, data: json as T, headers: res.headers } }
    }
    const parsed = wooErrorSchema.safeParse(json)
    const wooCode = parsed.success ? parsed.data.code : null
    const detail = parsed.success && parsed.data.message ? `: ${parsed.data.message.slice(0, 300)}` : ''
    return {
      ok: false,
      error: new WooApiError(
        res.status,
        wooCode,
        `WooCommerce ${method} ${path} answered ${res.status}${wooCode ? ` ${wooCode}` : ''}${detail}`,
      ),
      retryAfter: retryAfterMs(res.headers.get('retry-after')),
    }
  }

  async function request<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    opts: { query?: Query; body?: unknown } = {},
  ): Promise<WooResponse<T>> {
    const url = urlFor(path, opts.query)
    for (let attempt = 0; ; attempt++) {
      const r = await once<T>(method, path, url, opts.body)
      if (r.ok) return r.res
      const { error } = r
      if (!error.options.retryable || attempt >= maxRetries) throw error
      const backoff = Math.min(retryBaseMs * 2 ** attempt, maxRetryDelayMs)
      const delayMs = r.retryAfter ?? backoff
      // A server asking for a longer pause than we may wait is told to the caller, not waited out.
      if (delayMs > maxRetryDelayMs) throw error
      options.onRetry?.({ path, attempt: attempt + 1, status: error.status, delayMs })
      await sleep(delayMs)
    }
  }

  async function page<T>(path: string, pageNo: number, perPage: number, query: Query = {}) {
    const res = await request<T[]>('GET', path, { query: { ...query, page: pageNo, per_page: perPage } })
    if (!Array.isArray(res.data))
      throw new WooApiError(res.status, null, `WooCommerce ${path} answered something other than a list`)
    return {
      rows: res.data,
      total: headerInt(res.headers, 'x-wp-total'),
      totalPages: headerInt(res.headers, 'x-wp-totalpages'),
    }
  }

  return { request, page }
}
