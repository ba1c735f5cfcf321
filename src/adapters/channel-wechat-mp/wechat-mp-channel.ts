/**
 * The WeChat Official Account (公众号) channel of one shop: answers WeChat's server verification,
 * receives plaintext and safe-mode (AES) callbacks, hands each message once to the channel bridge
 * (`dispatch`), and answers WeChat within its 5-second limit — with the turn's reply as a passive
 * XML reply when the turn is done in time, else `success` and the replies later through
 * `message/custom/send` (see passive-replies.ts). `adapter` is the `ChannelAdapter` the bridge
 * sends through.
 *
 * Create one per shop and keep it for the life of the process: the callbacks waiting for a
 * passive reply live in it.
 */
import { randomBytes } from 'node:crypto'
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
import {
  openWxEnvelope,
  parseWxXml,
  sealWxEnvelope,
  WxBizMsgCrypt,
  type WxXmlFields,
  wxText,
} from '../channel-wechat-crypto/index.js'
import { createMpApiClient } from './mp-api-client.js'
import { createMpOutbound } from './mp-outbound.js'
import { MAX_TEXT_BYTES, passiveTextXml, repliesAsText, replyAsText } from './mp-reply-format.js'
import { checkMpSignature } from './mp-signature.js'
import { createPassiveReplies, type PassiveOutcome } from './passive-replies.js'
import { toInboundEvent } from './to-inbound-event.js'
import type { WechatMpCredentials } from './wechat-mp-credentials.js'

export type WechatMpChannelOptions = {
  shopId: string
  credentials: WechatMpCredentials
  state: ChannelStateStore
  /** Times access tokens (any steadily running clock does). */
  clock: Clock
  /**
   * How long a callback waits for the turn before answering `success`; default the credentials'
   * `replyBudgetMs`, else 4000 ms (WeChat gives up at 5 s).
   */
  passiveBudgetMs?: number
  /** Callback bodies above this are refused (413); default 64 KiB. */
  maxBodyBytes?: number
  /** Callbacks whose `timestamp` is further than this from the wall clock are refused; default 600 s, 0 = off. */
  maxTimestampSkewS?: number
  /** Default the credentials' `apiBaseUrl`, else `https://api.weixin.qq.com`. */
  apiBaseUrl?: string
  /** Per WeChat API call; default 5000 ms. */
  apiTimeoutMs?: number
  /** Send buttons as tappable `msgmenu` messages (verified accounts); default true. */
  menus?: boolean
  fetch?: typeof fetch
  /** Replies that were accepted for a passive answer but could then be delivered neither way. */
  onUndelivered?: (target: ChannelTarget, replies: Reply[], result: SendResult) => void
  log?: { warn(data: Record<string, unknown>, msg: string): void }
}

/** The query string WeChat sends (verification and callbacks). */
export type MpQuery = Record<string, string | undefined>

export type MpHttpAnswer = { status: number; contentType: string; body: string }

/**
 * The bridge's entry point: resolves once the turn's replies were handed to `adapter.send` (or it
 * stayed silent); throws when the message was not handled and WeChat should deliver it again.
 */
export type MpDispatch = (event: InboundEvent) => Promise<void>

export type WechatMpChannel = {
  readonly adapter: ChannelAdapter
  /** `GET` server verification: echoes `echostr` when the signature is right. */
  verify(query: MpQuery): MpHttpAnswer
  /** `POST` callback. `signal` aborts when WeChat hangs up. */
  receive(req: { query: MpQuery; body: string; signal?: AbortSignal }, dispatch: MpDispatch): Promise<MpHttpAnswer>
  /** Resolves when every turn started here has finished (for shutdown and tests). */
  idle(): Promise<void>
}

const SUCCESS: MpHttpAnswer = { status: 200, contentType: 'text/plain; charset=utf-8', body: 'success' }
const fail = (status: number, code: string, message: string): MpHttpAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify({ error: { code, message } }),
})

/** Each message id is claimed for this long (WeChat's retries come within ~15 s). */
const DEDUP_TTL_S = 24 * 3600

const HANDOFF_TEXT: Record<Locale, string> = {
  zh: '已为您转接人工客服，客服会在这里回复您，请稍候。',
  en: 'I have passed your conversation to our customer service team. An agent will reply to you here shortly.',
}

/** @example const mp = createWechatMpChannel({ shopId, credentials, state, clock }) */
export function createWechatMpChannel(opts: WechatMpChannelOptions): WechatMpChannel {
  const { shopId, credentials } = opts
  const budgetMs = opts.passiveBudgetMs ?? (credentials.replyBudgetMs ? Number(credentials.replyBudgetMs) : 4000)
  const maxBodyBytes = opts.maxBodyBytes ?? 64 * 1024
  const skewS = opts.maxTimestampSkewS ?? 600
  const crypt = credentials.encodingAESKey
    ? new WxBizMsgCrypt({
        token: credentials.token,
        encodingAESKey: credentials.encodingAESKey,
        receiveId: credentials.appId,
      })
    : null
  const api = createMpApiClient({
    shopId,
    appId: credentials.appId,
    appSecret: credentials.appSecret,
    state: opts.state,
    clock: opts.clock,
    ...(opts.apiBaseUrl || credentials.apiBaseUrl ? { apiBaseUrl: opts.apiBaseUrl ?? credentials.apiBaseUrl } : {}),
    ...(opts.apiTimeoutMs ? { timeoutMs: opts.apiTimeoutMs } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  })
  const outbound = createMpOutbound({
    shopId,
    api,
    state: opts.state,
    ...(opts.menus === false ? { menus: false } : {}),
  })
  const running = new Set<Promise<void>>()

  const passive = createPassiveReplies((openid, replies) => {
    // WeChat hung up before the passive answer: deliver through the API instead (already rendered as text).
    const job = outbound.send(openid, replies, 'zh').then((r) => {
      if (!r.ok) opts.onUndelivered?.({ shopId, externalUserId: openid }, replies, r)
    })
    running.add(job)
    void job.finally(() => running.delete(job))
  })

  const fitsPassive = (all: Reply[]) => Buffer.byteLength(repliesAsText(all, 'zh'), 'utf8') <= MAX_TEXT_BYTES

  async function send(target: ChannelTarget, replies: Reply[], locale: Locale): Promise<SendResult> {
    if (target.shopId !== shopId) return { ok: false, kind: 'refused', detail: 'target belongs to another shop' }
    if (replies.length === 0) return { ok: true, externalMessageIds: [] }
    const openid = target.externalUserId
    // A passive reply is text only: buttons become numbered lines in the customer's language.
    const asText = replies.map((r) => ({ text: replyAsText(r, locale) }))
    const c = passive.capture(openid, asText, fitsPassive)
    if (c.captured) return { ok: true, externalMessageIds: [] }
    if (c.flushFirst.length > 0) {
      const earlier = await outbound.send(openid, c.flushFirst, locale)
      if (!earlier.ok) return earlier
    }
    return outbound.send(openid, replies, locale)
  }

  const adapter: ChannelAdapter = {
    specificationVersion: 'v1',
    kind: 'wechat-mp',
    send: (target, replies, locale) => send(target, replies, locale),
    handOff: (target: ChannelTarget, info: HandoffInfo) =>
      send(target, [{ text: HANDOFF_TEXT[info.locale] }], info.locale),
  }

  function signed(q: MpQuery): boolean {
    if (!checkMpSignature(q.signature, credentials.token, q.timestamp, q.nonce)) return false
    if (skewS <= 0) return true
    const ts = Number(q.timestamp)
    return Number.isFinite(ts) && Math.abs(Date.now() / 1000 - ts) <= skewS
  }

  function render(outcome: PassiveOutcome, openid: string, accountId: string, safe: boolean): MpHttpAnswer {
    if (outcome.kind === 'empty') return SUCCESS
    if (outcome.kind === 'failed') return fail(503, 'unavailable', 'the message could not be handled; retry')
    const text = repliesAsText(outcome.replies, 'zh')
    // WeChat shows an empty text reply as an error to the follower: nothing to say is `success`.
    if (text.length === 0) return SUCCESS
    const nowS = Math.floor(Date.now() / 1000)
    const xml = passiveTextXml(openid, accountId, text, nowS)
    if (!safe || !crypt) return { status: 200, contentType: 'application/xml; charset=utf-8', body: xml }
    const sealed = sealWxEnvelope(crypt, xml, String(nowS), randomBytes(8).toString('hex'))
    return { status: 200, contentType: 'application/xml; charset=utf-8', body: sealed.xml }
  }

  async function receive(
    req: { query: MpQuery; body: string; signal?: AbortSignal },
    dispatch: MpDispatch,
  ): Promise<MpHttpAnswer> {
    const startedAt = performance.now()
    const { query: q, body } = req
    if (!signed(q)) return fail(401, 'unauthorized', 'bad or stale signature')
    if (Buffer.byteLength(body, 'utf8') > maxBodyBytes) return fail(413, 'invalid_input', 'body too large')
    const safe = q.encrypt_type === 'aes'
    let fields: WxXmlFields
    if (safe) {
      if (!crypt) return fail(400, 'invalid_input', 'encrypted callback but no encodingAESKey is configured')
      const opened = openWxEnvelope(crypt, q, body)
      if (!opened.ok) {
        const forged = opened.reason === 'bad_signature' || opened.reason === 'wrong_receiver'
        return forged
          ? fail(401, 'unauthorized', 'bad message signature')
          : fail(400, 'invalid_input', `cannot open message (${opened.reason})`)
      }
      fields = opened.fields
    } else {
      const parsed = parseWxXml(body, maxBodyBytes)
      if (!parsed.ok) return fail(400, 'invalid_input', `malformed XML (${parsed.reason})`)
      fields = parsed.fields
    }

    const mapped = toInboundEvent(fields, opts.clock.now())
    if (!mapped) return SUCCESS
    const { event } = mapped
    const openid = event.externalUserId
    const accountId = wxText(fields, 'ToUserName') ?? ''
    const messageKey = event.externalMessageId
    const remaining = () => Math.max(0, budgetMs - (performance.now() - startedAt))

    // A retry of a message whose turn runs here waits for the same outcome.
    if (!passive.begin(messageKey, openid))
      return render(await passive.wait(messageKey, remaining(), req.signal), openid, accountId, safe)
    const claimKey = `wechat-mp:msg:${messageKey}`
    let claimed = false
    try {
      claimed = await opts.state.claimOnce(shopId, claimKey, DEDUP_TTL_S)
      if (claimed && mapped.menuItemId && event.content.type === 'click') {
        const payload = await outbound.menuPayload(mapped.menuItemId)
        if (payload) event.content = { ...event.content, payload }
      }
    } catch (e) {
      passive.finish(messageKey)
      opts.log?.warn({ shopId, err: e instanceof Error ? e.message : String(e) }, 'wechat-mp: channel state failed')
      return fail(503, 'unavailable', 'channel state unavailable')
    }
    if (!claimed) {
      // Handled before, or by another instance: WeChat must not see an error (it would retry).
      passive.finish(messageKey)
      return SUCCESS
    }

    const waiting = passive.wait(messageKey, remaining(), req.signal)
    const run = (async () => {
      let failed = false
      try {
        await dispatch(event)
      } catch (e) {
        failed = true
        opts.log?.warn({ shopId, err: e instanceof Error ? e.message : String(e) }, 'wechat-mp: turn failed')
        // Not handled: WeChat's next delivery of this message must be processed.
        await opts.state.set(shopId, claimKey, 'released', 0).catch(() => undefined)
      } finally {
        passive.finish(messageKey, failed)
      }
    })()
    running.add(run)
    void run.finally(() => running.delete(run))
    const outcome = await waiting
    // The turn outlasts the passive reply: the follower sees "typing…" until it arrives by the API.
    if (outcome.kind === 'empty' && passive.running(messageKey)) void api.typing(openid)
    return render(outcome, openid, accountId, safe)
  }

  return {
    adapter,
    verify(q) {
      if (!signed(q) || !q.echostr) return fail(401, 'unauthorized', 'bad signature')
      return { status: 200, contentType: 'text/plain; charset=utf-8', body: q.echostr }
    },
    receive,
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running])
    },
  }
}
