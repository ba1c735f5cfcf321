/**
 * The shop's NLU engine (product names, Chinese user dictionary) follows the catalog without a
 * rebuild per change and is rebuilt off the request path: the previous engine answers while a
 * new one is built, a product changed during the build is not lost, a failed build keeps the old
 * engine and logs why. Builds are held mid-way by gating the store's catalog read (no timing).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/adapters/clock/system-clock.js'
import { intentModelPath } from '../../src/adapters/nlu-model-file/intent-model-file.js'
import type { NluEngine } from '../../src/core/nlu/types.js'
import type { Store } from '../../src/core/ports/store.js'
import { createNluProvider, type NluProvider } from '../../src/server/nlu-provider.js'
import { makeProduct, openTestStore, type TestStore } from '../knowledge/fixtures.js'

const ROOT = join(import.meta.dirname, '../..')

type Gate = { held: Promise<void>; release: () => void; reached: Promise<void>; reach: () => void }
const gate = (): Gate => {
  let release = () => {}
  let reach = () => {}
  const held = new Promise<void>((r) => {
    release = r
  })
  const reached = new Promise<void>((r) => {
    reach = r
  })
  return { held, release, reached, reach }
}

const productsIn = (nlu: NluEngine, text: string) =>
  nlu
    .analyze(text)
    .entities.filter((e) => e.type === 'product')
    .map((e) => e.value)

describe('NLU engine: catalog deltas and rebuilds', () => {
  let t: TestStore
  let nlu: NluProvider
  let dataDir: string
  let hold: Gate | null
  let failNext: Error | null
  let holdAfter = 0
  const warnings: string[] = []

  beforeEach(async () => {
    t = await openTestStore()
    dataDir = mkdtempSync(join(tmpdir(), 'kefu-nlu-'))
    hold = null
    holdAfter = 0
    failNext = null
    warnings.length = 0
    const products = t.store.products
    const store: Store = {
      ...t.store,
      products: {
        ...products,
        list: async (shopId, page) => {
          if (failNext) {
            const e = failNext
            failNext = null
            throw e
          }
          const rows = await products.list(shopId, page)
          // `holdAfter` pages are let through before the gate closes (a build stopped half-way).
          if (hold && holdAfter-- <= 0) {
            hold.reach()
            await hold.held
          }
          return rows
        },
      },
    }
    const logger = {
      info: () => {},
      debug: () => {},
      warn: (_obj: unknown, msg: string) => warnings.push(msg),
    } as unknown as Logger
    nlu = createNluProvider({ store, dataDir, rootDir: ROOT, logger, clock: systemClock() })
  })

  afterEach(async () => {
    hold?.release()
    await t.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('loads the intent model before the first message when warmed (a server does before it listens)', async () => {
    expect(existsSync(intentModelPath(dataDir))).toBe(false)
    nlu.warmModel()
    expect(existsSync(intentModelPath(dataDir))).toBe(true)
    expect((await nlu.forShop(t.shop.id)).analyze('我的订单到哪了').intent).toBe('order_status')
  })

  it('names a product added through the feed in the next message, without a rebuild', async () => {
    const before = await nlu.forShop(t.shop.id)
    expect(productsIn(before, '极光Z9手机有货吗')).toEqual([])
    await t.store.products.upsertMany(t.shop.id, [makeProduct({ sku: 'Z9', title: '极光Z9手机' })])
    await nlu.applyProducts(t.shop.id, ['Z9'])
    const after = await nlu.forShop(t.shop.id)
    expect(after).toBe(before)
    expect(productsIn(after, '极光Z9手机有货吗')).toEqual(['Z9'])
    await t.store.products.deleteMany(t.shop.id, ['Z9'])
    await nlu.applyProducts(t.shop.id, ['Z9'])
    expect(productsIn(after, '极光Z9手机有货吗')).toEqual([])
  })

  it('answers with the whole previous engine while a rebuild is in flight, and keeps a change made during it', async () => {
    const old = await nlu.forShop(t.shop.id)
    hold = gate()
    nlu.invalidate(t.shop.id)
    // The rebuild starts and stops at its first catalog page: every reader gets the old engine.
    const during = await nlu.forShop(t.shop.id)
    expect(during).toBe(old)
    expect(productsIn(during, '云朵轻暖90白鸭绒短款羽绒服女还有吗')).toEqual(['DJ-001'])
    // A product added while the rebuild reads the catalog (after its page was read).
    await hold.reached
    await t.store.products.upsertMany(t.shop.id, [makeProduct({ sku: 'ZZ-NEW', title: '极光Z9手机' })])
    await nlu.applyProducts(t.shop.id, ['ZZ-NEW'])
    hold.release()
    hold = null
    await nlu.settled(t.shop.id)
    const rebuilt = await nlu.forShop(t.shop.id)
    expect(rebuilt).not.toBe(old)
    expect(productsIn(rebuilt, '极光Z9手机有货吗')).toEqual(['ZZ-NEW'])
    expect(productsIn(rebuilt, '云朵轻暖90白鸭绒短款羽绒服女还有吗')).toEqual(['DJ-001'])
  })

  it('never answers from a half-built engine: a catalog renamed page by page is seen whole or not at all', async () => {
    // 450 products: the build reads them in three pages of 200.
    const catalog = (name: string) =>
      Array.from({ length: 450 }, (_, i) =>
        makeProduct({ sku: `BIG-${String(i).padStart(3, '0')}`, title: `${name}K${i}型` }),
      )
    await t.store.products.upsertMany(t.shop.id, catalog('极光手机'))
    const old = await nlu.forShop(t.shop.id)
    expect(productsIn(old, '极光手机K7型有货吗')).toEqual(['BIG-007'])
    await t.store.products.upsertMany(t.shop.id, catalog('翠鸟台灯'))
    hold = gate()
    holdAfter = 2
    nlu.invalidate(t.shop.id)
    const during = nlu.forShop(t.shop.id)
    // Two pages of the renamed catalog are in the new matcher; readers still get the old engine, whole.
    await hold.reached
    const served = await during
    expect(served).toBe(old)
    expect(productsIn(served, '极光手机K7型有货吗')).toEqual(['BIG-007'])
    expect(productsIn(served, '极光手机K444型有货吗')).toEqual(['BIG-444'])
    expect(productsIn(served, '翠鸟台灯K7型有货吗')).toEqual([])
    hold.release()
    hold = null
    await nlu.settled(t.shop.id)
    const rebuilt = await nlu.forShop(t.shop.id)
    expect(rebuilt).not.toBe(old)
    expect(productsIn(rebuilt, '翠鸟台灯K7型有货吗')).toEqual(['BIG-007'])
    expect(productsIn(rebuilt, '翠鸟台灯K444型有货吗')).toEqual(['BIG-444'])
    expect(productsIn(rebuilt, '极光手机K7型有货吗')).toEqual([])
  })

  it('keeps the previous engine answering when a rebuild fails, and logs why', async () => {
    const old = await nlu.forShop(t.shop.id)
    failNext = new Error('disk on fire')
    nlu.invalidate(t.shop.id)
    expect(await nlu.forShop(t.shop.id)).toBe(old)
    await nlu.settled(t.shop.id)
    expect(warnings).toContain('NLU engine rebuild failed; the previous engine keeps answering')
    expect(await nlu.forShop(t.shop.id)).toBe(old)
    expect(productsIn(old, '云朵轻暖90白鸭绒短款羽绒服女还有吗')).toEqual(['DJ-001'])
  })
})
