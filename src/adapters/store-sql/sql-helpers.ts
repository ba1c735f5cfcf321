/** Helpers shared by the SQL store's repositories: batching, paging, upserts, JSON columns, error mapping. */
import { type Kysely, sql, type Transaction } from 'kysely'
import type { Page } from '../../core/ports/store.js'
import type { Database } from './db-schema.js'
import { toStoreError } from './to-store-error.js'

export type Db = Kysely<Database> | Transaction<Database>

// Rows per multi-row INSERT: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
export const BATCH_ROWS = 200
// OFFSET needs a LIMIT on SQLite; this stands for "no limit" in both dialects.
export const NO_LIMIT = 2_147_483_647

export const json = (v: unknown): string => JSON.stringify(v ?? null)
export function parse<T>(text: string | null | undefined, fallback: T): T {
  if (text == null) return fallback
  return JSON.parse(text) as T
}

export function chunks<T>(rows: readonly T[], size = BATCH_ROWS): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/** Upsert-by-id inside one call: when a key repeats, the last row wins (as it would row by row). */
export function lastWins<T>(rows: readonly T[], key: (r: T) => string): T[] {
  const m = new Map<string, T>()
  for (const r of rows) m.set(key(r), r)
  return [...m.values()]
}

export function paginate<Q extends { limit(n: number): Q; offset(n: number): Q }>(q: Q, page: Page | undefined): Q {
  let out = q
  if (page?.limit !== undefined) out = out.limit(Math.max(0, Math.floor(page.limit)))
  if (page?.offset !== undefined && page.offset > 0) {
    if (page.limit === undefined) out = out.limit(NO_LIMIT)
    out = out.offset(Math.floor(page.offset))
  }
  return out
}

/**
 * `INSERT … ON CONFLICT (key) DO UPDATE SET every other column = excluded.column`, in batches.
 * Typed loosely on purpose: the callers build rows from the typed tables above.
 */
export async function upsert(db: Db, table: keyof Database, key: string[], rows: Array<Record<string, unknown>>) {
  if (rows.length === 0) return
  const first = rows[0]!
  const cols = Object.keys(first).filter((c) => !key.includes(c))
  for (const batch of chunks(rows)) {
    // biome-ignore lint/suspicious/noExplicitAny: one generic upsert for every table; rows are typed by callers
    const anyDb = db as unknown as Kysely<any>
    await anyDb
      .insertInto(table)
      .values(batch)
      .onConflict((oc) =>
        oc.columns(key).doUpdateSet(Object.fromEntries(cols.map((c) => [c, sql.ref(`excluded.${c}`)]))),
      )
      .execute()
  }
}

/** Wraps every method so driver errors surface as AppError; AppErrors pass through unchanged. */
export function guarded<T extends object>(ns: T): T {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(ns)) {
    out[k] =
      typeof v === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await (v as (...a: unknown[]) => Promise<unknown>).apply(ns, args)
            } catch (e) {
              throw toStoreError(e)
            }
          }
        : v
  }
  return out as T
}
