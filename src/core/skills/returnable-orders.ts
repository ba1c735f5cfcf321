/**
 * "which of my orders can I still send back?", "我哪些单还能退": the customer's delivered orders still inside
 * a return window, from the shop's rules (no-reason window, then the longer one for quality problems), each
 * with the window's last day. Orders not delivered yet or past every window are left out; the reply says
 * so when nothing is left. Needs the customer known (a visitor is asked to verify by the return flow).
 */
import type { Order } from '../domain/schemas.js'
import { knownCustomerId } from './order-item-mention.js'
import { titledOrders } from './order-item-titles.js'
import type { NonReturnableRule } from './shop-rules.js'
import { returnRules } from './shop-rules.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { day, say, shopTimeZone } from './text.js'

const DAY = 86_400_000

function deliveredAt(o: Order): string | undefined {
  if (o.status !== 'delivered' && o.status !== 'completed') return undefined
  return o.deliveredAt ?? o.shipment?.events?.slice(-1)[0]?.time
}

const inCategory = (category: string, rule: NonReturnableRule) =>
  category === rule.category || category.startsWith(`${rule.category}/`)

/**
 * What the shop's non-returnable rules say of an order's lines for a no-reason return: `none` when every
 * line is excluded outright (underwear, customised items), else the lines returnable only unopened.
 */
async function exclusions(
  sc: SkillContext,
  o: Order,
  rules: NonReturnableRule[],
): Promise<{ none: boolean; unopenedOnly: string[] }> {
  if (rules.length === 0) return { none: false, unopenedOnly: [] }
  let excluded = 0
  const unopenedOnly: string[] = []
  for (const item of o.items) {
    const p = await sc.ctx.store.products.get(sc.ctx.shop.id, item.sku)
    const rule = p ? rules.find((r) => inCategory(p.category, r)) : undefined
    if (!rule) continue
    if (rule.onlyIfOpened) unopenedOnly.push(item.title ?? item.sku)
    else excluded++
  }
  return { none: excluded === o.items.length, unopenedOnly }
}

/** The answer listing the orders still returnable, or null when the question is not that one. */
export async function returnableOrdersAnswer(sc: SkillContext): Promise<SkillResult | null> {
  const custId = knownCustomerId(sc)
  if (!sc.returnFacts.asksWhichReturnable || !custId || sc.state.awaiting || sc.extracted.order) return null
  const L = sc.locale
  const rules = returnRules(sc.ctx.shop)
  const tz = shopTimeZone(sc.ctx.shop)
  const today = day(sc.ctx.now.toISOString(), tz)
  const orders = await titledOrders(sc, await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId))
  const lines: string[] = []
  for (const o of orders.sort((a, b) => b.createdAt.localeCompare(a.createdAt))) {
    const at = deliveredAt(o)
    if (!at) continue
    const until = (days: number) => day(new Date(new Date(at).getTime() + days * DAY).toISOString(), tz)
    const title = o.items[0]?.title ?? o.items[0]?.sku ?? ''
    const more = o.items.length > 1 ? say(L, ` 等${o.items.length}件`, ` +${o.items.length - 1} more`) : ''
    const ex = await exclusions(sc, o, rules.nonReturnable)
    const unopened =
      ex.unopenedOnly.length === 0
        ? ''
        : say(L, `；${ex.unopenedOnly.join('、')} 仅限未拆封`, `; ${ex.unopenedOnly.join(', ')} only if unopened`)
    if (until(rules.noReasonDays) >= today && !ex.none)
      lines.push(
        say(
          L,
          `${o.orderNo}（${title}${more}）：${day(at, tz)} 签收，${rules.noReasonDays} 天无理由退货至 ${until(rules.noReasonDays)}（商品需未使用、包装完好${unopened}）`,
          `${o.orderNo} (${title}${more}): delivered ${day(at, tz)}, no-reason return until ${until(rules.noReasonDays)} (item unused and complete${unopened})`,
        ),
      )
    else if (until(rules.qualityIssueDays) >= today)
      lines.push(
        say(
          L,
          `${o.orderNo}（${title}${more}）：${ex.none ? '不支持无理由退货' : '无理由退货期已过'}，质量问题可退换至 ${until(rules.qualityIssueDays)}`,
          `${o.orderNo} (${title}${more}): ${ex.none ? 'not returnable without a reason' : 'the no-reason window has closed'}; a quality problem can be returned until ${until(rules.qualityIssueDays)}`,
        ),
      )
  }
  const text =
    lines.length === 0
      ? say(
          L,
          '您已签收的订单目前都不在退货期内了；还没签收的订单，签收后才开始计算退货期。',
          'None of your delivered orders is still inside a return window; for orders not delivered yet, the window starts on delivery.',
        )
      : say(
          L,
          `目前还能申请退货的订单：\n${lines.map((l) => `· ${l}`).join('\n')}\n要退哪一单，告诉我订单号或商品即可。`,
          `Orders you can still return:\n${lines.map((l) => `· ${l}`).join('\n')}\nTell me the order or the item you'd like to send back.`,
        )
  return done(sc, [{ text }], 'answer', 'returnable_orders')
}
