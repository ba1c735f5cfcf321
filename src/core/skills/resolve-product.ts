/** Which product a turn is about: an NLU product entity, "the second one", context, or a catalog search. */
import type { Product } from '../domain/schemas.js'
import { canonicalColour } from '../nlu/colours.js'
import { genderOf, isCategoryWord } from '../nlu/detect-category-mention.js'
import { pickByDescription } from '../nlu/pick-by-description.js'
import { compactKey } from '../text/match-keys.js'
import {
  type CategoryMention,
  categoryRank,
  itemInOrders,
  mentionedCategory,
  shopProducts,
  skuCategory,
  topInCategory,
} from './product-mention.js'
import { ask, type SkillContext, type SkillResult } from './skill-types.js'
import { money, say } from './text.js'

/** The product's colour list and size list, read from the free-form attributes. */
export function variantsOf(p: Product): { colours: string[]; sizes: string[] } {
  const a = p.attributes as Record<string, unknown>
  const arr = (...keys: string[]) => {
    for (const k of keys) {
      const v = a[k]
      if (Array.isArray(v)) return v.map(String)
    }
    return []
  }
  const sizes = arr('sizes', 'size')
  const fromChart = p.sizeChart?.rows.map((r) => r.size) ?? []
  return { colours: arr('colours', 'colors', 'colour', 'color'), sizes: sizes.length > 0 ? sizes : fromChart }
}

/** Stock for a size/colour: per-variant stock when the catalog has it, else the product total. */
export function variantStock(p: Product, size?: string, colour?: string): number | null {
  const a = p.attributes as Record<string, unknown>
  const variants = a.variants ?? a.stockByVariant
  if (Array.isArray(variants) && (size || colour)) {
    const match = variants.filter((v) => {
      if (!v || typeof v !== 'object') return false
      const o = v as Record<string, unknown>
      if (size && o.size !== undefined && String(o.size).toUpperCase() !== size.toUpperCase()) return false
      if (colour && o.color !== undefined && canonicalColour(String(o.color)) !== canonicalColour(colour)) return false
      if (colour && o.colour !== undefined && canonicalColour(String(o.colour)) !== canonicalColour(colour))
        return false
      return true
    })
    if (match.length > 0) return match.reduce((n, v) => n + (Number((v as Record<string, unknown>).stock) || 0), 0)
    return 0
  }
  return null
}

const norm = compactKey

/**
 * The catalog product whose title or alias the message names (longest name wins), with the name. A
 * generic category word that happens to be one product's alias ("跑鞋") is not a model name.
 */
export async function catalogHit(sc: SkillContext): Promise<{ p: Product; name: string } | null> {
  const text = norm(sc.ctx.text)
  if (!text) return null
  let best: { p: Product; len: number; name: string } | null = null
  for (const p of await shopProducts(sc)) {
    for (const name of [p.title, ...(p.aliases ?? [])]) {
      const n = norm(name)
      if (n.length >= 2 && text.includes(n) && (!best || n.length > best.len) && !isCategoryWord(name))
        best = { p, len: n.length, name }
    }
  }
  return best ? { p: best.p, name: best.name } : null
}

/**
 * Catalog lookup by title, alias or model written in the message (longest name wins), read through the
 * turn's store so it sees the live catalog inside the turn's transaction.
 */
export async function matchCatalog(sc: SkillContext): Promise<Product | null> {
  return (await catalogHit(sc))?.p ?? null
}

/** How the product of a turn was found, or the choice to offer when only its kind is known. */
export type ProductChoice =
  | { status: 'found'; product: Product; via: 'reference' | 'named' | 'category_owned' | 'context' | 'search' }
  | { status: 'offer'; mention: CategoryMention; products: Product[] }
  | { status: 'none' }

/**
 * Finds the product of this turn. Precedence: "the second one" over the listed candidates, a product
 * named in this message, a category word ("羽绒服", "earbuds": the customer's own most recent item of
 * that kind unless `owned: false`, else the shop's in-stock products of it to choose from), the
 * product in context, a
 * catalog search. Stores the SKU in the `sku` slot.
 */
export async function chooseProduct(sc: SkillContext, opts: { owned?: boolean } = {}): Promise<ProductChoice> {
  const { store, shop, knowledge } = sc.ctx
  const slots = sc.state.slots
  const found = (product: Product, via: Extract<ProductChoice, { status: 'found' }>['via']): ProductChoice => {
    slots.sku = product.sku
    return { status: 'found', product, via }
  }
  const c = sc.state.candidates
  if (!sc.extracted.sku && c?.kind === 'product' && sc.signals.ordinal !== null) {
    const id = sc.signals.ordinal === -1 ? c.ids[c.ids.length - 1] : c.ids[sc.signals.ordinal]
    const p = id ? await store.products.get(shop.id, id) : null
    if (p) return found(p, 'reference')
  }
  if (sc.extracted.sku) {
    const p = await store.products.get(shop.id, sc.extracted.sku)
    if (p) return found(p, 'named')
  }
  const named = await catalogHit(sc)
  if (named) return found(named.p, 'named')
  const inContext = typeof slots.sku === 'string' ? await store.products.get(shop.id, slots.sku) : null
  const mention = await mentionedCategory(sc)
  if (mention) {
    if (inContext && categoryRank(mention, inContext.category) >= 0) return found(inContext, 'context')
    const custId = sc.customer?.id ?? sc.state.verifiedCustomerId ?? null
    const products = await shopProducts(sc)
    const described = describedProduct(
      sc.ctx.text,
      mention,
      products,
      genderOf(sc.ctx.text, sc.customer?.profile?.gender),
    )
    if (described) return found(described, 'named')
    if (custId && opts.owned !== false) {
      const orders = await store.orders.listByCustomer(shop.id, custId)
      const own = itemInOrders(orders, mention, await skuCategory(sc))
      const p = own ? await store.products.get(shop.id, own.sku) : null
      if (p) return found(p, 'category_owned')
    }
    const gender = genderOf(sc.ctx.text, sc.customer?.profile?.gender)
    const top = topInCategory(products, mention, { text: sc.ctx.text, gender })
    if (top.length === 1) return found(top[0]!, 'search')
    if (top.length > 1) return { status: 'offer', mention, products: top }
  }
  if (inContext) return found(inContext, 'context')
  const hits = await knowledge.search(sc.ctx.text, { locale: sc.locale, kinds: ['product'], limit: 3 })
  const top = hits[0]
  if (top && top.score >= 0.5) {
    const p = await store.products.get(shop.id, top.id)
    if (p) return found(p, 'search')
  }
  return { status: 'none' }
}

/**
 * "北岭连帽羽绒服", "收腰那款羽绒服", "the Northridge lightweight short down jacket": the one product of
 * the named kind the rest of the words describe (brand, cut, features), or null when they do not single
 * one out.
 */
function describedProduct(
  text: string,
  mention: CategoryMention,
  products: readonly Product[],
  gender: 'men' | 'women' | null,
): Product | null {
  const ofKind = products.filter((p) => categoryRank(mention, p.category) >= 0)
  if (ofKind.length < 2) return null
  const rest = text.toLowerCase().split(mention.word.toLowerCase()).join(' ')
  const id = pickByDescription(
    rest,
    ofKind.map((p) => {
      const en = (p.attributes as Record<string, unknown> | undefined)?.titleEn
      return { id: p.sku, texts: [p.title, p.brand ?? '', ...(p.aliases ?? []), typeof en === 'string' ? en : ''] }
    }),
    {
      numbers: false,
      maxChars: 120,
      prefer: (sku) => {
        const p = ofKind.find((x) => x.sku === sku)
        return Boolean(gender && p && genderOf(p.title) === gender)
      },
    },
  )
  return id ? (ofKind.find((p) => p.sku === id) ?? null) : null
}

/** Finds the product of this turn and stores its SKU in the `sku` slot; null when only a choice is possible. */
export async function resolveProduct(sc: SkillContext): Promise<Product | null> {
  const r = await chooseProduct(sc)
  return r.status === 'found' ? r.product : null
}

/** The customer-language title of a product (English title for English conversations when the catalog has one). */
export function productTitle(p: Product, locale: 'zh' | 'en'): string {
  const en = (p.attributes as Record<string, unknown> | undefined)?.titleEn
  return locale === 'en' && typeof en === 'string' && en ? en : p.title
}

/**
 * Asks "which one?" with the offered products as buttons (payload = SKU) and remembers them for
 * "the second one".
 */
export function offerProducts(
  sc: SkillContext,
  offer: Extract<ProductChoice, { status: 'offer' }>,
  reason: string,
  purpose: { zh: string; en: string },
): SkillResult {
  const L = sc.locale
  sc.state.candidates = { kind: 'product', ids: offer.products.map((p) => p.sku) }
  const lines = offer.products.map((p, i) => `${i + 1}. ${productTitle(p, L)} ${money(p.price, p.currency)}`).join('\n')
  return ask(
    sc,
    'product',
    {
      text: say(
        L,
        `您说的“${offer.mention.word}”有这几款在售，${purpose.zh}请问是哪一款？\n${lines}`,
        `Here's what we have in stock for "${offer.mention.word}". ${purpose.en}Which one do you mean?\n${lines}`,
      ),
      buttons: offer.products.map((p) => ({ label: productTitle(p, L), payload: p.sku })),
    },
    reason,
  )
}
