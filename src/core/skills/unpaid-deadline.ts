/**
 * "会自己取消吗 还是得我手动", "另外两个啥时候自动取消", "when does it get cancelled if I don't pay": when the
 * customer's unpaid orders are cancelled automatically, computed from when each was placed and the hours
 * the shop holds an unpaid order (`settings.payment.unpaidHoldHours`). The order is the one named (number,
 * total, item), "the other ones" besides the order in context, the order in context, else every unpaid one.
 */
import type { Order } from '../domain/schemas.js'
import { knownCustomerId, mentionedItem } from './order-item-mention.js'
import { titledOrders } from './order-item-titles.js'
import { paymentTerms } from './payment-figures.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { money, say, shopTimeZone, when } from './text.js'

const HOUR = 3_600_000

/** The unpaid orders the question is about, or null when it names an order that is not unpaid. */
async function ordersMeant(sc: SkillContext, mine: Order[]): Promise<Order[] | null> {
  const pending = mine.filter((o) => o.status === 'pending_payment')
  const slot = sc.extracted.order ?? (typeof sc.state.slots.order === 'string' ? sc.state.slots.order : undefined)
  const byNo = (no: string) => mine.find((o) => o.orderNo.toUpperCase() === no.toUpperCase())
  if (sc.extracted.order) {
    const o = byNo(sc.extracted.order)
    return o?.status === 'pending_payment' ? [o] : null
  }
  const said = sc.understanding.read.numbersSaid().filter((n) => n >= 10)
  const byTotal = mine.filter((o) => said.includes(o.total))
  if (byTotal.length === 1) return byTotal[0]!.status === 'pending_payment' ? byTotal : null
  const item = await mentionedItem(sc)
  const holding = item ? pending.filter((o) => o.items.some(item.matches)) : []
  if (holding.length > 0) return holding
  if (sc.cues.meansOthers && slot) return pending.filter((o) => o.orderNo !== byNo(slot)?.orderNo)
  const current = slot ? byNo(slot) : undefined
  if (current?.status === 'pending_payment') return [current]
  return pending
}

/** The deadline answer, or null to let the order status skill answer (no unpaid order meant, no terms). */
export async function unpaidDeadlineAnswer(sc: SkillContext): Promise<SkillResult | null> {
  const hold = paymentTerms(sc.ctx.shop).unpaidHoldHours
  const custId = knownCustomerId(sc)
  if (!hold || !custId) return null
  const mine = await titledOrders(sc, await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId))
  const meant = await ordersMeant(sc, mine)
  if (!meant || meant.length === 0) return null
  meant.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const L = sc.locale
  const tz = shopTimeZone(sc.ctx.shop)
  const lines = meant.map((o) => {
    const until = new Date(new Date(o.createdAt).getTime() + hold * HOUR)
    const at = when(until.toISOString(), tz)
    const first = o.items[0]
    const title = `${first?.title ?? first?.sku ?? ''}${o.items.length > 1 ? say(L, ` 等${o.items.length}件`, ` +${o.items.length - 1} more`) : ''}`
    const head = say(
      L,
      `订单 ${o.orderNo}（${title}，${money(o.total, o.currency)}）`,
      `Order ${o.orderNo} (${title}, ${money(o.total, o.currency)})`,
    )
    return until.getTime() > sc.ctx.now.getTime()
      ? say(
          L,
          `${head}：下单于 ${when(o.createdAt, tz)}，如未付款将在 ${at} 自动取消。`,
          `${head}: placed ${when(o.createdAt, tz)}; if it stays unpaid it is cancelled automatically at ${at}.`,
        )
      : say(
          L,
          `${head}：付款时限（${at}）已过，会自动取消。`,
          `${head}: its payment deadline (${at}) has passed, so it is cancelled automatically.`,
        )
  })
  lines.push(
    say(
      L,
      `未付款的订单保留 ${hold} 小时，到时系统自动取消、释放库存，您无需手动操作；想现在就取消或去付款，告诉我即可。`,
      `Unpaid orders are held for ${hold} hours, then cancelled automatically and the stock released, so there is nothing you need to do; if you'd rather cancel now or pay, just tell me.`,
    ),
  )
  if (meant.length === 1) sc.state.slots.order = meant[0]!.orderNo
  else sc.state.candidates = { kind: 'order', ids: meant.slice(0, 5).map((o) => o.orderNo) }
  return done(sc, [{ text: lines.join('\n') }], 'answer', 'unpaid_order_deadline')
}
