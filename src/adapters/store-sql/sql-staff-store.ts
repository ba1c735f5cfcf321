/**
 * The staff part of the SQL store (accounts, sessions, audit log), shared by SQLite and PostgreSQL.
 * `createSqlStore` wraps these methods so driver errors surface as AppError (a duplicate username
 * is `conflict`).
 */
import type { Kysely, Transaction } from 'kysely'
import type { AuditEntry, StaffAccount, StaffRole, StaffSession, StaffStatus } from '../../core/domain/staff-records.js'
import { AppError } from '../../core/errors.js'
import type { Page, StaffPatch, Store } from '../../core/ports/store.js'
import type { Database } from './db-schema.js'

type Db = Kysely<Database> | Transaction<Database>

function toAccount(r: Database['staff_accounts']): StaffAccount {
  return {
    id: r.id,
    shopId: r.shop_id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as StaffRole,
    passwordHash: r.password_hash,
    status: r.status as StaffStatus,
    maxChats: Number(r.max_chats),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

function toSession(r: Database['staff_sessions']): StaffSession {
  return {
    id: r.id,
    shopId: r.shop_id,
    accountId: r.account_id,
    csrfToken: r.csrf_token,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  }
}

function toAudit(r: Database['audit_log']): AuditEntry {
  return {
    id: r.id,
    shopId: r.shop_id,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorKind: r.actor_kind as AuditEntry['actorKind'],
    action: r.action,
    target: r.target,
    data: JSON.parse(r.data) as Record<string, unknown>,
    createdAt: r.created_at,
  }
}

/** The three staff namespaces over one Kysely instance or transaction. */
export function sqlStaffStores(
  db: Db,
  atomic: <T>(fn: (d: Db) => Promise<T>) => Promise<T>,
): Pick<Store, 'staff' | 'staffSessions' | 'audit'> {
  return {
    staff: {
      async create(a: StaffAccount) {
        await db
          .insertInto('staff_accounts')
          .values({
            shop_id: a.shopId,
            id: a.id,
            username: a.username,
            display_name: a.displayName,
            role: a.role,
            password_hash: a.passwordHash,
            status: a.status,
            max_chats: a.maxChats,
            created_at: a.createdAt,
            updated_at: a.updatedAt,
          })
          .execute()
      },
      async get(shopId: string, id: string) {
        const r = await db
          .selectFrom('staff_accounts')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('id', '=', id)
          .executeTakeFirst()
        return r ? toAccount(r) : null
      },
      async getByUsername(shopId: string, username: string) {
        const r = await db
          .selectFrom('staff_accounts')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('username', '=', username)
          .executeTakeFirst()
        return r ? toAccount(r) : null
      },
      async list(shopId: string) {
        const rows = await db
          .selectFrom('staff_accounts')
          .selectAll()
          .where('shop_id', '=', shopId)
          .orderBy('username')
          .execute()
        return rows.map(toAccount)
      },
      async update(shopId: string, id: string, patch: StaffPatch) {
        const set: Partial<Database['staff_accounts']> = {}
        if (patch.displayName !== undefined) set.display_name = patch.displayName
        if (patch.role !== undefined) set.role = patch.role
        if (patch.passwordHash !== undefined) set.password_hash = patch.passwordHash
        if (patch.status !== undefined) set.status = patch.status
        if (patch.maxChats !== undefined) set.max_chats = patch.maxChats
        if (patch.updatedAt !== undefined) set.updated_at = patch.updatedAt
        if (Object.keys(set).length === 0) {
          if (!(await this.get(shopId, id))) throw new AppError('not_found', `staff account ${id} not found`)
          return
        }
        const r = await db
          .updateTable('staff_accounts')
          .set(set)
          .where('shop_id', '=', shopId)
          .where('id', '=', id)
          .executeTakeFirst()
        if (Number(r.numUpdatedRows) === 0) throw new AppError('not_found', `staff account ${id} not found`)
      },
      async delete(shopId: string, id: string) {
        return atomic(async (d) => {
          await d.deleteFrom('staff_sessions').where('shop_id', '=', shopId).where('account_id', '=', id).execute()
          const r = await d
            .deleteFrom('staff_accounts')
            .where('shop_id', '=', shopId)
            .where('id', '=', id)
            .executeTakeFirst()
          return Number(r.numDeletedRows) > 0
        })
      },
    },

    staffSessions: {
      async create(s: StaffSession) {
        await db
          .insertInto('staff_sessions')
          .values({
            id: s.id,
            shop_id: s.shopId,
            account_id: s.accountId,
            csrf_token: s.csrfToken,
            created_at: s.createdAt,
            expires_at: s.expiresAt,
            revoked_at: s.revokedAt,
          })
          .execute()
      },
      async get(id: string) {
        const r = await db.selectFrom('staff_sessions').selectAll().where('id', '=', id).executeTakeFirst()
        return r ? toSession(r) : null
      },
      async revoke(id: string, at: string) {
        await db
          .updateTable('staff_sessions')
          .set({ revoked_at: at })
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .execute()
      },
      async revokeAll(shopId: string, accountId: string, at: string) {
        const r = await db
          .updateTable('staff_sessions')
          .set({ revoked_at: at })
          .where('shop_id', '=', shopId)
          .where('account_id', '=', accountId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst()
        return Number(r.numUpdatedRows)
      },
    },

    audit: {
      async append(e: AuditEntry) {
        await db
          .insertInto('audit_log')
          .values({
            shop_id: e.shopId,
            id: e.id,
            actor_id: e.actorId,
            actor_name: e.actorName,
            actor_kind: e.actorKind,
            action: e.action,
            target: e.target,
            data: JSON.stringify(e.data ?? {}),
            created_at: e.createdAt,
          })
          .execute()
      },
      async list(shopId: string, opts?: Page & { actorId?: string; action?: string; since?: string }) {
        let q = db.selectFrom('audit_log').selectAll().where('shop_id', '=', shopId)
        if (opts?.actorId !== undefined) q = q.where('actor_id', '=', opts.actorId)
        if (opts?.action !== undefined) q = q.where('action', '=', opts.action)
        if (opts?.since !== undefined) q = q.where('created_at', '>=', opts.since)
        let ordered = q.orderBy('created_at', 'desc').orderBy('id', 'desc')
        ordered = ordered.limit(Math.max(0, Math.floor(opts?.limit ?? 200)))
        if (opts?.offset) ordered = ordered.offset(Math.floor(opts.offset))
        const rows = await ordered.execute()
        return rows.map(toAudit)
      },
    },
  }
}
