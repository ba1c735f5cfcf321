/**
 * Cancel order, by status: unpaid → cancel; paid (not shipped) → cancel and refund to the original
 * payment method; shipped → offer refusal on delivery or a return; anything later → refused, with why.
 * Always confirmed before writing. The cancellation goes to the shop's system of record first
 * (the commerce port); only when it accepted is kefu's copy changed (with its audit event) and the
 * customer told; a refusal or an unreachable platform is said honestly and ticketed.
 */
import { noTask } from '../dialogue/task-state.js'
import type { Order } from '../domain/schemas.js'
import { cancelOnPlatform } from './cancel-on-platform.js'
import { cancelOneLine } from './cancel-one-line.js'
import { cancelSeveral } from './cancel-several.js'
import { refundArrival } from './refund-timing.js'
import { applyOrderReference, resolveOrder, statusLabel } from './resolve-order.js'
import { autoCancelLine } from './ship-by.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { money, say, yesNo } from './text.js'

const CANCELLABLE: Order['status'][] = ['pending_payment', 'paid']

/** The cancel-order skill. */
export async function cancelOrderSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  // "等下 别取消了 这个我要付": the cancellation asked for is taken back.
  const takenBack = sc.state.awaiting === 'confirm' && sc.cues.keepOrder
  if (takenBack || (sc.state.awaiting === 'confirm' && sc.answeredAwaiting && sc.signals.deny)) {
    sc.state.task = noTask()
    return done(
      sc,
      [{ text: say(L, '好的，订单不取消。', "OK, I won't cancel the order.") }],
      'answer',
      'cancel_declined',
    )
  }
  // "那几个没付款的 全部取消": several orders in one confirmation (cancel-several.ts).
  const several = await cancelSeveral(sc)
  if (several) return several
  applyOrderReference(sc)
  const r = await resolveOrder(sc, {
    purpose: 'cancel_order',
    prefer: (o) => CANCELLABLE.includes(o.status) || o.status === 'shipped',
    byItem: true,
  })
  if ('result' in r) return r.result
  const order = r.order
  const extra = r.customerId ? { customerId: r.customerId } : {}
  const no = order.orderNo
  switch (order.status) {
    case 'shipped':
      sc.state.task = noTask()
      return done(
        sc,
        [
          {
            text: say(
              L,
              `订单 ${no} 已发货，无法直接取消。您可以：1）快递派送时直接拒收，包裹退回仓库后为您全额退款（${money(order.total, order.currency)}）；2）签收后在 7 天内申请无理由退货。`,
              `Order ${no} has already shipped, so it can't be cancelled now. You can 1) refuse the parcel on delivery and we refund you in full (${money(order.total, order.currency)}) once it's back, or 2) accept it and request a no-reason return within 7 days.`,
            ),
            buttons:
              L === 'zh'
                ? [{ label: '申请退货', payload: `订单${no}我要退货` }]
                : [{ label: 'Request a return', payload: `I want to return order ${no}` }],
          },
        ],
        'answer',
        'cancel_refused_shipped_offer_refusal_or_return',
        extra,
      )
    case 'delivered':
    case 'completed':
      sc.state.task = noTask()
      return done(
        sc,
        [
          {
            text: say(
              L,
              `订单 ${no} 已签收，无法取消。如需退货退款，可以申请售后退货。`,
              `Order ${no} has been delivered, so it can't be cancelled. You can request a return instead.`,
            ),
          },
        ],
        'answer',
        `cancel_refused_${order.status}`,
        extra,
      )
    case 'cancelled':
    case 'refunding':
    case 'refunded':
      sc.state.task = noTask()
      return done(
        sc,
        [
          {
            text: [
              say(
                L,
                `订单 ${no} 当前状态为“${statusLabel(order.status, L)}”，无需再取消。`,
                `Order ${no} is already ${statusLabel(order.status, L)}; there's nothing to cancel.`,
              ),
              // "显示已取消 我没取消啊": an order never paid was cancelled when its hold ran out.
              autoCancelLine(sc.ctx.shop, order, L),
            ]
              .filter(Boolean)
              .join('\n'),
          },
        ],
        'answer',
        `cancel_refused_${order.status}`,
        extra,
      )
  }
  // "挂耳的耳机我不要了 其他的照常发": one line of the order, the rest ships.
  const oneLine = cancelOneLine(sc, order, extra)
  if (oneLine) return oneLine
  const paid = order.status === 'paid'
  if (!(sc.state.awaiting === 'confirm' && sc.answeredAwaiting && sc.signals.affirm)) {
    return ask(
      sc,
      'confirm',
      {
        text: paid
          ? say(
              L,
              `订单 ${no} 已付款未发货，取消后 ${money(order.total, order.currency)} 将原路退回${refundArrival(sc)}。确认取消吗？`,
              `Order ${no} is paid but not shipped. If you cancel, ${money(order.total, order.currency)} goes back to your original payment method${refundArrival(sc)}. Cancel it?`,
            )
          : say(L, `确认取消未付款订单 ${no} 吗？`, `Cancel unpaid order ${no}?`),
        buttons: yesNo(L),
      },
      paid ? 'cancel_confirm_with_refund' : 'cancel_confirm_unpaid',
    )
  }
  const fresh = (await sc.ctx.store.orders.get(sc.ctx.shop.id, no)) ?? order
  if (!CANCELLABLE.includes(fresh.status)) {
    sc.state.task = noTask()
    return done(
      sc,
      [
        {
          text: say(
            L,
            `订单 ${no} 状态已变为“${statusLabel(fresh.status, L)}”，无法取消。`,
            `Order ${no} is now ${statusLabel(fresh.status, L)} and can no longer be cancelled.`,
          ),
        },
      ],
      'answer',
      `cancel_refused_${fresh.status}`,
      extra,
    )
  }
  const wasPaid = fresh.status === 'paid'
  const failure = await cancelOnPlatform(sc, fresh, extra)
  if (failure) return failure
  sc.state.task = noTask()
  return done(
    sc,
    [
      {
        text: wasPaid
          ? say(
              L,
              `订单 ${no} 已取消，退款 ${money(fresh.total, fresh.currency)} 已提交，将原路退回${refundArrival(sc)}。`,
              `Order ${no} is cancelled and a refund of ${money(fresh.total, fresh.currency)} is on its way to your original payment method${refundArrival(sc)}.`,
            )
          : say(L, `订单 ${no} 已取消。`, `Order ${no} is cancelled.`),
      },
    ],
    'execute',
    wasPaid ? 'order_cancelled_refund_started' : 'order_cancelled_unpaid',
    extra,
  )
}
