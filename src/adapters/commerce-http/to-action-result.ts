/**
 * Maps a platform's answer to an action onto the commerce port's result: 2xx accepted; 401/403 =
 * unavailable (kefu's credentials are wrong, not the customer's request); any other 4xx = refused
 * with the platform's error text as detail; a thrown error (timeout, 5xx, 429 past the budget) =
 * unavailable.
 */
import type { CommerceActionResult } from '../../core/ports/commerce.js'
import type { HttpResult } from './commerce-http-client.js'

/** The platform's error body as one short line (for tickets and logs; never shown to customers). */
export function errorDetail(res: HttpResult): string {
  const b = res.body as { errors?: unknown; error?: unknown; message?: unknown } | string | null
  const picked = typeof b === 'object' && b !== null ? (b.errors ?? b.message ?? b.error ?? b) : b
  const text = typeof picked === 'string' ? picked : JSON.stringify(picked)
  return `HTTP ${res.status}: ${text ?? ''}`.slice(0, 1000)
}

export function refusedOrUnavailable(res: HttpResult): Extract<CommerceActionResult, { ok: false }> {
  if (res.status === 401 || res.status === 403)
    return { ok: false, kind: 'unavailable', detail: `credentials rejected: ${errorDetail(res)}` }
  return { ok: false, kind: 'refused', detail: errorDetail(res) }
}

/** Runs an action; anything thrown becomes `unavailable` with its message. */
export async function guardAction(run: () => Promise<CommerceActionResult>): Promise<CommerceActionResult> {
  try {
    return await run()
  } catch (e) {
    return { ok: false, kind: 'unavailable', detail: e instanceof Error ? e.message.slice(0, 500) : 'unknown error' }
  }
}
