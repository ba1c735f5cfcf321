/**
 * Order status & logistics: which order (asks when several), status, latest tracking event, ETA, and
 * delay / exception detection with an apology and the next step.
 */
import type { Reply } from '../dialogue/types.js'
import type { Order } from '../domain/schemas.js'
import { knowledgeSkill } from './knowledge-answer.js'
import { itemAtAnswer, ordersTotalAnswer, whichFirstAnswer } from './order-compare.js'
import { purchaseSummary } from './purchase-summary.js'
import { reshipRequest } from './reship-request.js'
import {
  applyOrderReference,
  knownCustomerId,
  orderOfMentionedItem,
  resolveOrder,
  statusLabel,
} from './resolve-order.js'
import { autoCancelLine, paidShipLine, unpaidPayLine } from './ship-by.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { day, list, money, say, shopTimeZone, when } from './text.js'
import { unpaidDeadlineAnswer } from './unpaid-deadline.js'

/** The order card the widget renders under an order reply (bot answers and proactive notices). */
export function orderCard(order: Order): NonNullable<Reply['card']> {
  const s = order.shipment
  return {
    type: 'order',
    data: {
      orderNo: order.orderNo,
      status: order.status,
      total: order.total,
      currency: order.currency,
      items: order.items.map((i) => ({ sku: i.sku, title: i.title ?? null, qty: i.qty })),
      ...(s ? { carrier: s.carrier, trackingNo: s.trackingNo, eta: s.eta ?? null } : {}),
    },
  }
}

/** True when a shipped parcel is past its ETA or the carrier flagged it. */
/** Whole hours from `iso` to `now`. */
const hoursSince = (iso: string, now: Date) => Math.floor((now.getTime() - new Date(iso).getTime()) / 3_600_000)

export function shipmentProblem(order: Order, now: Date): 'delayed' | 'exception' | null {
  const s = order.shipment
  if (!s || order.status !== 'shipped') return null
  if (s.status === 'exception') return 'exception'
  if (s.status === 'delayed') return 'delayed'
  if (s.eta && new Date(s.eta).getTime() < now.getTime()) return 'delayed'
  return null
}

/**
 * When a parcel is due, on the shop's clock: the day, and the time too when the carrier gave one
 * ("几点能到": an ETA of 21:00 is "by 21:00", not just the date). A midnight ETA is a date only.
 */
export function etaText(eta: string, tz: string, locale: 'zh' | 'en'): string {
  const at = when(eta, tz)
  if (at.endsWith(' 00:00')) return at.slice(0, 10)
  return say(locale, `${at} 前`, `by ${at}`)
}

function latestEvent(order: Order) {
  const ev = [...(order.shipment?.events ?? [])]
  ev.sort((a, b) => b.time.localeCompare(a.time))
  return ev[0]
}

/** Tasks that fill the order slot with an order of their own (a fault's device, a return's item…). */
const OTHER_ORDER_TASKS = new Set([
  'after_sales_fault',
  'return_refund',
  'cancel_order',
  'modify_order',
  'invoice_payment',
])

/**
 * "我的快递到哪了" in the middle of another task: the order slot that task filled (the earbuds of a
 * fault flow) is not what the customer asks about when it does not fit the question and another
 * order does. Kept when the customer named it, pointed at it ("这个订单") or was already asking
 * about orders.
 */
async function forgetCarriedOrder(sc: SkillContext, prefer: (o: Order) => boolean): Promise<void> {
  const slot = sc.state.slots.order
  if (typeof slot !== 'string' || sc.extracted.order || sc.signals.deictic || sc.signals.ordinal !== null) return
  if (sc.answeredAwaiting || sc.signals.correction) return
  const previous = sc.state.topics[sc.state.topics.length - 2]
  if (previous === 'order_status' || previous === 'logistics') return
  // Only tracking questions so far (a greeting aside): the carried order is the one they were about.
  if (!sc.state.topics.slice(0, -1).some((t) => OTHER_ORDER_TASKS.has(t))) return
  const custId = knownCustomerId(sc)
  if (!custId) return
  const mine = await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId)
  const current = mine.find((o) => o.orderNo === slot)
  if (current && !prefer(current) && mine.some(prefer)) delete sc.state.slots.order
}

/** One line per order: number, items, status, and where a shipped parcel is (latest event, ETA, delay). */
function statusLine(sc: SkillContext, o: Order, i: number): string {
  return `${i + 1}. ${orderStatusSummary(sc, o)}`
}

/** An order's number, items, status and where a shipped parcel is, in one line. */
export function orderStatusSummary(sc: SkillContext, o: Order): string {
  const L = sc.locale
  const tz = shopTimeZone(sc.ctx.shop)
  const first = o.items[0]
  const title = `${first?.title ?? first?.sku ?? ''}${o.items.length > 1 ? say(L, ` 等${o.items.length}件`, ` +${o.items.length - 1} more`) : ''}`
  let line = `${o.orderNo}（${title}）：${statusLabel(o.status, L)}`
  if (L === 'en') line = `${o.orderNo} (${title}): ${statusLabel(o.status, L)}`
  const ev = latestEvent(o)
  if (o.status === 'shipped' && ev) {
    const problem = shipmentProblem(o, sc.ctx.now)
    const late =
      problem === 'delayed'
        ? say(L, '（已晚于预计时间）', ' (running late)')
        : problem === 'exception'
          ? say(L, '（物流异常）', ' (delivery problem)')
          : ''
    // The carrier and tracking number too: "我有两个包裹 分别到哪了" can be followed up with the courier.
    const track = o.shipment
      ? say(
          L,
          `（${o.shipment.carrier} ${o.shipment.trackingNo}）`,
          ` (${o.shipment.carrier} ${o.shipment.trackingNo})`,
        )
      : ''
    line += say(
      L,
      `${track}，${when(ev.time, tz)} ${ev.location ?? ''} ${ev.description}${late}`,
      `${track} — ${when(ev.time, tz)} ${ev.location ?? ''} ${ev.description}${late}`,
    )
    if (o.shipment?.eta && !problem)
      line += say(L, `，预计送达：${etaText(o.shipment.eta, tz, L)}`, `, expected ${etaText(o.shipment.eta, tz, L)}`)
  } else if (o.status === 'pending_payment') {
    line += say(L, `，待付款 ${money(o.total, o.currency)}`, `, ${money(o.total, o.currency)} to pay`)
  }
  return line
}

/** "Where are my orders?" with several open: each order's status in a line, then an offer of details. */
function severalOrders(sc: SkillContext, orders: Order[]): SkillResult {
  const L = sc.locale
  const text = say(
    L,
    `您有 ${orders.length} 个订单：\n${orders.map((o, i) => statusLine(sc, o, i)).join('\n')}\n需要哪个订单的详细物流，回复序号或订单号即可。`,
    `You have ${orders.length} orders:\n${orders.map((o, i) => statusLine(sc, o, i)).join('\n')}\nReply with a number or an order number for the full details of one.`,
  )
  sc.state.awaiting = 'order'
  sc.state.prompt = say(L, '需要哪个订单的详细信息？', 'Which order would you like the details of?')
  return {
    replies: [{ text, buttons: orders.map((o, i) => ({ label: `${i + 1}. ${o.orderNo}`, payload: o.orderNo })) }],
    action: 'answer',
    reason: 'several_orders_summary',
    done: false,
  }
}

/** What can be done about a delivery time: the courier arranges it, the shop cannot hold a parcel in transit. */
function rescheduleNote(L: 'zh' | 'en'): string {
  return say(
    L,
    '包裹已在运输途中，我们这边无法暂停或改期派送。快递员派送前会联系您，可以和快递员约定改天或晚些时候送，或请其放到驿站/快递柜代收；需要我们帮忙联系快递，请说“转人工”。',
    'Parcels in transit can\'t be held or rescheduled from our side. The courier contacts you before delivering: you can agree another day or time with them, or ask them to leave it at a pickup point or parcel locker. If you\'d like us to contact the carrier for you, say "human".',
  )
}

/** The several-orders summary with the delivery-time note: an answer to "hold my parcels", not a lookup. */
function withRescheduleNote(sc: SkillContext, result: SkillResult): SkillResult {
  if (result.reason !== 'several_orders_summary') return result
  const [first, ...rest] = result.replies
  if (!first) return result
  return {
    ...result,
    replies: [{ ...first, text: `${first.text}\n${rescheduleNote(sc.locale)}` }, ...rest],
    action: 'answer',
  }
}

/** The order status / logistics skill. */
export async function orderStatusSkill(sc: SkillContext): Promise<SkillResult> {
  // "能寄香港吗 运费多少": where the shop delivers is policy, answered from knowledge; no order (nor
  // a visitor's verification) is needed for it.
  if (sc.cues.asksShippingPolicy && !sc.extracted.order) {
    // "那水壶要是真丢了怎么办": the conversation is about the kettle's order from here on.
    await orderOfMentionedItem(sc, (o) => o.status === 'shipped')
    return knowledgeSkill(sc)
  }
  const logistics = sc.state.activeIntent === 'logistics'
  // "这单里第二件是啥": the position is of a line in the order, not of an order in a list.
  if (sc.cues.itemAt === null) applyOrderReference(sc)
  // "我还没发货的那两单 一共多少钱", "那哪个先到": across the customer's orders (order-compare.ts).
  if (sc.cues.ordersTotal && !sc.extracted.order) {
    const total = await ordersTotalAnswer(sc)
    if (total) return total
  }
  if (sc.cues.asksWhichFirst && !sc.extracted.order) {
    const first = await whichFirstAnswer(sc)
    if (first) return first
  }
  // "what did I buy this month, how much in total": the orders of the period and the sum spent.
  if (sc.cues.purchases && !sc.extracted.order) {
    const summary = await purchaseSummary(sc)
    if (summary) return summary
  }
  // "会自己取消吗", "when does it get cancelled": the unpaid orders' automatic cancellation times.
  if (sc.cues.payment.deadline && !sc.cues.payOrder) {
    const deadline = await unpaidDeadlineAnswer(sc)
    if (deadline) return deadline
  }
  const prefer: (o: Order) => boolean = sc.cues.parcelSentBack
    ? (o) => o.shipment?.status === 'exception'
    : logistics
      ? (o) => o.status === 'shipped'
      : sc.cues.payOrder || sc.cues.forgotToPay
        ? (o) => o.status === 'pending_payment'
        : // Orders still under way come first; finished ones only when nothing else is open.
          (o) => !['delivered', 'completed', 'cancelled', 'refunded'].includes(o.status)
  // "能再给我发一次吗" is about the parcel just discussed, whatever its status.
  if (!sc.cues.asksReship) await forgetCarriedOrder(sc, prefer)
  const r = await resolveOrder(sc, {
    purpose: logistics ? 'logistics' : 'order_status',
    prefer,
    // "到哪了 … 是买手机那单" when two finished orders hold a phone: where a parcel is asks about the one
    // delivered this week, not last month's (a status question about "the phone order" stays ambiguous).
    ...(logistics ? { thenPrefer: (o: Order) => o.status === 'delivered' } : {}),
    byItem: true,
    answerSeveral: (orders) => severalOrders(sc, orders),
  })
  if ('result' in r) return sc.cues.reschedule ? withRescheduleNote(sc, r.result) : r.result
  const { order } = r
  if (sc.cues.itemAt !== null)
    return itemAtAnswer(sc, order, sc.cues.itemAt, r.customerId ? { customerId: r.customerId } : {})
  // A reship is for a parcel that is lost, damaged or sent back; a late one is chased first (the status
  // reply says what happens if it stays stuck).
  const sentBack = order.status === 'refunding' && order.shipment?.status === 'exception'
  if (sc.cues.asksReship && (shipmentProblem(order, sc.ctx.now) === 'exception' || sentBack))
    return reshipRequest(sc, order, r.customerId)
  const L = sc.locale
  const tz = shopTimeZone(sc.ctx.shop)
  const lines: string[] = []
  const items = list(
    order.items.map((i) => `${i.title ?? i.sku}${i.size ? ` ${i.size}` : ''}${i.color ? ` ${i.color}` : ''} ×${i.qty}`),
    L,
  )
  lines.push(
    say(
      L,
      `订单 ${order.orderNo}（${items}，${money(order.total, order.currency)}）当前状态：${statusLabel(order.status, L)}。`,
      `Order ${order.orderNo} (${items}, ${money(order.total, order.currency)}) is ${statusLabel(order.status, L)}.`,
    ),
  )
  const events: SkillResult['events'] = []
  const s = order.shipment
  const computed =
    order.status === 'pending_payment'
      ? unpaidPayLine(sc.ctx.shop, order, sc.ctx.now, L)
      : order.status === 'paid'
        ? paidShipLine(sc.ctx.shop, order, sc.ctx.now, L)
        : autoCancelLine(sc.ctx.shop, order, L)
  if (computed) lines.push(computed)
  else if (order.status === 'pending_payment') {
    lines.push(
      say(
        L,
        '订单还未付款：在「我的订单」里找到它，点「去付款」即可完成支付，付款后 48 小时内发货；超时未付款的订单会自动取消。不想要了也可以直接取消。',
        "It hasn't been paid yet: open it in My Orders and tap Pay to complete the payment; we ship within 48 hours of payment. Unpaid orders are cancelled automatically after a while, and you can also cancel it yourself.",
      ),
    )
  } else if (order.status === 'paid') {
    lines.push(
      say(
        L,
        '仓库正在备货，一般付款后 48 小时内发货，发货后您会收到物流单号。',
        "The warehouse is packing it; we usually ship within 48 hours of payment and you'll get a tracking number then.",
      ),
    )
  }
  if (s) {
    lines.push(
      say(
        L,
        `承运商：${s.carrier}，运单号：${s.trackingNo}。`,
        `Carrier: ${s.carrier}, tracking number: ${s.trackingNo}.`,
      ),
    )
    const ev = latestEvent(order)
    if (ev) {
      const where = ev.location ? `${ev.location} ` : ''
      lines.push(
        say(
          L,
          `最新物流：${when(ev.time, tz)} ${where}${ev.description}`,
          `Latest update: ${when(ev.time, tz)} ${where}${ev.description}`,
        ),
      )
    }
    if (s.eta && order.status === 'shipped') {
      // An ETA already behind us is not a promise any more: say it was missed, not "expected on".
      const missed = new Date(s.eta).getTime() < sc.ctx.now.getTime()
      lines.push(
        missed
          ? say(
              L,
              `原预计 ${day(s.eta, tz)} 送达，现已超过预计时间。`,
              `It was due on ${day(s.eta, tz)}, so it is overdue.`,
            )
          : say(L, `预计送达：${etaText(s.eta, tz, L)}。`, `Estimated delivery: ${etaText(s.eta, tz, L)}.`),
      )
    }
    const problem = shipmentProblem(order, sc.ctx.now)
    if (problem === 'delayed') {
      lines.push(
        say(
          L,
          '非常抱歉，您的包裹比预计时间晚了。我们已向快递公司发起催件，通常 24 小时内会有更新；如果 48 小时后仍无进展，可以申请补发或全额退款。',
          "I'm sorry, your parcel is running late. We've asked the carrier to expedite it and usually see an update within 24 hours; if nothing moves in 48 hours you can ask for a replacement or a full refund.",
        ),
      )
      const stuck = sc.cues.asksHoursStuck && ev ? hoursSince(ev.time, sc.ctx.now) : null
      if (stuck !== null)
        lines.push(
          say(
            L,
            `最新物流停在 ${when(ev!.time, tz)}，到现在已经 ${stuck} 小时没有更新了，我们已按规则向快递公司催件核实。`,
            `The last tracking update was at ${when(ev!.time, tz)}: ${stuck} hours without a new one, so we've chased the carrier as our rule says.`,
          ),
        )
      events.push({ type: 'logistics.delay_detected', data: { orderNo: order.orderNo, carrier: s.carrier } })
    } else if (problem === 'exception') {
      lines.push(
        say(
          L,
          '非常抱歉，您的包裹出现了物流异常。我们已登记并联系快递核实，24 小时内会给您答复：找回后继续派送，否则为您免费补发或全额退款。',
          "I'm very sorry, there's a problem with your parcel in transit. We've logged it and are checking with the carrier; within 24 hours we'll either get it moving again or send a free replacement or full refund.",
        ),
      )
      events.push({ type: 'logistics.exception_detected', data: { orderNo: order.orderNo, carrier: s.carrier } })
    }
    if (order.status === 'delivered' || s.status === 'delivered') {
      const at = order.deliveredAt ?? ev?.time
      if (at) lines.push(say(L, `签收时间：${when(at, tz)}。`, `Delivered at ${when(at, tz)}.`))
    }
  } else if (logistics && order.status !== 'pending_payment' && order.status !== 'paid') {
    lines.push(say(L, '这个订单没有物流信息。', 'There is no tracking information for this order.'))
  }
  if (sc.cues.reschedule && order.status === 'shipped') lines.push(rescheduleNote(L))
  // "今早那单今天能发吗？还有昨天那单我还没付": the unpaid order spoken of too, with its pay-by time.
  const custId = knownCustomerId(sc)
  if (sc.cues.mentionsUnpaid && order.status !== 'pending_payment' && custId) {
    const mine = await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId)
    for (const o of mine.filter((x) => x.status === 'pending_payment').slice(0, 2)) {
      const pay = unpaidPayLine(sc.ctx.shop, o, sc.ctx.now, L)
      if (pay)
        lines.push(
          say(
            L,
            `另外，订单 ${o.orderNo}（${money(o.total, o.currency)}）：${pay}`,
            `Also, order ${o.orderNo} (${money(o.total, o.currency)}): ${pay}`,
          ),
        )
    }
  }
  const problem = shipmentProblem(order, sc.ctx.now)
  return done(
    sc,
    [
      {
        text: lines.join('\n'),
        card: orderCard(order),
      },
    ],
    // A late or lost parcel is chased with the carrier (an action); otherwise the status is information.
    problem ? 'execute' : 'answer',
    problem ? `order_found_shipment_${problem}` : `order_found_${order.status}`,
    { events, ...(r.customerId ? { customerId: r.customerId } : {}) },
  )
}
