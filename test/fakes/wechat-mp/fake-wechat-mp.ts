/**
 * A fake of the WeChat Official Account platform for tests, written from WeChat's public docs:
 *
 * - the API kefu calls: `GET /cgi-bin/token` (client_credential; tokens expire, `expireTokens()`
 *   makes the next call see 42001, unknown tokens get 40001) and `POST /cgi-bin/message/custom/send`
 *   (tokens expire after their `expires_in` on the fake's clock; text and msgmenu recorded per follower; 45015 once a follower's 48-hour window is closed;
 *   40200 for menus when the account may not send them; scripted error codes);
 * - WeChat's side of the callbacks: `deliver()` POSTs a signed message (plaintext, or safe mode with
 *   `encrypt_type=aes` + `msg_signature`) to kefu's server URL, waits at most 5 s for the answer and
 *   retries up to 3 times when it gets none, like WeChat does; `verifyServer()` sends the GET check.
 *
 * The safe-mode encryption here is written separately from kefu's (AES-256-CBC, key = the
 * EncodingAESKey base64-decoded, IV = its first 16 bytes, PKCS#7 to 32 bytes, plaintext
 * random(16) ‖ length(4, big-endian) ‖ xml ‖ appid) so a test checks kefu against an independent
 * reading of the scheme.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeMpAccount = {
  appId: string
  appSecret: string
  token: string
  encodingAESKey?: string
  /** The account's original id (gh_…), the `ToUserName` of callbacks. */
  accountId?: string
}

export type CustomSent =
  | { touser: string; msgtype: 'text'; text: { content: string } }
  | {
      touser: string
      msgtype: 'msgmenu'
      msgmenu: { head_content: string; list: Array<{ id: string; content: string }>; tail_content: string }
    }
  | { touser: string; msgtype: string; [k: string]: unknown }

export type CallLogEntry = { method: string; path: string; errcode: number; at: number }

/** A message as WeChat pushes it; `MsgId`/`CreateTime` are filled in when absent. */
export type MpPush = Record<string, string | number>

export type DeliverOptions = {
  /** Safe mode: `encrypt_type=aes`, `msg_signature`, the message in `<Encrypt>`. */
  encrypted?: boolean
  /** How long WeChat waits for each answer (default 5000 ms, as WeChat). */
  timeoutMs?: number
  /** Retries after an unanswered attempt (default 3). */
  retries?: number
  /**
   * Hangs up on attempt `n` (0-based) when the promise resolves, before `timeoutMs` — a test's way
   * to say "once kefu has started on it" without guessing durations.
   */
  hangUp?: (attempt: number) => Promise<void>
  forge?: 'signature' | 'msg_signature'
}

export type DeliveryAttempt = { status?: number; body?: string; timedOut: boolean }

export type Delivery = {
  attempts: DeliveryAttempt[]
  /** The answer WeChat accepted (the last attempt that was answered), decrypted in safe mode. */
  answer?: string
  /** The passive reply's text, when the answer was a text reply. */
  replyText?: string
}

export type FakeWechatMp = {
  /** Base URL for kefu's `apiBaseUrl`. */
  url: string
  account: Required<Pick<FakeMpAccount, 'appId' | 'appSecret' | 'token' | 'accountId'>> & FakeMpAccount
  /** Every customer-service message accepted, in order. */
  sent: CustomSent[]
  calls: CallLogEntry[]
  /** `message/custom/typing` calls received (`Typing` / `CancelTyping`), in order. */
  typing: Array<{ touser: string; command: string }>
  tokensIssued(): number
  /** Every issued token is expired from now on (calls with one get 42001). */
  expireTokens(): void
  /** The follower's 48-hour window is over: custom/send to them gets 45015. */
  closeWindow(openid: string): void
  /** The next custom/send calls get these error codes, in order. */
  failNextSends(...errcodes: number[]): void
  /** Whether msgmenu messages are allowed (verified accounts); default true. */
  allowMenus(allowed: boolean): void
  /** Waits before answering custom/send (to test kefu's API timeout). */
  delaySends(ms: number): void
  /** Sends WeChat's server verification GET to `serverUrl`. */
  verifyServer(
    serverUrl: string,
    opts?: { forge?: boolean },
  ): Promise<{ status: number; body: string; echostr: string }>
  /**
   * Pushes `msg` to `serverUrl` as WeChat does; see the file comment. Several URLs: attempt n goes
   * to URL n mod count (WeChat's retries reaching another instance behind a load balancer).
   */
  deliver(serverUrl: string | string[], msg: MpPush, opts?: DeliverOptions): Promise<Delivery>
  close(): Promise<void>
}

const sha1 = (...parts: string[]) =>
  createHash('sha1')
    .update([...parts].sort().join(''), 'utf8')
    .digest('hex')

function aesKey(encodingAESKey: string): Buffer {
  return Buffer.from(`${encodingAESKey}=`, 'base64')
}

function encrypt(xml: string, encodingAESKey: string, appId: string): string {
  const key = aesKey(encodingAESKey)
  const msg = Buffer.from(xml, 'utf8')
  const len = Buffer.alloc(4)
  len.writeUInt32BE(msg.length)
  const plain = Buffer.concat([randomBytes(16), len, msg, Buffer.from(appId, 'utf8')])
  const pad = 32 - (plain.length % 32)
  const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
  return Buffer.concat([c.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), c.final()]).toString('base64')
}

function decrypt(b64: string, encodingAESKey: string): { xml: string; appId: string } {
  const key = aesKey(encodingAESKey)
  const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
  const plain = Buffer.concat([d.update(Buffer.from(b64, 'base64')), d.final()])
  const unpadded = plain.subarray(0, plain.length - (plain[plain.length - 1] ?? 0))
  const len = unpadded.readUInt32BE(16)
  return {
    xml: unpadded.subarray(20, 20 + len).toString('utf8'),
    appId: unpadded.subarray(20 + len).toString('utf8'),
  }
}

const cdata = (s: string) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`

function toXml(fields: Record<string, string | number>): string {
  const inner = Object.entries(fields)
    .map(([k, v]) => (typeof v === 'number' ? `<${k}>${v}</${k}>` : `<${k}>${cdata(v)}</${k}>`))
    .join('')
  return `<xml>${inner}</xml>`
}

/** The text of `<Name>` in a small WeChat XML document (test-side reading only). */
export function xmlField(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml)
  return m ? (m[1] ?? m[2]) : undefined
}

let msgSeq = 7_000_000_000_000_000_000n

/** A fresh 64-bit-looking MsgId (above 2^53, as WeChat's are). */
export function nextMsgId(): string {
  msgSeq += 1n
  return msgSeq.toString()
}

export async function startFakeWechatMp(
  account: FakeMpAccount,
  /** `tokenTtlS`: lifetime of an access token (default 7200 s) on the fake's clock `now` (default the wall clock). */
  opts: { tokenTtlS?: number; now?: () => number } = {},
): Promise<FakeWechatMp> {
  const acct = { accountId: 'gh_fake0001', ...account }
  const ttl = opts.tokenTtlS ?? 7200
  const now = opts.now ?? (() => Date.now())
  const tokens = new Map<string, { expired: boolean; expiresAt: number }>()
  const sent: CustomSent[] = []
  const calls: CallLogEntry[] = []
  /** `message/custom/typing` calls received, in order. */
  const typing: Array<{ touser: string; command: string }> = []
  const closedWindows = new Set<string>()
  const scripted: number[] = []
  let menus = true
  let sendDelay = 0
  let issued = 0

  const json = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake')
      const log = (errcode: number) =>
        calls.push({ method: req.method ?? '', path: url.pathname, errcode, at: Date.now() })
      const answerWx = (r: ServerResponse, errcode: number, body: unknown) => {
        log(errcode)
        json(r, body)
      }
      const wx = (errcode: number, errmsg: string) => answerWx(res, errcode, { errcode, errmsg })
      if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
        const q = url.searchParams
        if (q.get('grant_type') !== 'client_credential') return wx(40002, 'invalid grant_type')
        if (q.get('appid') !== acct.appId) return wx(40013, 'invalid appid')
        if (q.get('secret') !== acct.appSecret) return wx(40125, 'invalid appsecret')
        issued += 1
        const token = `TOKEN_${issued}_${randomBytes(6).toString('hex')}`
        tokens.set(token, { expired: false, expiresAt: now() + ttl * 1000 })
        return answerWx(res, 0, { access_token: token, expires_in: ttl })
      }
      if (req.method === 'POST' && url.pathname === '/cgi-bin/message/custom/send') {
        const raw = await readBody(req)
        if (sendDelay > 0) await new Promise((r) => setTimeout(r, sendDelay))
        const t = tokens.get(url.searchParams.get('access_token') ?? '')
        if (!t) return wx(40001, 'invalid credential, access_token is invalid')
        if (t.expired || now() >= t.expiresAt) return wx(42001, 'access_token expired')
        let body: CustomSent
        try {
          body = JSON.parse(raw) as CustomSent
        } catch {
          return wx(47001, 'data format error')
        }
        if (typeof body.touser !== 'string' || !body.touser) return wx(40003, 'invalid openid')
        const next = scripted.shift()
        if (next !== undefined) return wx(next, 'scripted error')
        if (closedWindows.has(body.touser)) return wx(45015, 'response out of time limit or subscription is canceled')
        if (body.msgtype === 'text') {
          const content = (body as { text?: { content?: unknown } }).text?.content
          if (typeof content !== 'string' || !content) return wx(44003, 'empty news data')
          if (Buffer.byteLength(content, 'utf8') > 2048) return wx(45002, 'content size out of limit')
        } else if (body.msgtype === 'msgmenu') {
          if (!menus) return wx(40200, 'invalid account type')
        } else return wx(40008, 'invalid message type')
        sent.push(body)
        return answerWx(res, 0, { errcode: 0, errmsg: 'ok' })
      }
      if (req.method === 'POST' && url.pathname === '/cgi-bin/message/custom/typing') {
        const raw = await readBody(req)
        const t = tokens.get(url.searchParams.get('access_token') ?? '')
        if (!t) return wx(40001, 'invalid credential, access_token is invalid')
        if (t.expired || now() >= t.expiresAt) return wx(42001, 'access_token expired')
        let body: { touser?: unknown; command?: unknown }
        try {
          body = JSON.parse(raw) as typeof body
        } catch {
          return wx(47001, 'data format error')
        }
        if (typeof body.touser !== 'string' || !body.touser) return wx(40003, 'invalid openid')
        if (body.command !== 'Typing' && body.command !== 'CancelTyping') return wx(40001, 'invalid command')
        typing.push({ touser: body.touser, command: body.command })
        return answerWx(res, 0, { errcode: 0, errmsg: 'ok' })
      }
      log(404)
      res.writeHead(404).end()
    })()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  async function deliver(serverUrl: string | string[], msg: MpPush, o: DeliverOptions = {}): Promise<Delivery> {
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = String(100000000 + Math.floor(Math.random() * 900000000))
    const fields: Record<string, string | number> = {
      ToUserName: acct.accountId,
      CreateTime: Number(timestamp),
      ...msg,
    }
    if (fields.MsgType !== 'event' && fields.MsgId === undefined) fields.MsgId = nextMsgId()
    let plainXml = toXml(fields)
    const urls = Array.isArray(serverUrl) ? serverUrl : [serverUrl]
    const params = new URLSearchParams()
    params.set(
      'signature',
      o.forge === 'signature' ? sha1('forged', timestamp, nonce) : sha1(acct.token, timestamp, nonce),
    )
    params.set('timestamp', timestamp)
    params.set('nonce', nonce)
    params.set('openid', String(fields.FromUserName ?? ''))
    let body = plainXml
    if (o.encrypted) {
      if (!acct.encodingAESKey) throw new Error('fake: encrypted delivery needs an encodingAESKey')
      const enc = encrypt(plainXml, acct.encodingAESKey, acct.appId)
      body = toXml({ ToUserName: acct.accountId, Encrypt: enc })
      params.set('encrypt_type', 'aes')
      params.set(
        'msg_signature',
        o.forge === 'msg_signature' ? sha1('forged', timestamp, nonce, enc) : sha1(acct.token, timestamp, nonce, enc),
      )
      plainXml = ''
    }
    const attempts: DeliveryAttempt[] = []
    const retries = o.retries ?? 3
    for (let i = 0; i <= retries; i++) {
      const ctrl = new AbortController()
      const timer = setTimeout(() => ctrl.abort(), o.timeoutMs ?? 5000)
      void o.hangUp?.(i).then(() => ctrl.abort())
      try {
        const target = new URL(urls[i % urls.length] ?? '')
        for (const [k, v] of params) target.searchParams.set(k, v)
        const res = await fetch(target, {
          method: 'POST',
          body,
          headers: { 'content-type': 'text/xml' },
          signal: ctrl.signal,
        })
        const text = await res.text()
        attempts.push({ status: res.status, body: text, timedOut: false })
        clearTimeout(timer)
        break
      } catch {
        clearTimeout(timer)
        attempts.push({ timedOut: true })
      }
    }
    const last = attempts[attempts.length - 1]
    if (!last || last.timedOut || last.status !== 200 || last.body === undefined) return { attempts }
    let answer = last.body
    if (o.encrypted && answer.startsWith('<xml>')) {
      const enc = xmlField(answer, 'Encrypt') ?? ''
      const sig = xmlField(answer, 'MsgSignature')
      const ts = xmlField(answer, 'TimeStamp') ?? ''
      const n = xmlField(answer, 'Nonce') ?? ''
      if (sig !== sha1(acct.token, ts, n, enc)) throw new Error('fake: kefu signed its encrypted reply wrongly')
      const opened = decrypt(enc, acct.encodingAESKey ?? '')
      if (opened.appId !== acct.appId) throw new Error('fake: encrypted reply is for another appid')
      answer = opened.xml
    }
    const replyText =
      answer.startsWith('<xml>') && xmlField(answer, 'MsgType') === 'text' ? xmlField(answer, 'Content') : undefined
    return { attempts, answer, ...(replyText !== undefined ? { replyText } : {}) }
  }

  return {
    url,
    account: acct,
    sent,
    calls,
    typing,
    tokensIssued: () => issued,
    expireTokens() {
      for (const t of tokens.values()) t.expired = true
    },
    closeWindow: (openid) => void closedWindows.add(openid),
    failNextSends: (...codes) => void scripted.push(...codes),
    allowMenus(allowed) {
      menus = allowed
    },
    delaySends(ms) {
      sendDelay = ms
    },
    async verifyServer(serverUrl, o = {}) {
      const timestamp = String(Math.floor(Date.now() / 1000))
      const nonce = String(100000000 + Math.floor(Math.random() * 900000000))
      const echostr = String(Math.floor(Math.random() * 1e18))
      const u = new URL(serverUrl)
      u.searchParams.set('signature', sha1(o.forge ? 'forged' : acct.token, timestamp, nonce))
      u.searchParams.set('timestamp', timestamp)
      u.searchParams.set('nonce', nonce)
      u.searchParams.set('echostr', echostr)
      const res = await fetch(u)
      return { status: res.status, body: await res.text(), echostr }
    },
    deliver,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}
