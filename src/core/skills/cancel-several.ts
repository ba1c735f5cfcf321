/**
 * "那几个没付款的单子 全部都取消", "cancel all of them": several orders cancelled in one go. The orders are
 * the ones the customer means — those the bot just listed, or all of theirs — narrowed to the status named
 * ("没付款的") and to those that can still be cancelled (unpaid or paid, not shipped). All of them are
 * confirmed in one question; on the yes each is cancelled like a single cancellation (system of record
 * first, then kefu's copy with its audit event).
 */
import { noTask, taskOf } from '../dialogue/task-state.js'
import type { Order } from '../domain/schemas.js'
import { cancelOnPlatform } from './cancel-on-platform.js'
import { titledOrders } from './order-item-titles.js'
import { refundArrival } from './refund-timing.js'
import { knownCustomerId, orderLine, statusLabel } from './resolve-order.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { money, say, yesNo } from './text.js'
import { verificationFreshForWrite } from './verification-guard.js'

const CANCELLABLE: Order['status'][] = ['pending_payment', 'paid']

/** The several-orders cancellation this turn asks for or confirms, or null (then one order is meant). */
export async function cancelSeveral(sc: SkillContext): Promise<SkillResult | null> {
  const task = taskOf(sc.state, 'cancel_order')
  const custId = knownCustomerId(sc)
  // A visitor whose verification is no longer fresh goes through the single-order path (asked again).
  if (!custId || !verificationFreshForWrite(sc)) return null
  if (task.orders && task.orders.length > 1 && sc.state.awaiting === 'confirm' && sc.answeredAwaiting) {
    if (sc.signals.affirm) return cancelAll(sc, task.orders)
    return null
  }
  if (!sc.cues.meansAll || sc.cues.wholeOrder || task.line || sc.extracted.order) return null
  const mine = await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId)
  const listed = sc.state.candidates?.kind === 'order' ? new Set(sc.state.candidates.ids) : null
  const status = sc.cues.orderByStatus
  const targets = mine.filter(
    (o) =>
      CANCELLABLE.includes(o.status) &&
      (listed === null || listed.has(o.orderNo)) &&
      (status === null || o.status === status),
  )
  if (targets.length < 2) return null
  targets.sort((a, b) => a.orderNo.localeCompare(b.orderNo))
  task.orders = targets.map((o) => o.orderNo)
  const L = sc.locale
  const titled = await titledOrders(sc, targets)
  const paid = targets.filter((o) => o.status === 'paid')
  const refund = paid.length > 0 ? paid.reduce((s, o) => s + o.total, 0) : 0
  const currency = targets[0]!.currency
  const lines = titled.map((o, i) => `${i + 1}. ${orderLine(o, L)}`).join('\n')
  const refundLine =
    paid.length > 0
      ? say(
          L,
          `\n其中已付款的订单取消后共 ${money(refund, currency)} 将原路退回${refundArrival(sc)}。`,
          `\nThe paid ones are refunded (${money(refund, currency)} in total) to the original payment method${refundArrival(sc)}.`,
        )
      : ''
  return ask(
    sc,
    'confirm',
    {
      text: say(
        L,
        `确认取消下面 ${targets.length} 个订单吗？\n${lines}${refundLine}`,
        `Cancel these ${targets.length} orders?\n${lines}${refundLine}`,
      ),
      buttons: yesNo(L),
    },
    'cancel_several_confirm',
  )
}

async function cancelAll(sc: SkillContext, orderNos: string[]): Promise<SkillResult> {
  const L = sc.locale
  const custId = knownCustomerId(sc)
  const lines: string[] = []
  let cancelled = 0
  for (const no of orderNos) {
    const fresh = await sc.ctx.store.orders.get(sc.ctx.shop.id, no)
    if (!fresh || fresh.customerId !== custId) continue
    if (!CANCELLABLE.includes(fresh.status)) {
      lines.push(
        say(
          L,
          `订单 ${no} 状态为“${statusLabel(fresh.status, L)}”，已不能取消。`,
          `Order ${no} is ${statusLabel(fresh.status, L)} and can no longer be cancelled.`,
        ),
      )
      continue
    }
    const wasPaid = fresh.status === 'paid'
    const failure = await cancelOnPlatform(sc, fresh)
    if (failure) return { ...failure, replies: [...lines.map((text) => ({ text })), ...failure.replies] }
    cancelled++
    lines.push(
      wasPaid
        ? say(
            L,
            `订单 ${no} 已取消，${money(fresh.total, fresh.currency)} 将原路退回${refundArrival(sc)}。`,
            `Order ${no} is cancelled; ${money(fresh.total, fresh.currency)} goes back to your original payment method${refundArrival(sc)}.`,
          )
        : say(L, `订单 ${no} 已取消。`, `Order ${no} is cancelled.`),
    )
  }
  sc.state.task = noTask()
  return done(
    sc,
    [{ text: lines.join('\n') }],
    cancelled > 0 ? 'execute' : 'answer',
    cancelled > 0 ? 'orders_cancelled_several' : 'cancel_several_none_left',
  )
}
