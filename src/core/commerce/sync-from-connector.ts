/**
 * The initial sync and the periodic reconciliation, for any connector: read the platform page by
 * page through the port and upsert each page into kefu's store as it arrives, reporting progress
 * after every page. Platform-neutral and pure (the connector and the store do the I/O).
 */
import type { CommerceConnector, SyncPage } from '../ports/commerce.js'
import type { Store } from '../ports/store.js'
import { emptyReport, upsertMirror } from './apply-commerce-changes.js'

export const SYNC_KINDS = ['products', 'customers', 'orders'] as const
export type SyncKind = (typeof SYNC_KINDS)[number]

export type SyncProgress = {
  kind: SyncKind
  /** Rows stored so far for this kind. */
  done: number
  /** The platform's total when known. */
  total: number | null
  pages: number
  /** Platform records that could not be mapped or validated, so far. */
  skipped: number
}

export type SyncReport = {
  kinds: Record<SyncKind, { stored: number; skipped: number; pages: number }>
  /** SKUs written (for the knowledge index). */
  skus: string[]
  /** A sample of what was skipped and why (at most 20). */
  skippedSample: Array<{ kind: string; id: string; reason: string }>
}

/** Most pages one kind may take: a platform that never ends its cursor chain cannot loop for ever. */
export const MAX_SYNC_PAGES = 100_000

/**
 * Reads every page of the asked kinds and stores them. `updatedSince` limits orders to recent
 * changes (reconciliation). Throws what the connector throws (the caller records the failure).
 */
export async function syncFromConnector(
  connector: CommerceConnector,
  store: Store,
  shopId: string,
  opts: {
    kinds?: readonly SyncKind[]
    updatedSince?: string
    onProgress?: (p: SyncProgress) => void | Promise<void>
    signal?: AbortSignal
  } = {},
): Promise<SyncReport> {
  const report: SyncReport = {
    kinds: {
      products: { stored: 0, skipped: 0, pages: 0 },
      customers: { stored: 0, skipped: 0, pages: 0 },
      orders: { stored: 0, skipped: 0, pages: 0 },
    },
    skus: [],
    skippedSample: [],
  }
  for (const kind of opts.kinds ?? SYNC_KINDS) {
    const total = connector.count && !opts.updatedSince ? await connector.count(kind).catch(() => null) : null
    const k = report.kinds[kind]
    let cursor: string | null = null
    do {
      if (opts.signal?.aborted) throw new Error('sync aborted')
      let page: SyncPage<unknown>
      if (kind === 'products') page = await connector.listProducts(cursor)
      else if (kind === 'customers') page = await connector.listCustomers(cursor)
      else page = await connector.listOrders(cursor, opts.updatedSince ? { updatedSince: opts.updatedSince } : {})
      const applied = await upsertMirror(store, shopId, { [kind]: page.rows }, emptyReport())
      k.pages++
      k.stored +=
        kind === 'products' ? applied.products.length : kind === 'customers' ? applied.customers : applied.orders
      const skipped = [...(page.skipped ?? []).map((s) => ({ kind, id: s.id, reason: s.reason })), ...applied.invalid]
      k.skipped += skipped.length
      for (const s of skipped) if (report.skippedSample.length < 20) report.skippedSample.push(s)
      report.skus.push(...applied.products)
      await opts.onProgress?.({
        kind,
        done: k.stored,
        total: total ?? page.total ?? null,
        pages: k.pages,
        skipped: k.skipped,
      })
      if (page.next !== null && page.next === cursor)
        throw new Error(`${kind}: the platform returned the same cursor twice`)
      cursor = page.next
    } while (cursor !== null && k.pages < MAX_SYNC_PAGES)
  }
  return report
}
