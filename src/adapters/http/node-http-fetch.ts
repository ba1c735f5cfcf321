/**
 * A `fetch` for API clients over `node:http`/`node:https` with keep-alive agents, the response body
 * capped as `sizeLimitedFetch` caps it. The `openai` SDK takes any fetch; Node's own (undici) runs the
 * whole WHATWG fetch algorithm for each request, which cost ~1 ms of CPU on the way to the provider
 * in `bench/llm-overhead.ts` (the time a customer waits for the first streamed sentence). This one
 * does what an API client needs: the method, headers and a string or byte body, redirects (as fetch
 * follows them), the abort signal, the status, headers and a streamed body. Anything else — a
 * `Request` object, a form, blob or stream body, another redirect mode — goes to the fallback fetch.
 *
 * Not done, as a JSON/SSE API needs none of them: compression (no `accept-encoding` is sent, so a
 * server answers uncompressed), cookies, caching, CORS.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { tooLargeError } from './read-limited-body.js'
import { type SizeLimits, sizeLimitedFetch } from './size-limited-fetch.js'

const REDIRECT = new Set([301, 302, 303, 307, 308])
/** fetch's own limit. */
const MAX_REDIRECTS = 20
/** Statuses whose responses have no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304])
/** Headers a redirect to another origin must not carry (as fetch drops them). */
const CROSS_ORIGIN_DROPPED = ['authorization', 'proxy-authorization', 'cookie']
/** Longest a free keep-alive connection is kept (a server's own `Keep-Alive: timeout` hint may shorten it). */
const IDLE_MS = 4_000

export type NodeHttpFetchOptions = SizeLimits & {
  /** For the requests this fetch does not handle itself (default: Node's fetch, capped the same way). */
  fallback?: typeof fetch
  /** Longest a free keep-alive connection is kept, ms (default 4 s, as Node's fetch). */
  idleMs?: number
}

type Body = string | Uint8Array | undefined
type Agents = { 'http:': HttpAgent; 'https:': HttpsAgent }

/** Keep-alive connections, shared by every fetch made here with the default idle time (as Node's fetch shares its). */
let shared: Agents | undefined

function agentsFor(idleMs: number): Agents {
  return {
    'http:': new HttpAgent({ keepAlive: true, timeout: idleMs }),
    'https:': new HttpsAgent({ keepAlive: true, timeout: idleMs }),
  }
}

/**
 * A capped fetch over node:http(s).
 *
 * @example
 * const f = nodeHttpFetch({ maxBytes: 1_000_000, what: 'LLM response' })
 * const client = new OpenAI({ baseURL, apiKey, fetch: f })
 */
export function nodeHttpFetch(options: NodeHttpFetchOptions): typeof fetch {
  const fallback = sizeLimitedFetch(options.fallback ?? fetch, options)
  const errorCap = options.maxErrorBytes ?? 16 * 1024
  if (options.idleMs === undefined) shared ??= agentsFor(IDLE_MS)
  const agents = options.idleMs === undefined && shared ? shared : agentsFor(options.idleMs ?? IDLE_MS)

  function once(
    url: URL,
    method: string,
    headers: OutgoingHttpHeaders,
    body: Body,
    signal: AbortSignal | null | undefined,
  ): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal))
        return
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest
      const req = send(url, { method, headers, agent: agents[url.protocol as 'http:' | 'https:'] })
      const onAbort = () => {
        const reason = abortReason(signal)
        req.destroy(reason instanceof Error ? reason : undefined)
        reject(reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      // Errors after the response (the socket's) belong to the body: they are ignored here.
      req.on('error', (e) => {
        signal?.removeEventListener('abort', onAbort)
        reject(new TypeError('fetch failed', { cause: e }))
      })
      req.once('response', (res) => {
        signal?.removeEventListener('abort', onAbort)
        resolve(res)
      })
      req.end(body)
    })
  }

  async function run(input: string | URL, init: RequestInit): Promise<Response> {
    const signal = init.signal
    let url = new URL(input)
    let method = (init.method ?? 'GET').toUpperCase()
    let body = init.body as Body
    const headers: OutgoingHttpHeaders = {}
    // The SDK hands a Headers object (names lower-cased, repeats joined): read as it is, not copied.
    const given = init.headers instanceof Headers ? init.headers : new Headers(init.headers)
    for (const [k, v] of given) headers[k] = v
    for (let redirects = 0; ; redirects++) {
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body))
      else delete headers['content-length']
      const res = await once(url, method, headers, body, signal)
      const status = res.statusCode ?? 0
      const location = res.headers.location
      if (!REDIRECT.has(status) || location === undefined) return toResponse(res, signal)
      res.resume()
      if (redirects >= MAX_REDIRECTS)
        throw new TypeError('fetch failed', { cause: new Error('redirect count exceeded') })
      const next = new URL(location, url)
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        throw new TypeError('fetch failed', { cause: new Error(`redirect to ${next.protocol}`) })
      if (next.origin !== url.origin) for (const h of CROSS_ORIGIN_DROPPED) delete headers[h]
      if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
        method = 'GET'
        body = undefined
        delete headers['content-type']
      }
      url = next
    }
  }

  /** The response, its body streamed with the cap; the signal still cancels the body. */
  function toResponse(res: IncomingMessage, signal: AbortSignal | null | undefined): Response {
    const status = res.statusCode ?? 0
    const ok = status >= 200 && status < 300
    const headers = new Headers()
    for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!)
    const init = { status, statusText: res.statusMessage ?? '', headers }
    if (NULL_BODY.has(status)) {
      res.resume()
      return new Response(null, init)
    }
    const cap = ok ? options.maxBytes : errorCap
    const declared = Number(res.headers['content-length'] ?? Number.NaN)
    if (ok && Number.isFinite(declared) && declared > cap) {
      res.destroy()
      throw tooLargeError(options.what, cap)
    }
    let size = 0
    let settled = false
    let onAbort: (() => void) | undefined
    const finish = () => {
      settled = true
      if (onAbort) signal?.removeEventListener('abort', onAbort)
    }
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const fail = (e: unknown) => {
          if (settled) return
          finish()
          controller.error(e)
          res.destroy()
        }
        res.on('data', (chunk: Buffer) => {
          if (settled) return
          size += chunk.byteLength
          if (size > cap) {
            fail(tooLargeError(options.what, cap))
            return
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          if ((controller.desiredSize ?? 1) <= 0) res.pause()
        })
        res.once('end', () => {
          if (settled) return
          finish()
          controller.close()
        })
        res.on('error', fail)
        res.once('close', () => {
          if (!res.complete) fail(new TypeError('terminated', { cause: new Error('the connection closed mid-body') }))
        })
        if (signal) {
          onAbort = () => fail(abortReason(signal))
          if (signal.aborted) onAbort()
          else signal.addEventListener('abort', onAbort, { once: true })
        }
      },
      pull() {
        res.resume()
      },
      cancel() {
        finish()
        res.destroy()
      },
    })
    return new Response(stream, init)
  }

  return (input, init = {}) => {
    const body = init.body
    const handled =
      (typeof input === 'string' || input instanceof URL) &&
      (body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array) &&
      (init.redirect === undefined || init.redirect === 'follow')
    if (!handled) return fallback(input, init)
    return run(input, { ...init, body: body ?? undefined } as RequestInit)
  }
}

function abortReason(signal: AbortSignal | null | undefined): unknown {
  return signal?.reason ?? new DOMException('This operation was aborted', 'AbortError')
}
