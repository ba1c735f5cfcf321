/**
 * Channels (WeCom 微信客服, WeChat Official Accounts, Chatwoot): a conversation remembers the
 * platform's user (and thread) it belongs to; a small key/value table holds what a channel shares
 * across instances (idempotency claims, access tokens, sync cursors) with an optional expiry; and
 * `channel_customers` maps a platform user to the shop's customer (merchant-provided or learned when
 * the visitor verified their identity). Same dialect-neutral rules as 0001.
 */
import type { Kysely } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type Db = Kysely<any>

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('external_user_id', 'text').execute()
  await db.schema.alterTable('conversations').addColumn('external_thread_id', 'text').execute()
  await db.schema
    .createIndex('conversations_external_idx')
    .on('conversations')
    .columns(['shop_id', 'channel', 'external_user_id', 'updated_at'])
    .execute()

  await db.schema
    .createTable('channel_state')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    // ISO instant after which the row counts as absent; null = kept until overwritten.
    .addColumn('expires_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('channel_state_pk', ['shop_id', 'key'])
    .addForeignKeyConstraint('channel_state_shop_fk', ['shop_id'], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('channel_state_expiry_idx').on('channel_state').columns(['expires_at']).execute()

  await db.schema
    .createTable('channel_customers')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_user_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('channel_customers_pk', ['shop_id', 'channel', 'external_user_id'])
    .addForeignKeyConstraint('channel_customers_shop_fk', ['shop_id'], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('channel_customers').ifExists().execute()
  await db.schema.dropTable('channel_state').ifExists().execute()
  await db.schema.dropIndex('conversations_external_idx').ifExists().execute()
  await db.schema.alterTable('conversations').dropColumn('external_thread_id').execute()
  await db.schema.alterTable('conversations').dropColumn('external_user_id').execute()
}
