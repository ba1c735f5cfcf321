/**
 * Return questions the shop's rules answer without an order: where returned items go ("退货寄到哪里呀",
 * `shop.settings.returns.returnAddress`), and a visitor's "can I return sneakers if I wore them outside
 * once?" (a no-reason return needs the item unused). Nothing about an order is shown, so a visitor is not
 * asked to verify first; someone who wants to start a return is told what to send.
 */
import { knowledgeSkill } from './knowledge-answer.js'
import { knownCustomerId } from './order-item-mention.js'
import { returnRules } from './shop-rules.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'

/**
 * "那我22号签收的 最晚哪天能申请": the no-reason window's last day from the delivery date the customer
 * states (the window runs the shop's number of days after delivery), with no order looked up. Null
 * when the message states no date or does not ask about the window, or an order is in the conversation.
 */
export function statedDeliveryWindow(sc: SkillContext): SkillResult | null {
  const date = sc.extracted.date
  if (!sc.returnFacts.asksWindow || !date || sc.extracted.order || typeof sc.state.slots.order === 'string') return null
  const rules = returnRules(sc.ctx.shop)
  const last = new Date(Date.parse(`${date}T00:00:00Z`) + rules.noReasonDays * 86_400_000).toISOString().slice(0, 10)
  const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`
  const text = say(
    sc.locale,
    `${md(date)}签收的话，${rules.noReasonDays} 天无理由退货从签收次日算起，最晚 ${md(last)}（${last}）当天申请即可；商品需未使用、包装完好。质量问题签收 ${rules.qualityIssueDays} 天内都可以申请。`,
    `Delivered on ${date}: the ${rules.noReasonDays}-day no-reason window counts from the day after delivery, so the last day to request the return is ${last}, with the item unused and complete. A quality problem can be reported within ${rules.qualityIssueDays} days of delivery.`,
  )
  sc.state.awaiting = null
  return done(sc, [{ text }], 'answer', 'return_window_from_stated_date')
}

/** The rules answer, or null when the question needs the customer's order. */
export async function returnRulesAnswer(sc: SkillContext): Promise<SkillResult | null> {
  const facts = sc.returnFacts
  const { state } = sc
  if (state.awaiting || sc.extracted.order) return null
  const stated = statedDeliveryWindow(sc)
  if (stated) return stated
  const L = sc.locale
  const rules = returnRules(sc.ctx.shop)
  const visitor = !knownCustomerId(sc)
  const start = visitor
    ? say(
        L,
        '要为您的订单申请退货，请发我订单号和下单手机号后 4 位。',
        'To start a return on your order, send me the order number and the last 4 digits of its phone number.',
      )
    : ''
  if (facts.asksAddress && !facts.asksStatus) {
    if (!rules.returnAddress) return knowledgeSkill(sc)
    const text = say(
      L,
      `退货请寄到：${rules.returnAddress}。请先在订单里申请售后，审核通过后寄回，包裹里写上退货单号；请不要用到付。${rules.customerPaysShipping ? `无理由退货的运费由您承担，质量问题的运费由我们承担。` : ''}`,
      `Returns go to: ${rules.returnAddress}. Request the return on the order first, then send it once approved, with the return number inside; please don't send it cash-on-delivery.${rules.customerPaysShipping ? ' Postage for a no-reason return is yours; for a quality problem we pay it.' : ''}`,
    )
    return done(sc, [{ text: [text, start].filter(Boolean).join('\n') }], 'answer', 'return_address')
  }
  // "can i return sneakers if i wore them outside once": the rule for used items, asked in general.
  if (
    visitor &&
    facts.used &&
    sc.cues.asksGenerally &&
    rules.noReasonNeedsUnused &&
    typeof state.slots.order !== 'string'
  ) {
    const text = say(
      L,
      `${rules.noReasonDays} 天无理由退货需要商品未使用、保持完好（吊牌、包装、配件齐全）；已经穿过、用过的商品不能无理由退货。如果是质量问题，签收 ${rules.qualityIssueDays} 天内仍可退换。`,
      `A ${rules.noReasonDays}-day no-reason return needs the item unused and in its original condition (tags, packaging and accessories included), so something already worn or used can't be returned without a fault. A quality problem can still be returned or exchanged within ${rules.qualityIssueDays} days of delivery.`,
    )
    return done(sc, [{ text: [text, start].filter(Boolean).join('\n') }], 'answer', 'return_rule_used_item')
  }
  return null
}
