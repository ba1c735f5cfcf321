/**
 * Writes records a connector mapped (a sync page, a webhook's changes) into kefu's store, the mirror
 * the conversation reads. Each row is validated against the domain schema first: a row the adapter
 * mapped wrongly is skipped and reported, never stored half-valid.
 */
import {
  type Customer,
  customerSchema,
  type Order,
  orderSchema,
  type Product,
  productSchema,
} from '../domain/schemas.js'
import type { CommerceChange } from '../ports/commerce.js'
import type { Store } from '../ports/store.js'

export type ApplyReport = {
  products: string[]
  customers: number
  orders: number
  ignored: string[]
  invalid: Array<{ kind: string; id: string; reason: string }>
}

type Schema<T> = {
  safeParse(
    v: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } }
}

function valid<T>(schema: Schema<T>, rows: T[], kind: string, idOf: (r: T) => string, report: ApplyReport): T[] {
  const out: T[] = []
  for (const row of rows) {
    const r = schema.safeParse(row)
    if (r.success) out.push(r.data)
    else {
      const i = r.error.issues[0]
      report.invalid.push({ kind, id: idOf(row), reason: i ? `${i.path.join('.')}: ${i.message}` : 'invalid' })
    }
  }
  return out
}

const CHUNK = 500

/** Upserts products, customers and orders in chunks (each chunk one transaction). */
export async function upsertMirror(
  store: Store,
  shopId: string,
  rows: { products?: Product[]; customers?: Customer[]; orders?: Order[] },
  report: ApplyReport = emptyReport(),
): Promise<ApplyReport> {
  const products = valid(productSchema as Schema<Product>, rows.products ?? [], 'product', (p) => p.sku, report)
  const customers = valid(customerSchema as Schema<Customer>, rows.customers ?? [], 'customer', (c) => c.id, report)
  const orders = valid(orderSchema as Schema<Order>, rows.orders ?? [], 'order', (o) => o.orderNo, report)
  for (let i = 0; i < products.length; i += CHUNK) await store.products.upsertMany(shopId, products.slice(i, i + CHUNK))
  for (let i = 0; i < customers.length; i += CHUNK)
    await store.customers.upsertMany(shopId, customers.slice(i, i + CHUNK))
  for (let i = 0; i < orders.length; i += CHUNK) await store.orders.upsertMany(shopId, orders.slice(i, i + CHUNK))
  report.products.push(...products.map((p) => p.sku))
  report.customers += customers.length
  report.orders += orders.length
  return report
}

export function emptyReport(): ApplyReport {
  return { products: [], customers: 0, orders: 0, ignored: [], invalid: [] }
}

/** Applies the changes of one verified webhook delivery. */
export async function applyCommerceChanges(
  store: Store,
  shopId: string,
  changes: CommerceChange[],
): Promise<ApplyReport> {
  const report = emptyReport()
  const products: Product[] = []
  const customers: Customer[] = []
  const orders: Order[] = []
  for (const c of changes) {
    if (c.kind === 'product') products.push(c.product)
    else if (c.kind === 'customer') customers.push(c.customer)
    else if (c.kind === 'order') orders.push(c.order)
    else report.ignored.push(c.topic)
  }
  return upsertMirror(store, shopId, { products, customers, orders }, report)
}
