/**
 * Invoice facts computed from the order the question is about: why the invoice amount differs from an item's
 * price (the order's lines, the shipping or the discount that makes up what was paid — the invoice is for
 * what was paid), and when the electronic invoice is issued (`shop.settings.invoice.issueAfterDeliveryHours`
 * after delivery; a shop that does not set it gets the FAQ answer alone).
 */
import type { Order } from '../domain/schemas.js'
import type { SkillContext } from './skill-types.js'
import { money, say, shopTimeZone, when } from './text.js'

/** Hours after delivery within which the shop issues the electronic invoice, or null when it does not say. */
export function invoiceIssueHours(sc: SkillContext): number | null {
  const inv = sc.ctx.shop.settings?.invoice
  if (!inv || typeof inv !== 'object' || Array.isArray(inv)) return null
  const h = (inv as Record<string, unknown>).issueAfterDeliveryHours
  return typeof h === 'number' && h > 0 ? h : null
}

/** "油壶不是39吗 发票上怎么是47": the items, and the shipping or discount between them and what was paid. */
export function amountBreakdown(sc: SkillContext, order: Order): string | null {
  if (!sc.cues.payment.amountGap) return null
  const L = sc.locale
  const c = order.currency
  const items = order.items.reduce((sum, i) => sum + i.price * i.qty, 0)
  const gap = Math.round((order.total - items) * 100) / 100
  const lines = order.items
    .map((i) => `${i.title ?? i.sku} ${money(i.price, c)} ×${i.qty}`)
    .join(L === 'zh' ? '、' : ', ')
  if (gap === 0)
    return say(
      L,
      `订单 ${order.orderNo} 的商品 ${lines}，合计 ${money(items, c)}，就是实付金额，发票按实付金额开具。`,
      `Order ${order.orderNo}: ${lines}, ${money(items, c)} in all, which is what was paid; the invoice is for that amount.`,
    )
  return gap > 0
    ? say(
        L,
        `订单 ${order.orderNo} 的商品 ${lines}，合计 ${money(items, c)}；另付运费 ${money(gap, c)}，实付 ${money(order.total, c)}。发票按实付金额（含运费）开具，所以是 ${money(order.total, c)}。`,
        `Order ${order.orderNo}: ${lines}, ${money(items, c)} for the items, plus ${money(gap, c)} shipping: ${money(order.total, c)} paid. The invoice is for what was paid, shipping included, so it shows ${money(order.total, c)}.`,
      )
    : say(
        L,
        `订单 ${order.orderNo} 的商品 ${lines}，合计 ${money(items, c)}；优惠抵扣 ${money(-gap, c)}，实付 ${money(order.total, c)}。发票按实付金额开具，优惠部分不计入。`,
        `Order ${order.orderNo}: ${lines}, ${money(items, c)} for the items, less ${money(-gap, c)} of discounts: ${money(order.total, c)} paid. The invoice is for what was paid; discounts are not invoiced.`,
      )
}

/** "when can I get the invoice?": issued within the shop's hours after delivery — by when, for this order. */
export function invoiceTiming(sc: SkillContext, order: Order): string | null {
  const hours = invoiceIssueHours(sc)
  if (!sc.cues.invoice.asksWhen || hours === null) return null
  const L = sc.locale
  const tz = shopTimeZone(sc.ctx.shop)
  if (order.status === 'pending_payment' || order.status === 'cancelled' || order.status === 'refunded')
    return say(
      L,
      `订单 ${order.orderNo} 目前${order.status === 'pending_payment' ? '还未付款' : '已取消或已退款'}，不会开具发票。`,
      `Order ${order.orderNo} is ${order.status === 'pending_payment' ? 'not paid yet' : 'cancelled or refunded'}, so no invoice is issued for it.`,
    )
  if (order.deliveredAt) {
    const by = new Date(new Date(order.deliveredAt).getTime() + hours * 3_600_000)
    const past = by.getTime() <= sc.ctx.now.getTime()
    return say(
      L,
      `订单 ${order.orderNo} 于 ${when(order.deliveredAt, tz)} 签收，电子发票在签收后 ${hours} 小时内开具${past ? `，${when(by.toISOString(), tz)} 前已经开好，可在订单详情下载。` : `，最晚 ${when(by.toISOString(), tz)} 开好。`}`,
      `Order ${order.orderNo} was delivered on ${when(order.deliveredAt, tz)}; the electronic invoice is issued within ${hours} hours of delivery${past ? `, so it has been ready since ${when(by.toISOString(), tz)}: download it from the order details.` : `, by ${when(by.toISOString(), tz)} at the latest.`}`,
    )
  }
  const eta = order.shipment?.eta
  return say(
    L,
    `订单 ${order.orderNo} 还没有签收${eta ? `（预计 ${when(eta, tz)} 前送达）` : ''}；电子发票在签收后 ${hours} 小时内开具，签收前暂不开票。`,
    `Order ${order.orderNo} hasn't been delivered yet${eta ? ` (expected by ${when(eta, tz)})` : ''}; the electronic invoice is issued within ${hours} hours of delivery, not before.`,
  )
}
