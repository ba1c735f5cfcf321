import SqliteDatabase from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import { withStatementCache } from './sqlite-store.js'

function database() {
  const sqlite = new SqliteDatabase(':memory:')
  sqlite.exec('create table t (id integer primary key, v text)')
  sqlite.prepare('insert into t (v) values (?), (?), (?)').run('a', 'b', 'c')
  return sqlite
}

describe('withStatementCache', () => {
  it('prepares each SQL text once and reuses the statement', () => {
    const sqlite = database()
    const prepare = vi.spyOn(sqlite, 'prepare')
    const db = withStatementCache(sqlite)
    for (let i = 0; i < 5; i++) expect(db.prepare('select v from t where id = ?').all([2])).toEqual([{ v: 'b' }])
    expect(db.prepare('update t set v = ? where id = ?').run(['z', 2]).changes).toBe(1)
    expect(db.prepare('select v from t where id = ?').all([2])).toEqual([{ v: 'z' }])
    expect(prepare).toHaveBeenCalledTimes(2)
  })

  it('drops the least recently used statement beyond its size', () => {
    const sqlite = database()
    const prepare = vi.spyOn(sqlite, 'prepare')
    const db = withStatementCache(sqlite, 2)
    db.prepare('select 1').all([])
    db.prepare('select 2').all([])
    db.prepare('select 1').all([])
    db.prepare('select 3').all([]) // evicts `select 2`
    db.prepare('select 1').all([])
    expect(prepare).toHaveBeenCalledTimes(3)
    db.prepare('select 2').all([])
    expect(prepare).toHaveBeenCalledTimes(4)
  })

  it('gives a streamed query its own statement, so the same query can run while it streams', () => {
    const db = withStatementCache(database())
    const sql = 'select v from t order by id'
    const seen: unknown[] = []
    for (const row of db.prepare(sql).iterate([])) {
      seen.push(row)
      expect(db.prepare(sql).all([])).toHaveLength(3)
    }
    expect(seen).toHaveLength(3)
  })
})
