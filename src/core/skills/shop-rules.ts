/**
 * Business rules as data: return policy, ticket queues, SLA. The defaults are neutral (no return
 * address, no category exclusions, no named agents): a new shop inherits nothing of the demo. A shop
 * sets its own in `shop.settings.returns` / `shop.settings.tickets` (see docs/dialogue.md); the demo
 * shop's come from data/demo/shop.json.
 */
import type { Shop, TicketPriority } from '../domain/records.js'

export type NonReturnableRule = {
  /** Category prefix, e.g. `beauty` matches `beauty/lipstick`. */
  category: string
  /** Only when the item was opened / used (cosmetics); otherwise always excluded (underwear). */
  onlyIfOpened?: boolean
  reasonZh: string
  reasonEn: string
}

export type ReturnRules = {
  /** No-reason return window, in days from delivery. */
  noReasonDays: number
  /** Quality problems: longer window, and the category exclusions do not apply. */
  qualityIssueDays: number
  /** Exchanges (same item, other size/colour) window. */
  exchangeDays: number
  nonReturnable: NonReturnableRule[]
  /** Who pays return shipping for a no-reason return. Quality issues are always free for the customer. */
  customerPaysShipping: boolean
  /** Where parcels go; null = not configured (an agent sends it, the bot never invents one). */
  returnAddress: string | null
  /** Days until the refund reaches the customer after the warehouse receives the parcel. */
  refundDays: number
  /** A no-reason return needs the item unused (worn out, washed, cooked with, activated: refused). */
  noReasonNeedsUnused: boolean
}

export type QueueConfig = { agents: string[]; category?: string }

export type TicketRules = {
  queues: Record<string, QueueConfig>
  /** Hours until the SLA is breached, by priority. */
  slaHours: Record<TicketPriority, number>
  /** Queue used when a fault names no queue. */
  defaultQueue: string
}

export const DEFAULT_RETURN_RULES: ReturnRules = {
  noReasonDays: 7,
  qualityIssueDays: 15,
  exchangeDays: 15,
  nonReturnable: [],
  customerPaysShipping: true,
  returnAddress: null,
  refundDays: 3,
  noReasonNeedsUnused: true,
}

export const DEFAULT_TICKET_RULES: TicketRules = {
  // Queues by ticket category, with no named agents: tickets wait unassigned in their queue until an
  // agent takes them (or the shop names its agents in settings.tickets.queues).
  queues: {
    after_sales: { agents: [], category: 'after_sales' },
    repair: { agents: [], category: 'repair' },
    technical: { agents: [], category: 'technical' },
    logistics: { agents: [], category: 'logistics' },
    billing: { agents: [], category: 'billing' },
  },
  slaHours: { urgent: 4, high: 8, normal: 24, low: 72 },
  defaultQueue: 'after_sales',
}

function obj(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
}

/** Return rules for a shop: `shop.settings.returns` merged key by key over the defaults. */
export function returnRules(shop: Shop | null): ReturnRules {
  const s = obj(shop?.settings?.returns)
  if (!s) return DEFAULT_RETURN_RULES
  const r: ReturnRules = { ...DEFAULT_RETURN_RULES }
  for (const k of ['noReasonDays', 'qualityIssueDays', 'exchangeDays', 'refundDays'] as const) {
    const v = s[k]
    if (typeof v === 'number' && v >= 0) r[k] = v
  }
  if (typeof s.customerPaysShipping === 'boolean') r.customerPaysShipping = s.customerPaysShipping
  if (typeof s.noReasonNeedsUnused === 'boolean') r.noReasonNeedsUnused = s.noReasonNeedsUnused
  if (typeof s.returnAddress === 'string' && s.returnAddress) r.returnAddress = s.returnAddress
  if (Array.isArray(s.nonReturnable)) {
    r.nonReturnable = s.nonReturnable
      .map(obj)
      .filter((x): x is Record<string, unknown> => x !== null && typeof x.category === 'string')
      .map((x) => ({
        category: String(x.category),
        onlyIfOpened: x.onlyIfOpened === true,
        reasonZh: typeof x.reasonZh === 'string' ? x.reasonZh : `该类商品（${x.category}）不支持无理由退换`,
        reasonEn:
          typeof x.reasonEn === 'string' ? x.reasonEn : `items in ${x.category} cannot be returned without a fault`,
      }))
  }
  return r
}

/** Ticket rules for a shop: `shop.settings.tickets` queues/SLA merged over the neutral defaults. */
export function ticketRules(shop: Shop | null): TicketRules {
  const s = obj(shop?.settings?.tickets)
  if (!s) return DEFAULT_TICKET_RULES
  const r: TicketRules = {
    queues: { ...DEFAULT_TICKET_RULES.queues },
    slaHours: { ...DEFAULT_TICKET_RULES.slaHours },
    defaultQueue: typeof s.defaultQueue === 'string' ? s.defaultQueue : DEFAULT_TICKET_RULES.defaultQueue,
  }
  const queues = obj(s.queues)
  if (queues) {
    for (const [name, q] of Object.entries(queues)) {
      const qo = obj(q)
      const agents = Array.isArray(qo?.agents) ? qo.agents.filter((a): a is string => typeof a === 'string') : []
      if (agents.length > 0)
        r.queues[name] = { agents, ...(typeof qo?.category === 'string' ? { category: qo.category } : {}) }
    }
  }
  const sla = obj(s.slaHours)
  if (sla) {
    for (const p of ['urgent', 'high', 'normal', 'low'] as const) {
      const v = sla[p]
      if (typeof v === 'number' && v > 0) r.slaHours[p] = v
    }
  }
  return r
}

export type PromotionRule = {
  nameZh: string
  nameEn: string
  from: string
  until: string
  everyAmount: number
  off: number
  maxOff?: number
}

/** The shop's promotions (`shop.settings.promotions`) running at `now`; none by default. */
export function activePromotions(shop: Shop | null, now: Date): PromotionRule[] {
  const list = shop?.settings?.promotions
  if (!Array.isArray(list)) return []
  const t = now.getTime()
  return list
    .map(obj)
    .filter((x): x is Record<string, unknown> => x !== null)
    .filter((x) => typeof x.everyAmount === 'number' && x.everyAmount > 0 && typeof x.off === 'number')
    .filter((x) => Date.parse(String(x.from)) <= t && t <= Date.parse(String(x.until)))
    .map((x) => ({
      nameZh: String(x.nameZh ?? ''),
      nameEn: String(x.nameEn ?? x.nameZh ?? ''),
      from: String(x.from),
      until: String(x.until),
      everyAmount: Number(x.everyAmount),
      off: Number(x.off),
      ...(typeof x.maxOff === 'number' ? { maxOff: x.maxOff } : {}),
    }))
}

export type CouponRule = { nameZh: string; nameEn: string; minSpend: number; off: number; newCustomersOnly: boolean }

/** The shop's coupons (`shop.settings.coupons`); none by default. */
export function shopCoupons(shop: Shop | null): CouponRule[] {
  const list = shop?.settings?.coupons
  if (!Array.isArray(list)) return []
  return list
    .map(obj)
    .filter((x): x is Record<string, unknown> => x !== null)
    .filter((x) => typeof x.off === 'number' && x.off > 0)
    .map((x) => ({
      nameZh: String(x.nameZh ?? ''),
      nameEn: String(x.nameEn ?? x.nameZh ?? ''),
      minSpend: typeof x.minSpend === 'number' ? x.minSpend : 0,
      off: Number(x.off),
      newCustomersOnly: x.newCustomersOnly === true,
    }))
}

/** What a step promotion takes off a total: `off` per full `everyAmount`, capped at `maxOff`. */
export function promotionDiscount(rule: PromotionRule, total: number): number {
  const d = Math.floor(total / rule.everyAmount + 1e-9) * rule.off
  return rule.maxOff !== undefined ? Math.min(d, rule.maxOff) : d
}
