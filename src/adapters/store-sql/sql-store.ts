/**
 * The one SQL implementation of the `Store` port, shared by SQLite and PostgreSQL through Kysely.
 * Dialect differences are confined to a few places (row locks, counting) and marked as such.
 */
import { type Kysely, Migrator, sql } from 'kysely'
import type { Message } from '../../core/domain/records.js'
import { AppError } from '../../core/errors.js'
import type { Clock } from '../../core/ports/clock.js'
import type { Store, TurnWrites } from '../../core/ports/store.js'
import { type CompiledQueries, compiledQueries } from './compiled-queries.js'
import type { Database } from './db-schema.js'
import { migrationProvider } from './migrations/index.js'
import { sqlCatalogRepos } from './sql-catalog-repos.js'
import { sqlCommerceRepos } from './sql-commerce-repos.js'
import { sqlConversationRepos } from './sql-conversation-repos.js'
import { type Db, guarded } from './sql-helpers.js'
import type { CountedTable, SqlRepoContext } from './sql-repo-context.js'
import { sqlServiceRepos } from './sql-service-repos.js'
import { sqlStaffStores } from './sql-staff-store.js'
import { isForeignKeyViolation, toStoreError } from './to-store-error.js'

export type SqlDialect = 'sqlite' | 'postgres'

export type SqlStoreOptions = {
  dialect: SqlDialect
  db: Kysely<Database>
  /** PostgreSQL schema holding the tables and Kysely's migration bookkeeping (undefined on SQLite). */
  schema?: string
  /** Extra clean-up after the Kysely instance is destroyed (e.g. closing the file handle). */
  onClose?: () => Promise<void>
  /** Stamps updated_at / created_at of rows the store writes itself (default: the system clock). */
  clock?: Clock
  /**
   * Runs a turn's writes as one batch outside Kysely (SQLite: sqlite-turn-writer.ts); called with
   * Kysely's connection held, never inside a transaction. Absent = the writes go through `transaction`.
   */
  turnWriter?: (w: TurnWrites) => Promise<Message[]>
}

/**
 * Builds a `Store` over a Kysely instance. Used by `openSqliteStore` and `openPostgresStore`; the
 * returned store owns the Kysely instance (close() destroys it).
 */
export function createSqlStore(opts: SqlStoreOptions): Store {
  return bind(opts, opts.db, false, compiledQueries(opts.db))
}

function bind(opts: SqlStoreOptions, db: Db, inTx: boolean, queries: CompiledQueries<Database>): Store {
  const { dialect } = opts
  const now = (): string => (opts.clock ? opts.clock.now() : new Date()).toISOString()
  const pg = dialect === 'postgres'

  /** Runs `fn` atomically: in the surrounding transaction if there is one, else in a new one. */
  const atomic = <T>(fn: (d: Db) => Promise<T>): Promise<T> =>
    inTx ? fn(db) : db.transaction().execute((trx) => fn(trx))

  const count = async (table: CountedTable, shopId: string) => {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('shop_id', '=', shopId)
      .executeTakeFirst()
    // PostgreSQL returns count(*) as a bigint string.
    return Number(r?.n ?? 0)
  }

  const repos: SqlRepoContext = { db, pg, queries, now, atomic, count }

  const store: Store = {
    specificationVersion: 'v1',
    dialect,

    async migrate() {
      if (inTx) throw new AppError('internal', 'migrate() cannot run inside a transaction')
      const migrator = new Migrator({
        db: db as Kysely<Database>,
        provider: migrationProvider,
        ...(opts.schema ? { migrationTableSchema: opts.schema } : {}),
      })
      let { error, results } = await migrator.migrateToLatest()
      // Kysely checks for its bookkeeping table by listing the tables of *every* schema; a schema
      // another client drops meanwhile (parallel test runs, another tenant) fails that listing with
      // "schema … does not exist" (3F000). It is not ours: look again.
      for (let attempt = 1; error && isOtherSchemaGone(error, opts.schema) && attempt <= 3; attempt++) {
        ;({ error, results } = await migrator.migrateToLatest())
      }
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName
        throw AppError.isInstance(error)
          ? error
          : new AppError('internal', `database migration ${failed ?? ''} failed: ${String(error)}`.replace('  ', ' '), {
              cause: error,
            })
      }
    },

    async ping() {
      try {
        await sql`select 1`.execute(db)
      } catch (e) {
        const err = toStoreError(e)
        throw err.code === 'internal' ? new AppError('unavailable', 'database is not answering', { cause: e }) : err
      }
    },

    async close() {
      if (inTx) return
      await (db as Kysely<Database>).destroy()
      await opts.onClose?.()
    },

    async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
      // Nested calls reuse the surrounding transaction: all of it commits or none.
      if (inTx) return fn(store)
      let thrown: { e: unknown } | undefined
      try {
        return await db.transaction().execute(async (trx) => {
          try {
            return await fn(bind(opts, trx, true, queries))
          } catch (e) {
            thrown = { e }
            throw e
          }
        })
      } catch (e) {
        // The caller's own error comes back untouched; only begin/commit failures are translated.
        if (thrown && thrown.e === e) throw e
        throw toStoreError(e)
      }
    },

    async writeTurn(w: TurnWrites): Promise<Message[]> {
      const fast = opts.turnWriter
      if (fast && !inTx) {
        try {
          // Kysely's connection lock keeps every other query (and transaction) off the connection meanwhile.
          return await (db as Kysely<Database>).connection().execute(() => fast(w))
        } catch (e) {
          if (isForeignKeyViolation(e))
            throw new AppError('not_found', `conversation ${w.conversationId} not found`, { cause: e })
          throw toStoreError(e)
        }
      }
      return store.transaction(async (tx) => {
        const stored: Message[] = []
        for (const m of w.messages) stored.push(await tx.messages.append(m))
        if (w.conversation) await tx.conversations.update(w.shopId, w.conversationId, w.conversation)
        for (const e of w.events) await tx.events.append(e)
        return stored
      })
    },

    ...sqlCatalogRepos(repos),
    ...sqlConversationRepos(repos),
    ...sqlServiceRepos(repos),
    ...sqlCommerceRepos(repos),

    ...(() => {
      const staff = sqlStaffStores(db, atomic)
      return {
        staff: guarded(staff.staff),
        staffSessions: guarded(staff.staffSessions),
        audit: guarded(staff.audit),
      }
    })(),
  }
  return store
}

/** A "schema … does not exist" error naming a schema other than the store's own. */
function isOtherSchemaGone(error: unknown, own: string | undefined): boolean {
  const e = error as { code?: unknown; message?: unknown }
  if (e?.code !== '3F000' || typeof e.message !== 'string') return false
  return own === undefined || !e.message.includes(`"${own}"`)
}
