/**
 * Mirrors ticket events to an external ticket system: POSTs each event as JSON to a configured URL,
 * signed with HMAC-SHA256, with a per-attempt timeout and retries with backoff on network errors,
 * 408, 429 and 5xx. Delivery runs in the background so a slow receiver never slows a chat turn.
 *
 * Receivers verify `X-Kefu-Signature: sha256=<hex>` = HMAC(secret, `${X-Kefu-Timestamp}.${body}`).
 */
import { createHmac } from 'node:crypto'
import type { DomainEvent, Ticket } from '../../core/domain/records.js'
import { AppError } from '../../core/errors.js'
import { discardBody } from '../http/read-limited-body.js'

export type WebhookMirrorOptions = {
  url: string
  secret: string
  /** Per attempt. */
  timeoutMs?: number
  /** Extra attempts after the first. */
  retries?: number
  /** First retry delay; doubles each time. */
  backoffMs?: number
  fetch?: typeof fetch
  /** Called when a delivery is finally given up (log it). */
  onFailure?: (event: DomainEvent, error: AppError) => void
}

export type DeliveryResult =
  | { ok: true; status: number; attempts: number }
  | { ok: false; error: AppError; attempts: number }

/** Signature a receiver recomputes to trust a delivery. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

const retryableStatus = (s: number) => s === 408 || s === 409 || s === 429 || s >= 500

/** Creates the mirror; pass `handle` as the ticket service's `onEvent`. */
export function createWebhookTicketMirror(opts: WebhookMirrorOptions) {
  let parsed: URL
  try {
    parsed = new URL(opts.url)
  } catch {
    throw new AppError('invalid_input', `webhook URL '${opts.url}' is not a valid URL`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new AppError('invalid_input', `webhook URL must be http(s), got '${parsed.protocol}'`)
  if (!opts.secret || opts.secret.length < 16)
    throw new AppError('invalid_input', 'webhook secret must be at least 16 characters')
  const timeoutMs = opts.timeoutMs ?? 5000
  const retries = opts.retries ?? 3
  const backoffMs = opts.backoffMs ?? 500
  const doFetch = opts.fetch ?? fetch
  const inflight = new Set<Promise<unknown>>()

  async function deliver(event: DomainEvent, ticket: Ticket): Promise<DeliveryResult> {
    const body = JSON.stringify({
      id: event.id,
      type: event.type,
      createdAt: event.createdAt,
      shopId: event.shopId,
      data: event.data,
      ticket,
    })
    let last: AppError = new AppError('upstream_failed', 'webhook not attempted')
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      const timestamp = String(Math.floor(Date.now() / 1000))
      const ctrl = new AbortController()
      const timer = setTimeout(() => ctrl.abort(), timeoutMs)
      try {
        const res = await doFetch(parsed, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'kefu-webhook/1',
            'x-kefu-event': event.type,
            'x-kefu-delivery': event.id,
            'x-kefu-timestamp': timestamp,
            'x-kefu-signature': signWebhook(opts.secret, timestamp, body),
          },
          body,
          signal: ctrl.signal,
        })
        // The receiver's answer is not needed: read at most 64 KB of it.
        await discardBody(res)
        if (res.ok) return { ok: true, status: res.status, attempts: attempt }
        last = new AppError('upstream_failed', `webhook answered HTTP ${res.status}`, {
          retryable: retryableStatus(res.status),
          details: { status: res.status },
        })
        if (!retryableStatus(res.status)) return { ok: false, error: last, attempts: attempt }
      } catch (e) {
        const timedOut = ctrl.signal.aborted
        last = new AppError(
          'upstream_failed',
          timedOut ? `webhook timed out after ${timeoutMs} ms` : 'webhook request failed',
          {
            cause: e,
            retryable: true,
          },
        )
      } finally {
        clearTimeout(timer)
      }
      if (attempt <= retries) await new Promise((r) => setTimeout(r, backoffMs * 2 ** (attempt - 1)))
    }
    return { ok: false, error: last, attempts: retries + 1 }
  }

  return {
    deliver,
    /** Starts a background delivery (fire and forget); failures go to `onFailure`. */
    handle(event: DomainEvent, ticket: Ticket): void {
      const p = deliver(event, ticket).then((r) => {
        if (!r.ok) opts.onFailure?.(event, r.error)
      })
      inflight.add(p)
      void p.finally(() => inflight.delete(p))
    },
    /** Waits for background deliveries (graceful shutdown, tests). */
    async drain(): Promise<void> {
      await Promise.allSettled([...inflight])
    },
  }
}

export type WebhookTicketMirror = ReturnType<typeof createWebhookTicketMirror>
