/**
 * Attributed revenue, notice-to-order conversion, the channel filter and the shop's named time zone,
 * on a real SQLite store written the way the running system writes it (docs/analytics.md).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { resolveAnalyticsWindow } from '../../src/core/analytics/analytics-window.js'
import { computeMetrics } from '../../src/core/analytics/compute-metrics.js'
import type { Shop } from '../../src/core/domain/records.js'
import type { Order } from '../../src/core/domain/schemas.js'
import type { Store } from '../../src/core/ports/store.js'
import { ensureShop } from '../../src/server/import/ensure-shop.js'
import { tempDir } from '../helpers/temp-dir.js'
import { writer } from './analytics-fixtures.js'

const FROM = new Date('2026-06-01T00:00:00.000Z')
const TO = new Date('2026-06-03T00:00:00.000Z')
const NOW = new Date('2026-06-10T00:00:00.000Z')

type Line = [sku: string, qty: number, price: number]
const order = (orderNo: string, customerId: string, createdAt: string, lines: Line[], extra: Partial<Order> = {}) =>
  ({
    orderNo,
    customerId,
    status: 'paid',
    items: lines.map(([sku, qty, price]) => ({ sku, qty, price })),
    total: lines.reduce((a, [, q, p]) => a + q * p, 0),
    currency: 'CNY',
    createdAt,
    ...extra,
  }) as Order

describe('sqlite: attributed revenue and notice conversion', () => {
  let store: Store
  let shop: Shop
  const dir = tempDir('kefu-attribution-')

  beforeEach(async () => {
    store = await openStore(`sqlite://${dir.path}/k-${Date.now()}.db`)
    shop = await ensureShop(store, 'shop1')
    const w = writer(store, shop)
    const event = (type: string, conversationId: string | null, data: Record<string, unknown>, at: string) =>
      store.events.append({ id: w.newId('evt'), shopId: shop.id, type, conversationId, data, createdAt: at })
    const card = (conversationId: string, role: 'bot' | 'agent', sku: string, at: string) =>
      store.messages.append({
        id: w.newId('msg'),
        shopId: shop.id,
        conversationId,
        role,
        text: sku,
        meta: { card: { type: 'product', data: { sku, price: 1 } } },
        createdAt: at,
      })
    await store.customers.upsertMany(
      shop.id,
      ['cust1', 'cust2', 'cust3', 'cust5', 'cust6', 'cust7'].map((id) => ({
        id,
        name: id,
        phone: '13800000000',
        tier: 'regular',
      })),
    )
    await store.orders.upsertMany(shop.id, [
      // cust1: EB-1 after a3's card (a3 started after a1, so a3 gets it), CH-9 never shown.
      order('O-A1', 'cust1', '2026-06-02T10:00:00.000Z', [
        ['EB-1', 1, 899],
        ['CH-9', 1, 149],
      ]),
      order('O-A2', 'cust1', '2026-06-02T11:00:00.000Z', [['EB-1', 1, 899]], { status: 'cancelled' }),
      // 8 days after a1: outside 7 days, inside 10.
      order('O-A3', 'cust1', '2026-06-09T12:00:00.000Z', [['CASE-1', 1, 99]]),
      // a1's price-alert subscription touched CASE-1.
      order('O-A4', 'cust1', '2026-06-01T20:00:00.000Z', [['CASE-1', 1, 99]]),
      // cust2: DJ-1 ordered before the agent's card (not attributed), then after it (attributed, 2 × 450).
      order('O-B0', 'cust2', '2026-06-01T11:00:00.000Z', [['DJ-1', 1, 450]]),
      order('O-B1', 'cust2', '2026-06-01T12:00:00.000Z', [['DJ-1', 2, 450]]),
      // cust3 pays in USD: attributed but not summed.
      order('O-C1', 'cust3', '2026-06-02T09:00:00.000Z', [['EB-1', 1, 129]], { currency: 'USD' }),
      // Notices: cust5 buys the alerted EB-1; cust6 (anonymous alert, verified conversation) buys KB-1;
      // cust7's delayed parcel O-D1 is not re-ordered.
      order('O-E1', 'cust5', '2026-06-03T09:00:00.000Z', [['EB-1', 1, 899]]),
      order('O-F1', 'cust6', '2026-06-05T10:00:00.000Z', [['KB-1', 1, 300]]),
      order('O-D1', 'cust7', '2026-05-28T10:00:00.000Z', [['TV-1', 1, 2999]], { status: 'shipped' }),
    ])

    // a1: widget, recommendation of EB-1 and CASE-1, then a price alert on CASE-1.
    await w.start('a1', '2026-06-01T09:00:00.000Z', { customerId: 'cust1' })
    await w.turn('a1', '2026-06-01T09:00:10.000Z', { intent: 'recommendation', action: 'execute', latencyMs: 10 }, [
      { type: 'recommendation.shown', data: { skus: ['EB-1', 'CASE-1'], customerId: 'cust1' } },
    ])
    await w.turn('a1', '2026-06-01T09:01:00.000Z', { intent: 'price_alert', action: 'execute', latencyMs: 10 }, [
      { type: 'alert.subscribed', data: { subscriptionId: 's1', sku: 'CASE-1', customerId: 'cust1' } },
    ])
    // a2: api, handed off; the agent answers with a DJ-1 product card at 11:05.
    await w.start('a2', '2026-06-01T10:00:00.000Z', { customerId: 'cust2', channel: 'api' })
    await w.turn('a2', '2026-06-01T10:00:05.000Z', {
      intent: 'human_agent',
      action: 'handoff',
      reason: 'customer_request',
      latencyMs: 10,
    })
    await w.agentMessage('a2', '2026-06-01T11:04:00.000Z')
    await card('a2', 'agent', 'DJ-1', '2026-06-01T11:05:00.000Z')
    // a3: widget, the bot shows EB-1 as a card.
    await w.start('a3', '2026-06-02T08:00:00.000Z', { customerId: 'cust1' })
    await w.turn('a3', '2026-06-02T08:00:30.000Z', { intent: 'product_info', action: 'answer', latencyMs: 10 })
    await card('a3', 'bot', 'EB-1', '2026-06-02T08:01:00.000Z')
    // a4: cust3, recommendation of EB-1; ordered in USD.
    await w.start('a4', '2026-06-02T08:30:00.000Z', { customerId: 'cust3' })
    await w.turn('a4', '2026-06-02T08:30:10.000Z', { intent: 'recommendation', action: 'execute', latencyMs: 10 }, [
      { type: 'recommendation.shown', data: { skus: ['EB-1'], customerId: 'cust3' } },
    ])

    // Notice conversations started before the window (not in the cohort).
    await w.start('n1', '2026-05-30T09:00:00.000Z', { customerId: 'cust5', channel: 'proactive' })
    await w.start('n2', '2026-05-30T09:00:00.000Z', { customerId: 'cust6' })
    await w.start('n3', '2026-05-30T09:00:00.000Z', { customerId: 'cust7', channel: 'proactive' })
    await event(
      'notice.sent',
      'n3',
      { orderNo: 'O-D1', kind: 'delayed', customerId: 'cust7' },
      '2026-05-31T12:00:00.000Z',
    )
    await event('alert.sent', 'n1', { sku: 'EB-1', price: 899, customerId: 'cust5' }, '2026-06-01T15:00:00.000Z')
    await event('alert.sent', 'n2', { sku: 'KB-1', price: 300, customerId: null }, '2026-06-02T10:00:00.000Z')
    await event(
      'notice.sent',
      'n3',
      { orderNo: 'O-D1', kind: 'delayed', customerId: 'cust7' },
      '2026-06-02T12:00:00.000Z',
    )
  })
  afterEach(async () => {
    await store.close()
  })

  const compute = (extra: Partial<Parameters<typeof computeMetrics>[1]> = {}) =>
    computeMetrics(store, { shopId: shop.id, from: FROM, to: TO, now: NOW, tzOffsetMinutes: 0, ...extra })

  it('attributes each order line once, to the latest conversation that showed the product before the order', async () => {
    const { summary, daily } = await compute()
    expect(summary.attribution).toEqual({
      windowDays: 7,
      currency: 'CNY',
      // O-A1 EB-1 → a3 (899), O-A4 CASE-1 → a1 (99), O-B1 DJ-1 → a2 (900).
      revenue: 1898,
      orders: 3,
      lines: 3,
      conversations: 3,
      byHandler: { bot: 998, agent: 900, unanswered: 0 },
      byChannel: { widget: 998, api: 900 },
      otherCurrencyOrders: 1,
    })
    expect(daily.map((d) => [d.date, d.attributedRevenue])).toEqual([
      ['2026-06-01', 999],
      ['2026-06-02', 899],
    ])
  })

  it('widens the attribution window with attributionDays', async () => {
    const { summary } = await compute({ attributionDays: 10 })
    // O-A3 (CASE-1, 8 days after a1) now counts.
    expect(summary.attribution).toMatchObject({ windowDays: 10, revenue: 1997, orders: 4, lines: 4 })
  })

  it('sums only orders in the shop currency', async () => {
    const { summary } = await compute({ currency: 'USD' })
    expect(summary.attribution).toMatchObject({ currency: 'USD', revenue: 129, orders: 1, otherCurrencyOrders: 3 })
  })

  it('counts notices sent in the window and those followed by an order of the product', async () => {
    const { summary } = await compute()
    expect(summary.notices).toEqual({
      windowDays: 7,
      currency: 'CNY',
      sent: 3,
      converted: 2,
      rate: 0.6667,
      pending: 0,
      revenue: 1199,
      byKind: { price_drop: { sent: 2, converted: 2 }, delayed_parcel: { sent: 1, converted: 0 } },
    })
    // Four days in, the delayed-parcel notice may still convert.
    const early = await compute({ now: new Date('2026-06-04T00:00:00.000Z') })
    expect(early.summary.notices).toMatchObject({ sent: 3, pending: 1 })
  })

  it('filters conversations by channel; notices stay shop-wide', async () => {
    const { summary, daily } = await compute({ channel: 'api' })
    expect(summary.channels).toEqual(['api', 'widget'])
    expect(summary.conversations).toMatchObject({ started: 1, byChannel: { api: 1 } })
    expect(summary.handledBy.agent).toEqual({ conversations: 1, csatCount: 0, csatAverage: null })
    expect(summary.attribution).toMatchObject({ revenue: 900, byHandler: { bot: 0, agent: 900, unanswered: 0 } })
    expect(summary.notices.sent).toBe(3)
    expect(daily.map((d) => d.conversations)).toEqual([1, 0])
  })

  it('buckets days in the shop time zone by name', async () => {
    // a3 (08:00Z) and a4 (08:30Z) on June 2 are 16:00/16:30 in Shanghai; a1, a2 on June 1 are 17:00/18:00.
    const w = resolveAnalyticsWindow({ from: '2026-06-01', to: '2026-06-03' }, NOW, 'Asia/Shanghai')
    expect(w).toMatchObject({ timeZone: 'Asia/Shanghai', tzOffsetMinutes: 480 })
    const { summary, daily } = await compute(w)
    expect(summary.window.tz).toBe('Asia/Shanghai')
    expect(daily.map((d) => [d.date, d.conversations])).toEqual([
      ['2026-06-01', 2],
      ['2026-06-02', 2],
    ])
  })
})
