/**
 * Opens the store named by a database URL and migrates it. The one place that picks an adapter.
 */
import { AppError } from '../core/errors.js'
import type { Clock } from '../core/ports/clock.js'
import type { Store } from '../core/ports/store.js'
import { openPostgresStore } from './store-sql/postgres-store.js'
import { openSqliteStore } from './store-sql/sqlite-store.js'

/**
 * Resolves a database URL to an adapter, opens it and applies pending migrations.
 *
 * - `sqlite://relative/path.db`, `sqlite:///absolute/path.db`, `sqlite::memory:`
 * - `postgres://user:pass@host:5432/db` or `postgresql://…`; optional query parameters:
 *   `schema=name` (kefu's tables in that schema, created if missing), `pool_max=10`,
 *   `connect_timeout_ms=5000`, `statement_timeout_ms=15000`
 *
 * @example
 * const store = await openStore(process.env.KEFU_DATABASE_URL ?? 'sqlite://./.kefu/kefu.db')
 */
export async function openStore(
  url: string,
  opts: { clock?: Clock /** SQLite: checkpoint in a worker thread (servers). */; backgroundCheckpoints?: boolean } = {},
): Promise<Store> {
  const store = await openUnmigrated(url, opts.clock, opts.backgroundCheckpoints === true)
  try {
    await store.migrate()
  } catch (e) {
    await store.close().catch(() => {})
    throw e
  }
  return store
}

async function openUnmigrated(url: string, clock: Clock | undefined, backgroundCheckpoints: boolean): Promise<Store> {
  const withClock = clock ? { clock } : {}
  const u = url.trim()
  if (u === 'sqlite::memory:' || u === 'sqlite://:memory:') return openSqliteStore(':memory:', withClock)
  if (u.startsWith('sqlite:')) {
    const path = u.startsWith('sqlite://') ? u.slice('sqlite://'.length) : u.slice('sqlite:'.length)
    if (!path) throw new AppError('invalid_input', `database URL '${url}' has no file path (sqlite://path/to/kefu.db)`)
    return openSqliteStore(decodeURIComponent(path), { ...withClock, backgroundCheckpoints })
  }
  if (/^postgres(ql)?:\/\//.test(u)) {
    let parsed: URL
    try {
      parsed = new URL(u)
    } catch (e) {
      throw new AppError('invalid_input', 'database URL is not a valid postgres:// URL', { cause: e })
    }
    const take = (name: string): string | undefined => {
      const v = parsed.searchParams.get(name) ?? undefined
      parsed.searchParams.delete(name)
      return v
    }
    const int = (name: string): number | undefined => {
      const v = take(name)
      if (v === undefined) return undefined
      const n = Number(v)
      if (!Number.isInteger(n) || n <= 0) {
        throw new AppError('invalid_input', `database URL parameter ${name} must be a positive integer, got '${v}'`)
      }
      return n
    }
    const schema = take('schema')
    const max = int('pool_max')
    const connectionTimeoutMs = int('connect_timeout_ms')
    const statementTimeoutMs = int('statement_timeout_ms')
    return openPostgresStore(parsed.toString(), {
      ...withClock,
      ...(schema ? { schema } : {}),
      ...(max ? { max } : {}),
      ...(connectionTimeoutMs ? { connectionTimeoutMs } : {}),
      ...(statementTimeoutMs ? { statementTimeoutMs } : {}),
    })
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u)?.[1]
  throw new AppError(
    'invalid_input',
    `unsupported database URL scheme '${scheme ?? u}': use sqlite://path/to/kefu.db, sqlite::memory: or postgres://user@host:5432/db`,
  )
}
