/**
 * "我好像选成黑色了 帮我改成橙色的" when the order line is that colour already: the order says so and
 * nothing is changed (round 7 dev: a false premise checked against the order's data).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Order } from '../../src/core/domain/schemas.js'
import { type Harness, NOW, nlu, openHarness } from './harness.js'

const redTee: Order = {
  orderNo: 'KF10000007',
  customerId: 'c1',
  status: 'paid',
  items: [{ sku: 'TS-1', qty: 1, price: 99, title: '纯棉T恤', color: '红色', size: 'L' }],
  total: 99,
  currency: 'CNY',
  createdAt: new Date(NOW.getTime() - 3_600_000).toISOString(),
  paidAt: new Date(NOW.getTime() - 3_600_000).toISOString(),
}

let h: Harness
afterEach(async () => {
  await h?.close()
})

describe('a colour change to the colour the order already has', () => {
  it('answers that the line is that colour already', async () => {
    h = await openHarness({ customerId: 'c1' })
    await h.store.orders.upsertMany(h.shop.id, [redTee])
    const a = await h.turn(
      'T恤我好像选成黑色了 帮我改成红色的',
      nlu('modify_order', {
        entities: [
          { type: 'order_no', value: 'KF10000007' },
          { type: 'color', value: 'black' },
          { type: 'color', value: 'red' },
        ],
      }),
    )
    expect(a.action).toBe('answer')
    expect(a.reason).toBe('modify_items_already_so')
    expect(a.replies[0]!.text).toContain('红色')
  })
})
