/**
 * "list what I bought this month and how much I spent", "这个月买了哪些 一共花了多少": the customer's
 * orders placed in the period asked (this month, last month, this year, else the latest ones) with what
 * each cost, and the total actually spent — unpaid, cancelled and refunded orders are listed but not counted.
 */
import type { Order } from '../domain/schemas.js'
import { knownCustomerId } from './order-item-mention.js'
import { titledOrders } from './order-item-titles.js'
import { statusLabel } from './resolve-order.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { day, money, say, shopTimeZone } from './text.js'

const NOT_SPENT: Order['status'][] = ['pending_payment', 'cancelled', 'refunded']

/** The summary, or null when the visitor is unknown (the order flow verifies first). */
export async function purchaseSummary(sc: SkillContext): Promise<SkillResult | null> {
  const q = sc.cues.purchases
  const custId = knownCustomerId(sc)
  if (!q || !custId) return null
  const L = sc.locale
  const tz = shopTimeZone(sc.ctx.shop)
  const today = day(sc.ctx.now.toISOString(), tz)
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))]
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
  const prefix =
    q.period === 'this_month'
      ? today.slice(0, 7)
      : q.period === 'last_month'
        ? lastMonth
        : q.period === 'this_year'
          ? today.slice(0, 4)
          : ''
  const mine = await titledOrders(sc, await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId))
  mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const inPeriod = (prefix ? mine.filter((o) => day(o.createdAt, tz).startsWith(prefix)) : mine).slice(0, 10)
  const period =
    q.period === 'this_month'
      ? say(L, '本月', 'this month')
      : q.period === 'last_month'
        ? say(L, '上个月', 'last month')
        : q.period === 'this_year'
          ? say(L, '今年', 'this year')
          : say(L, '最近', 'recently')
  if (inPeriod.length === 0)
    return done(
      sc,
      [{ text: say(L, `您${period}没有下过订单。`, `You haven't placed any orders ${period}.`) }],
      'answer',
      'purchases_none',
    )
  const lines = inPeriod.map((o, i) => {
    const items = o.items.map((it) => `${it.title ?? it.sku} ×${it.qty}`).join(say(L, '、', ', '))
    const head = `${i + 1}. ${o.orderNo} · ${day(o.createdAt, tz)} · ${items} · ${money(o.total, o.currency)} · ${statusLabel(o.status, L)}`
    return NOT_SPENT.includes(o.status) ? `${head}${say(L, '（不计入）', ' (not counted)')}` : head
  })
  const spent = inPeriod.filter((o) => !NOT_SPENT.includes(o.status))
  const total = Math.round(spent.reduce((sum, o) => sum + o.total, 0) * 100) / 100
  const currency = spent[0]?.currency ?? inPeriod[0]!.currency
  const text = say(
    L,
    `您${period}的订单：\n${lines.join('\n')}\n合计实付 ${money(total, currency)}（${spent.length} 个订单；未付款、已取消和已退款的订单不计入）。`,
    `Your orders ${period}:\n${lines.join('\n')}\nIn total you spent ${money(total, currency)} (${spent.length} order${spent.length === 1 ? '' : 's'}; unpaid, cancelled and refunded orders are not counted).`,
  )
  sc.state.candidates = { kind: 'order', ids: inPeriod.slice(0, 5).map((o) => o.orderNo) }
  return done(sc, [{ text }], 'answer', 'purchases_summary')
}
