import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { resolveAnalyticsWindow } from '../../src/core/analytics/analytics-window.js'
import { computeMetrics } from '../../src/core/analytics/compute-metrics.js'
import type { DomainEvent, Shop } from '../../src/core/domain/records.js'
import type { Store } from '../../src/core/ports/store.js'
import { ensureShop } from '../../src/server/import/ensure-shop.js'
import { openTestPostgresStore } from '../helpers/store-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'
import { makeOrder, writer, writeScenario } from './analytics-fixtures.js'

const FROM = new Date('2026-06-01T00:00:00.000Z')
const TO = new Date('2026-06-03T00:00:00.000Z')
const NOW = new Date('2026-06-10T00:00:00.000Z')

type Opened = { store: Store; cleanup(): Promise<void> }
// SQLite (a real file) always; PostgreSQL too when KEFU_TEST_DATABASE_URL is set (fresh schema each test).
const backends: Array<{ name: string; open(): Promise<Opened> }> = [
  {
    name: 'sqlite',
    async open() {
      const dir = tempDir('kefu-analytics-')
      const store = await openStore(`sqlite://${dir.path}/k.db`)
      return {
        store,
        async cleanup() {
          await store.close()
          dir.remove()
        },
      }
    },
  },
]
const pgUrl = process.env.KEFU_TEST_DATABASE_URL
if (pgUrl) backends.push({ name: 'postgres', open: () => openTestPostgresStore(pgUrl) })

for (const backend of backends) {
  describe(`${backend.name}: analytics metrics`, () => {
    let store: Store
    let shop: Shop
    let opened: Opened

    beforeEach(async () => {
      opened = await backend.open()
      store = opened.store
      shop = await ensureShop(store, 'shop1')
    })
    afterEach(async () => {
      await opened.cleanup()
    })

    const compute = (extra: Partial<Parameters<typeof computeMetrics>[1]> = {}) =>
      computeMetrics(store, { shopId: shop.id, from: FROM, to: TO, now: NOW, tzOffsetMinutes: 0, ...extra })

    describe('computeMetrics over a written scenario', () => {
      beforeEach(async () => {
        await writeScenario(store, shop)
      })

      it('counts the cohort of conversations started in the window, their turns and channels', async () => {
        const { summary: s } = await compute()
        expect(s.window).toEqual({
          from: '2026-06-01T00:00:00.000Z',
          to: '2026-06-03T00:00:00.000Z',
          tz: '+00:00',
          horizon: '2026-06-04T00:00:00.000Z',
          settleHours: 24,
          channel: null,
        })
        expect(s.channels).toEqual(['app', 'widget'])
        expect(s.conversations).toEqual({ started: 7, engaged: 6, byChannel: { widget: 6, app: 1 } })
        // c1, c3, c4, c5 never handed off; c2 answered by an agent; c7's agent replied after the horizon.
        expect(s.handledBy).toEqual({
          bot: { conversations: 4, csatCount: 2, csatAverage: 4.5 },
          agent: { conversations: 1, csatCount: 1, csatAverage: 2 },
          unanswered: { conversations: 1, csatCount: 0, csatAverage: null },
        })
        // c2 has one bot turn plus one message to the agent.
        expect(s.turns).toEqual({ customer: 11, bot: 10, failed: 0 })
      })

      it('computes CSAT from the latest rating per conversation', async () => {
        const { summary: s } = await compute()
        expect(s.csat).toEqual({
          count: 3,
          average: 3.67,
          distribution: { '1': 0, '2': 1, '3': 0, '4': 1, '5': 1 },
          satisfiedRate: 0.6667,
          responseRate: 0.5,
        })
      })

      it('computes containment, handoff with reasons, resolution and fallback', async () => {
        const { summary: s } = await compute()
        expect(s.containment).toEqual({ contained: 4, rate: 0.6667 })
        expect(s.handoff).toEqual({ count: 2, rate: 0.3333, reasons: { customer_request: 1, emotion: 1 } })
        expect(s.resolution).toEqual({ resolved: 4, rate: 0.6667, byBot: 3, byTicketOrReturn: 3 })
        expect(s.fallback).toEqual({ turns: 2, rate: 0.2, conversations: 1 })
      })

      it('reports the intent distribution and bot latency percentiles', async () => {
        const { summary: s } = await compute()
        expect(s.intents).toEqual([
          { intent: 'faq', count: 2, share: 0.2 },
          { intent: 'fault_report', count: 2, share: 0.2 },
          { intent: 'order_status', count: 2, share: 0.2 },
          { intent: 'complaint', count: 1, share: 0.1 },
          { intent: 'greeting', count: 1, share: 0.1 },
          { intent: 'human_agent', count: 1, share: 0.1 },
          { intent: 'return_refund', count: 1, share: 0.1 },
        ])
        expect(s.botLatency).toEqual({ count: 10, averageMs: 66, p50Ms: 60, p90Ms: 100 })
      })

      it('measures the first agent reply after handoff, up to the horizon only', async () => {
        const { summary: s } = await compute()
        expect(s.agentFirstResponse).toEqual({
          handoffs: 2,
          unanswered: 1,
          count: 1,
          averageMs: 299_970,
          p50Ms: 299_970,
          p90Ms: 299_970,
        })
        // With a longer settle period c7's late agent reply counts too.
        const { summary: late } = await compute({ settleHours: 48 })
        expect(late.agentFirstResponse.unanswered).toBe(0)
        expect(late.agentFirstResponse.count).toBe(2)
      })

      it('counts tickets and returns by event time in the window', async () => {
        const { summary: s } = await compute()
        expect(s.tickets).toEqual({
          created: 2,
          byQueue: { repair: 1, general: 1 },
          byPriority: { high: 1, normal: 1 },
          fromConversations: 1,
        })
        expect(s.returns).toEqual({ requested: 1, byKind: { return: 1 } })
      })

      it('computes consult-to-order conversion over identified customers, including ones verified mid-chat', async () => {
        const { summary: s } = await compute()
        expect(s.conversion).toEqual({ windowDays: 7, identified: 4, converted: 2, rate: 0.5, pending: 0 })
        // cust1 ordered 2 days after c2 and cust3 3 days after c5: a 1-day window converts neither.
        const { summary: short } = await compute({ conversionDays: 1 })
        expect(short.conversion).toMatchObject({ windowDays: 1, converted: 0, rate: 0 })
      })

      it('marks identified conversations whose conversion window is still open as pending', async () => {
        const { summary: s } = await compute({ now: new Date('2026-06-04T00:00:00.000Z') })
        // c4 (cust2) and c7 (cust4) have not ordered yet and their 7 days are not over.
        expect(s.conversion).toMatchObject({ identified: 4, converted: 2, pending: 2 })
      })

      it('builds a daily series by conversation start day', async () => {
        const { daily } = await compute()
        expect(daily).toEqual([
          {
            date: '2026-06-01',
            conversations: 3,
            engaged: 3,
            contained: 2,
            containmentRate: 0.6667,
            handoffs: 1,
            csatCount: 3,
            csatAverage: 3.67,
            byChannel: { widget: 2, app: 1 },
            intents: { faq: 2, greeting: 1, human_agent: 1, order_status: 2 },
            bot: { conversations: 2, csatCount: 2, csatAverage: 4.5 },
            agent: { conversations: 1, csatCount: 1, csatAverage: 2 },
            unanswered: { conversations: 0, csatCount: 0, csatAverage: null },
            attributedRevenue: 0,
          },
          {
            date: '2026-06-02',
            conversations: 4,
            engaged: 3,
            contained: 2,
            containmentRate: 0.6667,
            handoffs: 1,
            csatCount: 0,
            csatAverage: null,
            byChannel: { widget: 4 },
            intents: { complaint: 1, fault_report: 2, return_refund: 1 },
            bot: { conversations: 2, csatCount: 0, csatAverage: null },
            agent: { conversations: 0, csatCount: 0, csatAverage: null },
            unanswered: { conversations: 1, csatCount: 0, csatAverage: null },
            attributedRevenue: 0,
          },
        ])
      })

      it('buckets days in the requested time zone', async () => {
        const w = resolveAnalyticsWindow(
          { from: '2026-06-01T08:00:00+08:00', to: '2026-06-03T08:00:00+08:00', tz: '+08:00' },
          NOW,
        )
        const { summary, daily } = await compute(w)
        expect(summary.conversations.started).toBe(7)
        expect(daily.map((d) => [d.date, d.conversations])).toEqual([
          ['2026-06-01', 2],
          ['2026-06-02', 3],
          ['2026-06-03', 2],
        ])
      })

      it('gives the same answer whatever the page size (keyset paging over equal timestamps)', async () => {
        const reference = await compute()
        const pages: number[] = []
        const counting: Store = {
          ...store,
          events: {
            ...store.events,
            list: async (shopId, opts) => {
              const rows = await store.events.list(shopId, opts)
              pages.push(rows.length)
              return rows
            },
          },
        }
        for (const pageSize of [1, 2, 3, 7]) {
          pages.length = 0
          const r = await computeMetrics(counting, {
            shopId: shop.id,
            from: FROM,
            to: TO,
            now: NOW,
            tzOffsetMinutes: 0,
            pageSize,
          })
          expect(r).toEqual(reference)
          expect(Math.max(...pages)).toBeLessThanOrEqual(pageSize)
        }
      })

      it('does not count another shop’s events', async () => {
        const other = await ensureShop(store, 'shop2')
        const w = writer(store, other)
        await w.start('x1', '2026-06-01T10:00:00.000Z')
        await w.turn('x1', '2026-06-01T10:00:01.000Z', { intent: 'greeting', action: 'answer', latencyMs: 5 })
        const { summary: s } = await compute()
        expect(s.conversations.started).toBe(7)
        const { summary: o } = await computeMetrics(store, {
          shopId: 'shop2',
          from: FROM,
          to: TO,
          now: NOW,
          tzOffsetMinutes: 0,
        })
        expect(o.conversations).toEqual({ started: 1, engaged: 1, byChannel: { widget: 1 } })
        expect(o.containment.rate).toBe(1)
      })
    })

    describe('computeMetrics edge cases', () => {
      it('answers zeros and nulls for an empty window', async () => {
        const { summary: s, daily } = await compute()
        expect(s.eventsScanned).toBe(0)
        expect(s.conversations.started).toBe(0)
        expect(s.csat.average).toBeNull()
        expect(s.containment.rate).toBeNull()
        expect(s.botLatency).toEqual({ count: 0, averageMs: null, p50Ms: null, p90Ms: null })
        expect(s.conversion.rate).toBeNull()
        expect(daily.map((d) => d.date)).toEqual(['2026-06-01', '2026-06-02'])
      })

      it('stops at now for a window that has not ended', async () => {
        const w = writer(store, shop)
        await w.start('live', '2026-06-02T10:00:00.000Z')
        await w.turn('live', '2026-06-02T10:00:01.000Z', { intent: 'greeting', action: 'answer', latencyMs: 5 })
        const { summary: s } = await compute({ now: new Date('2026-06-02T10:00:00.500Z') })
        expect(s.window.horizon).toBe('2026-06-02T10:00:00.500Z')
        expect(s.conversations).toMatchObject({ started: 1, engaged: 0 })
      })

      it('reads 12,000 events in pages of at most 5,000', async () => {
        const events: DomainEvent[] = []
        for (let i = 0; i < 4000; i++) {
          const conv = `v${i}`
          const t = new Date(FROM.getTime() + i * 10_000).toISOString()
          events.push({
            id: `e${i}a`,
            shopId: shop.id,
            type: 'conversation.started',
            conversationId: conv,
            data: { channel: 'widget', customerId: null },
            createdAt: t,
          })
          events.push({
            id: `e${i}b`,
            shopId: shop.id,
            type: 'turn.completed',
            conversationId: conv,
            data: { intent: 'greeting', action: 'answer', handoff: false, latencyMs: i % 100 },
            createdAt: t,
          })
          events.push({
            id: `e${i}c`,
            shopId: shop.id,
            type: 'csat.rated',
            conversationId: conv,
            data: { score: (i % 5) + 1, comment: null },
            createdAt: t,
          })
        }
        await store.transaction(async (tx) => {
          for (const e of events) await tx.events.append(e)
        })
        const pages: number[] = []
        const counting: Store = {
          ...store,
          events: {
            ...store.events,
            list: async (shopId, opts) => {
              const rows = await store.events.list(shopId, opts)
              pages.push(rows.length)
              return rows
            },
          },
        }
        const { summary: s } = await computeMetrics(counting, {
          shopId: shop.id,
          from: FROM,
          to: TO,
          now: NOW,
          tzOffsetMinutes: 0,
        })
        expect(pages).toEqual([5000, 5000, 2000])
        expect(s.eventsScanned).toBe(12_000)
        expect(s.conversations.started).toBe(4000)
        expect(s.containment.rate).toBe(1)
        expect(s.csat).toMatchObject({ count: 4000, average: 3, satisfiedRate: 0.4 })
        expect(s.botLatency).toEqual({ count: 4000, averageMs: 50, p50Ms: 49, p90Ms: 89 })
      })

      it('finds a customer verified mid-chat even when many newer conversations come first', async () => {
        const w = writer(store, shop)
        await store.customers.upsertMany(shop.id, [{ id: 'k1', name: 'k1', phone: '13800000000', tier: 'regular' }])
        await w.start('anon', '2026-06-01T10:00:00.000Z')
        await w.identify('anon', 'k1', '2026-06-01T10:01:00.000Z')
        for (let i = 0; i < 6; i++) await w.start(`later${i}`, `2026-06-05T10:0${i}:00.000Z`)
        const conversationLists: number[] = []
        const counting: Store = {
          ...store,
          conversations: {
            ...store.conversations,
            list: async (shopId, page) => {
              const rows = await store.conversations.list(shopId, page)
              conversationLists.push(rows.length)
              return rows
            },
          },
        }
        for (const pageSize of [1, 5000]) {
          conversationLists.length = 0
          const { summary: s } = await computeMetrics(counting, {
            shopId: shop.id,
            from: FROM,
            to: TO,
            now: NOW,
            tzOffsetMinutes: 0,
            pageSize,
          })
          expect(s.conversion).toMatchObject({ identified: 1 })
          // Page size 1: three rows (the budget) are listed, then the conversation is fetched directly.
          expect(conversationLists).toEqual(pageSize === 1 ? [1, 1, 1] : [7])
        }
      })

      it('counts a failed turn as a customer turn that neither answers nor resolves', async () => {
        const w = writer(store, shop)
        await w.start('f1', '2026-06-01T10:00:00.000Z')
        await w.turn('f1', '2026-06-01T10:00:01.000Z', { intent: 'greeting', action: 'answer', latencyMs: 5 })
        await w.customerToAgent('f1', '2026-06-01T10:01:00.000Z')
        await store.events.append({
          id: 'evt_failed',
          shopId: shop.id,
          type: 'turn.failed',
          conversationId: 'f1',
          data: { intent: 'order_status', error: 'boom' },
          createdAt: '2026-06-01T10:01:00.010Z',
        })
        const { summary: s } = await compute()
        expect(s.turns).toEqual({ customer: 2, bot: 1, failed: 1 })
        expect(s.containment).toEqual({ contained: 1, rate: 1 })
        expect(s.resolution).toMatchObject({ resolved: 0 })
      })

      it('counts an order placed exactly at the start and not one placed exactly N days later', async () => {
        const w = writer(store, shop)
        await store.customers.upsertMany(shop.id, [
          { id: 'k1', name: 'k1', phone: '13800000000', tier: 'regular' },
          { id: 'k2', name: 'k2', phone: '13800000000', tier: 'regular' },
        ])
        await store.orders.upsertMany(shop.id, [
          makeOrder('A', 'k1', '2026-06-01T10:00:00.000Z'),
          makeOrder('B', 'k2', '2026-06-08T10:00:00.000Z'),
        ])
        await w.start('a', '2026-06-01T10:00:00.000Z', { customerId: 'k1' })
        await w.start('b', '2026-06-01T10:00:00.000Z', { customerId: 'k2' })
        const { summary: s } = await compute()
        expect(s.conversion).toEqual({ windowDays: 7, identified: 2, converted: 1, rate: 0.5, pending: 0 })
      })
    })
  })
}
