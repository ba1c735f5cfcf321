/** Conversations, their messages and the domain events, in SQL. */
import { sql } from 'kysely'
import type { Conversation, ConversationStatus, DomainEvent, Message } from '../../core/domain/records.js'
import { AppError } from '../../core/errors.js'
import type { Page, Store } from '../../core/ports/store.js'
import type { Database } from './db-schema.js'
import { type Db, guarded, json, paginate } from './sql-helpers.js'
import type { SqlRepoContext } from './sql-repo-context.js'
import { toConversation, toEvent, toMessage } from './sql-row-mappers.js'
import { isForeignKeyViolation } from './to-store-error.js'

export function sqlConversationRepos(ctx: SqlRepoContext): Pick<Store, 'conversations' | 'messages' | 'events'> {
  const { db, pg, queries, now, atomic } = ctx
  return {
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
  }
}
