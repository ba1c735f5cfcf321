/**
 * "Where is my refund?": the return requests and refunds of the order the customer means (named by its
 * item, its number, or every order of a signed-in customer). A paid order that was cancelled is refunded
 * too ("I cancelled it two weeks ago and never got my money back"): said with its timing, and a refund
 * overdue past the shop's refund days gets a billing ticket so a person checks the payment.
 */
import type { ReturnRequest } from '../domain/records.js'
import type { Order } from '../domain/schemas.js'
import { orderStatusSummary, shipmentProblem } from './order-status.js'
import { ordersOfNamedItems } from './orders-of-named-items.js'
import { refundArrival, refundTimingLine } from './refund-timing.js'
import { applyOrderReference, knownCustomerId, orderOfMentionedItem, resolveOrder } from './resolve-order.js'
import { lostParcelRefund } from './return-answers.js'
import { returnRules } from './shop-rules.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { money, say } from './text.js'
import { ticketsOf } from './tickets-of.js'

export const RR_STATUS: Record<ReturnRequest['status'], [string, string]> = {
  requested: ['已提交，等待审核', 'submitted, awaiting review'],
  approved: ['已同意，请寄回商品', 'approved, please send the item back'],
  rejected: ['未通过', 'rejected'],
  received: ['仓库已收货，退款处理中', 'received by the warehouse, refund in progress'],
  refunded: ['已退款', 'refunded'],
}

export function daysBetween(fromIso: string, to: Date): number {
  return Math.floor((to.getTime() - new Date(fromIso).getTime()) / 86_400_000)
}

/** An order whose money goes back: refunding, refunded, or cancelled after it was paid. */
const carriesRefund = (o: Order) =>
  o.status === 'refunding' || o.status === 'refunded' || (o.status === 'cancelled' && Boolean(o.paidAt))

/** Calendar days a refund of `businessDays` may take, weekends included. */
const calendarDays = (businessDays: number) => businessDays + 2 * Math.ceil(businessDays / 5)

async function cancelledRefundLine(
  sc: SkillContext,
  o: Order,
): Promise<{ text: string; ticket?: SkillResult['ticket'] }> {
  const L = sc.locale
  const days = returnRules(sc.ctx.shop).refundDays
  const since = daysBetween(o.paidAt ?? o.createdAt, sc.ctx.now)
  const amount = money(o.total, o.currency)
  if (since <= calendarDays(days))
    return {
      text: say(
        L,
        `订单 ${o.orderNo} 已取消，实付 ${amount} 会在取消后 1-${days} 个工作日内原路退回。`,
        `Order ${o.orderNo} was cancelled: the ${amount} you paid goes back to your original payment method within 1-${days} business days of the cancellation.`,
      ),
    }
  const ticket = await ticketsOf(sc).create(sc.ctx.shop, {
    conversationId: sc.ctx.conversation.id,
    customerId: o.customerId,
    category: 'billing',
    priority: 'high',
    subject: `${say(L, '取消订单退款未到账', 'Refund of a cancelled order not received')}: ${o.orderNo}`,
    data: { orderNo: o.orderNo, amount: o.total, paidAt: o.paidAt ?? null, locale: L },
  })
  return {
    text: say(
      L,
      `订单 ${o.orderNo} 已取消，实付 ${amount} 应在 1-${days} 个工作日内原路退回，现在已经超过了正常到账时间，很抱歉。我已为您创建工单 ${ticket.id}，财务同事会核查这笔退款并尽快联系您；也请查看一下原支付账户的退款记录。`,
      `Order ${o.orderNo} was cancelled, so the ${amount} you paid should have reached your original payment method within 1-${days} business days. That is overdue, sorry. I've opened ticket ${ticket.id}: our billing team will trace the refund and contact you. Please also check the refund history of the account you paid with.`,
    ),
    ticket: { id: ticket.id, queue: ticket.queue, priority: ticket.priority },
  }
}

/** Answers "where is my refund?" for the order(s) the customer means. */
export async function refundStatus(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  applyOrderReference(sc)
  const custId = knownCustomerId(sc)
  const { store, shop } = sc.ctx
  let orders: Order[] = []
  // "羽绒服退款什么时候到账", "my wok refund??": the order holding the named item, one with a refund first —
  // also over an order an earlier question left in the slot ("对了 我退的跑鞋那些钱到了没" after a parcel question).
  const pointed = sc.extracted.order || sc.signals.deictic || sc.signals.ordinal !== null
  const named = custId && !pointed ? await orderOfMentionedItem(sc, carriesRefund) : null
  if (named) orders = [named]
  else if (typeof sc.state.slots.order === 'string' || !custId) {
    const r = await resolveOrder(sc, { purpose: 'refund_status' })
    if ('result' in r) return r.result
    orders = [r.order]
  } else {
    orders = await store.orders.listByCustomer(shop.id, custId)
  }
  const rrs: ReturnRequest[] = []
  for (const o of orders) rrs.push(...(await store.returns.listByOrder(shop.id, o.orderNo)))
  rrs.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const refundingOrders = orders.filter(carriesRefund)
  const lines: string[] = []
  let ticket: SkillResult['ticket']
  for (const r of rrs.slice(0, 3)) {
    const st = RR_STATUS[r.status]
    lines.push(
      say(
        L,
        `退货单 ${r.id}（订单 ${r.orderNo}，${money(r.refundAmount)}）：${st[0]}。`,
        `Return ${r.id} (order ${r.orderNo}, ${money(r.refundAmount)}): ${st[1]}.`,
      ),
    )
  }
  for (const o of refundingOrders.slice(0, 3)) {
    if (rrs.some((r) => r.orderNo === o.orderNo)) continue
    if (o.status === 'cancelled') {
      // One cancelled order named alone is the one asked about; among several it is listed with the rest.
      const line = await cancelledRefundLine(sc, o)
      lines.push(line.text)
      if (line.ticket) ticket = line.ticket
      continue
    }
    lines.push(
      o.status === 'refunded'
        ? say(
            L,
            `订单 ${o.orderNo} 已退款 ${money(o.total, o.currency)}，原路退回。`,
            `Order ${o.orderNo}: ${money(o.total, o.currency)} has been refunded to your original payment method.`,
          )
        : say(
            L,
            `订单 ${o.orderNo} 退款处理中，${money(o.total, o.currency)} 将原路退回${sc.returnFacts.paidWith ? '' : refundArrival(sc)}。`,
            `Order ${o.orderNo}: the refund of ${money(o.total, o.currency)} is in progress and goes back to your original payment method${sc.returnFacts.paidWith ? '' : refundArrival(sc)}.`,
          ),
    )
  }
  // "我是银行卡付的": how long the refund takes for that payment method (the shop's refund timing).
  const timing = lines.length > 0 ? refundTimingLine(sc, sc.returnFacts.paidWith) : null
  if (timing) lines.push(timing)
  // A parcel the carrier reported lost, its money asked back: staff refund it (return-answers.ts).
  const lost = orders.length === 1 && lines.length === 0 ? orders[0]! : null
  if (lost && shipmentProblem(lost, sc.ctx.now) === 'exception') return lostParcelRefund(sc, lost)
  if (lines.length === 0)
    return done(
      sc,
      [
        {
          text: say(
            L,
            '没有查到进行中的退货或退款记录。需要申请退货吗？',
            "I can't find any return or refund in progress. Would you like to start a return?",
          ),
        },
      ],
      'answer',
      'refund_status_none',
    )
  // One order's refund told: that order is the one talked about next ("那积分呢", "开发票").
  const told = new Set([...rrs.slice(0, 3).map((r) => r.orderNo), ...refundingOrders.slice(0, 3).map((o) => o.orderNo)])
  if (told.size === 1) sc.state.slots.order = [...told][0]!
  // "跑鞋退款到哪一步了？还有托盘那单为啥一直待付款": the other item named gets its order's status too.
  if (custId) {
    const others = (await ordersOfNamedItems(sc, await store.orders.listByCustomer(shop.id, custId))).filter(
      (o) => !told.has(o.orderNo),
    )
    for (const o of others.slice(0, 2)) lines.push(orderStatusSummary(sc, o))
  }
  return done(
    sc,
    [{ text: lines.join('\n') }],
    ticket ? 'execute' : 'answer',
    ticket ? 'refund_status_overdue_ticket' : 'refund_status_found',
    ticket ? { ticket } : {},
  )
}
