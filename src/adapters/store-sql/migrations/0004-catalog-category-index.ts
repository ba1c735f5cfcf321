/**
 * Category pages of a large catalog (issue 11): `products.list({ category, limit })` runs once per
 * turn that names a category. With the old (shop_id, category) index SQLite walked the whole
 * shop's catalog in SKU order to find 500 phones among 100,000 products (~200 ms); with the SKU in
 * the index the page's SKUs come from the index alone, then 500 rows by key.
 */
import type { Kysely } from 'kysely'

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type Db = Kysely<any>

export async function up(db: Db): Promise<void> {
  await db.schema
    .createIndex('products_category_sku_idx')
    .on('products')
    .columns(['shop_id', 'category', 'sku'])
    .execute()
  await db.schema.dropIndex('products_category_idx').execute()
}

export async function down(db: Db): Promise<void> {
  await db.schema.createIndex('products_category_idx').on('products').columns(['shop_id', 'category']).execute()
  await db.schema.dropIndex('products_category_sku_idx').execute()
}
