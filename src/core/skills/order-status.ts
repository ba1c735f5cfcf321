/**
 * Order status & logistics: which order (asks when several), status, latest tracking event, ETA, and
 * delay / exception detection with an apology and the next step.
 */
import type { Reply } from '../dialogue/types.js'
import type { Order } from '../domain/schemas.js'
import { applyOrderReference, knownCustomerId, resolveOrder, statusLabel } from './resolve-order.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { day, list, money, say, when } from './text.js'

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
export function shipmentProblem(order: Order, now: Date): 'delayed' | 'exception' | null {
  const s = order.shipment
  if (!s || order.status !== 'shipped') return null
  if (s.status === 'exception') return 'exception'
  if (s.status === 'delayed') return 'delayed'
  if (s.eta && new Date(s.eta).getTime() < now.getTime()) return 'delayed'
  return null
}

function latestEvent(order: Order) {
  const ev = [...(order.shipment?.events ?? [])]
  ev.sort((a, b) => b.time.localeCompare(a.time))
  return ev[0]
}

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
  const custId = knownCustomerId(sc)
  if (!custId) return
  const mine = await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId)
  const current = mine.find((o) => o.orderNo === slot)
  if (current && !prefer(current) && mine.some(prefer)) delete sc.state.slots.order
}

/** One line per order: number, items, status, and where a shipped parcel is (latest event, ETA, delay). */
function statusLine(sc: SkillContext, o: Order, i: number): string {
  const L = sc.locale
  const first = o.items[0]
  const title = `${first?.title ?? first?.sku ?? ''}${o.items.length > 1 ? say(L, ` 等${o.items.length}件`, ` +${o.items.length - 1} more`) : ''}`
  let line = `${i + 1}. ${o.orderNo}（${title}）：${statusLabel(o.status, L)}`
  if (L === 'en') line = `${i + 1}. ${o.orderNo} (${title}): ${statusLabel(o.status, L)}`
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
      `${track}，${when(ev.time, L)} ${ev.location ?? ''} ${ev.description}${late}`,
      `${track} — ${when(ev.time, L)} ${ev.location ?? ''} ${ev.description}${late}`,
    )
    if (o.shipment?.eta && !problem)
      line += say(L, `，预计 ${day(o.shipment.eta, L)} 送达`, `, expected ${day(o.shipment.eta, L)}`)
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
    action: 'execute',
    reason: 'several_orders_summary',
    done: false,
  }
}

/** The order status / logistics skill. */
export async function orderStatusSkill(sc: SkillContext): Promise<SkillResult> {
  const logistics = sc.state.activeIntent === 'logistics'
  applyOrderReference(sc)
  const prefer: (o: Order) => boolean = logistics
    ? (o) => o.status === 'shipped'
    : sc.cues.payOrder
      ? (o) => o.status === 'pending_payment'
      : // Orders still under way come first; finished ones only when nothing else is open.
        (o) => !['delivered', 'completed', 'cancelled', 'refunded'].includes(o.status)
  await forgetCarriedOrder(sc, prefer)
  const r = await resolveOrder(sc, {
    purpose: logistics ? 'logistics' : 'order_status',
    prefer,
    byItem: true,
    answerSeveral: (orders) => severalOrders(sc, orders),
  })
  if ('result' in r) return r.result
  const { order } = r
  const L = sc.locale
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
  if (order.status === 'pending_payment') {
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
          `最新物流：${when(ev.time, L)} ${where}${ev.description}`,
          `Latest update: ${when(ev.time, L)} ${where}${ev.description}`,
        ),
      )
    }
    if (s.eta && order.status === 'shipped')
      lines.push(say(L, `预计送达：${day(s.eta, L)}。`, `Estimated delivery: ${day(s.eta, L)}.`))
    const problem = shipmentProblem(order, sc.ctx.now)
    if (problem === 'delayed') {
      lines.push(
        say(
          L,
          '非常抱歉，您的包裹比预计时间晚了。我们已向快递公司发起催件，通常 24 小时内会有更新；如果 48 小时后仍无进展，可以申请补发或全额退款。',
          "I'm sorry, your parcel is running late. We've asked the carrier to expedite it and usually see an update within 24 hours; if nothing moves in 48 hours you can ask for a replacement or a full refund.",
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
      if (at) lines.push(say(L, `签收时间：${when(at, L)}。`, `Delivered at ${when(at, L)}.`))
    }
  } else if (logistics && order.status !== 'pending_payment' && order.status !== 'paid') {
    lines.push(say(L, '这个订单没有物流信息。', 'There is no tracking information for this order.'))
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
    'execute',
    problem ? `order_found_shipment_${problem}` : `order_found_${order.status}`,
    { events, ...(r.customerId ? { customerId: r.customerId } : {}) },
  )
}
