/**
 * A `fetch` whose responses cannot grow past a cap: for clients that read bodies themselves (the
 * `openai` SDK), where `readLimitedText` cannot be slotted in. A declared Content-Length over the cap
 * is refused before reading; a body that grows past it errors at the cap (and the connection is
 * dropped). Error bodies (status ≥ 400) get their own, smaller cap.
 */
import { tooLargeError } from './read-limited-body.js'

export type SizeLimits = { maxBytes: number; maxErrorBytes?: number; what: string }

/**
 * Wraps `base` so every response body is capped.
 *
 * @example
 * const f = sizeLimitedFetch(fetch, { maxBytes: 1_000_000, what: 'LLM response' })
 */
export function sizeLimitedFetch(base: typeof fetch, limits: SizeLimits): typeof fetch {
  const errorCap = limits.maxErrorBytes ?? 16 * 1024
  return async (input, init) => {
    const res = await base(input, init)
    const cap = res.ok ? limits.maxBytes : errorCap
    const declared = Number(res.headers.get('content-length') ?? Number.NaN)
    if (res.ok && Number.isFinite(declared) && declared > cap) {
      await res.body?.cancel().catch(() => undefined)
      throw tooLargeError(limits.what, cap)
    }
    if (!res.body) return res
    let size = 0
    const capped = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          size += chunk.byteLength
          if (size > cap) controller.error(tooLargeError(limits.what, cap))
          else controller.enqueue(chunk)
        },
      }),
    )
    return new Response(capped, { status: res.status, statusText: res.statusText, headers: res.headers })
  }
}
