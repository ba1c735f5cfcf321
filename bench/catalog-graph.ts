/**
 * Product-graph browsing at catalog scale: N generated products (default 100,000; 20,000 in one
 * category) in a fresh SQLite store, the shop's knowledge index built, then the back office's graph
 * routes (src/server/routes/catalog-graph-routes.ts) called through Fastify inject: first page, a deep
 * keyset page, a category page, a search, one product, categories, the fault graph. Prints one JSON
 * object with the median time of each (ms). Figures are machine dependent.
 *
 *   npx tsx bench/catalog-graph.ts [--count 100000] [--hot 20000] [--repeat 20]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Fastify from 'fastify'
import { openSqliteStore } from '../src/adapters/store-sql/sqlite-store.js'
import { createKnowledgeService } from '../src/core/knowledge/knowledge-service.js'
import { registerCatalogGraphRoutes } from '../src/server/routes/catalog-graph-routes.js'
import { createShop } from '../src/server/shops/create-shop.js'
import { generateCatalog } from './generate-catalog.js'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    hot: { type: 'string', default: '20000' },
    repeat: { type: 'string', default: '20' },
  },
})
const dir = mkdtempSync(join(tmpdir(), 'kefu-graph-bench-'))
const store = await openSqliteStore(join(dir, 'kefu.db'))
await store.migrate()
const shop = await createShop(store, { id: 'big', name: 'Big' }, new Date())
const rows = generateCatalog(Number(values.count), Number(values.hot))
for (let i = 0; i < rows.length; i += 1000) await store.products.upsertMany(shop.id, rows.slice(i, i + 1000))
const knowledge = createKnowledgeService({ store, pause: () => new Promise((r) => setImmediate(r)) })
let t = performance.now()
await knowledge.forShop(shop.id)
const buildMs = performance.now() - t

const app = Fastify()
registerCatalogGraphRoutes(app, { store, knowledge, authShop: async () => shop })
const hotCategory = rows[0]!.category
const last = rows.map((r) => r.sku).sort()[rows.length - 200]!
const probes: Record<string, string> = {
  firstPage: '/api/v1/admin/catalog/products?limit=25',
  deepPage: `/api/v1/admin/catalog/products?limit=25&cursor=k:${last}`,
  categoryPage: `/api/v1/admin/catalog/products?limit=25&category=${encodeURIComponent(hotCategory)}`,
  search: `/api/v1/admin/catalog/products?limit=25&q=${encodeURIComponent(rows[500]!.title.split(' ')[0]!)}`,
  skuSearch: `/api/v1/admin/catalog/products?q=${rows[777]!.sku}`,
  product: `/api/v1/admin/catalog/products/${rows[1234]!.sku}`,
  categories: '/api/v1/admin/catalog/categories',
  faults: '/api/v1/admin/catalog/faults',
}
const out: Record<string, unknown> = { products: rows.length, indexBuildMs: Math.round(buildMs) }
for (const [name, url] of Object.entries(probes)) {
  const times: number[] = []
  let status = 0
  for (let i = 0; i < Number(values.repeat); i++) {
    t = performance.now()
    const r = await app.inject({ method: 'GET', url })
    times.push(performance.now() - t)
    status = r.statusCode
  }
  times.sort((a, b) => a - b)
  out[name] = { status, medianMs: Number(times[Math.floor(times.length / 2)]!.toFixed(2)) }
}
process.stdout.write(`${JSON.stringify(out)}\n`)
await app.close()
await store.close()
rmSync(dir, { recursive: true, force: true })
