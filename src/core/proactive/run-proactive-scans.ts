/** Runs a shop's proactive scans (price drops, delayed parcels) as its settings allow, one at a time. */
import { AppError } from '../errors.js'
import { type ParcelScanResult, scanDelayedParcels } from './delayed-parcels.js'
import { type PriceScanResult, scanPriceDrops } from './price-alerts.js'
import { type ProactiveDeps, proactiveSettings } from './proactive-deps.js'

export const SCAN_KINDS = ['price_drop', 'delayed_parcel'] as const
export type ScanKind = (typeof SCAN_KINDS)[number]

export type ScanReport = {
  shopId: string
  priceDrop: PriceScanResult | { skipped: 'disabled' } | null
  delayedParcel: ParcelScanResult | { skipped: 'disabled' } | null
}

/**
 * Runs the asked scans for one shop. A scan the shop switched off reports `{skipped: 'disabled'}`
 * unless `force` (the admin "run now"). Scans of one shop are serialised by the lock, so two
 * instances never send the same notice twice.
 */
export async function runProactiveScans(
  deps: ProactiveDeps,
  shopId: string,
  opts: { kinds?: readonly ScanKind[]; force?: boolean } = {},
): Promise<ScanReport> {
  const shop = await deps.store.shops.get(shopId)
  if (!shop) throw new AppError('not_found', `shop '${shopId}' does not exist`)
  const settings = proactiveSettings(shop)
  const kinds = opts.kinds ?? SCAN_KINDS
  const run = async (): Promise<ScanReport> => {
    const report: ScanReport = { shopId, priceDrop: null, delayedParcel: null }
    if (kinds.includes('price_drop'))
      report.priceDrop = settings.priceDrop || opts.force ? await scanPriceDrops(deps, shopId) : { skipped: 'disabled' }
    if (kinds.includes('delayed_parcel'))
      report.delayedParcel =
        settings.delayedParcel || opts.force ? await scanDelayedParcels(deps, shopId) : { skipped: 'disabled' }
    return report
  }
  return deps.lock ? deps.lock.withLock(`proactive:${shopId}`, run, { ttlMs: 120_000, waitMs: 60_000 }) : run()
}
