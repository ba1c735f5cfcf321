/** Reading the desk's records: the assignee in a conversation's state, notes, message previews, NLU meta. */
import type { Conversation, DomainEvent, Message } from '../domain/records.js'
import { AppError } from '../errors.js'
import type { Emotion } from '../nlu/types.js'
import type { Store } from '../ports/store.js'
import type { AgentAssignment, MessagePreview } from './agent-desk-types.js'
import type { AgentNote } from './desk-channel.js'

/** The assignee recorded by `claim`, if the state holds a well-formed one. */
export function agentOf(c: Pick<Conversation, 'state'>): AgentAssignment | null {
  const a = c.state.agent
  if (!isRecord(a)) return null
  const id = str(a.id)
  const name = str(a.name)
  const claimedAt = str(a.claimedAt)
  return id && name && claimedAt ? { id, name, claimedAt } : null
}

export function toNote(e: DomainEvent): AgentNote {
  return {
    id: e.id,
    conversationId: e.conversationId ?? '',
    agentId: str(e.data.agentId) ?? '',
    agentName: str(e.data.agentName) ?? '',
    text: str(e.data.text) ?? '',
    createdAt: e.createdAt,
  }
}

export function preview(m: Message): MessagePreview {
  return {
    seq: m.seq,
    role: m.role,
    text: m.text.length > 200 ? `${m.text.slice(0, 199)}…` : m.text,
    createdAt: m.createdAt,
  }
}

export function nluOf(m: Message): { intent?: string; emotion?: Emotion } | null {
  const n = m.meta.nlu
  return isRecord(n) ? (n as { intent?: string; emotion?: Emotion }) : null
}

export function emotionOf(m: Message): Emotion | null {
  const e = nluOf(m)?.emotion
  return isRecord(e) && typeof e.score === 'number' ? (e as Emotion) : null
}

/** `"emotion_above_threshold: emotion 0.82 >= 0.7"` → code + detail. */
export function splitReason(reason: string | null): { code: string | null; detail: string | null } {
  if (!reason) return { code: null, detail: null }
  const i = reason.indexOf(':')
  if (i < 0) return { code: reason, detail: null }
  return { code: reason.slice(0, i).trim(), detail: reason.slice(i + 1).trim() || null }
}

export function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The conversation, or `not_found`. */
export async function requireConversation(s: Store, shopId: string, id: string): Promise<Conversation> {
  const c = await s.conversations.get(shopId, id)
  if (!c) throw new AppError('not_found', 'conversation not found')
  return c
}

/** The newest handoff request of a conversation. */
export async function latestHandoff(s: Store, shopId: string, id: string): Promise<DomainEvent | null> {
  const evs = await s.events.list(shopId, { type: 'handoff.requested', conversationId: id, limit: 1000 })
  return evs[evs.length - 1] ?? null
}
