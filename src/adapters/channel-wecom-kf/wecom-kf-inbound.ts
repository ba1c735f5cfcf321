/**
 * The receiving side of WeChat Customer Service: URL verification, the encrypted
 * `kf_msg_or_event` callback, and pulling what it announces through `kf/sync_msg` from the cursor
 * persisted per open_kfid. Each msgid is claimed once (sync_msg can return a message twice and
 * WeCom retries callbacks), so a message reaches `onEvent` once across instances; when `onEvent`
 * throws, the claim is given back and the cursor stays, so the next callback tries it again.
 */

import type { ChannelStateStore, InboundEvent } from '../../core/ports/channel.js'
import type { Clock } from '../../core/ports/clock.js'
import {
  openWxEchostr,
  openWxEnvelope,
  type WxBizMsgCrypt,
  type WxSignedQuery,
  wxText,
} from '../channel-wechat-crypto/index.js'
import type { KfMessage, WecomKfApi } from './wecom-kf-api.js'
import { toInboundEvent } from './wecom-kf-messages.js'

export type KfCallback = { token: string; openKfId: string }

export type OpenCallbackResult =
  | { ok: true; callback: KfCallback }
  /** A well-signed callback kefu has nothing to do with (another event type, another kf account). */
  | { ok: true; callback: null; event: string }
  | { ok: false; reason: string }

/** `sync_msg` returns the last 3 days: a claimed msgid is remembered a little longer. */
const MSGID_TTL_SECONDS = 4 * 24 * 3600
/** A runaway cursor (a platform bug) stops here; the next callback carries on from the saved cursor. */
const MAX_PAGES = 50
/** On the very first pull of an account (no cursor yet), older messages are history, not questions. */
export const FIRST_PULL_MAX_AGE_MS = 10 * 60 * 1000
/** Tries of a message whose handling fails before it is passed over. */
const MAX_ATTEMPTS = 3
/** errcode for an invalid/expired callback Token (valid 10 minutes): pull without it. */
const INVALID_MSG_TOKEN = 95007

export const cursorKey = (openKfId: string) => `wecom-kf:cursor:${openKfId}`
export const msgidKey = (msgid: string) => `wecom-kf:msgid:${msgid}`
const failKey = (msgid: string) => `wecom-kf:failed:${msgid}`
/** Messages sent to a customer since their last message (WeCom allows 5). */
export const quotaKey = (openKfId: string, user: string) => `wecom-kf:quota:${openKfId}:${user}`

/** GET verification: the decrypted echostr to answer as plain text, or why not. */
export function verifyWecomUrl(
  crypt: WxBizMsgCrypt,
  query: WxSignedQuery & { echostr?: unknown },
): { ok: true; echo: string } | { ok: false; reason: string } {
  return openWxEchostr(crypt, query)
}

/** POST callback: verifies the signature, decrypts, and reads the `kf_msg_or_event` Token. */
export function openWecomCallback(
  crypt: WxBizMsgCrypt,
  corpId: string,
  openKfId: string | undefined,
  query: WxSignedQuery,
  body: string,
): OpenCallbackResult {
  const opened = openWxEnvelope(crypt, query, body)
  if (!opened.ok) return { ok: false, reason: opened.reason }
  const f = opened.fields
  const to = wxText(f, 'ToUserName')
  if (to !== undefined && to !== corpId) return { ok: false, reason: 'wrong_receiver' }
  const event = wxText(f, 'Event') ?? wxText(f, 'MsgType') ?? 'unknown'
  if (event !== 'kf_msg_or_event') return { ok: true, callback: null, event }
  const token = wxText(f, 'Token')
  const kfId = wxText(f, 'OpenKfId') || openKfId
  if (!token || !kfId) return { ok: false, reason: 'malformed' }
  if (openKfId && kfId !== openKfId) return { ok: true, callback: null, event: 'other_kf_account' }
  return { ok: true, callback: { token, openKfId: kfId } }
}

export type PullResult =
  | { ok: true; pages: number; delivered: number; duplicates: number; skipped: number; failed: number }
  | { ok: false; detail: string; delivered: number }

/**
 * Pulls every new message of `openKfId` from the saved cursor, page by page, handing each new
 * customer message/event to `onEvent` in order, then saving the page's `next_cursor`.
 */
export async function pullWecomMessages(opts: {
  shopId: string
  api: WecomKfApi
  state: ChannelStateStore
  clock: Clock
  callback: KfCallback
  onEvent: (event: InboundEvent) => Promise<void>
  pageLimit?: number
}): Promise<PullResult> {
  const { shopId, api, state, clock, callback, onEvent } = opts
  let token: string | undefined = callback.token
  let cursor = (await state.get(shopId, cursorKey(callback.openKfId))) ?? undefined
  // Without a cursor sync_msg starts 3 days back: on a newly connected account that history is not
  // answered (stale questions, tickets for long-closed windows); only what was just sent is.
  const notBefore = cursor === undefined ? clock.now().getTime() - FIRST_PULL_MAX_AGE_MS : null
  let delivered = 0
  let duplicates = 0
  let skipped = 0
  let failed = 0
  for (let page = 1; page <= MAX_PAGES; page++) {
    const req = {
      ...(cursor ? { cursor } : {}),
      ...(token ? { token } : {}),
      limit: opts.pageLimit ?? 1000,
      open_kfid: callback.openKfId,
    }
    const r = await api.syncMsg(req)
    if (!r.ok) {
      if (r.kind === 'wecom' && r.errcode === INVALID_MSG_TOKEN && token) {
        token = undefined
        page--
        continue
      }
      return { ok: false, detail: r.kind === 'wecom' ? `sync_msg errcode ${r.errcode}` : r.detail, delivered }
    }
    const list: KfMessage[] = Array.isArray(r.data.msg_list) ? r.data.msg_list : []
    for (const m of list) {
      const event = toInboundEvent(m, callback.openKfId, clock.now().toISOString())
      if (!event || (notBefore !== null && Date.parse(event.sentAt) < notBefore)) {
        skipped++
        continue
      }
      if (!(await state.claimOnce(shopId, msgidKey(event.externalMessageId), MSGID_TTL_SECONDS))) {
        duplicates++
        continue
      }
      if (m.origin === 3) await state.set(shopId, quotaKey(callback.openKfId, event.externalUserId), '0')
      try {
        await onEvent(event)
        delivered++
      } catch {
        // Retried from this page by the next callback (the cursor is not moved past it), a few
        // times; a message that keeps failing is then passed over so it cannot block the account.
        const attempts = Number((await state.get(shopId, failKey(event.externalMessageId))) ?? '0') + 1
        await state.set(shopId, failKey(event.externalMessageId), String(attempts), MSGID_TTL_SECONDS)
        if (attempts < MAX_ATTEMPTS) {
          await state.set(shopId, msgidKey(event.externalMessageId), 'released', 0)
          return { ok: false, detail: `message failed (attempt ${attempts}), retried from the saved cursor`, delivered }
        }
        failed++
      }
    }
    const next = typeof r.data.next_cursor === 'string' && r.data.next_cursor ? r.data.next_cursor : undefined
    if (next) await state.set(shopId, cursorKey(callback.openKfId), next)
    if (r.data.has_more !== 1 || !next || next === cursor)
      return { ok: true, pages: page, delivered, duplicates, skipped, failed }
    cursor = next
  }
  return { ok: true, pages: MAX_PAGES, delivered, duplicates, skipped, failed }
}
