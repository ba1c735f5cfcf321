/**
 * Chatwoot Agent Bot webhooks → channel-neutral events, and their authenticity check.
 *
 * Chatwoot POSTs JSON to the bot's outgoing URL: `message_created` / `message_updated` carry the
 * message (with `message_type` "incoming" for the customer, `sender`, `conversation`,
 * `attachments`); `conversation_status_changed`, `conversation_opened`, `conversation_resolved`,
 * `conversation_created`, `webwidget_triggered` carry the conversation. Since Chatwoot 4.13 bot
 * webhooks are signed: `X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`
 * with `X-Chatwoot-Timestamp` (unix seconds) — verified when the bot's secret is configured.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { InboundContent, InboundEvent } from '../../core/ports/channel.js'

/** How far a signed webhook's timestamp may be from kefu's clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300

type Json = Record<string, unknown>

/** Constant-time string equality (different lengths compare unequal without leaking where). */
export function safeEqual(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest()
  const y = createHash('sha256').update(b).digest()
  return timingSafeEqual(x, y) && a.length === b.length
}

/** The signature Chatwoot sends for `raw` at `timestamp` (also used by the test fake). */
export function chatwootSignature(secret: string, timestamp: string, raw: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(raw).digest('hex')}`
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string }

export function verifyChatwootSignature(
  secret: string,
  headers: { signature?: string; timestamp?: string },
  raw: Buffer,
  nowMs: number,
): SignatureCheck {
  const { signature, timestamp } = headers
  if (!signature || !timestamp) return { ok: false, reason: 'missing signature headers' }
  const ts = Number(timestamp)
  if (!/^\d{1,12}$/.test(timestamp) || !Number.isFinite(ts)) return { ok: false, reason: 'bad timestamp' }
  if (Math.abs(nowMs / 1000 - ts) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'stale timestamp' }
  return safeEqual(signature, chatwootSignature(secret, timestamp, raw))
    ? { ok: true }
    : { ok: false, reason: 'signature mismatch' }
}

export type ParsedWebhook =
  | { type: 'ignored'; reason: string }
  | {
      type: 'event'
      event: InboundEvent
      /** The inbox's channel type (`Channel::WebWidget`, `Channel::Whatsapp`…), when the payload says. */
      inboxChannel?: string
      accountId?: string
    }

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {})
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined

/** Chatwoot sends `created_at` as unix seconds or as "2024-05-01T10:00:00.000Z" / "2024-05-01 10:00:00 UTC". */
function isoOf(v: unknown, fallback: string): string {
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v * 1000).toISOString()
  if (typeof v === 'string') {
    const ms = Date.parse(v.replace(' UTC', 'Z').replace(' ', 'T'))
    if (!Number.isNaN(ms)) return new Date(ms).toISOString()
  }
  return fallback
}

function contactOf(conversation: Json): string | undefined {
  const meta = obj(conversation.meta)
  return str(obj(meta.sender).id) ?? str(obj(conversation.contact_inbox).contact_id) ?? str(conversation.contact_id)
}

const STATUS_EVENTS: Record<string, InboundContent> = {
  open: { type: 'event', event: 'handed_to_human' },
  pending: { type: 'event', event: 'returned_to_bot' },
  resolved: { type: 'event', event: 'closed' },
}

/**
 * One webhook body → at most one event. `deliveryId` names a status change (Chatwoot's
 * X-Chatwoot-Delivery, else a hash of the body: a retried delivery is byte-identical).
 */
export function parseChatwootWebhook(body: unknown, opts: { receivedAt: string; deliveryId: string }): ParsedWebhook {
  const p = obj(body)
  const kind = str(p.event)
  if (!kind) return { type: 'ignored', reason: 'no event' }

  if (kind === 'message_created') {
    const conversation = obj(p.conversation)
    const messageType = p.message_type
    if (messageType !== 'incoming' && messageType !== 0) return { type: 'ignored', reason: 'not incoming' }
    if (p.private === true) return { type: 'ignored', reason: 'private' }
    const sender = obj(p.sender)
    if (str(sender.type) && str(sender.type) !== 'contact') return { type: 'ignored', reason: 'not from the contact' }
    const messageId = str(p.id)
    const threadId = str(conversation.id) ?? str(p.conversation_id)
    const userId = str(sender.id) ?? contactOf(conversation)
    if (!messageId || !threadId || !userId) return { type: 'ignored', reason: 'incomplete message' }
    const content = contentOf(p)
    if (!content) return { type: 'ignored', reason: 'empty message' }
    const status = str(conversation.status)
    const event: InboundEvent = {
      externalMessageId: `msg:${messageId}`,
      externalUserId: userId,
      externalThreadId: threadId,
      content,
      sentAt: isoOf(p.created_at, opts.receivedAt),
      ...(status === 'open' ? { humanOwned: true } : {}),
    }
    const inboxChannel = str(conversation.channel) ?? str(obj(p.inbox).channel_type)
    const accountId = str(obj(p.account).id)
    return {
      type: 'event',
      event,
      ...(inboxChannel ? { inboxChannel } : {}),
      ...(accountId ? { accountId } : {}),
    }
  }

  if (
    kind === 'conversation_status_changed' ||
    kind === 'conversation_opened' ||
    kind === 'conversation_resolved' ||
    kind === 'conversation_updated'
  ) {
    // The payload is the conversation itself (some versions nest it under `conversation`).
    const c = p.conversation && typeof p.conversation === 'object' ? obj(p.conversation) : p
    const status = str(c.status)
    const threadId = str(c.id)
    const userId = contactOf(c)
    const content = status ? STATUS_EVENTS[status] : undefined
    if (!content || !threadId || !userId) return { type: 'ignored', reason: `status ${status ?? 'unknown'}` }
    return {
      type: 'event',
      event: {
        externalMessageId: `status:${threadId}:${status}:${opts.deliveryId}`,
        externalUserId: userId,
        externalThreadId: threadId,
        content,
        sentAt: opts.receivedAt,
      },
    }
  }
  // conversation_created, webwidget_triggered, message_updated, typing…: nothing for kefu to do.
  return { type: 'ignored', reason: kind }
}

/** What the customer sent: a chosen option, text, or the first picture / voice note. */
function contentOf(p: Json): InboundContent | null {
  const attrs = obj(p.content_attributes)
  const submitted = Array.isArray(attrs.submitted_values) ? obj(attrs.submitted_values[0]) : {}
  const value = str(submitted.value)
  if (value) return { type: 'click', payload: value, ...(str(submitted.title) ? { label: str(submitted.title)! } : {}) }
  const text = str(p.content)?.trim()
  if (text) return { type: 'text', text }
  const attachments = Array.isArray(p.attachments) ? p.attachments.map(obj) : []
  for (const a of attachments) {
    const url = str(a.data_url) ?? str(a.file_url)
    if (!url) continue
    if (a.file_type === 'image') return { type: 'image', mediaRef: url }
    if (a.file_type === 'audio') {
      const transcript = str(obj(a.meta).transcribed_text) ?? str(a.transcribed_text)
      return { type: 'voice', mediaRef: url, ...(transcript ? { recognition: transcript } : {}) }
    }
  }
  return null
}
