/**
 * Products (and the shop's fault guide) read from memory: a chat turn in a small shop reads the whole catalog (the skills match
 * the message against every product, src/core/skills/product-mention.ts) and the product it talks
 * about, and the catalog changes rarely. Reading and parsing 234 demo products on every other turn
 * was the largest single cost of a turn (issue 16).
 *
 * - `products.list` (any page) and `products.get` are cached per shop; the first read fills the
 *   entry, later ones share it.
 * - A product write through this store (`upsertMany`; inside a transaction also after its commit)
 *   drops what it may have changed: the written SKUs' entries, the pages that hold them, and the
 *   pages a new (or re-categorised) product may have joined. A price or stock change of one product
 *   keeps every other page: it used to drop the whole shop, so under an update stream (~100 changes
 *   a second) every turn re-read its category pages (up to 500 rows each). A product is known to keep
 *   its category when this store read it just before (`get` through the cache, or inside the same
 *   transaction). A batch of more than FORGET_ROWS_AT_MOST rows, `deleteMany` and
 *   `shops.purgeData` drop the shop's entries at once. The server also drops them when another
 *   process announces a catalog change (knowledge invalidation, catalogVersion).
 * - Writes by a process this one does not hear from are seen after at most `ttlMs`.
 * - Reads inside a transaction go to the database (they may see the transaction's own writes).
 *
 * Cached products are frozen (deeply) and every list is a fresh array: a caller that tried to
 * change a shared product would fail loudly instead of changing it for every other turn.
 *
 * The fault guide (`faults.list`, the whole list per shop) is kept the same way and dropped by the
 * same events and by `faults.upsertMany`: a fault-diagnosis turn read and parsed all of it (98 faults,
 * ~60 KB of JSON in the demo shop) up to three times.
 */
import type { Fault, Product } from '../core/domain/schemas.js'
import type { Store } from '../core/ports/store.js'

export type CatalogCache = {
  store: Store
  /** Drops one shop's entries (a write elsewhere), or all of them. */
  invalidate(shopId?: string): void
}

type Entry<T> = { value: T; at: number }
/** What a list page was read with (`products.list`'s page): which rows a write may add to it. */
type ListPage = { category?: string; offset?: number }
type ShopEntries = {
  lists: Map<string, Entry<readonly Product[]> & { page: ListPage }>
  gets: Map<string, Entry<Product | null>>
  /** Products held by `lists` and `gets`. */
  held: number
  /** The shop's whole fault guide (`faults.list`). */
  faults?: Entry<readonly Fault[]>
}

/** A fault guide longer than this is read from the database every time. */
const MAX_FAULTS_PER_SHOP = 5000

/**
 * Products kept per shop (in lists; single reads count one each): a small catalog is held whole, a
 * large one (100,000 products, read a category page per turn) keeps its most recent pages only.
 */
const MAX_PRODUCTS_PER_SHOP = 5000

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v)
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k])
  }
  return v
}

/** A write of more rows than this drops the shop's whole cache (cheaper than checking every page). */
const FORGET_ROWS_AT_MOST = 100

const sizeOf = (v: readonly Product[] | Product | null): number => (Array.isArray(v) ? v.length : 1)

/** Keeps `value` under `key`, dropping the shop's oldest entries beyond MAX_PRODUCTS_PER_SHOP. */
function remember<T extends readonly Product[] | Product | null, E extends Entry<T>>(
  e: ShopEntries,
  map: Map<string, E>,
  key: string,
  entry: E,
): void {
  const old = map.get(key)
  if (old) {
    map.delete(key)
    e.held -= sizeOf(old.value)
  }
  const value = entry.value
  deepFreeze(value)
  map.set(key, entry)
  e.held += sizeOf(value)
  for (const m of [e.lists, e.gets] as Array<Map<string, Entry<readonly Product[] | Product | null>>>) {
    for (const [k, v] of m) {
      if (e.held <= MAX_PRODUCTS_PER_SHOP) return
      m.delete(k)
      e.held -= sizeOf(v.value)
    }
  }
}

/** Product rows a transaction wrote for one shop, and the categories it read before writing them. */
type TxWrites = { rows: Product[]; before: Map<string, string | null>; read: Map<string, string | null> }

export function withCatalogCache(inner: Store, opts: { ttlMs: number; now?: () => number }): CatalogCache {
  const now = opts.now ?? (() => performance.now())
  const shops = new Map<string, ShopEntries>()
  // Bumped by every invalidation: a read that started before it must not cache what it read.
  let generation = 0
  const invalidate = (shopId?: string) => {
    generation++
    if (shopId === undefined) shops.clear()
    else shops.delete(shopId)
  }
  const entriesOf = (shopId: string): ShopEntries => {
    let e = shops.get(shopId)
    if (!e) {
      e = { lists: new Map(), gets: new Map(), held: 0 }
      shops.set(shopId, e)
    }
    return e
  }
  /**
   * Drops the entries a write of these rows may have changed. `before` has each row's category as
   * this store last read it (null: it did not exist) when known: a row that keeps its category
   * keeps its place in every page, so only pages holding it change.
   */
  const forgetRows = (shopId: string, rows: readonly Product[], before: ReadonlyMap<string, string | null>) => {
    if (rows.length > FORGET_ROWS_AT_MOST) return invalidate(shopId)
    generation++
    const e = shops.get(shopId)
    if (!e) return
    for (const row of rows) {
      const got = e.gets.get(row.sku)
      if (got) {
        e.gets.delete(row.sku)
        e.held -= sizeOf(got.value)
      }
      const sameCategory = before.has(row.sku) && before.get(row.sku) === row.category
      for (const [key, list] of e.lists) {
        const { category, offset = 0 } = list.page
        const holds = list.value.some((p) => p.sku === row.sku)
        // Not in this page and still where it was, or in no category of it (and a first page
        // cannot move when a row beyond it leaves): the page is unchanged.
        const unchanged =
          !holds && (sameCategory || (offset === 0 && category !== undefined && category !== row.category))
        if (unchanged) continue
        e.lists.delete(key)
        e.held -= list.value.length
      }
    }
  }
  /** The category a cached `get` last saw for each SKU (for forgetRows), when it is still fresh. */
  const cachedCategories = (shopId: string, skus: readonly string[]): Map<string, string | null> => {
    const out = new Map<string, string | null>()
    const e = shops.get(shopId)
    if (!e) return out
    for (const sku of skus) {
      const hit = e.gets.get(sku)
      if (fresh(hit)) out.set(sku, hit.value?.category ?? null)
    }
    return out
  }
  const fresh = <T>(hit: Entry<T> | undefined): hit is Entry<T> => hit !== undefined && now() - hit.at < opts.ttlMs

  /**
   * A transaction's store: its product writes drop the cache now and again after the commit
   * (`rows`: what it wrote per shop, with the categories it read before, see forgetRows).
   */
  const wrapTx = (tx: Store, touched: Set<string>, written: Map<string, TxWrites>): Store => {
    const writesOf = (shopId: string): TxWrites => {
      let w = written.get(shopId)
      if (!w) {
        w = { rows: [], before: new Map(), read: new Map() }
        written.set(shopId, w)
      }
      return w
    }
    const wrapped: Store = {
      ...tx,
      products: {
        ...tx.products,
        async get(shopId, sku) {
          const p = await tx.products.get(shopId, sku)
          const w = writesOf(shopId)
          if (!w.read.has(sku)) w.read.set(sku, p?.category ?? null)
          return p
        },
        async upsertMany(shopId, rows) {
          const w = writesOf(shopId)
          for (const r of rows) {
            if (w.read.has(r.sku) && !w.before.has(r.sku)) w.before.set(r.sku, w.read.get(r.sku)!)
            w.rows.push(r)
          }
          forgetRows(shopId, rows, w.before)
          await tx.products.upsertMany(shopId, rows)
        },
        async deleteMany(shopId, skus) {
          touched.add(shopId)
          invalidate(shopId)
          return tx.products.deleteMany(shopId, skus)
        },
      },
      faults: {
        ...tx.faults,
        async upsertMany(shopId, rows) {
          touched.add(shopId)
          invalidate(shopId)
          await tx.faults.upsertMany(shopId, rows)
        },
      },
      shops: {
        ...tx.shops,
        async purgeData(id) {
          touched.add(id)
          invalidate(id)
          await tx.shops.purgeData(id)
        },
      },
      // Nested calls reuse the surrounding transaction (and this wrapper).
      transaction: (fn) => tx.transaction(() => fn(wrapped)),
    }
    return wrapped
  }

  const store: Store = {
    ...inner,
    products: {
      ...inner.products,
      async list(shopId, page) {
        // Keyset pages (afterSku) are bulk scans (index builds): read through, not kept.
        if (page?.afterSku !== undefined) return inner.products.list(shopId, page)
        const key = page ? JSON.stringify(page) : ''
        const hit = shops.get(shopId)?.lists.get(key)
        if (fresh(hit)) return [...hit.value]
        const started = generation
        const rows = await inner.products.list(shopId, page)
        if (generation === started && rows.length <= MAX_PRODUCTS_PER_SHOP) {
          const e = entriesOf(shopId)
          const listed: ListPage = {
            ...(page?.category !== undefined ? { category: page.category } : {}),
            ...(page?.offset !== undefined ? { offset: page.offset } : {}),
          }
          remember(e, e.lists, key, { value: rows, at: now(), page: listed })
        }
        return [...rows]
      },
      async get(shopId, sku) {
        const hit = shops.get(shopId)?.gets.get(sku)
        if (fresh(hit)) return hit.value
        const started = generation
        const product = await inner.products.get(shopId, sku)
        if (generation === started) {
          const e = entriesOf(shopId)
          remember(e, e.gets, sku, { value: product, at: now() })
        }
        return product
      },
      async upsertMany(shopId, rows) {
        // What this store read of these rows before the write (the admin PUT reads the product first).
        const before = cachedCategories(
          shopId,
          rows.map((r) => r.sku),
        )
        try {
          await inner.products.upsertMany(shopId, rows)
        } finally {
          forgetRows(shopId, rows, before)
        }
      },
      async deleteMany(shopId, skus) {
        try {
          return await inner.products.deleteMany(shopId, skus)
        } finally {
          invalidate(shopId)
        }
      },
    },
    faults: {
      ...inner.faults,
      async list(shopId) {
        const hit = shops.get(shopId)?.faults
        if (fresh(hit)) return [...hit.value]
        const started = generation
        const rows = await inner.faults.list(shopId)
        if (generation === started && rows.length <= MAX_FAULTS_PER_SHOP) {
          entriesOf(shopId).faults = { value: deepFreeze(rows), at: now() }
        }
        return [...rows]
      },
      async upsertMany(shopId, rows) {
        try {
          await inner.faults.upsertMany(shopId, rows)
        } finally {
          invalidate(shopId)
        }
      },
    },
    shops: {
      ...inner.shops,
      async purgeData(id) {
        try {
          await inner.shops.purgeData(id)
        } finally {
          invalidate(id)
        }
      },
    },
    async transaction(fn) {
      const touched = new Set<string>()
      const written = new Map<string, TxWrites>()
      try {
        return await inner.transaction((tx) => fn(wrapTx(tx, touched, written)))
      } finally {
        for (const id of touched) invalidate(id)
        for (const [id, w] of written) if (!touched.has(id)) forgetRows(id, w.rows, w.before)
      }
    },
  }
  return { store, invalidate }
}
