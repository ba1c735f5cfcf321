/**
 * SQLite adapter (the default): better-sqlite3 through Kysely, one file, zero set-up.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { AppError } from '../../core/errors.js'
import type { Store } from '../../core/ports/store.js'
import type { Database } from './db-schema.js'
import { createSqlStore } from './sql-store.js'

/** How long a writer waits for another process's write lock before failing with `unavailable`. */
const BUSY_TIMEOUT_MS = 5000

/**
 * Opens (creating if needed) a SQLite database file with WAL, foreign keys and a busy timeout.
 * Does not migrate; call `store.migrate()` (openStore does).
 *
 * @param path a file path, or `:memory:` for a private in-memory database
 * @example
 * const store = await openSqliteStore('./.kefu/kefu.db')
 * await store.migrate()
 */
export async function openSqliteStore(path: string): Promise<Store> {
  const memory = path === ':memory:' || path === ''
  let sqlite: SqliteDatabase.Database
  try {
    if (!memory) mkdirSync(dirname(path), { recursive: true })
    sqlite = new SqliteDatabase(memory ? ':memory:' : path)
  } catch (e) {
    throw new AppError('unavailable', `cannot open SQLite database at ${path}: ${(e as Error).message}`, { cause: e })
  }
  // WAL lets readers (the server) run while a writer (an import) commits.
  if (!memory) sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  // NORMAL is durable across application crashes in WAL mode and much faster than FULL.
  sqlite.pragma('synchronous = NORMAL')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return createSqlStore({ dialect: 'sqlite', db })
}
