/**
 * Service metrics of one shop over a reporting window: volume, CSAT, containment, handoff,
 * resolution, fallback, intents, bot latency, agent first response, tickets, returns and
 * consult-to-order conversion, plus a daily series. Definitions: docs/analytics.md.
 *
 * Conversations are a cohort: those whose `conversation.started` falls in `[from, to)`. Their
 * outcome is judged on their events up to the horizon `min(now, to + settleHours)`, so a report
 * of a past window is final `settleHours` after it ends. Events are streamed in pages of 5,000
 * and folded into small per-conversation facts; raw events are never all in memory.
 */
import type { DomainEvent } from '../domain/records.js'
import type { Store } from '../ports/store.js'
import { type AnalyticsWindow, dayKey, daysOf, formatTzOffset } from './analytics-window.js'
import { CSAT_RATED_EVENT } from './rate-conversation.js'
import { EVENT_PAGE_SIZE, streamEvents } from './stream-events.js'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** Default days after a conversation's start in which an order counts as converted. */
export const DEFAULT_CONVERSION_DAYS = 7
/** Default hours after the window's end during which its conversations' outcomes still count. */
export const DEFAULT_SETTLE_HOURS = 24

/** Bot actions after which a contained conversation counts as resolved. */
const RESOLVING_ACTIONS = new Set(['answer', 'execute'])
/** Parallel store reads for per-conversation look-ups (messages, conversation, orders). */
const LOOKUP_CONCURRENCY = 16

export type ComputeMetricsOptions = AnalyticsWindow & {
  shopId: string
  now: Date
  conversionDays?: number
  settleHours?: number
  /** Rows per store query for events and conversations (default 5,000). */
  pageSize?: number
  /** Called after each page of events with the running count (CLI progress). */
  onProgress?: (eventsRead: number) => void
}

export type LatencyStats = { count: number; averageMs: number | null; p50Ms: number | null; p90Ms: number | null }

export type MetricsSummary = {
  shopId: string
  window: {
    from: string
    to: string
    tz: string
    /** Events up to this instant were considered (min(now, to + settleHours)). */
    horizon: string
    settleHours: number
  }
  generatedAt: string
  /** Events read to build this report. */
  eventsScanned: number
  conversations: {
    /** Conversations started in the window. */
    started: number
    /** …with at least one customer message. */
    engaged: number
    byChannel: Record<string, number>
  }
  turns: {
    /** Customer messages in engaged conversations (bot-handled and agent-handled). */
    customer: number
    /** Customer turns the bot processed (`turn.completed`). */
    bot: number
    /** Customer turns whose pipeline failed (`turn.failed`): the message is stored, no bot reply. */
    failed: number
  }
  csat: {
    count: number
    average: number | null
    distribution: Record<'1' | '2' | '3' | '4' | '5', number>
    /** Share of ratings that are 4 or 5. */
    satisfiedRate: number | null
    /** Ratings per engaged conversation. */
    responseRate: number | null
  }
  containment: { contained: number; rate: number | null }
  handoff: { count: number; rate: number | null; reasons: Record<string, number> }
  resolution: {
    resolved: number
    rate: number | null
    /** Of `resolved`: contained and ended on an answer/execute turn. */
    byBot: number
    /** Of `resolved`: a ticket or a return request was created. */
    byTicketOrReturn: number
  }
  fallback: { turns: number; rate: number | null; conversations: number }
  intents: Array<{ intent: string; count: number; share: number }>
  botLatency: LatencyStats
  agentFirstResponse: LatencyStats & {
    /** Handed-off conversations. */
    handoffs: number
    /** …without any agent message before the horizon. */
    unanswered: number
  }
  tickets: {
    /** `ticket.created` events in the window (any source, by event time). */
    created: number
    byQueue: Record<string, number>
    byPriority: Record<string, number>
    /** Of `created`: opened from a conversation (the rest came through the admin API). */
    fromConversations: number
  }
  returns: { requested: number; byKind: Record<string, number> }
  conversion: {
    windowDays: number
    /** Conversations whose customer is known (signed in, or verified during the chat). */
    identified: number
    /** …whose customer placed an order within `windowDays` after the conversation started. */
    converted: number
    rate: number | null
    /** Identified conversations whose `windowDays` have not all passed yet (may still convert). */
    pending: number
  }
}

export type DailyMetrics = {
  /** Calendar day in the report's time zone. */
  date: string
  conversations: number
  engaged: number
  contained: number
  containmentRate: number | null
  handoffs: number
  csatCount: number
  csatAverage: number | null
}

export type MetricsReport = { summary: MetricsSummary; daily: DailyMetrics[] }

/** What the event stream tells about one conversation; small and fixed-size apart from turns. */
type ConversationFacts = {
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
}

function newFacts(): ConversationFacts {
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
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** Rounds a share to 4 decimals; null when nothing to divide by. */
function rate(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 10_000) / 10_000
}

function round2(v: number): number {
  return Math.round(v * 100) / 100
}

/** Nearest-rank percentile of an ascending array: the smallest value with ≥ p of the data at or below it. */
export function percentile(sortedAsc: number[], p: number): number | null {
  if (sortedAsc.length === 0) return null
  const i = Math.min(sortedAsc.length - 1, Math.max(0, Math.ceil(p * sortedAsc.length) - 1))
  return sortedAsc[i]!
}

function latencyStats(values: number[]): LatencyStats {
  if (values.length === 0) return { count: 0, averageMs: null, p50Ms: null, p90Ms: null }
  const sorted = Float64Array.from(values).sort()
  const arr = Array.from(sorted)
  let sum = 0
  for (const v of arr) sum += v
  return {
    count: arr.length,
    averageMs: Math.round(sum / arr.length),
    p50Ms: Math.round(percentile(arr, 0.5)!),
    p90Ms: Math.round(percentile(arr, 0.9)!),
  }
}

function bump(m: Record<string, number>, k: string, by = 1): void {
  m[k] = (m[k] ?? 0) + by
}

/** Folds one event into the per-conversation facts and the window-level counters. */
function foldEvent(
  e: DomainEvent,
  t: number,
  facts: (id: string) => ConversationFacts,
  w: { fromMs: number; toMs: number },
  out: MetricsSummary,
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
    default:
      return
  }
}

async function inBatches<T>(items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += LOOKUP_CONCURRENCY) {
    await Promise.all(items.slice(i, i + LOOKUP_CONCURRENCY).map(fn))
  }
}

/** Customer-message count and first agent reply after `handoffAt`, both before `horizonMs`. */
async function scanMessages(
  store: Store,
  shopId: string,
  conversationId: string,
  handoffAt: number,
  horizonMs: number,
): Promise<{ customer: number; firstAgentAt: number | null }> {
  let customer = 0
  let firstAgentAt: number | null = null
  let afterSeq = 0
  for (;;) {
    const page = await store.messages.list(shopId, conversationId, { afterSeq, limit: 500 })
    for (const m of page) {
      const t = Date.parse(m.createdAt)
      if (t >= horizonMs) return { customer, firstAgentAt }
      if (m.role === 'customer') customer++
      else if (m.role === 'agent' && firstAgentAt === null && t >= handoffAt) firstAgentAt = t
      afterSeq = m.seq
    }
    if (page.length < 500) return { customer, firstAgentAt }
  }
}

/** Conversations read per page when resolving customers identified mid-chat. */
const CONVERSATION_PAGE_SIZE = 5000

/**
 * Fills in `customerId` of conversations that started anonymous. Reads the shop's conversations
 * newest-updated first (every cohort conversation was updated at or after `fromMs`) while that
 * stays cheap, then fetches whatever is left one by one: a conversation updated meanwhile can
 * move between pages, and an old window would otherwise list every newer conversation.
 */
async function resolveCustomers(
  store: Store,
  shopId: string,
  fromMs: number,
  pending: Map<string, ConversationFacts>,
  pageSize: number,
): Promise<void> {
  const budget = pending.size * 3
  let read = 0
  while (pending.size > 0 && read < budget) {
    const page = await store.conversations.list(shopId, { limit: pageSize, offset: read })
    read += page.length
    for (const c of page) {
      const f = pending.get(c.id)
      if (!f) continue
      if (c.customerId) f.customerId = c.customerId
      pending.delete(c.id)
    }
    const last = page.at(-1)
    if (page.length < pageSize || !last || Date.parse(last.updatedAt) < fromMs) break
  }
  await inBatches([...pending], async ([id, f]) => {
    const c = await store.conversations.get(shopId, id)
    if (c?.customerId) f.customerId = c.customerId
  })
}

function emptySummary(o: ComputeMetricsOptions, horizon: number, settleHours: number, conversionDays: number) {
  const summary: MetricsSummary = {
    shopId: o.shopId,
    window: {
      from: o.from.toISOString(),
      to: o.to.toISOString(),
      tz: formatTzOffset(o.tzOffsetMinutes),
      horizon: new Date(horizon).toISOString(),
      settleHours,
    },
    generatedAt: o.now.toISOString(),
    eventsScanned: 0,
    conversations: { started: 0, engaged: 0, byChannel: {} },
    turns: { customer: 0, bot: 0, failed: 0 },
    csat: {
      count: 0,
      average: null,
      distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      satisfiedRate: null,
      responseRate: null,
    },
    containment: { contained: 0, rate: null },
    handoff: { count: 0, rate: null, reasons: {} },
    resolution: { resolved: 0, rate: null, byBot: 0, byTicketOrReturn: 0 },
    fallback: { turns: 0, rate: null, conversations: 0 },
    intents: [],
    botLatency: { count: 0, averageMs: null, p50Ms: null, p90Ms: null },
    agentFirstResponse: { handoffs: 0, unanswered: 0, count: 0, averageMs: null, p50Ms: null, p90Ms: null },
    tickets: { created: 0, byQueue: {}, byPriority: {}, fromConversations: 0 },
    returns: { requested: 0, byKind: {} },
    conversion: { windowDays: conversionDays, identified: 0, converted: 0, rate: null, pending: 0 },
  }
  return summary
}

/**
 * Computes the summary and the daily series of one shop over `[from, to)`.
 * Reads events page by page (5,000 per query), then looks up messages only for handed-off
 * conversations, conversations only for ones that started anonymous, and orders only for
 * identified customers.
 *
 * @example
 * const w = resolveAnalyticsWindow({ from: '2026-06-01', to: '2026-06-08' }, clock.now())
 * const { summary, daily } = await computeMetrics(store, { shopId: 'demo', ...w, now: clock.now() })
 */
export async function computeMetrics(store: Store, o: ComputeMetricsOptions): Promise<MetricsReport> {
  const settleHours = o.settleHours ?? DEFAULT_SETTLE_HOURS
  const conversionDays = o.conversionDays ?? DEFAULT_CONVERSION_DAYS
  const fromMs = o.from.getTime()
  const toMs = o.to.getTime()
  const nowMs = o.now.getTime()
  const horizonMs = Math.max(fromMs, Math.min(nowMs, toMs + settleHours * HOUR_MS))
  const out = emptySummary(o, horizonMs, settleHours, conversionDays)

  // 1. One pass over the events: fold into per-conversation facts.
  const byConversation = new Map<string, ConversationFacts>()
  const facts = (id: string): ConversationFacts => {
    let f = byConversation.get(id)
    if (!f) {
      f = newFacts()
      byConversation.set(id, f)
    }
    return f
  }
  const w = { fromMs, toMs }
  if (horizonMs > fromMs) {
    for await (const e of streamEvents(store, o.shopId, o.from, new Date(horizonMs), {
      pageSize: o.pageSize ?? EVENT_PAGE_SIZE,
      ...(o.onProgress ? { onPage: (rows: number) => o.onProgress?.(out.eventsScanned + rows) } : {}),
    })) {
      out.eventsScanned++
      foldEvent(e, Date.parse(e.createdAt), facts, w, out)
    }
  }

  // 2. The cohort: conversations started in the window. Conversations started earlier that were
  // active in the window belong to an earlier report.
  const cohort: Array<[string, ConversationFacts & { startedAt: number }]> = []
  for (const [id, f] of byConversation) {
    if (f.startedAt !== null && f.startedAt >= fromMs && f.startedAt < toMs) {
      cohort.push([id, f as ConversationFacts & { startedAt: number }])
    }
  }
  byConversation.clear()

  // 3. Handed-off conversations: customer messages (the bot stays silent once an agent owns the
  // conversation, so turn events undercount) and the first agent reply.
  const agentWaits: number[] = []
  const customerMessages = new Map<string, number>()
  await inBatches(
    cohort.filter(([, f]) => f.handoffAt !== null),
    async ([id, f]) => {
      const m = await scanMessages(store, o.shopId, id, f.handoffAt!, horizonMs)
      customerMessages.set(id, m.customer)
      if (m.firstAgentAt !== null) agentWaits.push(m.firstAgentAt - f.handoffAt!)
      else out.agentFirstResponse.unanswered++
    },
  )

  // 4. Customers identified during the chat are only on the conversation record.
  await resolveCustomers(
    store,
    o.shopId,
    fromMs,
    new Map(cohort.filter(([, f]) => f.customerId === null)),
    o.pageSize ?? CONVERSATION_PAGE_SIZE,
  )

  // 5. Orders of identified customers, for consult-to-order conversion.
  const customers = [...new Set(cohort.map(([, f]) => f.customerId).filter((c): c is string => c !== null))]
  const orderTimes = new Map<string, number[]>()
  await inBatches(customers, async (customerId) => {
    const orders = await store.orders.listByCustomer(o.shopId, customerId)
    orderTimes.set(
      customerId,
      orders.map((x) => Date.parse(x.createdAt)).filter((t) => Number.isFinite(t)),
    )
  })

  // 6. Aggregate the cohort.
  const days = daysOf(o)
  const daily = new Map<string, DailyMetrics & { csatSum: number }>(
    days.map((date) => [
      date,
      {
        date,
        conversations: 0,
        engaged: 0,
        contained: 0,
        containmentRate: null,
        handoffs: 0,
        csatCount: 0,
        csatAverage: null,
        csatSum: 0,
      },
    ]),
  )
  const intents: Record<string, number> = {}
  const latencies: number[] = []
  const conversionMs = conversionDays * DAY_MS
  let csatSum = 0
  let satisfied = 0

  for (const [id, f] of cohort) {
    const day = daily.get(dayKey(f.startedAt, o.tzOffsetMinutes))!
    out.conversations.started++
    day.conversations++
    bump(out.conversations.byChannel, f.channel)

    const handedOff = f.handoffAt !== null
    const handled = f.botTurns + f.failedTurns
    const customerTurns = handedOff ? Math.max(customerMessages.get(id) ?? 0, handled) : handled
    const engaged = customerTurns > 0
    out.turns.bot += f.botTurns
    out.turns.failed += f.failedTurns
    out.turns.customer += customerTurns
    out.fallback.turns += f.fallbackTurns
    if (f.fallbackTurns > 0) out.fallback.conversations++
    for (const i of f.intents) bump(intents, i)
    for (const l of f.latencies) latencies.push(l)

    if (engaged) {
      out.conversations.engaged++
      day.engaged++
      if (handedOff) {
        out.handoff.count++
        day.handoffs++
        bump(out.handoff.reasons, f.handoffReason ?? 'unknown')
      } else {
        out.containment.contained++
        day.contained++
      }
      const byBot = !handedOff && f.lastAction !== null && RESOLVING_ACTIONS.has(f.lastAction)
      const byTicket = f.tickets > 0 || f.returns > 0
      if (byBot || byTicket) out.resolution.resolved++
      if (byBot) out.resolution.byBot++
      if (byTicket) out.resolution.byTicketOrReturn++
    }

    if (f.rating !== null) {
      out.csat.count++
      out.csat.distribution[String(f.rating) as '1']++
      csatSum += f.rating
      if (f.rating >= 4) satisfied++
      day.csatCount++
      day.csatSum += f.rating
    }

    if (f.customerId !== null) {
      out.conversion.identified++
      const end = f.startedAt + conversionMs
      const times = orderTimes.get(f.customerId) ?? []
      if (times.some((t) => t >= f.startedAt && t < end)) out.conversion.converted++
      else if (end > nowMs) out.conversion.pending++
    }
  }

  const engaged = out.conversations.engaged
  out.containment.rate = rate(out.containment.contained, engaged)
  out.handoff.rate = rate(out.handoff.count, engaged)
  out.resolution.rate = rate(out.resolution.resolved, engaged)
  out.fallback.rate = rate(out.fallback.turns, out.turns.bot)
  out.csat.average = out.csat.count === 0 ? null : round2(csatSum / out.csat.count)
  out.csat.satisfiedRate = rate(satisfied, out.csat.count)
  out.csat.responseRate = rate(out.csat.count, engaged)
  out.conversion.rate = rate(out.conversion.converted, out.conversion.identified)
  out.intents = Object.entries(intents)
    .map(([intent, count]) => ({ intent, count, share: rate(count, out.turns.bot) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.intent.localeCompare(b.intent))
  out.botLatency = latencyStats(latencies)
  out.agentFirstResponse = {
    handoffs: out.handoff.count,
    unanswered: out.agentFirstResponse.unanswered,
    ...latencyStats(agentWaits),
  }

  return {
    summary: out,
    daily: days.map((d) => {
      const { csatSum: sum, ...p } = daily.get(d)!
      return {
        ...p,
        containmentRate: rate(p.contained, p.engaged),
        csatAverage: p.csatCount === 0 ? null : round2(sum / p.csatCount),
      }
    }),
  }
}
