/**
 * Folds the event stream into small per-conversation facts and the window-level counters (tickets,
 * returns, notices sent). Definitions: docs/analytics.md.
 */
import type { DomainEvent } from '../domain/records.js'
import { type SentNotice, sentNotice, touchedSkus } from './attribution.js'
import { bump, type MetricsSummary } from './metrics-summary.js'
import { CSAT_RATED_EVENT } from './rate-conversation.js'

/** What the event stream tells about one conversation; small and fixed-size apart from turns. */
export type ConversationFacts = {
  startedAt: number | null
  channel: string
  customerId: string | null
  botTurns: number
  failedTurns: number
  fallbackTurns: number
  lastAction: string | null
  intents: string[]
  latencies: number[]
  handoffAt: number | null
  handoffReason: string | null
  tickets: number
  returns: number
  rating: number | null
  /** SKU → first time an event showed it or subscribed to it. */
  touches: Map<string, number>
}

export function newFacts(): ConversationFacts {
  return {
    startedAt: null,
    channel: 'unknown',
    customerId: null,
    botTurns: 0,
    failedTurns: 0,
    fallbackTurns: 0,
    lastAction: null,
    intents: [],
    latencies: [],
    handoffAt: null,
    handoffReason: null,
    tickets: 0,
    returns: 0,
    rating: null,
    touches: new Map(),
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** Folds one event into the per-conversation facts and the window-level counters. */
export function foldEvent(
  e: DomainEvent,
  t: number,
  facts: (id: string) => ConversationFacts,
  w: { fromMs: number; toMs: number },
  out: MetricsSummary,
  notices: SentNotice[],
): void {
  const inWindow = t >= w.fromMs && t < w.toMs
  const d = e.data ?? {}
  switch (e.type) {
    case 'conversation.started': {
      if (!e.conversationId) return
      const f = facts(e.conversationId)
      f.startedAt = t
      f.channel = str(d.channel) ?? 'unknown'
      f.customerId = str(d.customerId)
      return
    }
    case 'turn.completed': {
      if (!e.conversationId) return
      const f = facts(e.conversationId)
      const action = str(d.action) ?? 'unknown'
      f.botTurns++
      if (action === 'fallback') f.fallbackTurns++
      f.lastAction = action
      f.intents.push(str(d.intent) ?? 'unknown')
      if (typeof d.latencyMs === 'number' && Number.isFinite(d.latencyMs) && d.latencyMs >= 0) {
        f.latencies.push(d.latencyMs)
      }
      if (d.handoff === true && f.handoffAt === null) {
        f.handoffAt = t
        f.handoffReason = str(d.reason)
      }
      return
    }
    case 'turn.failed': {
      if (!e.conversationId) return
      const f = facts(e.conversationId)
      f.failedTurns++
      // A conversation whose last turn failed did not end on an answer.
      f.lastAction = 'failed'
      return
    }
    case 'handoff.requested': {
      if (!e.conversationId) return
      const f = facts(e.conversationId)
      if (f.handoffAt === null) f.handoffAt = t
      // The handoff event's reason is authoritative when the turn did not carry one.
      f.handoffReason ??= str(d.reason)
      return
    }
    case 'ticket.created': {
      if (e.conversationId) facts(e.conversationId).tickets++
      if (inWindow) {
        out.tickets.created++
        bump(out.tickets.byQueue, str(d.queue) ?? 'unknown')
        bump(out.tickets.byPriority, str(d.priority) ?? 'unknown')
        if (e.conversationId) out.tickets.fromConversations++
      }
      return
    }
    case 'return.requested': {
      if (e.conversationId) facts(e.conversationId).returns++
      if (inWindow) {
        out.returns.requested++
        bump(out.returns.byKind, str(d.kind) ?? 'unknown')
      }
      return
    }
    case CSAT_RATED_EVENT: {
      if (!e.conversationId) return
      const s = d.score
      // Events come in time order: the last valid rating is the one that counts.
      if (typeof s === 'number' && Number.isInteger(s) && s >= 1 && s <= 5) facts(e.conversationId).rating = s
      return
    }
    case 'recommendation.shown':
    case 'alert.subscribed': {
      if (!e.conversationId) return
      const f = facts(e.conversationId)
      for (const sku of touchedSkus(e)) if (!f.touches.has(sku)) f.touches.set(sku, t)
      return
    }
    default: {
      const n = inWindow ? sentNotice(e, t) : null
      if (n) notices.push(n)
      return
    }
  }
}
