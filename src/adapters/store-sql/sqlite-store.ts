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
  type SqliteDatabase as KyselySqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely'
import { AppError } from '../../core/errors.js'
import type { Clock } from '../../core/ports/clock.js'
import type { Store } from '../../core/ports/store.js'
import type { Database } from './db-schema.js'
import { createSqlStore } from './sql-store.js'
import { sqliteTurnWriter } from './sqlite-turn-writer.js'
import { startWalCheckpointer, type WalCheckpointOptions } from './wal-checkpointer.js'

/** How long a writer waits for another process's write lock before failing with `unavailable`. */
const BUSY_TIMEOUT_MS = 5000

export type SqliteStoreOptions = {
  /** Wait this long for another process's write lock; default 5 s. */
  busyTimeoutMs?: number
  /** Stamps rows the store writes itself; default the system clock. */
  clock?: Clock
  /**
   * Checkpoint the WAL in a worker thread instead of inside commits (src/adapters/store-sql/wal-checkpointer.ts):
   * for a server, whose event loop must not wait for the copy and its fsync. Ignored for `:memory:`.
   */
  backgroundCheckpoints?: boolean | WalCheckpointOptions
}

/**
 * Transactions start with BEGIN IMMEDIATE: they take the write lock up front (waiting up to
 * busy_timeout). A deferred BEGIN would read first and then fail with SQLITE_BUSY_SNAPSHOT —
 * without waiting — whenever another process (say, the server during `kefu import`) wrote in
 * between.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #busyTimeoutMs: number
  #wrapped: DatabaseConnection | null = null
  constructor(config: SqliteDialectConfig, busyTimeoutMs: number) {
    super(config)
    this.#busyTimeoutMs = busyTimeoutMs
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection()
    if (this.#wrapped) return this.#wrapped
    const budget = this.#busyTimeoutMs
    // better-sqlite3 waits for a lock synchronously (busy_timeout), which blocks the whole event
    // loop: while `kefu import` holds the write lock for seconds, every request of the server,
    // /healthz included, would wait. Instead SQLite waits only briefly (SYNC_BUSY_MS) and the
    // statement is retried asynchronously, with back-off, until the busy budget is spent.
    this.#wrapped = {
      async executeQuery(query) {
        const started = performance.now()
        for (let attempt = 0; ; attempt++) {
          try {
            return await inner.executeQuery(query)
          } catch (e) {
            const code = (e as { code?: unknown }).code
            const busy = typeof code === 'string' && code.startsWith('SQLITE_BUSY')
            if (!busy || performance.now() - started >= budget) throw e
            await new Promise((r) => setTimeout(r, Math.min(50, 2 + attempt * 5)))
          }
        }
      },
      streamQuery: (query, chunkSize) => inner.streamQuery(query, chunkSize),
    }
    return this.#wrapped
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

/** How long SQLite itself waits for a lock (synchronously) before the async retry takes over. */
const SYNC_BUSY_MS = 20

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig
  readonly #busyTimeoutMs: number
  constructor(config: SqliteDialectConfig, busyTimeoutMs: number) {
    super(config)
    this.#config = config
    this.#busyTimeoutMs = busyTimeoutMs
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#busyTimeoutMs)
  }
}

/** Prepared statements kept per connection (distinct SQL texts; the store issues a few hundred). */
const STATEMENT_CACHE_SIZE = 1000

/**
 * The database as Kysely sees it, with prepared statements cached by SQL text: Kysely prepares a
 * statement for every query, and preparing costs more than running most of kefu's queries. A
 * statement being iterated (a streamed query) is busy and cannot run twice at once, so streams
 * always get a fresh one. Least recently used statements are dropped beyond the cache size.
 */
export function withStatementCache(sqlite: SqliteDatabase.Database, max = STATEMENT_CACHE_SIZE): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql)
      if (stmt) {
        cache.delete(sql)
        cache.set(sql, stmt)
      } else {
        stmt = sqlite.prepare(sql)
        cache.set(sql, stmt)
        if (cache.size > max) cache.delete(cache.keys().next().value as string)
      }
      const cached = stmt
      return {
        reader: cached.reader,
        all: (params) => cached.all(params as unknown[]),
        run: (params) => cached.run(params as unknown[]),
        iterate: (params) => sqlite.prepare(sql).iterate(params as unknown[]),
      }
    },
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
  const busyTimeoutMs = Math.max(0, Math.floor(opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS))
  sqlite.pragma(`busy_timeout = ${Math.min(busyTimeoutMs, SYNC_BUSY_MS)}`)
  // NORMAL is durable across application crashes in WAL mode and much faster than FULL.
  sqlite.pragma('synchronous = NORMAL')
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }, busyTimeoutMs),
  })
  const bg = opts.backgroundCheckpoints
  const checkpointer = bg && !memory ? startWalCheckpointer(sqlite, path, bg === true ? {} : bg) : null
  const clock = opts.clock
  return createSqlStore({
    dialect: 'sqlite',
    db,
    turnWriter: sqliteTurnWriter(sqlite, busyTimeoutMs, () => (clock ? clock.now() : new Date()).toISOString()),
    ...(clock ? { clock } : {}),
    ...(checkpointer ? { onClose: () => checkpointer.close() } : {}),
  })
}
