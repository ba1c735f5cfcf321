/**
 * SQLite adapter (the default): better-sqlite3 through Kysely, one file, zero set-up.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely'
import { AppError } from '../../core/errors.js'
import type { Clock } from '../../core/ports/clock.js'
import type { Store } from '../../core/ports/store.js'
import type { Database } from './db-schema.js'
import { createSqlStore } from './sql-store.js'

/** How long a writer waits for another process's write lock before failing with `unavailable`. */
const BUSY_TIMEOUT_MS = 5000

export type SqliteStoreOptions = {
  /** Wait this long for another process's write lock; default 5 s. */
  busyTimeoutMs?: number
  /** Stamps rows the store writes itself; default the system clock. */
  clock?: Clock
}

/**
 * Transactions start with BEGIN IMMEDIATE: they take the write lock up front (waiting up to
 * busy_timeout). A deferred BEGIN would read first and then fail with SQLITE_BUSY_SNAPSHOT —
 * without waiting — whenever another process (say, the server during `kefu import`) wrote in
 * between.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig
  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

/**
 * Opens (creating if needed) a SQLite database file with WAL, foreign keys and a busy timeout.
 * Does not migrate; call `store.migrate()` (openStore does).
 *
 * @param path a file path, or `:memory:` for a private in-memory database
 * @example
 * const store = await openSqliteStore('./.kefu/kefu.db')
 * await store.migrate()
 */
export async function openSqliteStore(path: string, opts: SqliteStoreOptions = {}): Promise<Store> {
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
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS))}`)
  // NORMAL is durable across application crashes in WAL mode and much faster than FULL.
  sqlite.pragma('synchronous = NORMAL')
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) })
  return createSqlStore({ dialect: 'sqlite', db, ...(opts.clock ? { clock: opts.clock } : {}) })
}
