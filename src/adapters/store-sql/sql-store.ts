/**
 * The one SQL implementation of the `Store` port, shared by SQLite and PostgreSQL through Kysely.
 * Dialect differences are confined to a few places (row locks, counting) and marked as such.
 */
import { type Kysely, Migrator, sql, type Transaction } from 'kysely'
import type {
  ChannelCustomerLink,
  Conversation,
  ConversationStatus,
  DomainEvent,
  KnowledgeVersion,
  Message,
  MessageRole,
  ReturnRequest,
  Shop,
  Ticket,
  TicketComment,
  TicketPriority,
  TicketStatus,
} from '../../core/domain/records.js'
import type { Customer, FaqEntry, Fault, Locale, Order, Product, Shipment } from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import type { Clock } from '../../core/ports/clock.js'
import type { Page, Store, TicketFilter, TurnWrites } from '../../core/ports/store.js'
import { type CompiledQueries, compiledQueries } from './compiled-queries.js'
import type { Database } from './db-schema.js'
import { SHOP_DATA_TABLES } from './migrations/0001-initial.js'
import { migrationProvider } from './migrations/index.js'
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

type Db = Kysely<Database> | Transaction<Database>

// Rows per multi-row INSERT: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const BATCH_ROWS = 200
// OFFSET needs a LIMIT on SQLite; this stands for "no limit" in both dialects.
const NO_LIMIT = 2_147_483_647

const json = (v: unknown): string => JSON.stringify(v ?? null)
function parse<T>(text: string | null | undefined, fallback: T): T {
  if (text == null) return fallback
  return JSON.parse(text) as T
}

function chunks<T>(rows: readonly T[], size = BATCH_ROWS): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/** Upsert-by-id inside one call: when a key repeats, the last row wins (as it would row by row). */
function lastWins<T>(rows: readonly T[], key: (r: T) => string): T[] {
  const m = new Map<string, T>()
  for (const r of rows) m.set(key(r), r)
  return [...m.values()]
}

function paginate<Q extends { limit(n: number): Q; offset(n: number): Q }>(q: Q, page: Page | undefined): Q {
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
async function upsert(db: Db, table: keyof Database, key: string[], rows: Array<Record<string, unknown>>) {
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

function toShop(r: Database['shops']): Shop {
  return {
    id: r.id,
    name: r.name,
    widgetSecret: r.widget_secret,
    apiKey: r.api_key,
    demo: Number(r.demo) === 1,
    settings: parse(r.settings, {}),
    createdAt: r.created_at,
  }
}

function toConversation(r: Database['conversations']): Conversation {
  return {
    id: r.id,
    shopId: r.shop_id,
    customerId: r.customer_id,
    channel: r.channel,
    status: r.status as ConversationStatus,
    locale: r.locale as Locale | null,
    state: parse(r.state, {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    externalUserId: r.external_user_id ?? null,
    externalThreadId: r.external_thread_id ?? null,
  }
}

function toChannelCustomer(r: Database['channel_customers']): ChannelCustomerLink {
  return {
    shopId: r.shop_id,
    channel: r.channel,
    externalUserId: r.external_user_id,
    customerId: r.customer_id,
    source: r.source as ChannelCustomerLink['source'],
    updatedAt: r.updated_at,
  }
}

/** ISO instant `ttlSeconds` after `fromIso`; null = no expiry. */
function expiry(fromIso: string, ttlSeconds: number | undefined): string | null {
  if (ttlSeconds === undefined) return null
  return new Date(new Date(fromIso).getTime() + Math.max(0, ttlSeconds) * 1000).toISOString()
}

/**
 * A stored message. Its `meta` JSON (the customer message's whole NLU result, a reply's card) is
 * parsed when first read: a turn reads up to 50 messages of history and rarely looks at their meta.
 */
function toMessage(r: Database['messages']): Message {
  const m = {
    id: r.id,
    shopId: r.shop_id,
    conversationId: r.conversation_id,
    seq: Number(r.seq),
    role: r.role as MessageRole,
    text: r.text,
    meta: undefined as unknown as Message['meta'],
    createdAt: r.created_at,
  }
  let raw: string | null = r.meta
  let meta: Message['meta'] | undefined
  Object.defineProperty(m, 'meta', {
    enumerable: true,
    configurable: true,
    get() {
      if (meta === undefined) {
        meta = parse(raw, {})
        raw = null
      }
      return meta
    },
    set(v: Message['meta']) {
      meta = v
    },
  })
  return m
}

function toTicket(r: Database['tickets']): Ticket {
  return {
    id: r.id,
    shopId: r.shop_id,
    conversationId: r.conversation_id,
    customerId: r.customer_id,
    queue: r.queue,
    category: r.category,
    priority: r.priority as TicketPriority,
    status: r.status as TicketStatus,
    assignee: r.assignee,
    subject: r.subject,
    data: parse(r.data, {}),
    slaDueAt: r.sla_due_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

function ticketRow(t: Ticket): Database['tickets'] {
  return {
    shop_id: t.shopId,
    id: t.id,
    conversation_id: t.conversationId ?? null,
    customer_id: t.customerId ?? null,
    queue: t.queue,
    category: t.category,
    priority: t.priority,
    status: t.status,
    assignee: t.assignee ?? null,
    subject: t.subject,
    data: json(t.data ?? {}),
    sla_due_at: t.slaDueAt,
    created_at: t.createdAt,
    updated_at: t.updatedAt,
  }
}

function toReturn(r: Database['return_requests']): ReturnRequest {
  return {
    id: r.id,
    shopId: r.shop_id,
    orderNo: r.order_no,
    customerId: r.customer_id,
    kind: r.kind as ReturnRequest['kind'],
    reason: r.reason,
    status: r.status as ReturnRequest['status'],
    items: parse(r.items, []),
    refundAmount: Number(r.refund_amount),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

function toEvent(r: Database['events']): DomainEvent {
  return {
    id: r.id,
    shopId: r.shop_id,
    type: r.type,
    conversationId: r.conversation_id,
    data: parse(r.data, {}),
    createdAt: r.created_at,
  }
}

function toVersion(r: Database['knowledge_versions']): KnowledgeVersion {
  return {
    shopId: r.shop_id,
    kind: r.kind as 'faq',
    entryId: r.entry_id,
    version: Number(r.version),
    status: r.status as KnowledgeVersion['status'],
    data: parse(r.data, {}),
    author: r.author,
    note: r.note,
    createdAt: r.created_at,
  }
}

type OrderJoinRow = {
  data: string
  s_carrier: string | null
  s_tracking_no: string | null
  s_status: string | null
  s_eta: string | null
  s_events: string | null
}

function toOrder(r: OrderJoinRow): Order {
  const order = parse<Order>(r.data, {} as Order)
  if (r.s_carrier !== null && r.s_tracking_no !== null) {
    const shipment: Shipment = {
      carrier: r.s_carrier,
      trackingNo: r.s_tracking_no,
      status: (r.s_status ?? 'in_transit') as Shipment['status'],
      events: parse(r.s_events, []),
    }
    if (r.s_eta !== null) shipment.eta = r.s_eta
    order.shipment = shipment
  }
  return order
}

/** Wraps every method so driver errors surface as AppError; AppErrors pass through unchanged. */
function guarded<T extends object>(ns: T): T {
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

  const count = async (table: 'products' | 'faq' | 'customers' | 'orders' | 'faults', shopId: string) => {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('shop_id', '=', shopId)
      .executeTakeFirst()
    // PostgreSQL returns count(*) as a bigint string.
    return Number(r?.n ?? 0)
  }

  /**
   * One page of a category's SKUs, in SKU order. A category matches itself and its sub-categories
   * (`electronics` finds `electronics/phone`; substr, not LIKE, so `%` / `_` in a name are not
   * wildcards). Both halves are read from the (shop_id, category, sku) index — on SQLite the
   * sub-categories through the byte range ['c/', 'c0') — so a turn that names a category of a
   * 100,000-product catalog reads one page of index entries, not the catalog (issue 11).
   */
  const categorySkus = async (shopId: string, category: string, page: Page & { afterSku?: string }) => {
    const want = page.limit === undefined ? undefined : Math.max(0, Math.floor(page.offset ?? 0) + page.limit)
    const base = () => {
      const q = db.selectFrom('products').select('sku').where('shop_id', '=', shopId)
      return page.afterSku !== undefined ? q.where('sku', '>', page.afterSku) : q
    }
    const prefix = `${category}/`
    const under = sql<boolean>`substr(category, 1, ${[...prefix].length}) = ${prefix}`
    const exact = base().where('category', '=', category).orderBy('sku')
    // `+sku` keeps SQLite from walking the primary key in SKU order instead of the category range.
    const below = pg
      ? base().where(under).orderBy('sku')
      : base().where('category', '>=', prefix).where('category', '<', `${category}0`).where(under).orderBy(sql`+sku`)
    const limited = (q: typeof exact) => (want === undefined ? q : q.limit(want)).execute()
    const a = (await limited(exact)).map((r) => r.sku)
    const b = (await limited(below)).map((r) => r.sku)
    // Merged in code only when the category has both own products and sub-categories.
    const skus = b.length === 0 ? a : a.length === 0 ? b : [...a, ...b].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
    const from = Math.max(0, Math.floor(page.offset ?? 0))
    return skus.slice(from, want)
  }

  const orderQuery = (d: Db) =>
    d
      .selectFrom('orders as o')
      .leftJoin('shipments as s', (j) => j.onRef('s.shop_id', '=', 'o.shop_id').onRef('s.order_no', '=', 'o.order_no'))
      .select([
        'o.data as data',
        's.carrier as s_carrier',
        's.tracking_no as s_tracking_no',
        's.status as s_status',
        's.eta as s_eta',
        's.events as s_events',
      ])

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

    shops: guarded({
      async get(id: string) {
        const { rows } = await queries.run(db, 'shops.get', [id] as const, (q, [i]) =>
          q.selectFrom('shops').selectAll().where('id', '=', i),
        )
        return rows[0] ? toShop(rows[0]) : null
      },
      async upsert(shop: Shop) {
        await upsert(
          db,
          'shops',
          ['id'],
          [
            {
              id: shop.id,
              name: shop.name,
              widget_secret: shop.widgetSecret,
              api_key: shop.apiKey,
              demo: shop.demo ? 1 : 0,
              settings: json(shop.settings ?? {}),
              created_at: shop.createdAt,
            },
          ],
        )
      },
      async list() {
        const rows = await db.selectFrom('shops').selectAll().orderBy('id').execute()
        return rows.map(toShop)
      },
      async purgeData(id: string) {
        await atomic(async (d) => {
          for (const table of SHOP_DATA_TABLES) await d.deleteFrom(table).where('shop_id', '=', id).execute()
          // Channel claims and cursors belong to the dropped conversations; customer links are the
          // merchant's configuration and stay.
          await d.deleteFrom('channel_state').where('shop_id', '=', id).execute()
        })
      },
    }),

    products: guarded({
      async upsertMany(shopId: string, rows: Product[]) {
        const ts = now()
        const values = lastWins(rows, (p) => p.sku).map((p) => ({
          shop_id: shopId,
          sku: p.sku,
          title: p.title,
          category: p.category,
          brand: p.brand,
          price: p.price,
          stock: p.stock,
          data: json(p),
          updated_at: ts,
        }))
        await atomic((d) => upsert(d, 'products', ['shop_id', 'sku'], values))
      },
      async get(shopId: string, sku: string) {
        const r = await db
          .selectFrom('products')
          .select('data')
          .where('shop_id', '=', shopId)
          .where('sku', '=', sku)
          .executeTakeFirst()
        return r ? parse<Product>(r.data, {} as Product) : null
      },
      async getMany(shopId: string, skus: readonly string[]) {
        if (skus.length === 0) return []
        const rows = await db
          .selectFrom('products')
          .select('data')
          .where('shop_id', '=', shopId)
          .where('sku', 'in', [...skus])
          .execute()
        return rows.map((r) => parse<Product>(r.data, {} as Product))
      },
      async deleteMany(shopId: string, skus: readonly string[]) {
        if (skus.length === 0) return 0
        const r = await db
          .deleteFrom('products')
          .where('shop_id', '=', shopId)
          .where('sku', 'in', [...skus])
          .executeTakeFirst()
        return Number(r.numDeletedRows)
      },
      async list(shopId: string, page?: Page & { category?: string; afterSku?: string }) {
        if (page?.category !== undefined) {
          const skus = await categorySkus(shopId, page.category, page)
          if (skus.length === 0) return []
          const rows = await db
            .selectFrom('products')
            .select('data')
            .where('shop_id', '=', shopId)
            .where('sku', 'in', skus)
            .orderBy('sku')
            .execute()
          return rows.map((r) => parse<Product>(r.data, {} as Product))
        }
        let q = db.selectFrom('products').select('data').where('shop_id', '=', shopId)
        if (page?.afterSku !== undefined) q = q.where('sku', '>', page.afterSku)
        const rows = await paginate(q.orderBy('sku'), page).execute()
        return rows.map((r) => parse<Product>(r.data, {} as Product))
      },
      count: (shopId: string) => count('products', shopId),
    }),

    faq: guarded({
      async upsertMany(shopId: string, rows: FaqEntry[]) {
        const ts = now()
        const values = lastWins(rows, (f) => f.id).map((f) => ({
          shop_id: shopId,
          id: f.id,
          category: f.category,
          locale: f.locale,
          status: f.status ?? 'published',
          data: json(f),
          updated_at: ts,
        }))
        await atomic((d) => upsert(d, 'faq', ['shop_id', 'id'], values))
      },
      async get(shopId: string, id: string) {
        const r = await db
          .selectFrom('faq')
          .select('data')
          .where('shop_id', '=', shopId)
          .where('id', '=', id)
          .executeTakeFirst()
        return r ? parse<FaqEntry>(r.data, {} as FaqEntry) : null
      },
      async list(shopId: string, page?: Page & { status?: FaqEntry['status']; locale?: string }) {
        let q = db.selectFrom('faq').select('data').where('shop_id', '=', shopId)
        if (page?.status !== undefined) q = q.where('status', '=', page.status)
        if (page?.locale !== undefined) q = q.where('locale', '=', page.locale)
        const rows = await paginate(q.orderBy('id'), page).execute()
        return rows.map((r) => parse<FaqEntry>(r.data, {} as FaqEntry))
      },
      count: (shopId: string) => count('faq', shopId),
      async delete(shopId: string, id: string) {
        const r = await db.deleteFrom('faq').where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst()
        return Number(r.numDeletedRows) > 0
      },
    }),

    knowledge: guarded({
      async addVersion(v: Omit<KnowledgeVersion, 'version'>) {
        return atomic(async (d) => {
          if (pg) {
            // Serialises version numbering per entry across connections; released at commit.
            await sql`select pg_advisory_xact_lock(hashtext(${`kv:${v.shopId}:${v.kind}:${v.entryId}`}))`.execute(d)
          }
          // max + 1 in the same statement as the insert: atomic on SQLite even across processes.
          const r = await d
            .insertInto('knowledge_versions')
            .columns(['shop_id', 'kind', 'entry_id', 'version', 'status', 'data', 'author', 'note', 'created_at'])
            .expression(
              sql`select ${v.shopId}, ${v.kind}, ${v.entryId}, coalesce(max(version), 0) + 1, ${v.status}, ${json(
                v.data ?? {},
              )}, ${v.author}, ${v.note}, ${v.createdAt} from knowledge_versions where shop_id = ${v.shopId} and kind = ${v.kind} and entry_id = ${v.entryId}`,
            )
            .returning('version')
            .executeTakeFirstOrThrow()
          return { ...v, version: Number(r.version) }
        })
      },
      async listVersions(shopId: string, kind: 'faq', entryId: string) {
        const rows = await db
          .selectFrom('knowledge_versions')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('kind', '=', kind)
          .where('entry_id', '=', entryId)
          .orderBy('version')
          .execute()
        return rows.map(toVersion)
      },
    }),

    customers: guarded({
      async upsertMany(shopId: string, rows: Customer[]) {
        const ts = now()
        const values = lastWins(rows, (c) => c.id).map((c) => ({
          shop_id: shopId,
          id: c.id,
          name: c.name,
          phone: c.phone,
          tier: c.tier ?? 'regular',
          data: json(c),
          updated_at: ts,
        }))
        await atomic((d) => upsert(d, 'customers', ['shop_id', 'id'], values))
      },
      async get(shopId: string, id: string) {
        const { rows } = await queries.run(db, 'customers.get', [shopId, id] as const, (q, [s, i]) =>
          q.selectFrom('customers').select('data').where('shop_id', '=', s).where('id', '=', i),
        )
        return rows[0] ? parse<Customer>(rows[0].data, {} as Customer) : null
      },
      async list(shopId: string, page?: Page) {
        const q = db.selectFrom('customers').select('data').where('shop_id', '=', shopId).orderBy('id')
        const rows = await paginate(q, page).execute()
        return rows.map((r) => parse<Customer>(r.data, {} as Customer))
      },
      count: (shopId: string) => count('customers', shopId),
    }),

    orders: guarded({
      async upsertMany(shopId: string, rows: Order[]) {
        const ts = now()
        const unique = lastWins(rows, (o) => o.orderNo)
        const orderRows = unique.map((o) => {
          const { shipment: _shipment, ...rest } = o
          return {
            shop_id: shopId,
            order_no: o.orderNo,
            customer_id: o.customerId,
            status: o.status,
            total: o.total,
            created_at: o.createdAt,
            data: json(rest),
            updated_at: ts,
          }
        })
        const shipmentRows = unique
          .filter((o) => o.shipment)
          .map((o) => {
            const s = o.shipment!
            return {
              shop_id: shopId,
              order_no: o.orderNo,
              carrier: s.carrier,
              tracking_no: s.trackingNo,
              status: s.status ?? 'in_transit',
              eta: s.eta ?? null,
              events: json(s.events ?? []),
              updated_at: ts,
            }
          })
        // Upsert replaces the whole record, so an order re-imported without a shipment loses its old one.
        const withoutShipment = unique.filter((o) => !o.shipment).map((o) => o.orderNo)
        await atomic(async (d) => {
          await upsert(d, 'orders', ['shop_id', 'order_no'], orderRows)
          await upsert(d, 'shipments', ['shop_id', 'order_no'], shipmentRows)
          for (const batch of chunks(withoutShipment, 500)) {
            await d.deleteFrom('shipments').where('shop_id', '=', shopId).where('order_no', 'in', batch).execute()
          }
        })
      },
      async get(shopId: string, orderNo: string) {
        const { rows } = await queries.run(db, 'orders.get', [shopId, orderNo] as const, (q, [s, o]) =>
          orderQuery(q).where('o.shop_id', '=', s).where('o.order_no', '=', o),
        )
        return rows[0] ? toOrder(rows[0]) : null
      },
      async listByCustomer(shopId: string, customerId: string) {
        const { rows } = await queries.run(db, 'orders.listByCustomer', [shopId, customerId] as const, (q, [s, c]) =>
          orderQuery(q)
            .where('o.shop_id', '=', s)
            .where('o.customer_id', '=', c)
            .orderBy('o.created_at', 'desc')
            .orderBy('o.order_no'),
        )
        return rows.map(toOrder)
      },
      async update(shopId: string, orderNo: string, patch: Partial<Pick<Order, 'status' | 'address'>>) {
        await atomic(async (d) => {
          let q = d.selectFrom('orders').select('data').where('shop_id', '=', shopId).where('order_no', '=', orderNo)
          if (pg) q = q.forUpdate()
          const r = await q.executeTakeFirst()
          if (!r) throw new AppError('not_found', `order ${orderNo} not found`)
          const order = { ...parse<Order>(r.data, {} as Order) }
          if ('status' in patch && patch.status !== undefined) order.status = patch.status
          if ('address' in patch) {
            if (patch.address === undefined) delete order.address
            else order.address = patch.address
          }
          await d
            .updateTable('orders')
            .set({ status: order.status, data: json(order), updated_at: now() })
            .where('shop_id', '=', shopId)
            .where('order_no', '=', orderNo)
            .execute()
        })
      },
      async list(shopId: string, page?: Page & { status?: Order['status'] }) {
        let q = orderQuery(db).where('o.shop_id', '=', shopId)
        if (page?.status !== undefined) q = q.where('o.status', '=', page.status)
        const rows = await paginate(q.orderBy('o.created_at', 'desc').orderBy('o.order_no'), page).execute()
        return rows.map(toOrder)
      },
      count: (shopId: string) => count('orders', shopId),
    }),

    faults: guarded({
      async upsertMany(shopId: string, rows: Fault[]) {
        const ts = now()
        const values = lastWins(rows, (f) => f.id).map((f) => ({
          shop_id: shopId,
          id: f.id,
          category: f.category,
          data: json(f),
          updated_at: ts,
        }))
        await atomic((d) => upsert(d, 'faults', ['shop_id', 'id'], values))
      },
      async get(shopId: string, id: string) {
        const r = await db
          .selectFrom('faults')
          .select('data')
          .where('shop_id', '=', shopId)
          .where('id', '=', id)
          .executeTakeFirst()
        return r ? parse<Fault>(r.data, {} as Fault) : null
      },
      async list(shopId: string) {
        const rows = await db.selectFrom('faults').select('data').where('shop_id', '=', shopId).orderBy('id').execute()
        return rows.map((r) => parse<Fault>(r.data, {} as Fault))
      },
      count: (shopId: string) => count('faults', shopId),
    }),

    conversations: guarded({
      async create(c: Conversation) {
        await db
          .insertInto('conversations')
          .values({
            shop_id: c.shopId,
            id: c.id,
            customer_id: c.customerId ?? null,
            channel: c.channel,
            status: c.status,
            locale: c.locale ?? null,
            state: json(c.state ?? {}),
            created_at: c.createdAt,
            updated_at: c.updatedAt,
            external_user_id: c.externalUserId ?? null,
            external_thread_id: c.externalThreadId ?? null,
          })
          .execute()
      },
      async findOpenByExternal(shopId: string, channel: string, externalUserId: string, externalThreadId?: string) {
        let q = db
          .selectFrom('conversations')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('channel', '=', channel)
          .where('external_user_id', '=', externalUserId)
          .where('status', '<>', 'closed')
        if (externalThreadId !== undefined) q = q.where('external_thread_id', '=', externalThreadId)
        const r = await q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
        return r ? toConversation(r) : null
      },
      async get(shopId: string, id: string) {
        const { rows } = await queries.run(db, 'conversations.get', [shopId, id] as const, (q, [s, i]) =>
          q.selectFrom('conversations').selectAll().where('shop_id', '=', s).where('id', '=', i),
        )
        return rows[0] ? toConversation(rows[0]) : null
      },
      async getWithLastSeq(shopId: string, id: string) {
        const { rows } = await queries.run(db, 'conversations.getWithLastSeq', [shopId, id] as const, (q, [s, i]) =>
          q
            .selectFrom('conversations as c')
            .selectAll('c')
            .select((eb) =>
              eb
                .selectFrom('messages as m')
                .select((m) => m.fn.max('m.seq').as('s'))
                .whereRef('m.shop_id', '=', 'c.shop_id')
                .whereRef('m.conversation_id', '=', 'c.id')
                .as('last_seq'),
            )
            .where('c.shop_id', '=', s)
            .where('c.id', '=', i),
        )
        const r = rows[0]
        return r ? { conversation: toConversation(r), lastSeq: Number(r.last_seq ?? 0) } : null
      },
      async update(
        shopId: string,
        id: string,
        patch: Partial<Pick<Conversation, 'state' | 'status' | 'locale' | 'customerId' | 'updatedAt'>>,
      ) {
        const set: Partial<Database['conversations']> = { updated_at: patch.updatedAt ?? now() }
        if (patch.state !== undefined) set.state = json(patch.state)
        if (patch.status !== undefined) set.status = patch.status
        if ('locale' in patch) set.locale = patch.locale ?? null
        if ('customerId' in patch) set.customer_id = patch.customerId ?? null
        // Which columns a patch sets is part of the statement's shape; their values are its arguments.
        const columns = Object.keys(set) as Array<keyof typeof set>
        const args: readonly [string, string, ...unknown[]] = [shopId, id, ...columns.map((c) => set[c])]
        const r = await queries.run(db, `conversations.update:${columns.join(',')}`, args, (q, [s, i, ...values]) =>
          q
            .updateTable('conversations')
            .set(Object.fromEntries(columns.map((c, k) => [c, values[k]])) as Partial<Database['conversations']>)
            .where('shop_id', '=', s)
            .where('id', '=', i),
        )
        if (Number(r.numAffectedRows ?? 0) === 0) throw new AppError('not_found', `conversation ${id} not found`)
      },
      async list(shopId: string, page?: Page & { status?: ConversationStatus; customerId?: string }) {
        let q = db.selectFrom('conversations').selectAll().where('shop_id', '=', shopId)
        if (page?.status !== undefined) q = q.where('status', '=', page.status)
        if (page?.customerId !== undefined) q = q.where('customer_id', '=', page.customerId)
        const rows = await paginate(q.orderBy('updated_at', 'desc').orderBy('id'), page).execute()
        return rows.map(toConversation)
      },
    }),

    messages: guarded({
      async append(m: Omit<Message, 'seq'>) {
        const insert = async (d: Db) => {
          if (pg) {
            // Row lock on the conversation serialises concurrent appends to it (READ COMMITTED
            // would otherwise let two inserts compute the same max(seq)).
            const { rows } = await queries.run(
              d,
              'messages.append.lock',
              [m.shopId, m.conversationId] as const,
              (q, [s, c]) =>
                q.selectFrom('conversations').select('id').where('shop_id', '=', s).where('id', '=', c).forUpdate(),
            )
            if (!rows[0]) throw new AppError('not_found', `conversation ${m.conversationId} not found`)
          }
          // One statement computes seq and inserts: atomic on SQLite, also across processes.
          const args = [m.shopId, m.id, m.conversationId, m.role, m.text, json(m.meta ?? {}), m.createdAt] as const
          const { rows } = await queries.run(d, 'messages.append', args, (q, [s, i, c, role, text, meta, at]) =>
            q
              .insertInto('messages')
              .columns(['shop_id', 'id', 'conversation_id', 'seq', 'role', 'text', 'meta', 'created_at'])
              .expression(
                sql`select ${s}, ${i}, ${c}, coalesce(max(seq), 0) + 1, ${role}, ${text}, ${meta}, ${at} from messages where shop_id = ${s} and conversation_id = ${c}`,
              )
              .returning('seq'),
          )
          if (!rows[0]) throw new AppError('internal', 'message insert returned no row')
          return { ...m, seq: Number(rows[0].seq) } as Message
        }
        try {
          return pg ? await atomic(insert) : await insert(db)
        } catch (e) {
          if (isForeignKeyViolation(e)) {
            throw new AppError('not_found', `conversation ${m.conversationId} not found`, { cause: e })
          }
          throw e
        }
      },
      async list(
        shopId: string,
        conversationId: string,
        opts?: { afterSeq?: number; limit?: number; latest?: boolean },
      ) {
        const after = opts?.afterSeq
        const limit = opts?.limit === undefined ? undefined : Math.max(0, Math.floor(opts.limit))
        const latest = Boolean(opts?.latest) && limit !== undefined
        // The statement's shape: with or without a lower seq bound and a limit, newest or oldest first.
        const key = `messages.list:${after !== undefined}:${limit !== undefined}:${latest}`
        const { rows } = await queries.run(
          db,
          key,
          [shopId, conversationId, after ?? 0, limit ?? 0] as const,
          (q, a) => {
            let sel = q
              .selectFrom('messages')
              .selectAll()
              .where('shop_id', '=', a[0])
              .where('conversation_id', '=', a[1])
            if (after !== undefined) sel = sel.where('seq', '>', a[2])
            sel = sel.orderBy('seq', latest ? 'desc' : 'asc')
            return limit !== undefined ? sel.limit(a[3]) : sel
          },
        )
        return latest ? rows.reverse().map(toMessage) : rows.map(toMessage)
      },
    }),

    tickets: guarded({
      async create(t: Ticket) {
        await db.insertInto('tickets').values(ticketRow(t)).execute()
      },
      async get(shopId: string, id: string) {
        const r = await db
          .selectFrom('tickets')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('id', '=', id)
          .executeTakeFirst()
        return r ? toTicket(r) : null
      },
      async update(shopId: string, id: string, patch: Partial<Omit<Ticket, 'id' | 'shopId' | 'createdAt'>>) {
        const set: Partial<Database['tickets']> = { updated_at: patch.updatedAt ?? now() }
        if ('conversationId' in patch) set.conversation_id = patch.conversationId ?? null
        if ('customerId' in patch) set.customer_id = patch.customerId ?? null
        if (patch.queue !== undefined) set.queue = patch.queue
        if (patch.category !== undefined) set.category = patch.category
        if (patch.priority !== undefined) set.priority = patch.priority
        if (patch.status !== undefined) set.status = patch.status
        if ('assignee' in patch) set.assignee = patch.assignee ?? null
        if (patch.subject !== undefined) set.subject = patch.subject
        if (patch.data !== undefined) set.data = json(patch.data)
        if (patch.slaDueAt !== undefined) set.sla_due_at = patch.slaDueAt
        const r = await db
          .updateTable('tickets')
          .set(set)
          .where('shop_id', '=', shopId)
          .where('id', '=', id)
          .executeTakeFirst()
        if (Number(r.numUpdatedRows) === 0) throw new AppError('not_found', `ticket ${id} not found`)
      },
      async list(shopId: string, filter?: TicketFilter) {
        let q = db.selectFrom('tickets').selectAll().where('shop_id', '=', shopId)
        if (filter?.status !== undefined) q = q.where('status', '=', filter.status)
        if (filter?.queue !== undefined) q = q.where('queue', '=', filter.queue)
        if (filter?.assignee !== undefined) q = q.where('assignee', '=', filter.assignee)
        if (filter?.customerId !== undefined) q = q.where('customer_id', '=', filter.customerId)
        if (filter?.conversationId !== undefined) q = q.where('conversation_id', '=', filter.conversationId)
        // Oldest first: a queue is worked in arrival order (SLA).
        const rows = await paginate(q.orderBy('created_at').orderBy('id'), filter).execute()
        return rows.map(toTicket)
      },
      async addComment(c: TicketComment) {
        try {
          await db
            .insertInto('ticket_comments')
            .values({
              shop_id: c.shopId,
              id: c.id,
              ticket_id: c.ticketId,
              author: c.author,
              text: c.text,
              created_at: c.createdAt,
            })
            .execute()
        } catch (e) {
          if (isForeignKeyViolation(e)) throw new AppError('not_found', `ticket ${c.ticketId} not found`, { cause: e })
          throw e
        }
      },
      async listComments(shopId: string, ticketId: string) {
        const rows = await db
          .selectFrom('ticket_comments')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('ticket_id', '=', ticketId)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
        return rows.map(
          (r): TicketComment => ({
            id: r.id,
            ticketId: r.ticket_id,
            shopId: r.shop_id,
            author: r.author,
            text: r.text,
            createdAt: r.created_at,
          }),
        )
      },
    }),

    returns: guarded({
      async create(r: ReturnRequest) {
        await db
          .insertInto('return_requests')
          .values({
            shop_id: r.shopId,
            id: r.id,
            order_no: r.orderNo,
            customer_id: r.customerId,
            kind: r.kind,
            reason: r.reason,
            status: r.status,
            items: json(r.items ?? []),
            refund_amount: r.refundAmount,
            created_at: r.createdAt,
            updated_at: r.updatedAt,
          })
          .execute()
      },
      async get(shopId: string, id: string) {
        const r = await db
          .selectFrom('return_requests')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('id', '=', id)
          .executeTakeFirst()
        return r ? toReturn(r) : null
      },
      async update(shopId: string, id: string, patch: Partial<Pick<ReturnRequest, 'status' | 'updatedAt'>>) {
        const set: Partial<Database['return_requests']> = { updated_at: patch.updatedAt ?? now() }
        if (patch.status !== undefined) set.status = patch.status
        const r = await db
          .updateTable('return_requests')
          .set(set)
          .where('shop_id', '=', shopId)
          .where('id', '=', id)
          .executeTakeFirst()
        if (Number(r.numUpdatedRows) === 0) throw new AppError('not_found', `return request ${id} not found`)
      },
      async listByOrder(shopId: string, orderNo: string) {
        const rows = await db
          .selectFrom('return_requests')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('order_no', '=', orderNo)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
        return rows.map(toReturn)
      },
    }),

    channelState: guarded({
      async get(shopId: string, key: string) {
        const r = await db
          .selectFrom('channel_state')
          .select(['value', 'expires_at'])
          .where('shop_id', '=', shopId)
          .where('key', '=', key)
          .executeTakeFirst()
        if (!r) return null
        return r.expires_at !== null && r.expires_at <= now() ? null : r.value
      },
      async set(shopId: string, key: string, value: string, ttlSeconds?: number) {
        const ts = now()
        await upsert(
          db,
          'channel_state',
          ['shop_id', 'key'],
          [{ shop_id: shopId, key, value, expires_at: expiry(ts, ttlSeconds), updated_at: ts }],
        )
      },
      async claimOnce(shopId: string, key: string, ttlSeconds: number) {
        const ts = now()
        // Inserted, or taken over from an expired claim: one statement, so exactly one caller wins.
        const r = await db
          .insertInto('channel_state')
          .values({ shop_id: shopId, key, value: 'claimed', expires_at: expiry(ts, ttlSeconds), updated_at: ts })
          .onConflict((oc) =>
            oc
              .columns(['shop_id', 'key'])
              .doUpdateSet({
                value: sql.ref('excluded.value'),
                expires_at: sql.ref('excluded.expires_at'),
                updated_at: sql.ref('excluded.updated_at'),
              })
              .where('channel_state.expires_at', 'is not', null)
              .where('channel_state.expires_at', '<=', ts),
          )
          .returning('key')
          .executeTakeFirst()
        return r !== undefined
      },
    }),

    channelCustomers: guarded({
      async get(shopId: string, channel: string, externalUserId: string) {
        const r = await db
          .selectFrom('channel_customers')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('channel', '=', channel)
          .where('external_user_id', '=', externalUserId)
          .executeTakeFirst()
        return r ? toChannelCustomer(r) : null
      },
      async set(link: ChannelCustomerLink) {
        await upsert(
          db,
          'channel_customers',
          ['shop_id', 'channel', 'external_user_id'],
          [
            {
              shop_id: link.shopId,
              channel: link.channel,
              external_user_id: link.externalUserId,
              customer_id: link.customerId,
              source: link.source,
              updated_at: link.updatedAt,
            },
          ],
        )
      },
      async delete(shopId: string, channel: string, externalUserId: string) {
        const r = await db
          .deleteFrom('channel_customers')
          .where('shop_id', '=', shopId)
          .where('channel', '=', channel)
          .where('external_user_id', '=', externalUserId)
          .executeTakeFirst()
        return Number(r.numDeletedRows) > 0
      },
      async list(shopId: string, page?: Page & { channel?: string }) {
        let q = db.selectFrom('channel_customers').selectAll().where('shop_id', '=', shopId)
        if (page?.channel !== undefined) q = q.where('channel', '=', page.channel)
        const rows = await paginate(q.orderBy('channel').orderBy('external_user_id'), page).execute()
        return rows.map(toChannelCustomer)
      },
    }),

    events: guarded({
      async append(e: DomainEvent) {
        const args = [e.shopId, e.id, e.type, e.conversationId ?? null, json(e.data ?? {}), e.createdAt] as const
        await queries.run(db, 'events.append', args, (q, [s, i, type, c, data, at]) =>
          q.insertInto('events').values({ shop_id: s, id: i, type, conversation_id: c, data, created_at: at }),
        )
      },
      async list(shopId: string, opts?: Page & { type?: string; conversationId?: string; since?: string }) {
        let q = db.selectFrom('events').selectAll().where('shop_id', '=', shopId)
        if (opts?.type !== undefined) q = q.where('type', '=', opts.type)
        if (opts?.conversationId !== undefined) q = q.where('conversation_id', '=', opts.conversationId)
        if (opts?.since !== undefined) q = q.where('created_at', '>=', opts.since)
        const rows = await paginate(q.orderBy('created_at').orderBy('id'), opts).execute()
        return rows.map(toEvent)
      },
    }),

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
