import type { Locale } from '../domain/schemas.js'
import type { Store } from '../ports/store.js'
import { detectLocale } from '../text/detect-locale.js'
import { normalizeText } from '../text/normalize-text.js'
import type { Tokenizer } from '../text/tokenizer.js'
import type { KnowledgeBase } from './types.js'

export const UNANSWERED_EVENT = 'knowledge.unanswered'

/** Why a question counts as unanswered. */
export type UnansweredReason = 'none' | 'clarify' | 'handoff'

export type UnansweredQuestion = {
  shopId: string
  text: string
  locale?: Locale
  reason: UnansweredReason
  conversationId?: string | null
}

/**
 * The event in the shape of `TurnOutcome.events`, for the dialogue manager: the
 * conversation service stores it with the conversation id, and mining reads it.
 *
 * @example outcome.events = [unansweredEvent(ctx.text, ctx.locale, 'none')]
 */
export function unansweredEvent(
  text: string,
  locale: Locale,
  reason: UnansweredReason,
): { type: typeof UNANSWERED_EVENT; data: { text: string; locale: Locale; reason: UnansweredReason } } {
  return { type: UNANSWERED_EVENT, data: { text: text.trim().slice(0, 1000), locale, reason } }
}

/**
 * Records a question the bot could not answer (knowledge said `none`, the
 * customer ignored a clarification, or the conversation went to a human) as a
 * `knowledge.unanswered` event, the raw material of FAQ candidates.
 */
export async function recordUnanswered(
  store: Pick<Store, 'events'>,
  q: UnansweredQuestion,
  opts: { now: Date; newId: (prefix: string) => string },
): Promise<void> {
  const text = q.text.trim().slice(0, 1000)
  if (!text) return
  const id = opts.newId('evt')
  await store.events.append({
    id,
    shopId: q.shopId,
    type: UNANSWERED_EVENT,
    conversationId: q.conversationId ?? null,
    data: { text, locale: q.locale ?? detectLocale(text), reason: q.reason },
    createdAt: opts.now.toISOString(),
  })
}

/** A group of similar unanswered questions: a draft FAQ waiting for an answer. */
export type FaqCandidate = {
  /** Stable for the same representative question, so an admin UI can track it. */
  id: string
  question: string
  locale: Locale
  count: number
  /** Other phrasings seen (most frequent first), ready to become `similar`. */
  similar: string[]
  reasons: Record<UnansweredReason, number>
  firstSeenAt: string
  lastSeenAt: string
  /** Set when the knowledge base now answers the representative question (already covered). */
  answeredBy: string | null
}

export type MineOptions = {
  tokenizer: Tokenizer
  /** When given, candidates the knowledge base now answers are marked (`answeredBy`). */
  knowledge?: KnowledgeBase
  since?: string
  /** Token Jaccard similarity to join a group (default 0.4). */
  similarity?: number
  minCount?: number
  limit?: number
  /** How many events to read at most (newest first), default 5000. */
  maxEvents?: number
}

/**
 * Groups unanswered questions by similarity (greedy clustering on token
 * Jaccard, most frequent phrasing first) and returns draft FAQ candidates,
 * biggest groups first.
 */
export async function mineFaqCandidates(
  store: Pick<Store, 'events'>,
  shopId: string,
  opts: MineOptions,
): Promise<FaqCandidate[]> {
  const events = await store.events.list(shopId, {
    type: UNANSWERED_EVENT,
    limit: opts.maxEvents ?? 5000,
    ...(opts.since ? { since: opts.since } : {}),
  })
  // Identical questions (after normalisation) first collapse into one phrasing with a count.
  type Phrase = {
    text: string
    locale: Locale
    count: number
    terms: Set<string>
    reasons: Record<UnansweredReason, number>
    first: string
    last: string
  }
  const phrases = new Map<string, Phrase>()
  for (const e of events) {
    const text = typeof e.data.text === 'string' ? e.data.text : ''
    if (!text) continue
    const key = normalizeText(text).replace(/[\s?？!！。.,，~]+/g, '')
    if (!key) continue
    const locale: Locale = e.data.locale === 'en' || e.data.locale === 'zh' ? e.data.locale : detectLocale(text)
    const reason: UnansweredReason = e.data.reason === 'clarify' || e.data.reason === 'handoff' ? e.data.reason : 'none'
    let p = phrases.get(key)
    if (!p) {
      p = {
        text,
        locale,
        count: 0,
        terms: new Set(opts.tokenizer.terms(text)),
        reasons: { none: 0, clarify: 0, handoff: 0 },
        first: e.createdAt,
        last: e.createdAt,
      }
      phrases.set(key, p)
    }
    p.count++
    p.reasons[reason]++
    if (e.createdAt < p.first) p.first = e.createdAt
    if (e.createdAt > p.last) p.last = e.createdAt
  }
  const threshold = opts.similarity ?? 0.4
  const sorted = [...phrases.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
  const clusters: Array<{ head: Phrase; members: Phrase[] }> = []
  for (const p of sorted) {
    let home: (typeof clusters)[number] | undefined
    let best = threshold
    for (const c of clusters) {
      if (c.head.locale !== p.locale) continue
      const s = jaccard(c.head.terms, p.terms)
      if (s >= best) {
        best = s
        home = c
      }
    }
    if (home) home.members.push(p)
    else clusters.push({ head: p, members: [p] })
  }
  const out: FaqCandidate[] = []
  for (const c of clusters) {
    const count = c.members.reduce((n, m) => n + m.count, 0)
    if (count < (opts.minCount ?? 1)) continue
    const reasons = { none: 0, clarify: 0, handoff: 0 }
    for (const m of c.members) for (const r of Object.keys(reasons) as UnansweredReason[]) reasons[r] += m.reasons[r]
    let answeredBy: string | null = null
    if (opts.knowledge) {
      const a = await opts.knowledge.answer(c.head.text, { locale: c.head.locale })
      if (a.status === 'answer') answeredBy = `${a.hit.kind}:${a.hit.id}`
    }
    out.push({
      id: `cand_${hash(normalizeText(c.head.text))}`,
      question: c.head.text,
      locale: c.head.locale,
      count,
      similar: c.members.slice(1, 11).map((m) => m.text),
      reasons,
      firstSeenAt: c.members.map((m) => m.first).sort()[0]!,
      lastSeenAt: c.members
        .map((m) => m.last)
        .sort()
        .at(-1)!,
      answeredBy,
    })
  }
  out.sort((a, b) => b.count - a.count || (a.lastSeenAt < b.lastSeenAt ? 1 : -1))
  return out.slice(0, opts.limit ?? 50)
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let inter = 0
  for (const t of a) if (b.has(t)) inter++
  return inter / (a.size + b.size - inter)
}

/** FNV-1a, hex: a short stable id, not a security hash. */
function hash(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}
