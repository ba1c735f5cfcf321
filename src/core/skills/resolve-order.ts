/**
 * Identity and "which order?": a customer sees only their own orders; an anonymous visitor verifies
 * with order number + last 4 phone digits first. Another customer's order number gets exactly the same
 * reply as a number that does not exist, so order numbers cannot be probed.
 */
import type { Order, OrderItem } from '../domain/schemas.js'
import { digitsOnly } from '../text/match-keys.js'
import { describeMaxChars, orderDescribedByLines } from './describe-order-lines.js'
import { itemsMeant, knownCustomerId, mentionedItem, namedOtherOrder } from './order-item-mention.js'
import { titledOrders } from './order-item-titles.js'
import { ordersOfNamedItems } from './orders-of-named-items.js'
import { ask, type SkillContext, type SkillResult } from './skill-types.js'
import { day, say, shopTimeZone } from './text.js'
import {
  orderKey,
  verificationBlocked,
  verificationFailedEvent,
  verificationFreshForWrite,
} from './verification-guard.js'
import { askPhoneLast4, askVerify, reverify, verificationLocked } from './verify-visitor.js'

/** Purposes that change an order: they need a signed-in customer or a fresh verification. */
const WRITE_PURPOSES = new Set(['modify_order', 'cancel_order', 'return_refund'])

export { type ItemMention, knownCustomerId, mentionedItem, orderOfMentionedItem } from './order-item-mention.js'

export type OrderResolution = { order: Order; customerId?: string } | { result: SkillResult }

const STATUS_LABEL: Record<Order['status'], [string, string]> = {
  pending_payment: ['待付款', 'awaiting payment'],
  paid: ['已付款待发货', 'paid, not shipped yet'],
  shipped: ['已发货', 'shipped'],
  delivered: ['已签收', 'delivered'],
  completed: ['已完成', 'completed'],
  cancelled: ['已取消', 'cancelled'],
  refunding: ['退款中', 'refund in progress'],
  refunded: ['已退款', 'refunded'],
}

/** The status of an order in the customer's words. */
export function statusLabel(status: Order['status'], locale: 'zh' | 'en'): string {
  const l = STATUS_LABEL[status]
  return locale === 'zh' ? l[0] : l[1]
}

/** A one-line description of an order used in lists and buttons. */
export function orderLine(o: Order, locale: 'zh' | 'en'): string {
  const first = o.items[0]
  const title = first?.title ?? first?.sku ?? ''
  const more = o.items.length > 1 ? say(locale, ` 等${o.items.length}件`, ` +${o.items.length - 1} more`) : ''
  return `${o.orderNo} · ${title}${more} · ${statusLabel(o.status, locale)} · ${day(o.createdAt)}`
}

const digits = digitsOnly

function notFound(sc: SkillContext, orders: Order[]): SkillResult {
  const text = say(
    sc.locale,
    '没有查到这个订单号对应的订单，请核对后重新输入订单号。',
    "I couldn't find an order with that number. Please check it and send the order number again.",
  )
  sc.state.slots.order = undefined
  delete sc.state.slots.order
  return ask(
    sc,
    'order',
    { text, ...(orders.length > 0 ? { buttons: orderButtons(orders, sc.locale) } : {}) },
    'order_not_found',
  )
}

function orderButtons(orders: Order[], locale: 'zh' | 'en') {
  return orders.slice(0, 5).map((o) => ({ label: orderLine(o, locale), payload: o.orderNo }))
}

/** Applies "the second one" / "the other one" to the order candidates the bot listed before. */
export function applyOrderReference(sc: SkillContext): void {
  const c = sc.state.candidates
  if (c?.kind !== 'order' || c.ids.length === 0) return
  if (sc.extracted.order) return
  const { ordinal, correction } = sc.signals
  if (ordinal !== null) {
    const id = ordinal === -1 ? c.ids[c.ids.length - 1] : c.ids[ordinal]
    if (id) sc.state.slots.order = id
    return
  }
  if (correction && c.ids.length === 2 && typeof sc.state.slots.order === 'string') {
    const other = c.ids.find((i) => i !== sc.state.slots.order)
    if (other) sc.state.slots.order = other
  }
}

/**
 * "the robot vacuum", "1.5米那个", "待付款那个" after the bot listed orders: the listed order the message
 * describes by its items or status (see nlu/pick-by-description), or null.
 */
export async function pickListedOrder(sc: SkillContext): Promise<string | null> {
  const c = sc.state.candidates
  const custId = knownCustomerId(sc)
  if (c?.kind !== 'order' || c.ids.length < 2 || !custId) return null
  const listed: Order[] = []
  for (const id of c.ids) {
    const o = await sc.ctx.store.orders.get(sc.ctx.shop.id, id)
    if (o && o.customerId === custId) listed.push(o)
  }
  const titled = await titledOrders(sc, listed)
  const described = sc.understanding.read.pickByDescription(
    titled.map((o) => ({
      id: o.orderNo,
      texts: [
        ...o.items.flatMap((i) => [i.title ?? i.sku, i.size ?? '', i.color ?? '']),
        statusLabel(o.status, 'zh'),
        statusLabel(o.status, 'en'),
      ],
    })),
  )
  if (described) return described
  // "不是待付款那个，是已经付了钱的那单": the one listed order in the status named.
  const status = sc.cues.orderByStatus
  const inStatus = status ? titled.filter((o) => o.status === status) : []
  if (inStatus.length === 1) return inStatus[0]!.orderNo
  // "the perfume one" for an Eau de Parfum: the one listed order holding the product or kind named.
  const item = await mentionedItem(sc)
  if (!item) return null
  const holding = titled.filter((o) => o.items.some(item.matches))
  if (holding.length === 1) return holding[0]!.orderNo
  const near = item.near ? titled.filter((o) => o.items.some(item.near!)) : []
  return holding.length === 0 && near.length === 1 ? near[0]!.orderNo : null
}

/**
 * The one order of `mine` in the status the message names it by ("已经付了钱的那单", "the unpaid one"),
 * among the orders holding the item it names when it names one; null when a number was given
 * or it does not single one out.
 */
async function orderNamedByStatus(sc: SkillContext, mine: Order[]): Promise<Order | null> {
  const status = sc.cues.orderByStatus
  if (!status || sc.extracted.order) return null
  let inStatus = mine.filter((o) => o.status === status)
  if (inStatus.length > 1) {
    const item = await mentionedItem(sc)
    if (item) inStatus = inStatus.filter((o) => o.items.some(item.matches))
  }
  return inStatus.length === 1 ? inStatus[0]! : null
}

/**
 * Finds the order this turn is about. `prefer` narrows the customer's orders when no number was given
 * (e.g. only shipped orders for a logistics question); with `byItem`, a product or category the
 * message names ("return the earbuds") narrows them to the orders holding it and puts that item in
 * the `sku` slot. When several remain the customer is asked.
 */
export async function resolveOrder(
  sc: SkillContext,
  opts: {
    prefer?: (o: Order) => boolean
    /** When no order is preferred: these before the rest (a parcel delivered this week before long-finished orders). */
    thenPrefer?: (o: Order) => boolean
    purpose: string
    byItem?: boolean
    /** false: an item named does not move off the carried order (it is what to add, not which order). */
    switchByItem?: boolean
    /**
     * Several orders fit and nothing picks one: answer about all of them (a status line each) instead
     * of asking which. The customer can still pick one for details (candidates + awaiting 'order').
     */
    answerSeveral?: (orders: Order[]) => SkillResult
  },
): Promise<OrderResolution> {
  const { store, shop } = sc.ctx
  const custId = knownCustomerId(sc)
  const slotOrder = typeof sc.state.slots.order === 'string' ? sc.state.slots.order : undefined

  if (custId && WRITE_PURPOSES.has(opts.purpose) && !verificationFreshForWrite(sc)) {
    // A visitor verified a while ago: before a write, the phone digits are asked again (the order
    // number is kept) and checked under the same throttle as a first verification.
    const stale = await reverify(sc, custId, slotOrder)
    if (stale) return { result: stale }
  }

  if (!custId) {
    if (!sc.policy.requireVerification) {
      if (!slotOrder) return { result: askVerify(sc, false) }
      const o = await store.orders.get(shop.id, slotOrder)
      return o ? { order: (await titledOrders(sc, [o]))[0]! } : { result: notFound(sc, []) }
    }
    // After a failed attempt the digits are kept, so a corrected order number ("打错了 是KF…") is checked
    // with them; the same order number sent again means the digits were the wrong half.
    const failedOn = sc.state.slots.failedVerifyOrder
    if (failedOn !== undefined && slotOrder && failedOn === orderKey(slotOrder) && !sc.extracted.phoneLast4)
      delete sc.state.slots.phoneLast4
    const last4 = typeof sc.state.slots.phoneLast4 === 'string' ? sc.state.slots.phoneLast4 : undefined
    if (!slotOrder) return { result: askVerify(sc, false) }
    if (!last4) return { result: askPhoneLast4(sc, 'verify_identity_need_phone_last4') }
    // Throttle first: a locked order number is not even compared, so a right guess after the
    // limit gains nothing; a number that does not exist locks the same way.
    const blocked = await verificationBlocked(sc, slotOrder)
    const order = blocked ? null : await store.orders.get(shop.id, slotOrder)
    if (order) {
      const customer = await store.customers.get(shop.id, order.customerId)
      const ok = digits(customer?.phone).endsWith(last4) || digits(order.address?.phone).endsWith(last4)
      if (ok && customer) {
        delete sc.state.slots.failedVerifyOrder
        sc.state.verifiedCustomerId = customer.id
        sc.state.verifiedAt = sc.ctx.now.toISOString()
        sc.customer = customer
        return { order: (await titledOrders(sc, [order]))[0]!, customerId: customer.id }
      }
    }
    const event = verificationFailedEvent(sc, slotOrder, blocked)
    // Wrong digits: the order number is kept so "哦不对，是2222" can correct them (every attempt is
    // still counted by the throttle); a new order number in the next message replaces it.
    if (blocked) {
      delete sc.state.slots.order
      delete sc.state.slots.phoneLast4
      delete sc.state.slots.failedVerifyOrder
    } else sc.state.slots.failedVerifyOrder = orderKey(slotOrder)
    const result = blocked ? verificationLocked(sc) : askVerify(sc, true)
    return { result: { ...result, events: [...(result.events ?? []), event] } }
  }

  // Item titles come from the catalog where the order has none (shown in lists, buttons, replies).
  const mine = await titledOrders(sc, await store.orders.listByCustomer(shop.id, custId))
  mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  // "付了的那单最晚哪天能发": the customer's one order in the status named, over an order carried along.
  const byStatus = await orderNamedByStatus(sc, mine)
  if (byStatus) {
    sc.state.slots.order = byStatus.orderNo
    return { order: byStatus }
  }
  if (slotOrder) {
    let o = mine.find((x) => x.orderNo.toUpperCase() === slotOrder.toUpperCase())
    if (!o) return { result: notFound(sc, mine) }
    // A carried order gives way to the other order the message names by its items ("毛衣裙那单").
    if (opts.byItem && opts.switchByItem !== false && !sc.extracted.order && sc.signals.ordinal === null) {
      const other = await namedOtherOrder(sc, mine, o.orderNo)
      if (other) {
        o = other
        const item = await mentionedItem(sc)
        const its = item ? itemsMeant(other, item) : []
        if (its.length === 1) sc.state.slots.sku = its[0]!.sku
        else delete sc.state.slots.sku
      }
    }
    sc.state.slots.order = o.orderNo
    return { order: o }
  }
  if (mine.length === 0) {
    return {
      result: {
        replies: [
          {
            text: say(
              sc.locale,
              '您的账户下暂时没有订单。如果是用其他账号下的单，请告诉我订单号。',
              "I can't see any orders on your account. If you ordered with another account, send me the order number.",
            ),
          },
        ],
        action: 'answer',
        reason: 'customer_has_no_orders',
        done: true,
      },
    }
  }
  // "那个6798的单子", "858块那单": the one order whose total the customer says.
  const said = sc.understanding.read.numbersSaid().filter((n) => n >= 10)
  const byTotal = said.length > 0 ? mine.filter((o) => said.includes(o.total)) : []
  if (byTotal.length === 1) {
    sc.state.slots.order = byTotal[0]!.orderNo
    return { order: byTotal[0]! }
  }
  if (opts.byItem && opts.answerSeveral) {
    // "电脑和充电器两个快递 哪个先到": every order holding an item the message names.
    const named = await ordersOfNamedItems(sc, mine)
    if (named.length >= 2) {
      sc.state.candidates = { kind: 'order', ids: named.slice(0, 5).map((o) => o.orderNo) }
      // The first one named is what the question is about ("耳机明明比T恤先下单 …耳机还在路上").
      sc.state.slots.order = named[0]!.orderNo
      return { result: opts.answerSeveral(named.slice(0, 5)) }
    }
  }
  const item = opts.byItem ? await mentionedItem(sc) : null
  let candidates = mine
  let missing: string | null = null
  if (item) {
    const exact = mine.filter((o) => o.items.some(item.matches))
    const near = item.near
    const holding = exact.length > 0 || !near ? exact : mine.filter((o) => o.items.some(near))
    // "the two vacuum bottles": the word is also in an ordered item's title (in the customer's language)
    // though the catalog files the item under another category.
    const word = item.label.toLowerCase()
    const titleHas = async (i: OrderItem): Promise<boolean> => {
      const p = await sc.ctx.store.products.get(sc.ctx.shop.id, i.sku)
      const en = (p?.attributes as { titleEn?: unknown } | undefined)?.titleEn
      return [i.title, p?.title, typeof en === 'string' ? en : ''].some((t) => (t ?? '').toLowerCase().includes(word))
    }
    const byTitle: Order[] = []
    if (holding.length === 0 && word.length >= 2)
      for (const o of mine) for (const i of o.items) if (!byTitle.includes(o) && (await titleHas(i))) byTitle.push(o)
    if (holding.length > 0) candidates = holding
    else if (byTitle.length > 0) candidates = byTitle
    else missing = item.label
  }
  const preferred = opts.prefer ? candidates.filter(opts.prefer) : candidates
  const second = preferred.length === 0 && opts.thenPrefer ? candidates.filter(opts.thenPrefer) : []
  let pool = preferred.length > 0 ? preferred : second.length > 0 ? second : candidates
  if (item && !missing && pool.length > 1) {
    // "黑色帆布鞋" when two orders hold the canvas shoes: the one whose line the message describes
    // (colour, size, title words, the product's aliases) — among every order holding the item, not only the preferred ones.
    const one = await orderDescribedByLines(sc, candidates, (o) => itemsMeant(o, item))
    if (one) pool = [one]
  }
  if (opts.byItem && !item && pool.length > 1) {
    // A product the catalog matcher does not know in these words ("a second oil dispenser" against an
    // order line titled "… Glass Oil Dispenser 550ml"): the one order whose item titles the message describes.
    const titled = await titledOrders(sc, pool)
    const id = sc.understanding.read.pickByDescription(
      titled.map((o) => ({ id: o.orderNo, texts: o.items.map((i) => i.title ?? i.sku) })),
      { numbers: false, minScore: 3, maxChars: describeMaxChars(sc) },
    )
    const one = id ? pool.find((o) => o.orderNo === id) : undefined
    if (one) pool = [one]
  }
  // "今早那单", "13号买锅那单": the one order placed on the day the customer says.
  const saidDay = sc.extracted.date
  const onDay =
    saidDay && pool.length > 1 ? pool.filter((o) => day(o.createdAt, shopTimeZone(sc.ctx.shop)) === saidDay) : []
  if (onDay.length === 1) pool = onDay
  if (pool.length === 1 && !missing) {
    const o = pool[0]!
    sc.state.slots.order = o.orderNo
    const its = item ? itemsMeant(o, item) : []
    // "the serum" among two skincare items: the one whose title carries the word.
    const byTitle = item ? its.filter((i) => (i.title ?? '').toLowerCase().includes(item.label.toLowerCase())) : []
    if (its.length === 1) sc.state.slots.sku = its[0]!.sku
    else if (byTitle.length === 1) sc.state.slots.sku = byTitle[0]!.sku
    return { order: o }
  }
  if (missing) {
    // Never guess another order for an item the customer does not have: say so and let them pick.
    sc.state.candidates = { kind: 'order', ids: pool.slice(0, 5).map((o) => o.orderNo) }
    const listText = pool
      .slice(0, 5)
      .map((o, i) => `${i + 1}. ${orderLine(o, sc.locale)}`)
      .join('\n')
    return {
      result: ask(
        sc,
        'order',
        {
          text: say(
            sc.locale,
            `您的订单里没有找到“${missing}”。您最近的订单是：\n${listText}\n请问是哪一个？如果是用其他账号买的，请告诉我订单号。`,
            `I can't find "${missing}" in your orders. Your recent orders are:\n${listText}\nWhich one is it? If you bought it with another account, send me the order number.`,
          ),
          buttons: orderButtons(pool, sc.locale),
        },
        `item_not_in_orders:${opts.purpose}`,
      ),
    }
  }
  sc.state.candidates = { kind: 'order', ids: pool.slice(0, 5).map((o) => o.orderNo) }
  if (opts.answerSeveral) return { result: opts.answerSeveral(pool.slice(0, 5)) }
  const listText = pool
    .slice(0, 5)
    .map((o, i) => `${i + 1}. ${orderLine(o, sc.locale)}`)
    .join('\n')
  return {
    result: ask(
      sc,
      'order',
      {
        text: say(
          sc.locale,
          `您有 ${pool.length} 个订单，请问是哪一个？\n${listText}`,
          `You have ${pool.length} orders. Which one do you mean?\n${listText}`,
        ),
        buttons: orderButtons(pool, sc.locale),
      },
      `several_orders_ask_which:${opts.purpose}`,
    ),
  }
}
