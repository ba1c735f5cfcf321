/** What every repository of the SQL store is built over: the connection (or transaction) and its dialect. */
import type { CompiledQueries } from './compiled-queries.js'
import type { Database } from './db-schema.js'
import type { Db } from './sql-helpers.js'

export type CountedTable = 'products' | 'faq' | 'customers' | 'orders' | 'faults'

export type SqlRepoContext = {
  db: Db
  /** PostgreSQL (row locks, bigint counts) rather than SQLite. */
  pg: boolean
  queries: CompiledQueries<Database>
  /** ISO timestamp for updated_at / created_at stamps. */
  now: () => string
  /** Runs `fn` atomically: in the surrounding transaction if there is one, else in a new one. */
  atomic: <T>(fn: (d: Db) => Promise<T>) => Promise<T>
  count: (table: CountedTable, shopId: string) => Promise<number>
}
