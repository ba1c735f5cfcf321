/**
 * The console's HTTP client for /api/v1/admin/agent and /api/v1/staff (types shared with the server).
 * It signs in with a staff account: the session is an HttpOnly cookie the browser sends by itself;
 * the CSRF token the server returns goes back in `x-kefu-csrf` on every state-changing request.
 */
import type { ActiveItem, AgentAssignment, ConversationContext, QueueItem } from '../../src/core/handoff/agent-desk.js'
import type { AgentNote } from '../../src/core/handoff/desk-channel.js'

export type { ActiveItem, AgentAssignment, AgentNote, ConversationContext, QueueItem }

export type StaffRole = 'owner' | 'admin' | 'agent' | 'analyst'
export type StaffStatus = 'online' | 'away' | 'offline'

/** The signed-in account as the server shows it (never the password hash). */
export type StaffAccountView = {
  id: string
  shopId: string
  username: string
  displayName: string
  role: StaffRole
  status: StaffStatus
  maxChats: number
}

/** A signed-in session: the cookie is the browser's; this is what the page needs. */
export type AgentSession = { shopId: string; account: StaffAccountView; csrfToken: string }

export type ConversationView = ConversationContext & {
  viewer: { agent: { id: string; name: string }; isAssignee: boolean }
}

export type ConversationSummary = {
  id: string
  status: ConversationContext['conversation']['status']
  agent: AgentAssignment | null
}

export type ChatMessage = ConversationContext['messages'][number]

/** An error answer from the API (or `network` when there was none). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

async function request<T>(method: string, url: string, body?: unknown, csrf?: string): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(csrf && method !== 'GET' ? { 'x-kefu-csrf': csrf } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'network error')
  }
  const json = (await res.json().catch(() => null)) as
    | (T & { error?: undefined })
    | { error?: { code?: string; message?: string; details?: Record<string, unknown> } }
    | null
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)
      ?.error
    throw new ApiError(res.status, err?.code ?? 'internal', err?.message ?? `HTTP ${res.status}`, err?.details)
  }
  return json as T
}

type SignedIn = { account: StaffAccountView; csrfToken: string }

export class AgentClient {
  constructor(
    readonly session: AgentSession,
    private readonly base = '',
  ) {}

  /** Signs in with shop + username + password; the server sets the session cookie. */
  static async login(shopId: string, username: string, password: string, base = ''): Promise<AgentSession> {
    const r = await request<SignedIn>('POST', `${base}/api/v1/staff/login`, { shopId, username, password })
    return { shopId: r.account.shopId, account: r.account, csrfToken: r.csrfToken }
  }

  /** The session the browser's cookie holds, or null when signed out (or expired). */
  static async restore(base = ''): Promise<AgentSession | null> {
    try {
      const r = await request<SignedIn>('GET', `${base}/api/v1/staff/me`)
      return { shopId: r.account.shopId, account: r.account, csrfToken: r.csrfToken }
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null
      throw e
    }
  }

  logout(): Promise<unknown> {
    return request('POST', `${this.base}/api/v1/staff/logout`, {}, this.session.csrfToken)
  }

  setStatus(status: StaffStatus): Promise<{ account: StaffAccountView }> {
    return request('POST', `${this.base}/api/v1/staff/me/status`, { status }, this.session.csrfToken)
  }

  private call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    return request<T>(method, `${this.base}/api/v1/admin/agent${path}`, body, this.session.csrfToken)
  }

  queue(): Promise<{ queue: QueueItem[]; serverTime: string }> {
    return this.call('GET', '/queue')
  }

  mine(): Promise<{ conversations: ActiveItem[] }> {
    return this.call('GET', '/mine')
  }

  conversation(id: string): Promise<ConversationView> {
    return this.call('GET', `/conversations/${encodeURIComponent(id)}`)
  }

  claim(id: string): Promise<{ conversation: ConversationSummary }> {
    return this.call('POST', `/conversations/${encodeURIComponent(id)}/claim`, {})
  }

  reply(id: string, text: string): Promise<{ message: ChatMessage }> {
    return this.call('POST', `/conversations/${encodeURIComponent(id)}/messages`, { text })
  }

  note(id: string, text: string): Promise<{ note: AgentNote }> {
    return this.call('POST', `/conversations/${encodeURIComponent(id)}/notes`, { text })
  }

  release(id: string): Promise<{ conversation: ConversationSummary }> {
    return this.call('POST', `/conversations/${encodeURIComponent(id)}/release`, {})
  }

  close(id: string): Promise<{ conversation: ConversationSummary }> {
    return this.call('POST', `/conversations/${encodeURIComponent(id)}/close`, {})
  }

  transfer(id: string, to: { agentId?: string; queue?: string }): Promise<{ conversation: ConversationSummary }> {
    return this.call('POST', `/conversations/${encodeURIComponent(id)}/transfer`, to)
  }

  /** The desk WebSocket URL: the session cookie authenticates it (same origin only). */
  streamUrl(): string {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:'
    return `${proto}//${location.host}${this.base}/api/v1/admin/agent/stream`
  }
}
