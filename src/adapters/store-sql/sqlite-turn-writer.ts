/**
 * A chat turn's writes on SQLite as one synchronous batch (issue 16): BEGIN IMMEDIATE, one INSERT of
 * all the turn's messages (their seqs computed inside it), the conversation's UPDATE, one INSERT of
 * all its events, COMMIT — five prepared statements run back to back on better-sqlite3, instead of
 * six to eight statements each going through Kysely's asynchronous executor (a connection lock,
 * several promises and a plugin pass per statement, and a begin and a commit of their own).
 *
 * The caller holds Kysely's connection lock while this runs (sql-store.ts `writeTurn`), so no
 * Kysely transaction is open on the connection. Any error rolls the whole batch back; a busy
 * database (another process holds the write lock past SQLite's own short wait) is retried
 * asynchronously until the busy budget is spent, like every other statement (sqlite-store.ts).
 */
import type SqliteDatabase from 'better-sqlite3'
import type { Message } from '../../core/domain/records.js'
import { AppError } from '../../core/errors.js'
import type { TurnWrites } from '../../core/ports/store.js'

type Statement = SqliteDatabase.Statement

const json = (v: unknown): string => JSON.stringify(v ?? null)

/** Statements per distinct row count are kept up to this many rows; larger batches prepare their own. */
const CACHED_ROWS = 16

/** The INSERT of `n` messages: seq = the conversation's newest seq + 1, + 2, … in the rows' order. */
function messagesSql(n: number): string {
  const rows = Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?)').join(', ')
  return (
    'insert into messages (shop_id, id, conversation_id, seq, role, text, meta, created_at) ' +
    'select ?, v.column1, ?, b.s + v.column2, v.column3, v.column4, v.column5, v.column6 ' +
    '  from (select coalesce(max(seq), 0) as s from messages where shop_id = ? and conversation_id = ?) as b, ' +
    `       (values ${rows}) as v ` +
    'returning id, seq'
  )
}

function eventsSql(n: number): string {
  const rows = Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?)').join(', ')
  return `insert into events (shop_id, id, type, conversation_id, data, created_at) values ${rows}`
}

const CONVERSATION_COLUMNS = {
  state: 'state',
  status: 'status',
  locale: 'locale',
  customerId: 'customer_id',
} as const

export type SqliteTurnWriter = (w: TurnWrites) => Promise<Message[]>

/**
 * @param sqlite the store's connection (the same one Kysely uses)
 * @param busyBudgetMs how long a busy database is retried before the error surfaces
 * @param now stamps updated_at when the patch has none (the store's clock)
 */
export function sqliteTurnWriter(
  sqlite: SqliteDatabase.Database,
  busyBudgetMs: number,
  now: () => string,
): SqliteTurnWriter {
  let begin: Statement | undefined
  let commit: Statement | undefined
  let rollback: Statement | undefined
  const cache = new Map<string, Statement>()
  const statement = (key: string, sql: () => string, cacheable: boolean): Statement => {
    let s = cache.get(key)
    if (!s) {
      s = sqlite.prepare(sql())
      if (cacheable) cache.set(key, s)
    }
    return s
  }

  function runOnce(w: TurnWrites): Message[] {
    begin ??= sqlite.prepare('begin immediate')
    commit ??= sqlite.prepare('commit')
    rollback ??= sqlite.prepare('rollback')
    begin.run()
    try {
      const stored = insertMessages(w)
      if (w.conversation) updateConversation(w)
      insertEvents(w)
      commit.run()
      return stored
    } catch (e) {
      if (sqlite.inTransaction) rollback.run()
      throw e
    }
  }

  function insertMessages(w: TurnWrites): Message[] {
    const n = w.messages.length
    if (n === 0) return []
    const params: unknown[] = [w.shopId, w.conversationId, w.shopId, w.conversationId]
    w.messages.forEach((m, k) => {
      if (m.shopId !== w.shopId || m.conversationId !== w.conversationId)
        throw new AppError('internal', 'a turn writes messages of its own conversation only')
      params.push(m.id, k + 1, m.role, m.text, json(m.meta ?? {}), m.createdAt)
    })
    // Parameters in SQL order: the select list's shop and conversation, the max(seq) subquery's, the rows.
    const rows = statement(`m${n}`, () => messagesSql(n), n <= CACHED_ROWS).all(params) as Array<{
      id: string
      seq: number | bigint
    }>
    const seqOf = new Map(rows.map((r) => [r.id, Number(r.seq)]))
    return w.messages.map((m) => {
      const seq = seqOf.get(m.id)
      if (seq === undefined) throw new AppError('internal', 'message insert returned no row')
      return { ...m, seq } as Message
    })
  }

  function updateConversation(w: TurnWrites): void {
    const patch = w.conversation ?? {}
    const columns: string[] = []
    const values: unknown[] = []
    for (const [k, column] of Object.entries(CONVERSATION_COLUMNS) as Array<
      [keyof typeof CONVERSATION_COLUMNS, string]
    >) {
      if (!(k in patch)) continue
      const v = patch[k]
      if (v === undefined && (k === 'state' || k === 'status')) continue
      columns.push(column)
      values.push(k === 'state' ? json(v) : (v ?? null))
    }
    columns.push('updated_at')
    values.push(patch.updatedAt ?? now())
    const key = `c:${columns.join(',')}`
    const s = statement(
      key,
      () => `update conversations set ${columns.map((c) => `${c} = ?`).join(', ')} where shop_id = ? and id = ?`,
      true,
    )
    const r = s.run([...values, w.shopId, w.conversationId])
    if (r.changes === 0) throw new AppError('not_found', `conversation ${w.conversationId} not found`)
  }

  function insertEvents(w: TurnWrites): void {
    const n = w.events.length
    if (n === 0) return
    const params: unknown[] = []
    for (const e of w.events)
      params.push(e.shopId, e.id, e.type, e.conversationId ?? null, json(e.data ?? {}), e.createdAt)
    statement(`e${n}`, () => eventsSql(n), n <= CACHED_ROWS).run(params)
  }

  return async (w) => {
    const started = performance.now()
    for (let attempt = 0; ; attempt++) {
      try {
        return runOnce(w)
      } catch (e) {
        const code = (e as { code?: unknown }).code
        const busy = typeof code === 'string' && code.startsWith('SQLITE_BUSY')
        if (!busy || performance.now() - started >= busyBudgetMs) throw e
        await new Promise((r) => setTimeout(r, Math.min(50, 2 + attempt * 5)))
      }
    }
  }
}
