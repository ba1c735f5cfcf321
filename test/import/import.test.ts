/**
 * Importers: whole-file validation (nothing stored on any bad row), upsert counts, CSV FAQ,
 * progress, referential checks, and the `kefu import` CLI in a child process.
 */
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { openSqliteStore } from '../../src/adapters/store-sql/sqlite-store.js'
import type { Customer, Order, Product } from '../../src/core/domain/schemas.js'
import { AppError } from '../../src/core/errors.js'
import type { Store } from '../../src/core/ports/store.js'
import { ensureShop } from '../../src/server/import/ensure-shop.js'
import {
  type ImportErrorDetails,
  type ImportProgress,
  importFile,
  importFiles,
} from '../../src/server/import/import-file.js'
import {
  makeCustomer,
  makeFault,
  makeOrder,
  makeProduct,
  type OpenedStore,
  storeBackends,
} from '../helpers/store-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

const run = promisify(execFile)
const ROOT = resolve(import.meta.dirname, '../..')

const jsonl = (rows: unknown[]) => `${rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')}\n`

async function rejection(p: Promise<unknown>): Promise<{ code: string; details: ImportErrorDetails }> {
  const e = await p.then(
    () => {
      throw new Error('expected the import to be rejected')
    },
    (err: unknown) => err,
  )
  if (!AppError.isInstance(e)) throw e
  return { code: e.code, details: e.options.details as ImportErrorDetails }
}

/** The store, whose `kind` upsertMany fails on its n-th call (inside transactions too). */
function failingStore(store: Store, kind: 'products' | 'faults', n: number): Store {
  let calls = 0
  const wrap = (s: Store): Store => ({
    ...s,
    transaction: (fn) => s.transaction((tx) => fn(wrap(tx))),
    [kind]: {
      ...s[kind],
      upsertMany: async (shopId: string, rows: never[]) => {
        if (++calls === n) throw new Error('disk full')
        await s[kind].upsertMany(shopId, rows)
      },
    },
  })
  return wrap(store)
}

describe('sqlite: a large product import and the write lock', () => {
  const dir = tempDir('kefu-import-lock-')
  afterAll(() => dir.remove())

  it('commits batch by batch: another process can write between two batches without waiting', async () => {
    const path = join(dir.path, 'kefu.db')
    const importer = await openSqliteStore(path)
    await importer.migrate()
    // The server's connection, not willing to wait at all for the importer's lock.
    const server = await openSqliteStore(path, { busyTimeoutMs: 0 })
    try {
      const { id: shopId } = await ensureShop(importer, 'lock-shop')
      const rows = Array.from({ length: 1200 }, (_, i) => makeProduct({ sku: `L${String(i).padStart(5, '0')}` }))
      const file = join(dir.path, 'big.jsonl')
      writeFileSync(file, jsonl(rows))
      const writes: Array<Promise<unknown>> = []
      await importFile(importer, 'products', file, {
        shopId,
        batchSize: 300,
        progressEvery: 300,
        onProgress: (p) => {
          if (p.phase === 'write' && p.rows < 1200)
            writes.push(server.products.upsertMany(shopId, [makeProduct({ sku: `SERVER-${p.rows}` })]))
        },
      })
      const outcomes = await Promise.allSettled(writes)
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled'])
      expect(await importer.products.count(shopId)).toBe(1203)
    } finally {
      await server.close()
      await importer.close()
    }
  })
})

for (const backend of storeBackends()) {
  describe(`${backend.name}: importFile`, () => {
    const dir = tempDir('kefu-import-')
    let opened: OpenedStore
    let store: Store
    let n = 0
    const file = (name: string, text: string) => {
      const p = join(dir.path, `${n++}-${name}`)
      writeFileSync(p, text)
      return p
    }
    const newShop = async () => (await ensureShop(store, `shop-${n++}`)).id

    beforeAll(async () => {
      opened = await backend.open()
      store = opened.store
    })
    afterAll(async () => {
      await opened?.cleanup()
      dir.remove()
    })

    it('imports JSONL, skipping blank lines, and upserts by id with inserted/updated counts', async () => {
      const shopId = await newShop()
      const a = makeProduct({ sku: 'A', price: 10 })
      const b = makeProduct({ sku: 'B', price: 20 })
      const first = await importFile(store, 'products', file('p.jsonl', `${jsonl([a])}\n\n${jsonl([b])}`), { shopId })
      expect(first).toMatchObject({ kind: 'products', read: 2, inserted: 2, updated: 0 })
      const c = makeProduct({ sku: 'C' })
      const second = await importFile(store, 'products', file('p2.jsonl', jsonl([{ ...a, price: 11 }, c])), { shopId })
      expect(second).toMatchObject({ read: 2, inserted: 1, updated: 1 })
      expect(await store.products.count(shopId)).toBe(3)
      expect((await store.products.get(shopId, 'A'))?.price).toBe(11)
    })

    it('rejects a file with one bad row in the middle, naming file, line and field, and stores none of it', async () => {
      const shopId = await newShop()
      const kept = makeProduct({ sku: 'KEEP', price: 5 })
      await importFile(store, 'products', file('seed.jsonl', jsonl([kept])), { shopId })
      const before = await store.products.get(shopId, 'KEEP')

      const rows: unknown[] = [
        { ...kept, price: 999, title: 'overwritten?' },
        makeProduct({ sku: 'N1' }),
        { ...makeProduct({ sku: 'N2' }), price: 'cheap' },
        makeProduct({ sku: 'N3' }),
      ]
      const path = file('bad.jsonl', jsonl(rows))
      const { code, details } = await rejection(importFile(store, 'products', path, { shopId }))
      expect(code).toBe('invalid_input')
      expect(details.total).toBe(1)
      expect(details.errors).toEqual([{ file: path, line: 3, field: 'price', message: expect.any(String) }])
      expect(await store.products.count(shopId)).toBe(1)
      expect(await store.products.get(shopId, 'N1')).toBeNull()
      expect(await store.products.get(shopId, 'KEEP')).toEqual(before)
    })

    it('reports nested fields, bad JSON and non-object lines with their line numbers', async () => {
      const shopId = await newShop()
      await store.customers.upsertMany(shopId, [makeCustomer({ id: 'c1' })])
      const good = makeOrder({ orderNo: 'O1', customerId: 'c1' })
      const path = file(
        'orders.jsonl',
        jsonl([
          good,
          '',
          { ...makeOrder({ orderNo: 'O2', customerId: 'c1' }), items: [{ sku: 'X', qty: 0, price: 1 }] },
          '{"orderNo": ',
          '[1,2]',
        ]),
      )
      const { details } = await rejection(importFile(store, 'orders', path, { shopId }))
      expect(details.errors.map((e) => [e.line, e.field])).toEqual([
        [3, 'items.0.qty'],
        [4, '(json)'],
        [5, '(row)'],
      ])
      expect(await store.orders.count(shopId)).toBe(0)
    })

    it('rejects duplicate ids inside one file at the later line', async () => {
      const shopId = await newShop()
      const path = file(
        'dup.jsonl',
        jsonl([makeCustomer({ id: 'c1' }), makeCustomer({ id: 'c2' }), makeCustomer({ id: 'c1' })]),
      )
      const { details } = await rejection(importFile(store, 'customers', path, { shopId }))
      expect(details.errors).toEqual([{ file: path, line: 3, field: 'id', message: expect.stringContaining('line 1') }])
      expect(await store.customers.count(shopId)).toBe(0)
    })

    it('rejects orders whose customer is neither in the shop nor in the same import set', async () => {
      const shopId = await newShop()
      await store.customers.upsertMany(shopId, [makeCustomer({ id: 'stored' })])
      const orders: Order[] = [
        makeOrder({ orderNo: 'O1', customerId: 'stored' }),
        makeOrder({ orderNo: 'O2', customerId: 'ghost' }),
        makeOrder({ orderNo: 'O3', customerId: 'in-set' }),
      ]
      const ordersPath = file('orders.jsonl', jsonl(orders))
      const alone = await rejection(importFile(store, 'orders', ordersPath, { shopId }))
      expect(alone.details.errors.map((e) => [e.line, e.field])).toEqual([
        [2, 'customerId'],
        [3, 'customerId'],
      ])

      const customers: Customer[] = [makeCustomer({ id: 'in-set' }), makeCustomer({ id: 'ghost' })]
      const results = await importFiles(
        store,
        [
          { kind: 'orders', path: ordersPath },
          { kind: 'customers', path: file('customers.jsonl', jsonl(customers)) },
        ],
        { shopId },
      )
      expect(results.map((r) => [r.kind, r.inserted])).toEqual([
        ['orders', 3],
        ['customers', 2],
      ])
      expect((await store.orders.listByCustomer(shopId, 'ghost')).map((o) => o.orderNo)).toEqual(['O2'])
    })

    it('warns about, but stores, order items whose SKU is not in the catalog', async () => {
      const shopId = await newShop()
      await store.customers.upsertMany(shopId, [makeCustomer({ id: 'c1' })])
      await store.products.upsertMany(shopId, [makeProduct({ sku: 'STORED' })])
      const orders = [
        makeOrder({ orderNo: 'O1', customerId: 'c1', items: [{ sku: 'STORED', qty: 1, price: 1 }] }),
        makeOrder({
          orderNo: 'O2',
          customerId: 'c1',
          items: [
            { sku: 'IN-SET', qty: 1, price: 1 },
            { sku: 'GONE', qty: 1, price: 1 },
          ],
        }),
      ]
      const [o, p] = await importFiles(
        store,
        [
          { kind: 'orders', path: file('o.jsonl', jsonl(orders)) },
          { kind: 'products', path: file('p.jsonl', jsonl([makeProduct({ sku: 'IN-SET' })])) },
        ],
        { shopId },
      )
      expect(o?.warnings).toEqual([expect.objectContaining({ line: 2, field: 'items.1.sku' })])
      expect(o?.warningCount).toBe(1)
      expect(p?.warningCount).toBe(0)
      expect(await store.orders.count(shopId)).toBe(2)
    })

    it('stores nothing of an import set when any of its files is bad', async () => {
      const shopId = await newShop()
      const products = file('ok.jsonl', jsonl([makeProduct({ sku: 'OK' })]))
      const faults = file('bad-faults.jsonl', jsonl([{ id: 'f1', category: 'x', symptom: 'y' }]))
      const { details } = await rejection(
        importFiles(
          store,
          [
            { kind: 'products', path: products },
            { kind: 'faults', path: faults },
          ],
          { shopId },
        ),
      )
      expect(details.errors.map((e) => [e.file, e.line])).toContainEqual([faults, 1])
      expect(details.errors.map((e) => e.field).sort()).toEqual(['escalate', 'solutions'])
      expect(await store.products.count(shopId)).toBe(0)
    })

    it('keeps the first 20 errors and counts them all', async () => {
      const shopId = await newShop()
      const rows = Array.from({ length: 35 }, (_, i) => ({ id: `c${i}`, name: 'x', phone: 'not a phone' }))
      const { details } = await rejection(importFile(store, 'customers', file('many.jsonl', jsonl(rows)), { shopId }))
      expect(details.total).toBe(35)
      expect(details.errors).toHaveLength(20)
      expect(details.errors[19]).toMatchObject({ line: 20, field: 'phone' })
    })

    it('imports FAQ CSV with quoted commas, line breaks, quotes and |-separated similar questions', async () => {
      const shopId = await newShop()
      const csv =
        '\uFEFFid,question,answer,similar,category,locale\r\n' +
        'ship-1,"How long does shipping take, exactly?","Usually 2 days.\r\nRemote areas: ""up to 5"", sorry.",when will it ship|delivery time,shipping,en\r\n' +
        'ship-2,多久发货？,付款后48小时内发货,什么时候发货|几天发货,shipping,zh\r\n'
      const r = await importFile(store, 'faq', file('faq.csv', csv), { shopId })
      expect(r).toMatchObject({ kind: 'faq', read: 2, inserted: 2 })
      expect(await store.faq.get(shopId, 'ship-1')).toEqual({
        id: 'ship-1',
        question: 'How long does shipping take, exactly?',
        answer: 'Usually 2 days.\nRemote areas: "up to 5", sorry.',
        similar: ['when will it ship', 'delivery time'],
        category: 'shipping',
        locale: 'en',
        status: 'published',
      })
      expect((await store.faq.get(shopId, 'ship-2'))?.similar).toEqual(['什么时候发货', '几天发货'])
    })

    it('rejects a FAQ CSV with a missing column or a short row, and CSV for other kinds', async () => {
      const shopId = await newShop()
      const noLocale = await rejection(
        importFile(store, 'faq', file('h.csv', 'id,question,answer,similar,category\nf1,q,a,,c\n'), { shopId }),
      )
      expect(noLocale.details.errors).toEqual([expect.objectContaining({ line: 1, field: 'locale' })])
      const short = await rejection(
        importFile(store, 'faq', file('s.csv', 'id,question,answer,similar,category,locale\nf1,q,a,,c,en\nf2,q\n'), {
          shopId,
        }),
      )
      expect(short.details.errors).toEqual([expect.objectContaining({ line: 3, field: '(row)' })])
      expect(await store.faq.count(shopId)).toBe(0)
      const p = await rejection(importFile(store, 'products', file('p.csv', 'sku\nA\n'), { shopId }))
      expect(p.code).toBe('invalid_input')
    })

    it('reports progress while validating and writing a large file', async () => {
      const shopId = await newShop()
      const rows: Product[] = Array.from({ length: 2500 }, (_, i) =>
        makeProduct({ sku: `S${String(i).padStart(5, '0')}` }),
      )
      const events: ImportProgress[] = []
      const r = await importFile(store, 'products', file('big.jsonl', jsonl(rows)), {
        shopId,
        progressEvery: 1000,
        onProgress: (p) => events.push(p),
      })
      expect(r).toMatchObject({ read: 2500, inserted: 2500, updated: 0 })
      const validate = events.filter((e) => e.phase === 'validate')
      const write = events.filter((e) => e.phase === 'write')
      expect(validate.map((e) => e.rows)).toEqual([1000, 2000, 2500])
      expect(validate.at(-1)?.bytes).toBe(validate.at(-1)?.totalBytes)
      expect(write.map((e) => e.rows)).toEqual([1000, 2000, 2500])
      expect(write.every((e) => e.totalRows === 2500)).toBe(true)
    })

    it('a product import that fails half-way puts back what its earlier batches replaced and stores nothing', async () => {
      const shopId = await newShop()
      await store.products.upsertMany(shopId, [makeProduct({ sku: 'A', price: 10 }), makeProduct({ sku: 'B' })])
      const versionBefore = (await store.shops.get(shopId))?.settings.catalogVersion
      const rows = [
        makeProduct({ sku: 'A', price: 99 }),
        ...Array.from({ length: 9 }, (_, i) => makeProduct({ sku: `N${i}` })),
      ]
      const path = file('p.jsonl', jsonl(rows))
      // The third batch's write fails (say, the disk is full): batches 1 and 2 are committed by then.
      const failing = failingStore(store, 'products', 3)
      await expect(importFile(failing, 'products', path, { shopId, batchSize: 2 })).rejects.toThrow('disk full')
      expect(await store.products.count(shopId)).toBe(2)
      expect((await store.products.get(shopId, 'A'))?.price).toBe(10)
      expect(await store.products.get(shopId, 'N0')).toBeNull()
      expect((await store.shops.get(shopId))?.settings.catalogVersion).toBe(versionBefore)
      // The final transaction (the other files of the set) fails: the products are undone too.
      const faults = file('f.jsonl', jsonl([makeFault({ id: 'f1' })]))
      await expect(
        importFiles(
          failingStore(store, 'faults', 1),
          [
            { kind: 'products', path },
            { kind: 'faults', path: faults },
          ],
          { shopId, batchSize: 4 },
        ),
      ).rejects.toThrow('disk full')
      expect(await store.products.count(shopId)).toBe(2)
      expect((await store.products.get(shopId, 'A'))?.price).toBe(10)
      expect(await store.faults.count(shopId)).toBe(0)
      // The same import without the failure stores everything and counts from what it replaced.
      const ok = await importFile(store, 'products', path, { shopId, batchSize: 2 })
      expect(ok).toMatchObject({ read: 10, inserted: 9, updated: 1 })
      expect((await store.products.get(shopId, 'A'))?.price).toBe(99)
      expect((await store.shops.get(shopId))?.settings.catalogVersion).toBe(Number(versionBefore ?? 0) + 1)
    })

    it('a dry run counts new, updated and unchanged rows against the stored ones and writes nothing', async () => {
      const shopId = await newShop()
      const customer = makeCustomer({ id: 'c1' })
      const a = makeProduct({ sku: 'A', price: 10 })
      const b = makeProduct({ sku: 'B', price: 20 })
      const o = makeOrder({ orderNo: 'O1', customerId: 'c1', items: [{ sku: 'A', qty: 1, price: 10 }], total: 10 })
      await importFiles(
        store,
        [
          { kind: 'products', path: file('p.jsonl', jsonl([a, b])) },
          { kind: 'customers', path: file('c.jsonl', jsonl([customer])) },
          { kind: 'orders', path: file('o.jsonl', jsonl([o])) },
        ],
        { shopId },
      )
      const version = (await store.shops.get(shopId))?.settings.catalogVersion
      // The same rows as an export writes them: prices as text, a zoneless date, a locale tag.
      const next = file(
        'p2.jsonl',
        jsonl([
          { ...a, price: '10.00' },
          { ...b, price: 21 },
          { ...makeProduct({ sku: 'C' }), locale: 'zh-CN' },
        ]),
      )
      const [plan] = await importFiles(store, [{ kind: 'products', path: next }], { shopId, dryRun: true })
      expect(plan).toMatchObject({ dryRun: true, read: 3, inserted: 1, updated: 1, unchanged: 1 })
      expect(plan!.normalisations).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'locale', from: 'zh-CN', to: 'zh', count: 1 })]),
      )
      const orderPlan = await importFile(store, 'orders', file('o2.jsonl', jsonl([o])), { shopId, dryRun: true })
      expect(orderPlan).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 })
      expect(await store.products.count(shopId)).toBe(2)
      expect((await store.products.get(shopId, 'B'))?.price).toBe(20)
      expect((await store.shops.get(shopId))?.settings.catalogVersion).toBe(version)
    })

    it('refuses an unknown shop and an unreadable file', async () => {
      const ok = file('one.jsonl', jsonl([makeProduct()]))
      expect((await rejection(importFile(store, 'products', ok, { shopId: 'no-such-shop' }))).code).toBe('not_found')
      const shopId = await newShop()
      const missing = join(dir.path, 'missing.jsonl')
      expect((await rejection(importFile(store, 'products', missing, { shopId }))).code).toBe('invalid_input')
    })
  })
}

describe('ensureShop', () => {
  it('creates a shop once with random secrets, demo mode only for `demo`, and rejects bad ids', async () => {
    const store = await openStore('sqlite::memory:')
    try {
      const demo = await ensureShop(store, 'demo')
      expect(demo).toMatchObject({ id: 'demo', demo: true })
      expect(demo.widgetSecret.length).toBeGreaterThanOrEqual(32)
      expect(await ensureShop(store, 'demo')).toEqual(demo)
      const other = await ensureShop(store, 'acme')
      expect(other.demo).toBe(false)
      expect(other.apiKey).not.toBe(demo.apiKey)
      const err = await ensureShop(store, 'Bad Shop!').catch((e: unknown) => e)
      expect(AppError.isInstance(err) && err.code).toBe('invalid_input')
    } finally {
      await store.close()
    }
  })
})

describe('kefu import (CLI)', () => {
  const dir = tempDir('kefu-import-cli-')
  afterAll(() => dir.remove())
  const env = { ...process.env, KEFU_DATA_DIR: join(dir.path, 'data'), KEFU_DATABASE_URL: '' }
  const kefu = (...args: string[]) =>
    run(process.execPath, [join(ROOT, 'bin/kefu'), 'import', ...args], { cwd: ROOT, env }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    )

  it('imports into an existing shop of the data directory and prints counts; a missing shop fails with a hint', async () => {
    const path = join(dir.path, 'customers.jsonl')
    writeFileSync(path, jsonl([makeCustomer({ id: 'c1' }), makeCustomer({ id: 'c2' })]))
    const missing = await kefu('customers', path, '--shop', 'acme')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain("shop 'acme' does not exist; create it first: kefu shop create acme")
    const created = await run(process.execPath, [join(ROOT, 'bin/kefu'), 'shop', 'create', 'acme', '--name', 'Acme'], {
      cwd: ROOT,
      env,
    })
    expect(created.stdout).toContain('created shop acme')
    const r = await kefu('customers', path, '--shop', 'acme', '--json')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'customers', read: 2, inserted: 2, updated: 0, shopId: 'acme' })
    const again = await kefu('customers', path, '--shop', 'acme')
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/read 2, inserted 0, updated 2/)

    const store = await openStore(`sqlite://${join(dir.path, 'data', 'kefu.db')}`)
    try {
      expect(await store.shops.get('acme')).toMatchObject({ id: 'acme', demo: false })
      expect(await store.customers.count('acme')).toBe(2)
    } finally {
      await store.close()
    }
  })

  it('rejects a bad file with FILE:LINE: field: message on stderr, exit 1, and stores nothing', async () => {
    const path = join(dir.path, 'products-bad.jsonl')
    writeFileSync(
      path,
      jsonl([makeProduct({ sku: 'P1' }), { ...makeProduct({ sku: 'P2' }), stock: -1 }, makeProduct()]),
    )
    const r = await kefu('products', path, '--shop', 'acme')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`${path}:2: stock: `)
    expect(r.stdout).toBe('')
    const store = await openStore(`sqlite://${join(dir.path, 'data', 'kefu.db')}`)
    try {
      expect(await store.products.count('acme')).toBe(0)
    } finally {
      await store.close()
    }
  })

  it('answers usage errors with exit 2', async () => {
    expect((await kefu('widgets', 'x.jsonl')).code).toBe(2)
    expect((await kefu('products')).code).toBe(2)
  })
})
