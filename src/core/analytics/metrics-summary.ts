/**
 * The shape of an analytics report (summary and daily series) and its arithmetic: rates, rounding,
 * nearest-rank percentiles. Definitions: docs/analytics.md.
 */
import { type AnalyticsWindow, zoneLabel } from './analytics-window.js'
import type { AttributionSummary, Handler, NoticeConversion } from './attribution.js'

/** Default days after a conversation's start in which an order counts as converted. */
export const DEFAULT_CONVERSION_DAYS = 7
/** Default hours after the window's end during which its conversations' outcomes still count. */
export const DEFAULT_SETTLE_HOURS = 24

export type ComputeMetricsOptions = AnalyticsWindow & {
  shopId: string
  now: Date
  conversionDays?: number
  /** Days after a conversation (or notice) in which an order is attributed to it (default `conversionDays`). */
  attributionDays?: number
  /** Only conversations of this channel. */
  channel?: string | null
  /** The shop's currency (attributed revenue sums orders in it; default CNY). */
  currency?: string
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
    /** Only conversations of this channel (`channel` filter), or null for all. */
    channel: string | null
  }
  generatedAt: string
  /** Events read to build this report. */
  eventsScanned: number
  /** Every channel with a conversation started in the window (before the channel filter). */
  channels: string[]
  conversations: {
    /** Conversations started in the window. */
    started: number
    /** …with at least one customer message. */
    engaged: number
    byChannel: Record<string, number>
  }
  /** Engaged conversations by who handled them, with their ratings. */
  handledBy: Record<Handler, HandlerStats>
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
  /** Revenue of orders that followed a conversation about the product (attribution.ts). */
  attribution: AttributionSummary
  /** Price-drop alerts and delayed-parcel notices sent in the window, and the orders that followed. */
  notices: NoticeConversion
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
  /** Conversations started this day per channel (adds up to `conversations`). */
  byChannel: Record<string, number>
  /** Turns per intent acted on, in the conversations that started this day (the intent trend). */
  intents: Record<string, number>
  /** Engaged conversations by who handled them, with their ratings. */
  bot: HandlerStats
  agent: HandlerStats
  unanswered: HandlerStats
  /** Attributed revenue of the conversations that started this day. */
  attributedRevenue: number
}

/** Conversations of one kind of handling and their ratings. */
export type HandlerStats = { conversations: number; csatCount: number; csatAverage: number | null }

export type MetricsReport = { summary: MetricsSummary; daily: DailyMetrics[] }

/** Rounds a share to 4 decimals; null when nothing to divide by. */
export function rate(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 10_000) / 10_000
}

export function round2(v: number): number {
  return Math.round(v * 100) / 100
}

/** Nearest-rank percentile of an ascending array: the smallest value with ≥ p of the data at or below it. */
export function percentile(sortedAsc: number[], p: number): number | null {
  if (sortedAsc.length === 0) return null
  const i = Math.min(sortedAsc.length - 1, Math.max(0, Math.ceil(p * sortedAsc.length) - 1))
  return sortedAsc[i]!
}

export function latencyStats(values: number[]): LatencyStats {
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

export function bump(m: Record<string, number>, k: string, by = 1): void {
  m[k] = (m[k] ?? 0) + by
}

export const emptyHandler = (): HandlerStats => ({ conversations: 0, csatCount: 0, csatAverage: null })

/** The summary with every counter at zero. */
export function emptySummary(o: ComputeMetricsOptions, horizon: number, settleHours: number, conversionDays: number) {
  const summary: MetricsSummary = {
    shopId: o.shopId,
    window: {
      from: o.from.toISOString(),
      to: o.to.toISOString(),
      tz: zoneLabel(o),
      horizon: new Date(horizon).toISOString(),
      settleHours,
      channel: o.channel ?? null,
    },
    generatedAt: o.now.toISOString(),
    eventsScanned: 0,
    channels: [],
    conversations: { started: 0, engaged: 0, byChannel: {} },
    handledBy: { bot: emptyHandler(), agent: emptyHandler(), unanswered: emptyHandler() },
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
    attribution: {
      windowDays: conversionDays,
      currency: o.currency ?? 'CNY',
      revenue: 0,
      orders: 0,
      lines: 0,
      conversations: 0,
      byHandler: { bot: 0, agent: 0, unanswered: 0 },
      byChannel: {},
      otherCurrencyOrders: 0,
    },
    notices: {
      windowDays: conversionDays,
      currency: o.currency ?? 'CNY',
      sent: 0,
      converted: 0,
      rate: null,
      pending: 0,
      revenue: 0,
      byKind: { price_drop: { sent: 0, converted: 0 }, delayed_parcel: { sent: 0, converted: 0 } },
    },
    conversion: { windowDays: conversionDays, identified: 0, converted: 0, rate: null, pending: 0 },
  }
  return summary
}
