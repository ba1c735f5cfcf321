/**
 * The WeChat Customer Service (微信客服) channel adapter: replies through `kf/send_msg`, handoff
 * through `kf/service_state/trans`. The reply window is respected: past 48 hours after the
 * customer's last message, or after 5 messages since it, nothing is sent and `window_closed` is
 * returned (the bridge turns the reply into a ticket); WeCom's own refusals (95001 quota, 95013
 * session ended, 95018 session state) map to the same outcome.
 */
import type { Reply } from '../../core/dialogue/types.js'
import type { Locale } from '../../core/domain/schemas.js'
import type {
  ChannelAdapter,
  ChannelStateStore,
  ChannelTarget,
  HandoffInfo,
  InboundEvent,
  SendResult,
} from '../../core/ports/channel.js'
import type { Clock } from '../../core/ports/clock.js'
import type { WxSignedQuery } from '../channel-wechat-crypto/index.js'
import { WxBizMsgCrypt } from '../channel-wechat-crypto/index.js'
import { WecomKfApi, type WecomResult } from './wecom-kf-api.js'
import { composeKfMessages } from './wecom-kf-compose.js'
import type { WecomKfCredentials, WecomKfHttpOptions } from './wecom-kf-config.js'
import {
  type KfCallback,
  openWecomCallback,
  type PullResult,
  pullWecomMessages,
  quotaKey,
  verifyWecomUrl,
} from './wecom-kf-inbound.js'

export const WECOM_REPLY_WINDOW_MS = 48 * 3600 * 1000
export const WECOM_MESSAGES_PER_INBOUND = 5
/** send_msg refusals meaning "this customer can no longer be written to now". */
const WINDOW_ERRCODES = new Set([95001, 95013, 95016, 95018])
/** service_state values (kf/service_state/trans). */
const STATE_POOL = 2
const STATE_HUMAN = 3

export type WecomKfChannelOptions = {
  shopId: string
  credentials: WecomKfCredentials
  state: ChannelStateStore
  clock: Clock
  http?: WecomKfHttpOptions
}

function failure(
  r: Exclude<WecomResult<unknown>, { ok: true }>,
  what: string,
  windowCodes = WINDOW_ERRCODES,
): SendResult {
  if (r.kind === 'unavailable') return { ok: false, kind: 'unavailable', detail: `${what}: ${r.detail}` }
  if (windowCodes.has(r.errcode)) return { ok: false, kind: 'window_closed', detail: `${what}: errcode ${r.errcode}` }
  // -1 system busy, 45009 frequency limit: worth retrying later; everything else is a refusal.
  if (r.errcode === -1 || r.errcode === 45009 || r.errcode === 45033)
    return { ok: false, kind: 'unavailable', detail: `${what}: errcode ${r.errcode}` }
  return { ok: false, kind: 'refused', detail: `${what}: errcode ${r.errcode} ${r.errmsg}`.trim() }
}

/**
 * One shop's WeCom kf channel.
 *
 * @example
 * const ch = new WecomKfChannel({ shopId, credentials, state, clock })
 * const v = ch.verifyUrl(request.query)                 // GET
 * const cb = ch.openCallback(request.query, rawBody)     // POST
 * if (cb.ok && cb.callback) await ch.pull(cb.callback, (e) => bridge.handle(e))
 */
export class WecomKfChannel implements ChannelAdapter {
  readonly specificationVersion = 'v1' as const
  readonly kind = 'wecom-kf' as const
  readonly api: WecomKfApi
  readonly #opts: WecomKfChannelOptions
  readonly #crypt: WxBizMsgCrypt

  constructor(opts: WecomKfChannelOptions) {
    this.#opts = opts
    this.#crypt = new WxBizMsgCrypt({
      token: opts.credentials.token,
      encodingAESKey: opts.credentials.encodingAESKey,
      receiveId: opts.credentials.corpId,
    })
    this.api = new WecomKfApi(opts.shopId, opts.credentials, opts.state, {
      ...(opts.credentials.apiBaseUrl ? { baseUrl: opts.credentials.apiBaseUrl } : {}),
      ...opts.http,
    })
  }

  verifyUrl(query: WxSignedQuery & { echostr?: unknown }) {
    return verifyWecomUrl(this.#crypt, query)
  }

  openCallback(query: WxSignedQuery, body: string) {
    const c = this.#opts.credentials
    return openWecomCallback(this.#crypt, c.corpId, c.openKfId, query, body)
  }

  pull(callback: KfCallback, onEvent: (event: InboundEvent) => Promise<void>): Promise<PullResult> {
    const { shopId, state, clock } = this.#opts
    return pullWecomMessages({ shopId, api: this.api, state, clock, callback, onEvent })
  }

  async send(target: ChannelTarget, replies: Reply[], locale: Locale): Promise<SendResult> {
    try {
      return await this.#send(target, replies, locale)
    } catch (e) {
      return { ok: false, kind: 'unavailable', detail: `send: ${e instanceof Error ? e.message : 'failed'}` }
    }
  }

  async #send(target: ChannelTarget, replies: Reply[], locale: Locale): Promise<SendResult> {
    const { shopId, state, clock, credentials } = this.#opts
    const openKfId = target.externalThreadId ?? credentials.openKfId
    if (!openKfId) return { ok: false, kind: 'refused', detail: 'no open_kfid for this conversation' }
    if (target.lastInboundAt) {
      const last = Date.parse(target.lastInboundAt)
      if (Number.isFinite(last) && clock.now().getTime() - last > WECOM_REPLY_WINDOW_MS)
        return { ok: false, kind: 'window_closed', detail: 'more than 48 hours since the customer last wrote' }
    }
    const messages = composeKfMessages(replies, locale)
    if (messages.length === 0) return { ok: true, externalMessageIds: [] }
    const qKey = quotaKey(openKfId, target.externalUserId)
    let used = Number((await state.get(shopId, qKey)) ?? '0') || 0
    const ids: string[] = []
    for (const m of messages) {
      if (used >= WECOM_MESSAGES_PER_INBOUND)
        return {
          ok: false,
          kind: 'window_closed',
          detail: `${WECOM_MESSAGES_PER_INBOUND} messages already sent since the customer last wrote (${ids.length} of ${messages.length} sent now)`,
        }
      const r = await this.api.sendMsg({ touser: target.externalUserId, open_kfid: openKfId, ...m })
      if (!r.ok) {
        const f = failure(r, 'send_msg')
        return f.ok ? f : { ...f, detail: `${f.detail} (${ids.length} of ${messages.length} sent)` }
      }
      used++
      await state.set(shopId, qKey, String(used), WECOM_REPLY_WINDOW_MS / 1000)
      if (r.data.msgid) ids.push(r.data.msgid)
    }
    return { ok: true, externalMessageIds: ids }
  }

  async handOff(target: ChannelTarget, _info: HandoffInfo): Promise<SendResult> {
    try {
      const { credentials } = this.#opts
      // Agents answer from kefu's console: the WeCom session stays with the API.
      if (credentials.handoffTo === 'kefu') return { ok: true, externalMessageIds: [] }
      const servicer = credentials.servicerUserId
      const openKfId = target.externalThreadId ?? credentials.openKfId
      if (!openKfId) return { ok: false, kind: 'refused', detail: 'no open_kfid for this conversation' }
      const r = await this.api.transServiceState({
        open_kfid: openKfId,
        external_userid: target.externalUserId,
        service_state: servicer ? STATE_HUMAN : STATE_POOL,
        ...(servicer ? { servicer_userid: servicer } : {}),
      })
      // 95016 (transition not allowed, e.g. a person already has it) is a refusal, not a closed window.
      if (!r.ok) return failure(r, 'service_state/trans', new Set())
      return { ok: true, externalMessageIds: [] }
    } catch (e) {
      return { ok: false, kind: 'unavailable', detail: `handOff: ${e instanceof Error ? e.message : 'failed'}` }
    }
  }
}
