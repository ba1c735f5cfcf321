/** After-sales and channel records in SQL: tickets, return requests, channel state and channel users. */
import { sql } from 'kysely'
import type { ChannelCustomerLink, ReturnRequest, Ticket, TicketComment } from '../../core/domain/records.js'
import { AppError } from '../../core/errors.js'
import type { Page, Store, TicketFilter } from '../../core/ports/store.js'
import type { Database } from './db-schema.js'
import { guarded, json, paginate, upsert } from './sql-helpers.js'
import type { SqlRepoContext } from './sql-repo-context.js'
import { expiry, ticketRow, toChannelCustomer, toReturn, toTicket } from './sql-row-mappers.js'
import { isForeignKeyViolation } from './to-store-error.js'

export function sqlServiceRepos(
  ctx: SqlRepoContext,
): Pick<Store, 'tickets' | 'returns' | 'channelState' | 'channelCustomers'> {
  const { db, now } = ctx
  return {
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
  }
}
