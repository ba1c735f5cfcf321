/**
 * A Chatwoot test server speaking the part of the documented Application API an Agent Bot uses,
 * plus a driver that sends Agent Bot webhooks the way Chatwoot does:
 *
 * - `POST /api/v1/accounts/{account}/conversations/{id}/messages` (`api_access_token` header;
 *   `{content, message_type, private, content_type?, content_attributes?}` → the message with its id)
 * - `POST /api/v1/accounts/{account}/conversations/{id}/toggle_status` (`{status}` →
 *   `{meta:{}, payload:{success, conversation_id, current_status}}`); a change of status is announced
 *   to the bot with a `conversation_status_changed` webhook, as Chatwoot does
 * - a wrong token answers 401 `{"error":"Invalid Access Token"}`; `failNext(status)` makes the next
 *   API call fail (429/5xx) once.
 *
 * Webhooks carry the shape of Chatwoot's payloads (event, id, content, message_type "incoming",
 * sender, conversation {id, status, channel, meta.sender, contact_inbox}, account, inbox,
 * attachments) and, when a `webhookSecret` is set, `X-Chatwoot-Signature`/`X-Chatwoot-Timestamp`
 * (HMAC-SHA256 over "<timestamp>.<body>").
 */
import { createHmac, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeChatwootMessage = {
  id: number
  conversationId: number
  content: string
  private: boolean
  messageType: string
  contentType: string
  contentAttributes: Record<string, unknown>
}

export type FakeChatwootCall = {
  method: string
  path: string
  token: string | undefined
  body: unknown
  status: number
}

type Conversation = { id: number; contactId: number; status: string; channel: string; inboxId: number }

export type FakeChatwoot = {
  url: string
  accountId: number
  botToken: string
  calls: FakeChatwootCall[]
  /** Messages the bot posted (public and private), in order. */
  messages: FakeChatwootMessage[]
  publicMessages(conversationId: number): FakeChatwootMessage[]
  privateNotes(conversationId: number): FakeChatwootMessage[]
  statusOf(conversationId: number): string | undefined
  /** Where webhooks go (kefu's URL with its token); set after kefu's channel is added. */
  setBotUrl(url: string): void
  /** The next API call answers with this status once. */
  failNext(status: number): void
  /** Whether status changes made through the API are announced to the bot (default true). */
  announceStatusChanges(on: boolean): void
  /** A customer writes in a conversation (created on first use, status `pending` as with a bot). */
  customerWrites(input: {
    conversationId: number
    contactId: number
    content?: string
    channel?: string
    attachments?: Array<{ file_type: string; data_url: string }>
    submitted?: { title: string; value: string }
    messageId?: number
  }): Promise<{ status: number; body: unknown; payload: Record<string, unknown> }>
  /** Sends a payload as a webhook again (a retry), optionally with other headers. */
  deliver(
    payload: unknown,
    opts?: { rawBody?: string; headers?: Record<string, string>; url?: string },
  ): Promise<{ status: number; body: unknown }>
  /** A human agent changes the status in Chatwoot's UI (announced to the bot). */
  agentSetsStatus(conversationId: number, status: 'open' | 'pending' | 'resolved'): Promise<{ status: number }>
  close(): Promise<void>
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startFakeChatwoot(
  opts: { botToken?: string; accountId?: number; webhookSecret?: string; now?: () => Date } = {},
): Promise<FakeChatwoot> {
  const botToken = opts.botToken ?? 'cw-bot-token-0001'
  const accountId = opts.accountId ?? 7
  const now = opts.now ?? (() => new Date())
  const calls: FakeChatwootCall[] = []
  const messages: FakeChatwootMessage[] = []
  const conversations = new Map<number, Conversation>()
  let botUrl: string | null = null
  let nextMessageId = 1000
  let failStatus: number | null = null
  let announce = true
  const pending: Array<Promise<unknown>> = []

  const conversationPayload = (c: Conversation) => ({
    id: c.id,
    inbox_id: c.inboxId,
    status: c.status,
    channel: c.channel,
    can_reply: true,
    contact_inbox: { contact_id: c.contactId, inbox_id: c.inboxId, source_id: `src-${c.contactId}` },
    meta: { sender: { id: c.contactId, name: `Contact ${c.contactId}`, type: 'contact' }, assignee: null },
    additional_attributes: {},
    account_id: accountId,
  })

  async function deliver(
    payload: unknown,
    o: { rawBody?: string; headers?: Record<string, string>; url?: string } = {},
  ): Promise<{ status: number; body: unknown }> {
    const url = o.url ?? botUrl
    if (!url) throw new Error('fake chatwoot: no bot URL set')
    const raw = o.rawBody ?? JSON.stringify(payload)
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (opts.webhookSecret) {
      const ts = String(Math.floor(now().getTime() / 1000))
      headers['x-chatwoot-timestamp'] = ts
      headers['x-chatwoot-signature'] =
        `sha256=${createHmac('sha256', opts.webhookSecret).update(`${ts}.${raw}`).digest('hex')}`
      headers['x-chatwoot-delivery'] = randomUUID()
    }
    const res = await fetch(url, { method: 'POST', headers: { ...headers, ...o.headers }, body: raw })
    const text = await res.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      /* keep text */
    }
    return { status: res.status, body }
  }

  function statusChanged(c: Conversation) {
    const p = deliver({ event: 'conversation_status_changed', ...conversationPayload(c) }).catch(() => undefined)
    pending.push(p)
  }

  function send(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const path = (req.url ?? '').split('?')[0]!
    const token = req.headers.api_access_token as string | undefined
    let body: unknown = null
    try {
      body = raw ? JSON.parse(raw) : null
    } catch {
      body = raw
    }
    const log = (status: number) => calls.push({ method: req.method ?? '', path, token, body, status })
    if (token !== botToken) {
      log(401)
      return send(res, 401, { error: 'Invalid Access Token' })
    }
    if (failStatus !== null) {
      const s = failStatus
      failStatus = null
      log(s)
      return send(res, s, { error: 'fake failure' })
    }
    const m = /^\/api\/v1\/accounts\/(\d+)\/conversations\/(\d+)\/(messages|toggle_status)$/.exec(path)
    if (req.method !== 'POST' || !m || Number(m[1]) !== accountId) {
      log(404)
      return send(res, 404, { error: 'Resource could not be found' })
    }
    const convId = Number(m[2])
    const conv = conversations.get(convId)
    if (!conv) {
      log(404)
      return send(res, 404, { error: 'Resource could not be found' })
    }
    const b = (body ?? {}) as Record<string, unknown>
    if (m[3] === 'messages') {
      if (typeof b.content !== 'string' || !b.content) {
        log(422)
        return send(res, 422, { error: 'content is required' })
      }
      const msg: FakeChatwootMessage = {
        id: nextMessageId++,
        conversationId: convId,
        content: b.content,
        private: b.private === true,
        messageType: String(b.message_type ?? 'outgoing'),
        contentType: String(b.content_type ?? 'text'),
        contentAttributes: (b.content_attributes as Record<string, unknown>) ?? {},
      }
      messages.push(msg)
      log(200)
      return send(res, 200, {
        id: msg.id,
        content: msg.content,
        message_type: 1,
        private: msg.private,
        content_type: msg.contentType,
        content_attributes: msg.contentAttributes,
        conversation_id: convId,
        created_at: Math.floor(now().getTime() / 1000),
      })
    }
    const status = String(b.status ?? '')
    if (!['open', 'pending', 'resolved', 'snoozed'].includes(status)) {
      log(422)
      return send(res, 422, { error: 'invalid status' })
    }
    const changed = conv.status !== status
    conv.status = status
    log(200)
    send(res, 200, { meta: {}, payload: { success: true, conversation_id: convId, current_status: status } })
    if (changed && announce) statusChanged(conv)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    accountId,
    botToken,
    calls,
    messages,
    publicMessages: (id) => messages.filter((x) => x.conversationId === id && !x.private),
    privateNotes: (id) => messages.filter((x) => x.conversationId === id && x.private),
    statusOf: (id) => conversations.get(id)?.status,
    setBotUrl(u) {
      botUrl = u
    },
    failNext(status) {
      failStatus = status
    },
    announceStatusChanges(on) {
      announce = on
    },
    async customerWrites(input) {
      let c = conversations.get(input.conversationId)
      if (!c) {
        c = {
          id: input.conversationId,
          contactId: input.contactId,
          status: 'pending',
          channel: input.channel ?? 'Channel::Whatsapp',
          inboxId: 3,
        }
        conversations.set(c.id, c)
      }
      const id = input.messageId ?? nextMessageId++
      const payload: Record<string, unknown> = {
        event: 'message_created',
        id,
        content: input.content ?? null,
        created_at: now().toISOString(),
        message_type: 'incoming',
        content_type: 'text',
        content_attributes: input.submitted ? { submitted_values: [input.submitted] } : {},
        source_id: null,
        private: false,
        sender: { id: c.contactId, name: `Contact ${c.contactId}`, type: 'contact' },
        conversation: conversationPayload(c),
        account: { id: accountId, name: 'Shop' },
        inbox: { id: c.inboxId, name: 'Inbox' },
        attachments: input.attachments ?? [],
      }
      const r = await deliver(payload)
      return { ...r, payload }
    },
    deliver,
    async agentSetsStatus(conversationId, status) {
      const c = conversations.get(conversationId)
      if (!c) throw new Error(`fake chatwoot: no conversation ${conversationId}`)
      c.status = status
      return deliver({ event: 'conversation_status_changed', ...conversationPayload(c) })
    },
    async close() {
      await Promise.allSettled(pending)
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}
