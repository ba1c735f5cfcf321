/** Checks across the files of one import set and the shop's stored records. */
import type { Store } from '../../core/ports/store.js'

type Bag = { add(e: { file: string; line: number; field: string; message: string }): void }
type ParsedFile = { kind: string; name: string; rows: Array<{ line: number; value: Record<string, unknown> }> }

/**
 * Referential checks across the set and the store: every order's customer must exist in the same
 * import set or already in the shop.
 */
export async function checkReferences(store: Store, shopId: string, files: ParsedFile[], bag: Bag): Promise<void> {
  const inSet = new Set<string>()
  for (const f of files) if (f.kind === 'customers') for (const r of f.rows) inSet.add(String(r.value.id))
  const known = new Map<string, boolean>()
  for (const f of files) {
    if (f.kind !== 'orders') continue
    for (const r of f.rows) {
      const customerId = String(r.value.customerId)
      if (inSet.has(customerId)) continue
      let ok = known.get(customerId)
      if (ok === undefined) {
        ok = (await store.customers.get(shopId, customerId)) !== null
        known.set(customerId, ok)
      }
      if (!ok) {
        bag.add({
          file: f.name,
          line: r.line,
          field: 'customerId',
          message: `unknown customer '${customerId}' (import the customer first or in the same set)`,
        })
      }
    }
  }
}

/** Order items whose SKU is neither in the shop's catalog nor in a products file of the set. */
export async function checkSkus<F extends ParsedFile>(
  store: Store,
  shopId: string,
  files: F[],
  warnings: Map<F, Bag>,
): Promise<void> {
  const inSet = new Set<string>()
  for (const f of files) if (f.kind === 'products') for (const r of f.rows) inSet.add(String(r.value.sku))
  const known = new Map<string, boolean>()
  for (const f of files) {
    if (f.kind !== 'orders') continue
    const bag = warnings.get(f)!
    for (const r of f.rows) {
      const items = (r.value.items ?? []) as Array<{ sku: string }>
      for (const [i, item] of items.entries()) {
        if (inSet.has(item.sku)) continue
        let ok = known.get(item.sku)
        if (ok === undefined) {
          ok = (await store.products.get(shopId, item.sku)) !== null
          known.set(item.sku, ok)
        }
        if (!ok) bag.add({ file: f.name, line: r.line, field: `items.${i}.sku`, message: `unknown sku '${item.sku}'` })
      }
    }
  }
}
