/**
 * Identity and "which order?": a customer sees only their own orders; an anonymous visitor verifies
 * with order number + last 4 phone digits first. Another customer's order number gets exactly the same
 * reply as a number that does not exist, so order numbers cannot be probed.
 */
import type { Order, OrderItem } from '../domain/schemas.js'
import { pickByDescription } from '../nlu/pick-by-description.js'
import { digitsOnly } from '../text/match-keys.js'
import { titledOrders } from './order-item-titles.js'
import { type CategoryMention, categoryRank, mentionedCategory, skuCategory } from './product-mention.js'
import { catalogHit } from './resolve-product.js'
import { ask, type SkillContext, type SkillResult } from './skill-types.js'
import { day, say } from './text.js'
import { verificationBlocked, verificationFailedEvent, verificationFreshForWrite } from './verification-guard.js'

/** Purposes that change an order: they need a signed-in customer or a fresh verification. */
const WRITE_PURPOSES = new Set(['modify_order', 'cancel_order', 'return_refund'])

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
  return `${o.orderNo} · ${title}${more} · ${statusLabel(o.status, locale)} · ${day(o.createdAt, locale)}`
}

const digits = digitsOnly

/** The customer id this conversation may see orders of, or null for an unverified visitor. */
export function knownCustomerId(sc: SkillContext): string | null {
  return sc.customer?.id ?? sc.ctx.customer?.id ?? sc.state.verifiedCustomerId ?? null
}

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
  return pickByDescription(
    sc.ctx.text,
    titled.map((o) => ({
      id: o.orderNo,
      texts: [
        ...o.items.flatMap((i) => [i.title ?? i.sku, i.size ?? '', i.color ?? '']),
        statusLabel(o.status, 'zh'),
        statusLabel(o.status, 'en'),
      ],
    })),
  )
}

/** The product or kind of product this turn's message names, as a test on order items. */
export type ItemMention = {
  label: string
  matches: (item: OrderItem) => boolean
  /** Items of the named product's kind: "snow boots" names one boot, the customer ordered another. */
  near?: (item: OrderItem) => boolean
}

/**
 * "return the earbuds", "我的手机到哪了": the item the message names (a catalog product, else a
 * category word), or null when it names none.
 */
export async function mentionedItem(sc: SkillContext): Promise<ItemMention | null> {
  const named = sc.extracted.sku ? await sc.ctx.store.products.get(sc.ctx.shop.id, sc.extracted.sku) : null
  const hit = named ? { p: named, name: named.title } : await catalogHit(sc)
  const mention: CategoryMention | null = await mentionedCategory(sc)
  if (!hit && !mention) {
    // A brand or series naming several products ("RayBook那单"): any of them.
    const ent = sc.ctx.nlu.entities.find((e) => e.type === 'product')
    const v = ent?.value as { skus?: unknown } | undefined
    const skus = Array.isArray(v?.skus) ? v.skus.filter((x): x is string => typeof x === 'string') : []
    if (!ent || skus.length === 0) return null
    return { label: ent.text, matches: (item) => skus.includes(item.sku) }
  }
  const categoryOf = await skuCategory(sc)
  // The words the customer used for the product ("雪地靴" is an alias of one boot and part of another's
  // title): an ordered item whose title carries them is the one meant, whichever SKU the catalog found.
  const said = (sc.ctx.nlu.entities.find((e) => e.type === 'product')?.text ?? '').trim().toLowerCase()
  return {
    label: hit ? hit.name : mention!.word,
    matches: (item) => {
      if (hit) return item.sku === hit.p.sku || (said.length >= 2 && (item.title ?? '').toLowerCase().includes(said))
      const cat = categoryOf(item.sku)
      return cat !== undefined && categoryRank(mention!, cat) >= 0
    },
    ...(hit ? { near: (item: OrderItem) => categoryOf(item.sku) === hit.p.category } : {}),
  }
}

/**
 * The customer's one order holding the item this message names ("笔记本那单能开发票吗", "my wok
 * refund??"), for questions that do not act on an order but are about one. `prefer` narrows several
 * (e.g. orders with a refund); null when nothing is named, the visitor is unknown or it stays ambiguous.
 * Sets the `order` slot (and `sku` when one line of that order matches).
 */
export async function orderOfMentionedItem(sc: SkillContext, prefer?: (o: Order) => boolean): Promise<Order | null> {
  const custId = knownCustomerId(sc)
  if (!custId || sc.extracted.order) return null
  const item = await mentionedItem(sc)
  const mine = await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId)
  if (!item) {
    // A model word the catalog matcher does not know alone ("RayBook那单"): the order whose items it describes.
    const live = await titledOrders(
      sc,
      mine.filter((o) => o.status !== 'cancelled'),
    )
    const id = pickByDescription(
      sc.ctx.text,
      live.map((o) => ({ id: o.orderNo, texts: o.items.map((i) => i.title ?? i.sku) })),
      { numbers: false, minScore: 3, maxChars: 80 },
    )
    const o = id ? live.find((x) => x.orderNo === id) : undefined
    if (!o) return null
    sc.state.slots.order = o.orderNo
    if (o.items.length === 1) sc.state.slots.sku = o.items[0]!.sku
    return o
  }
  const exact = mine.filter((o) => o.items.some(item.matches))
  const near = item.near
  const holding = exact.length > 0 || !near ? exact : mine.filter((o) => o.items.some(near))
  const live = holding.filter((o) => o.status !== 'cancelled')
  const base = live.length > 0 ? live : holding
  const preferred = prefer ? base.filter(prefer) : base
  const pool = preferred.length > 0 ? preferred : base
  if (pool.length !== 1) return null
  const o = pool[0]!
  sc.state.slots.order = o.orderNo
  const its = itemsMeant(o, item)
  if (its.length === 1) sc.state.slots.sku = its[0]!.sku
  return o
}

/** The lines of an order a mention means: the named product, else (when it has none) items of its kind. */
function itemsMeant(o: Order, item: ItemMention): OrderItem[] {
  const its = o.items.filter(item.matches)
  return its.length > 0 || !item.near ? its : o.items.filter(item.near)
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
    purpose: string
    byItem?: boolean
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
        sc.state.verifiedCustomerId = customer.id
        sc.state.verifiedAt = sc.ctx.now.toISOString()
        sc.customer = customer
        return { order: (await titledOrders(sc, [order]))[0]!, customerId: customer.id }
      }
    }
    const event = verificationFailedEvent(sc, slotOrder, blocked)
    delete sc.state.slots.order
    delete sc.state.slots.phoneLast4
    const result = blocked ? verificationLocked(sc) : askVerify(sc, true)
    return { result: { ...result, events: [...(result.events ?? []), event] } }
  }

  // Item titles come from the catalog where the order has none (shown in lists, buttons, replies).
  const mine = await titledOrders(sc, await store.orders.listByCustomer(shop.id, custId))
  mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  if (slotOrder) {
    const o = mine.find((x) => x.orderNo.toUpperCase() === slotOrder.toUpperCase())
    if (!o) return { result: notFound(sc, mine) }
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
  let pool = preferred.length > 0 ? preferred : candidates
  if (item && !missing && pool.length > 1) {
    // "黑色帆布鞋" when two orders hold the canvas shoes: the one whose line the message describes
    // (colour, size, title words) — among every order holding the item, not only the preferred ones.
    const holding = await titledOrders(sc, candidates)
    const picked = pickByDescription(
      sc.ctx.text,
      holding.map((o) => ({
        id: o.orderNo,
        texts: itemsMeant(o, item).flatMap((i) => [i.title ?? i.sku, i.size ?? '', i.color ?? '']),
      })),
      { maxChars: 80 },
    )
    const one = picked ? candidates.find((o) => o.orderNo === picked) : undefined
    if (one) pool = [one]
  }
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

/** Re-verification of a visitor before a write; null when it succeeded this turn. */
async function reverify(sc: SkillContext, custId: string, slotOrder: string | undefined): Promise<SkillResult | null> {
  const last4 = sc.state.awaiting === 'phoneLast4' ? sc.state.slots.phoneLast4 : undefined
  if (typeof last4 !== 'string') {
    delete sc.state.slots.phoneLast4
    sc.state.verifiedAt = null
    return askPhoneLast4(sc, 'verification_expired')
  }
  const key = slotOrder ?? `customer:${custId}`
  const blocked = await verificationBlocked(sc, key)
  if (!blocked) {
    const customer = await sc.ctx.store.customers.get(sc.ctx.shop.id, custId)
    const order = slotOrder ? await sc.ctx.store.orders.get(sc.ctx.shop.id, slotOrder) : null
    const phones = [customer?.phone, order?.customerId === custId ? order.address?.phone : undefined]
    if (phones.some((p) => digits(p).length >= 4 && digits(p).endsWith(last4))) {
      sc.state.verifiedAt = sc.ctx.now.toISOString()
      return null
    }
  }
  delete sc.state.slots.phoneLast4
  const result = blocked ? verificationLocked(sc) : askPhoneLast4(sc, 'verification_expired')
  return { ...result, events: [verificationFailedEvent(sc, key, blocked)] }
}

function askPhoneLast4(sc: SkillContext, reason: string): SkillResult {
  const expired = reason === 'verification_expired'
  return ask(
    sc,
    'phoneLast4',
    {
      text: expired
        ? say(
            sc.locale,
            '为保护您的订单安全，修改订单前需要重新验证：请再发送一次下单手机号的后 4 位。',
            'To keep your order safe, please verify again before changing it: send the last 4 digits of the phone number on the order.',
          )
        : say(
            sc.locale,
            '为保护您的隐私，请再提供下单手机号的后 4 位。',
            'To protect your privacy, please also send the last 4 digits of the phone number on the order.',
          ),
    },
    reason,
  )
}

/** Too many failed attempts: only an agent can verify this order now (same reply for any number). */
function verificationLocked(sc: SkillContext): SkillResult {
  sc.state.awaiting = null
  sc.state.prompt = null
  return {
    replies: [
      {
        text: say(
          sc.locale,
          '验证失败次数过多，为保护订单安全，暂时无法在线验证这个订单。请说“转人工”由客服为您核实身份。',
          'There have been too many failed attempts, so this order cannot be verified online for now. Say "human" and an agent will verify your identity.',
        ),
        buttons: [
          { label: say(sc.locale, '转人工', 'Talk to an agent'), payload: say(sc.locale, '转人工', 'human agent') },
        ],
      },
    ],
    action: 'answer',
    reason: 'verification_locked',
    done: true,
  }
}

function askVerify(sc: SkillContext, failed: boolean): SkillResult {
  const text = failed
    ? say(
        sc.locale,
        '订单号和手机号后 4 位不匹配，无法查询。请核对后重新发送订单号和下单手机号后 4 位。',
        "The order number and phone digits don't match, so I can't show that order. Please send the order number and the last 4 digits of the phone number again.",
      )
    : say(
        sc.locale,
        '为保护您的隐私，请提供订单号和下单手机号的后 4 位，验证后我帮您查询。',
        'To protect your privacy, please send your order number and the last 4 digits of the phone number used for the order.',
      )
  return ask(sc, 'verify', { text }, failed ? 'verification_failed' : 'verify_identity')
}
