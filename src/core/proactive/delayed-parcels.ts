/**
 * Proactive delayed-parcel notices: shipped orders whose carrier flags a delay or an exception, or
 * that are past their ETA, get one apology with the latest tracking event and the next step, in the
 * customer's language, before the customer has to ask. Recorded as `notice.sent` {orderNo, kind},
 * once per order and kind (a delay that later turns into an exception is told twice).
 */

import type { Locale, Order } from '../domain/schemas.js'
import { withItemTitles } from '../skills/order-item-titles.js'
import { orderCard, shipmentProblem } from '../skills/order-status.js'
import { when } from '../skills/text.js'
import { allEvents, conversationFor, type ProactiveDeps } from './proactive-deps.js'

export const NOTICE_SENT = 'notice.sent'

export type ParcelScanResult = {
  checked: number
  sent: Array<{ orderNo: string; kind: 'delayed' | 'exception'; customerId: string; conversationId: string }>
}

function latestEvent(order: Order) {
  return [...(order.shipment?.events ?? [])].sort((a, b) => b.time.localeCompare(a.time))[0]
}

/** The notice text: apology, where the parcel is, what happens next. */
export function delayedParcelText(order: Order, kind: 'delayed' | 'exception', locale: Locale): string {
  const s = order.shipment
  const ev = latestEvent(order)
  const where = ev ? `${when(ev.time)} ${ev.location ? `${ev.location} ` : ''}${ev.description}` : ''
  if (locale === 'zh') {
    const head =
      kind === 'exception'
        ? `非常抱歉，您的订单 ${order.orderNo}（${s?.carrier ?? ''} ${s?.trackingNo ?? ''}）在运输中出现了异常。`
        : `非常抱歉，您的订单 ${order.orderNo}（${s?.carrier ?? ''} ${s?.trackingNo ?? ''}）比预计晚了，给您添麻烦了。`
    const next =
      kind === 'exception'
        ? '我们已登记并联系快递核实，24 小时内给您答复：找回后继续派送，否则免费补发或全额退款。'
        : '我们已向快递公司催件，通常 24 小时内会有更新；如果 48 小时后仍无进展，可以直接回复「补发」或「退款」。'
    return [head, where ? `最新物流：${where}` : '', next].filter(Boolean).join('\n')
  }
  const head =
    kind === 'exception'
      ? `We're very sorry: your order ${order.orderNo} (${s?.carrier ?? ''} ${s?.trackingNo ?? ''}) has run into a problem in transit.`
      : `We're sorry: your order ${order.orderNo} (${s?.carrier ?? ''} ${s?.trackingNo ?? ''}) is running late.`
  const next =
    kind === 'exception'
      ? "We've logged it with the carrier and will come back within 24 hours: either it gets moving again, or we send a free replacement or a full refund."
      : 'We\'ve asked the carrier to expedite it and usually see an update within 24 hours; if nothing moves in 48 hours, reply "replacement" or "refund".'
  return [head, where ? `Latest update: ${where}` : '', next].filter(Boolean).join('\n')
}

/** Scans a shop's shipped orders and notifies the customers of late or stuck parcels (once each). */
export async function scanDelayedParcels(deps: ProactiveDeps, shopId: string): Promise<ParcelScanResult> {
  const { store } = deps
  const done = new Set(
    (await allEvents(store, shopId, NOTICE_SENT)).map((e) => `${String(e.data.orderNo)}|${String(e.data.kind)}`),
  )
  const now = deps.now()
  const result: ParcelScanResult = { checked: 0, sent: [] }
  for (let offset = 0; ; offset += 500) {
    const page = await store.orders.list(shopId, { status: 'shipped', limit: 500, offset })
    for (const order of page) {
      result.checked++
      const kind = shipmentProblem(order, now)
      if (!kind || done.has(`${order.orderNo}|${kind}`)) continue
      const customer = await store.customers.get(shopId, order.customerId)
      if (!customer) continue
      const conv = await conversationFor(deps, shopId, customer.id, null, customer.locale ?? null)
      if (!conv) continue
      const locale: Locale = customer.locale ?? conv.locale ?? 'zh'
      const m = await deps.postMessage({
        shopId,
        conversationId: conv.id,
        role: 'bot',
        text: delayedParcelText(order, kind, locale),
        meta: {
          proactive: 'delayed_parcel',
          kind,
          orderNo: order.orderNo,
          // Items without a title show the catalog's, like the bot's own order replies.
          card: orderCard((await withItemTitles(store.products, shopId, locale, [order]))[0]!),
        },
      })
      await store.events.append({
        id: deps.newId('evt'),
        shopId,
        type: NOTICE_SENT,
        conversationId: conv.id,
        data: { orderNo: order.orderNo, kind, customerId: customer.id, conversationId: conv.id, messageId: m.id },
        createdAt: deps.now().toISOString(),
      })
      done.add(`${order.orderNo}|${kind}`)
      result.sent.push({ orderNo: order.orderNo, kind, customerId: customer.id, conversationId: conv.id })
    }
    if (page.length < 500) break
  }
  return result
}
