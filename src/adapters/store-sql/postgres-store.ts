/**
 * PostgreSQL adapter: `pg` Pool through Kysely, for multi-instance deployments.
 */
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { AppError } from '../../core/errors.js'
import type { Clock } from '../../core/ports/clock.js'
import type { Store } from '../../core/ports/store.js'
import type { Database } from './db-schema.js'
import { createSqlStore } from './sql-store.js'
import { toStoreError } from './to-store-error.js'

export type PostgresStoreOptions = {
  /** Stamps rows the store writes itself; default the system clock. */
  clock?: Clock
  /** Schema for kefu's tables (created if missing); default: the server's search_path (`public`). */
  schema?: string
  /** Pool size; default 10. */
  max?: number
  /** Give up connecting after this long; default 5 s. */
  connectionTimeoutMs?: number
  /** Cancel any statement running longer than this; default 15 s. */
  statementTimeoutMs?: number
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/

/**
 * Opens a connection pool to PostgreSQL. Does not migrate; call `store.migrate()` (openStore does).
 *
 * @example
 * const store = await openPostgresStore('postgres://postgres@127.0.0.1:5432/kefu', { schema: 'kefu' })
 * await store.migrate()
 */
export async function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Promise<Store> {
  const { schema } = opts
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new AppError('invalid_input', `invalid PostgreSQL schema name '${schema}' (letters, digits, _)`)
  }
  const statementTimeout = opts.statementTimeoutMs ?? 15_000
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeout,
    // A transaction left open by a crashed request must not hold row locks forever.
    idle_in_transaction_session_timeout: statementTimeout * 4,
    application_name: 'kefu',
    // Every pooled connection starts in kefu's schema, so migrations and queries stay unqualified.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  // An idle client losing its connection emits 'error' on the pool; without a listener that crashes
  // the process. The next query gets a fresh connection (or a clear `unavailable`).
  pool.on('error', () => {})
  try {
    if (schema) await pool.query(`create schema if not exists "${schema}"`)
    else await pool.query('select 1')
  } catch (e) {
    await pool.end().catch(() => {})
    throw toStoreError(e)
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  // Kysely's Migrator looks its bookkeeping tables up by schema; tell it which one is ours.
  const resolvedSchema = schema ?? (await currentSchema(pool))
  return createSqlStore({
    dialect: 'postgres',
    db,
    schema: resolvedSchema,
    ...(opts.clock ? { clock: opts.clock } : {}),
  })
}

async function currentSchema(pool: pg.Pool): Promise<string> {
  const r = await pool.query<{ s: string | null }>('select current_schema() as s')
  return r.rows[0]?.s ?? 'public'
}
