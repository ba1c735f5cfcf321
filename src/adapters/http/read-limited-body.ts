/**
 * Reads an HTTP response body from an external service with a size cap. `res.text()` buffers
 * whatever the other side sends: a 180 MB answer from a misbehaving LLM provider grew memory by
 * 600 MB. Here a declared Content-Length over the cap is refused before reading, and a body that
 * grows past it is cancelled at the cap.
 */
import { AppError } from '../../core/errors.js'

/** Thrown (as AppError `upstream_failed`, not retryable) when a body exceeds its cap. */
export function tooLargeError(what: string, maxBytes: number): AppError {
  return new AppError('upstream_failed', `${what} is larger than ${maxBytes} bytes`, {
    retryable: false,
    details: { tooLarge: true, maxBytes },
  })
}

/**
 * The body of `res` as text, at most `maxBytes` bytes.
 *
 * @example
 * const raw = await readLimitedText(res, 1_000_000, 'LLM response')
 */
export async function readLimitedText(res: Response, maxBytes: number, what: string): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined)
    throw tooLargeError(what, maxBytes)
  }
  if (!res.body) return ''
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  let size = 0
  let out = ''
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) throw tooLargeError(what, maxBytes)
      out += decoder.decode(value, { stream: true })
    }
    return out + decoder.decode()
  } finally {
    reader.cancel().catch(() => undefined)
  }
}

/** Reads and drops at most `maxBytes` of a body we do not need (keeps the connection reusable). */
export async function discardBody(res: Response, maxBytes = 64 * 1024): Promise<void> {
  await readLimitedText(res, maxBytes, 'response').catch(() => undefined)
}
