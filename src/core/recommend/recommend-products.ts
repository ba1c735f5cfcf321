/**
 * Product recommendations from what kefu knows: the shopper's request (category, budget, features,
 * gift), their profile (gender, interests, height/weight for size availability), their purchase
 * history (complements via `product.related`, brands and categories they buy) and the product the
 * conversation is about. In stock only, diversified by brand and category, each with a one-line
 * reason in the customer's language. Pure: the caller passes in the catalog and the orders.
 */
import type { Customer, Locale, Order, Product } from '../domain/schemas.js'
import {
  categoriesIn,
  FEATURES,
  INTEREST_TERMS,
  type Recipient,
  type RecommendRequest,
} from '../nlu/parse-recommend-request.js'
import { variantStock } from '../skills/resolve-product.js'
import { pickSize } from '../skills/size-advice.js'
import { type Concept, catalogCategories, categoryIs, SIZED } from './category-concepts.js'
import { localTitle, type ReasonCode, type ReasonInput, reasonText } from './recommend-reasons.js'

export { localTitle, type ReasonCode }

export type RecommendInput = {
  products: Product[]
  request: RecommendRequest
  locale: Locale
  customer?: Customer | null
  /** The customer's orders (any status; cancelled/refunded ones are ignored). */
  orders?: Order[]
  /** Units sold per SKU across the shop (best sellers for anonymous visitors). */
  popularity?: Map<string, number>
  /** The product the conversation is about. */
  currentSku?: string
  /** SKUs not to suggest again (shown last time). */
  exclude?: string[]
  limit?: number
}

export type Recommendation = {
  product: Product
  score: number
  reasonCode: ReasonCode
  /** One line, in the customer's language. */
  reason: string
  /** The size that fits the customer (apparel/shoes with a size chart and a known body). */
  size?: string
}

export type RecommendResult = {
  items: Recommendation[]
  /** Set when nothing matched every constraint and one was dropped to still suggest something. */
  relaxed: 'budget' | 'features' | null
  /** How many in-stock products matched before diversification. */
  matched: number
}

const inCategory = (p: Product, prefixes: string[]) =>
  prefixes.length === 0 || prefixes.some((c) => p.category === c || p.category.startsWith(`${c}/`))

function hasFeature(p: Product, id: string): boolean {
  const f = FEATURES.find((x) => x.id === id)
  if (!f) return false
  const attrs = p.attributes as Record<string, unknown>
  if (f.attr) {
    for (const [k, v] of Object.entries(attrs)) {
      if (!f.attr.test(k)) continue
      if (v === true || (typeof v === 'string' && v && !/^(no|false|无|否)$/i.test(v)) || typeof v === 'number')
        return true
    }
  }
  if (f.text) {
    const t = `${p.title} ${String(attrs.titleEn ?? '')}`
    if (f.text.test(t)) return true
  }
  return false
}

/** Spare parts and replacement pieces are for people who already own the main product. */
const isSparePart = (p: Product) =>
  /(补配|替换|更换装|replacement|spare)/i.test(
    `${p.title} ${String((p.attributes as Record<string, unknown>).titleEn ?? '')}`,
  )

const productGender = (p: Product): 'men' | 'women' | null => {
  const g = (p.attributes as Record<string, unknown>).gender
  return g === 'men' || g === 'women' ? g : null
}

/** Kinds of product that make a good present for each recipient (a small boost, never a filter). */
const GIFT_CONCEPTS: Record<Recipient, Concept[]> = {
  female: ['perfume', 'skincare', 'makeup', 'smartwatch', 'earbuds'],
  male: ['earbuds', 'smartwatch', 'headphones', 'perfume', 'sneakers'],
  child: ['bedding', 'earbuds', 'toys'],
  elder: ['appliance', 'bedding', 'kitchen', 'smartwatch'],
  unknown: ['perfume', 'earbuds', 'smartwatch', 'appliance'],
}

/** Chargers, cables and phone cases are not presents (a fashion shop's accessories may well be). */
const giftUnsuitable = (p: Product) =>
  categoryIs(p.category, ['charger']) ||
  (categoryIs(p.category, ['accessory']) && categoryIs(p.category, ['electronics', 'phone']))

/** Apparel and shoes: sizes, size charts and the wearer's gender apply. */
const sized = (p: Product) => categoryIs(p.category, SIZED)

/** A size from the chart that fits the body (within a third of a range's width), with stock. */
/** Whether the product's title or one of its other names (the other language's title) holds `word`. */
function namedWith(p: Product, word: string): boolean {
  return [p.title, ...(p.aliases ?? [])].some((n) => n.toLowerCase().includes(word))
}

function fittingSize(p: Product, body: { heightCm?: number; weightKg?: number }): string | null | undefined {
  if (!p.sizeChart || (body.heightCm === undefined && body.weightKg === undefined)) return undefined
  if (!p.sizeChart.rows.some((r) => r.heightCm || r.weightKg)) return undefined
  const pick = pickSize(p.sizeChart, body)
  if (!pick) return undefined
  const row = p.sizeChart.rows.find((r) => r.size === pick.size)
  const off = (v: number | undefined, r: [number, number] | undefined) =>
    v === undefined || !r
      ? 0
      : v < r[0]
        ? (r[0] - v) / Math.max(1, r[1] - r[0])
        : v > r[1]
          ? (v - r[1]) / Math.max(1, r[1] - r[0])
          : 0
  if (!row || off(body.heightCm, row.heightCm) + off(body.weightKg, row.weightKg) > 0.34) return null
  const stock = variantStock(p, pick.size)
  if (stock === 0) return null
  return pick.size
}

/** Categories and brands the customer bought, and the products they own (for complements). */
function historyOf(orders: Order[], bySku: Map<string, Product>) {
  const owned: Product[] = []
  const categories = new Map<string, number>()
  const brands = new Map<string, number>()
  for (const o of orders) {
    if (o.status === 'cancelled' || o.status === 'refunded' || o.status === 'refunding') continue
    for (const it of o.items) {
      const p = bySku.get(it.sku)
      if (!p) continue
      if (!owned.includes(p)) owned.push(p)
      categories.set(p.category, (categories.get(p.category) ?? 0) + 1)
      brands.set(p.brand, (brands.get(p.brand) ?? 0) + 1)
    }
  }
  return { owned, categories, brands }
}

type Scored = ReasonInput & { score: number }

/**
 * Ranks in-stock products for this shopper and returns up to `limit` (default 3) diverse ones.
 *
 * @example
 * const request = parseRecommendRequest('降噪耳机 1000以内', { categories: catalogCategories(products) })
 * recommendProducts({ products, request, locale: 'zh' })
 * // → items: [{ product: EB-1001, reason: '主动降噪，¥899.00 在您的预算内' }, …]
 */
export function recommendProducts(input: RecommendInput): RecommendResult {
  const { request: rq, locale } = input
  const limit = Math.max(1, input.limit ?? 3)
  const bySku = new Map(input.products.map((p) => [p.sku, p]))
  const customer = input.customer ?? null
  const gift = rq.gift
  const history = historyOf(input.orders ?? [], bySku)
  const ownedSkus = new Set(history.owned.map((p) => p.sku))
  const current = input.currentSku ? bySku.get(input.currentSku) : undefined
  const exclude = new Set(input.exclude ?? [])
  const profile = customer?.profile
  const body = gift ? {} : { heightCm: profile?.heightCm, weightKg: profile?.weightKg }

  // Whose gender matters: the gift's recipient, the shopper's explicit ask, else the profile.
  const wantGender: 'men' | 'women' | null =
    rq.gender ??
    (gift
      ? gift.recipient === 'female'
        ? 'women'
        : gift.recipient === 'male'
          ? 'men'
          : null
      : profile?.gender === 'female'
        ? 'women'
        : profile?.gender === 'male'
          ? 'men'
          : null)

  const interests = gift ? [] : (profile?.interests ?? [])
  const shopCategories = interests.length > 0 ? catalogCategories(input.products) : []
  const interestCats = interests.map((i) => ({
    interest: i,
    categories: categoriesIn(i, shopCategories, INTEREST_TERMS),
  }))
  // A complement is a related product of another category (a case for the earbuds bought); a related
  // product of the same category is an alternative to something they already own. Gifts are for
  // someone else, so the shopper's own purchases say nothing about them.
  const complementOf = new Map<string, Product>()
  const ownedFamilies = new Set(history.owned.map(family))
  if (!gift) {
    for (const o of history.owned) {
      for (const sku of o.related ?? []) {
        const r = bySku.get(sku)
        if (r && r.category !== o.category && !complementOf.has(sku)) complementOf.set(sku, o)
      }
    }
  }
  const categories = rq.categories
  const maxPop = Math.max(1, ...(input.popularity?.values() ?? [0]))

  const base = (p: Product) =>
    p.stock > 0 &&
    !exclude.has(p.sku) &&
    !ownedSkus.has(p.sku) &&
    p.sku !== current?.sku &&
    !isSparePart(p) &&
    // Another colour of the phone they bought is not a recommendation; its case is.
    !(ownedFamilies.has(family(p)) && p.category === history.owned.find((o) => family(o) === family(p))?.category) &&
    !(gift && giftUnsuitable(p)) &&
    !(sized(p) && wantGender && productGender(p) && productGender(p) !== wantGender)

  const inBudget = (p: Product) =>
    (rq.budgetMax === undefined || p.price <= rq.budgetMax) && (rq.budgetMin === undefined || p.price >= rq.budgetMin)
  const hasFeatures = (p: Product) => rq.features.every((f) => hasFeature(p, f))

  function score(p: Product, size: string | undefined): Scored {
    let s = 0.3 * ((input.popularity?.get(p.sku) ?? 0) / maxPop) + 0.05 * Math.min(1, p.stock / 200)
    let reasonCode: ReasonCode = (input.popularity?.get(p.sku) ?? 0) > 0 ? 'best_seller' : 'in_stock'
    let anchor: Product | undefined
    let interest: string | undefined
    let best = 0
    const take = (v: number, code: ReasonCode, a?: Product) => {
      s += v
      if (v > best) {
        best = v
        reasonCode = code
        anchor = a
      }
    }
    if (rq.budgetMax !== undefined && p.price <= rq.budgetMax) take(0.2 * (p.price / rq.budgetMax), 'matches_request')
    if (rq.features.length > 0 && hasFeatures(p)) take(0.35, 'matches_request')
    if (p.listPrice && p.listPrice > p.price)
      take(0.1 + Math.min(0.15, (p.listPrice - p.price) / p.listPrice), 'on_sale')
    if (gift) {
      const fits = categoryIs(p.category, GIFT_CONCEPTS[gift.recipient])
      // Near the top of the budget reads as a generous gift; a size guess is a risk.
      take(
        0.22 + (fits ? 0.2 : 0) + (rq.budgetMax ? 0.2 * (p.price / rq.budgetMax) : 0) - (sized(p) ? 0.15 : 0),
        'gift',
      )
    }
    // "he loves coffee": a product named with what the recipient likes is the gift to suggest first.
    if (gift && rq.likes?.some((w) => namedWith(p, w))) take(0.45, 'gift')
    const comp = complementOf.get(p.sku)
    if (comp) take(0.6, 'complements_purchase', comp)
    if (current) {
      if ((current.related ?? []).includes(p.sku))
        take(
          current.category === p.category ? 0.45 : 0.5,
          current.category === p.category ? 'similar_to_current' : 'goes_with_current',
          current,
        )
      else if (current.category === p.category) take(0.3, 'similar_to_current', current)
    }
    if (!gift) {
      const hit = interestCats.find((i) => inCategory(p, i.categories))
      if (hit) {
        const before = best
        take(0.3, 'interest')
        if (best !== before) interest = hit.interest
      }
      if (rq.categories.length === 0 && history.categories.has(p.category)) s += 0.15
      if (history.brands.has(p.brand)) take(0.12, 'brand_bought')
    }
    if (size) s += 0.1
    return {
      p,
      score: s,
      reasonCode,
      ...(anchor ? { anchor } : {}),
      ...(size ? { size } : {}),
      ...(interest ? { interest } : {}),
    }
  }

  function candidates(useBudget: boolean, useFeatures: boolean, useCategory: boolean): Scored[] {
    const out: Scored[] = []
    const cats = useCategory ? categories : []
    for (const p of input.products) {
      if (!base(p)) continue
      if (useCategory && !inCategory(p, cats)) continue
      if (useBudget && !inBudget(p)) continue
      if (useFeatures && !hasFeatures(p)) continue
      let size: string | undefined
      if (sized(p) && !gift) {
        const fit = fittingSize(p, body)
        if (fit === null) continue // nothing in the chart fits this customer
        if (fit) size = fit
      }
      out.push(score(p, size))
    }
    return out
  }

  let relaxed: RecommendResult['relaxed'] = null
  let pool = candidates(true, true, true)
  if (pool.length === 0 && (rq.budgetMax !== undefined || rq.budgetMin !== undefined)) {
    pool = candidates(false, true, true)
    if (pool.length > 0) relaxed = 'budget'
  }
  if (pool.length === 0 && rq.features.length > 0) {
    pool = candidates(true, false, true)
    if (pool.length > 0) relaxed = 'features'
  }
  if (relaxed === 'budget' && rq.budgetMax !== undefined) {
    // Over budget: the closest prices are the most useful alternatives.
    for (const c of pool) c.score -= (c.p.price - rq.budgetMax) / rq.budgetMax
  }
  pool.sort((a, b) => b.score - a.score || a.p.price - b.p.price || a.p.sku.localeCompare(b.p.sku))

  // Greedy diversification: each pick makes the same brand / leaf category / model family less attractive.
  const picked: Scored[] = []
  const remaining = [...pool]
  while (picked.length < limit && remaining.length > 0) {
    let bi = 0
    let bv = Number.NEGATIVE_INFINITY
    remaining.forEach((c, i) => {
      let v = c.score
      for (const q of picked) {
        if (q.p.brand === c.p.brand) v -= 0.15
        if (q.p.category === c.p.category && categories.length === 0) v -= 0.2
        if (family(q.p) === family(c.p)) v -= 0.5
      }
      if (v > bv) {
        bv = v
        bi = i
      }
    })
    picked.push(remaining.splice(bi, 1)[0]!)
  }

  return {
    items: picked.map((c) => ({
      product: c.p,
      score: Math.round(c.score * 1000) / 1000,
      reasonCode: c.reasonCode,
      reason: reasonText(c, rq, locale),
      ...(c.size ? { size: c.size } : {}),
    })),
    relaxed,
    matched: pool.length,
  }
}

/** "LINX Buds 2 Pro" and "LINX Buds 2 Pro Silicone Case" share a family; two of them are not a choice. */
function family(p: Product): string {
  const model = (p.attributes as Record<string, unknown>).model
  if (typeof model === 'string' && model) return `${p.brand}|${model.toLowerCase()}`
  return `${p.brand}|${p.title.replace(/[\s\d].*$/, '')}|${p.category}`
}

/** Units sold per SKU in these orders (cancelled and refunded ones excluded). */
export function popularityOf(orders: Order[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const o of orders) {
    if (o.status === 'cancelled' || o.status === 'refunded') continue
    for (const it of o.items) m.set(it.sku, (m.get(it.sku) ?? 0) + it.qty)
  }
  return m
}
