import { afterEach, describe, expect, it } from 'vitest'
import type { Order } from '../../src/core/domain/schemas.js'
import { type Harness, NOW, nlu, openHarness } from './harness.js'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const unpaid = (orderNo: string, title: string, total: number): Order => ({
  orderNo,
  customerId: 'c1',
  status: 'pending_payment',
  items: [{ sku: 'TS-1', qty: 1, price: total, title }],
  total,
  currency: 'CNY',
  createdAt: new Date(NOW.getTime() - 3_600_000).toISOString(),
  address: { name: '张三', phone: '13800001234', region: '上海市 浦东新区', detail: '世纪大道1号' },
})

describe('several orders cancelled together', () => {
  it('confirms every unpaid order the customer means, then cancels them all on the yes', async () => {
    h = await openHarness({ customerId: 'c1' })
    await h.store.orders.upsertMany(h.shop.id, [unpaid('KF10000011', 'T恤 A', 99), unpaid('KF10000012', 'T恤 B', 59)])
    const a = await h.turn('没付钱的那些单子全部取消', nlu('cancel_order'))
    expect(a.action).toBe('confirm')
    expect(a.reason).toBe('cancel_several_confirm')
    expect(a.replies[0]!.text).toContain('KF10000011')
    expect(a.replies[0]!.text).toContain('KF10000012')
    // The paid order is not one of the unpaid ones.
    expect(a.replies[0]!.text).not.toContain('KF10000002')
    // "对 都要": the classifier hears a greeting; in the conversation it is the yes.
    const b = await h.turn('对 都取消', nlu('greeting', { confidence: 0.95 }))
    expect(b.action).toBe('execute')
    expect(b.reason).toBe('orders_cancelled_several')
    for (const no of ['KF10000011', 'KF10000012'])
      expect((await h.store.orders.get(h.shop.id, no))?.status).toBe('cancelled')
    expect((await h.store.orders.get(h.shop.id, 'KF10000002'))?.status).toBe('paid')
  })

  it('takes one order as before when "all" does not single out several', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await h.turn('全部取消', nlu('cancel_order'))
    expect(a.reason).not.toBe('cancel_several_confirm')
  })
})

describe('a turn that carries the thread on', () => {
  it('reads an acknowledgement with more after it inside the task, not as a greeting', async () => {
    h = await openHarness({ customerId: 'c1' })
    await h.turn('我的快递到哪了', nlu('logistics'))
    const r = await h.turn('好 那我明天再看看', nlu('greeting', { confidence: 0.95 }))
    expect(r.state.lastIntent).toBe('logistics')
    expect((r.state.intentCue as { why?: string } | undefined)?.why).toBe('continues_thread')
  })

  it('still greets back a plain thanks', async () => {
    h = await openHarness({ customerId: 'c1' })
    await h.turn('我的快递到哪了', nlu('logistics'))
    const r = await h.turn('好的谢谢', nlu('greeting', { confidence: 0.95 }))
    expect(r.state.lastIntent).toBe('greeting')
  })
})
