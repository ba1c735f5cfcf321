import type { Product } from '../domain/schemas.js'
import { normalizeText } from '../text/normalize-text.js'
import { ShardedMap } from '../text/sharded-map.js'
import { createNameLengths } from './name-lengths.js'
import { ATTRIBUTE_CONCEPTS, type AttributeConcept } from './product-attributes.js'

/** One product in the graph. Price and stock are deliberately absent: they are read live at answer time. */
export type ProductNode = {
  sku: string
  title: string
  titleEn: string | null
  brand: string
  category: string
  /** Normalised names customers may type: title, aliases, English title, SKU. */
  names: string[]
  /** attribute key → concept ids it answers (`batteryHours` → `battery`). */
  attributeConcepts: Record<string, string[]>
  related: string[]
}

export type ProductMention = { sku: string; name: string; start: number; end: number }

/** How many alternatives `alternatives()` returns at most, and how many same-category products it compares. */
export const ALTERNATIVES_K = 5
const ALTERNATIVES_SCAN = 400

/**
 * The catalog as a graph: product → brand, category, attributes, related and
 * alternative products, plus a name matcher that finds which products a
 * message mentions (`X2 Pro`, `云朵羽绒服`, a SKU).
 *
 * Memory and time are bounded for 100,000-product catalogs: a product does not hold a list of
 * its category (that was quadratic); `alternatives()` ranks at most ALTERNATIVES_SCAN
 * same-category products by title similarity and returns the top k. Mentions are found by
 * hashing the message's substrings (one lookup per position and distinct name length), so
 * their cost does not grow with the catalog. `upsert`/`remove` change the graph in place.
 */
export type ProductGraph = {
  readonly size: number
  get(sku: string): ProductNode | undefined
  nodes(): IterableIterator<ProductNode>
  byBrand(brand: string): string[]
  byCategory(category: string): string[]
  /** Every category that has at least one product. */
  categories(): string[]
  /** Products per category (each category that has one), without copying the members. */
  categoryCounts(): Map<string, number>
  /** Up to `k` products of the same category most like this one (same brand first, then title similarity). */
  alternatives(sku: string, k?: number): string[]
  /** Non-overlapping product mentions, longest names first, in text order. */
  findMentions(text: string): ProductMention[]
  /** Words to keep whole in the tokenizer: names, brands, model numbers. */
  vocabulary(): string[]
  /**
   * SKUs any of whose names (title, aliases, English title, SKU) occurs in the text, case,
   * spaces, dashes and underscores ignored, longest name first; at most `limit` (default 50).
   * Names shared by several products count too (unlike findMentions).
   */
  namedIn(text: string, limit?: number): string[]
  /** Adds or replaces one product. */
  upsert(p: Product): void
  /** Removes one product; false when it was not there. */
  remove(sku: string): boolean
}

const LATIN_EDGE = /[a-z0-9]/

/** Builds the graph from catalog rows (any status of stock or price). */
export function buildProductGraph(products: Iterable<Product>): ProductGraph {
  const nodes = new Map<string, ProductNode>()
  const brands = new Map<string, Set<string>>()
  const categories = new Map<string, Set<string>>()
  const nameOwners = new ShardedMap<Owners>()
  // The names' lengths per first two characters (name-lengths.ts): findMentions tries at each place
  // only the lengths of the names that start there.
  const nameLengths = createNameLengths()
  // The same names in compact form (see compactName), for namedIn().
  const compactOwners = new ShardedMap<Owners>()
  const compactLengths = new Map<number, number>()
  let compactLengthList: number[] | null = null
  const compactPrefixes = createNameLengths()

  const brandKeys = (n: { brand: string; brandEn?: string | null }) => {
    const keys = [normalizeText(n.brand)]
    if (n.brandEn) keys.push(normalizeText(n.brandEn))
    return keys
  }
  const brandEnOf = new Map<string, string>()

  function remove(sku: string): boolean {
    const node = nodes.get(sku)
    if (!node) return false
    nodes.delete(sku)
    for (const key of brandKeys({ brand: node.brand, brandEn: brandEnOf.get(sku) ?? null })) drop(brands, key, sku)
    brandEnOf.delete(sku)
    drop(categories, node.category, sku)
    for (const c of compactNames(node.names)) {
      if (dropOwner(compactOwners, c, sku)) {
        compactPrefixes.count(c, -1)
        const k = (compactLengths.get(c.length) ?? 1) - 1
        if (k === 0) {
          compactLengths.delete(c.length)
          compactLengthList = null
        } else compactLengths.set(c.length, k)
      }
    }
    for (const n of node.names) {
      if (dropOwner(nameOwners, n, sku)) nameLengths.count(n, -1)
    }
    return true
  }

  function upsert(p: Product): void {
    remove(p.sku)
    const titleEn = typeof p.attributes.titleEn === 'string' ? p.attributes.titleEn : null
    const nameSet = new Set<string>()
    for (const n of [p.title, titleEn, p.sku, ...(p.aliases ?? [])]) {
      if (!n) continue
      const norm = normalizeText(n)
      if (norm.length >= 2) nameSet.add(norm)
    }
    const attributeConcepts: Record<string, string[]> = {}
    for (const key of Object.keys(p.attributes)) {
      if (key === 'titleEn' || key === 'descriptionEn' || key === 'brandEn' || /[a-z0-9]En$/.test(key)) continue
      attributeConcepts[key] = conceptsOfKey(key)
    }
    nodes.set(p.sku, {
      sku: p.sku,
      title: p.title,
      titleEn,
      brand: p.brand,
      category: p.category,
      names: [...nameSet],
      attributeConcepts,
      related: (p.related ?? []).filter((s) => s !== p.sku),
    })
    const brandEn = typeof p.attributes.brandEn === 'string' ? p.attributes.brandEn : null
    if (brandEn) brandEnOf.set(p.sku, brandEn)
    for (const key of brandKeys({ brand: p.brand, brandEn })) add(brands, key, p.sku)
    add(categories, p.category, p.sku)
    for (const c of compactNames(nameSet)) {
      if (addOwner(compactOwners, c, p.sku)) {
        compactPrefixes.count(c, 1)
        if (!compactLengths.has(c.length)) compactLengthList = null
        compactLengths.set(c.length, (compactLengths.get(c.length) ?? 0) + 1)
      }
    }
    for (const n of nameSet) {
      if (addOwner(nameOwners, n, p.sku)) nameLengths.count(n, 1)
    }
  }

  for (const p of products) upsert(p)

  // Feature phrases that contain a product nickname: "无线充" (a charger) inside "支持无线充电吗".
  const featurePhrases = ATTRIBUTE_CONCEPTS.flatMap((c) => c.zh.map((z) => normalizeText(z)))
  const insideFeature = (norm: string, at: number, name: string): boolean =>
    featurePhrases.some((p) => {
      if (p.length <= name.length) return false
      const off = p.indexOf(name)
      return off >= 0 && at - off >= 0 && norm.startsWith(p, at - off)
    })

  return {
    get size() {
      return nodes.size
    },
    get: (sku) => nodes.get(sku),
    nodes: () => nodes.values(),
    byBrand: (brand) => [...(brands.get(normalizeText(brand)) ?? [])],
    byCategory: (category) => [...(categories.get(category) ?? [])],
    categories: () => [...categories.keys()],
    categoryCounts: () => new Map([...categories].map(([c, members]) => [c, members.size])),
    upsert,
    remove,
    alternatives(sku: string, k = ALTERNATIVES_K): string[] {
      const node = nodes.get(sku)
      if (!node) return []
      const members = categories.get(node.category)
      if (!members) return []
      const mine = titleGrams(node.title)
      const scored: Array<[number, string]> = []
      let scanned = 0
      for (const other of members) {
        if (other === sku) continue
        if (++scanned > ALTERNATIVES_SCAN) break
        const o = nodes.get(other)!
        const score = (o.brand === node.brand ? 1 : 0) + jaccard(mine, titleGrams(o.title))
        scored.push([score, other])
      }
      scored.sort((a, b) => b[0] - a[0])
      return scored.slice(0, k).map((s) => s[1])
    },
    findMentions(text: string): ProductMention[] {
      const norm = normalizeText(text)
      // Every substring that is a product name of exactly one product (a name shared by several
      // products, a series name, identifies none of them).
      const candidates: Array<{ name: string; sku: string; at: number }> = []
      for (let at = 0; at + 1 < norm.length; at++) {
        const lengths = nameLengths.startingWith(norm.slice(at, at + 2))
        if (!lengths) continue
        for (const len of lengths) {
          if (at + len > norm.length) continue
          const name = norm.slice(at, at + len)
          const owners = nameOwners.get(name)
          if (typeof owners === 'string') candidates.push({ name, sku: owners, at })
        }
      }
      candidates.sort((a, b) => b.name.length - a.name.length || a.at - b.at)
      const taken = new Uint8Array(norm.length)
      const found: ProductMention[] = []
      const seen = new Set<string>()
      for (const { name, sku, at } of candidates) {
        const end = at + name.length
        // `x2` must not match inside `x20` or `mx2`.
        if (LATIN_EDGE.test(name[0]!) && at > 0 && LATIN_EDGE.test(norm[at - 1]!)) continue
        if (LATIN_EDGE.test(name[name.length - 1]!) && end < norm.length && LATIN_EDGE.test(norm[end]!)) continue
        if (insideFeature(norm, at, name)) continue
        let free = true
        for (let i = at; i < end; i++) if (taken[i]) free = false
        if (!free) continue
        taken.fill(1, at, end)
        if (!seen.has(sku)) {
          seen.add(sku)
          found.push({ sku, name, start: at, end })
        }
      }
      return found.sort((a, b) => a.start - b.start)
    },
    namedIn(text: string, limit = 50): string[] {
      const t = compactName(text)
      if (!compactLengthList) compactLengthList = [...compactLengths.keys()].sort((a, b) => b - a)
      const out: string[] = []
      const seen = new Set<string>()
      // The first two characters at each place: a length is tried only where a name of it starts.
      const prefixes = Array.from({ length: Math.max(0, t.length - 1) }, (_, at) => t.slice(at, at + 2))
      for (const len of compactLengthList) {
        for (let at = 0; at + len <= t.length; at++) {
          if (!compactPrefixes.has(prefixes[at]!, len)) continue
          const owners = compactOwners.get(t.slice(at, at + len))
          if (!owners) continue
          for (const sku of typeof owners === 'string' ? [owners] : owners) {
            if (seen.has(sku)) continue
            seen.add(sku)
            out.push(sku)
            if (out.length >= limit) return out
          }
        }
      }
      return out
    },
    vocabulary(): string[] {
      const words = new Set<string>()
      for (const n of nodes.values()) for (const w of nodeVocabulary(n)) words.add(w)
      return [...words]
    },
  }
}

/** A product's words to keep whole in the tokenizer (see ProductGraph.vocabulary): brand, short names. */
export function nodeVocabulary(n: ProductNode): string[] {
  const out = [normalizeText(n.brand)]
  for (const name of n.names) if (name.length <= 12 && !name.includes(' ')) out.push(name)
  return out
}

/** Lower case without spaces, dashes and underscores: how skills compare product names. */
function compactName(text: string): string {
  return text.toLowerCase().replace(/[\s\-_]+/g, '')
}

/** The products owning a name: one SKU (the usual case, no Set allocated) or several. */
type Owners = string | Set<string>

/** Adds an owner; true when the name is new. */
function addOwner(map: ShardedMap<Owners>, name: string, sku: string): boolean {
  const had = map.get(name)
  if (had === undefined) {
    map.set(name, sku)
    return true
  }
  if (typeof had === 'string') {
    if (had !== sku) map.set(name, new Set([had, sku]))
  } else had.add(sku)
  return false
}

/** Removes an owner; true when the name has no owner left. */
function dropOwner(map: ShardedMap<Owners>, name: string, sku: string): boolean {
  const had = map.get(name)
  if (had === undefined) return false
  if (typeof had === 'string') {
    if (had !== sku) return false
    map.delete(name)
    return true
  }
  had.delete(sku)
  if (had.size === 1) map.set(name, had.values().next().value!)
  return false
}

const keyConcepts = new Map<string, string[]>()
/** Concept ids an attribute key answers; one shared (frozen) array per key, not one per product. */
function conceptsOfKey(key: string): string[] {
  let ids = keyConcepts.get(key)
  if (!ids) {
    ids = Object.freeze(ATTRIBUTE_CONCEPTS.filter((c) => c.keys.test(key)).map((c) => c.id)) as string[]
    if (keyConcepts.size < 10_000) keyConcepts.set(key, ids)
  }
  return ids
}

/** The distinct compact forms (≥ 2 characters) of a product's names. */
function compactNames(names: Iterable<string>): Set<string> {
  const out = new Set<string>()
  for (const n of names) {
    const c = compactName(n)
    if (c.length >= 2) out.add(c)
  }
  return out
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key)
  if (set) set.add(value)
  else map.set(key, new Set([value]))
}

function drop(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key)
  if (!set) return
  set.delete(value)
  if (set.size === 0) map.delete(key)
}

/** Character bigrams of a title (normalised), for the alternatives' similarity. */
function titleGrams(title: string): Set<string> {
  const t = normalizeText(title).replace(/\s+/g, '')
  const out = new Set<string>()
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2))
  return out
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const g of a) if (b.has(g)) shared++
  return shared / (a.size + b.size - shared)
}

/** Concepts a product attribute key answers, for callers holding a concept id. */
export function conceptById(id: string): AttributeConcept | undefined {
  return ATTRIBUTE_CONCEPTS.find((c) => c.id === id)
}
