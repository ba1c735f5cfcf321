/**
 * Translates SQLite (better-sqlite3) and PostgreSQL (pg) driver errors into AppError, keeping the
 * driver error as `cause`. Nothing vendor-specific leaks past the store.
 */
import { AppError } from '../../core/errors.js'

type DriverError = { code?: unknown; message?: unknown }

const code = (e: unknown): string =>
  typeof e === 'object' && e !== null && typeof (e as DriverError).code === 'string'
    ? String((e as DriverError).code)
    : ''
const message = (e: unknown): string =>
  typeof e === 'object' && e !== null && typeof (e as DriverError).message === 'string'
    ? String((e as DriverError).message)
    : String(e)

/** True for a unique / primary-key violation in either dialect. */
export function isUniqueViolation(e: unknown): boolean {
  const c = code(e)
  return c === '23505' || c === 'SQLITE_CONSTRAINT_PRIMARYKEY' || c === 'SQLITE_CONSTRAINT_UNIQUE'
}

/** True when a row points at a parent that does not exist (e.g. a message for an unknown conversation). */
export function isForeignKeyViolation(e: unknown): boolean {
  const c = code(e)
  return c === '23503' || c === 'SQLITE_CONSTRAINT_FOREIGNKEY'
}

// Connection-level trouble: the caller may retry once the database is back.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
])

function isUnavailable(e: unknown): boolean {
  const c = code(e)
  if (NETWORK_CODES.has(c)) return true
  // SQLite: another process holds the write lock past busy_timeout, or the file cannot be opened.
  if (/^SQLITE_(BUSY|LOCKED|CANTOPEN|FULL|IOERR|READONLY)/.test(c)) return true
  // PostgreSQL classes 08 (connection), 53 (resources), 57 (operator intervention, incl. 57014
  // statement timeout), and 40001/40P01 (serialization failure, deadlock): all retryable.
  if (/^(08|53|57)/.test(c) || c === '40001' || c === '40P01') return true
  const m = message(e)
  return /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/i.test(
    m,
  )
}

/** Maps any error thrown by the database layer to an AppError (AppErrors pass through). */
export function toStoreError(e: unknown): AppError {
  if (AppError.isInstance(e)) return e
  if (isUniqueViolation(e)) {
    return new AppError('conflict', 'a record with this id already exists', { cause: e })
  }
  if (isForeignKeyViolation(e)) {
    return new AppError('conflict', 'the record refers to a shop or parent record that does not exist', {
      cause: e,
    })
  }
  if (isUnavailable(e)) {
    // Only the driver code in the message: it may reach an HTTP client; the full text stays in `cause`.
    const c = code(e)
    return new AppError('unavailable', `database unavailable${c ? ` (${c})` : ''}; try again shortly`, {
      cause: e,
      retryable: true,
    })
  }
  return new AppError('internal', `database error: ${message(e)}`, { cause: e })
}
