/**
 * Hot-path queries built and compiled once, then run with new parameters (issue 16).
 *
 * Kysely builds an immutable operation tree and compiles it to SQL on every call: for the handful
 * of statements every chat turn runs (read the conversation, its latest messages, the customer,
 * append messages and events, update the conversation) that was about 8 % of a turn's CPU, more than
 * running most of the statements. Here a query's builder runs once per shape (`key`) with
 * placeholders standing for its arguments; later calls only put the arguments in the placeholders'
 * places and hand the compiled query to the same executor (same connection, same transaction, same
 * prepared-statement cache on SQLite).
 *
 * A builder must not look at its arguments (they are placeholders when it runs): anything that
 * changes the SQL text (optional filters, which columns a patch sets) belongs in the key.
 */
import { type Compilable, type CompiledQuery, createQueryId, type Kysely, type QueryResult } from 'kysely'

/** Stands for argument `index` while a query is built the one time. */
class Placeholder {
  constructor(readonly index: number) {}
}

type Template = {
  readonly compiled: CompiledQuery
  /** Per SQL parameter: the argument index it takes, or a constant the builder wrote itself. */
  readonly from: ReadonlyArray<number | { readonly constant: unknown }>
}

/** Anything Kysely can execute a compiled query on: the database or an open transaction. */
type Executor = { executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>> }

export type CompiledQueries<DB> = {
  /**
   * Runs the query `build` describes with `args`, building and compiling it only the first time `key`
   * is seen. `build` receives placeholders typed as the arguments and must not branch on them.
   *
   * @example
   * const r = await queries.run(db, 'conversation.get', [shopId, id], (q, [s, i]) =>
   *   q.selectFrom('conversations').selectAll().where('shop_id', '=', s).where('id', '=', i))
   */
  run<A extends readonly unknown[], R>(
    on: Executor,
    key: string,
    args: A,
    build: (qb: Kysely<DB>, args: A) => Compilable<R>,
  ): Promise<QueryResult<R>>
  /** Distinct shapes compiled so far (tests). */
  readonly size: number
}

/**
 * A cache of compiled hot-path queries for one database (its dialect compiles them).
 *
 * @param qb the Kysely instance whose dialect compiles the queries (not necessarily the executor)
 */
export function compiledQueries<DB>(qb: Kysely<DB>): CompiledQueries<DB> {
  const templates = new Map<string, Template>()
  const compile = <A extends readonly unknown[], R>(
    key: string,
    arity: number,
    build: (q: Kysely<DB>, args: A) => Compilable<R>,
  ): Template => {
    const slots = Array.from({ length: arity }, (_, i) => new Placeholder(i)) as unknown as A
    const compiled = build(qb, slots).compile()
    const from = compiled.parameters.map((p) => (p instanceof Placeholder ? p.index : { constant: p }))
    const t: Template = { compiled, from }
    templates.set(key, t)
    return t
  }
  return {
    run<A extends readonly unknown[], R>(
      on: Executor,
      key: string,
      args: A,
      build: (qb: Kysely<DB>, args: A) => Compilable<R>,
    ): Promise<QueryResult<R>> {
      const t = templates.get(key) ?? compile(key, args.length, build)
      const parameters = t.from.map((f) => (typeof f === 'number' ? args[f] : f.constant))
      // A fresh object per run: the executor and its plugins key per-query state on the query id.
      const q: CompiledQuery<R> = { sql: t.compiled.sql, query: t.compiled.query, queryId: createQueryId(), parameters }
      return on.executeQuery(q)
    },
    get size() {
      return templates.size
    },
  }
}
