/**
 * Invoice and payment questions are answered from the shop's knowledge (policy), but a question that
 * names something the customer ordered ("笔记本那单能开发票吗", "面霜那单还没付 多久会被取消") is about
 * that order: the order is put in the `order` slot and named at the top of the answer, with its status.
 */
import type { Order } from '../domain/schemas.js'
import { amountBreakdown, invoiceTiming } from './invoice-figures.js'
import { invoiceRequestSkill, isInvoiceRequest } from './invoice-request.js'
import { knowledgeSkill } from './knowledge-answer.js'
import { titledOrders } from './order-item-titles.js'
import { paymentFigures } from './payment-figures.js'
import { mentionedCategory } from './product-mention.js'
import { knownCustomerId, mentionedItem, orderOfMentionedItem, statusLabel } from './resolve-order.js'
import type { SkillContext, SkillResult } from './skill-types.js'
import { money, say } from './text.js'

/** The invoice / payment skill: the named order line first, then the policy answer. */
export async function invoicePaymentSkill(sc: SkillContext): Promise<SkillResult> {
  if (isInvoiceRequest(sc)) return invoiceRequestSkill(sc)
  // An invoice or payment question is about a live order: a refunded or cancelled one of the same kind
  // ("电脑那单" with a laptop bought and refunded before) is not meant while another fits.
  const found =
    (await orderOfMentionedItem(
      sc,
      (o) => o.status !== 'refunded' && o.status !== 'refunding' && o.status !== 'cancelled',
    )) ?? (await orderOfNamedAmount(sc))
  // Figures asked about the order named now, else the one the conversation is about ("一期多少", "最晚几点付").
  const inContext = found ? null : await orderInContext(sc)
  // "两个四件套的单子 积分最多抵多少": the figure of each order holding the item named.
  const several = found || inContext ? [] : await liveOrdersOfItem(sc)
  const figures =
    several.length > 1
      ? (await Promise.all(several.map((o) => paymentFigures(sc, o)))).flat()
      : await paymentFigures(sc, found ?? inContext)
  const about = found ?? inContext
  // Invoice facts of the order asked about: the amount's breakdown, when the invoice is issued.
  if (about) for (const line of [amountBreakdown(sc, about), invoiceTiming(sc, about)]) if (line) figures.push(line)
  const computed = figures.length > 0 ? `${figures.join('\n')}\n` : ''
  if (!found) {
    // A payment question on the order the conversation is about ("那剩下的还能用花呗付吗"): that order
    // settles the topic, so a plausible leading FAQ entry answers.
    if (!computed && inContext) return knowledgeSkill(sc, '', { kinds: ['faq'], topicKnown: true })
    if (!computed) return knowledgeSkill(sc)
    const r = await knowledgeSkill(sc, computed, { kinds: ['faq'], topicKnown: true })
    // The figure is the answer even when no FAQ entry adds to it.
    return r.reason === 'complaint_acknowledged' ? { ...r, reason: 'payment_figures_computed' } : r
  }
  const o = (await titledOrders(sc, [found]))[0]!
  const first = o.items[0]
  const title = first?.title ?? first?.sku ?? ''
  const more = o.items.length > 1 ? say(sc.locale, ` 等${o.items.length}件`, ` +${o.items.length - 1} more`) : ''
  const head = say(
    sc.locale,
    `订单 ${o.orderNo}（${title}${more}，${money(o.total, o.currency)}）：${statusLabel(o.status, sc.locale)}。\n`,
    `Order ${o.orderNo} (${title}${more}, ${money(o.total, o.currency)}): ${statusLabel(o.status, sc.locale)}.\n`,
  )
  // The product named only picks the order: the question itself is one of policy (the FAQ).
  // Asked without the product's words, so they do not pull the FAQ match towards product entries.
  const said = [
    ...sc.ctx.nlu.entities.filter((e) => e.type === 'product').map((e) => e.text),
    (await mentionedCategory(sc))?.word ?? '',
  ].filter((w) => w.length > 0)
  // The order the question names settles its topic: a leading FAQ entry answers even when the
  // classifier was unsure ("砧板那单忘开发票了 还能补吗" → the 90-day late-invoice rule).
  return knowledgeSkill(sc, head + computed, {
    kinds: ['faq'],
    text: sc.understanding.read.queryWithout(said),
    topicKnown: true,
  })
}

/** The customer's own order in the `order` slot (named earlier in the conversation), or null. */
async function orderInContext(sc: SkillContext): Promise<Order | null> {
  const no = sc.extracted.order ?? sc.state.slots.order
  const custId = knownCustomerId(sc)
  if (typeof no !== 'string' || !custId) return null
  const o = await sc.ctx.store.orders.get(sc.ctx.shop.id, no)
  return o && o.customerId === custId ? o : null
}

/** The customer's live orders holding the item the message names, newest first (for per-order figures). */
async function liveOrdersOfItem(sc: SkillContext): Promise<Order[]> {
  const custId = knownCustomerId(sc)
  if (!custId || !sc.cues.payment.points) return []
  const item = await mentionedItem(sc)
  if (!item) return []
  const mine = await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId)
  return mine
    .filter((o) => o.status !== 'cancelled' && o.status !== 'refunded' && o.items.some(item.matches))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 3)
}

/** "my card shows 198 taken twice": the customer's one order whose total is an amount the message names. */
async function orderOfNamedAmount(sc: SkillContext): Promise<Order | null> {
  const custId = knownCustomerId(sc)
  const amounts = sc.cues.payment.amounts
  if (!custId || amounts.length === 0 || sc.extracted.order) return null
  const mine = await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId)
  const hits = mine.filter((o) => amounts.some((a) => Math.abs(o.total - a) < 0.01))
  if (hits.length !== 1) return null
  sc.state.slots.order = hits[0]!.orderNo
  return hits[0]!
}
