/**
 * The catalog part of a shop's knowledge: the product graph, the tokenizer that knows the
 * catalog's names, the product sparse index and what customers call each category. Built once
 * per catalog import, in slices that yield to the event loop (`pause`), and then changed in
 * place product by product (`upsert`, `remove`): a price, stock or product change from the
 * admin feed costs one product's tokenization, not a rebuild.
 */
import type { Locale, Product } from '../domain/schemas.js'
import { createSynonymMatcher, type SynonymGroups } from '../text/synonym-matcher.js'
import { createTokenizer, type Tokenizer } from '../text/tokenizer.js'
import { composeProductAnswer, displayName, productData } from './answer-product-question.js'
import { type BuildSlices, createBuildSlices } from './build-slices.js'
import { DEFAULT_SYNONYMS } from './default-synonyms.js'
import type { Collection } from './knowledge-collection.js'
import { createMutableSparseIndex } from './mutable-sparse-index.js'
import { buildProductGraph, nodeVocabulary, type ProductGraph } from './product-graph.js'
import type { CatalogView, KnowledgeHit } from './types.js'

/** The product row each product hit was made from (read live from the store for that hit). */
const hitRows = new WeakMap<object, Product>()

/**
 * The product a product hit was built from, as the store had it when the hit was made (moments ago,
 * in the same search): callers that need the whole row (the facts of a model prompt) need not read
 * it again. Undefined for other hits and for copies of a hit.
 *
 * @example
 * const p = productOfHit(hit) ?? (await store.products.get(shopId, hit.id))
 */
export function productOfHit(hit: KnowledgeHit): Product | undefined {
  return hitRows.get(hit)
}

export type CatalogIndexOptions = {
  synonyms?: SynonymGroups
  /** Extra words to keep whole (shop vocabulary); product names are added automatically. */
  vocabulary?: string[]
  /**
   * Called between slices of a long build so the caller can yield to the event loop (the server
   * passes a `setImmediate` promise); default: no yielding. See build-slices.ts for the slices.
   */
  pause?: () => Promise<void>
  sliceMs?: number
  maxSliceMs?: number
  /** The slicer of the whole build, when the caller's reads share it (else one from the options above). */
  slices?: BuildSlices
  /** Keep the indexed rows in memory and answer `product()` from them (no store, e.g. evaluation). */
  keepRows?: boolean
}

export type CatalogIndex = CatalogView & {
  readonly graph: ProductGraph
  readonly tokenizer: Tokenizer
  /** Live products in the index. */
  readonly size: number
  /** word → categories it names (耳机 → electronics/earbuds, …), to read the device type off a message. */
  readonly wordCategories: Map<string, Set<string>>
  /** category → the words customers call it (space separated), see categoryVocabulary. */
  categoryWords(): Map<string, string>
  /** The sparse-index entry of a SKU. */
  entryOf(sku: string): number | undefined
  /** The row as indexed (only with `keepRows`), else null. */
  product(sku: string): Promise<Product | null>
  /** The retrievable product collection, reading rows through `live` (price and stock live). */
  collection(live: (sku: string) => Promise<Product | null>): Collection
  /** Adds or replaces one product (graph, index, category words). */
  upsert(p: Product): void
  remove(sku: string): boolean
  stats(): { products: number; terms: number; indexBytes: number }
}

/** A word names a category when at least this share of the category's product titles has it. */
const CATEGORY_WORD_SHARE = 0.4

/** Builds the catalog index from catalog rows, yielding between slices. */
export async function buildCatalogIndex(
  products: readonly Product[] | (() => AsyncIterable<Product>),
  options: CatalogIndexOptions = {},
): Promise<CatalogIndex> {
  const slices =
    options.slices ??
    createBuildSlices({
      ...(options.pause ? { pause: options.pause } : {}),
      ...(options.sliceMs !== undefined ? { sliceMs: options.sliceMs } : {}),
      ...(options.maxSliceMs !== undefined ? { maxSliceMs: options.maxSliceMs } : {}),
    })
  const maybePause = () => slices.step()

  // Two passes over the source (a store is read twice) instead of holding 100,000 rows in memory:
  // the graph first, for the names the tokenizer keeps whole, then the index.
  const rows = (): Iterable<Product> | AsyncIterable<Product> =>
    typeof products === 'function' ? products() : products
  const graph = buildProductGraph([])
  for await (const p of rows()) {
    graph.upsert(p)
    await maybePause()
  }
  const synonyms = createSynonymMatcher([...DEFAULT_SYNONYMS, ...(options.synonyms ?? [])])
  const tokenizer = createTokenizer({ userWords: options.vocabulary ?? [], synonyms })
  // The catalog's names join the tokenizer's dictionary product by product (not in one block:
  // 100,000 products have ~300,000 names).
  for (const node of graph.nodes()) {
    for (const w of nodeVocabulary(node)) tokenizer.userDictionary.add(w)
    await maybePause()
  }
  const index = createMutableSparseIndex({ bodyWeight: 0.1 })
  const entryBySku = new Map<string, number>()
  const skuOf: string[] = []
  const kept = options.keepRows ? new Map<string, Product>() : null
  // Per category: how many products, and in how many titles each term / brand term occurs.
  const catCount = new Map<string, number>()
  const catTitleDf = new Map<string, Map<string, number>>()
  const catBrandDf = new Map<string, Map<string, number>>()
  let categoryWordsCache: Map<string, string> | null = null
  const wordCategories = new Map<string, Set<string>>()
  // Variants of one model (colours, sizes) share their description: tokenize it once per build.
  const bodyMemo = new Map<string, string[]>()
  const termsOf = (text: string): string[] => {
    const hit = bodyMemo.get(text)
    if (hit) return hit
    const t = tokenizer.terms(text)
    if (bodyMemo.size >= 4096) bodyMemo.clear()
    bodyMemo.set(text, t)
    return t
  }

  const titleTerms = (title: string, titleEn: string | null) => new Set(tokenizer.terms(`${title} ${titleEn ?? ''}`))
  const brandTerms = (p: { brand: string; brandEn: string | null }) => {
    const out = new Set<string>()
    for (const b of [p.brand, p.brandEn]) if (b) for (const w of tokenizer.terms(b)) out.add(w)
    return out
  }
  const countTerms = (map: Map<string, Map<string, number>>, cat: string, terms: Set<string>, by: number) => {
    let df = map.get(cat)
    if (!df) {
      df = new Map()
      map.set(cat, df)
    }
    for (const t of terms) {
      const v = (df.get(t) ?? 0) + by
      if (v <= 0) df.delete(t)
      else df.set(t, v)
    }
  }
  const brandEnOf = (p: Product) => (typeof p.attributes.brandEn === 'string' ? p.attributes.brandEn : null)
  const titleEnOf = (p: Product) => (typeof p.attributes.titleEn === 'string' ? p.attributes.titleEn : null)

  function indexRow(p: Product): void {
    const titleEn = titleEnOf(p)
    const brandEn = brandEnOf(p) ?? ''
    const names = [p.title, ...(p.aliases ?? [])]
    if (titleEn) names.push(titleEn)
    const attrText = Object.entries(p.attributes)
      .filter(([k]) => k !== 'titleEn' && k !== 'brandEn')
      .map(([, v]) => (Array.isArray(v) ? v.join(' ') : typeof v === 'object' ? '' : String(v)))
      .join(' ')
    const entry = index.add({
      variants: names.map((name) => tokenizer.terms(`${name} ${p.brand} ${brandEn}`)),
      body: termsOf(`${p.brand} ${p.category.replace(/[/_-]/g, ' ')} ${attrText} ${p.description}`),
    })
    entryBySku.set(p.sku, entry)
    skuOf[entry] = p.sku
    catCount.set(p.category, (catCount.get(p.category) ?? 0) + 1)
    countTerms(catTitleDf, p.category, titleTerms(p.title, titleEn), 1)
    countTerms(catBrandDf, p.category, brandTerms({ brand: p.brand, brandEn: brandEnOf(p) }), 1)
    kept?.set(p.sku, p)
    categoryWordsCache = null
  }

  function unindex(sku: string): boolean {
    const entry = entryBySku.get(sku)
    const node = graph.get(sku)
    if (entry === undefined || !node) return false
    index.remove(entry)
    entryBySku.delete(sku)
    const c = (catCount.get(node.category) ?? 1) - 1
    if (c <= 0) {
      catCount.delete(node.category)
      catTitleDf.delete(node.category)
      catBrandDf.delete(node.category)
    } else {
      catCount.set(node.category, c)
      countTerms(catTitleDf, node.category, titleTerms(node.title, node.titleEn), -1)
      const brandEn = kept?.get(sku) ? brandEnOf(kept.get(sku)!) : null
      countTerms(catBrandDf, node.category, brandTerms({ brand: node.brand, brandEn }), -1)
    }
    kept?.delete(sku)
    categoryWordsCache = null
    return true
  }

  function categoryWords(): Map<string, string> {
    if (categoryWordsCache) return categoryWordsCache
    const out = new Map<string, string>()
    for (const [category, count] of catCount) {
      const brands = catBrandDf.get(category) ?? new Map<string, number>()
      const words = [...(catTitleDf.get(category) ?? [])].filter(
        ([w, df]) =>
          df >= Math.max(1, count * CATEGORY_WORD_SHARE) && !brands.has(w) && !/\d/.test(w) && !w.startsWith('#'),
      )
      out.set(category, words.map(([w]) => w).join(' '))
    }
    wordCategories.clear()
    for (const [category, words] of out) {
      for (const w of words.split(' ').filter(Boolean)) {
        const set = wordCategories.get(w) ?? new Set<string>()
        set.add(category)
        wordCategories.set(w, set)
      }
    }
    categoryWordsCache = out
    return out
  }

  for await (const p of rows()) {
    if (entryBySku.has(p.sku)) unindex(p.sku)
    indexRow(p)
    await maybePause()
  }
  categoryWords()

  return {
    graph,
    tokenizer,
    get size() {
      return index.size
    },
    get wordCategories() {
      categoryWords()
      return wordCategories
    },
    categoryWords,
    categories: () => graph.categories(),
    categoryOf: (sku) => graph.get(sku)?.category,
    namedIn: (text, limit) => graph.namedIn(text, limit),
    entryOf: (sku) => entryBySku.get(sku),
    product: async (sku) => kept?.get(sku) ?? null,
    upsert(p: Product): void {
      unindex(p.sku)
      graph.upsert(p)
      indexRow(p)
    },
    remove(sku: string): boolean {
      const had = unindex(sku)
      graph.remove(sku)
      return had
    },
    stats: () => ({ products: index.size, terms: index.terms, indexBytes: Math.round(index.bytes()) }),
    collection(live): Collection {
      return {
        kind: 'product',
        get size() {
          return index.size
        },
        index,
        vectors: null,
        id: (i) => skuOf[i]!,
        title: (i) => graph.get(skuOf[i]!)?.title ?? skuOf[i]!,
        async hit(i, score, _variant, locale: Locale) {
          const p = await live(skuOf[i]!)
          // Deleted from the catalog since the index was built: not an answer any more.
          if (!p) return null
          // The product card is composed when it is read: most product hits are candidates (facts of a
          // model prompt, ranking) whose text nobody reads, and composing builds a product graph.
          let answer: string | undefined
          const out: KnowledgeHit = {
            kind: 'product',
            id: p.sku,
            score,
            title: displayName(p, locale),
            get answer(): string {
              answer ??= composeProductAnswer(
                { concepts: [], compare: false, direction: null, yesNo: false, fit: false },
                [p],
                locale,
                buildProductGraph([p]),
              ).text
              return answer
            },
            set answer(text: string) {
              answer = text
            },
            data: productData(p),
          }
          hitRows.set(out, p)
          return out
        },
      }
    },
  }
}
