import SqliteDatabase from 'better-sqlite3'
import { type Generated, Kysely, SqliteDialect, sql } from 'kysely'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { compiledQueries } from './compiled-queries.js'

type DB = { t: { id: Generated<number>; v: string; w: string } }

let open: Kysely<DB> | undefined
function database(): Kysely<DB> {
  const sqlite = new SqliteDatabase(':memory:')
  sqlite.exec(
    "create table t (id integer primary key, v text, w text); insert into t (v, w) values ('a', 'x'), ('b', 'y')",
  )
  open = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })
  return open
}
afterEach(async () => {
  await open?.destroy()
  open = undefined
})

describe('compiledQueries', () => {
  it('builds a query once per key and runs it with each call’s arguments', async () => {
    const db = database()
    const queries = compiledQueries(db)
    const build = vi.fn((q: Kysely<DB>, [id]: readonly [number]) => q.selectFrom('t').select('v').where('id', '=', id))
    expect((await queries.run(db, 'v.byId', [1] as const, build)).rows).toEqual([{ v: 'a' }])
    expect((await queries.run(db, 'v.byId', [2] as const, build)).rows).toEqual([{ v: 'b' }])
    expect((await queries.run(db, 'v.byId', [3] as const, build)).rows).toEqual([])
    expect(build).toHaveBeenCalledTimes(1)
    expect(queries.size).toBe(1)
  })

  it('fills an argument used twice in both places and keeps constants the builder wrote', async () => {
    const db = database()
    const queries = compiledQueries(db)
    const run = (v: string) =>
      queries.run(db, 'twice', [v] as const, (q, [a]) =>
        q
          .selectFrom('t')
          .select('id')
          .where((eb) => eb.or([eb('v', '=', a), eb('w', '=', a)]))
          .where('id', '<', 10)
          .where(sql<boolean>`${a} is not null`),
      )
    expect((await run('a')).rows).toEqual([{ id: 1 }])
    expect((await run('y')).rows).toEqual([{ id: 2 }])
  })

  it('runs writes inside the caller’s transaction (rolled back with it)', async () => {
    const db = database()
    const queries = compiledQueries(db)
    const insert = (on: Kysely<DB>, v: string) =>
      queries.run(on, 't.insert', [v] as const, (q, [a]) => q.insertInto('t').values({ v: a, w: a }))
    await expect(
      db.transaction().execute(async (tx) => {
        await insert(tx, 'c')
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')
    await insert(db, 'd')
    const rows = await db.selectFrom('t').select('v').orderBy('id').execute()
    expect(rows.map((r) => r.v)).toEqual(['a', 'b', 'd'])
  })
})
