/** The shop and its knowledge in SQL: shops, the product catalog (category pages), FAQ with versions, faults. */
import { sql } from 'kysely'
import type { KnowledgeVersion, Shop } from '../../core/domain/records.js'
import type { FaqEntry, Fault, Product } from '../../core/domain/schemas.js'
import type { Page, Store } from '../../core/ports/store.js'
import { SHOP_DATA_TABLES } from './migrations/0001-initial.js'
import { guarded, json, lastWins, paginate, parse, upsert } from './sql-helpers.js'
import type { SqlRepoContext } from './sql-repo-context.js'
import { toShop, toVersion } from './sql-row-mappers.js'

export function sqlCatalogRepos(
  ctx: SqlRepoContext,
): Pick<Store, 'shops' | 'products' | 'faq' | 'knowledge' | 'faults'> {
  const { db, pg, queries, now, atomic, count } = ctx

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

  return {
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
  }
}
