import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Store } from '../../core/ports/store.js'
import { openSqliteStore, type SqliteStoreOptions } from './sqlite-store.js'

const size = (p: string) => {
  try {
    return statSync(p).size
  } catch {
    return 0
  }
}

describe('SQLite checkpoints in a worker thread (backgroundCheckpoints)', () => {
  const dirs: string[] = []
  const stores: Store[] = []
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close()
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  /** A store with ~6 MB written in 300 commits (past SQLite's 1,000-page automatic checkpoint). */
  async function written(opts: SqliteStoreOptions) {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-wal-'))
    dirs.push(dir)
    const path = join(dir, 'kefu.db')
    const store = await openSqliteStore(path, opts)
    stores.push(store)
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
    const before = size(path)
    for (let i = 0; i < 300; i++) {
      await store.events.append({
        id: `e${i}`,
        shopId: 's1',
        type: 'turn.completed',
        conversationId: null,
        data: { pad: `${i}`.padEnd(20_000, 'x') },
        createdAt: '2026-01-01T00:00:00.000Z',
      })
    }
    return { store, path, before }
  }

  it('commits no longer copy the log into the database file', async () => {
    // The thread's first checkpoint is an hour away: only a commit could have checkpointed.
    const { path, before } = await written({ backgroundCheckpoints: { everyMs: 3_600_000 } })
    expect(size(path)).toBe(before)
    expect(size(`${path}-wal`)).toBeGreaterThan(4 * 2 ** 20)
  })

  it('by default (no thread) a commit does the checkpoint', async () => {
    const { path, before } = await written({})
    expect(size(path)).toBeGreaterThan(before)
  })

  it('the thread copies the log into the database file and restarts a large log', async () => {
    const { store, path, before } = await written({ backgroundCheckpoints: { everyMs: 20, truncateBytes: 2 ** 20 } })
    for (let i = 0; i < 200 && (size(path) <= before || size(`${path}-wal`) > 2 ** 20); i++)
      await new Promise((r) => setTimeout(r, 25))
    expect(size(path)).toBeGreaterThan(before + 4 * 2 ** 20)
    expect(size(`${path}-wal`)).toBeLessThanOrEqual(2 ** 20)
    // Reads and writes go on as before.
    await store.events.append({
      id: 'last',
      shopId: 's1',
      type: 'turn.completed',
      conversationId: null,
      data: {},
      createdAt: '2026-01-01T00:00:01.000Z',
    })
    expect(await store.events.list('s1', { limit: 1000 })).toHaveLength(301)
  })
})
