/**
 * Initial schema. Written once for both dialects: only types both SQLite and PostgreSQL understand
 * (text, integer, double precision), JSON kept as TEXT, timestamps as ISO-8601 TEXT (they sort
 * lexicographically), booleans as 0/1 integers. Every table carries `shop_id` and every primary
 * key starts with it, so one database holds many shops and no query can forget the tenant.
 */
import type { Kysely } from 'kysely'

// The schema builder is dialect-neutral; `any` is what Kysely itself uses for migrations.
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type Db = Kysely<any>

const shopFk = ['shop_id'] as const

/** Creates every table and index of schema version 1. */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('shops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('widget_secret', 'text', (c) => c.notNull())
    .addColumn('api_key', 'text', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  // Catalog tables keep the whole validated record in `data` (so new optional import fields need no
  // migration) plus the columns queries filter or sort on.
  await db.schema
    .createTable('products')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('price', 'double precision', (c) => c.notNull())
    .addColumn('stock', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('products_pk', ['shop_id', 'sku'])
    .addForeignKeyConstraint('products_shop_fk', [...shopFk], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('products_category_idx').on('products').columns(['shop_id', 'category']).execute()

  await db.schema
    .createTable('faq')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('faq_pk', ['shop_id', 'id'])
    .addForeignKeyConstraint('faq_shop_fk', [...shopFk], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()

  await db.schema
    .createTable('knowledge_versions')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_versions_pk', ['shop_id', 'kind', 'entry_id', 'version'])
    .addForeignKeyConstraint('knowledge_versions_shop_fk', [...shopFk], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()

  await db.schema
    .createTable('customers')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customers_pk', ['shop_id', 'id'])
    .addForeignKeyConstraint('customers_shop_fk', [...shopFk], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('customers_phone_idx').on('customers').columns(['shop_id', 'phone']).execute()

  // `data` holds the order without its shipment; the shipment lives in `shipments`.
  await db.schema
    .createTable('orders')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('order_no', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('orders_pk', ['shop_id', 'order_no'])
    .addForeignKeyConstraint('orders_shop_fk', [...shopFk], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('orders_customer_idx').on('orders').columns(['shop_id', 'customer_id']).execute()
  await db.schema.createIndex('orders_status_idx').on('orders').columns(['shop_id', 'status']).execute()

  await db.schema
    .createTable('shipments')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('order_no', 'text', (c) => c.notNull())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('tracking_no', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('eta', 'text')
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('shipments_pk', ['shop_id', 'order_no'])
    .addForeignKeyConstraint('shipments_order_fk', ['shop_id', 'order_no'], 'orders', ['shop_id', 'order_no'], (c) =>
      c.onDelete('cascade'),
    )
    .execute()
  await db.schema.createIndex('shipments_tracking_idx').on('shipments').columns(['shop_id', 'tracking_no']).execute()

  await db.schema
    .createTable('faults')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('faults_pk', ['shop_id', 'id'])
    .addForeignKeyConstraint('faults_shop_fk', [...shopFk], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()

  await db.schema
    .createTable('conversations')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversations_pk', ['shop_id', 'id'])
    .addForeignKeyConstraint('conversations_shop_fk', [...shopFk], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()
  await db.schema
    .createIndex('conversations_customer_idx')
    .on('conversations')
    .columns(['shop_id', 'customer_id'])
    .execute()
  await db.schema
    .createIndex('conversations_status_idx')
    .on('conversations')
    .columns(['shop_id', 'status', 'updated_at'])
    .execute()

  await db.schema
    .createTable('messages')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('messages_pk', ['shop_id', 'id'])
    .addUniqueConstraint('messages_conversation_seq_uq', ['shop_id', 'conversation_id', 'seq'])
    .addForeignKeyConstraint(
      'messages_conversation_fk',
      ['shop_id', 'conversation_id'],
      'conversations',
      ['shop_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute()

  await db.schema
    .createTable('tickets')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('sla_due_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tickets_pk', ['shop_id', 'id'])
    .addForeignKeyConstraint('tickets_shop_fk', [...shopFk], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('tickets_status_idx').on('tickets').columns(['shop_id', 'status', 'queue']).execute()
  await db.schema
    .createIndex('tickets_conversation_idx')
    .on('tickets')
    .columns(['shop_id', 'conversation_id'])
    .execute()

  await db.schema
    .createTable('ticket_comments')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_comments_pk', ['shop_id', 'id'])
    .addForeignKeyConstraint('ticket_comments_ticket_fk', ['shop_id', 'ticket_id'], 'tickets', ['shop_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute()
  await db.schema
    .createIndex('ticket_comments_ticket_idx')
    .on('ticket_comments')
    .columns(['shop_id', 'ticket_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('return_requests')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('order_no', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('refund_amount', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('return_requests_pk', ['shop_id', 'id'])
    .addForeignKeyConstraint('return_requests_shop_fk', [...shopFk], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()
  await db.schema
    .createIndex('return_requests_order_idx')
    .on('return_requests')
    .columns(['shop_id', 'order_no'])
    .execute()

  await db.schema
    .createTable('events')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('events_pk', ['shop_id', 'id'])
    .addForeignKeyConstraint('events_shop_fk', [...shopFk], 'shops', ['id'], (c) => c.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('events_time_idx').on('events').columns(['shop_id', 'created_at']).execute()
  await db.schema.createIndex('events_type_idx').on('events').columns(['shop_id', 'type', 'created_at']).execute()
  await db.schema.createIndex('events_conversation_idx').on('events').columns(['shop_id', 'conversation_id']).execute()
}

/** Every table schema version 1 creates that holds one shop's data, children before parents. */
export const SHOP_DATA_TABLES = [
  'events',
  'return_requests',
  'ticket_comments',
  'tickets',
  'messages',
  'conversations',
  'faults',
  'shipments',
  'orders',
  'customers',
  'knowledge_versions',
  'faq',
  'products',
] as const

/** Drops everything schema version 1 created, children first. */
export async function down(db: Db): Promise<void> {
  for (const t of [...SHOP_DATA_TABLES, 'shops']) {
    await db.schema.dropTable(t).ifExists().execute()
  }
}
