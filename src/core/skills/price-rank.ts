/**
 * "你们家最便宜的羽绒服多少钱", "what's the most expensive phone you've got?": the product at the low or high end of
 * a kind's prices, among those in stock (the understanding's `rank` on the recommendation request). Cheaper (or
 * dearer) ones that are sold out are named as such, products at the same price are all given (a men's and a
 * women's cut), and the first becomes the product in context for what follows ("does it come in titanium?").
 */
import type { LastRecommendation } from '../dialogue/dialogue-state.js'
import type { Product } from '../domain/schemas.js'
import type { RecommendRequest } from '../nlu/parse-recommend-request.js'
import { catalogCategories } from '../recommend/category-concepts.js'
import { localTitle } from '../recommend/recommend-products.js'
import { isLargeCatalog, shopCategories, shopProducts } from './product-mention.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { money, say } from './text.js'

/** How many products at the same price are shown. */
const MAX_TIES = 3
/** How many sold-out products beyond the answer are named. */
const MAX_SOLD_OUT = 3

const inCategories = (p: Product, categories: readonly string[]) =>
  categories.some((c) => p.category === c || p.category.startsWith(`${c}/`))

function genderOf(p: Product): string | null {
  const g = (p.attributes as Record<string, unknown>).gender
  return typeof g === 'string' ? g : null
}

/** The product question "最便宜的羽绒服多少钱": the request read against the shop's categories, then the answer. */
export async function priceRankSkill(sc: SkillContext): Promise<SkillResult | null> {
  const products = await shopProducts(sc)
  const categories = (await isLargeCatalog(sc)) ? await shopCategories(sc) : catalogCategories(products)
  const request = sc.understanding.read.recommendRequest({ categories })
  return priceRankAnswer(sc, request, products)
}

export function priceRankAnswer(sc: SkillContext, request: RecommendRequest, products: Product[]): SkillResult | null {
  const rank = request.rank
  if (!rank || request.categories.length === 0) return null
  const L = sc.locale
  const kind = products.filter(
    (p) =>
      inCategories(p, request.categories) &&
      (!request.gender || genderOf(p) === null || genderOf(p) === request.gender || genderOf(p) === 'unisex'),
  )
  if (kind.length === 0) return null
  const order = (a: Product, b: Product) => (rank === 'lowest' ? a.price - b.price : b.price - a.price)
  const sorted = [...kind].sort(order)
  const inStock = sorted.filter((p) => p.stock > 0)
  const best = inStock[0]
  if (!best) {
    return done(
      sc,
      [{ text: say(L, '抱歉，这类商品目前都缺货。', 'Sorry, everything of that kind is sold out right now.') }],
      'answer',
      'price_rank_none_in_stock',
    )
  }
  const ties = inStock.filter((p) => p.price === best.price).slice(0, MAX_TIES)
  // Sold out and beyond the answer: cheaper ones for "cheapest", dearer ones for "most expensive".
  const soldOut = sorted
    .filter((p) => p.stock <= 0 && (rank === 'lowest' ? p.price < best.price : p.price > best.price))
    .slice(0, MAX_SOLD_OUT)
  const line = (p: Product) => {
    const was =
      p.listPrice && p.listPrice > p.price
        ? say(L, `（原价 ${money(p.listPrice, p.currency)}）`, ` (was ${money(p.listPrice, p.currency)})`)
        : ''
    const low = p.stock <= 5 ? say(L, `，仅剩 ${p.stock} 件`, `, only ${p.stock} left`) : ''
    return `${localTitle(p, L)} ${money(p.price, p.currency)}${was}${low}`
  }
  const head =
    rank === 'lowest'
      ? say(L, '目前有货的里面最便宜的是：', 'The cheapest one in stock:')
      : say(L, '目前有货的里面最贵的是：', 'The most expensive one in stock:')
  const lines = [head, ...ties.map(line)]
  if (soldOut.length > 0) {
    const names = soldOut.map((p) => `${localTitle(p, L)} ${money(p.price, p.currency)}`)
    lines.push(
      rank === 'lowest'
        ? say(L, `更便宜的 ${names.join('、')} 目前缺货。`, `Cheaper ones are sold out: ${names.join(', ')}.`)
        : say(L, `更贵的 ${names.join('、')} 目前缺货。`, `Dearer ones are sold out: ${names.join(', ')}.`),
    )
  }
  const ids = ties.map((p) => p.sku)
  sc.state.slots.sku = best.sku
  sc.state.candidates = { kind: 'product', ids }
  sc.state.lastRecommendation = { request, shown: ids, minPrice: best.price } satisfies LastRecommendation
  return done(sc, [{ text: lines.join('\n') }], 'answer', `price_rank_${rank}:${best.sku}`)
}
