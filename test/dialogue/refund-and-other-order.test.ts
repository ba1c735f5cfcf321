/**
 * One message asking a refund's status and about another order by its item ("跑鞋退款到哪一步了？还有托盘
 * 那单为啥一直待付款", "status on both - the blanket that never shows up and the jacket I'm returning"):
 * the refund line and the other order's status line, not the refund alone.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Order } from '../../src/core/domain/schemas.js'
import { type Harness, NOW, nlu, openHarness } from './harness.js'

const product = (value: string) => ({ type: 'product' as const, value })

const refunding: Order = {
  orderNo: 'KF10000008',
  customerId: 'c1',
  status: 'refunding',
  items: [{ sku: 'LIP-1', qty: 1, price: 199, title: 'Velvet Lipstick' }],
  total: 199,
  currency: 'CNY',
  createdAt: new Date(NOW.getTime() - 5 * 86_400_000).toISOString(),
}

let h: Harness
afterEach(async () => {
  await h?.close()
})

describe('a refund status with another order asked about in the same message', () => {
  it('gives the refund and the other order its status', async () => {
    h = await openHarness({ customerId: 'c1' })
    await h.store.orders.upsertMany(h.shop.id, [refunding])
    const a = await h.turn(
      '口红的退款到哪一步了 还有耳机那单发货了没',
      nlu('return_refund', { entities: [product('LIP-1'), product('EB-1')] }),
    )
    const text = a.replies.map((r) => r.text).join('\n')
    expect(text).toContain('KF10000008')
    expect(text).toContain('KF10000002')
  })
})
