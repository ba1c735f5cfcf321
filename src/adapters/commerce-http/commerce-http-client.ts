/**
 * The HTTP client every commerce connector shares (Shopify, WooCommerce): JSON over fetch with a
 * per-call timeout, a response size cap, and rate-limit handling — 429 with `Retry-After` (seconds,
 * fractional allowed) and 5xx/network errors are retried a bounded number of times with exponential
 * backoff; a platform's own pacing signal (Shopify's call-limit header) can slow the next call
 * through `pace`. Credentials travel in headers and are never part of an error message.
 */
import { AppError } from '../../core/errors.js'
import { readLimitedText } from '../http/read-limited-body.js'

export type CommerceHttpOptions = {
  /** Base URL every path is appended to, e.g. `https://shop.myshopify.com/admin/api/2024-10`. */
  baseUrl: string
  /** Sent with every request (auth). */
  headers: Record<string, string>
  /** Name in errors and logs, e.g. `Shopify`. */
  what: string
  /** Per attempt (default 15 s). */
  timeoutMs?: number
  /** Largest response body read (default 8 MB). */
  maxBytes?: number
  /** Retries after the first attempt for 429 / 5xx / network errors (default 4). */
  maxRetries?: number
  /** First backoff for 5xx / network errors; doubled each retry (default 500 ms). */
  backoffBaseMs?: number
  /** A `Retry-After` longer than this is not waited for: the call fails as unavailable (default 30 s). */
  maxRetryAfterMs?: number
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
  /** Looks at every response; returns how long to wait before the next call (leaky bucket pacing). */
  pace?: (res: Response) => number
}

export type HttpResult = { status: number; headers: Headers; body: unknown; text: string }

export type CommerceHttp = {
  /**
   * One call. Resolves with any final answer (2xx, or 4xx other than 429); rejects with
   * AppError('upstream_failed', retryable) after timeouts, network errors, 5xx or 429 past the budget.
   */
  request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    pathOrUrl: string,
    opts?: { query?: Record<string, string | number | undefined>; body?: unknown },
  ): Promise<HttpResult>
  /** Retries taken so far (observability, tests). */
  readonly retries: number
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Parses `Retry-After` (seconds, possibly fractional, or an HTTP date) to milliseconds. */
export function retryAfterMs(value: string | null, nowMs: number): number | null {
  if (!value) return null
  const n = Number(value)
  if (Number.isFinite(n)) return Math.max(0, n * 1000)
  const at = Date.parse(value)
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : null
}

function upstream(what: string, message: string, details: Record<string, unknown> = {}, cause?: unknown): AppError {
  return new AppError('upstream_failed', `${what}: ${message}`, {
    retryable: true,
    details,
    ...(cause ? { cause } : {}),
  })
}

export function createCommerceHttp(o: CommerceHttpOptions): CommerceHttp {
  const f = o.fetch ?? fetch
  const sleep = o.sleep ?? defaultSleep
  const timeoutMs = o.timeoutMs ?? 15_000
  const maxBytes = o.maxBytes ?? 8 * 1024 * 1024
  const maxRetries = o.maxRetries ?? 4
  const backoff = o.backoffBaseMs ?? 500
  const maxRetryAfter = o.maxRetryAfterMs ?? 30_000
  let wait = 0
  let retries = 0
  const base = o.baseUrl.replace(/\/+$/, '')

  function urlOf(pathOrUrl: string, query?: Record<string, string | number | undefined>): string {
    const u = new URL(/^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${base}${pathOrUrl}`)
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) u.searchParams.set(k, String(v))
    return u.toString()
  }

  async function once(method: string, url: string, body: unknown): Promise<Response> {
    if (wait > 0) {
      const w = wait
      wait = 0
      await sleep(w)
    }
    return f(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...o.headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    })
  }

  return {
    get retries() {
      return retries
    },
    async request(method, pathOrUrl, opts = {}) {
      const url = urlOf(pathOrUrl, opts.query)
      const label = `${method} ${new URL(url).pathname}`
      for (let attempt = 0; ; attempt++) {
        let res: Response
        try {
          res = await once(method, url, opts.body)
        } catch (e) {
          const timeout = (e as { name?: string }).name === 'TimeoutError'
          if (attempt < maxRetries) {
            retries++
            await sleep(backoff * 2 ** attempt)
            continue
          }
          throw upstream(o.what, `${label} ${timeout ? `timed out after ${timeoutMs} ms` : 'network error'}`, {}, e)
        }
        if (o.pace) wait = Math.max(wait, o.pace(res))
        if (res.status === 429 || res.status >= 500) {
          const after = res.status === 429 ? retryAfterMs(res.headers.get('retry-after'), Date.now()) : null
          await res.body?.cancel().catch(() => undefined)
          const delay = after ?? backoff * 2 ** attempt
          if (attempt < maxRetries && delay <= maxRetryAfter) {
            retries++
            await sleep(delay)
            continue
          }
          throw upstream(
            o.what,
            `${label} answered HTTP ${res.status}${res.status === 429 ? ' (rate limited)' : ''} after ${attempt + 1} attempts`,
            { status: res.status },
          )
        }
        const text = await readLimitedText(res, maxBytes, `${o.what} response`)
        let body: unknown = null
        if (text) {
          try {
            body = JSON.parse(text)
          } catch {
            if (res.ok) throw upstream(o.what, `${label} answered HTTP ${res.status} with a body that is not JSON`)
            body = text.slice(0, 2000)
          }
        }
        return { status: res.status, headers: res.headers, body, text }
      }
    },
  }
}
