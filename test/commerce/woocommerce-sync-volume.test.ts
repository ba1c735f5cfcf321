/**
 * The WooCommerce connector reads a store the size of the acceptance case — 5,000 products (500 of
 * them variable, with their variations) and 2,000 orders — page by page over real HTTP from the fake,
 * and every row maps to a valid kefu record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWooCommerceConnector } from '../../src/adapters/commerce-woocommerce/woocommerce-commerce-connector.js'
import { orderSchema, productSchema } from '../../src/core/domain/schemas.js'
import type { SyncPage } from '../../src/core/ports/commerce.js'
import { startWooFake, type WooFake } from '../fakes/woocommerce/woo-fake-server.js'

let fake: WooFake
beforeAll(async () => {
  fake = await startWooFake({ now: '2026-11-20T08:00:00.000Z', products: 5000, customers: 600, orders: 2000 })
})
afterAll(() => fake.close())

async function readAll<T>(
  read: (c: string | null) => Promise<SyncPage<T>>,
  progress: Array<[number, number | undefined]>,
) {
  const rows: T[] = []
  for (let cursor: string | null = null; ; ) {
    const page: SyncPage<T> = await read(cursor)
    rows.push(...page.rows)
    progress.push([rows.length, page.total])
    if (page.next === null) return rows
    cursor = page.next
  }
}

describe('WooCommerce connector at acceptance volume', () => {
  it('reads 5,000 products and 2,000 orders with totals for progress', async () => {
    const woo = createWooCommerceConnector({
      storeUrl: fake.url,
      consumerKey: fake.consumerKey,
      consumerSecret: fake.consumerSecret,
      webhookSecret: 'secret',
    })
    const t0 = performance.now()
    const productProgress: Array<[number, number | undefined]> = []
    const products = await readAll((c) => woo.listProducts(c), productProgress)
    const t1 = performance.now()
    const orderProgress: Array<[number, number | undefined]> = []
    const orders = await readAll((c) => woo.listOrders(c), orderProgress)
    const t2 = performance.now()
    expect(products).toHaveLength(5000)
    expect(orders).toHaveLength(2000)
    expect(productProgress).toHaveLength(50)
    expect(productProgress.every(([, total]) => total === 5000)).toBe(true)
    expect(orderProgress.map(([n]) => n)).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 100))
    expect(products.every((p) => productSchema.safeParse(p).success)).toBe(true)
    expect(orders.every((o) => orderSchema.safeParse(o).success)).toBe(true)
    expect(products.filter((p) => Array.isArray(p.attributes.variants))).toHaveLength(500)
    // 50 product pages + 500 variation reads + 20 order pages + 1 currency read.
    expect(fake.calls).toHaveLength(571)
    console.info(
      `woocommerce read: 5000 products in ${Math.round(t1 - t0)} ms, 2000 orders in ${Math.round(t2 - t1)} ms, ${fake.calls.length} calls`,
    )
  })
})
