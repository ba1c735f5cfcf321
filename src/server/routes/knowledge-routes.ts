/**
 * Admin API for knowledge (shop API key): FAQ CRUD through the review workflow,
 * publish / archive / rollback, version history with diffs, JSONL import and
 * export, unanswered-question candidates and a retrieval search.
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
import { type FaqEntry, faqSchema, KNOWLEDGE_STATUSES, localeSchema } from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import type { KnowledgeService } from '../../core/knowledge/knowledge-service.js'
import { createReviewWorkflow } from '../../core/knowledge/review-workflow.js'
import { mineFaqCandidates } from '../../core/knowledge/unanswered-questions.js'
import type { Store } from '../../core/ports/store.js'
import { normalizeText } from '../../core/text/normalize-text.js'
import { parseBody } from '../http/validate.js'

export type KnowledgeRoutesDeps = {
  store: Store
  knowledge: KnowledgeService
  authShop: (request: FastifyRequest) => Promise<Shop>
  /** The signed-in staff account's name: it is the author of every change it makes (a body `author` is ignored). */
  actorOf?: (request: FastifyRequest) => string | undefined
  now: () => Date
}

const author = z.string().trim().min(1).max(100).optional()
const note = z.string().max(1000).optional()

/** POST /api/v1/admin/faq */
export const createFaqBodySchema = z
  .object({
    id: faqSchema.shape.id,
    question: faqSchema.shape.question,
    answer: faqSchema.shape.answer,
    similar: z.array(z.string().min(1).max(1000)).max(200).default([]),
    category: faqSchema.shape.category,
    locale: localeSchema,
    author,
    note,
  })
  .strict()

/** PATCH /api/v1/admin/faq/:id — any subset of the editable fields. */
export const updateFaqBodySchema = z
  .object({
    question: faqSchema.shape.question.optional(),
    answer: faqSchema.shape.answer.optional(),
    similar: z.array(z.string().min(1).max(1000)).max(200).optional(),
    category: faqSchema.shape.category.optional(),
    locale: localeSchema.optional(),
    /** Optimistic locking: the version the edit is based on. */
    baseVersion: z.number().int().positive().optional(),
    author,
    note,
  })
  .strict()

/** POST /api/v1/admin/faq/:id/{submit,publish,archive} */
export const transitionBodySchema = z.object({ author, note }).strict()

/** POST /api/v1/admin/faq/:id/rollback */
export const rollbackBodySchema = z.object({ version: z.number().int().positive(), author, note }).strict()

const listQuerySchema = z.object({
  q: z.string().max(500).optional(),
  status: z.enum(KNOWLEDGE_STATUSES).optional(),
  locale: localeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})

const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(1000),
  locale: localeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  product: z.string().max(64).optional(),
})

const candidatesQuerySchema = z.object({
  since: z.string().datetime({ offset: true }).optional(),
  minCount: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(500).default(50),
})

const exportQuerySchema = z.object({ status: z.enum(KNOWLEDGE_STATUSES).optional() })

const idParams = z.object({ id: z.string().min(1).max(64) })

const DEFAULT_AUTHOR = 'admin-api'
const IMPORT_MAX_BYTES = 20 * 1024 * 1024

/**
 * Registers the knowledge admin routes (an encapsulated plugin: its NDJSON body
 * parser does not leak into other routes). Errors are thrown as AppError and
 * mapped by the app's error handler to `{error:{code,message}}`.
 */
export function registerKnowledgeRoutes(app: FastifyInstance, deps: KnowledgeRoutesDeps): void {
  const { store, knowledge } = deps
  const review = createReviewWorkflow({
    store,
    invalidate: (shopId) => knowledge.invalidate(shopId, { change: { scope: 'text' } }),
    now: deps.now,
  })

  app.register(async (scope) => {
    for (const type of ['application/x-ndjson', 'application/jsonl', 'application/jsonlines']) {
      if (!scope.hasContentTypeParser(type)) {
        scope.addContentTypeParser(type, { parseAs: 'string', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) =>
          done(null, body),
        )
      }
    }

    scope.get('/api/v1/admin/faq', async (req) => {
      const shop = await deps.authShop(req)
      const q = parseBody(listQuerySchema, req.query)
      const all = await store.faq.list(shop.id, {
        ...(q.status ? { status: q.status } : {}),
        ...(q.locale ? { locale: q.locale } : {}),
      })
      const needle = q.q ? normalizeText(q.q) : ''
      const matched = needle
        ? all.filter((f) => [f.id, f.question, f.answer, ...f.similar].some((s) => normalizeText(s).includes(needle)))
        : all
      return { items: matched.slice(q.offset, q.offset + q.limit), total: matched.length }
    })

    scope.get('/api/v1/admin/faq/export', async (req, reply) => {
      const shop = await deps.authShop(req)
      const q = parseBody(exportQuerySchema, req.query)
      const rows = await store.faq.list(shop.id, q.status ? { status: q.status } : {})
      reply.type('application/x-ndjson; charset=utf-8')
      reply.header('content-disposition', `attachment; filename="faq-${shop.id}.jsonl"`)
      return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length > 0 ? '\n' : '')
    })

    scope.post('/api/v1/admin/faq/import', { bodyLimit: IMPORT_MAX_BYTES }, async (req) => {
      const shop = await deps.authShop(req)
      const log = new NormalisationLog()
      const entries = parseImportBody(req.body, shopNormaliseContext(shop.settings), log)
      const who =
        deps.actorOf?.(req) ??
        (typeof req.headers['x-kefu-author'] === 'string' ? req.headers['x-kefu-author'] : DEFAULT_AUTHOR)
      const counts = await review.importEntries(shop.id, entries, { author: who, note: 'imported' })
      const normalised = log.list()
      return { ...counts, read: entries.length, ...(normalised.length > 0 ? { normalised } : {}) }
    })

    scope.get('/api/v1/admin/faq/:id', async (req) => {
      const shop = await deps.authShop(req)
      const { id } = parseBody(idParams, req.params)
      return review.get(shop.id, id)
    })

    scope.post('/api/v1/admin/faq', async (req, reply) => {
      const shop = await deps.authShop(req)
      const body = parseBody(createFaqBodySchema, req.body)
      const { author: who, note: why, ...draft } = body
      const entry = await review.create(shop.id, draft, {
        author: deps.actorOf?.(req) ?? who ?? DEFAULT_AUTHOR,
        ...(why ? { note: why } : {}),
      })
      reply.code(201)
      return { entry }
    })

    scope.patch('/api/v1/admin/faq/:id', async (req) => {
      const shop = await deps.authShop(req)
      const { id } = parseBody(idParams, req.params)
      const { author: who, note: why, baseVersion, ...patch } = parseBody(updateFaqBodySchema, req.body)
      if (Object.keys(patch).length === 0) throw new AppError('invalid_input', 'nothing to change')
      const entry = await review.update(shop.id, id, patch, {
        author: deps.actorOf?.(req) ?? who ?? DEFAULT_AUTHOR,
        ...(why ? { note: why } : {}),
        ...(baseVersion !== undefined ? { baseVersion } : {}),
      })
      return { entry }
    })

    for (const action of ['submit', 'publish', 'archive'] as const) {
      scope.post(`/api/v1/admin/faq/:id/${action}`, async (req) => {
        const shop = await deps.authShop(req)
        const { id } = parseBody(idParams, req.params)
        const body = parseBody(transitionBodySchema, req.body ?? {})
        const entry = await review[action](shop.id, id, {
          author: deps.actorOf?.(req) ?? body.author ?? DEFAULT_AUTHOR,
          ...(body.note ? { note: body.note } : {}),
        })
        return { entry }
      })
    }

    scope.get('/api/v1/admin/faq/:id/versions', async (req) => {
      const shop = await deps.authShop(req)
      const { id } = parseBody(idParams, req.params)
      return { versions: await review.versions(shop.id, id) }
    })

    scope.post('/api/v1/admin/faq/:id/rollback', async (req) => {
      const shop = await deps.authShop(req)
      const { id } = parseBody(idParams, req.params)
      const body = parseBody(rollbackBodySchema, req.body)
      const entry = await review.rollback(shop.id, id, body.version, {
        author: deps.actorOf?.(req) ?? body.author ?? DEFAULT_AUTHOR,
        ...(body.note ? { note: body.note } : {}),
      })
      return { entry }
    })

    scope.get('/api/v1/admin/knowledge/candidates', async (req) => {
      const shop = await deps.authShop(req)
      const q = parseBody(candidatesQuerySchema, req.query)
      const kb = await knowledge.forShop(shop.id)
      const candidates = await mineFaqCandidates(store, shop.id, {
        tokenizer: kb.tokenizer,
        knowledge: kb,
        minCount: q.minCount,
        limit: q.limit,
        ...(q.since ? { since: q.since } : {}),
      })
      return { candidates }
    })

    scope.get('/api/v1/admin/knowledge/search', async (req) => {
      const shop = await deps.authShop(req)
      const q = parseBody(searchQuerySchema, req.query)
      const kb = await knowledge.forShop(shop.id)
      const opts = q.locale ? { locale: q.locale } : {}
      const [hits, answer] = await Promise.all([
        kb.search(q.q, { ...opts, limit: q.limit }),
        kb.answer(q.q, { ...opts, ...(q.product ? { productSku: q.product } : {}) }),
      ])
      return { query: q.q, decision: answer.status, answer, hits }
    })
  })
}

/** Import bodies: NDJSON/JSONL text (one entry per line), a JSON array, or `{entries: [...]}`. */
/** Entries of an import body, normalised like `kefu import faq` (BCP 47 locales such as zh-CN → zh). */
function parseImportBody(body: unknown, norm: NormaliseContext, log: NormalisationLog): FaqEntry[] {
  let rows: Array<{ line: number; value: unknown }>
  if (typeof body === 'string') {
    rows = []
    const problems: Array<{ line: number; field: string; message: string }> = []
    body.split(/\r?\n/).forEach((text, i) => {
      if (!text.trim()) return
      try {
        rows.push({ line: i + 1, value: JSON.parse(text) })
      } catch {
        problems.push({ line: i + 1, field: '(line)', message: 'not valid JSON' })
      }
    })
    if (problems.length > 0) {
      throw new AppError('invalid_input', `line ${problems[0]!.line}: not valid JSON`, {
        details: { errors: problems.slice(0, 20), total: problems.length },
      })
    }
  } else if (Array.isArray(body)) rows = body.map((value, i) => ({ line: i + 1, value }))
  else if (body && typeof body === 'object' && Array.isArray((body as { entries?: unknown }).entries)) {
    rows = (body as { entries: unknown[] }).entries.map((value, i) => ({ line: i + 1, value }))
  } else {
    throw new AppError('invalid_input', 'send JSONL (application/x-ndjson), a JSON array or {"entries": [...]}')
  }
  if (rows.length === 0) throw new AppError('invalid_input', 'no FAQ entries in the body')
  const errors: Array<{ line: number; field: string; message: string }> = []
  const entries: FaqEntry[] = []
  const seen = new Set<string>()
  for (const { line, value: raw } of rows) {
    const value =
      raw && typeof raw === 'object' && !Array.isArray(raw)
        ? normaliseRow('faq', raw as Record<string, unknown>, norm, log).row
        : raw
    const r = faqSchema.safeParse(value)
    if (!r.success) {
      for (const issue of r.error.issues)
        errors.push({ line, field: issue.path.join('.') || '(entry)', message: issue.message })
      continue
    }
    if (seen.has(r.data.id)) {
      errors.push({ line, field: 'id', message: `duplicate id '${r.data.id}'` })
      continue
    }
    seen.add(r.data.id)
    entries.push(r.data)
  }
  if (errors.length > 0) {
    const first = errors[0]!
    throw new AppError('invalid_input', `line ${first.line}: ${first.field}: ${first.message}`, {
      details: { errors: errors.slice(0, 20), total: errors.length },
    })
  }
  return entries
}
