/**
 * kefu's replies into Chatwoot, as the Agent Bot: `POST /api/v1/accounts/{account}/conversations/{id}/messages`
 * with the bot's `api_access_token`. Buttons become an `input_select` where the inbox renders it (the
 * web widget), numbered text elsewhere. Handoff = a private note with reason, intent and summary,
 * then `toggle_status` to `open` (Chatwoot's human queue).
 */

import { numberedText } from '../../core/channels/degrade-replies.js'
import type { Reply } from '../../core/dialogue/types.js'
import type { Locale } from '../../core/domain/schemas.js'
import type { ChannelAdapter, ChannelTarget, HandoffInfo, SendResult } from '../../core/ports/channel.js'
import { readLimitedText } from '../http/read-limited-body.js'

/** Inbox types whose customers see `input_select` options as buttons. */
export const INPUT_SELECT_INBOXES: ReadonlySet<string> = new Set(['Channel::WebWidget'])

const MAX_RESPONSE_BYTES = 64 * 1024

export type ChatwootAdapterOptions = {
  baseUrl: string
  accountId: string
  botToken: string
  timeoutMs: number
  fetch?: typeof fetch
  /** The inbox type of a Chatwoot conversation (remembered from its webhooks), if known. */
  inboxChannelOf?: (conversationId: string) => Promise<string | null>
  /** Waits before the one retry of a failed call (429, 5xx, network); default 300 ms. */
  retryDelayMs?: number
}

type CallResult = { ok: true; id?: string } | { ok: false; kind: 'refused' | 'unavailable'; detail: string }

export function createChatwootAdapter(opts: ChatwootAdapterOptions): ChannelAdapter {
  const doFetch = opts.fetch ?? fetch
  const base = `${opts.baseUrl.replace(/\/+$/, '')}/api/v1/accounts/${encodeURIComponent(opts.accountId)}/conversations`

  async function callOnce(path: string, body: unknown): Promise<CallResult & { retry?: boolean }> {
    let res: Response
    try {
      res = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', api_access_token: opts.botToken },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs),
      })
    } catch (e) {
      return { ok: false, kind: 'unavailable', detail: `Chatwoot unreachable: ${(e as Error).message}`, retry: true }
    }
    let text = ''
    try {
      text = await readLimitedText(res, MAX_RESPONSE_BYTES, 'Chatwoot response')
    } catch (e) {
      return { ok: false, kind: 'unavailable', detail: (e as Error).message }
    }
    if (res.ok) {
      let id: string | undefined
      try {
        const j = JSON.parse(text) as { id?: unknown }
        if (typeof j.id === 'number' || typeof j.id === 'string') id = String(j.id)
      } catch {
        /* toggle_status answers without an id; the call still succeeded */
      }
      return id ? { ok: true, id } : { ok: true }
    }
    const detail = `Chatwoot HTTP ${res.status}: ${text.slice(0, 200)}`
    if (res.status === 429 || res.status >= 500) return { ok: false, kind: 'unavailable', detail, retry: true }
    return { ok: false, kind: 'refused', detail }
  }

  async function call(path: string, body: unknown): Promise<CallResult> {
    const first = await callOnce(path, body)
    if (first.ok || !first.retry) return first
    await new Promise((r) => setTimeout(r, opts.retryDelayMs ?? 300))
    return callOnce(path, body)
  }

  function threadOf(target: ChannelTarget): string | null {
    const id = target.externalThreadId
    return id && /^\d{1,15}$/.test(id) ? id : null
  }

  async function send(target: ChannelTarget, replies: Reply[], locale: Locale): Promise<SendResult> {
    const conv = threadOf(target)
    if (!conv) return { ok: false, kind: 'refused', detail: 'no Chatwoot conversation id' }
    const inbox = (await opts.inboxChannelOf?.(conv).catch(() => null)) ?? null
    const selects = inbox !== null && INPUT_SELECT_INBOXES.has(inbox)
    const ids: string[] = []
    for (const r of replies) {
      const buttons = r.buttons ?? []
      const body =
        selects && buttons.length > 0
          ? {
              content: r.text,
              message_type: 'outgoing',
              private: false,
              content_type: 'input_select',
              content_attributes: { items: buttons.map((b) => ({ title: b.label, value: b.payload })) },
            }
          : { content: numberedText(r, locale), message_type: 'outgoing', private: false }
      const out = await call(`/${conv}/messages`, body)
      if (!out.ok) return { ok: false, kind: out.kind, detail: out.detail }
      if (out.id) ids.push(out.id)
    }
    return { ok: true, externalMessageIds: ids }
  }

  async function handOff(target: ChannelTarget, info: HandoffInfo): Promise<SendResult> {
    const conv = threadOf(target)
    if (!conv) return { ok: false, kind: 'refused', detail: 'no Chatwoot conversation id' }
    const note = await call(`/${conv}/messages`, {
      content: handoffNote(info),
      message_type: 'outgoing',
      private: true,
    })
    const toggled = await call(`/${conv}/toggle_status`, { status: 'open' })
    if (!toggled.ok) return { ok: false, kind: toggled.kind, detail: toggled.detail }
    return { ok: true, externalMessageIds: note.ok && note.id ? [note.id] : [] }
  }

  return { specificationVersion: 'v1', kind: 'chatwoot', send, handOff }
}

/** The private note an agent reads when kefu hands a conversation over. */
export function handoffNote(info: HandoffInfo): string {
  const intent = info.intent ?? '—'
  return info.locale === 'zh'
    ? `🤖 kefu 转人工\n原因：${info.reason}\n意图：${intent}\n摘要：${info.summary}`
    : `🤖 kefu handoff\nReason: ${info.reason}\nIntent: ${intent}\nSummary: ${info.summary}`
}
