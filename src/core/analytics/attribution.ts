/**
 * Revenue attributed to conversations and proactive-notice-to-order conversion, from stored orders,
 * events and messages only. Definitions: docs/analytics.md ("Attributed revenue", "Notice conversion").
 *
 * - A conversation **touches** a product when the bot showed it (`recommendation.shown`, a product
 *   card in a bot or agent message) or the customer subscribed to its price (`alert.subscribed`).
 * - An order line is **attributed** to the latest-started cohort conversation of the same customer
 *   that touched its SKU before the order was placed, when the order was placed within `windowDays`
 *   of that conversation's start and is not cancelled or refunded. Each line counts once.
 * - A notice (`alert.sent`, `notice.sent`) **converts** when its customer places such an order of
 *   the notice's product (the alert's SKU; the delayed order's SKUs) within `windowDays` after it.
 */
import type { DomainEvent } from '../domain/records.js'
import type { Order } from '../domain/schemas.js'
import type { Store } from '../ports/store.js'
import { NOTICE_SENT } from '../proactive/delayed-parcels.js'
import { ALERT_SENT } from '../proactive/price-alerts.js'

const DAY_MS = 86_400_000

/** Order statuses that are no revenue: the money did not stay with the shop. */
const NOT_REVENUE = new Set(['cancelled', 'refunding', 'refunded'])

/** Who handled a conversation: never handed off / an agent replied after the handoff / handed off, no reply yet. */
export type Handler = 'bot' | 'agent' | 'unanswered'

export type AttributionSummary = {
  windowDays: number
  /** The shop's currency; only orders in it are summed. */
  currency: string
  /** Sum of attributed order lines (price × qty), 2 decimals. */
  revenue: number
  /** Orders with at least one attributed line. */
  orders: number
  lines: number
  /** Cohort conversations credited with at least one line. */
  conversations: number
  byHandler: Record<Handler, number>
  byChannel: Record<string, number>
  /** Orders that would have been attributed but are in another currency (not summed). */
  otherCurrencyOrders: number
}

export type NoticeKind = 'price_drop' | 'delayed_parcel'

export type NoticeConversion = {
  windowDays: number
  currency: string
  /** Notices sent in the window (by event time, shop-wide). */
  sent: number
  /** …followed by an order of the notice's product within `windowDays`. */
  converted: number
  rate: number | null
  /** Not converted yet and `windowDays` not all passed. */
  pending: number
  /** Order lines of the notices' products in those orders (shop currency, each line once). */
  revenue: number
  byKind: Record<NoticeKind, { sent: number; converted: number }>
}

/** A notice event of the window, as the event fold records it. */
export type SentNotice = {
  kind: NoticeKind
  at: number
  customerId: string | null
  conversationId: string | null
  sku: string | null
  orderNo: string | null
}

/** A cohort conversation as attribution needs it. */
export type AttributionConversation = {
  id: string
  startedAt: number
  customerId: string | null
  channel: string
  handler: Handler
  /** SKU → first time the conversation touched it (from events; message cards are added here). */
  touches: Map<string, number>
}

const round2 = (v: number) => Math.round(v * 100) / 100

/** Reads a notice event; null for any other event. */
export function sentNotice(e: DomainEvent, t: number): SentNotice | null {
  if (e.type !== ALERT_SENT && e.type !== NOTICE_SENT) return null
  const d = e.data ?? {}
  const s = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)
  return {
    kind: e.type === ALERT_SENT ? 'price_drop' : 'delayed_parcel',
    at: t,
    customerId: s(d.customerId),
    conversationId: e.conversationId ?? s(d.conversationId),
    sku: s(d.sku),
    orderNo: s(d.orderNo),
  }
}

/** The SKUs an event says a conversation touched (`recommendation.shown`, `alert.subscribed`). */
export function touchedSkus(e: DomainEvent): string[] {
  const d = e.data ?? {}
  if (e.type === 'recommendation.shown' && Array.isArray(d.skus))
    return d.skus.filter((x): x is string => typeof x === 'string')
  if (e.type === 'alert.subscribed' && typeof d.sku === 'string') return [d.sku]
  return []
}

/** Adds the product cards of a conversation's bot and agent messages (up to `untilMs`) to its touches. */
async function addCardTouches(store: Store, shopId: string, c: AttributionConversation, untilMs: number) {
  let afterSeq = 0
  for (;;) {
    const page = await store.messages.list(shopId, c.id, { afterSeq, limit: 500 })
    for (const m of page) {
      afterSeq = m.seq
      const t = Date.parse(m.createdAt)
      if (t >= untilMs) return
      if (m.role !== 'bot' && m.role !== 'agent') continue
      const card = m.meta?.card as { type?: unknown; data?: { sku?: unknown } } | undefined
      const sku = card?.type === 'product' && typeof card.data?.sku === 'string' ? card.data.sku : null
      if (sku && t < (c.touches.get(sku) ?? Number.POSITIVE_INFINITY)) c.touches.set(sku, t)
    }
    if (page.length < 500) return
  }
}

const revenueOrder = (o: Order, t: number) => Number.isFinite(t) && !NOT_REVENUE.has(o.status)

/**
 * Attributed revenue of the cohort. `orders` holds every identified customer's orders. Returns the
 * summary and each credited conversation's revenue (for the daily series).
 */
export async function attributeRevenue(
  store: Store,
  o: {
    shopId: string
    conversations: AttributionConversation[]
    orders: Map<string, Order[]>
    windowDays: number
    currency: string
    nowMs: number
    concurrency: (items: AttributionConversation[], fn: (c: AttributionConversation) => Promise<void>) => Promise<void>
  },
): Promise<{ summary: AttributionSummary; byConversation: Map<string, number> }> {
  const span = o.windowDays * DAY_MS
  const summary: AttributionSummary = {
    windowDays: o.windowDays,
    currency: o.currency,
    revenue: 0,
    orders: 0,
    lines: 0,
    conversations: 0,
    byHandler: { bot: 0, agent: 0, unanswered: 0 },
    byChannel: {},
    otherCurrencyOrders: 0,
  }
  const byConversation = new Map<string, number>()
  // Only conversations whose customer ordered within their window can be credited: read their cards.
  const candidates = o.conversations.filter(
    (c) =>
      c.customerId !== null &&
      (o.orders.get(c.customerId) ?? []).some((x) => {
        const t = Date.parse(x.createdAt)
        return revenueOrder(x, t) && t >= c.startedAt && t < c.startedAt + span
      }),
  )
  await o.concurrency(candidates, (c) => addCardTouches(store, o.shopId, c, o.nowMs))

  // Each order line goes to the latest-started conversation that touched its SKU before the order.
  const credit = new Map<string, { c: AttributionConversation; order: Order; amount: number }>()
  for (const c of candidates) {
    for (const order of o.orders.get(c.customerId!) ?? []) {
      const t = Date.parse(order.createdAt)
      if (!revenueOrder(order, t) || t < c.startedAt || t >= c.startedAt + span) continue
      order.items.forEach((line, i) => {
        const touched = c.touches.get(line.sku)
        if (touched === undefined || touched >= t) return
        const key = `${order.orderNo}#${i}`
        const prev = credit.get(key)
        if (prev && (prev.c.startedAt > c.startedAt || (prev.c.startedAt === c.startedAt && prev.c.id > c.id))) return
        credit.set(key, { c, order, amount: line.price * line.qty })
      })
    }
  }
  const ordersIn = new Set<string>()
  const ordersOther = new Set<string>()
  for (const { c, order, amount } of credit.values()) {
    if (order.currency !== o.currency) {
      ordersOther.add(order.orderNo)
      continue
    }
    ordersIn.add(order.orderNo)
    summary.lines++
    summary.revenue += amount
    summary.byHandler[c.handler] += amount
    summary.byChannel[c.channel] = (summary.byChannel[c.channel] ?? 0) + amount
    byConversation.set(c.id, (byConversation.get(c.id) ?? 0) + amount)
  }
  summary.orders = ordersIn.size
  summary.otherCurrencyOrders = [...ordersOther].filter((n) => !ordersIn.has(n)).length
  summary.conversations = byConversation.size
  summary.revenue = round2(summary.revenue)
  for (const k of Object.keys(summary.byHandler) as Handler[]) summary.byHandler[k] = round2(summary.byHandler[k])
  for (const k of Object.keys(summary.byChannel)) summary.byChannel[k] = round2(summary.byChannel[k]!)
  for (const [k, v] of byConversation) byConversation.set(k, round2(v))
  return { summary, byConversation }
}

/**
 * Notice-to-order conversion of the notices sent in the window. `orders` is a cache of customers'
 * orders (filled here for customers not in it yet).
 */
export async function convertNotices(
  store: Store,
  o: {
    shopId: string
    notices: SentNotice[]
    orders: Map<string, Order[]>
    windowDays: number
    currency: string
    nowMs: number
  },
): Promise<NoticeConversion> {
  const span = o.windowDays * DAY_MS
  const out: NoticeConversion = {
    windowDays: o.windowDays,
    currency: o.currency,
    sent: 0,
    converted: 0,
    rate: null,
    pending: 0,
    revenue: 0,
    byKind: { price_drop: { sent: 0, converted: 0 }, delayed_parcel: { sent: 0, converted: 0 } },
  }
  const counted = new Set<string>()
  for (const n of o.notices) {
    out.sent++
    out.byKind[n.kind].sent++
    let customerId = n.customerId
    if (!customerId && n.conversationId)
      customerId = (await store.conversations.get(o.shopId, n.conversationId))?.customerId ?? null
    let skus: string[] = n.sku ? [n.sku] : []
    if (n.kind === 'delayed_parcel' && n.orderNo)
      skus = ((await store.orders.get(o.shopId, n.orderNo))?.items ?? []).map((i) => i.sku)
    let converted = false
    if (customerId && skus.length > 0) {
      if (!o.orders.has(customerId)) o.orders.set(customerId, await store.orders.listByCustomer(o.shopId, customerId))
      for (const order of o.orders.get(customerId)!) {
        const t = Date.parse(order.createdAt)
        if (!revenueOrder(order, t) || t < n.at || t >= n.at + span) continue
        order.items.forEach((line, i) => {
          if (!skus.includes(line.sku)) return
          converted = true
          const key = `${order.orderNo}#${i}`
          if (order.currency === o.currency && !counted.has(key)) {
            counted.add(key)
            out.revenue += line.price * line.qty
          }
        })
      }
    }
    if (converted) {
      out.converted++
      out.byKind[n.kind].converted++
    } else if (n.at + span > o.nowMs) out.pending++
  }
  out.revenue = round2(out.revenue)
  out.rate = out.sent === 0 ? null : Math.round((out.converted / out.sent) * 10_000) / 10_000
  return out
}
