/**
 * Creates a shop on first use, so `kefu import` and the demo seed work on an empty database.
 */
import { randomBytes } from 'node:crypto'
import type { Shop } from '../../core/domain/records.js'
import { AppError } from '../../core/errors.js'
import type { Store } from '../../core/ports/store.js'

/** Shop ids appear in URLs, keys and file names: keep them simple. */
export const SHOP_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/

/**
 * Returns the shop with this id, creating it when missing (random widget secret and API key;
 * demo mode for the id `demo`). An existing shop is never changed.
 *
 * @example
 * const shop = await ensureShop(store, 'demo')
 */
export async function ensureShop(
  store: Store,
  shopId: string,
  opts: { name?: string /** creation time (default: the system clock) */; now?: Date } = {},
): Promise<Shop> {
  if (!SHOP_ID_PATTERN.test(shopId)) {
    throw new AppError(
      'invalid_input',
      `invalid shop id '${shopId}': use lowercase letters, digits, '-' or '_' (at most 64 characters)`,
    )
  }
  const existing = await store.shops.get(shopId)
  if (existing) return existing
  const demo = shopId === 'demo'
  const shop: Shop = {
    id: shopId,
    name: opts.name ?? (demo ? 'Kefu Demo Shop' : shopId),
    widgetSecret: randomBytes(32).toString('base64url'),
    apiKey: `kefu_${randomBytes(24).toString('base64url')}`,
    demo,
    settings: {},
    createdAt: (opts.now ?? new Date()).toISOString(),
  }
  // Check-then-write in one transaction. On PostgreSQL two first-time creators can still both write
  // (the port has no insert-if-absent); the later keys win and later reads all see them.
  await store.transaction(async (tx) => {
    if (!(await tx.shops.get(shopId))) await tx.shops.upsert(shop)
  })
  return (await store.shops.get(shopId)) ?? shop
}
