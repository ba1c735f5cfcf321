/**
 * The shop's product names (titles, brands, aliases, SKUs) compiled for longest-match lookup in a
 * message, and kept current product by product: a catalog of 100,000 products is filled page by
 * page between pauses of the event loop, and one changed product is one small delta, never a
 * rebuild of the whole vocabulary.
 */
import { ShardedMap, type StringMapView } from '../text/sharded-map.js'
import { halfWidth } from './half-width.js'

/** A product as the NLU sees it: only its names. */
export type CatalogItem = { sku: string; title: string; brand?: string; aliases?: readonly string[] }

type NameKind = 'title' | 'alias' | 'brand'

/** A name several SKUs share, or a brand: what it names. */
export type CatalogName = { name: string; skus: string[]; brand: boolean }

/** Catalog names compiled for fast longest-match lookup (read by `extractEntities`). */
export type CatalogMatcher = {
  /**
   * Lower-cased name → the one SKU it names (most titles, aliases and SKUs: no object per name,
   * which was a third of the matcher's ~90 MB for 100,000 products), or a shared name / brand.
   * Sharded (../text/sharded-map.ts): one Map of 300,000 names blocked the thread ~100 ms each
   * time it grew.
   */
  names: StringMapView<string | CatalogName>
  /**
   * First character → the distinct lengths of the names starting with it, longest first: a
   * position of the text costs one hash lookup per length, however many products share a first
   * character (100,000 SKUs all starting with `g`). Each array is replaced whole, never edited.
   */
  byFirst: Map<string, number[]>
}

/** A matcher changed in place, one product at a time. */
export type MutableCatalogMatcher = CatalogMatcher & {
  /**
   * Adds a product, or replaces the names of one already there (a no-op when they did not change).
   * Returns whether any name changed.
   */
  upsert(item: CatalogItem): boolean
  /** Forgets a product's names (names other products share stay). */
  remove(sku: string): void
  /** Products known. */
  readonly size: number
}

function normalise(raw: string | undefined): string | null {
  const n = raw ? halfWidth(raw).toLowerCase().trim() : ''
  return n.length < 2 || /^\d+$/.test(n) ? null : n
}

/** The item's names in the order they were always added: title, aliases, brand, SKU. */
function namesOf(it: CatalogItem): Array<[string, NameKind]> {
  const out: Array<[string, NameKind]> = []
  const add = (raw: string | undefined, kind: NameKind) => {
    const n = normalise(raw)
    if (n !== null && !out.some(([m]) => m === n)) out.push([n, kind])
  }
  add(it.title, 'title')
  for (const a of it.aliases ?? []) add(a, 'alias')
  add(it.brand, 'brand')
  add(it.sku, 'alias')
  return out
}

/**
 * An empty matcher to fill with `upsert`. Filled in catalog order it equals `createCatalogMatcher`
 * over the same items (same names, SKU order and kinds).
 * @example
 * const m = createMutableCatalogMatcher()
 * for (const page of pages) { for (const p of page) m.upsert(p); await pause() }
 * m.upsert({ sku: 'N-1', title: '新品羽绒服' }) // a product added later is matched on the next message
 */
export function createMutableCatalogMatcher(): MutableCatalogMatcher {
  const names = new ShardedMap<string | CatalogName>()
  const byFirst = new Map<string, number[]>()
  /** Per first character: name length → how many names have it. */
  const lengthCounts = new Map<string, Map<number, number>>()
  /** Per SKU: its names, to undo them on a change or delete. */
  const namesOfSku = new ShardedMap<string[]>()

  function countLength(name: string, delta: 1 | -1): void {
    const first = name[0]!
    let counts = lengthCounts.get(first)
    if (!counts) {
      counts = new Map()
      lengthCounts.set(first, counts)
    }
    const n = (counts.get(name.length) ?? 0) + delta
    if (n > 0) counts.set(name.length, n)
    else counts.delete(name.length)
    // Only a length appearing or disappearing changes the (small) list of lengths.
    if (delta === 1 ? n !== 1 : n > 0) return
    if (counts.size === 0) {
      lengthCounts.delete(first)
      byFirst.delete(first)
    } else
      byFirst.set(
        first,
        [...counts.keys()].sort((a, b) => b - a),
      )
  }

  /** Adds `sku` to what `name` names; returns the name's one kept string. */
  function link(name: string, sku: string, kind: NameKind): string {
    const e = names.get(name)
    if (e === undefined) {
      names.set(name, kind === 'brand' ? { name, skus: [sku], brand: true } : sku)
      countLength(name, 1)
      return name
    }
    if (typeof e === 'string') {
      names.set(name, { name, skus: [e, sku], brand: false })
      return name
    }
    e.skus.push(sku)
    return e.name
  }

  function unlink(sku: string, skuNames: readonly string[]): void {
    for (const name of skuNames) {
      const e = names.get(name)
      if (e === undefined) continue
      if (typeof e === 'string') {
        if (e !== sku) continue
        names.delete(name)
        countLength(name, -1)
        continue
      }
      const i = e.skus.lastIndexOf(sku)
      if (i >= 0) e.skus.splice(i, 1)
      if (e.skus.length === 0) {
        names.delete(name)
        countLength(name, -1)
      } else if (e.skus.length === 1 && !e.brand) names.set(name, e.skus[0]!)
    }
  }

  return {
    names,
    byFirst,
    get size() {
      return namesOfSku.size
    },
    upsert(item) {
      const wanted = namesOf(item)
      const old = namesOfSku.get(item.sku)
      if (old) {
        // A price or stock change leaves the names alone: nothing to do.
        if (old.length === wanted.length && old.every((n, i) => n === wanted[i]![0])) return false
        unlink(item.sku, old)
      }
      namesOfSku.set(
        item.sku,
        wanted.map(([name, kind]) => link(name, item.sku, kind)),
      )
      return true
    },
    remove(sku) {
      const old = namesOfSku.get(sku)
      if (!old) return
      unlink(sku, old)
      namesOfSku.delete(sku)
    },
  }
}

/** Compiles a catalog for product matching. Names shorter than 2 characters are ignored. */
export function createCatalogMatcher(items: readonly CatalogItem[]): MutableCatalogMatcher {
  const m = createMutableCatalogMatcher()
  for (const it of items) m.upsert(it)
  return m
}
