/**
 * Browsing the product graph and the fault graph (back office, Knowledge section). Read-only.
 *
 * Built for 100,000-product catalogs: the list pages by SKU with a keyset cursor (the products
 * primary key; the category filter uses the category index), a search asks the in-memory product
 * index (the one customers are answered from) for its top matches, and counts come from the
 * in-memory product graph — no request reads the whole catalog.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Shop } from '../../core/domain/records.js'
import type { Fault, Product } from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import type { KnowledgeService } from '../../core/knowledge/knowledge-service.js'
import type { Store } from '../../core/ports/store.js'
import { normalizeText } from '../../core/text/normalize-text.js'
import { parseBody } from '../http/validate.js'

export type CatalogGraphRouteDeps = {
  store: Store
  knowledge: KnowledgeService
  authShop: (req: FastifyRequest) => Promise<Shop>
}

/** Most search matches a query pages through (the product index's top hits). */
export const MAX_SEARCH_HITS = 200
/** Most related / alternative products shown for one product. */
const MAX_LINKED = 20

export type ProductSummary = {
  sku: string
  title: string
  titleEn: string | null
  brand: string
  category: string
  price: number
  currency: string
  stock: number
}

const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** Opaque: the `next` of the previous page. */
  cursor: z.string().max(200).optional(),
})

const faultQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.string().trim().max(100).optional(),
  locale: z.enum(['zh', 'en']).optional(),
})

const skuParam = z.object({ sku: z.string().min(1).max(64) })

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null)

export const summaryOf = (p: Product): ProductSummary => ({
  sku: p.sku,
  title: p.title,
  titleEn: str(p.attributes.titleEn),
  brand: p.brand,
  category: p.category,
  price: p.price,
  currency: p.currency,
  stock: p.stock,
})

/** A category matches itself and its sub-categories (`electronics` finds `electronics/phone`). */
export const inCategory = (category: string, filter: string | undefined): boolean =>
  !filter || category === filter || category.startsWith(`${filter}/`)

/**
 * The option axes of a product: every attribute holding a list of plain values (colours, sizes,
 * capacities…), the English twin (`colorsEn`) shown beside its Chinese list rather than as an axis.
 */
export function variantsOf(p: Product): Array<{ name: string; values: string[]; valuesEn?: string[] }> {
  const out: Array<{ name: string; values: string[]; valuesEn?: string[] }> = []
  for (const [key, value] of Object.entries(p.attributes)) {
    if (key.endsWith('En') || !Array.isArray(value) || value.length === 0) continue
    if (!value.every((v) => typeof v === 'string' || typeof v === 'number')) continue
    const en = p.attributes[`${key}En`]
    out.push({
      name: key,
      values: value.map(String),
      ...(Array.isArray(en) && en.length === value.length ? { valuesEn: en.map(String) } : {}),
    })
  }
  if (p.sizeChart && !out.some((v) => v.name === 'sizes')) {
    out.push({ name: 'sizes', values: p.sizeChart.rows.map((r) => r.size) })
  }
  return out
}

/** Faults that apply to a product category: the same category or a parent of it. */
export const faultsFor = (faults: Fault[], category: string): Fault[] =>
  faults.filter((f) => category === f.category || category.startsWith(`${f.category}/`))

export function registerCatalogGraphRoutes(app: FastifyInstance, deps: CatalogGraphRouteDeps): void {
  const { store, knowledge } = deps

  app.get('/api/v1/admin/catalog/categories', async (req) => {
    const shop = await deps.authShop(req)
    const kb = await knowledge.forShop(shop.id)
    // Every category with its own products, and every parent with the sum of its sub-categories.
    const counts = new Map<string, number>()
    for (const [category, n] of kb.graph.categoryCounts()) {
      const parts = category.split('/')
      for (let i = 1; i <= parts.length; i++) {
        const key = parts.slice(0, i).join('/')
        counts.set(key, (counts.get(key) ?? 0) + n)
      }
    }
    const categories = [...counts]
      .map(([category, products]) => ({ category, products }))
      .sort((a, b) => a.category.localeCompare(b.category))
    return { categories, products: kb.graph.size }
  })

  app.get('/api/v1/admin/catalog/products', async (req) => {
    const shop = await deps.authShop(req)
    const q = parseBody(listQuery, req.query ?? {})
    const kb = await knowledge.forShop(shop.id)
    const category = q.category || undefined

    if (!q.q) {
      const after = q.cursor?.startsWith('k:') ? q.cursor.slice(2) : undefined
      if (q.cursor && after === undefined) throw new AppError('invalid_input', 'cursor: not a cursor of this list')
      const rows = await store.products.list(shop.id, {
        limit: q.limit + 1,
        ...(category ? { category } : {}),
        ...(after !== undefined ? { afterSku: after } : {}),
      })
      const page = rows.slice(0, q.limit)
      let total = 0
      for (const [c, n] of kb.graph.categoryCounts()) if (inCategory(c, category)) total += n
      return {
        items: page.map(summaryOf),
        total,
        next: rows.length > q.limit ? `k:${page[page.length - 1]!.sku}` : null,
      }
    }

    const offset = q.cursor?.startsWith('o:') ? Number(q.cursor.slice(2)) : 0
    if ((q.cursor && !q.cursor.startsWith('o:')) || !Number.isInteger(offset) || offset < 0)
      throw new AppError('invalid_input', 'cursor: not a cursor of this search')
    // An exact SKU first, then the product index's ranking (names, aliases, brands, attributes).
    const skus: string[] = []
    const exact = await store.products.get(shop.id, q.q)
    if (exact) skus.push(exact.sku)
    const hits = await kb.search(q.q, { kinds: ['product'], limit: MAX_SEARCH_HITS })
    for (const h of hits) if (h.kind === 'product' && !skus.includes(h.id)) skus.push(h.id)
    const matched = skus.filter((sku) => inCategory(kb.graph.get(sku)?.category ?? '', category))
    const rows = await Promise.all(
      matched.slice(offset, offset + q.limit).map((sku) => store.products.get(shop.id, sku)),
    )
    return {
      items: rows.filter((p): p is Product => p !== null).map(summaryOf),
      total: matched.length,
      next: offset + q.limit < matched.length ? `o:${offset + q.limit}` : null,
    }
  })

  app.get('/api/v1/admin/catalog/products/:sku', async (req) => {
    const shop = await deps.authShop(req)
    const { sku } = parseBody(skuParam, req.params)
    const product = await store.products.get(shop.id, sku)
    if (!product) throw new AppError('not_found', `product '${sku}' does not exist`)
    const kb = await knowledge.forShop(shop.id)
    const load = async (list: string[]) =>
      (await Promise.all(list.slice(0, MAX_LINKED).map((s) => store.products.get(shop.id, s))))
        .filter((p): p is Product => p !== null)
        .map(summaryOf)
    const relatedSkus = (product.related ?? []).filter((s) => s !== sku)
    const alternativeSkus = kb.graph.alternatives(sku).filter((s) => !relatedSkus.includes(s))
    const faults = faultsFor(await store.faults.list(shop.id), product.category)
    return {
      product,
      variants: variantsOf(product),
      related: await load(relatedSkus),
      missingRelated: relatedSkus.filter((s) => !kb.graph.get(s)),
      alternatives: await load(alternativeSkus),
      brandProducts: kb.graph.byBrand(product.brand).length,
      categoryProducts: kb.graph.categoryCounts().get(product.category) ?? 0,
      faults: faults.map((f) => ({ id: f.id, category: f.category, symptom: f.symptom, locale: f.locale })),
    }
  })

  app.get('/api/v1/admin/catalog/faults', async (req) => {
    const shop = await deps.authShop(req)
    const q = parseBody(faultQuery, req.query ?? {})
    const kb = await knowledge.forShop(shop.id)
    const needle = q.q ? normalizeText(q.q) : ''
    const all = await store.faults.list(shop.id)
    const faults = all.filter(
      (f) =>
        inCategory(f.category, q.category || undefined) &&
        (!q.locale || f.locale === q.locale) &&
        (!needle ||
          [f.id, f.symptom, ...f.similar, ...f.questions, ...f.solutions].some((s) =>
            normalizeText(s).includes(needle),
          )),
    )
    const counts = kb.graph.categoryCounts()
    const byCategory = new Map<string, Fault[]>()
    for (const f of faults) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f])
    const categories = [...byCategory]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, list]) => {
        let products = 0
        for (const [c, n] of counts) if (inCategory(c, category)) products += n
        return {
          category,
          products,
          faults: list.map((f) => ({
            id: f.id,
            symptom: f.symptom,
            similar: f.similar,
            questions: f.questions,
            solutions: f.solutions,
            escalate: f.escalate,
            locale: f.locale,
          })),
        }
      })
    return { categories, total: faults.length, all: all.length }
  })
}

const ok = (description: string) => ({ description })
const param = (name: string, description: string) => ({ name, in: 'query', required: false, description })

/** OpenAPI fragment of the graph browsing routes. */
export const catalogGraphOpenApi: Record<string, unknown> = {
  '/api/v1/admin/catalog/categories': {
    get: {
      summary: 'Product categories with product counts (parents sum their sub-categories)',
      responses: { '200': ok('{categories:[{category, products}], products}') },
    },
  },
  '/api/v1/admin/catalog/products': {
    get: {
      summary: 'Products, by SKU (keyset pages) or, with q, ranked by the product index; category filter',
      parameters: [
        param('q', 'search text (SKU, name, alias, brand, attributes)'),
        param('category', 'a category or a parent of categories'),
        param('limit', '1-100, default 25'),
        param('cursor', 'the previous page’s next'),
      ],
      responses: { '200': ok('{items:[ProductSummary], total, next}'), '400': ok('bad cursor or limit') },
    },
  },
  '/api/v1/admin/catalog/products/{sku}': {
    get: {
      summary: 'One product as a graph node: row, variants, related and alternative products, faults of its category',
      responses: {
        '200': ok('{product, variants, related, alternatives, faults, brandProducts, categoryProducts}'),
        '404': ok('no such SKU'),
      },
    },
  },
  '/api/v1/admin/catalog/faults': {
    get: {
      summary: 'The fault graph: categories → symptoms → diagnostic questions → solution steps → escalation',
      parameters: [
        param('q', 'text in a symptom, phrasing, question or step'),
        param('category', 'category'),
        param('locale', 'zh or en'),
      ],
      responses: { '200': ok('{categories:[{category, products, faults}], total, all}') },
    },
  },
}
