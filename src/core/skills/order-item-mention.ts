/**
 * Orders named by what they hold: the product or kind of product a message names ("return the
 * earbuds", "毛衣裙那单"), the customer's one order holding it, and the lines of an order it means.
 */
import type { Order, OrderItem } from '../domain/schemas.js'
import { describeMaxChars, orderDescribedByLines } from './describe-order-lines.js'
import { titledOrders } from './order-item-titles.js'
import { type CategoryMention, categoryRank, mentionedCategory, skuCategory } from './product-mention.js'
import { catalogHit } from './resolve-product.js'
import type { SkillContext } from './skill-types.js'

/** The customer id this conversation may see orders of, or null for an unverified visitor. */
export function knownCustomerId(sc: SkillContext): string | null {
  return sc.customer?.id ?? sc.ctx.customer?.id ?? sc.state.verifiedCustomerId ?? null
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
    const id = sc.understanding.read.pickByDescription(
      live.map((o) => ({ id: o.orderNo, texts: o.items.map((i) => i.title ?? i.sku) })),
      { numbers: false, minScore: 3, maxChars: describeMaxChars(sc) },
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
  // "扫地机那单" when two orders hold an appliance: the one whose line the words describe.
  const o = pool.length === 1 ? pool[0]! : await orderDescribedByLines(sc, pool, (x) => itemsMeant(x, item))
  if (!o) return null
  sc.state.slots.order = o.orderNo
  const its = itemsMeant(o, item)
  if (its.length === 1) sc.state.slots.sku = its[0]!.sku
  return o
}

/** The lines of an order a mention means: the named product, else (when it has none) items of its kind. */
export function itemsMeant(o: Order, item: ItemMention): OrderItem[] {
  const its = o.items.filter(item.matches)
  return its.length > 0 || !item.near ? its : o.items.filter(item.near)
}

/**
 * "毛衣裙那单发了没" while the conversation carries another order: the one other order of the customer's
 * (`mine`) that holds what the message names — a catalog product or kind, else item-title words — when
 * the carried order `current` holds nothing of it. Null when nothing is named, the carried order holds
 * it, or the name fits several orders.
 */
export async function namedOtherOrder(sc: SkillContext, mine: Order[], current: string): Promise<Order | null> {
  const now = mine.find((o) => o.orderNo === current)
  if (!now) return null
  const item = await mentionedItem(sc)
  if (item) {
    const others = mine.filter((o) => o.orderNo !== current)
    if (itemsMeant(now, item).length > 0) {
      // "补配的右耳机" while the laptop-and-earbuds order is on the table: another order holds a line the
      // words describe better (its title shares more of them), so the message is about that one.
      const alsoHolding = others.filter((o) => o.status !== 'cancelled' && itemsMeant(o, item).length > 0)
      if (alsoHolding.length === 0) return null
      const best = await orderDescribedByLines(sc, [now, ...alsoHolding], (o) => itemsMeant(o, item))
      return best && best.orderNo !== current ? best : null
    }
    const exact = others.filter((o) => o.items.some(item.matches))
    const near = item.near
    const holding = exact.length > 0 || !near ? exact : others.filter((o) => o.items.some(near))
    const live = holding.filter((o) => o.status !== 'cancelled')
    const pool = live.length > 0 ? live : holding
    return pool.length === 1 ? pool[0]! : null
  }
  const titled = await titledOrders(sc, mine)
  const id = sc.understanding.read.pickByDescription(
    titled.map((o) => ({ id: o.orderNo, texts: o.items.map((i) => i.title ?? i.sku) })),
    { numbers: false, minScore: 3, maxChars: describeMaxChars(sc) },
  )
  return id && id !== current ? (mine.find((o) => o.orderNo === id) ?? null) : null
}
