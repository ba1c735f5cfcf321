/**
 * Index builds off the request path: the previous index answers while a new one is built, is
 * swapped whole, keeps answering when a build fails, and no product change made during a build
 * is lost. Builds are held mid-way by gating the store's catalog read (no timing involved).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Product } from '../../src/core/domain/schemas.js'
import { createKnowledgeService, type KnowledgeService } from '../../src/core/knowledge/knowledge-service.js'
import type { Store } from '../../src/core/ports/store.js'
import { makeFaq, makeProduct, openTestStore, type TestStore } from './fixtures.js'

type Gate = { held: Promise<void>; release: () => void }
const gate = (): Gate => {
  let release = () => {}
  const held = new Promise<void>((r) => {
    release = r
  })
  return { held, release }
}

describe('knowledge index rebuilds', () => {
  let t: TestStore
  let knowledge: KnowledgeService
  let hold: Gate | null
  let failNext: Error | null
  /** Catalog reads before failNext fails one (0: the next read fails). */
  let failAfterReads = 0
  /** Holds the FAQ/fault assembly of a build (its read of the faults) while set. */
  let holdText: Gate | null
  const warnings: Array<{ obj: Record<string, unknown>; msg: string }> = []

  beforeEach(async () => {
    t = await openTestStore()
    hold = null
    holdText = null
    failNext = null
    failAfterReads = 0
    warnings.length = 0
    const products = t.store.products
    // The catalog read of a build: reads the rows now, then waits for the gate (a build in flight).
    const store: Store = {
      ...t.store,
      products: {
        ...products,
        list: async (shopId, page) => {
          if (failNext && failAfterReads-- <= 0) {
            const e = failNext
            failNext = null
            throw e
          }
          const rows = await products.list(shopId, page)
          if (hold) await hold.held
          return rows
        },
      },
      faults: {
        ...t.store.faults,
        list: async (shopId) => {
          const rows = await t.store.faults.list(shopId)
          if (holdText) await holdText.held
          return rows
        },
      },
    }
    knowledge = createKnowledgeService({
      store,
      logger: {
        info: () => {},
        debug: () => {},
        warn: (obj, msg) => warnings.push({ obj: obj as Record<string, unknown>, msg }),
      },
    })
  })
  afterEach(async () => {
    hold?.release()
    holdText?.release()
    await t.close()
  })

  const phone = (sku: string, title: string): Product =>
    makeProduct({ sku, title, category: 'electronics/phone', brand: '极光', aliases: [sku] })

  it('says a first index is building, then ready', async () => {
    hold = gate()
    const first = knowledge.forShop('shop1')
    await Promise.resolve()
    expect(knowledge.states().shop1?.state).toBe('building')
    hold.release()
    await first
    expect(knowledge.states().shop1?.state).toBe('ready')
  })

  it('keeps answering from the complete previous index while a rebuild is in flight, then swaps', async () => {
    const before = await knowledge.forShop('shop1')
    const size = before.catalog.size
    await t.store.products.upsertMany('shop1', [phone('ZN-9', '极光 ZN-9 折叠屏手机')])
    hold = gate()
    knowledge.invalidate('shop1')
    expect(knowledge.states().shop1?.state).toBe('rebuilding')
    const during = await knowledge.forShop('shop1')
    expect(during).toBe(before)
    expect(during.catalog.size).toBe(size)
    expect(during.graph.get('ZN-9')).toBeUndefined()
    hold.release()
    await knowledge.settled('shop1')
    const after = await knowledge.forShop('shop1')
    expect(after).not.toBe(before)
    expect(after.graph.get('ZN-9')?.title).toBe('极光 ZN-9 折叠屏手机')
    expect(after.catalog.size).toBe(size + 1)
    expect(knowledge.states().shop1?.state).toBe('ready')
  })

  it('does not lose a product change made while a rebuild is in flight', async () => {
    await knowledge.forShop('shop1')
    hold = gate()
    // The rebuild reads the catalog now, before the change below is written.
    knowledge.invalidate('shop1')
    await new Promise((r) => setImmediate(r))
    await t.store.products.upsertMany('shop1', [phone('ZN-7', '极光 ZN-7 旗舰手机')])
    knowledge.invalidate('shop1', { change: { scope: 'products', skus: ['ZN-7'] } })
    // Visible on the very next message, from the index still serving…
    const during = await knowledge.forShop('shop1')
    expect(during.graph.get('ZN-7')).toBeDefined()
    const a = await during.answer('ZN-7 多少钱')
    expect(a.status === 'answer' && a.hit.id).toBe('ZN-7')
    hold.release()
    await knowledge.settled('shop1')
    // …and still there after the rebuild that had read the catalog without it is swapped in.
    const after = await knowledge.forShop('shop1')
    expect(after).not.toBe(during)
    expect(after.graph.get('ZN-7')).toBeDefined()
    const b = await after.answer('ZN-7 多少钱')
    expect(b.status === 'answer' && b.hit.id).toBe('ZN-7')
  })

  it('updates and deletes products in place without a rebuild', async () => {
    const kb = await knowledge.forShop('shop1')
    await t.store.products.upsertMany('shop1', [phone('ZN-5', '极光 ZN-5 青春手机')])
    knowledge.invalidate('shop1', { change: { scope: 'products', skus: ['ZN-5'] } })
    const same = await knowledge.forShop('shop1')
    expect(same).toBe(kb)
    expect((await same.search('极光 ZN-5 青春手机', { kinds: ['product'] }))[0]?.id).toBe('ZN-5')
    expect(knowledge.states().shop1?.state).toBe('ready')
  })

  it('keeps the old index serving and logs why when a rebuild fails', async () => {
    const before = await knowledge.forShop('shop1')
    failNext = new Error('disk on fire')
    knowledge.invalidate('shop1')
    await knowledge.settled('shop1')
    const after = await knowledge.forShop('shop1')
    expect(after).toBe(before)
    const a = await after.answer('X2 Pro 多少钱？')
    expect(a.status === 'answer' && a.hit.id).toBe('PH-X2P')
    expect(warnings.some((w) => w.obj.err === 'disk on fire' && /previous index keeps answering/.test(w.msg))).toBe(
      true,
    )
    expect(knowledge.states().shop1).toMatchObject({ state: 'ready', lastError: 'disk on fire' })
  })

  it('keeps the old index when a rebuild fails half-way through the catalog', async () => {
    const before = await knowledge.forShop('shop1')
    // The first pass (product graph) reads the catalog; the second (sparse index) fails.
    failNext = new Error('connection reset')
    failAfterReads = 1
    knowledge.invalidate('shop1')
    await knowledge.settled('shop1')
    expect(await knowledge.forShop('shop1')).toBe(before)
    expect(before.catalog.size).toBe(before.graph.size)
    expect(warnings.some((w) => w.obj.err === 'connection reset')).toBe(true)
    // The next full change builds again, and succeeds.
    await t.store.products.upsertMany('shop1', [phone('ZN-3', '极光 ZN-3 长续航手机')])
    knowledge.invalidate('shop1')
    await knowledge.settled('shop1')
    const after = await knowledge.forShop('shop1')
    expect(after).not.toBe(before)
    expect(after.graph.get('ZN-3')).toBeDefined()
    expect(knowledge.states().shop1?.lastError).toBeUndefined()
  })

  it('does not bring back a product deleted while a rebuild is in flight', async () => {
    await knowledge.forShop('shop1')
    hold = gate()
    // The rebuild reads the catalog (with PH-X2P) before the delete below.
    knowledge.invalidate('shop1')
    await new Promise((r) => setImmediate(r))
    await t.store.products.deleteMany('shop1', ['PH-X2P'])
    knowledge.invalidate('shop1', { change: { scope: 'products', skus: ['PH-X2P'] } })
    expect((await knowledge.forShop('shop1')).graph.get('PH-X2P')).toBeUndefined()
    hold.release()
    await knowledge.settled('shop1')
    const after = await knowledge.forShop('shop1')
    expect(after.graph.get('PH-X2P')).toBeUndefined()
    expect(after.catalog.entryOf('PH-X2P')).toBeUndefined()
    const hits = await after.search('X2 Pro', { kinds: ['product'] })
    expect(hits.map((h) => h.id)).not.toContain('PH-X2P')
  })

  it('does not lose a FAQ entry published while a rebuild is in flight', async () => {
    await knowledge.forShop('shop1')
    hold = gate()
    knowledge.invalidate('shop1')
    await new Promise((r) => setImmediate(r))
    await t.store.faq.upsertMany('shop1', [
      makeFaq({ id: 'faq-gift-wrap', question: '可以礼品包装吗', answer: '可以，下单时备注礼品包装即可。' }),
    ])
    // The publish's request resolves when the FAQ serves: the next message sees it.
    await knowledge.invalidate('shop1', { change: { scope: 'text' } })
    const now = await (await knowledge.forShop('shop1')).answer('可以礼品包装吗')
    expect(now.status === 'answer' && now.hit.id).toBe('faq-gift-wrap')
    hold.release()
    await knowledge.settled('shop1')
    const after = await (await knowledge.forShop('shop1')).answer('可以礼品包装吗')
    expect(after.status === 'answer' && after.hit.id).toBe('faq-gift-wrap')
  })

  it('does not lose a product change made while a rebuild assembles its FAQ and faults', async () => {
    const before = await knowledge.forShop('shop1')
    holdText = gate()
    // The rebuild reads the whole catalog, then waits in its FAQ/fault assembly.
    knowledge.invalidate('shop1')
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r))
    await t.store.products.upsertMany('shop1', [phone('ZN-8', '极光 ZN-8 商务手机')])
    await knowledge.invalidate('shop1', { change: { scope: 'products', skus: ['ZN-8'] } })
    expect((await knowledge.forShop('shop1')).graph.get('ZN-8')).toBeDefined()
    holdText.release()
    await knowledge.settled('shop1')
    const after = await knowledge.forShop('shop1')
    expect(after).not.toBe(before)
    expect(after.graph.get('ZN-8')).toBeDefined()
    const a = await after.answer('ZN-8 多少钱')
    expect(a.status === 'answer' && a.hit.id).toBe('ZN-8')
  })

  it('answers from the previous FAQ while a publish is rebuilt, and from the new one once it resolves', async () => {
    const before = await knowledge.forShop('shop1')
    await t.store.faq.upsertMany('shop1', [
      makeFaq({ id: 'faq-gift-card', question: '可以用礼品卡付款吗', answer: '可以，结算时选择礼品卡。' }),
    ])
    holdText = gate()
    const published = knowledge.invalidate('shop1', { change: { scope: 'text' } })
    await new Promise((r) => setImmediate(r))
    // A message meanwhile does not wait for the FAQ rebuild: the previous index answers it.
    const during = await knowledge.forShop('shop1')
    expect(during).toBe(before)
    const a = await during.answer('可以用礼品卡付款吗')
    expect(a.status === 'answer' && a.hit.id).not.toBe('faq-gift-card')
    holdText.release()
    await published
    const b = await (await knowledge.forShop('shop1')).answer('可以用礼品卡付款吗')
    expect(b.status === 'answer' && b.hit.id).toBe('faq-gift-card')
  })

  it('never lets a reader see a half-built index, at any pause of a rebuild', async () => {
    // Enough products for the catalog read to pause between pages (200 rows a page).
    const many = Array.from({ length: 1100 }, (_, i) =>
      makeProduct({ sku: `BULK-${i}`, title: `批量商品 ${i} 号`, category: 'home/bulk', brand: '批量' }),
    )
    await t.store.products.upsertMany('shop1', many)
    const seen: Array<{ same: boolean; size: number; graph: number }> = []
    let watching = false
    let served: Awaited<ReturnType<KnowledgeService['forShop']>> | null = null
    const paused = createKnowledgeService({
      store: t.store,
      pause: async () => {
        if (watching) {
          const kb = await paused.forShop('shop1')
          seen.push({ same: kb === served, size: kb.catalog.size, graph: kb.graph.size })
        }
        await new Promise((r) => setImmediate(r))
      },
    })
    served = await paused.forShop('shop1')
    const size = served.catalog.size
    await t.store.products.upsertMany('shop1', [{ ...phone('ZN-1', '极光 ZN-1 入门手机'), aliases: ['星耀青春版'] }])
    watching = true
    paused.invalidate('shop1')
    await paused.settled('shop1')
    watching = false
    // Two passes over three pages: at least four pauses, each seeing the whole previous index.
    expect(seen.length).toBeGreaterThanOrEqual(4)
    expect(seen.every((x) => x.same && x.size === size && x.graph === size)).toBe(true)
    const after = await paused.forShop('shop1')
    expect(after.catalog.size).toBe(size + 1)
    expect(after.graph.size).toBe(size + 1)
    // The catalog's names joined the tokenizer's dictionary in slices: a product's name stays whole.
    expect(after.catalog.tokenizer.terms('星耀青春版多少钱')).toContain('星耀青春版')
    expect(served.catalog.tokenizer.terms('星耀青春版多少钱')).not.toContain('星耀青春版')
  })
})
