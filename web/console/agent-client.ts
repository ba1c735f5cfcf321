/** The console's HTTP client for /api/v1/admin/agent (types shared with the server's desk service). */
import type { ActiveItem, AgentAssignment, ConversationContext, QueueItem } from '../../src/core/handoff/agent-desk.js'
import type { AgentNote } from '../../src/core/handoff/desk-channel.js'

export type { ActiveItem, AgentAssignment, AgentNote, ConversationContext, QueueItem }

/** What the agent typed on the sign-in screen, kept in sessionStorage. */
export type AgentSession = { shopId: string; apiKey: string; agentId: string; agentName: string }

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

/** The agent id derived from the display name: per-agent accounts are future work (see docs/agent-console.md). */
export function agentIdFor(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '-').slice(0, 64)
}

export class AgentClient {
  constructor(
    readonly session: AgentSession,
    private readonly base = '',
  ) {}

  private headers(json: boolean): Record<string, string> {
    return {
      authorization: `Bearer ${this.session.apiKey}`,
      'x-kefu-shop': this.session.shopId,
      // Header values are Latin-1: names like 李娜 travel URL-encoded.
      'x-kefu-agent': encodeURIComponent(this.session.agentId),
      'x-kefu-agent-name': encodeURIComponent(this.session.agentName),
      ...(json ? { 'content-type': 'application/json' } : {}),
    }
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let res: Response
    try {
      res = await fetch(`${this.base}/api/v1/admin/agent${path}`, {
        method,
        headers: this.headers(body !== undefined),
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

  /** The desk WebSocket URL (a browser WebSocket cannot send headers, so the key goes in the query). */
  streamUrl(): string {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:'
    const q = new URLSearchParams({
      key: this.session.apiKey,
      agent: this.session.agentId,
      name: this.session.agentName,
      shop: this.session.shopId,
    })
    return `${proto}//${location.host}${this.base}/api/v1/admin/agent/stream?${q.toString()}`
  }
}
