/**
 * Shops (name, keys, settings: policy, rules, LLM and channel settings) read from memory: every
 * chat turn and most requests read their shop, and it changes rarely.
 *
 * - A write through this store (`shops.upsert`, `shops.purgeData`, also inside a transaction, then
 *   after its commit) drops the entry at once and calls `onWrite`, which the server uses to tell its
 *   other worker processes (`kefu serve --workers N`, src/server/cluster.ts) to drop theirs.
 * - Writes by another process this one does not hear from (`kefu import`, another instance on the
 *   same database) are seen after at most `ttlMs`: an entry is re-read when it is older.
 *
 * Cached records are shared: callers must not mutate a shop they read (none does; they copy).
 */
import type { Shop } from '../core/domain/records.js'
import type { Store } from '../core/ports/store.js'

export type ShopCache = {
  store: Store
  /** Drops one shop's entry (a write elsewhere), or all of them. */
  invalidate(shopId?: string): void
}

export function withShopCache(
  inner: Store,
  opts: { ttlMs: number; now?: () => number; onWrite?: (shopId: string) => void },
): ShopCache {
  const now = opts.now ?? (() => performance.now())
  const entries = new Map<string, { shop: Shop; at: number }>()
  // Bumped by every invalidation: a read that started before it must not cache what it read.
  let generation = 0
  const invalidate = (shopId?: string) => {
    generation++
    if (shopId === undefined) entries.clear()
    else entries.delete(shopId)
  }
  const written = (shopId: string) => {
    invalidate(shopId)
    opts.onWrite?.(shopId)
  }

  /** A transaction's store: its shop writes are remembered and announced after the commit. */
  const wrapTx = (tx: Store, touched: Set<string>): Store => {
    const wrapped: Store = {
      ...tx,
      shops: {
        ...tx.shops,
        async upsert(shop) {
          touched.add(shop.id)
          invalidate(shop.id)
          await tx.shops.upsert(shop)
        },
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
    shops: {
      ...inner.shops,
      async get(id) {
        const hit = entries.get(id)
        if (hit && now() - hit.at < opts.ttlMs) return hit.shop
        const started = generation
        const shop = await inner.shops.get(id)
        if (shop && generation === started) entries.set(id, { shop, at: now() })
        return shop
      },
      async upsert(shop) {
        try {
          await inner.shops.upsert(shop)
        } finally {
          written(shop.id)
        }
      },
      async purgeData(id) {
        try {
          await inner.shops.purgeData(id)
        } finally {
          written(id)
        }
      },
    },
    async transaction(fn) {
      const touched = new Set<string>()
      try {
        return await inner.transaction((tx) => fn(wrapTx(tx, touched)))
      } finally {
        for (const id of touched) written(id)
      }
    },
  }
  return { store, invalidate }
}
