/**
 * Which skill queue a handed-off conversation goes to. First match wins:
 * an angry customer or a complaint → `complaints`; a VIP / platinum customer (tier rank ≥ 3, the
 * shop's own tier names mapped by `settings.customers.tierRanks`) → `vip`; the shop's
 * own intent → queue map; pre-sales intents (products, prices, stock, sizes, recommendations) →
 * `pre-sales`; orders, logistics, returns, faults, invoices → `after-sales`; else the default queue.
 * A rule only applies when the shop has that queue.
 */
import type { RoutingSettings } from './routing-settings.js'

export const GENERAL_QUEUE = 'general'

const PRE_SALES = new Set(['product_inquiry', 'price_promotion', 'stock_availability', 'size_advice', 'recommendation'])
const AFTER_SALES = new Set([
  'order_status',
  'logistics',
  'modify_order',
  'cancel_order',
  'return_refund',
  'after_sales_fault',
  'invoice_payment',
])

export type HandoffFacts = {
  /** The handoff reason code (`emotion_above_threshold`, `customer_requested_human`, `repeated_failure`). */
  reason: string | null
  /** The conversation's topic: the active intent, else the last meaningful customer intent. */
  intent: string | null
  /** The highest emotion score of the customer's messages (0-1). */
  peakEmotion: number
  /** The customer's tier rank (src/core/domain/normalise/customer-tier.ts): 3 = platinum and up. */
  tierRank: number
}

export function chooseQueue(f: HandoffFacts, settings: RoutingSettings, angryAt = 0.7): string {
  const queues = settings.queues ?? []
  const has = (id: string) => queues.some((q) => q.id === id)
  const fallback =
    settings.defaultQueue && has(settings.defaultQueue) ? settings.defaultQueue : (queues[0]?.id ?? GENERAL_QUEUE)
  if (queues.length === 0) return GENERAL_QUEUE
  const angry = f.reason === 'emotion_above_threshold' || f.intent === 'complaint' || f.peakEmotion >= angryAt
  if (angry && has('complaints')) return 'complaints'
  if (f.tierRank >= 3 && has('vip')) return 'vip'
  const mapped = f.intent ? settings.intentQueues?.[f.intent] : undefined
  if (mapped && has(mapped)) return mapped
  if (f.intent && PRE_SALES.has(f.intent) && has('pre-sales')) return 'pre-sales'
  if (f.intent && AFTER_SALES.has(f.intent) && has('after-sales')) return 'after-sales'
  return fallback
}
