/**
 * The Store conformance suite, written once and run against every adapter (see store.test.ts).
 * One store per suite; every test works in its own fresh shop(s), so tests stay independent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEntry, StaffAccount, StaffSession } from '../../src/core/domain/staff-records.js'
import { AppError } from '../../src/core/errors.js'
import { manualClock } from '../../src/core/ports/clock.js'
import type { Store } from '../../src/core/ports/store.js'
import {
  at,
  makeComment,
  makeConversation,
  makeCustomer,
  makeEvent,
  makeFaq,
  makeFault,
  makeMessage,
  makeOrder,
  makeProduct,
  makeReturn,
  makeShop,
  makeTicket,
  type OpenedStore,
  type OpenStoreOptions,
} from '../helpers/store-fixtures.js'

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    if (AppError.isInstance(e)) return e.code
    return `non-AppError: ${String(e)}`
  }
  return 'resolved'
}

/** Defines the conformance suite for one backend. */
export function storeContract(name: string, open: (opts?: OpenStoreOptions) => Promise<OpenedStore>): void {
  describe(`${name}: Store`, () => {
    let opened: OpenedStore
    let store: Store
    beforeAll(async () => {
      opened = await open()
      store = opened.store
    })
    afterAll(async () => {
      await opened?.cleanup()
    })

    const newShop = async (o: Parameters<typeof makeShop>[0] = {}) => {
      const shop = makeShop(o)
      await store.shops.upsert(shop)
      return shop.id
    }

    describe('lifecycle', () => {
      it('reports its dialect and version, answers ping, and migrates idempotently', async () => {
        expect(store.specificationVersion).toBe('v1')
        expect(store.dialect).toBe(name)
        await store.ping()
        await store.migrate()
        await store.migrate()
        await store.ping()
      })
    })

    describe('shops', () => {
      it('stores, lists and replaces a shop by id', async () => {
        const shop = makeShop({ demo: true, settings: { greeting: { zh: '您好', en: 'Hi' } } })
        await store.shops.upsert(shop)
        expect(await store.shops.get(shop.id)).toEqual(shop)
        await store.shops.upsert({ ...shop, name: 'Renamed', demo: false })
        expect(await store.shops.get(shop.id)).toEqual({ ...shop, name: 'Renamed', demo: false })
        const ids = (await store.shops.list()).map((s) => s.id)
        expect(ids.filter((x) => x === shop.id)).toHaveLength(1)
        expect(await store.shops.get('no-such-shop')).toBeNull()
      })
    })

    describe('products', () => {
      it('round-trips every field, including nested size charts and attributes', async () => {
        const shopId = await newShop()
        const p = makeProduct({
          sku: 'DJ-001',
          sizeChart: { rows: [{ size: 'M', heightCm: [165, 175], weightKg: [55, 65], chestCm: [96, 100] }] },
          images: ['/img/dj-001.jpg'],
          locale: 'zh',
          aliases: ['down jacket'],
          related: ['DJ-002'],
          listPrice: 499,
        })
        await store.products.upsertMany(shopId, [p])
        expect(await store.products.get(shopId, 'DJ-001')).toEqual(p)
        expect(await store.products.get(shopId, 'nope')).toBeNull()
      })

      it('upserts by sku: a second import updates instead of duplicating; the last duplicate in a call wins', async () => {
        const shopId = await newShop()
        const a = makeProduct({ sku: 'A', price: 10 })
        const b = makeProduct({ sku: 'B', price: 20 })
        await store.products.upsertMany(shopId, [a, b])
        await store.products.upsertMany(shopId, [
          { ...a, price: 11, stock: 0 },
          { ...a, price: 12 },
        ])
        expect(await store.products.count(shopId)).toBe(2)
        expect((await store.products.get(shopId, 'A'))?.price).toBe(12)
        expect(await store.products.get(shopId, 'B')).toEqual(b)
      })

      it('lists by category prefix with stable paging', async () => {
        const shopId = await newShop()
        const rows = [
          makeProduct({ sku: 'P1', category: 'electronics/phone' }),
          makeProduct({ sku: 'P2', category: 'electronics/phone' }),
          makeProduct({ sku: 'E1', category: 'electronics/earbuds' }),
          makeProduct({ sku: 'X1', category: 'electronics-misc' }),
          makeProduct({ sku: 'H1', category: 'home' }),
        ]
        await store.products.upsertMany(shopId, rows)
        const skus = async (q: Parameters<Store['products']['list']>[1]) =>
          (await store.products.list(shopId, q)).map((p) => p.sku)
        expect(await skus({ category: 'electronics' })).toEqual(['E1', 'P1', 'P2'])
        expect(await skus({ category: 'electronics/phone' })).toEqual(['P1', 'P2'])
        expect(await skus({})).toEqual(['E1', 'H1', 'P1', 'P2', 'X1'])
        expect(await skus({ limit: 2 })).toEqual(['E1', 'H1'])
        expect(await skus({ limit: 2, offset: 2 })).toEqual(['P1', 'P2'])
        expect(await skus({ limit: 2, afterSku: 'H1' })).toEqual(['P1', 'P2'])
        expect(await skus({ category: 'electronics', afterSku: 'E1' })).toEqual(['P1', 'P2'])
        expect(await skus({ offset: 3 })).toEqual(['P2', 'X1'])
        expect(await store.products.count(shopId)).toBe(5)
        // A category with products of its own and sub-categories: one page over both, in SKU order.
        await store.products.upsertMany(shopId, [
          makeProduct({ sku: 'D1', category: 'electronics' }),
          makeProduct({ sku: 'Q1', category: 'electronics' }),
          makeProduct({ sku: 'Z1', category: 'electronics/phone/case' }),
          makeProduct({ sku: 'Y1', category: 'electronicsx/phone' }),
        ])
        expect(await skus({ category: 'electronics' })).toEqual(['D1', 'E1', 'P1', 'P2', 'Q1', 'Z1'])
        expect(await skus({ category: 'electronics', limit: 3, offset: 2 })).toEqual(['P1', 'P2', 'Q1'])
        expect(await skus({ category: 'electronics', limit: 2, afterSku: 'P2' })).toEqual(['Q1', 'Z1'])
        expect(await skus({ category: 'electronics/phone' })).toEqual(['P1', 'P2', 'Z1'])
        expect(await skus({ category: 'electronics/phone', limit: 1, offset: 2 })).toEqual(['Z1'])
        expect(await skus({ category: 'nothing' })).toEqual([])
      })

      it('reads and deletes products by SKU in bulk', async () => {
        const shopId = await newShop()
        await store.products.upsertMany(shopId, [makeProduct({ sku: 'A' }), makeProduct({ sku: 'B' })])
        const got = await store.products.getMany(shopId, ['B', 'A', 'missing'])
        expect(got.map((p) => p.sku).sort()).toEqual(['A', 'B'])
        expect(await store.products.getMany(shopId, [])).toEqual([])
        expect(await store.products.deleteMany(shopId, ['A', 'missing'])).toBe(1)
        expect(await store.products.deleteMany(shopId, [])).toBe(0)
        expect((await store.products.list(shopId)).map((p) => p.sku)).toEqual(['B'])
      })

      it('writes large batches (more rows than one INSERT holds) in one call', async () => {
        const shopId = await newShop()
        const rows = Array.from({ length: 1050 }, (_, i) => makeProduct({ sku: `BULK-${String(i).padStart(5, '0')}` }))
        await store.products.upsertMany(shopId, rows)
        expect(await store.products.count(shopId)).toBe(1050)
        expect((await store.products.get(shopId, 'BULK-01049'))?.sku).toBe('BULK-01049')
      })

      it('rejects rows for a shop that does not exist with conflict and writes nothing', async () => {
        expect(await codeOf(store.products.upsertMany('ghost-shop', [makeProduct()]))).toBe('conflict')
        expect(await store.products.count('ghost-shop')).toBe(0)
      })
    })

    describe('faq', () => {
      it('stores, filters by status and locale, counts and deletes entries', async () => {
        const shopId = await newShop()
        const zh = makeFaq({ id: 'f1', locale: 'zh' })
        const en = makeFaq({ id: 'f2', locale: 'en', question: 'How long does shipping take?', answer: '2 days' })
        const draft = makeFaq({ id: 'f3', status: 'draft' })
        await store.faq.upsertMany(shopId, [zh, en, draft])
        expect(await store.faq.get(shopId, 'f1')).toEqual(zh)
        expect(await store.faq.count(shopId)).toBe(3)
        expect((await store.faq.list(shopId, { locale: 'en' })).map((f) => f.id)).toEqual(['f2'])
        expect((await store.faq.list(shopId, { status: 'published' })).map((f) => f.id)).toEqual(['f1', 'f2'])
        expect((await store.faq.list(shopId, { status: 'draft' })).map((f) => f.id)).toEqual(['f3'])
        await store.faq.upsertMany(shopId, [{ ...draft, status: 'published', answer: 'new answer' }])
        expect(await store.faq.get(shopId, 'f3')).toMatchObject({ status: 'published', answer: 'new answer' })
        expect(await store.faq.delete(shopId, 'f1')).toBe(true)
        expect(await store.faq.delete(shopId, 'f1')).toBe(false)
        expect(await store.faq.get(shopId, 'f1')).toBeNull()
        expect(await store.faq.count(shopId)).toBe(2)
      })
    })

    describe('knowledge versions', () => {
      const version = (shopId: string, entryId: string, note = '') => ({
        shopId,
        kind: 'faq' as const,
        entryId,
        status: 'draft' as const,
        data: { answer: `answer ${note}` },
        author: 'ops',
        note,
        createdAt: at(),
      })

      it('numbers versions 1, 2, 3 per entry and lists them in order', async () => {
        const shopId = await newShop()
        const v1 = await store.knowledge.addVersion(version(shopId, 'f1', 'a'))
        const v2 = await store.knowledge.addVersion(version(shopId, 'f1', 'b'))
        const other = await store.knowledge.addVersion(version(shopId, 'f2', 'c'))
        const v3 = await store.knowledge.addVersion({ ...version(shopId, 'f1', 'd'), status: 'published' })
        expect([v1.version, v2.version, v3.version, other.version]).toEqual([1, 2, 3, 1])
        const list = await store.knowledge.listVersions(shopId, 'faq', 'f1')
        expect(list.map((v) => v.version)).toEqual([1, 2, 3])
        expect(list[2]).toEqual(v3)
        expect(list[0]?.data).toEqual({ answer: 'answer a' })
      })

      it('hands out distinct version numbers to concurrent writers', async () => {
        const shopId = await newShop()
        const vs = await Promise.all(
          Array.from({ length: 12 }, (_, i) => store.knowledge.addVersion(version(shopId, 'hot', String(i)))),
        )
        expect(vs.map((v) => v.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
      })

      it('numbers each shop independently', async () => {
        const a = await newShop()
        const b = await newShop()
        await store.knowledge.addVersion(version(a, 'f1'))
        await store.knowledge.addVersion(version(a, 'f1'))
        expect((await store.knowledge.addVersion(version(b, 'f1'))).version).toBe(1)
        expect(await store.knowledge.listVersions(b, 'faq', 'f1')).toHaveLength(1)
      })
    })

    describe('customers', () => {
      it('round-trips, lists in id order with paging, and upserts by id', async () => {
        const shopId = await newShop()
        const c1 = makeCustomer({
          id: 'c1',
          email: 'a@example.com',
          locale: 'en',
          profile: { heightCm: 172, weightKg: 65, gender: 'male', interests: ['running'] },
        })
        const c2 = makeCustomer({ id: 'c2', tier: 'regular' })
        await store.customers.upsertMany(shopId, [c2, c1])
        expect(await store.customers.get(shopId, 'c1')).toEqual(c1)
        expect((await store.customers.list(shopId)).map((c) => c.id)).toEqual(['c1', 'c2'])
        expect((await store.customers.list(shopId, { limit: 1, offset: 1 })).map((c) => c.id)).toEqual(['c2'])
        await store.customers.upsertMany(shopId, [{ ...c2, tier: 'vip' }])
        expect((await store.customers.get(shopId, 'c2'))?.tier).toBe('vip')
        expect(await store.customers.count(shopId)).toBe(2)
        expect(await store.customers.get(shopId, 'c3')).toBeNull()
      })
    })

    describe('orders and shipments', () => {
      it('round-trips an order with its shipment stored separately and joined back', async () => {
        const shopId = await newShop()
        const order = makeOrder({
          orderNo: 'SO-1',
          customerId: 'c1',
          status: 'shipped',
          paidAt: at(1000),
          address: { name: '李四', phone: '13800000000', region: '上海市', detail: '浦东新区 1 号' },
          items: [
            { sku: 'DJ-001', qty: 1, price: 399, title: '羽绒服', size: 'M', color: 'black' },
            { sku: 'E-1', qty: 2, price: 99 },
          ],
          total: 597,
          shipment: {
            carrier: '顺丰速运',
            trackingNo: 'SF123',
            eta: at(86_400_000),
            status: 'delayed',
            events: [
              { time: at(2000), location: '深圳', description: '已揽收' },
              { time: at(3000), location: '上海', description: '运输中' },
            ],
          },
        })
        const plain = makeOrder({ orderNo: 'SO-2', customerId: 'c1', status: 'pending_payment' })
        await store.orders.upsertMany(shopId, [order, plain])
        expect(await store.orders.get(shopId, 'SO-1')).toEqual(order)
        expect(await store.orders.get(shopId, 'SO-2')).toEqual(plain)
        expect((await store.orders.get(shopId, 'SO-2'))?.shipment).toBeUndefined()
        expect(await store.orders.get(shopId, 'SO-404')).toBeNull()
      })

      it('replaces the shipment on re-import, and drops it when the new record has none', async () => {
        const shopId = await newShop()
        const order = makeOrder({
          orderNo: 'SO-1',
          status: 'shipped',
          shipment: { carrier: 'YTO', trackingNo: 'Y1', status: 'in_transit', events: [] },
        })
        await store.orders.upsertMany(shopId, [order])
        const delivered = {
          ...order,
          status: 'delivered' as const,
          shipment: {
            carrier: 'YTO',
            trackingNo: 'Y1',
            status: 'delivered' as const,
            events: [{ time: at(5000), location: '北京', description: '已签收' }],
          },
        }
        await store.orders.upsertMany(shopId, [delivered])
        expect(await store.orders.get(shopId, 'SO-1')).toEqual(delivered)
        const { shipment: _s, ...withoutShipment } = delivered
        await store.orders.upsertMany(shopId, [withoutShipment])
        expect(await store.orders.get(shopId, 'SO-1')).toEqual(withoutShipment)
        expect(await store.orders.count(shopId)).toBe(1)
      })

      it('lists by customer newest first and by status, with shipments attached', async () => {
        const shopId = await newShop()
        await store.orders.upsertMany(shopId, [
          makeOrder({ orderNo: 'A', customerId: 'c1', createdAt: at(1000) }),
          makeOrder({
            orderNo: 'B',
            customerId: 'c1',
            createdAt: at(3000),
            status: 'shipped',
            shipment: { carrier: 'SF', trackingNo: 'SF9', status: 'in_transit', events: [] },
          }),
          makeOrder({ orderNo: 'C', customerId: 'c2', createdAt: at(2000) }),
        ])
        const c1 = await store.orders.listByCustomer(shopId, 'c1')
        expect(c1.map((o) => o.orderNo)).toEqual(['B', 'A'])
        expect(c1[0]?.shipment?.trackingNo).toBe('SF9')
        expect(await store.orders.listByCustomer(shopId, 'nobody')).toEqual([])
        expect((await store.orders.list(shopId)).map((o) => o.orderNo)).toEqual(['B', 'C', 'A'])
        expect((await store.orders.list(shopId, { status: 'shipped' })).map((o) => o.orderNo)).toEqual(['B'])
        expect((await store.orders.list(shopId, { limit: 1, offset: 1 })).map((o) => o.orderNo)).toEqual(['C'])
        expect(await store.orders.count(shopId)).toBe(3)
      })

      it('updates status and address in place and keeps the shipment', async () => {
        const shopId = await newShop()
        const order = makeOrder({
          orderNo: 'SO-9',
          shipment: { carrier: 'SF', trackingNo: 'T', status: 'in_transit', events: [] },
        })
        await store.orders.upsertMany(shopId, [order])
        const address = { name: '王五', phone: '13900000000', region: '北京市', detail: '海淀区 2 号' }
        await store.orders.update(shopId, 'SO-9', { status: 'cancelled', address })
        expect(await store.orders.get(shopId, 'SO-9')).toEqual({ ...order, status: 'cancelled', address })
        expect((await store.orders.list(shopId, { status: 'cancelled' })).map((o) => o.orderNo)).toEqual(['SO-9'])
        expect(await codeOf(store.orders.update(shopId, 'SO-404', { status: 'paid' }))).toBe('not_found')
      })
    })

    describe('faults', () => {
      it('round-trips, lists and upserts fault entries', async () => {
        const shopId = await newShop()
        const f1 = makeFault({ id: 'earbud-left-silent' })
        const f2 = makeFault({
          id: 'phone-no-charge',
          category: 'electronics/phone',
          escalate: { queue: 'repair', priority: 'high' },
        })
        await store.faults.upsertMany(shopId, [f2, f1])
        expect(await store.faults.get(shopId, 'earbud-left-silent')).toEqual(f1)
        expect((await store.faults.list(shopId)).map((f) => f.id)).toEqual(['earbud-left-silent', 'phone-no-charge'])
        await store.faults.upsertMany(shopId, [{ ...f1, solutions: ['重新配对'] }])
        expect((await store.faults.get(shopId, 'earbud-left-silent'))?.solutions).toEqual(['重新配对'])
        expect(await store.faults.count(shopId)).toBe(2)
      })
    })

    describe('conversations', () => {
      it('creates, reads and patches a conversation, bumping updatedAt', async () => {
        const shopId = await newShop()
        const c = makeConversation(shopId, { createdAt: at(0), updatedAt: at(0) })
        await store.conversations.create(c)
        expect(await store.conversations.get(shopId, c.id)).toEqual(c)
        await store.conversations.update(shopId, c.id, {
          state: { slots: { orderNo: 'SO-1' }, turn: 2 },
          status: 'waiting_human',
          locale: 'en',
          customerId: 'c1',
        })
        const got = await store.conversations.get(shopId, c.id)
        expect(got).toMatchObject({
          state: { slots: { orderNo: 'SO-1' }, turn: 2 },
          status: 'waiting_human',
          locale: 'en',
          customerId: 'c1',
          createdAt: c.createdAt,
        })
        expect(got!.updatedAt > c.updatedAt).toBe(true)
        await store.conversations.update(shopId, c.id, { updatedAt: at(99_000), status: 'closed' })
        expect(await store.conversations.get(shopId, c.id)).toMatchObject({ updatedAt: at(99_000), status: 'closed' })
      })

      it('refuses a duplicate id with conflict and a missing one with not_found', async () => {
        const shopId = await newShop()
        const c = makeConversation(shopId)
        await store.conversations.create(c)
        expect(await codeOf(store.conversations.create(c))).toBe('conflict')
        expect(await codeOf(store.conversations.update(shopId, 'missing', { status: 'closed' }))).toBe('not_found')
      })

      it('lists most recently active first, filtered by status and customer', async () => {
        const shopId = await newShop()
        const a = makeConversation(shopId, { id: 'a', customerId: 'c1', updatedAt: at(1000) })
        const b = makeConversation(shopId, { id: 'b', customerId: 'c2', status: 'human', updatedAt: at(3000) })
        const c = makeConversation(shopId, { id: 'c', customerId: 'c1', updatedAt: at(2000) })
        for (const x of [a, b, c]) await store.conversations.create(x)
        const ids = async (q: Parameters<Store['conversations']['list']>[1]) =>
          (await store.conversations.list(shopId, q)).map((x) => x.id)
        expect(await ids({})).toEqual(['b', 'c', 'a'])
        expect(await ids({ status: 'bot' })).toEqual(['c', 'a'])
        expect(await ids({ customerId: 'c1' })).toEqual(['c', 'a'])
        expect(await ids({ limit: 1, offset: 1 })).toEqual(['c'])
      })
    })

    describe('channel conversations', () => {
      it('remembers the external user and thread and finds the open conversation of a platform user', async () => {
        const shopId = await newShop()
        const old = makeConversation(shopId, {
          id: 'old',
          channel: 'chatwoot',
          externalUserId: 'u1',
          externalThreadId: 't1',
          status: 'closed',
          updatedAt: at(5000),
        })
        const open = makeConversation(shopId, {
          id: 'open',
          channel: 'chatwoot',
          externalUserId: 'u1',
          externalThreadId: 't2',
          status: 'human',
          updatedAt: at(1000),
        })
        const other = makeConversation(shopId, { id: 'other', channel: 'wecom-kf', externalUserId: 'u1' })
        for (const c of [old, open, other]) await store.conversations.create(c)
        expect(await store.conversations.get(shopId, 'open')).toEqual(open)
        expect((await store.conversations.findOpenByExternal(shopId, 'chatwoot', 'u1'))?.id).toBe('open')
        expect((await store.conversations.findOpenByExternal(shopId, 'chatwoot', 'u1', 't2'))?.id).toBe('open')
        expect(await store.conversations.findOpenByExternal(shopId, 'chatwoot', 'u1', 't1')).toBeNull()
        expect((await store.conversations.findOpenByExternal(shopId, 'wecom-kf', 'u1'))?.id).toBe('other')
        expect(await store.conversations.findOpenByExternal(shopId, 'chatwoot', 'u2')).toBeNull()
        // The most recently active one wins when a user has two open conversations.
        await store.conversations.create(
          makeConversation(shopId, { id: 'newer', channel: 'chatwoot', externalUserId: 'u1', updatedAt: at(9000) }),
        )
        expect((await store.conversations.findOpenByExternal(shopId, 'chatwoot', 'u1'))?.id).toBe('newer')
        // A widget conversation has no external coordinates.
        const w = makeConversation(shopId)
        await store.conversations.create(w)
        expect(await store.conversations.get(shopId, w.id)).toMatchObject({
          externalUserId: null,
          externalThreadId: null,
        })
      })

      it('maps platform users to shop customers', async () => {
        const shopId = await newShop()
        const link = {
          shopId,
          channel: 'wecom-kf',
          externalUserId: 'wm-1',
          customerId: 'c1',
          source: 'merchant' as const,
          updatedAt: at(0),
        }
        await store.channelCustomers.set(link)
        expect(await store.channelCustomers.get(shopId, 'wecom-kf', 'wm-1')).toEqual(link)
        expect(await store.channelCustomers.get(shopId, 'chatwoot', 'wm-1')).toBeNull()
        await store.channelCustomers.set({ ...link, customerId: 'c2', source: 'verified', updatedAt: at(10) })
        expect(await store.channelCustomers.get(shopId, 'wecom-kf', 'wm-1')).toMatchObject({
          customerId: 'c2',
          source: 'verified',
        })
        await store.channelCustomers.set({ ...link, channel: 'chatwoot', externalUserId: '42' })
        expect((await store.channelCustomers.list(shopId)).map((l) => l.channel)).toEqual(['chatwoot', 'wecom-kf'])
        expect((await store.channelCustomers.list(shopId, { channel: 'chatwoot' })).length).toBe(1)
        expect(await store.channelCustomers.delete(shopId, 'chatwoot', '42')).toBe(true)
        expect(await store.channelCustomers.delete(shopId, 'chatwoot', '42')).toBe(false)
      })

      it('keeps channel state with expiry and claims a key exactly once until it expires', async () => {
        const clock = manualClock('2025-03-01T00:00:00Z')
        const own = await open({ clock })
        try {
          const s = own.store
          const shop = makeShop()
          await s.shops.upsert(shop)
          expect(await s.channelState.get(shop.id, 'token')).toBeNull()
          await s.channelState.set(shop.id, 'token', 'abc', 60)
          await s.channelState.set(shop.id, 'cursor', 'c1')
          expect(await s.channelState.get(shop.id, 'token')).toBe('abc')
          clock.advance(61_000)
          expect(await s.channelState.get(shop.id, 'token')).toBeNull()
          expect(await s.channelState.get(shop.id, 'cursor')).toBe('c1')
          await s.channelState.set(shop.id, 'cursor', 'c2')
          expect(await s.channelState.get(shop.id, 'cursor')).toBe('c2')

          // Ten concurrent claims of one key: exactly one wins.
          const claims = await Promise.all(
            Array.from({ length: 10 }, () => s.channelState.claimOnce(shop.id, 'msg:1', 3600)),
          )
          expect(claims.filter(Boolean).length).toBe(1)
          expect(await s.channelState.claimOnce(shop.id, 'msg:1', 3600)).toBe(false)
          expect(await s.channelState.claimOnce(shop.id, 'msg:2', 3600)).toBe(true)
          // Another shop has its own keys.
          const other = makeShop()
          await s.shops.upsert(other)
          expect(await s.channelState.claimOnce(other.id, 'msg:1', 3600)).toBe(true)
          // An expired claim can be taken again, once.
          clock.advance(3_601_000)
          expect(await s.channelState.claimOnce(shop.id, 'msg:1', 3600)).toBe(true)
          expect(await s.channelState.claimOnce(shop.id, 'msg:1', 3600)).toBe(false)
        } finally {
          await own.cleanup()
        }
      })
    })

    describe('messages', () => {
      it('assigns seq from 1 per conversation and lists after a seq with a limit', async () => {
        const shopId = await newShop()
        const c1 = makeConversation(shopId)
        const c2 = makeConversation(shopId)
        await store.conversations.create(c1)
        await store.conversations.create(c2)
        const m1 = await store.messages.append(makeMessage(shopId, c1.id, { text: '你好', meta: { intent: 'greet' } }))
        const m2 = await store.messages.append(makeMessage(shopId, c1.id, { role: 'bot', text: 'Hi!' }))
        const n1 = await store.messages.append(makeMessage(shopId, c2.id))
        const m3 = await store.messages.append(makeMessage(shopId, c1.id, { role: 'agent', text: '我来帮您' }))
        expect([m1.seq, m2.seq, m3.seq, n1.seq]).toEqual([1, 2, 3, 1])
        const all = await store.messages.list(shopId, c1.id)
        expect(all).toEqual([m1, m2, m3])
        expect(all[0]?.meta).toEqual({ intent: 'greet' })
        expect((await store.messages.list(shopId, c1.id, { afterSeq: 1 })).map((m) => m.seq)).toEqual([2, 3])
        expect((await store.messages.list(shopId, c1.id, { afterSeq: 0, limit: 2 })).map((m) => m.seq)).toEqual([1, 2])
        expect(await store.messages.list(shopId, c1.id, { afterSeq: 3 })).toEqual([])
        // latest: the last `limit` messages, still in seq order
        expect((await store.messages.list(shopId, c1.id, { limit: 2, latest: true })).map((m) => m.seq)).toEqual([2, 3])
        expect((await store.messages.list(shopId, c1.id, { limit: 5, latest: true })).map((m) => m.seq)).toEqual([
          1, 2, 3,
        ])
        expect(await store.messages.list(shopId, c1.id, { limit: 2, latest: true })).toEqual([m2, m3])
      })

      it('gives concurrent appends to one conversation distinct, gapless seqs', async () => {
        const shopId = await newShop()
        const c = makeConversation(shopId)
        await store.conversations.create(c)
        const n = 40
        const out = await Promise.all(
          Array.from({ length: n }, (_, i) => store.messages.append(makeMessage(shopId, c.id, { text: `m${i}` }))),
        )
        const seqs = out.map((m) => m.seq).sort((a, b) => a - b)
        expect(seqs).toEqual(Array.from({ length: n }, (_, i) => i + 1))
        const listed = await store.messages.list(shopId, c.id)
        expect(listed.map((m) => m.seq)).toEqual(seqs)
        // Every stored message has the seq its append returned.
        const byId = new Map(out.map((m) => [m.id, m.seq]))
        for (const m of listed) expect(byId.get(m.id)).toBe(m.seq)
      })

      it('refuses a message for an unknown conversation with not_found', async () => {
        const shopId = await newShop()
        expect(await codeOf(store.messages.append(makeMessage(shopId, 'no-such-conv')))).toBe('not_found')
      })
    })

    describe('a turn written in one batch (writeTurn)', () => {
      it('appends the messages with the next seqs, patches the conversation and appends the events', async () => {
        const shopId = await newShop()
        const c = makeConversation(shopId)
        await store.conversations.create(c)
        const before = await store.messages.append(makeMessage(shopId, c.id, { role: 'agent', text: 'earlier' }))
        expect(store.writeTurn).toBeTypeOf('function')
        const stored = await store.writeTurn!({
          shopId,
          conversationId: c.id,
          messages: [
            makeMessage(shopId, c.id, { text: '我的订单到哪了', meta: { nlu: { intent: 'order_status' } } }),
            makeMessage(shopId, c.id, { role: 'bot', text: 'On its way.', meta: { action: 'answer' } }),
            makeMessage(shopId, c.id, { role: 'bot', text: 'Anything else?' }),
          ],
          conversation: {
            state: { slots: { orderNo: 'A1' } },
            status: 'waiting_human',
            locale: 'en',
            updatedAt: at(9000),
          },
          events: [
            makeEvent(shopId, { type: 'turn.completed', conversationId: c.id, data: { intent: 'order_status' } }),
            makeEvent(shopId, { type: 'handoff.requested', conversationId: c.id }),
          ],
        })
        expect(stored.map((m) => [m.seq, m.text])).toEqual([
          [before.seq + 1, '我的订单到哪了'],
          [before.seq + 2, 'On its way.'],
          [before.seq + 3, 'Anything else?'],
        ])
        const listed = await store.messages.list(shopId, c.id)
        expect(listed.map((m) => m.id)).toEqual([before.id, ...stored.map((m) => m.id)])
        expect(listed[1]?.meta).toEqual({ nlu: { intent: 'order_status' } })
        const conv = await store.conversations.get(shopId, c.id)
        expect(conv).toMatchObject({ state: { slots: { orderNo: 'A1' } }, status: 'waiting_human', locale: 'en' })
        expect(conv?.updatedAt).toBe(at(9000))
        const events = await store.events.list(shopId, { conversationId: c.id })
        expect(events.map((e) => e.type).sort()).toEqual(['handoff.requested', 'turn.completed'])
        // The next batch (no conversation patch) continues the seqs.
        const [next] = await store.writeTurn!({
          shopId,
          conversationId: c.id,
          messages: [makeMessage(shopId, c.id)],
          events: [],
        })
        expect(next?.seq).toBe(before.seq + 4)
      })

      it('writes nothing when the conversation does not exist (not_found)', async () => {
        const shopId = await newShop()
        const w = {
          shopId,
          conversationId: 'no-such-conv',
          messages: [makeMessage(shopId, 'no-such-conv')],
          conversation: { status: 'bot' as const },
          events: [makeEvent(shopId, { type: 'turn.completed', conversationId: 'no-such-conv' })],
        }
        expect(await codeOf(store.writeTurn!(w))).toBe('not_found')
        expect(await store.events.list(shopId)).toEqual([])
      })

      it('rolls every write back when one fails (a duplicate message id)', async () => {
        const shopId = await newShop()
        const c = makeConversation(shopId, { status: 'bot' })
        await store.conversations.create(c)
        const first = await store.messages.append(makeMessage(shopId, c.id))
        const code = await codeOf(
          store.writeTurn!({
            shopId,
            conversationId: c.id,
            messages: [makeMessage(shopId, c.id), makeMessage(shopId, c.id, { id: first.id })],
            conversation: { status: 'closed' },
            events: [makeEvent(shopId, { type: 'turn.completed', conversationId: c.id })],
          }),
        )
        expect(code).not.toBe('resolved')
        expect((await store.messages.list(shopId, c.id)).map((m) => m.id)).toEqual([first.id])
        expect((await store.conversations.get(shopId, c.id))?.status).toBe('bot')
        expect(await store.events.list(shopId)).toEqual([])
      })

      it('reads a conversation with the seq of its newest message (getWithLastSeq)', async () => {
        const shopId = await newShop()
        const c = makeConversation(shopId)
        await store.conversations.create(c)
        expect(await store.conversations.getWithLastSeq!(shopId, c.id)).toEqual({ conversation: c, lastSeq: 0 })
        await store.messages.append(makeMessage(shopId, c.id))
        const m = await store.messages.append(makeMessage(shopId, c.id, { role: 'bot' }))
        expect((await store.conversations.getWithLastSeq!(shopId, c.id))?.lastSeq).toBe(m.seq)
        expect(await store.conversations.getWithLastSeq!(shopId, 'no-such-conv')).toBeNull()
      })
    })

    describe('tickets', () => {
      it('creates, reads, patches and comments on a ticket', async () => {
        const shopId = await newShop()
        const t = makeTicket(shopId, { data: { device: 'KP-Buds 2', tried: ['reset'] } })
        await store.tickets.create(t)
        expect(await store.tickets.get(shopId, t.id)).toEqual(t)
        await store.tickets.update(shopId, t.id, { status: 'assigned', assignee: 'agent-1', priority: 'high' })
        const got = await store.tickets.get(shopId, t.id)
        expect(got).toMatchObject({ status: 'assigned', assignee: 'agent-1', priority: 'high', createdAt: t.createdAt })
        expect(got!.updatedAt > t.updatedAt).toBe(true)
        await store.tickets.update(shopId, t.id, { assignee: null, data: { device: 'KP-Buds 3' } })
        expect(await store.tickets.get(shopId, t.id)).toMatchObject({ assignee: null, data: { device: 'KP-Buds 3' } })
        const c1 = makeComment(shopId, t.id, { createdAt: at(1000) })
        const c2 = makeComment(shopId, t.id, { createdAt: at(2000), author: 'customer' })
        await store.tickets.addComment(c2)
        await store.tickets.addComment(c1)
        expect(await store.tickets.listComments(shopId, t.id)).toEqual([c1, c2])
        expect(await codeOf(store.tickets.create(t))).toBe('conflict')
        expect(await codeOf(store.tickets.update(shopId, 'missing', { status: 'closed' }))).toBe('not_found')
        expect(await codeOf(store.tickets.addComment(makeComment(shopId, 'missing')))).toBe('not_found')
      })

      it('filters by status, queue, assignee, customer and conversation, oldest first', async () => {
        const shopId = await newShop()
        const t1 = makeTicket(shopId, { id: 't1', queue: 'repair', createdAt: at(1000), customerId: 'c1' })
        const t2 = makeTicket(shopId, {
          id: 't2',
          queue: 'repair',
          status: 'assigned',
          assignee: 'ann',
          createdAt: at(2000),
          conversationId: 'conv-1',
        })
        const t3 = makeTicket(shopId, { id: 't3', queue: 'refund', createdAt: at(3000), customerId: 'c1' })
        for (const t of [t3, t1, t2]) await store.tickets.create(t)
        const ids = async (f: Parameters<Store['tickets']['list']>[1]) =>
          (await store.tickets.list(shopId, f)).map((t) => t.id)
        expect(await ids({})).toEqual(['t1', 't2', 't3'])
        expect(await ids({ status: 'open' })).toEqual(['t1', 't3'])
        expect(await ids({ queue: 'repair' })).toEqual(['t1', 't2'])
        expect(await ids({ queue: 'repair', status: 'open' })).toEqual(['t1'])
        expect(await ids({ assignee: 'ann' })).toEqual(['t2'])
        expect(await ids({ customerId: 'c1' })).toEqual(['t1', 't3'])
        expect(await ids({ conversationId: 'conv-1' })).toEqual(['t2'])
        expect(await ids({ limit: 1, offset: 2 })).toEqual(['t3'])
      })
    })

    describe('return requests', () => {
      it('creates, updates and lists return requests by order', async () => {
        const shopId = await newShop()
        const r1 = makeReturn(shopId, { id: 'r1', orderNo: 'SO-1', createdAt: at(1000) })
        const r2 = makeReturn(shopId, { id: 'r2', orderNo: 'SO-1', kind: 'exchange', createdAt: at(2000) })
        const r3 = makeReturn(shopId, { id: 'r3', orderNo: 'SO-2' })
        for (const r of [r2, r3, r1]) await store.returns.create(r)
        expect(await store.returns.get(shopId, 'r1')).toEqual(r1)
        expect((await store.returns.listByOrder(shopId, 'SO-1')).map((r) => r.id)).toEqual(['r1', 'r2'])
        await store.returns.update(shopId, 'r1', { status: 'approved', updatedAt: at(5000) })
        expect(await store.returns.get(shopId, 'r1')).toEqual({ ...r1, status: 'approved', updatedAt: at(5000) })
        expect(await codeOf(store.returns.update(shopId, 'r404', { status: 'approved' }))).toBe('not_found')
        expect(await codeOf(store.returns.create(r1))).toBe('conflict')
      })
    })

    describe('events', () => {
      it('appends and lists chronologically, filtered by type, conversation and since', async () => {
        const shopId = await newShop()
        const e1 = makeEvent(shopId, { id: 'e1', type: 'handoff.requested', conversationId: 'c1', createdAt: at(1000) })
        const e2 = makeEvent(shopId, { id: 'e2', type: 'message.received', conversationId: 'c1', createdAt: at(2000) })
        const e3 = makeEvent(shopId, { id: 'e3', type: 'message.received', createdAt: at(3000), data: { n: 1 } })
        for (const e of [e3, e1, e2]) await store.events.append(e)
        const ids = async (q: Parameters<Store['events']['list']>[1]) =>
          (await store.events.list(shopId, q)).map((e) => e.id)
        expect(await store.events.list(shopId)).toEqual([e1, e2, e3])
        expect(await ids({ type: 'message.received' })).toEqual(['e2', 'e3'])
        expect(await ids({ conversationId: 'c1' })).toEqual(['e1', 'e2'])
        expect(await ids({ since: at(2000) })).toEqual(['e2', 'e3'])
        expect(await ids({ limit: 2 })).toEqual(['e1', 'e2'])
      })
    })

    describe('transactions', () => {
      it('commits every write of the callback together and returns its value', async () => {
        const shopId = await newShop()
        const result = await store.transaction(async (tx) => {
          await tx.customers.upsertMany(shopId, [makeCustomer({ id: 'c1' })])
          await tx.orders.upsertMany(shopId, [makeOrder({ orderNo: 'SO-1', customerId: 'c1' })])
          // Reads inside the transaction see its own writes.
          expect(await tx.customers.count(shopId)).toBe(1)
          return 'done'
        })
        expect(result).toBe('done')
        expect(await store.customers.count(shopId)).toBe(1)
        expect(await store.orders.count(shopId)).toBe(1)
      })

      it('rolls everything back when the callback throws, and rethrows that same error', async () => {
        const shopId = await newShop()
        await store.products.upsertMany(shopId, [makeProduct({ sku: 'KEEP', price: 1 })])
        const boom = new Error('boom')
        const c = makeConversation(shopId)
        const err = await store
          .transaction(async (tx) => {
            await tx.products.upsertMany(shopId, [makeProduct({ sku: 'KEEP', price: 2 }), makeProduct({ sku: 'NEW' })])
            await tx.conversations.create(c)
            await tx.messages.append(makeMessage(shopId, c.id))
            await tx.events.append(makeEvent(shopId))
            throw boom
          })
          .catch((e: unknown) => e)
        expect(err).toBe(boom)
        expect(await store.products.count(shopId)).toBe(1)
        expect((await store.products.get(shopId, 'KEEP'))?.price).toBe(1)
        expect(await store.conversations.get(shopId, c.id)).toBeNull()
        expect(await store.events.list(shopId)).toEqual([])
      })

      it('rolls back when a store call inside fails, surfacing its AppError code', async () => {
        const shopId = await newShop()
        const c = makeConversation(shopId)
        await store.conversations.create(c)
        const code = await codeOf(
          store.transaction(async (tx) => {
            await tx.faq.upsertMany(shopId, [makeFaq({ id: 'tx-faq' })])
            await tx.conversations.create(c)
          }),
        )
        expect(code).toBe('conflict')
        expect(await store.faq.get(shopId, 'tx-faq')).toBeNull()
      })

      it('reuses the surrounding transaction for nested calls: an outer throw undoes inner writes', async () => {
        const shopId = await newShop()
        await store
          .transaction(async (tx) => {
            await tx.transaction(async (inner) => {
              await inner.faults.upsertMany(shopId, [makeFault({ id: 'nested' })])
            })
            expect(await tx.faults.get(shopId, 'nested')).not.toBeNull()
            throw new Error('outer fails')
          })
          .catch(() => undefined)
        expect(await store.faults.get(shopId, 'nested')).toBeNull()
        const v = await store.transaction((tx) => tx.transaction(async (inner) => inner.faults.count(shopId)))
        expect(v).toBe(0)
      })

      it('appends messages with correct seqs inside a transaction', async () => {
        const shopId = await newShop()
        const c = makeConversation(shopId)
        const seqs = await store.transaction(async (tx) => {
          await tx.conversations.create(c)
          const a = await tx.messages.append(makeMessage(shopId, c.id))
          const b = await tx.messages.append(makeMessage(shopId, c.id, { role: 'bot' }))
          return [a.seq, b.seq]
        })
        expect(seqs).toEqual([1, 2])
        expect(await store.messages.list(shopId, c.id)).toHaveLength(2)
      })
    })

    describe('shop isolation', () => {
      it("never shows one shop's rows to another, even with identical ids", async () => {
        const a = await newShop()
        const b = await newShop()
        await store.products.upsertMany(a, [makeProduct({ sku: 'SAME', title: 'A product' })])
        await store.faq.upsertMany(a, [makeFaq({ id: 'same' })])
        await store.customers.upsertMany(a, [makeCustomer({ id: 'same' })])
        await store.orders.upsertMany(a, [
          makeOrder({
            orderNo: 'SAME',
            customerId: 'same',
            shipment: { carrier: 'SF', trackingNo: 'A-T', status: 'in_transit', events: [] },
          }),
        ])
        await store.faults.upsertMany(a, [makeFault({ id: 'same' })])
        await store.conversations.create(makeConversation(a, { id: 'same', customerId: 'same' }))
        await store.messages.append(makeMessage(a, 'same'))
        await store.tickets.create(makeTicket(a, { id: 'same', customerId: 'same' }))
        await store.tickets.addComment(makeComment(a, 'same'))
        await store.returns.create(makeReturn(a, { id: 'same', orderNo: 'SAME' }))
        await store.events.append(makeEvent(a, { id: 'same', conversationId: 'same' }))
        await store.knowledge.addVersion({
          shopId: a,
          kind: 'faq',
          entryId: 'same',
          status: 'draft',
          data: {},
          author: 'x',
          note: '',
          createdAt: at(),
        })

        expect(await store.products.get(b, 'SAME')).toBeNull()
        expect(await store.products.list(b)).toEqual([])
        expect(await store.products.count(b)).toBe(0)
        expect(await store.faq.get(b, 'same')).toBeNull()
        expect(await store.faq.list(b)).toEqual([])
        expect(await store.faq.delete(b, 'same')).toBe(false)
        expect(await store.customers.get(b, 'same')).toBeNull()
        expect(await store.customers.list(b)).toEqual([])
        expect(await store.orders.get(b, 'SAME')).toBeNull()
        expect(await store.orders.listByCustomer(b, 'same')).toEqual([])
        expect(await store.orders.list(b)).toEqual([])
        expect(await codeOf(store.orders.update(b, 'SAME', { status: 'cancelled' }))).toBe('not_found')
        expect(await store.faults.get(b, 'same')).toBeNull()
        expect(await store.faults.list(b)).toEqual([])
        expect(await store.conversations.get(b, 'same')).toBeNull()
        expect(await store.conversations.list(b)).toEqual([])
        expect(await codeOf(store.conversations.update(b, 'same', { status: 'closed' }))).toBe('not_found')
        expect(await store.messages.list(b, 'same')).toEqual([])
        expect(await codeOf(store.messages.append(makeMessage(b, 'same')))).toBe('not_found')
        expect(await store.tickets.get(b, 'same')).toBeNull()
        expect(await store.tickets.list(b)).toEqual([])
        expect(await store.tickets.listComments(b, 'same')).toEqual([])
        expect(await store.returns.get(b, 'same')).toBeNull()
        expect(await store.returns.listByOrder(b, 'SAME')).toEqual([])
        expect(await store.events.list(b)).toEqual([])
        expect(await store.knowledge.listVersions(b, 'faq', 'same')).toEqual([])

        // The same ids can exist in shop B independently of shop A.
        await store.products.upsertMany(b, [makeProduct({ sku: 'SAME', title: 'B product' })])
        await store.conversations.create(makeConversation(b, { id: 'same' }))
        expect((await store.messages.append(makeMessage(b, 'same'))).seq).toBe(1)
        expect((await store.products.get(a, 'SAME'))?.title).toBe('A product')
        expect((await store.products.get(b, 'SAME'))?.title).toBe('B product')
        expect((await store.orders.get(a, 'SAME'))?.shipment?.trackingNo).toBe('A-T')
        expect(await store.messages.list(a, 'same')).toHaveLength(1)
      })
    })

    describe('staff accounts, sessions, audit log', () => {
      const account = (shopId: string, o: Partial<StaffAccount> = {}): StaffAccount => ({
        id: `stf_${Math.random().toString(36).slice(2, 10)}`,
        shopId,
        username: 'alice',
        displayName: '李娜 Alice',
        role: 'agent',
        passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
        status: 'offline',
        maxChats: 3,
        createdAt: at(0),
        updatedAt: at(0),
        ...o,
      })

      it('creates, finds by id and username, lists, updates and deletes accounts; usernames are unique per shop', async () => {
        const a = await newShop()
        const b = await newShop()
        const alice = account(a)
        await store.staff.create(alice)
        await store.staff.create(account(a, { username: 'bob', role: 'admin' }))
        expect(await store.staff.get(a, alice.id)).toEqual(alice)
        expect(await store.staff.getByUsername(a, 'alice')).toEqual(alice)
        expect((await store.staff.list(a)).map((x) => x.username)).toEqual(['alice', 'bob'])
        expect(await codeOf(store.staff.create(account(a, { username: 'alice' })))).toBe('conflict')
        // Another shop: the same username is free, and shop A's account is invisible.
        await store.staff.create(account(b, { id: alice.id }))
        expect(await store.staff.getByUsername(b, 'bob')).toBeNull()
        expect(await codeOf(store.staff.update(b, 'nobody', { status: 'online' }))).toBe('not_found')

        await store.staff.update(a, alice.id, { status: 'online', maxChats: 5, updatedAt: at(60) })
        const updated = await store.staff.get(a, alice.id)
        expect([updated?.status, updated?.maxChats, updated?.updatedAt]).toEqual(['online', 5, at(60)])
        expect((await store.staff.get(b, alice.id))?.status).toBe('offline')

        expect(await store.staff.delete(a, alice.id)).toBe(true)
        expect(await store.staff.delete(a, alice.id)).toBe(false)
        expect(await store.staff.get(a, alice.id)).toBeNull()
        expect(await store.staff.get(b, alice.id)).not.toBeNull()
      })

      it('stores sessions, revokes one or all of an account, and drops them with the account', async () => {
        const shop = await newShop()
        const alice = account(shop)
        await store.staff.create(alice)
        const session = (id: string): StaffSession => ({
          id,
          shopId: shop,
          accountId: alice.id,
          csrfToken: `csrf-${id}`,
          createdAt: at(0),
          expiresAt: at(3600),
          revokedAt: null,
        })
        const s1 = `${shop}-s1`
        const s2 = `${shop}-s2`
        const s3 = `${shop}-s3`
        for (const id of [s1, s2, s3]) await store.staffSessions.create(session(id))
        expect(await store.staffSessions.get(s1)).toEqual(session(s1))
        await store.staffSessions.revoke(s1, at(10))
        expect((await store.staffSessions.get(s1))?.revokedAt).toBe(at(10))
        expect(await store.staffSessions.revokeAll(shop, alice.id, at(20))).toBe(2)
        expect((await store.staffSessions.get(s1))?.revokedAt).toBe(at(10))
        expect((await store.staffSessions.get(s3))?.revokedAt).toBe(at(20))
        expect(await store.staffSessions.get('missing')).toBeNull()
        await store.staff.delete(shop, alice.id)
        expect(await store.staffSessions.get(s2)).toBeNull()
      })

      it('appends audit entries and lists them newest first, filtered, per shop', async () => {
        const a = await newShop()
        const b = await newShop()
        const entry = (n: number, o: Partial<AuditEntry> = {}): AuditEntry => ({
          id: `aud_${n}`,
          shopId: a,
          actorId: 'stf_1',
          actorName: 'Alice',
          actorKind: 'staff',
          action: 'conversation.claim',
          target: `conv_${n}`,
          data: { n },
          createdAt: at(n),
          ...o,
        })
        await store.audit.append(entry(1))
        await store.audit.append(entry(2, { action: 'knowledge.publish', target: null }))
        await store.audit.append(entry(3, { actorId: 'stf_2', actorName: 'Bob' }))
        expect((await store.audit.list(a)).map((e) => e.id)).toEqual(['aud_3', 'aud_2', 'aud_1'])
        expect(await store.audit.list(a, { actorId: 'stf_1', action: 'knowledge.publish' })).toEqual([
          entry(2, { action: 'knowledge.publish', target: null }),
        ])
        expect((await store.audit.list(a, { since: at(2), limit: 1 })).map((e) => e.id)).toEqual(['aud_3'])
        expect(await store.audit.list(b)).toEqual([])
      })
    })
  })
}
