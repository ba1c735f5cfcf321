import { describe, expect, it } from 'vitest'
import type { Order } from '../domain/schemas.js'
import { autoCancelLine, paidShipLine, shipPlan, unpaidPayLine } from './ship-by.js'

const shop = {
  settings: {
    timezone: 'Asia/Shanghai',
    shipping: { sameDayCutoff: '16:00', shipWithinHours: 48, saleShipWithinHours: 72 },
    payment: { unpaidHoldHours: 24 },
    promotions: [
      { nameZh: '双十二', nameEn: 'Double 12', from: '2026-12-10T00:00:00+08:00', until: '2026-12-12T23:59:59+08:00' },
    ],
  },
}
const order = (o: Partial<Order>): Order =>
  ({ orderNo: 'KF202612010001', status: 'paid', items: [], total: 100, currency: 'CNY', ...o }) as Order

describe('shipPlan', () => {
  it('ships the same day before the cutoff and within the usual hours outside a promotion', () => {
    const p = shipPlan(shop, order({ createdAt: '2026-12-01T09:00:00+08:00', paidAt: '2026-12-01T09:10:00+08:00' }))
    expect(p?.plannedDay).toBe('2026-12-01')
    expect(p?.hours).toBe(48)
    expect(p?.latest?.toISOString()).toBe('2026-12-03T01:10:00.000Z')
  })

  it('ships the next day after the cutoff, within the sale hours when a promotion runs in the window', () => {
    const p = shipPlan(shop, order({ createdAt: '2026-12-09T20:00:00+08:00', paidAt: '2026-12-09T20:00:00+08:00' }))
    expect(p?.plannedDay).toBe('2026-12-10')
    expect(p?.hours).toBe(72)
    expect(p?.sale?.nameEn).toBe('Double 12')
  })

  it('says nothing for a shop without a shipping rule', () => {
    expect(shipPlan({ settings: {} }, order({ createdAt: '2026-12-01T09:00:00+08:00' }))).toBeNull()
  })
})

describe('status lines', () => {
  const now = new Date('2026-12-01T04:00:00Z')
  it('gives the latest ship time of a paid order', () => {
    const o = order({ createdAt: '2026-12-01T09:00:00+08:00', paidAt: '2026-12-01T09:10:00+08:00' })
    expect(paidShipLine(shop, o, now, 'zh')).toContain('最晚 2026-12-03 09:10 前发出')
    expect(paidShipLine(shop, o, now, 'en')).toContain('today (2026-12-01)')
  })

  it('gives the pay-by time of an unpaid order and why an unpaid one was cancelled', () => {
    const o = order({ status: 'pending_payment', createdAt: '2026-12-01T08:30:00+08:00' })
    expect(unpaidPayLine(shop, o, now, 'zh')).toContain('2026-12-02 08:30')
    const gone = order({ status: 'cancelled', createdAt: '2026-11-20T10:00:00+08:00' })
    expect(autoCancelLine(shop, gone, 'en')).toContain('not paid within 24 hours')
    expect(autoCancelLine(shop, { ...gone, paidAt: '2026-11-20T10:05:00+08:00' }, 'en')).toBeNull()
  })
})
