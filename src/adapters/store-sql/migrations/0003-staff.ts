/**
 * Staff accounts, their sign-in sessions and the audit log (docs/staff.md). Same conventions as
 * 0001: dialect-neutral types, ISO-8601 text timestamps, every table keyed by shop. Staff data is
 * not shop "data": `shops.purgeData` (demo reload) leaves it alone; deleting the shop cascades.
 */
import type { Kysely } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type Db = Kysely<any>

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('staff_accounts')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('offline'))
    .addColumn('max_chats', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_accounts_pk', ['shop_id', 'id'])
    .addUniqueConstraint('staff_accounts_username_uq', ['shop_id', 'username'])
    .addForeignKeyConstraint('staff_accounts_shop_fk', ['shop_id'], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addForeignKeyConstraint(
      'staff_sessions_account_fk',
      ['shop_id', 'account_id'],
      'staff_accounts',
      ['shop_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute()
  await db.schema
    .createIndex('staff_sessions_account_idx')
    .on('staff_sessions')
    .columns(['shop_id', 'account_id'])
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_log_pk', ['shop_id', 'id'])
    .addForeignKeyConstraint('audit_log_shop_fk', ['shop_id'], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('audit_log_created_idx').on('audit_log').columns(['shop_id', 'created_at']).execute()
}

export async function down(db: Db): Promise<void> {
  for (const t of ['audit_log', 'staff_sessions', 'staff_accounts']) await db.schema.dropTable(t).ifExists().execute()
}
