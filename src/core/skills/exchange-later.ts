/**
 * "can I swap it when it arrives?", "到了以后能换大一码吗": the shop's size / colour exchange rule (its FAQ
 * entry) and, for a known customer, which order holding the item in context it applies to and where that
 * order stands — the exchange starts after delivery, so nothing is opened now.
 */
import type { Order } from '../domain/schemas.js'
import { knowledgeSkill } from './knowledge-answer.js'
import { knownCustomerId, statusLabel } from './resolve-order.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'

const UNDER_WAY: ReadonlySet<Order['status']> = new Set(['pending_payment', 'paid', 'shipped'])

/** The customer's order holding the product in context (the named one, else the one just discussed). */
async function orderOfItemInContext(sc: SkillContext): Promise<Order | null> {
  const sku = sc.extracted.sku ?? sc.state.slots.sku
  const custId = knownCustomerId(sc)
  if (!custId) return null
  const mine = await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId)
  const live = mine.filter((o) => o.status !== 'cancelled')
  if (sc.state.slots.order) {
    const named = live.find((o) => o.orderNo === sc.state.slots.order)
    if (named && (!sku || named.items.some((i) => i.sku === sku))) return named
  }
  // "when it arrives": without an item in context, the customer's one order still on its way.
  const bySku = sku ? live.filter((o) => o.items.some((i) => i.sku === sku)) : []
  const holding = bySku.length > 0 ? bySku : live.filter((o) => UNDER_WAY.has(o.status))
  return holding.length === 1 ? holding[0]! : null
}

export async function exchangeLaterSkill(sc: SkillContext): Promise<SkillResult | null> {
  const L = sc.locale
  const topic = say(L, '衣服鞋子尺码不合适可以换吗', 'Can I exchange clothes or shoes for another size?')
  const rule = await knowledgeSkill(sc, '', { kinds: ['faq'], text: topic, topicKnown: true })
  if (rule.action !== 'answer') return null
  const order = await orderOfItemInContext(sc)
  if (!order) return rule
  sc.state.slots.order = order.orderNo
  const lines = rule.replies.map((r) => r.text)
  if (UNDER_WAY.has(order.status))
    lines.unshift(
      say(
        L,
        `订单 ${order.orderNo} 目前${statusLabel(order.status, L)}，签收后就可以申请换码。`,
        `Order ${order.orderNo} is ${statusLabel(order.status, L).toLowerCase()} now; you can request the exchange once it's delivered.`,
      ),
    )
  return done(sc, [{ text: lines.join('\n') }], 'answer', 'exchange_after_delivery')
}
