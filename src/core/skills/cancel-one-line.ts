/**
 * "手机那单里那个挂耳的耳机我不要了 其他的照常发", "cancel just the white shoes, I still want the boots": one
 * line of an unshipped order is dropped while the rest ships. The shop's system cancels whole orders, so
 * the bot names the line and its price, asks, and hands the line to an agent, who cancels it and refunds
 * that amount.
 */
import { taskOf } from '../dialogue/task-state.js'
import type { Order } from '../domain/schemas.js'
import { refundArrival } from './refund-timing.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { money, say, yesNo } from './text.js'

/** The order line the message describes among the order's lines, or null. */
function describedLine(sc: SkillContext, order: Order): Order['items'][number] | null {
  // The words of one line ("挂耳的耳机") before the item that found the order ("手机那单").
  const id = sc.understanding.read.pickByDescription(
    order.items.map((i, n) => ({ id: String(n), texts: [i.title ?? i.sku, i.color ?? '', i.size ?? ''] })),
  )
  if (id !== null) return order.items[Number(id)] ?? null
  const slot = typeof sc.state.slots.sku === 'string' ? order.items.filter((i) => i.sku === sc.state.slots.sku) : []
  return slot.length === 1 ? slot[0]! : null
}

/** The one-line cancellation of an unshipped order with several lines, or null when this is not one. */
export function cancelOneLine(sc: SkillContext, order: Order, extra: { customerId?: string }): SkillResult | null {
  const t = taskOf(sc.state, 'cancel_order')
  if (order.items.length < 2) return null
  // "那算了 整单取消吧": the whole order after all.
  if (sc.cues.wholeOrder) {
    delete t.line
    return null
  }
  if (!t.line) {
    if (!sc.cues.oneLine) return null
    const line = describedLine(sc, order)
    if (!line) return null
    t.line = line.sku
  }
  const item = order.items.find((i) => i.sku === t.line)
  if (!item) return null
  const L = sc.locale
  const name = `${item.title ?? item.sku}${item.color ? ` ${item.color}` : ''}${item.size ? ` ${item.size}` : ''}`
  const amount = money(item.price * item.qty, order.currency)
  const paid = order.status === 'paid'
  if (!(sc.state.awaiting === 'confirm' && sc.answeredAwaiting && sc.signals.affirm)) {
    return ask(
      sc,
      'confirm',
      {
        text: paid
          ? say(
              L,
              `订单 ${order.orderNo} 还没发货，可以只取消其中的「${name}」（${amount}），其他商品照常发货。单独取消一件需要客服在系统里操作：确认后我转给人工客服处理，${amount} 原路退回${refundArrival(sc)}。确认只取消这一件吗？`,
              `Order ${order.orderNo} hasn't shipped, so "${name}" (${amount}) can be taken off while the rest ships as planned. Removing one item is done by an agent: if you confirm, I'll pass it to one, and ${amount} goes back to your original payment method${refundArrival(sc)}. Cancel just this item?`,
            )
          : say(
              L,
              `订单 ${order.orderNo} 还没付款，可以去掉其中的「${name}」（${amount}）再付款。单独去掉一件需要客服操作：确认后我转给人工客服处理。确认吗？`,
              `Order ${order.orderNo} isn't paid yet, so "${name}" (${amount}) can be taken off before you pay. Removing one item is done by an agent: confirm and I'll pass it to one. Go ahead?`,
            ),
        buttons: yesNo(L),
      },
      'cancel_one_line_confirm',
    )
  }
  const text = say(
    L,
    `好的，已把「${name}」（${amount}）的单独取消转给人工客服，客服会尽快处理${paid ? `并原路退回 ${amount}` : ''}，订单里的其他商品照常发货。`,
    `Done: I've passed the cancellation of "${name}" (${amount}) to an agent, who will handle it shortly${paid ? ` and refund ${amount}` : ''}; the rest of the order ships as planned.`,
  )
  return { ...done(sc, [{ text }], 'handoff', 'cancel_one_line_to_agent', extra), handoff: true }
}
