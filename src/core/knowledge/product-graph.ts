import type { Product } from '../domain/schemas.js'
import { normalizeText } from '../text/normalize-text.js'
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
  /** Same leaf category and brand tier: what to offer when this one is out of stock. */
  alternatives: string[]
}

export type ProductMention = { sku: string; name: string; start: number; end: number }

/**
 * The catalog as a graph: product → brand, category, attributes, related and
 * alternative products, plus a name matcher that finds which products a
 * message mentions (`X2 Pro`, `云朵羽绒服`, a SKU).
 */
export type ProductGraph = {
  readonly size: number
  get(sku: string): ProductNode | undefined
  nodes(): IterableIterator<ProductNode>
  byBrand(brand: string): string[]
  byCategory(category: string): string[]
  /** Non-overlapping product mentions, longest names first, in text order. */
  findMentions(text: string): ProductMention[]
  /** Words to keep whole in the tokenizer: names, brands, model numbers. */
  vocabulary(): string[]
}

const LATIN_EDGE = /[a-z0-9]/

/** Builds the graph from catalog rows (any status of stock or price). */
export function buildProductGraph(products: Product[]): ProductGraph {
  const nodes = new Map<string, ProductNode>()
  const brands = new Map<string, string[]>()
  const categories = new Map<string, string[]>()
  const names: Array<{ name: string; sku: string }> = []
  const nameOwners = new Map<string, Set<string>>()

  for (const p of products) {
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
      attributeConcepts[key] = ATTRIBUTE_CONCEPTS.filter((c) => c.keys.test(key)).map((c) => c.id)
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
      alternatives: [],
    })
    push(brands, normalizeText(p.brand), p.sku)
    if (typeof p.attributes.brandEn === 'string') push(brands, normalizeText(p.attributes.brandEn), p.sku)
    push(categories, p.category, p.sku)
    for (const n of nameSet) {
      names.push({ name: n, sku: p.sku })
      let owners = nameOwners.get(n)
      if (!owners) {
        owners = new Set()
        nameOwners.set(n, owners)
      }
      owners.add(p.sku)
    }
  }
  for (const node of nodes.values()) {
    node.related = node.related.filter((s) => nodes.has(s))
    node.alternatives = (categories.get(node.category) ?? []).filter((s) => s !== node.sku)
  }
  // A name shared by several products (a series name) identifies none of them.
  const unique = names.filter((n) => nameOwners.get(n.name)!.size === 1)
  unique.sort((a, b) => b.name.length - a.name.length)
  // Feature phrases that contain a product nickname: "无线充" (a charger) inside "支持无线充电吗".
  const featurePhrases = ATTRIBUTE_CONCEPTS.flatMap((c) => c.zh.map((z) => normalizeText(z)))
  const insideFeature = (norm: string, at: number, name: string): boolean =>
    featurePhrases.some((p) => {
      if (p.length <= name.length) return false
      const off = p.indexOf(name)
      return off >= 0 && at - off >= 0 && norm.startsWith(p, at - off)
    })

  return {
    size: nodes.size,
    get: (sku) => nodes.get(sku),
    nodes: () => nodes.values(),
    byBrand: (brand) => brands.get(normalizeText(brand)) ?? [],
    byCategory: (category) => categories.get(category) ?? [],
    findMentions(text: string): ProductMention[] {
      const norm = normalizeText(text)
      const taken = new Uint8Array(norm.length)
      const found: ProductMention[] = []
      const seen = new Set<string>()
      for (const { name, sku } of unique) {
        let from = 0
        while (from <= norm.length - name.length) {
          const at = norm.indexOf(name, from)
          if (at < 0) break
          from = at + 1
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
      }
      return found.sort((a, b) => a.start - b.start)
    },
    vocabulary(): string[] {
      const words = new Set<string>()
      for (const n of nodes.values()) {
        words.add(normalizeText(n.brand))
        for (const name of n.names) if (name.length <= 12 && !name.includes(' ')) words.add(name)
      }
      return [...words]
    },
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Concepts a product attribute key answers, for callers holding a concept id. */
export function conceptById(id: string): AttributeConcept | undefined {
  return ATTRIBUTE_CONCEPTS.find((c) => c.id === id)
}
