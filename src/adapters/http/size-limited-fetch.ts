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
    return new Response(capped(res.body, cap, limits.what), {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    })
  }
}

/**
 * `body` read chunk by chunk as the reader asks for it, erroring (and dropping the source) once more
 * than `cap` bytes came. A pull source on the body's own reader, not `pipeThrough` a TransformStream:
 * the pipe's writable side and its promise chain per chunk cost ~0.1 ms of CPU per streamed answer.
 */
function capped(body: ReadableStream<Uint8Array>, cap: number, what: string): ReadableStream<Uint8Array> {
  const reader = body.getReader()
  let size = 0
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read()
        if (done) {
          controller.close()
          return
        }
        size += value.byteLength
        if (size <= cap) {
          controller.enqueue(value)
          return
        }
        controller.error(tooLargeError(what, cap))
        await reader.cancel().catch(() => undefined)
      },
      cancel(reason) {
        return reader.cancel(reason)
      },
    },
    { highWaterMark: 0 },
  )
}
