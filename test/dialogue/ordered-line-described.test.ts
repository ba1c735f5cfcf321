import { afterEach, describe, expect, it } from 'vitest'
import type { Order } from '../../src/core/domain/schemas.js'
import { type Harness, NOW, nlu, openHarness } from './harness.js'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const spare: Order = {
  orderNo: 'KF10000021',
  customerId: 'c1',
  status: 'shipped',
  items: [{ sku: 'EB-1', qty: 1, price: 199, title: 'AirBeat Pro 耳机 右耳单只补配' }],
  total: 199,
  currency: 'CNY',
  createdAt: new Date(NOW.getTime() - 86_400_000).toISOString(),
  paidAt: new Date(NOW.getTime() - 86_400_000).toISOString(),
  address: { name: '张三', phone: '13800001234', region: '上海市 浦东新区', detail: '世纪大道1号' },
}

describe('an item held by the order on the table and by another order', () => {
  it('is the order whose line the words describe better', async () => {
    h = await openHarness({ customerId: 'c1' })
    await h.store.orders.upsertMany(h.shop.id, [spare])
    const eb = { type: 'product' as const, value: 'EB-1' }
    const a = await h.turn(
      '订单KF10000002发货了吗',
      nlu('order_status', { entities: [{ type: 'order_no', value: 'KF10000002' }] }),
    )
    expect(a.state.slots.order).toBe('KF10000002')
    const b = await h.turn('对了 那个右耳单只补配的耳机到哪了', nlu('logistics', { entities: [eb] }))
    expect(b.state.slots.order).toBe('KF10000021')
  })
})
