/**
 * Service metrics of one shop over a reporting window: volume, CSAT, containment, handoff,
 * resolution, fallback, intents, bot latency, agent first response, tickets, returns,
 * consult-to-order conversion, attributed revenue and notice conversion, plus a daily series
 * (by channel and by bot vs agent). Definitions: docs/analytics.md.
 *
 * Conversations are a cohort: those whose `conversation.started` falls in `[from, to)`. Their
 * outcome is judged on their events up to the horizon `min(now, to + settleHours)`, so a report
 * of a past window is final `settleHours` after it ends. Events are streamed in pages of 5,000
 * and folded into small per-conversation facts; raw events are never all in memory.
 */
import type { Order } from '../domain/schemas.js'
import type { Store } from '../ports/store.js'
import { dayIn, daysOf } from './analytics-window.js'
import {
  type AttributionConversation,
  attributeRevenue,
  convertNotices,
  type Handler,
  type SentNotice,
} from './attribution.js'
import { type ConversationFacts, foldEvent, newFacts } from './fold-event.js'
import { inBatches, resolveCustomers, scanMessages } from './metric-lookups.js'
import {
  bump,
  type ComputeMetricsOptions,
  type DailyMetrics,
  DEFAULT_CONVERSION_DAYS,
  DEFAULT_SETTLE_HOURS,
  emptyHandler,
  emptySummary,
  type HandlerStats,
  latencyStats,
  type MetricsReport,
  rate,
  round2,
} from './metrics-summary.js'
import { EVENT_PAGE_SIZE, streamEvents } from './stream-events.js'

export type {
  ComputeMetricsOptions,
  DailyMetrics,
  HandlerStats,
  LatencyStats,
  MetricsReport,
  MetricsSummary,
} from './metrics-summary.js'
export { DEFAULT_CONVERSION_DAYS, DEFAULT_SETTLE_HOURS, percentile } from './metrics-summary.js'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** Bot actions after which a contained conversation counts as resolved. */
const RESOLVING_ACTIONS = new Set(['answer', 'execute'])
/** Conversations read per page when resolving customers identified mid-chat. */
const CONVERSATION_PAGE_SIZE = 5000

type Stats = HandlerStats & { csatSum: number }
const stats = (): Stats => ({ ...emptyHandler(), csatSum: 0 })
const addTo = (s: Stats, rating: number | null) => {
  s.conversations++
  if (rating !== null) {
    s.csatCount++
    s.csatSum += rating
  }
}
const done = ({ csatSum, ...s }: Stats): HandlerStats => ({
  ...s,
  csatAverage: s.csatCount === 0 ? null : round2(csatSum / s.csatCount),
})

type Day = Omit<DailyMetrics, Handler> & { csatSum: number } & Record<Handler, Stats>

/**
 * Computes the summary and the daily series of one shop over `[from, to)`.
 * Reads events page by page (5,000 per query), then looks up messages only for handed-off
 * conversations and for identified conversations followed by an order, conversations only for
 * ones that started anonymous, and orders only for identified and notified customers.
 *
 * @example
 * const w = resolveAnalyticsWindow({ from: '2026-06-01', to: '2026-06-08' }, clock.now(), 'Asia/Shanghai')
 * const { summary, daily } = await computeMetrics(store, { shopId: 'demo', ...w, now: clock.now() })
 */
export async function computeMetrics(store: Store, o: ComputeMetricsOptions): Promise<MetricsReport> {
  const settleHours = o.settleHours ?? DEFAULT_SETTLE_HOURS
  const conversionDays = o.conversionDays ?? DEFAULT_CONVERSION_DAYS
  const attributionDays = o.attributionDays ?? conversionDays
  const currency = o.currency ?? 'CNY'
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
  const notices: SentNotice[] = []
  const w = { fromMs, toMs }
  if (horizonMs > fromMs) {
    for await (const e of streamEvents(store, o.shopId, o.from, new Date(horizonMs), {
      pageSize: o.pageSize ?? EVENT_PAGE_SIZE,
      ...(o.onProgress ? { onPage: (rows: number) => o.onProgress?.(out.eventsScanned + rows) } : {}),
    })) {
      out.eventsScanned++
      foldEvent(e, Date.parse(e.createdAt), facts, w, out, notices)
    }
  }

  // 2. The cohort: conversations started in the window (of the chosen channel). Conversations
  // started earlier that were active in the window belong to an earlier report.
  const cohort: Array<[string, ConversationFacts & { startedAt: number }]> = []
  const channels = new Set<string>()
  for (const [id, f] of byConversation) {
    if (f.startedAt !== null && f.startedAt >= fromMs && f.startedAt < toMs) {
      channels.add(f.channel)
      if (o.channel && f.channel !== o.channel) continue
      cohort.push([id, f as ConversationFacts & { startedAt: number }])
    }
  }
  out.channels = [...channels].sort()
  byConversation.clear()

  // 3. Handed-off conversations: customer messages (the bot stays silent once an agent owns the
  // conversation, so turn events undercount) and the first agent reply.
  const agentWaits: number[] = []
  const customerMessages = new Map<string, number>()
  const answered = new Set<string>()
  await inBatches(
    cohort.filter(([, f]) => f.handoffAt !== null),
    async ([id, f]) => {
      const m = await scanMessages(store, o.shopId, id, f.handoffAt!, horizonMs)
      customerMessages.set(id, m.customer)
      if (m.firstAgentAt !== null) {
        agentWaits.push(m.firstAgentAt - f.handoffAt!)
        answered.add(id)
      } else out.agentFirstResponse.unanswered++
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

  // 5. Orders of identified customers: conversion, attribution and notices.
  const customers = [...new Set(cohort.map(([, f]) => f.customerId).filter((c): c is string => c !== null))]
  const orders = new Map<string, Order[]>()
  await inBatches(customers, async (customerId) => {
    orders.set(customerId, await store.orders.listByCustomer(o.shopId, customerId))
  })

  // 6. Aggregate the cohort.
  const days = daysOf(o)
  const daily = new Map<string, Day>(
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
        byChannel: {},
        intents: {},
        bot: stats(),
        agent: stats(),
        unanswered: stats(),
        attributedRevenue: 0,
      },
    ]),
  )
  const handled: Record<Handler, Stats> = { bot: stats(), agent: stats(), unanswered: stats() }
  const intents: Record<string, number> = {}
  const latencies: number[] = []
  const conversionMs = conversionDays * DAY_MS
  const forAttribution: AttributionConversation[] = []
  const dayOf = new Map<string, Day>()
  let csatSum = 0
  let satisfied = 0

  for (const [id, f] of cohort) {
    const day = daily.get(dayIn(f.startedAt, o))!
    dayOf.set(id, day)
    out.conversations.started++
    day.conversations++
    bump(day.byChannel, f.channel)
    bump(out.conversations.byChannel, f.channel)

    const handedOff = f.handoffAt !== null
    const handler: Handler = !handedOff ? 'bot' : answered.has(id) ? 'agent' : 'unanswered'
    const turnsHandled = f.botTurns + f.failedTurns
    const customerTurns = handedOff ? Math.max(customerMessages.get(id) ?? 0, turnsHandled) : turnsHandled
    const engaged = customerTurns > 0
    out.turns.bot += f.botTurns
    out.turns.failed += f.failedTurns
    out.turns.customer += customerTurns
    out.fallback.turns += f.fallbackTurns
    if (f.fallbackTurns > 0) out.fallback.conversations++
    for (const i of f.intents) {
      bump(intents, i)
      bump(day.intents, i)
    }
    for (const l of f.latencies) latencies.push(l)

    if (engaged) {
      out.conversations.engaged++
      day.engaged++
      addTo(day[handler], f.rating)
      addTo(handled[handler], f.rating)
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
      const times = (orders.get(f.customerId) ?? []).map((x) => Date.parse(x.createdAt))
      if (times.some((t) => t >= f.startedAt && t < end)) out.conversion.converted++
      else if (end > nowMs) out.conversion.pending++
      forAttribution.push({
        id,
        startedAt: f.startedAt,
        customerId: f.customerId,
        channel: f.channel,
        handler,
        touches: f.touches,
      })
    }
  }

  // 7. Attributed revenue and notice conversion (docs/analytics.md).
  const attributed = await attributeRevenue(store, {
    shopId: o.shopId,
    conversations: forAttribution,
    orders,
    windowDays: attributionDays,
    currency,
    nowMs,
    concurrency: inBatches,
  })
  out.attribution = attributed.summary
  for (const [id, amount] of attributed.byConversation) {
    const day = dayOf.get(id)
    if (day) day.attributedRevenue = round2(day.attributedRevenue + amount)
  }
  out.notices = await convertNotices(store, {
    shopId: o.shopId,
    notices,
    orders,
    windowDays: attributionDays,
    currency,
    nowMs,
  })

  const engaged = out.conversations.engaged
  out.handledBy = { bot: done(handled.bot), agent: done(handled.agent), unanswered: done(handled.unanswered) }
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
      const { csatSum: sum, bot, agent, unanswered, ...p } = daily.get(d)!
      return {
        ...p,
        containmentRate: rate(p.contained, p.engaged),
        csatAverage: p.csatCount === 0 ? null : round2(sum / p.csatCount),
        bot: done(bot),
        agent: done(agent),
        unanswered: done(unanswered),
      }
    }),
  }
}
