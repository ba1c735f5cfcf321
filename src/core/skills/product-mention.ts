/**
 * What product a message talks about when it names a *kind* of product rather than a model:
 * "羽绒服我穿什么码", "I want to return the earbuds", "耳机一边没声音". A category word maps to the
 * shop's categories (by the last path segment, so `apparel/down-jacket` answers to 羽绒服 / down jacket
 * in any shop that uses that segment, and any shop's own segments answer to their English spelling).
 * The words are read by the understanding stage (src/core/nlu/detect-category-mention.ts); this module
 * reads the catalog they point at.
 */
import type { Order, Product } from '../domain/schemas.js'
import type { CatalogView } from '../knowledge/types.js'
import { type CategoryMention, isKidsTitle } from '../nlu/detect-category-mention.js'
import type { SkillContext } from './skill-types.js'

export type { CategoryMention }

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
    p = (async () => {
      if (!view) return (await firstProducts(sc, NO_INDEX_PAGES)).rows
      if (await isLargeCatalog(sc)) return turnProducts(sc, view)
      // The count is a few seconds old: an import may have written thousands of rows since.
      // One page more than a small catalog fills tells whether it still is one.
      const all = await firstProducts(sc, Math.floor(SMALL_CATALOG / PAGE) + 1)
      if (all.whole) return all.rows
      rememberLarge(sc)
      return turnProducts(sc, view)
    })()
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

/** A read of the whole catalog found it large: later turns need not count again for a while. */
function rememberLarge(sc: SkillContext): void {
  largeCache.get(sc.ctx.store)?.set(sc.ctx.shop.id, { at: sc.ctx.now.getTime(), large: true })
}

const PAGE = 500
/** Pages read per turn when the shop has no knowledge index at all (20,000 products). */
const NO_INDEX_PAGES = 40

/**
 * The catalog's first products, page by page, until it ends (`whole`) or `pages` full pages are read.
 * The pages are read back to back (SQLite answers synchronously), so this is one block of the
 * event loop: while a 100,000-product import was landing, a turn that still counted the catalog
 * small read 20,000 rows (parsed, frozen) in one go, 0.3–1.2 s in which no other request was served.
 */
async function firstProducts(sc: SkillContext, pages: number): Promise<{ rows: Product[]; whole: boolean }> {
  const rows: Product[] = []
  for (let i = 0; i < pages; i++) {
    const page = await sc.ctx.store.products.list(sc.ctx.shop.id, { limit: PAGE, offset: i * PAGE })
    rows.push(...page)
    if (page.length < PAGE) return { rows, whole: true }
  }
  return { rows, whole: false }
}

async function turnProducts(sc: SkillContext, view: CatalogView): Promise<Product[]> {
  const { store, shop } = sc.ctx
  const skus = new Set(view.namedIn(sc.understanding.query))
  if (typeof sc.state.slots.sku === 'string') skus.add(sc.state.slots.sku)
  const c = sc.state.candidates
  if (c?.kind === 'product') for (const id of c.ids) skus.add(id)
  const rows = (await Promise.all([...skus].map((sku) => store.products.get(shop.id, sku)))).filter(
    (p): p is Product => p !== null,
  )
  const mention = sc.understanding.read.categoryMention(view.categories())
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

/** The category word of this turn's message against the shop's catalog. */
export async function mentionedCategory(sc: SkillContext, earlier?: string): Promise<CategoryMention | null> {
  return sc.understanding.read.categoryMention(await shopCategories(sc), earlier)
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

/**
 * In-stock products of the named categories to offer when the customer owns none: the customer's
 * gender (from the message, else the profile) and adult sizes first unless they ask for kids (`kids`), then
 * the best-stocked.
 */
export function topInCategory(
  products: readonly Product[],
  m: CategoryMention,
  opts: { kids?: boolean; gender?: 'men' | 'women' | null; limit?: number } = {},
): Product[] {
  const wantKids = opts.kids ?? false
  const mismatch = (p: Product): number => {
    const g = (p.attributes as Record<string, unknown> | undefined)?.gender
    const kids = isKidsTitle(`${p.title} ${(p.attributes as Record<string, unknown> | undefined)?.titleEn ?? ''}`)
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

/**
 * The device with a warranty (`attributes.warrantyMonths`) a message about a category means: the product
 * it names, else the newest one of that category the customer ordered. A robot vacuum that stops docking
 * is a warranty repair even when the fault graph has no guide for it; a broken plate (no warranty) is not.
 */
export async function warrantedDevice(
  sc: SkillContext,
  m: CategoryMention,
  customerId: string | null,
): Promise<Product | null> {
  const { store, shop } = sc.ctx
  const skus = [sc.extracted.sku, sc.state.slots.sku].filter((s): s is string => typeof s === 'string')
  if (customerId) {
    const hit = itemInOrders(await store.orders.listByCustomer(shop.id, customerId), m, await skuCategory(sc))
    if (hit) skus.push(hit.sku)
  }
  for (const sku of skus) {
    const p = await store.products.get(shop.id, sku)
    const months = Number((p?.attributes as Record<string, unknown> | undefined)?.warrantyMonths)
    if (p && categoryRank(m, p.category) >= 0 && months > 0) return p
  }
  return null
}
