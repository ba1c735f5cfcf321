/**
 * A WeCom (企业微信) WeChat Customer Service test server, written from the public kf API
 * description: `gettoken` (tokens that expire on demand), signed encrypted `kf_msg_or_event`
 * callbacks it POSTs to kefu, `kf/sync_msg` pages with cursors (and deliberate duplicates),
 * `kf/send_msg` (recorded; 95001 after 5 messages per customer message, 95018 when the session is
 * with a person or its window was closed), `kf/service_state/trans`, and a call log.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { buildWxXml, WxBizMsgCrypt } from '../../../src/adapters/channel-wechat-crypto/index.js'

export type WecomFakeOptions = {
  corpId: string
  secret: string
  token: string
  encodingAESKey: string
  openKfId: string
  /** Where callbacks go (kefu's `/channels/wecom-kf/{shopId}`); can be set later. */
  callbackUrl?: string
  /** expires_in of issued access tokens. Default 7200. */
  expiresIn?: number
  /** Largest sync_msg page. Default 1000 (WeCom's maximum). */
  pageSize?: number
  /** The fake's time in ms (send_time of messages): tie it to kefu's test clock. Default the wall clock. */
  now?: () => number
}

export type FakeKfMessage = {
  msgid: string
  open_kfid: string
  external_userid?: string
  send_time: number
  origin: number
  msgtype: string
  servicer_userid?: string
  [k: string]: unknown
}

export type WecomCall = { method: string; path: string; body?: unknown; errcode: number }

export type WecomFake = {
  readonly url: string
  readonly calls: WecomCall[]
  /** Accepted send_msg bodies, in order. */
  readonly sent: Array<Record<string, unknown>>
  /** Accepted service_state/trans bodies. */
  readonly transfers: Array<Record<string, unknown>>
  /** The service_state WeCom holds per external user (0 new … 3 person, 4 ended). */
  readonly serviceState: Map<string, number>
  /** Responses kefu gave to callbacks, in order. */
  readonly callbackResponses: Array<{ status: number; body: string }>
  setCallbackUrl(url: string): void
  /** A customer message (origin 3) enters the log; then the callback is POSTed (`deliveries` times: WeCom retries). */
  customerSends(
    user: string,
    content: { text: string; menuId?: string } | { image: string } | { voice: string },
    opts?: { deliveries?: number; notify?: boolean },
  ): Promise<{ msgid: string; status: number }>
  /** Appends any msg_list item (events, servicer messages) without notifying. */
  addMessage(m: Omit<FakeKfMessage, 'msgid' | 'send_time' | 'open_kfid'> & Partial<FakeKfMessage>): string
  /** POSTs a kf_msg_or_event callback; `forge` signs it with a wrong token. */
  notify(opts?: { forge?: boolean; openKfId?: string }): Promise<{ status: number; body: string }>
  /** Every token issued so far answers 42001 from now on. */
  expireTokens(): void
  /** send_msg to this user answers 95018 (the 48-hour window has passed). */
  closeWindow(user: string): void
  /** The next call to `path` answers `errcode` (45009 frequency limit, -1 busy…) instead. */
  failNext(path: string, errcode: number): void
  /** Each sync_msg page after the first also repeats the previous page's last message. */
  duplicateAcrossPages: boolean
  count(path: string): number
  close(): Promise<void>
}

const json = (res: ServerResponse, body: unknown) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startWecomFake(opts: WecomFakeOptions): Promise<WecomFake> {
  const crypt = new WxBizMsgCrypt({ token: opts.token, encodingAESKey: opts.encodingAESKey, receiveId: opts.corpId })
  const pageSize = opts.pageSize ?? 1000
  const calls: WecomCall[] = []
  const sent: Array<Record<string, unknown>> = []
  const transfers: Array<Record<string, unknown>> = []
  const serviceState = new Map<string, number>()
  const callbackResponses: Array<{ status: number; body: string }> = []
  const log: FakeKfMessage[] = []
  const validTokens = new Set<string>()
  const callbackTokens = new Set<string>()
  const closedWindows = new Set<string>()
  const injected = new Map<string, number>()
  /** send_msg count since the customer's last message. */
  const quota = new Map<string, number>()
  let callbackUrl = opts.callbackUrl
  let seq = 0
  const now = () => Math.floor((opts.now ?? Date.now)() / 1000)

  const fail = (res: ServerResponse, call: WecomCall, errcode: number, errmsg: string) => {
    call.errcode = errcode
    json(res, { errcode, errmsg: `${errmsg}, hint: [fake]` })
  }

  const server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake')
    const raw = req.method === 'POST' ? await readBody(req) : ''
    let body: Record<string, unknown> | undefined
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined
    } catch {
      body = undefined
    }
    const call: WecomCall = { method: req.method ?? 'GET', path: u.pathname, ...(body ? { body } : {}), errcode: 0 }
    calls.push(call)
    if (u.pathname === '/cgi-bin/gettoken') {
      if (u.searchParams.get('corpid') !== opts.corpId) return fail(res, call, 40013, 'invalid corpid')
      if (u.searchParams.get('corpsecret') !== opts.secret) return fail(res, call, 40001, 'invalid credential')
      const token = `tok-${++seq}-${randomBytes(6).toString('hex')}`
      validTokens.add(token)
      return json(res, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: opts.expiresIn ?? 7200 })
    }
    const forced = injected.get(u.pathname)
    if (forced !== undefined) {
      injected.delete(u.pathname)
      return fail(res, call, forced, forced === 45009 ? 'api freq out of limit' : 'injected failure')
    }
    const accessToken = u.searchParams.get('access_token')
    if (!accessToken) return fail(res, call, 41001, 'access_token missing')
    if (!validTokens.has(accessToken)) return fail(res, call, 42001, 'access_token expired')
    if (req.method !== 'POST' || !body) return fail(res, call, 47001, 'data format error')

    if (u.pathname === '/cgi-bin/kf/sync_msg') {
      if (body.open_kfid !== opts.openKfId) return fail(res, call, 95000, 'invalid open_kfid')
      if (body.token !== undefined && !callbackTokens.has(String(body.token)))
        return fail(res, call, 95007, 'invalid msg token')
      const limit = Math.min(Number(body.limit ?? 1000) || 1000, pageSize)
      const cursor = typeof body.cursor === 'string' && body.cursor ? body.cursor : 'c0'
      const m = /^c(\d+)$/.exec(cursor)
      if (!m) return fail(res, call, 40035, 'invalid cursor')
      const start = Number(m[1])
      const from = fake.duplicateAcrossPages && start > 0 ? start - 1 : start
      const page = log.slice(from, start + limit)
      const end = Math.min(start + limit, log.length)
      return json(res, {
        errcode: 0,
        errmsg: 'ok',
        next_cursor: `c${end}`,
        has_more: end < log.length ? 1 : 0,
        msg_list: page,
      })
    }
    if (u.pathname === '/cgi-bin/kf/send_msg') {
      const user = String(body.touser ?? '')
      if (body.open_kfid !== opts.openKfId) return fail(res, call, 95000, 'invalid open_kfid')
      if (!log.some((x) => x.external_userid === user)) return fail(res, call, 40096, 'invalid external userid')
      if (closedWindows.has(user) || serviceState.get(user) === 3 || serviceState.get(user) === 2)
        return fail(res, call, 95018, 'send msg session status invalid')
      if ((quota.get(user) ?? 0) >= 5) return fail(res, call, 95001, 'send msg count reach limit')
      if (body.msgtype === 'text') {
        const content = (body.text as { content?: unknown } | undefined)?.content
        if (typeof content !== 'string' || !content) return fail(res, call, 44004, 'empty content')
        if (Buffer.byteLength(content) > 2048) return fail(res, call, 45002, 'content size out of limit')
      } else if (body.msgtype === 'msgmenu') {
        const menu = body.msgmenu as { list?: Array<{ type?: string; click?: { id?: string; content?: string } }> }
        const list = menu?.list ?? []
        if (list.length === 0 || list.length > 10) return fail(res, call, 95008, 'invalid menu item count')
        if (list.some((i) => i.type !== 'click' || !i.click?.id || !i.click.content))
          return fail(res, call, 95009, 'invalid menu item')
      } else return fail(res, call, 40008, 'invalid message type')
      quota.set(user, (quota.get(user) ?? 0) + 1)
      sent.push(body)
      return json(res, { errcode: 0, errmsg: 'ok', msgid: `sent-${++seq}` })
    }
    if (u.pathname === '/cgi-bin/kf/service_state/trans') {
      const user = String(body.external_userid ?? '')
      const target = Number(body.service_state)
      if (body.open_kfid !== opts.openKfId) return fail(res, call, 95000, 'invalid open_kfid')
      if (![0, 1, 2, 3, 4].includes(target)) return fail(res, call, 40035, 'invalid service_state')
      if (target === 3 && !body.servicer_userid) return fail(res, call, 95014, 'servicer_userid required')
      const current = serviceState.get(user) ?? 0
      if (current === 3 && target === 2) return fail(res, call, 95016, 'invalid service state transfer')
      serviceState.set(user, target)
      transfers.push(body)
      return json(res, { errcode: 0, errmsg: 'ok', msg_code: `code-${++seq}` })
    }
    return fail(res, call, 404, 'no such api')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  async function notify(o: { forge?: boolean; openKfId?: string } = {}): Promise<{ status: number; body: string }> {
    if (!callbackUrl) throw new Error('wecom fake: no callback URL')
    const msgToken = `ENC${randomBytes(12).toString('hex')}`
    callbackTokens.add(msgToken)
    const timestamp = String(now())
    const inner = buildWxXml({
      ToUserName: opts.corpId,
      CreateTime: Number(timestamp),
      MsgType: 'event',
      Event: 'kf_msg_or_event',
      Token: msgToken,
      OpenKfId: o.openKfId ?? opts.openKfId,
    })
    const signer = o.forge
      ? new WxBizMsgCrypt({ token: `${opts.token}x`, encodingAESKey: opts.encodingAESKey, receiveId: opts.corpId })
      : crypt
    const encrypted = signer.encrypt(inner)
    const nonce = randomBytes(6).toString('hex')
    const signature = signer.sign(timestamp, nonce, encrypted)
    const q = new URLSearchParams({ msg_signature: signature, timestamp, nonce })
    const res = await fetch(`${callbackUrl}?${q}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: buildWxXml({ ToUserName: opts.corpId, Encrypt: encrypted, AgentID: '' }),
      signal: AbortSignal.timeout(10_000),
    })
    const out = { status: res.status, body: await res.text() }
    callbackResponses.push(out)
    return out
  }

  const fake: WecomFake = {
    url,
    calls,
    sent,
    transfers,
    serviceState,
    callbackResponses,
    duplicateAcrossPages: false,
    setCallbackUrl(u) {
      callbackUrl = u
    },
    addMessage(m) {
      const msgid = m.msgid ?? `msg-${++seq}`
      log.push({ open_kfid: opts.openKfId, send_time: now(), ...m, msgid } as FakeKfMessage)
      return msgid
    },
    async customerSends(user, content, o = {}) {
      const item: Record<string, unknown> =
        'text' in content
          ? { msgtype: 'text', text: { content: content.text, ...(content.menuId ? { menu_id: content.menuId } : {}) } }
          : 'image' in content
            ? { msgtype: 'image', image: { media_id: content.image } }
            : { msgtype: 'voice', voice: { media_id: content.voice } }
      const msgid = fake.addMessage({ origin: 3, external_userid: user, ...item } as FakeKfMessage)
      quota.set(user, 0)
      if (!serviceState.has(user)) serviceState.set(user, 0)
      let status = 0
      if (o.notify !== false) for (let i = 0; i < (o.deliveries ?? 1); i++) status = (await notify()).status
      return { msgid, status }
    },
    notify,
    expireTokens() {
      validTokens.clear()
    },
    closeWindow(user) {
      closedWindows.add(user)
    },
    failNext(path, errcode) {
      injected.set(path, errcode)
    },
    count(path) {
      return calls.filter((c) => c.path === path).length
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  return fake
}
