/** Typed client for the kefu chat API (docs: /api/v1/openapi.json). */
import type { Locale } from './i18n.js'

export type ReplyButton = { label: string; payload: string }
export type ReplyCard = { type: string; data: Record<string, unknown> }
export type Reply = { text: string; buttons?: ReplyButton[]; card?: ReplyCard }
export type MessageRole = 'customer' | 'bot' | 'agent' | 'system'

export type ServerMessage = {
  id: string
  seq: number
  role: MessageRole
  text: string
  meta: Record<string, unknown> | null
  createdAt: string
}

export type ConversationSession = {
  id: string
  token: string
  customerId: string | null
  shopId: string
  /** When the token expires (ISO); the client renews it silently before then or when told it expired. */
  expiresAt?: string
}

export type TurnResponse = {
  conversationId: string
  replies: Reply[]
  handoff: boolean
  state?: unknown
  action?: string
}

/** Stream frames pushed over the conversation WebSocket. */
export type StreamFrame =
  | { type: 'message'; message: ServerMessage }
  | { type: 'status'; status: string }
  | { type: string; [key: string]: unknown }

/** A failed request. `status` 0 means the network failed or the request timed out. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export type ApiClient = {
  createConversation(body: {
    shopId: string
    /** Where the conversation comes from, for analytics by channel. */
    channel?: 'widget'
    locale: Locale
    customerId?: string
    signature?: string
  }): Promise<ConversationSession>
  sendMessage(
    session: ConversationSession,
    text: string,
    payload?: string,
    attachmentId?: string,
  ): Promise<TurnResponse>
  /** Uploads a picture or voice message to the conversation; the server checks its type and size. */
  uploadAttachment(session: ConversationSession, file: Blob): Promise<{ id: string; kind: string }>
  listMessages(session: ConversationSession, afterSeq: number): Promise<ServerMessage[]>
  /** Rates the conversation 1–5 (CSAT); rating again replaces the score. */
  rate(session: ConversationSession, score: number): Promise<void>
  streamUrl(session: ConversationSession): string
}

const TIMEOUT_MS = 30_000
/** A token this close to expiry is renewed before the next call. */
const RENEW_BEFORE_MS = 5 * 60_000

export type ApiClientOptions = {
  /** Told after a session's token was renewed (the session object is updated in place): persist it. */
  onSessionRenewed?: (session: ConversationSession) => void
  now?: () => number
}

/** Creates a client for the API at `apiBase` (e.g. `https://shop.example`). */
export function createApiClient(
  apiBase: string,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
  options: ApiClientOptions = {},
): ApiClient {
  const now = options.now ?? (() => Date.now())
  async function request<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
    const headers: Record<string, string> = { accept: 'application/json' }
    const raw = body instanceof Blob
    if (body !== undefined) headers['content-type'] = raw ? body.type || 'application/octet-stream' : 'application/json'
    if (token) headers.authorization = `Bearer ${token}`
    let res: Response
    try {
      res = await fetchImpl(`${apiBase}${path}`, {
        method,
        headers,
        body: body === undefined ? null : raw ? body : JSON.stringify(body),
        signal: controller.signal,
        credentials: 'omit',
      })
    } catch (err) {
      throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err))
    } finally {
      clearTimeout(timer)
    }
    const data: unknown = await res.json().catch(() => null)
    if (!res.ok) {
      const error = (data as { error?: { code?: unknown; message?: unknown; details?: { reason?: unknown } } } | null)
        ?.error
      throw new ApiError(
        res.status,
        error?.details?.reason === 'token_expired'
          ? 'token_expired'
          : typeof error?.code === 'string'
            ? error.code
            : 'http_error',
        typeof error?.message === 'string' ? error.message : `HTTP ${res.status}`,
      )
    }
    return data as T
  }

  let renewing: Promise<void> | null = null
  /** Exchanges the session's token for a fresh one (once at a time), updating the session in place. */
  function renew(session: ConversationSession): Promise<void> {
    renewing ??= request<{ token: string; expiresAt?: string }>(
      'POST',
      `/api/v1/conversations/${encodeURIComponent(session.id)}/token`,
      session.token,
    )
      .then((r) => {
        session.token = r.token
        if (r.expiresAt) session.expiresAt = r.expiresAt
        options.onSessionRenewed?.(session)
      })
      .finally(() => {
        renewing = null
      })
    return renewing
  }

  /** Runs `call` with a fresh token: renewed ahead of expiry, and once more if the server says it expired. */
  async function withSession<T>(session: ConversationSession, call: () => Promise<T>): Promise<T> {
    const exp = session.expiresAt ? Date.parse(session.expiresAt) : Number.NaN
    if (Number.isFinite(exp) && exp - now() < RENEW_BEFORE_MS) await renew(session).catch(() => undefined)
    try {
      return await call()
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'token_expired') throw e
      await renew(session)
      return call()
    }
  }

  return {
    async createConversation(body) {
      const payload: Record<string, string> = { shopId: body.shopId, locale: body.locale }
      if (body.channel) payload.channel = body.channel
      if (body.customerId) payload.customerId = body.customerId
      if (body.signature) payload.signature = body.signature
      const res = await request<{
        id: string
        token: string
        expiresAt?: string
        customerId?: string | null
        shopId?: string
      }>('POST', '/api/v1/conversations', null, payload)
      return {
        id: res.id,
        token: res.token,
        customerId: res.customerId ?? null,
        shopId: res.shopId ?? body.shopId,
        ...(res.expiresAt ? { expiresAt: res.expiresAt } : {}),
      }
    },
    sendMessage(session, text, payload, attachmentId) {
      return withSession(session, () =>
        request<TurnResponse>(
          'POST',
          `/api/v1/conversations/${encodeURIComponent(session.id)}/messages`,
          session.token,
          { text, ...(payload === undefined ? {} : { payload }), ...(attachmentId ? { attachmentId } : {}) },
        ),
      )
    },
    uploadAttachment(session, file) {
      return withSession(session, () =>
        request<{ id: string; kind: string }>(
          'POST',
          `/api/v1/conversations/${encodeURIComponent(session.id)}/attachments`,
          session.token,
          file,
        ),
      )
    },
    async listMessages(session, afterSeq) {
      const res = await withSession(session, () =>
        request<{ messages: ServerMessage[] }>(
          'GET',
          `/api/v1/conversations/${encodeURIComponent(session.id)}/messages?afterSeq=${afterSeq}`,
          session.token,
        ),
      )
      return Array.isArray(res.messages) ? res.messages : []
    },
    async rate(session, score) {
      await withSession(session, () =>
        request<unknown>('POST', `/api/v1/conversations/${encodeURIComponent(session.id)}/rating`, session.token, {
          score,
        }),
      )
    },
    streamUrl(session) {
      const url = new URL(`${apiBase}/api/v1/conversations/${encodeURIComponent(session.id)}/stream`)
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
      url.searchParams.set('token', session.token)
      return url.href
    },
  }
}
