/**
 * The WeCom kf HTTP API as kefu uses it: `gettoken` (cached in the shared channel state until
 * `expires_in` minus a margin, refreshed once on 40014/42001), `kf/sync_msg`, `kf/send_msg` and
 * `kf/service_state/trans`. Every call has a timeout and a response size cap; failures are values.
 * The access token only ever travels in the query string and is never logged.
 */
import type { ChannelStateStore } from '../../core/ports/channel.js'
import { readLimitedText } from '../http/read-limited-body.js'
import { WECOM_DEFAULT_BASE_URL, type WecomKfCredentials, type WecomKfHttpOptions } from './wecom-kf-config.js'

/** A WeCom answer: `errcode` 0 with the payload, WeCom's own error, or no usable answer at all. */
export type WecomResult<T> =
  | { ok: true; data: T }
  | { ok: false; kind: 'wecom'; errcode: number; errmsg: string }
  | { ok: false; kind: 'unavailable'; detail: string }

/** errcodes saying the access token is no longer good: refresh once and retry. */
const TOKEN_ERRORS = new Set([40014, 42001, 40001 /* secret rotated: refetch once, then it fails */])
/** Seconds before WeCom's own expiry that a cached token is dropped. */
const TOKEN_MARGIN_SECONDS = 300

export type SyncMsgRequest = { cursor?: string; token?: string; limit?: number; open_kfid: string }
export type KfMessage = {
  msgid: string
  open_kfid?: string
  external_userid?: string
  send_time?: number
  origin?: number
  servicer_userid?: string
  msgtype: string
  text?: { content?: string; menu_id?: string }
  image?: { media_id?: string }
  voice?: { media_id?: string }
  event?: {
    event_type?: string
    open_kfid?: string
    external_userid?: string
    change_type?: number
    scene?: string
    fail_msgid?: string
    fail_type?: number
    [k: string]: unknown
  }
  [k: string]: unknown
}
export type SyncMsgResponse = { next_cursor?: string; has_more?: number; msg_list?: KfMessage[] }

export class WecomKfApi {
  readonly #shopId: string
  readonly #creds: WecomKfCredentials
  readonly #state: ChannelStateStore
  readonly #base: string
  readonly #timeoutMs: number
  readonly #maxBytes: number
  readonly #fetch: typeof fetch
  #refreshing: Promise<WecomResult<string>> | null = null

  constructor(shopId: string, creds: WecomKfCredentials, state: ChannelStateStore, http: WecomKfHttpOptions = {}) {
    this.#shopId = shopId
    this.#creds = creds
    this.#state = state
    this.#base = (http.baseUrl ?? WECOM_DEFAULT_BASE_URL).replace(/\/+$/, '')
    this.#timeoutMs = http.timeoutMs ?? 5000
    this.#maxBytes = http.maxResponseBytes ?? 2 * 1024 * 1024
    this.#fetch = http.fetch ?? fetch
  }

  get #tokenKey(): string {
    return `wecom-kf:access-token:${this.#creds.corpId}`
  }

  /** The cached access token, or a fresh one from `gettoken` (shared with every instance). */
  async accessToken(forceRefresh = false): Promise<WecomResult<string>> {
    if (!forceRefresh) {
      const cached = await this.#state.get(this.#shopId, this.#tokenKey)
      if (cached) return { ok: true, data: cached }
    }
    // One fetch per instance at a time: concurrent turns share it.
    this.#refreshing ??= this.#fetchToken().finally(() => {
      this.#refreshing = null
    })
    return this.#refreshing
  }

  async #fetchToken(): Promise<WecomResult<string>> {
    const q = new URLSearchParams({ corpid: this.#creds.corpId, corpsecret: this.#creds.secret })
    const r = await this.#request<{ access_token?: string; expires_in?: number }>('GET', `/cgi-bin/gettoken?${q}`)
    if (!r.ok) return r
    const token = r.data.access_token
    if (!token) return { ok: false, kind: 'unavailable', detail: 'gettoken answered without access_token' }
    const ttl = Math.max(1, Math.floor(Number(r.data.expires_in ?? 7200)) - TOKEN_MARGIN_SECONDS)
    await this.#state.set(this.#shopId, this.#tokenKey, token, ttl)
    return { ok: true, data: token }
  }

  /** Calls a token-authenticated endpoint; on an expired/invalid token refetches it once and retries. */
  async call<T>(path: string, body: unknown): Promise<WecomResult<T>> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await this.accessToken(attempt > 0)
      if (!token.ok) return token
      const r = await this.#request<T>('POST', `${path}?access_token=${encodeURIComponent(token.data)}`, body)
      if (!r.ok && r.kind === 'wecom' && TOKEN_ERRORS.has(r.errcode) && attempt === 0) continue
      return r
    }
    return { ok: false, kind: 'unavailable', detail: 'unreachable' }
  }

  syncMsg(req: SyncMsgRequest): Promise<WecomResult<SyncMsgResponse>> {
    return this.call<SyncMsgResponse>('/cgi-bin/kf/sync_msg', req)
  }

  sendMsg(body: Record<string, unknown>): Promise<WecomResult<{ msgid?: string }>> {
    return this.call<{ msgid?: string }>('/cgi-bin/kf/send_msg', body)
  }

  transServiceState(body: {
    open_kfid: string
    external_userid: string
    service_state: number
    servicer_userid?: string
  }): Promise<WecomResult<{ msg_code?: string }>> {
    return this.call<{ msg_code?: string }>('/cgi-bin/kf/service_state/trans', body)
  }

  async #request<T>(method: 'GET' | 'POST', pathAndQuery: string, body?: unknown): Promise<WecomResult<T>> {
    const endpoint = pathAndQuery.split('?')[0]
    let res: Response
    try {
      res = await this.#fetch(`${this.#base}${pathAndQuery}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      })
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')
      return { ok: false, kind: 'unavailable', detail: `${endpoint}: ${timedOut ? 'timed out' : 'unreachable'}` }
    }
    let text: string
    try {
      text = await readLimitedText(res, this.#maxBytes, `WeCom ${endpoint}`)
    } catch {
      return { ok: false, kind: 'unavailable', detail: `${endpoint}: response larger than ${this.#maxBytes} bytes` }
    }
    if (!res.ok) return { ok: false, kind: 'unavailable', detail: `${endpoint}: HTTP ${res.status}` }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return { ok: false, kind: 'unavailable', detail: `${endpoint}: not JSON` }
    }
    if (!json || typeof json !== 'object') return { ok: false, kind: 'unavailable', detail: `${endpoint}: not JSON` }
    const o = json as { errcode?: unknown; errmsg?: unknown }
    const errcode = typeof o.errcode === 'number' ? o.errcode : 0
    if (errcode !== 0) {
      // errmsg carries WeCom's hint and never our secret; cut it to keep logs small.
      const errmsg = typeof o.errmsg === 'string' ? o.errmsg.slice(0, 200) : ''
      return { ok: false, kind: 'wecom', errcode, errmsg }
    }
    return { ok: true, data: json as T }
  }
}
