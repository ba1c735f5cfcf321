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

export type ConversationSession = { id: string; token: string; customerId: string | null; shopId: string }

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
    locale: Locale
    customerId?: string
    signature?: string
  }): Promise<ConversationSession>
  sendMessage(session: ConversationSession, text: string, payload?: string): Promise<TurnResponse>
  listMessages(session: ConversationSession, afterSeq: number): Promise<ServerMessage[]>
  streamUrl(session: ConversationSession): string
}

const TIMEOUT_MS = 30_000

/** Creates a client for the API at `apiBase` (e.g. `https://shop.example`). */
export function createApiClient(apiBase: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): ApiClient {
  async function request<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (token) headers.authorization = `Bearer ${token}`
    let res: Response
    try {
      res = await fetchImpl(`${apiBase}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
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
      const error = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error
      throw new ApiError(
        res.status,
        typeof error?.code === 'string' ? error.code : 'http_error',
        typeof error?.message === 'string' ? error.message : `HTTP ${res.status}`,
      )
    }
    return data as T
  }

  return {
    async createConversation(body) {
      const payload: Record<string, string> = { shopId: body.shopId, locale: body.locale }
      if (body.customerId) payload.customerId = body.customerId
      if (body.signature) payload.signature = body.signature
      const res = await request<{ id: string; token: string; customerId?: string | null; shopId?: string }>(
        'POST',
        '/api/v1/conversations',
        null,
        payload,
      )
      return { id: res.id, token: res.token, customerId: res.customerId ?? null, shopId: res.shopId ?? body.shopId }
    },
    sendMessage(session, text, payload) {
      return request<TurnResponse>(
        'POST',
        `/api/v1/conversations/${encodeURIComponent(session.id)}/messages`,
        session.token,
        payload === undefined ? { text } : { text, payload },
      )
    },
    async listMessages(session, afterSeq) {
      const res = await request<{ messages: ServerMessage[] }>(
        'GET',
        `/api/v1/conversations/${encodeURIComponent(session.id)}/messages?afterSeq=${afterSeq}`,
        session.token,
      )
      return Array.isArray(res.messages) ? res.messages : []
    },
    streamUrl(session) {
      const url = new URL(`${apiBase}/api/v1/conversations/${encodeURIComponent(session.id)}/stream`)
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
      url.searchParams.set('token', session.token)
      return url.href
    },
  }
}
