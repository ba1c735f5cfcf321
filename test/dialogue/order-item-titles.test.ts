/**
 * Order lines imported without titles (issue 13): every place the bot shows order items to a
 * customer names the catalog product, in the customer's language, and "未知商品 SKU" only for a SKU
 * the catalog does not have.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Order } from '../../src/core/domain/schemas.js'
import { type Harness, nlu, openHarness, orders } from './harness.js'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

/** The harness shop's orders as an export without titles writes them, plus one line of a SKU gone from the catalog. */
async function untitled(harness: Harness): Promise<void> {
  const stripped: Order[] = orders.map((o) => ({ ...o, items: o.items.map(({ title: _t, ...i }) => i) }))
  const paid = stripped.find((o) => o.orderNo === 'KF10000002')!
  paid.items.push({ sku: 'GONE-9', qty: 1, price: 10 })
  await harness.store.orders.upsertMany(harness.shop.id, stripped)
}

const order = (value: string) => ({ type: 'order_no' as const, value })

describe('order lines without titles', () => {
  it('the several-orders summary and the order details name the catalog products', async () => {
    h = await openHarness({ customerId: 'c1' })
    await untitled(h)
    const a = await h.turn('我的订单怎么样了', nlu('order_status'))
    expect(a.reason).toBe('several_orders_summary')
    const text = a.replies[0]!.text
    expect(text).toContain('纯棉T恤')
    expect(text).toContain('AirBeat Pro 耳机 等2件')
    expect(text).not.toContain('TS-1')
    const b = await h.turn('查一下 KF10000002', nlu('order_status', { entities: [order('KF10000002')] }))
    expect(b.replies[0]!.text).toContain('AirBeat Pro 耳机 ×1、未知商品 GONE-9 ×1')
  })

  it('the return item choice lists the products by name', async () => {
    h = await openHarness({ customerId: 'c1' })
    await untitled(h)
    const r = await h.turn('KF10000003 我要退货', nlu('return_refund', { entities: [order('KF10000003')] }))
    const labels = (r.replies[0]!.buttons ?? []).map((b) => b.label)
    expect(labels).toEqual(['1. Matte Lipstick', '2. 莫代尔内裤'])
  })

  it('speaks English to an English customer, unknown SKUs included', async () => {
    h = await openHarness({ customerId: 'c1', locale: 'en' })
    await untitled(h)
    const b = await h.turn('status of KF10000002', nlu('order_status', { entities: [order('KF10000002')] }))
    expect(b.replies[0]!.text).toContain('AirBeat Pro 耳机 ×1, unknown item GONE-9 ×1')
  })
})
