/**
 * The shop's after-sales policy as the fault flow tells it: replacement inside the quality-problem
 * window, warranty repair after it, and the shop's own repair process (its FAQ) for how long a repair
 * takes. Facts come from the shop's settings, the product and the FAQ; nothing here is invented.
 */
import type { Order, Product } from '../domain/schemas.js'
import { returnRules } from './shop-rules.js'
import type { SkillContext } from './skill-types.js'
import { day, say, shopTimeZone } from './text.js'

/** Calendar days from `iso` to now on the shop's clock ("签收 16 天": 11-10 → 11-26). */
export function calendarDaysSince(sc: SkillContext, iso: string): number {
  const tz = shopTimeZone(sc.ctx.shop)
  const from = Date.parse(`${day(iso, tz)}T00:00:00Z`)
  const to = Date.parse(`${day(sc.ctx.now.toISOString(), tz)}T00:00:00Z`)
  return Math.round((to - from) / 86_400_000)
}

/** The product's warranty in months (catalog attribute), else the shop's usual 12. */
export function warrantyMonths(p: Product | null): number {
  return Number((p?.attributes as Record<string, unknown> | undefined)?.warrantyMonths) || 12
}

/**
 * The shop's FAQ answer on how a repair works and how long it takes, when the knowledge base has one
 * (a warranty-category entry that fits the question clearly).
 */
export async function repairProcessAnswer(sc: SkillContext): Promise<string | null> {
  const L = sc.locale
  const hits = await sc.ctx.knowledge.search(
    say(L, '数码产品怎么送修 维修要多久', 'how do I send a device for repair and how long does it take'),
    { locale: L, kinds: ['faq'], limit: 3 },
  )
  const hit = hits.find((h) => h.score >= 0.3 && h.data?.category === 'warranty')
  return hit ? hit.answer : null
}

/**
 * "能直接换新吗" after the replacement window: replacement is no longer possible, a warranty repair is,
 * with the shop's repair process. Null when the window is still open or the dates are unknown.
 */
export async function pastReplacementLine(
  sc: SkillContext,
  c: { deliveredDaysAgo: number | null; inWarranty: boolean | null },
): Promise<string | null> {
  const L = sc.locale
  const days = returnRules(sc.ctx.shop).qualityIssueDays
  if (c.deliveredDaysAgo === null || c.deliveredDaysAgo <= days) return null
  const process = c.inWarranty === false ? null : await repairProcessAnswer(sc)
  const head = say(
    L,
    `商品签收已 ${c.deliveredDaysAgo} 天，超过了 ${days} 天的质量问题换新期，所以不能直接换新${c.inWarranty === false ? '。' : '，保修期内为您安排免费维修。'}`,
    `It was delivered ${c.deliveredDaysAgo} days ago, past the ${days}-day window for replacing a faulty item, so a straight replacement isn't possible${c.inWarranty === false ? '.' : '; under the warranty we repair it for free.'}`,
  )
  return process ? `${head}${say(L, '', ' ')}${process}` : head
}

/**
 * "If it turns out faulty, a new one or a repair?", "换新还是寄修", "寄修要多久": the policy for the
 * customer's device. Delivered: replacement while the quality window is open (until which day), else a
 * warranty repair with the shop's repair process; not delivered yet: the rule, counted from delivery.
 */
export async function faultPolicyText(sc: SkillContext, p: Product | null, order: Order | null): Promise<string> {
  const L = sc.locale
  const days = returnRules(sc.ctx.shop).qualityIssueDays
  const months = warrantyMonths(p)
  const tz = shopTimeZone(sc.ctx.shop)
  if (order?.deliveredAt) {
    const delivered = new Date(order.deliveredAt)
    const ago = calendarDaysSince(sc, order.deliveredAt)
    const until = new Date(delivered.getTime() + days * 86_400_000).toISOString()
    const warrantyEnd = new Date(delivered)
    warrantyEnd.setUTCMonth(warrantyEnd.getUTCMonth() + months)
    const inWarranty = warrantyEnd.getTime() >= sc.ctx.now.getTime()
    if (ago > days) return (await pastReplacementLine(sc, { deliveredDaysAgo: ago, inWarranty })) ?? ''
    const process = sc.ctx.nlu.cues?.asksPolicy ? await repairProcessAnswer(sc) : null
    const head = say(
      L,
      `订单 ${order.orderNo} 于 ${day(order.deliveredAt, tz)} 签收，还在 ${days} 天质量问题换新期内（到 ${day(until, tz)}）：确认是性能故障可以直接换新或退货；过了这个时间，在 ${months} 个月保修期内免费维修。`,
      `Order ${order.orderNo} was delivered on ${day(order.deliveredAt, tz)}, so it is still inside the ${days}-day window for faults (until ${day(until, tz)}): a confirmed fault gets you a new unit or a return; after that, it's repaired free under the ${months}-month warranty.`,
    )
    return process ? `${head}${say(L, '', ' ')}${process}` : head
  }
  const about = order ? say(L, `（订单 ${order.orderNo}）`, ` (order ${order.orderNo})`) : ''
  return say(
    L,
    `如果商品${about}签收后出现性能故障：签收 ${days} 天内确认是质量问题，可以直接换新或退货；${days} 天后在 ${months} 个月保修期内免费维修。${days} 天从签收日起算。`,
    `If it turns out faulty${about}: within ${days} days of delivery a confirmed fault gets you a new unit (or a return); after that, it's repaired free of charge under the ${months}-month warranty. The ${days} days count from the delivery date.`,
  )
}
