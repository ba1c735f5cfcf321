/**
 * Loads the demo shop through the same importers a merchant uses, once: when the
 * `demo` shop has no products yet. A missing or invalid file fails loudly.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import type { ImportKind } from '../core/domain/schemas.js'
import type { Store } from '../core/ports/store.js'
import { ensureShop } from './import/ensure-shop.js'
import { importFiles } from './import/import-file.js'

export const DEMO_SHOP_ID = 'demo'
const ORDER: ImportKind[] = ['products', 'customers', 'orders', 'faq', 'faults']

export async function seedDemoShop(
  store: Store,
  demoDir: string,
  logger: Pick<Logger, 'info' | 'warn'>,
  opts: { force?: boolean } = {},
): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  await ensureShop(store, DEMO_SHOP_ID, { name: 'Kefu Demo Shop' })
  if (!opts.force && (await store.products.count(DEMO_SHOP_ID)) > 0) return { seeded: false, counts: {} }
  const files = ORDER.map((kind) => ({ kind, path: join(demoDir, `${kind}.jsonl`) })).filter((f) => existsSync(f.path))
  if (files.length === 0) {
    logger.warn({ demoDir }, 'demo shop data not found; starting with an empty demo shop')
    return { seeded: false, counts: {} }
  }
  const started = Date.now()
  const results = await importFiles(store, files, { shopId: DEMO_SHOP_ID })
  const counts = Object.fromEntries(results.map((r) => [r.kind, r.read]))
  logger.info({ counts, ms: Date.now() - started }, 'demo shop loaded')
  return { seeded: true, counts }
}
