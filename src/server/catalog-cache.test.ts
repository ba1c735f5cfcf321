import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeFault } from '../../test/helpers/store-fixtures.js'
import { openStore } from '../adapters/open-store.js'
import type { Product } from '../core/domain/schemas.js'
import type { Store } from '../core/ports/store.js'
import { withCatalogCache } from './catalog-cache.js'

const product = (sku: string, price: number): Product => ({
  sku,
  title: `Jacket ${sku}`,
  category: 'apparel/down-jacket',
  brand: 'Kefu',
  price,
  currency: 'CNY',
  stock: 3,
  attributes: { colors: ['black', 'navy'] },
  description: '保暖轻便',
})

const opened: Store[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** Two stores on one SQLite file, as two processes would have, the first behind the cache. */
async function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-catalog-cache-'))
  dirs.push(dir)
  const url = `sqlite:${join(dir, 'kefu.db')}`
  const raw = await openStore(url)
  await raw.migrate()
  const other = await openStore(url)
  opened.push(raw, other)
  await raw.shops.upsert({
    id: 's1',
    name: 'Shop',
    widgetSecret: 'w'.repeat(32),
    apiKey: 'k'.repeat(32),
    demo: false,
    settings: {},
    createdAt: new Date(0).toISOString(),
  })
  await raw.products.upsertMany('s1', [product('A1', 100), product('B2', 200)])
  let clock = 0
  const read = raw.products.list.bind(raw.products)
  const list = vi.spyOn(raw.products, 'list')
  const get = vi.spyOn(raw.products, 'get')
  const cache = withCatalogCache(raw, { ttlMs: 1000, now: () => clock })
  return { cache, store: cache.store, other, list, read, get, tick: (ms: number) => (clock += ms) }
}

describe('withCatalogCache', () => {
  it('reads a catalog page and a product once, then from memory', async () => {
    const { store, list, get } = await setUp()
    const first = await store.products.list('s1', { limit: 500 })
    const second = await store.products.list('s1', { limit: 500 })
    expect(second.map((p) => p.sku)).toEqual(['A1', 'B2'])
    expect(second).toEqual(first)
    expect(second).not.toBe(first) // every caller gets its own array
    expect((await store.products.get('s1', 'A1'))?.price).toBe(100)
    expect((await store.products.get('s1', 'A1'))?.price).toBe(100)
    expect(list).toHaveBeenCalledTimes(1)
    expect(get).toHaveBeenCalledTimes(1)
    // Another page is another entry.
    expect(await store.products.list('s1', { limit: 1 })).toHaveLength(1)
    expect(list).toHaveBeenCalledTimes(2)
  })

  it('shares products frozen: a caller cannot change them for the others', async () => {
    const { store } = await setUp()
    const [p] = await store.products.list('s1', { limit: 500 })
    expect(() => {
      ;(p as { price: number }).price = 1
    }).toThrow(TypeError)
    expect(() => (p!.attributes.colors as string[]).push('red')).toThrow(TypeError)
    expect((await store.products.list('s1', { limit: 500 }))[0]?.price).toBe(100)
  })

  it('sees a product write through it at once, also one inside a transaction', async () => {
    const { store } = await setUp()
    await store.products.list('s1', { limit: 500 })
    await store.products.get('s1', 'A1')
    await store.products.upsertMany('s1', [product('A1', 90)])
    expect((await store.products.get('s1', 'A1'))?.price).toBe(90)
    await store.transaction(async (tx) => {
      await tx.products.upsertMany('s1', [product('C3', 300)])
      await tx.products.deleteMany('s1', ['B2'])
    })
    expect((await store.products.list('s1', { limit: 500 })).map((p) => [p.sku, p.price])).toEqual([
      ['A1', 90],
      ['C3', 300],
    ])
    expect(await store.products.get('s1', 'B2')).toBeNull()
  })

  it('sees a write by another process after the TTL, or at once when told', async () => {
    const { cache, store, other, tick } = await setUp()
    await store.products.list('s1', { limit: 500 })
    await other.products.upsertMany('s1', [product('B2', 250)])
    expect((await store.products.list('s1', { limit: 500 }))[1]?.price).toBe(200) // not heard of yet
    tick(1000)
    expect((await store.products.list('s1', { limit: 500 }))[1]?.price).toBe(250)
    await other.products.upsertMany('s1', [product('B2', 260)])
    cache.invalidate('s1')
    expect((await store.products.list('s1', { limit: 500 }))[1]?.price).toBe(260)
  })

  it('keeps the fault guide: read once, frozen, dropped by a write through it, another process seen after the TTL', async () => {
    const { store, other, tick } = await setUp()
    await store.faults.upsertMany('s1', [makeFault({ id: 'f1', symptom: '左耳没有声音' })])
    expect((await store.faults.list('s1')).map((f) => f.symptom)).toEqual(['左耳没有声音'])
    const [f] = await store.faults.list('s1')
    expect(() => (f!.solutions as string[]).push('x')).toThrow(TypeError)
    await store.transaction((tx) => tx.faults.upsertMany('s1', [makeFault({ id: 'f1', symptom: '右耳没有声音' })]))
    expect((await store.faults.list('s1')).map((f) => f.symptom)).toEqual(['右耳没有声音'])
    await other.faults.upsertMany('s1', [makeFault({ id: 'f2' })])
    expect(await store.faults.list('s1')).toHaveLength(1) // not heard of yet
    tick(1000)
    expect(await store.faults.list('s1')).toHaveLength(2)
  })

  it('reads keyset pages (index builds) through, without keeping them', async () => {
    const { store, list } = await setUp()
    await store.products.list('s1', { limit: 1, afterSku: 'A1' })
    await store.products.list('s1', { limit: 1, afterSku: 'A1' })
    expect(list).toHaveBeenCalledTimes(2)
  })

  it('does not keep a read that a write overtook', async () => {
    const { store, list, read } = await setUp()
    let release: () => void = () => undefined
    const gate = new Promise<void>((r) => {
      release = r
    })
    list.mockImplementationOnce(async (shopId, page) => {
      const rows = await read(shopId, page)
      await gate
      return rows
    })
    const stale = store.products.list('s1', { limit: 500 })
    await store.products.upsertMany('s1', [product('A1', 50)])
    release()
    await stale
    expect((await store.products.list('s1', { limit: 500 }))[0]?.price).toBe(50)
  })

  it('a change of one product keeps the pages it is not on; a page it is on, or may have joined, is read again', async () => {
    const { store, list } = await setUp()
    const lamp = (sku: string, price: number): Product => ({ ...product(sku, price), category: 'home/lamp' })
    await store.products.upsertMany('s1', [lamp('L1', 50), lamp('L2', 60)])
    const pages = async () => ({
      jackets: (await store.products.list('s1', { category: 'apparel/down-jacket', limit: 500 })).map((p) => [
        p.sku,
        p.price,
      ]),
      lamps: (await store.products.list('s1', { category: 'home/lamp', limit: 500 })).map((p) => [p.sku, p.price]),
      firstLamp: (await store.products.list('s1', { category: 'home/lamp', limit: 1 })).map((p) => p.sku),
    })
    await pages()
    list.mockClear()
    // A price change read first (as the admin PATCH does, inside a transaction): only the lamp pages holding it.
    await store.transaction(async (tx) => {
      const l2 = await tx.products.get('s1', 'L2')
      await tx.products.upsertMany('s1', [{ ...l2!, price: 65 }])
    })
    expect(await pages()).toEqual({
      jackets: [
        ['A1', 100],
        ['B2', 200],
      ],
      lamps: [
        ['L1', 50],
        ['L2', 65],
      ],
      firstLamp: ['L1'],
    })
    expect(list).toHaveBeenCalledTimes(1)
    // The same through a cached read and a plain write (the admin PUT).
    list.mockClear()
    await store.products.get('s1', 'A1')
    await store.products.upsertMany('s1', [product('A1', 110)])
    expect((await pages()).jackets).toEqual([
      ['A1', 110],
      ['B2', 200],
    ])
    expect(list).toHaveBeenCalledTimes(1)
    // A new lamp may join every lamp page; a product that moves to lamps leaves the jacket page.
    list.mockClear()
    await store.products.upsertMany('s1', [lamp('L0', 40)])
    await store.products.upsertMany('s1', [lamp('B2', 70)])
    expect(await pages()).toEqual({
      jackets: [['A1', 110]],
      lamps: [
        ['B2', 70],
        ['L0', 40],
        ['L1', 50],
        ['L2', 65],
      ],
      firstLamp: ['B2'],
    })
    expect(list).toHaveBeenCalledTimes(3)
    expect((await store.products.get('s1', 'B2'))?.category).toBe('home/lamp')
  })
})
