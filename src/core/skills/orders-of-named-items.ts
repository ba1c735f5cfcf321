/**
 * "电脑和充电器两个快递 哪个先到", "手机咋还不发货？还有那个儿童手表的单子付了没": a message that names
 * two or more of the customer's items asks about each of their orders, not about one of them.
 */
import type { Order } from '../domain/schemas.js'
import { categoryRank, shopCategories, skuCategory } from './product-mention.js'
import type { SkillContext } from './skill-types.js'

/**
 * The customer's orders holding the items this message names, when it names at least two kinds of
 * product or two products that sit in different orders; otherwise an empty list (one item named is
 * the single-order path's business). Cancelled orders do not count. Newest first within each item.
 */
export async function ordersOfNamedItems(sc: SkillContext, mine: readonly Order[]): Promise<Order[]> {
  const live = mine.filter((o) => o.status !== 'cancelled')
  const categoryOf = await skuCategory(sc)
  // Products named that the customer ordered (an alias such as 跑鞋 also names a catalog product they never bought).
  const skus = [
    ...new Set(
      sc.ctx.nlu.entities
        .filter((e) => e.type === 'product' && typeof e.value === 'string')
        .map((e) => e.value as string),
    ),
  ].filter((s) => live.some((o) => o.items.some((i) => i.sku === s)))
  const skuCats = new Set(skus.map((s) => categoryOf(s)).filter((c): c is string => c !== undefined))
  // A kind of product that only restates a product named with it ("X2 Pro 手机") is not a second item.
  const kinds = sc.understanding.read
    .categoryMentions(await shopCategories(sc))
    .filter((m) => !m.categories.some((c) => skuCats.has(c)))
  const tests: Array<(sku: string) => boolean> = [
    ...skus.map((s) => (sku: string) => sku === s),
    ...kinds.map((m) => (sku: string) => {
      const cat = categoryOf(sku)
      return cat !== undefined && categoryRank(m, cat) >= 0
    }),
  ]
  if (tests.length < 2) return []
  const out: Order[] = []
  let matched = 0
  for (const test of tests) {
    const holding = live.filter((o) => o.items.some((i) => test(i.sku)))
    if (holding.length > 0) matched++
    for (const o of holding) if (!out.includes(o)) out.push(o)
  }
  return matched >= 2 && out.length >= 2 ? out : []
}
