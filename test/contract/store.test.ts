/**
 * Runs the Store conformance suite against every available backend: SQLite always, PostgreSQL
 * when KEFU_TEST_DATABASE_URL is set (each suite in its own fresh schema).
 */
import { afterAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { openSqliteStore } from '../../src/adapters/store-sql/sqlite-store.js'
import { AppError } from '../../src/core/errors.js'
import { makeProduct, makeShop, storeBackends } from '../helpers/store-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'
import { storeContract } from './store.contract.js'

for (const backend of storeBackends()) storeContract(backend.name, backend.open)

describe('openStore', () => {
  const dir = tempDir('kefu-open-store-')
  afterAll(() => dir.remove())

  it('opens and migrates a SQLite file (creating its directory) and an in-memory database', async () => {
    const file = await openStore(`sqlite://${dir.path}/nested/dir/kefu.db`)
    try {
      expect(file.dialect).toBe('sqlite')
      await file.shops.upsert({
        id: 's',
        name: 'S',
        widgetSecret: 'w',
        apiKey: 'k',
        demo: false,
        settings: {},
        createdAt: new Date().toISOString(),
      })
    } finally {
      await file.close()
    }
    // Re-opening runs no migration twice and keeps the data.
    const again = await openStore(`sqlite://${dir.path}/nested/dir/kefu.db`)
    try {
      expect((await again.shops.get('s'))?.name).toBe('S')
    } finally {
      await again.close()
    }
    const mem = await openStore('sqlite::memory:')
    try {
      expect(await mem.shops.list()).toEqual([])
    } finally {
      await mem.close()
    }
  })

  it('rejects an unknown scheme with invalid_input', async () => {
    for (const url of [
      'mysql://root@localhost/kefu',
      'kefu.db',
      'sqlite://',
      'postgres://postgres@127.0.0.1:1/postgres?pool_max=lots',
    ]) {
      const err = await openStore(url).catch((e: unknown) => e)
      expect(AppError.isInstance(err) && err.code).toBe('invalid_input')
    }
  })

  it('reports an unreachable PostgreSQL server as unavailable', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const err = await openStore('postgres://postgres@127.0.0.1:1/postgres').catch((e: unknown) => e)
    expect(AppError.isInstance(err) && err.code).toBe('unavailable')
  })
})

describe('SQLite across processes', () => {
  const dir = tempDir('kefu-sqlite-lock-')
  afterAll(() => dir.remove())

  it('holds the write lock for a whole transaction, so another writer waits instead of breaking it', async () => {
    // Two connections to one file stand for the server and a `kefu import` process.
    const path = `${dir.path}/kefu.db`
    const a = await openSqliteStore(path, { busyTimeoutMs: 50 })
    await a.migrate()
    const b = await openSqliteStore(path, { busyTimeoutMs: 50 })
    try {
      const shop = makeShop()
      await a.shops.upsert(shop)
      await a.transaction(async (tx) => {
        expect(await tx.products.count(shop.id)).toBe(0)
        // The other connection cannot slip a write in between our read and our write…
        const err = await b.products.upsertMany(shop.id, [makeProduct({ sku: 'FROM-B' })]).catch((e: unknown) => e)
        expect(AppError.isInstance(err) && err.code).toBe('unavailable')
        // …so our own write after the read succeeds.
        await tx.products.upsertMany(shop.id, [makeProduct({ sku: 'FROM-A' })])
      })
      expect((await b.products.list(shop.id)).map((p) => p.sku)).toEqual(['FROM-A'])
      await b.products.upsertMany(shop.id, [makeProduct({ sku: 'FROM-B' })])
      expect(await a.products.count(shop.id)).toBe(2)
    } finally {
      await b.close()
      await a.close()
    }
  })
})
