/**
 * Return answers the shop's rules decide at once (round 7 dev): a sealed item past the no-reason window,
 * an opened cosmetic asked to be exchanged, which orders can still be returned, and a question asked while
 * the request waits for a yes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Order } from '../../src/core/domain/schemas.js'
import { type Harness, NOW, nlu, openHarness } from './harness.js'

const order = (value: string) => ({ type: 'order_no' as const, value })
const product = (value: string) => ({ type: 'product' as const, value })
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString()

const oldEarbuds: Order = {
  orderNo: 'KF10000009',
  customerId: 'c1',
  status: 'delivered',
  items: [{ sku: 'EB-1', qty: 1, price: 699, title: 'AirBeat Pro 耳机' }],
  total: 699,
  currency: 'CNY',
  createdAt: daysAgo(12),
  deliveredAt: daysAgo(10),
}

let h: Harness
afterEach(async () => {
  await h?.close()
})

describe('return answers decided by the rules', () => {
  it('a sealed item past the no-reason window: the window and the quality route, no question', async () => {
    h = await openHarness({ customerId: 'c1' })
    await h.store.orders.upsertMany(h.shop.id, [oldEarbuds])
    const a = await h.turn('耳机还没拆封 今天还能退不', nlu('return_refund', { entities: [order('KF10000009')] }))
    expect(a.action).toBe('answer')
    expect(a.reason).toBe('return_refused_window_expired_unopened')
    expect(a.replies[0]!.text).toContain('15 天内')
  })

  it('an opened cosmetic asked to be exchanged is refused with the shop reason', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await h.turn(
      '口红试了一次 能换成别的颜色吗',
      nlu('return_refund', { entities: [order('KF10000003'), product('LIP-2')] }),
    )
    expect(a.action).toBe('answer')
    expect(a.reason).toBe('return_refused_category_beauty')
    expect(a.replies[0]!.text).toContain('无法换货')
  })

  it('lists the delivered orders still inside a return window', async () => {
    h = await openHarness({ customerId: 'c1', locale: 'en' })
    await h.store.orders.upsertMany(h.shop.id, [{ ...oldEarbuds, deliveredAt: daysAgo(30) }])
    const a = await h.turn('which of my orders can I still send back?', nlu('return_refund', { locale: 'en' }))
    expect(a.reason).toBe('returnable_orders')
    expect(a.replies[0]!.text).toContain('KF10000003')
    expect(a.replies[0]!.text).not.toContain('KF10000009')
    expect(a.replies[0]!.text).not.toContain('KF10000001')
    // The shop's non-returnable rules: the lipstick goes back only unopened.
    expect(a.replies[0]!.text).toContain('Matte Lipstick only if unopened')
  })

  it('an order of items the shop never takes back without a reason is listed for quality problems only', async () => {
    h = await openHarness({ customerId: 'c1' })
    const underwear: Order = {
      ...oldEarbuds,
      orderNo: 'KF10000077',
      items: [{ sku: 'UW-1', qty: 3, price: 59, title: '莫代尔内裤' }],
      total: 177,
      deliveredAt: daysAgo(2),
    }
    await h.store.orders.upsertMany(h.shop.id, [underwear])
    const a = await h.turn('我哪些单还能退', nlu('return_refund'))
    expect(a.reason).toBe('returnable_orders')
    const line = a.replies[0]!.text.split('\n').find((l) => l.includes('KF10000077'))
    expect(line).toContain('不支持无理由退货')
    expect(line).not.toContain('天无理由退货至')
  })

  it('a question while the return waits for a yes gets the FAQ answer, and the yes still files it', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await h.turn(
      '口红没拆封 想退',
      nlu('return_refund', { entities: [order('KF10000003'), product('LIP-2')] }),
    )
    expect(a.action).toBe('confirm')
    const b = await h.turn('那运费谁出？', nlu('return_refund', { confidence: 0.6 }))
    expect(b.action).toBe('answer')
    expect(b.replies[0]!.text).toContain('FAQ: 满99包邮')
    const c = await h.turn('好的', nlu('greeting', { confidence: 0.3 }))
    expect(c.action).toBe('execute')
  })

  it("a visitor's stated delivery date gives the window's last day, without verifying", async () => {
    h = await openHarness({ customerId: null })
    const a = await h.turn(
      '那我2号签收的 最晚哪天能申请',
      nlu('return_refund', { entities: [{ type: 'date', value: '2026-06-02' }] }),
    )
    expect(a.action).toBe('answer')
    expect(a.replies[0]!.text).toContain('2026-06-09')
  })
})
