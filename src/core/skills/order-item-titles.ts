/**
 * Order lines as the customer sees them: an item imported without a title shows the catalog
 * product's title in the customer's language, read when the order is shown (a later catalog fix
 * shows up at once), and "unknown item SKU" only when the catalog has no such SKU. One catalog read
 * per distinct SKU per turn.
 */
import type { Locale, Order, Product } from '../domain/schemas.js'
import { productTitle } from './resolve-product.js'
import type { SkillContext } from './skill-types.js'
import { say } from './text.js'

export type ProductLookup = { get(shopId: string, sku: string): Promise<Product | null> }

/** SKU → product (or null) already read in this turn. */
export type TitleCache = Map<string, Promise<Product | null>>

/**
 * Copies of `orders` whose untitled items carry a title; orders that need none are returned as they are.
 *
 * @example
 * const mine = await withItemTitles(store.products, shop.id, 'zh', await store.orders.listByCustomer(shop.id, id))
 */
export async function withItemTitles(
  products: ProductLookup,
  shopId: string,
  locale: Locale,
  orders: Order[],
  cache: TitleCache = new Map(),
): Promise<Order[]> {
  const missing = new Set<string>()
  for (const o of orders) for (const i of o.items) if (!i.title?.trim()) missing.add(i.sku)
  if (missing.size === 0) return orders
  const titles = new Map<string, string>()
  await Promise.all(
    [...missing].map(async (sku) => {
      let p = cache.get(sku)
      if (!p) {
        p = products.get(shopId, sku)
        cache.set(sku, p)
      }
      const product = await p
      titles.set(sku, product ? productTitle(product, locale) : say(locale, `未知商品 ${sku}`, `unknown item ${sku}`))
    }),
  )
  return orders.map((o) =>
    o.items.every((i) => i.title?.trim())
      ? o
      : { ...o, items: o.items.map((i) => (i.title?.trim() ? i : { ...i, title: titles.get(i.sku)! })) },
  )
}

const turnCaches = new WeakMap<object, TitleCache>()

/** `withItemTitles` for a skill: the customer's language, one cache per turn. */
export function titledOrders(sc: SkillContext, orders: Order[]): Promise<Order[]> {
  let cache = turnCaches.get(sc.ctx)
  if (!cache) {
    cache = new Map()
    turnCaches.set(sc.ctx, cache)
  }
  return withItemTitles(sc.ctx.store.products, sc.ctx.shop.id, sc.locale, orders, cache)
}
