/**
 * Periodic reconciliation on the job queue: a connected shop gets one pending pass `reconcileMinutes`
 * ahead on the clock; when the clock reaches it the pass runs (orders updated since the last pass)
 * and the next one is scheduled. A queued sync runs through the same worker.
 */
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryJobQueue } from '../../src/adapters/queue-memory/memory-job-queue.js'
import { manualClock } from '../../src/core/ports/clock.js'
import type { JobQueue } from '../../src/core/ports/job-queue.js'
import { createCommerceHub } from '../../src/server/commerce/commerce-hub.js'
import { enqueueCommerceSync, startCommerceWorker } from '../../src/server/commerce/commerce-worker.js'
import { connectorSettingsOf } from '../../src/server/commerce/connector-settings.js'
import { CONNECTORS } from '../../src/server/commerce/connectors.js'
import { type ShopifyFake, startShopifyFake } from '../fakes/shopify/shopify-fake.js'
import { makeShop, type OpenedStore, openTestSqliteStore } from '../helpers/store-fixtures.js'
import { waitFor } from '../helpers/wait-for.js'

let fake: ShopifyFake
let opened: OpenedStore
let queue: JobQueue
const clock = manualClock(new Date())

beforeAll(async () => {
  fake = await startShopifyFake({ products: 30, customers: 10, orders: 20 })
  opened = await openTestSqliteStore()
  await opened.store.shops.upsert(makeShop({ id: 'acme' }))
  queue = createMemoryJobQueue({ now: () => clock.now().getTime() })
})
afterAll(async () => {
  await queue?.close()
  await opened?.cleanup()
  await fake?.close()
})

describe('commerce worker', () => {
  it('runs a queued sync, then reconciles every reconcileMinutes on the clock', async () => {
    const { store } = opened
    const hub = createCommerceHub({
      store,
      secret: 'test-secret-0123456789',
      registry: CONNECTORS,
      now: () => clock.now(),
    })
    await hub.configure('acme', {
      platform: 'shopify',
      storeUrl: fake.url,
      credentials: { accessToken: fake.accessToken, webhookSecret: fake.webhookSecret },
      reconcileMinutes: 10,
    })
    const worker = startCommerceWorker({
      hub,
      queue,
      store,
      clock,
      logger: pino({ level: 'silent' }),
      watchIntervalMs: 1000,
    })
    try {
      await enqueueCommerceSync(queue, 'acme')
      await waitFor(async () => connectorSettingsOf((await store.shops.get('acme'))!)?.sync?.state === 'done', {
        what: 'the queued sync',
      })
      expect(await store.products.count('acme')).toBe(30)
      // One pass is pending, due in 10 minutes on the clock; nothing runs before.
      await waitFor(async () => (await queue.stats()).delayed === 1, { what: 'a scheduled pass' })
      expect(connectorSettingsOf((await store.shops.get('acme'))!)?.reconcile).toBeUndefined()
      const before = fake.callsTo('GET', '/orders.json').length
      const order = fake.orderByName('#1003')!
      order.financial_status = 'refunded'
      order.cancelled_at = clock.now().toISOString()
      order.updated_at = clock.now().toISOString()
      clock.advance(10 * 60_000 + 1000)
      await waitFor(async () => connectorSettingsOf((await store.shops.get('acme'))!)?.reconcile !== undefined, {
        what: 'the reconciliation pass',
      })
      const s = connectorSettingsOf((await store.shops.get('acme'))!)!
      expect(s.reconcile).toMatchObject({ orders: 1 })
      expect(s.reconcile?.error).toBeUndefined()
      expect(fake.callsTo('GET', '/orders.json').length).toBe(before + 1)
      expect((await store.orders.get('acme', '1003'))?.status).toBe('refunded')
      // The next pass is scheduled again.
      await waitFor(async () => (await queue.stats()).delayed === 1, { what: 'the next pass' })
      expect(await queue.deadLetters()).toHaveLength(0)
    } finally {
      await worker.stop()
    }
  })
})
