/**
 * What product a message talks about when it names a *kind* of product rather than a model:
 * "羽绒服我穿什么码", "I want to return the earbuds", "耳机一边没声音". A category word maps to the
 * shop's categories (by the last path segment, so `apparel/down-jacket` answers to 羽绒服 / down jacket
 * in any shop that uses that segment, and any shop's own segments answer to their English spelling).
 */
import type { Order, Product } from '../domain/schemas.js'
import type { CatalogView } from '../knowledge/types.js'
import type { SkillContext } from './skill-types.js'

/**
 * Customer words for product kinds → category path segments, best first. Chinese words match as
 * substrings, English words on word edges with an optional plural. Longer words win ("头戴式耳机"
 * over "耳机").
 */
const CATEGORY_WORDS: Array<{ words: string[]; segments: string[] }> = [
  {
    words: ['羽绒服', '羽绒衣', '羽绒外套', '面包服', 'down jacket', 'down coat', 'puffer', 'puffer jacket', 'parka'],
    segments: ['down-jacket'],
  },
  { words: ['t恤', '体恤', '短袖', 'tee', 't-shirt', 'tshirt', 't shirt'], segments: ['t-shirt'] },
  { words: ['牛仔裤', '裤子', 'jeans', 'denim', 'trousers', 'pants'], segments: ['jeans'] },
  { words: ['连衣裙', '裙子', 'dress'], segments: ['dress'] },
  {
    words: ['运动鞋', '跑鞋', '跑步鞋', '球鞋', '小白鞋', 'sneaker', 'trainer', 'running shoe'],
    segments: ['sneakers'],
  },
  { words: ['靴子', '雪地靴', '靴', 'boot'], segments: ['boots'] },
  { words: ['鞋子', '鞋', 'shoe'], segments: ['sneakers', 'boots', 'casual'] },
  { words: ['手机', 'phone', 'smartphone', 'cellphone'], segments: ['phone'] },
  {
    words: ['耳机', '耳塞', '蓝牙耳机', '无线耳机', 'earbud', 'earphone', 'buds', 'headset', 'headphone'],
    segments: ['earbuds', 'headphones'],
  },
  {
    words: ['头戴式耳机', '头戴耳机', 'over-ear headphone', 'over ear headphone'],
    segments: ['headphones', 'earbuds'],
  },
  { words: ['笔记本电脑', '笔记本', '电脑', 'laptop', 'notebook', 'computer'], segments: ['laptop'] },
  { words: ['智能手表', '手表', '手环', 'smartwatch', 'watch', 'fitness band'], segments: ['smartwatch'] },
  {
    words: ['充电器', '充电头', '充电宝', '移动电源', '数据线', '充电线', 'charger', 'power bank', 'charging cable'],
    segments: ['charger'],
  },
  { words: ['手机壳', '保护壳', '钢化膜', '贴膜', 'phone case', 'screen protector'], segments: ['accessory'] },
  {
    words: ['口红', '唇膏', '唇釉', '粉底', '粉底液', '彩妆', 'lipstick', 'foundation', 'makeup'],
    segments: ['makeup'],
  },
  {
    words: ['精华', '面霜', '防晒', '护肤品', '乳液', 'serum', 'sunscreen', 'moisturiser', 'moisturizer', 'skincare'],
    segments: ['skincare'],
  },
  { words: ['香水', 'perfume', 'fragrance'], segments: ['perfume'] },
  { words: ['四件套', '床品', '被子', '枕头', 'bedding', 'duvet', 'pillow', 'bed sheet'], segments: ['bedding'] },
  {
    words: ['餐具', '锅具', '砂锅', '炒锅', 'dinnerware', 'casserole', 'cookware', 'kitchenware'],
    segments: ['kitchen'],
  },
  {
    words: ['空气炸锅', '咖啡机', '小家电', '扫地机', '净化器', 'air fryer', 'coffee machine', 'appliance', 'vacuum'],
    segments: ['appliance'],
  },
]

export type CategoryMention = {
  /** The word as the customer wrote it (lower-cased, plural kept: "earbuds"). */
  word: string
  /** The shop's categories it names, best first. */
  categories: string[]
}

const perTurn = new WeakMap<object, Promise<Product[]>>()

/** Catalogs up to this size are read whole once per turn; larger ones through the knowledge index. */
export const SMALL_CATALOG = 2000
/** Products of one named category read per turn in a large catalog. */
const PER_CATEGORY = 500

/**
 * The products this turn may be about, read once per turn through the turn's store. A small
 * catalog is read whole. A large one (100,000 products) is not: the turn gets the products the
 * message names (by title, alias or SKU, found in the knowledge index), the one in context and
 * the ones offered last, and up to PER_CATEGORY products of each category the message names,
 * so a turn's cost does not grow with the catalog.
 */
export function shopProducts(sc: SkillContext): Promise<Product[]> {
  const key = sc.ctx
  let p = perTurn.get(key)
  if (!p) {
    const view = sc.ctx.knowledge.catalog
    p = (async () => (view && (await isLargeCatalog(sc)) ? turnProducts(sc, view) : allProducts(sc)))()
    perTurn.set(key, p)
  }
  return p
}

const largeCache = new WeakMap<object, Map<string, { at: number; large: boolean }>>()

/**
 * More than SMALL_CATALOG products in the index or in the store. The store counts too: while a
 * large import is being indexed, the index still serving is the small one, and reading the
 * whole new catalog on every turn would starve the very build that makes it answerable. The
 * store's count is re-read at most every 5 seconds.
 */
export async function isLargeCatalog(sc: SkillContext): Promise<boolean> {
  const view = sc.ctx.knowledge.catalog
  if (!view) return false
  if (view.size > SMALL_CATALOG) return true
  let byShop = largeCache.get(sc.ctx.store)
  if (!byShop) {
    byShop = new Map()
    largeCache.set(sc.ctx.store, byShop)
  }
  const now = sc.ctx.now.getTime()
  const hit = byShop.get(sc.ctx.shop.id)
  if (hit && now >= hit.at && now - hit.at < 5000) return hit.large
  const large = (await sc.ctx.store.products.count(sc.ctx.shop.id)) > SMALL_CATALOG
  byShop.set(sc.ctx.shop.id, { at: now, large })
  return large
}

async function allProducts(sc: SkillContext): Promise<Product[]> {
  const out: Product[] = []
  for (let offset = 0; offset < 20_000; offset += 500) {
    const page = await sc.ctx.store.products.list(sc.ctx.shop.id, { limit: 500, offset })
    out.push(...page)
    if (page.length < 500) break
  }
  return out
}

async function turnProducts(sc: SkillContext, view: CatalogView): Promise<Product[]> {
  const { store, shop } = sc.ctx
  const skus = new Set(view.namedIn(sc.ctx.text))
  if (typeof sc.state.slots.sku === 'string') skus.add(sc.state.slots.sku)
  const c = sc.state.candidates
  if (c?.kind === 'product') for (const id of c.ids) skus.add(id)
  const rows = (await Promise.all([...skus].map((sku) => store.products.get(shop.id, sku)))).filter(
    (p): p is Product => p !== null,
  )
  const mention = categoryMention(sc.ctx.text, view.categories())
  for (const category of mention?.categories ?? [])
    rows.push(...(await store.products.list(shop.id, { category, limit: PER_CATEGORY })))
  const seen = new Set<string>()
  return rows.filter((p) => !seen.has(p.sku) && seen.add(p.sku))
}

/** Every category of the shop's catalog (from the knowledge index when there is one). */
export async function shopCategories(sc: SkillContext): Promise<string[]> {
  const view = sc.ctx.knowledge.catalog
  if (view) return view.categories()
  return [...new Set((await shopProducts(sc)).map((p) => p.category))]
}

/** The category of any SKU of the shop (from the knowledge index when there is one). */
export async function skuCategory(sc: SkillContext): Promise<(sku: string) => string | undefined> {
  const view = sc.ctx.knowledge.catalog
  if (view) return (sku) => view.categoryOf(sku)
  const bySku = new Map((await shopProducts(sc)).map((p) => [p.sku, p.category]))
  return (sku) => bySku.get(sku)
}

/** The text `word` matched in (`text` is lower-cased): English on word edges with a plural, else a substring. */
function found(text: string, word: string): string | null {
  if (/[a-z]/i.test(word) && !/[\u4e00-\u9fff]/.test(word)) {
    const esc = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]?')
    const m = new RegExp(`(?<![a-z0-9])${esc}(?:e?s)?(?![a-z0-9])`, 'i').exec(text)
    return m ? m[0] : null
  }
  return text.includes(word) ? word : null
}

/** True when `word` is one of the generic category words (so a product alias equal to it is not a model name). */
export function isCategoryWord(word: string): boolean {
  const w = word.toLowerCase().trim()
  return CATEGORY_WORDS.some((g) => g.words.includes(w))
}

/** The category word in `text` and the shop categories it names, or null. */
export function categoryMention(text: string, categories: readonly string[]): CategoryMention | null {
  // A phone *number* is not a phone.
  const t = text.toLowerCase().replace(/手机号码?|电话号码?|(?:phone|mobile) (?:number|no\.?)/g, ' ')
  let best: { word: string; said: string; segments: string[]; at: number } | null = null
  // The longest word wins; between words of one length the first said is the subject ("耳机连不上手机").
  const better = (w: string, at: number) =>
    !best || w.length > best.word.length || (w.length === best.word.length && at < best.at)
  for (const g of CATEGORY_WORDS) {
    for (const w of g.words) {
      const said = found(t, w)
      const at = said ? t.indexOf(said) : -1
      if (said && better(w, at)) best = { word: w, said, segments: g.segments, at }
    }
  }
  // The shop's own category segments, spelled as words ("down-jacket" → "down jacket").
  for (const c of categories) {
    const seg = c.split('/').pop() ?? c
    const w = seg.replace(/[-_]+/g, ' ').toLowerCase()
    if (best?.segments.includes(seg)) continue
    const said = w.length >= 3 ? found(t, w) : null
    const at = said ? t.indexOf(said) : -1
    if (said && better(w, at)) best = { word: w, said, segments: [seg], at }
  }
  if (!best) return null
  const cats: string[] = []
  for (const seg of best.segments) {
    for (const c of categories) if ((c.split('/').pop() ?? c) === seg && !cats.includes(c)) cats.push(c)
  }
  return cats.length > 0 ? { word: best.said, categories: cats } : null
}

/** The category word of this turn's message against the shop's catalog. */
export async function mentionedCategory(sc: SkillContext, text = sc.ctx.text): Promise<CategoryMention | null> {
  return categoryMention(text, await shopCategories(sc))
}

/** Category rank of a product for a mention (lower is better), or -1 when it is not of a named category. */
export function categoryRank(m: CategoryMention, category: string): number {
  return m.categories.indexOf(category)
}

/** The most recent item of the named categories in these orders (newest first), with its order. */
export function itemInOrders(
  orders: readonly Order[],
  m: CategoryMention,
  categoryOf: (sku: string) => string | undefined,
): { order: Order; sku: string } | null {
  let best: { order: Order; sku: string; rank: number; at: string } | null = null
  for (const o of orders) {
    if (o.status === 'cancelled') continue
    for (const it of o.items) {
      const cat = categoryOf(it.sku)
      const rank = cat ? categoryRank(m, cat) : -1
      if (rank < 0) continue
      if (!best || rank < best.rank || (rank === best.rank && o.createdAt > best.at))
        best = { order: o, sku: it.sku, rank, at: o.createdAt }
    }
  }
  return best ? { order: best.order, sku: best.sku } : null
}

const KIDS = /(儿童|童装|童鞋|宝宝|kids?'?s?\b|children|toddler)/i

/** The gender a message or profile points at: `men` / `women`, or null. */
export function genderOf(text: string, profileGender?: string): 'men' | 'women' | null {
  if (/(男款|男士|男式|男生|\bmen'?s\b|\bmale\b|for (a )?(man|him|my husband|my boyfriend))/i.test(text)) return 'men'
  if (/(女款|女士|女式|女生|\bwomen'?s\b|\bfemale\b|for (a )?(woman|her|my wife|my girlfriend))/i.test(text))
    return 'women'
  if (profileGender === 'male' || profileGender === 'men') return 'men'
  if (profileGender === 'female' || profileGender === 'women') return 'women'
  return null
}

/**
 * In-stock products of the named categories to offer when the customer owns none: the customer's
 * gender (from the message, else the profile) and adult sizes first unless they ask for kids, then
 * the best-stocked.
 */
export function topInCategory(
  products: readonly Product[],
  m: CategoryMention,
  opts: { text?: string; gender?: 'men' | 'women' | null; limit?: number } = {},
): Product[] {
  const wantKids = KIDS.test(opts.text ?? '')
  const mismatch = (p: Product): number => {
    const g = (p.attributes as Record<string, unknown> | undefined)?.gender
    const kids = KIDS.test(`${p.title} ${(p.attributes as Record<string, unknown> | undefined)?.titleEn ?? ''}`)
    let s = 0
    if (kids !== wantKids) s += 4
    if (opts.gender && typeof g === 'string' && g !== 'unisex' && g !== opts.gender) s += 3
    return s
  }
  return products
    .filter((p) => p.stock > 0 && categoryRank(m, p.category) >= 0)
    .sort(
      (a, b) =>
        categoryRank(m, a.category) - categoryRank(m, b.category) || mismatch(a) - mismatch(b) || b.stock - a.stock,
    )
    .slice(0, opts.limit ?? 4)
}
