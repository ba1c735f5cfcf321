/**
 * Loads the demo shop through the same importers a merchant uses: on first start (when the
 * `demo` shop has no products yet), and again on `kefu demo reset`. A missing or invalid file
 * fails loudly.
 *
 * The demo's files describe one reference moment (`asOf` in data/demo/shop.json). Loading
 * shifts every timestamp in them by `now − asOf`, so on whatever day the demo is started each
 * persona is in the situation docs/demo-shop.md describes: a parcel out for delivery today,
 * another late by the same number of days, returns inside or outside their windows.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { z } from 'zod'
import { shiftTimestamps } from '../core/demo/shift-timestamps.js'
import type { ImportKind } from '../core/domain/schemas.js'
import { shopSettingsPatchSchema } from '../core/domain/shop-settings.js'
import { AppError } from '../core/errors.js'
import type { Clock } from '../core/ports/clock.js'
import type { Store } from '../core/ports/store.js'
import { ensureShop } from './import/ensure-shop.js'
import { importFiles } from './import/import-file.js'

export const DEMO_SHOP_ID = 'demo'
const ORDER: ImportKind[] = ['products', 'customers', 'orders', 'faq', 'faults']
/** A demo loaded longer ago than this reads as stale: its parcels are late, its windows closed. */
const STALE_AFTER_MS = 24 * 3_600_000

const shopFileSchema = z
  .object({
    /** The moment the files describe; loading moves every timestamp by now − asOf. Omitted: no move. */
    asOf: z.string().datetime({ offset: true }).optional(),
    name: z.string().min(1),
    settings: shopSettingsPatchSchema.default({}),
  })
  .strict()

export type DemoShopFile = z.infer<typeof shopFileSchema>

/** Reads `shop.json` of a demo (or story) shop directory; null when the directory has none. */
export function readShopFile(dir: string): DemoShopFile | null {
  const path = join(dir, 'shop.json')
  if (!existsSync(path)) return null
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new AppError('invalid_input', `${path}: not valid JSON: ${(e as Error).message}`)
  }
  const r = shopFileSchema.safeParse(raw)
  if (!r.success) {
    const issue = r.error.issues[0]!
    throw new AppError('invalid_input', `${path}: ${issue.path.join('.') || '(file)'}: ${issue.message}`)
  }
  return r.data
}

/** What the demo shop records about its last load, in `settings.demo`. */
export type DemoBase = { asOf: string; basedAt: string; shiftMs: number }

export function demoBaseOf(settings: Record<string, unknown>): DemoBase | null {
  const d = settings.demo as Partial<DemoBase> | undefined
  return d && typeof d.basedAt === 'string' && typeof d.asOf === 'string' && typeof d.shiftMs === 'number'
    ? (d as DemoBase)
    : null
}

/**
 * Imports a shop directory's JSONL files into `shopId`, every timestamp moved by `now − asOf`
 * (no move when the directory has no shop.json). Returns rows read per kind and the shift.
 */
export async function loadShopDir(
  store: Store,
  dir: string,
  shopId: string,
  now: Date,
): Promise<{ counts: Record<string, number>; shiftMs: number; file: DemoShopFile | null } | null> {
  const files = ORDER.map((kind) => ({ kind, path: join(dir, `${kind}.jsonl`) })).filter((f) => existsSync(f.path))
  if (files.length === 0) return null
  const file = readShopFile(dir)
  const shiftMs = file?.asOf ? now.getTime() - Date.parse(file.asOf) : 0
  const results = await importFiles(store, files, {
    shopId,
    ...(shiftMs !== 0 ? { transform: (_kind, row) => shiftTimestamps(row, shiftMs) } : {}),
  })
  return { counts: Object.fromEntries(results.map((r) => [r.kind, r.read])), shiftMs, file }
}

export async function seedDemoShop(
  store: Store,
  demoDir: string,
  logger: Pick<Logger, 'info' | 'warn'>,
  opts: { clock: Clock; force?: boolean },
): Promise<{ seeded: boolean; counts: Record<string, number>; shiftMs?: number }> {
  const file = readShopFile(demoDir)
  const shop = await ensureShop(store, DEMO_SHOP_ID, { name: file?.name ?? 'Demo shop', now: opts.clock.now() })
  if (!opts.force && (await store.products.count(DEMO_SHOP_ID)) > 0) {
    const base = demoBaseOf(shop.settings)
    const age = base ? opts.clock.now().getTime() - Date.parse(base.basedAt) : 0
    if (base && age > STALE_AFTER_MS) {
      logger.warn(
        { basedAt: base.basedAt, days: Math.floor(age / 86_400_000) },
        'the demo shop was loaded days ago: its parcels now read as late and return windows as closed; run `kefu demo reset` to bring it to today',
      )
    }
    return { seeded: false, counts: {} }
  }
  const started = performance.now()
  const now = opts.clock.now()
  if (opts.force) await store.shops.purgeData(DEMO_SHOP_ID)
  const loaded = await loadShopDir(store, demoDir, DEMO_SHOP_ID, now)
  if (!loaded) {
    logger.warn({ demoDir }, 'demo shop data not found; starting with an empty demo shop')
    return { seeded: false, counts: {} }
  }
  // The shop's settings come from shop.json (a reset restores them) plus where the demo stands in time.
  // Re-read: the import bumped settings.catalogVersion, which running servers watch.
  const current = (await store.shops.get(DEMO_SHOP_ID)) ?? shop
  const demo: DemoBase | undefined = file?.asOf
    ? { asOf: file.asOf, basedAt: now.toISOString(), shiftMs: loaded.shiftMs }
    : undefined
  await store.shops.upsert({
    ...current,
    name: file?.name ?? current.name,
    settings: {
      ...(opts.force ? {} : current.settings),
      ...(file?.settings ?? {}),
      ...(opts.force ? { catalogVersion: current.settings.catalogVersion } : {}),
      ...(demo ? { demo } : {}),
    },
  })
  logger.info(
    {
      counts: loaded.counts,
      shiftDays: +(loaded.shiftMs / 86_400_000).toFixed(2),
      ms: Math.round(performance.now() - started),
    },
    'demo shop loaded',
  )
  return { seeded: true, counts: loaded.counts, shiftMs: loaded.shiftMs }
}
