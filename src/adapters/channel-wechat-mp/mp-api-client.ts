/**
 * The two WeChat Official Account APIs kefu calls: `GET /cgi-bin/token` (client_credential) and
 * `POST /cgi-bin/message/custom/send`. The access token is cached until shortly before it expires,
 * in the process and in the shared `ChannelStateStore` (every instance uses the same token: fetching
 * a new one retires the old one after a few minutes), fetched once at a time per process, and
 * refetched when WeChat says it is invalid or expired (40001, 40014, 42001). Every call has a
 * timeout and a response size cap; WeChat error codes map to `SendResult` kinds.
 */

import type { ChannelStateStore, SendResult } from '../../core/ports/channel.js'
import type { Clock } from '../../core/ports/clock.js'
import { readLimitedText } from '../http/read-limited-body.js'
import type { CustomMessage } from './mp-reply-format.js'

export type MpApiOptions = {
  shopId: string
  appId: string
  appSecret: string
  state: ChannelStateStore
  clock: Clock
  /** Default `https://api.weixin.qq.com`. */
  apiBaseUrl?: string
  /** Per call; default 5000 ms. */
  timeoutMs?: number
  /** Response body cap; default 64 KiB. */
  maxResponseBytes?: number
  fetch?: typeof fetch
}

type WxAnswer = { errcode?: number; errmsg?: string; access_token?: string; expires_in?: number }

const TOKEN_ERRORS = new Set([40001, 40014, 42001])
/** 45015: the 48-hour window is over (or the user unsubscribed); 45047: its message quota is used up. */
const WINDOW_ERRORS = new Set([45015, 45047])
/** Worth trying again later: system busy, rate limits. */
const TRANSIENT_ERRORS = new Set([-1, 45009, 45011, 40164])

/** Refresh the token this long before WeChat's stated expiry. */
const EXPIRY_MARGIN_S = 300

export type MpApiClient = {
  /** Sends one customer-service message; never throws. */
  sendCustom(message: CustomMessage): Promise<SendResult>
  /** The current access token (fetched when missing or about to expire). */
  accessToken(): Promise<string>
  /** Shows "typing…" to the follower (`message/custom/typing`); best effort, never throws. */
  typing(openid: string): Promise<boolean>
}

class WxCallError extends Error {
  constructor(
    readonly kind: 'refused' | 'unavailable',
    message: string,
  ) {
    super(message)
  }
}

export function createMpApiClient(opts: MpApiOptions): MpApiClient {
  const base = (opts.apiBaseUrl ?? 'https://api.weixin.qq.com').replace(/\/+$/, '')
  const timeoutMs = opts.timeoutMs ?? 5000
  const maxBytes = opts.maxResponseBytes ?? 64 * 1024
  const doFetch = opts.fetch ?? fetch
  const stateKey = `wechat-mp:access-token:${opts.appId}`
  let cached: { token: string; expiresAtMs: number } | null = null
  let inflight: Promise<string> | null = null

  const nowMs = () => opts.clock.now().getTime()
  const fresh = (t: { expiresAtMs: number } | null) => t !== null && t.expiresAtMs - EXPIRY_MARGIN_S * 1000 > nowMs()

  async function call(url: string, init: RequestInit): Promise<WxAnswer> {
    let res: Response
    try {
      res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')
      throw new WxCallError('unavailable', timedOut ? `no answer within ${timeoutMs} ms` : 'network error')
    }
    let text: string
    try {
      text = await readLimitedText(res, maxBytes, 'WeChat API response')
    } catch {
      throw new WxCallError('unavailable', `response larger than ${maxBytes} bytes`)
    }
    if (!res.ok) throw new WxCallError('unavailable', `HTTP ${res.status}`)
    try {
      const parsed = JSON.parse(text) as unknown
      if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object')
      return parsed as WxAnswer
    } catch {
      throw new WxCallError('unavailable', 'response is not JSON')
    }
  }

  async function fetchToken(): Promise<string> {
    const url = new URL(`${base}/cgi-bin/token`)
    url.searchParams.set('grant_type', 'client_credential')
    url.searchParams.set('appid', opts.appId)
    url.searchParams.set('secret', opts.appSecret)
    const answer = await call(url.toString(), { method: 'GET' })
    if (typeof answer.access_token !== 'string' || !answer.access_token) {
      const code = answer.errcode ?? 'none'
      // 40013 invalid appid, 40125 invalid secret, 40164 IP not in the whitelist: fix the configuration.
      throw new WxCallError(
        code === -1 || code === 40164 ? 'unavailable' : 'refused',
        `access_token refused (errcode ${code}${code === 40164 ? ': server IP not in the IP whitelist' : ''})`,
      )
    }
    const ttl = Math.max(60, Number(answer.expires_in) || 7200)
    const token = { token: answer.access_token, expiresAtMs: nowMs() + ttl * 1000 }
    cached = token
    await opts.state.set(opts.shopId, stateKey, JSON.stringify(token), Math.max(1, ttl - EXPIRY_MARGIN_S))
    return token.token
  }

  async function accessToken(): Promise<string> {
    if (cached && fresh(cached)) return cached.token
    const shared = await opts.state.get(opts.shopId, stateKey)
    if (shared) {
      try {
        const t = JSON.parse(shared) as { token: string; expiresAtMs: number }
        if (typeof t.token === 'string' && t.token && fresh(t)) {
          cached = t
          return t.token
        }
      } catch {
        // A malformed shared entry is replaced by the next fetch.
      }
    }
    inflight ??= fetchToken().finally(() => {
      inflight = null
    })
    return inflight
  }

  async function forget(token: string): Promise<void> {
    if (cached?.token === token) cached = null
    const shared = await opts.state.get(opts.shopId, stateKey)
    if (shared?.includes(JSON.stringify(token)))
      await opts.state.set(opts.shopId, stateKey, JSON.stringify({ token: '', expiresAtMs: 0 }), 1)
  }

  async function sendCustom(message: CustomMessage): Promise<SendResult> {
    try {
      for (let attempt = 1; ; attempt++) {
        const token = await accessToken()
        const url = `${base}/cgi-bin/message/custom/send?access_token=${encodeURIComponent(token)}`
        const answer = await call(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(message),
        })
        const code = answer.errcode ?? 0
        if (code === 0) return { ok: true, externalMessageIds: [] }
        if (TOKEN_ERRORS.has(code) && attempt === 1) {
          await forget(token)
          continue
        }
        const detail = `custom/send errcode ${code}`
        if (WINDOW_ERRORS.has(code)) return { ok: false, kind: 'window_closed', detail }
        if (TRANSIENT_ERRORS.has(code) || TOKEN_ERRORS.has(code)) return { ok: false, kind: 'unavailable', detail }
        return { ok: false, kind: 'refused', detail }
      }
    } catch (e) {
      if (e instanceof WxCallError) return { ok: false, kind: e.kind, detail: e.message }
      return { ok: false, kind: 'unavailable', detail: 'unexpected error' }
    }
  }

  async function typing(openid: string): Promise<boolean> {
    try {
      const token = await accessToken()
      const url = `${base}/cgi-bin/message/custom/typing?access_token=${encodeURIComponent(token)}`
      const answer = await call(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ touser: openid, command: 'Typing' }),
      })
      return (answer.errcode ?? 0) === 0
    } catch {
      return false
    }
  }

  return { sendCustom, accessToken, typing }
}
