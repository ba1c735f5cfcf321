/**
 * The catalog change feed: an ERP pushes products, prices and stock as they change, one by one
 * or in batches, instead of re-importing a file. Every row is validated like the importer
 * (src/core/domain/schemas.ts); a batch with a bad row is rejected whole, naming the row and
 * field. Writes are upserts by SKU, so repeating a request changes nothing (idempotent). The
 * live knowledge index is updated in place for the changed SKUs, on every instance; price and
 * stock are read live at answer time and need no index change at all.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  NormalisationLog,
  type NormaliseContext,
  normaliseRow,
  shopNormaliseContext,
} from '../../core/domain/normalise/normalise-row.js'
import type { Shop } from '../../core/domain/records.js'
import { type Product, productSchema } from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import type { KnowledgeChange } from '../../core/knowledge/knowledge-service.js'
import type { Store } from '../../core/ports/store.js'
import { parseBody } from '../http/validate.js'

export type ProductRouteDeps = {
  store: Store
  authShop: (req: FastifyRequest) => Promise<Shop>
  /** Applies a catalog change to the live knowledge index (locally and broadcast). */
  changed: (shopId: string, change: KnowledgeChange) => void
}

/** Most rows one batch request may carry. */
export const MAX_BATCH = 1000

const skuParam = z.object({ sku: z.string().min(1).max(64) })
const patchSchema = z
  .object({
    price: z.number().nonnegative().optional(),
    stock: z.number().int().nonnegative().optional(),
    listPrice: z.number().nonnegative().nullable().optional(),
  })
  .strict()
  .refine((p) => p.price !== undefined || p.stock !== undefined || p.listPrice !== undefined, {
    message: 'give at least one of price, stock, listPrice',
  })
const batchSchema = z
  .object({
    products: z.array(z.unknown()).max(MAX_BATCH).default([]),
    patches: z
      .array(patchSchema.and(z.object({ sku: z.string().min(1).max(64) })))
      .max(MAX_BATCH)
      .default([]),
  })
  .strict()
  .refine((b) => b.products.length + b.patches.length <= MAX_BATCH, {
    message: `at most ${MAX_BATCH} rows per batch`,
  })

type Patch = z.infer<typeof patchSchema>

/** Fields the knowledge index is built from; a change limited to the others needs no index update. */
const applyPatch = (p: Product, patch: Patch): Product => {
  const next: Product = { ...p }
  if (patch.price !== undefined) next.price = patch.price
  if (patch.stock !== undefined) next.stock = patch.stock
  if (patch.listPrice === null) delete next.listPrice
  else if (patch.listPrice !== undefined) next.listPrice = patch.listPrice
  return next
}

/**
 * Validates product rows like the importer, after the same normalisation (BCP 47 locales, numbers
 * written as text, the shop's currency): every problem named `products.<i>.<field>`.
 */
function validateRows(rows: unknown[], prefix: string, norm: NormaliseContext, log: NormalisationLog): Product[] {
  const issues: Array<{ field: string; message: string }> = []
  const out: Product[] = []
  const seen = new Set<string>()
  rows.forEach((raw, i) => {
    const row =
      raw && typeof raw === 'object' && !Array.isArray(raw)
        ? normaliseRow('products', raw as Record<string, unknown>, norm, log).row
        : raw
    const r = productSchema.safeParse(row)
    if (!r.success) {
      for (const issue of r.error.issues)
        issues.push({ field: [prefix, i, ...issue.path].join('.'), message: issue.message })
      return
    }
    if (seen.has(r.data.sku)) issues.push({ field: `${prefix}.${i}.sku`, message: `duplicate sku '${r.data.sku}'` })
    seen.add(r.data.sku)
    out.push(r.data)
  })
  if (issues.length > 0) {
    const first = issues[0]!
    throw new AppError('invalid_input', `${first.field}: ${first.message}`, {
      details: { issues: issues.slice(0, 20), total: issues.length },
    })
  }
  return out
}

export function registerProductRoutes(app: FastifyInstance, deps: ProductRouteDeps): void {
  const { store } = deps

  app.get('/api/v1/admin/products/:sku', async (req) => {
    const shop = await deps.authShop(req)
    const { sku } = parseBody(skuParam, req.params)
    const p = await store.products.get(shop.id, sku)
    if (!p) throw new AppError('not_found', `product '${sku}' does not exist`)
    return { product: p }
  })

  app.put('/api/v1/admin/products/:sku', async (req, reply) => {
    const shop = await deps.authShop(req)
    const { sku } = parseBody(skuParam, req.params)
    const body = (req.body ?? {}) as Record<string, unknown>
    if (body.sku !== undefined && body.sku !== sku)
      throw new AppError('invalid_input', `sku: the body's sku '${String(body.sku)}' is not the path's '${sku}'`)
    const log = new NormalisationLog()
    const [product] = validateRows([{ ...body, sku }], 'product', shopNormaliseContext(shop.settings), log)
    const existed = (await store.products.get(shop.id, sku)) !== null
    await store.products.upsertMany(shop.id, [product!])
    deps.changed(shop.id, { scope: 'products', skus: [sku] })
    reply.code(existed ? 200 : 201)
    const normalised = log.list()
    return { product, created: !existed, ...(normalised.length > 0 ? { normalised } : {}) }
  })

  app.patch('/api/v1/admin/products/:sku', async (req) => {
    const shop = await deps.authShop(req)
    const { sku } = parseBody(skuParam, req.params)
    const patch = parseBody(patchSchema, req.body ?? {})
    const product = await store.transaction(async (tx) => {
      const current = await tx.products.get(shop.id, sku)
      if (!current) throw new AppError('not_found', `product '${sku}' does not exist`)
      const next = applyPatch(current, patch)
      await tx.products.upsertMany(shop.id, [next])
      return next
    })
    // Price and stock are read live at answer time: the index itself does not change.
    return { product }
  })

  app.post('/api/v1/admin/products::batch', { bodyLimit: 16 * 1024 * 1024 }, async (req) => {
    const shop = await deps.authShop(req)
    const body = parseBody(batchSchema, Array.isArray(req.body) ? { products: req.body } : (req.body ?? {}))
    const log = new NormalisationLog()
    const rows = validateRows(body.products, 'products', shopNormaliseContext(shop.settings), log)
    const patchSkus = new Set<string>()
    body.patches.forEach((p, i) => {
      if (patchSkus.has(p.sku) || rows.some((r) => r.sku === p.sku))
        throw new AppError('invalid_input', `patches.${i}.sku: duplicate sku '${p.sku}' in this batch`)
      patchSkus.add(p.sku)
    })
    const result = await store.transaction(async (tx) => {
      let inserted = 0
      const patched: Product[] = []
      for (const r of rows) if (!(await tx.products.get(shop.id, r.sku))) inserted++
      for (const [i, p] of body.patches.entries()) {
        const current = await tx.products.get(shop.id, p.sku)
        if (!current) throw new AppError('not_found', `patches.${i}.sku: product '${p.sku}' does not exist`)
        patched.push(applyPatch(current, p))
      }
      const all = [...rows, ...patched]
      for (let i = 0; i < all.length; i += 500) await tx.products.upsertMany(shop.id, all.slice(i, i + 500))
      return { inserted, updated: rows.length - inserted, patched: patched.length }
    })
    if (rows.length > 0) deps.changed(shop.id, { scope: 'products', skus: rows.map((r) => r.sku) })
    const normalised = log.list()
    return { ...result, ...(normalised.length > 0 ? { normalised } : {}) }
  })
}

const productBody = { type: 'object', description: 'a product row as in products.jsonl (docs/storage.md)' }
const ok = (description: string) => ({ description })

/** OpenAPI fragment of the catalog change feed. */
export const productOpenApi: Record<string, unknown> = {
  '/api/v1/admin/products/{sku}': {
    get: { summary: 'One product as stored', responses: { '200': ok('the product'), '404': ok('no such SKU') } },
    put: {
      summary: 'Create or replace one product (idempotent); the live index is updated in place',
      requestBody: { content: { 'application/json': { schema: productBody } } },
      responses: { '200': ok('replaced'), '201': ok('created'), '400': ok('invalid row') },
    },
    patch: {
      summary: 'Change price, stock or list price only (read live by the bot, no index change)',
      requestBody: {
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                price: { type: 'number' },
                stock: { type: 'integer' },
                listPrice: { type: ['number', 'null'] },
              },
            },
          },
        },
      },
      responses: { '200': ok('the updated product'), '404': ok('no such SKU') },
    },
  },
  '/api/v1/admin/products:batch': {
    post: {
      summary: `Upsert up to ${MAX_BATCH} products and price/stock patches, all or nothing`,
      requestBody: {
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: { products: { type: 'array', items: productBody }, patches: { type: 'array' } },
            },
          },
        },
      },
      responses: {
        '200': ok('{inserted, updated, patched}'),
        '400': ok('a bad row, named'),
        '404': ok('patch of an unknown SKU'),
      },
    },
  },
}
