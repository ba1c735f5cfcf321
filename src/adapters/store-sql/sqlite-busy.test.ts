import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Store } from '../../core/ports/store.js'
import { openSqliteStore } from './sqlite-store.js'

describe('SQLite store while another process holds the write lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-busy-'))
  let store: Store | null = null
  afterEach(async () => {
    await store?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('waits without blocking the event loop and writes once the lock is released', async () => {
    const path = join(dir, 'kefu.db')
    store = await openSqliteStore(path)
    await store.migrate()
    await store.shops.upsert({
      id: 's1',
      name: 'S',
      widgetSecret: 'w'.repeat(32),
      apiKey: 'k'.repeat(32),
      demo: false,
      settings: {},
      createdAt: '2026-01-01T00:00:00.000Z',
    })
    // Another process (an import) holds the write lock.
    const other = new SqliteDatabase(path)
    other.exec('begin immediate')
    const write = store.products.upsertMany('s1', [
      {
        sku: 'A',
        title: 'a',
        category: 'c',
        brand: 'b',
        price: 1,
        currency: 'CNY',
        stock: 1,
        attributes: {},
        description: '',
      },
    ])
    // The event loop still turns while the write waits: this callback runs and releases the lock.
    await new Promise((r) => setImmediate(r))
    other.exec('commit')
    other.close()
    await write
    expect((await store.products.get('s1', 'A'))?.title).toBe('a')
  })
})
