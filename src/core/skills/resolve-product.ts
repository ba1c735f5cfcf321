/** Which product a turn is about: an NLU product entity, "the second one", context, or a catalog search. */
import type { Product } from '../domain/schemas.js'
import { canonicalColour } from '../nlu/colours.js'
import { isCategoryWord, titleGender } from '../nlu/detect-category-mention.js'
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
  const read = sc.understanding.read
  if (!read.hasWords()) return null
  let best: { p: Product; len: number; name: string } | null = null
  for (const p of await shopProducts(sc)) {
    for (const k of namesOf(p)) {
      const { name, key } = k
      if (key.length < 2 || !read.namesKey(key) || (best && key.length <= best.len)) continue
      // Whether a name is a generic category word is asked only of names the message contains.
      k.categoryWord ??= isCategoryWord(name)
      if (!k.categoryWord) best = { p, len: key.length, name }
    }
  }
  return best ? { p: best.p, name: best.name } : null
}

type NameKey = { readonly name: string; readonly key: string; categoryWord?: boolean }

/**
 * A product's names (title, aliases) with their comparison keys, kept per product object while it is
 * frozen (the catalog cache shares frozen products across turns, src/server/catalog-cache.ts): the
 * lookup above runs over the whole catalog of a small shop on every turn that looks for a product.
 */
const nameKeys = new WeakMap<Product, readonly NameKey[]>()

function namesOf(p: Product): readonly NameKey[] {
  const kept = nameKeys.get(p)
  if (kept) return kept
  const keys: NameKey[] = [p.title, ...(p.aliases ?? [])].map((name) => ({ name, key: norm(name) }))
  if (Object.isFrozen(p) && (p.aliases === undefined || Object.isFrozen(p.aliases))) nameKeys.set(p, keys)
  return keys
}

/**
 * The comparison keys of a product's names (title, aliases, English title) the message contains: the
 * words the customer used for it ("手环" of a band whose alias it is).
 */
export function namesSaid(sc: SkillContext, p: Product): string[] {
  const read = sc.understanding.read
  if (!read.hasWords()) return []
  const en = (p.attributes as Record<string, unknown> | undefined)?.titleEn
  const keys = [...namesOf(p).map((k) => k.key), ...(typeof en === 'string' ? [norm(en)] : [])]
  return keys.filter((k) => k.length >= 2 && read.namesKey(k))
}

/** Whether one of the product's names (title, aliases, English title) contains the comparison key. */
export function nameContains(p: Product, key: string): boolean {
  const en = (p.attributes as Record<string, unknown> | undefined)?.titleEn
  return [...namesOf(p).map((k) => k.key), ...(typeof en === 'string' ? [norm(en)] : [])].some((k) => k.includes(key))
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
  if (c?.kind === 'product' && c.ids.length > 1) {
    // "就北岭那个连帽的吧" after a list: the listed product the words describe.
    const listed = (await Promise.all(c.ids.map((id) => store.products.get(shop.id, id)))).filter(
      (p): p is Product => p !== null,
    )
    const options = listed.map((p) => ({
      id: p.sku,
      texts: [p.title, ...(p.aliases ?? []), String(p.attributes.titleEn ?? '')],
    }))
    const id = sc.understanding.read.pickByDescription(options, { numbers: false, minScore: 2, maxChars: 60 })
    const p = id ? listed.find((x) => x.sku === id) : undefined
    if (p) return found(p, 'reference')
    // "女款的有米白色吗" after a men's and a women's cut were listed: the one of the gender the message names.
    const gender = sc.understanding.read.gender()
    const ofGender = gender ? listed.filter((x) => titleGender(x.title) === gender) : []
    if (ofGender.length === 1) return found(ofGender[0]!, 'reference')
    // "yes the green one" after two phones: the one listed product that comes in that colour.
    const colour = sc.extracted.colourWord
    const inColour = colour
      ? listed.filter((x) => variantsOf(x).colours.some((c) => canonicalColour(c) === canonicalColour(colour)))
      : []
    if (inColour.length === 1) return found(inColour[0]!, 'reference')
  }
  const named = await catalogHit(sc)
  if (named) return found((await siblingDescribed(sc, named.p, named.name)) ?? named.p, 'named')
  const inContext = typeof slots.sku === 'string' ? await store.products.get(shop.id, slots.sku) : null
  const mention = await mentionedCategory(sc)
  if (mention) {
    if (inContext && categoryRank(mention, inContext.category) >= 0) return found(inContext, 'context')
    const custId = sc.customer?.id ?? sc.state.verifiedCustomerId ?? null
    const products = await shopProducts(sc)
    const gender = sc.understanding.read.gender(sc.customer?.profile?.gender)
    const described = describedProduct(sc, mention, products, gender)
    if (described) return found(described, 'named')
    if (custId && opts.owned !== false) {
      const orders = await store.orders.listByCustomer(shop.id, custId)
      const own = itemInOrders(orders, mention, await skuCategory(sc))
      const p = own ? await store.products.get(shop.id, own.sku) : null
      if (p) return found(p, 'category_owned')
    }
    const top = topInCategory(products, mention, { kids: sc.understanding.read.mentionsKids(), gender })
    if (top.length === 1) return found(top[0]!, 'search')
    if (top.length > 1) return { status: 'offer', mention, products: top }
  }
  if (inContext) return found(inContext, 'context')
  const hits = await knowledge.search(sc.understanding.query, { locale: sc.locale, kinds: ['product'], limit: 5 })
  const top = hits[0]
  if (top && top.score >= 0.5) {
    const p = await store.products.get(shop.id, top.id)
    if (p) return found(p, 'search')
  }
  // "the Aurora reversible jacket": a weak search whose hits include the one product the words describe
  // (brand and model words of its title, two English words or four Chinese character pairs at least).
  const near = (await Promise.all(hits.map((h) => store.products.get(shop.id, h.id)))).filter(
    (p): p is Product => p !== null,
  )
  const options = near.map((p) => ({ id: p.sku, texts: [p.title, String(p.attributes.titleEn ?? '')] }))
  const id =
    options.length > 0 ? sc.understanding.read.pickByDescription(options, { numbers: false, minScore: 4 }) : null
  const described = id ? near.find((p) => p.sku === id) : undefined
  if (described) return found(described, 'search')
  return { status: 'none' }
}

/**
 * "北岭连帽羽绒服", "收腰那款羽绒服", "the Northridge lightweight short down jacket": the one product of
 * the named kind the rest of the words describe (brand, cut, features), or null when they do not single
 * one out.
 */
/**
 * "极光那件商务短款鹅绒服" where "鹅绒服" is the short alias of another jacket of the brand: the product of
 * the same category the message's words describe better than the one its alias names, or null.
 */
async function siblingDescribed(sc: SkillContext, named: Product, said: string): Promise<Product | null> {
  if (norm(said) === norm(named.title)) return null
  const kin = (await shopProducts(sc)).filter((p) => p.category === named.category)
  if (kin.length < 2) return null
  const id = sc.understanding.read.pickByDescription(
    kin.map((p) => {
      const en = (p.attributes as Record<string, unknown> | undefined)?.titleEn
      return { id: p.sku, texts: [p.title, ...(p.aliases ?? []), typeof en === 'string' ? en : ''] }
    }),
    { numbers: false, minScore: 3, maxChars: 120 },
  )
  return id && id !== named.sku ? (kin.find((p) => p.sku === id) ?? null) : null
}

function describedProduct(
  sc: SkillContext,
  mention: CategoryMention,
  products: readonly Product[],
  gender: 'men' | 'women' | null,
): Product | null {
  const ofKind = products.filter((p) => categoryRank(mention, p.category) >= 0)
  if (ofKind.length < 2) return null
  const id = sc.understanding.read.pickByDescription(
    ofKind.map((p) => {
      const en = (p.attributes as Record<string, unknown> | undefined)?.titleEn
      return { id: p.sku, texts: [p.title, p.brand ?? '', ...(p.aliases ?? []), typeof en === 'string' ? en : ''] }
    }),
    {
      numbers: false,
      maxChars: 120,
      prefer: (sku) => {
        const p = ofKind.find((x) => x.sku === sku)
        return Boolean(gender && p && titleGender(p.title) === gender)
      },
    },
    mention.word,
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
