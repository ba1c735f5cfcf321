/**
 * What an import would change, for `--dry-run`: each validated row compared with the stored record
 * of the same id — new, updated (any field differs) or unchanged.
 */
import type { ImportKind } from '../../core/domain/schemas.js'
import type { Store } from '../../core/ports/store.js'

export type ImportPlan = { inserted: number; updated: number; unchanged: number }

function getter(store: Store, kind: ImportKind): (shopId: string, id: string) => Promise<unknown> {
  switch (kind) {
    case 'products':
      return (s, id) => store.products.get(s, id)
    case 'faq':
      return (s, id) => store.faq.get(s, id)
    case 'customers':
      return (s, id) => store.customers.get(s, id)
    case 'orders':
      return (s, id) => store.orders.get(s, id)
    case 'faults':
      return (s, id) => store.faults.get(s, id)
  }
}

/** JSON with object keys sorted, so two records compare equal whatever their key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    typeof x === 'object' && x !== null && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  )
}

/** Counts new, changed and unchanged rows of one file against the shop's stored records. */
export async function planImport(
  store: Store,
  shopId: string,
  kind: ImportKind,
  key: string,
  rows: Array<Record<string, unknown>>,
): Promise<ImportPlan> {
  const get = getter(store, kind)
  const plan: ImportPlan = { inserted: 0, updated: 0, unchanged: 0 }
  for (const row of rows) {
    const existing = await get(shopId, String(row[key]))
    if (existing === null) plan.inserted++
    else if (canonical(existing) === canonical(row)) plan.unchanged++
    else plan.updated++
  }
  return plan
}
