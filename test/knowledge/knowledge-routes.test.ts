import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/core/errors.js'
import { createKnowledgeService } from '../../src/core/knowledge/knowledge-service.js'
import { recordUnanswered } from '../../src/core/knowledge/unanswered-questions.js'
import { toHttpError } from '../../src/server/http/to-http-error.js'
import { knowledgeOpenApi } from '../../src/server/routes/knowledge-openapi.js'
import { registerKnowledgeRoutes } from '../../src/server/routes/knowledge-routes.js'
import { tickingNow } from '../helpers/ticking-clock.js'
import { openTestStore, type TestStore } from './fixtures.js'

const auth = { authorization: 'Bearer key-shop1' }
const now = tickingNow()
let ids = 0
const unansweredOpts = () => ({ now: now(), newId: (p: string) => `${p}_${++ids}` })

describe('knowledge admin API', () => {
  let t: TestStore
  let app: FastifyInstance

  beforeEach(async () => {
    t = await openTestStore()
    app = Fastify()
    app.setErrorHandler((e, _req, reply) => {
      const { status, body } = toHttpError(e)
      void reply.code(status).send(body)
    })
    const authShop = async (req: FastifyRequest) => {
      if (req.headers.authorization !== `Bearer ${t.shop.apiKey}`) throw new AppError('unauthorized', 'bad key')
      return t.shop
    }
    registerKnowledgeRoutes(app, {
      store: t.store,
      knowledge: createKnowledgeService({ store: t.store }),
      authShop,
      now,
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterEach(async () => {
    await app.close()
    await t.close()
  })

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = auth) => {
    const address = app.server.address() as { port: number }
    const res = await fetch(`http://127.0.0.1:${address.port}${path}`, {
      method,
      headers: {
        ...headers,
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    })
    const text = await res.text()
    let json: unknown = null
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
    // biome-ignore lint/suspicious/noExplicitAny: test reads arbitrary response JSON by path
    return { status: res.status, json: json as Record<string, any>, text }
  }

  it('rejects a missing or wrong API key with 401', async () => {
    expect((await call('GET', '/api/v1/admin/faq', undefined, {})).status).toBe(401)
    const r = await call('GET', '/api/v1/admin/faq', undefined, { authorization: 'Bearer nope' })
    expect(r.status).toBe(401)
    expect(r.json.error.code).toBe('unauthorized')
  })

  it('runs the full lifecycle: create, submit, publish, search, update, versions, rollback, archive', async () => {
    const created = await call('POST', '/api/v1/admin/faq', {
      id: 'faq-gift',
      question: '可以帮忙包装成礼物吗？',
      similar: ['有礼盒包装吗'],
      answer: '可以，下单备注“礼物”即可免费礼盒包装。',
      category: 'service',
      locale: 'zh',
      author: 'alice',
    })
    expect(created.status).toBe(201)
    expect(created.json.entry.status).toBe('draft')
    expect((await call('POST', '/api/v1/admin/faq', { ...created.json.entry, status: undefined })).status).toBe(409)

    let s = await call('GET', `/api/v1/admin/knowledge/search?q=${encodeURIComponent('有礼盒包装吗')}`)
    expect(s.json.hits.map((h: { id: string }) => h.id)).not.toContain('faq-gift')

    expect((await call('POST', '/api/v1/admin/faq/faq-gift/publish', {})).status).toBe(409)
    expect((await call('POST', '/api/v1/admin/faq/faq-gift/submit', { author: 'alice' })).json.entry.status).toBe(
      'in_review',
    )
    expect((await call('POST', '/api/v1/admin/faq/faq-gift/publish', { author: 'bob' })).json.entry.status).toBe(
      'published',
    )

    s = await call('GET', `/api/v1/admin/knowledge/search?q=${encodeURIComponent('有礼盒包装吗')}`)
    expect(s.json.decision).toBe('answer')
    expect(s.json.answer.hit.id).toBe('faq-gift')

    const upd = await call('PATCH', '/api/v1/admin/faq/faq-gift', {
      answer: '礼盒包装收费5元。',
      baseVersion: 3,
      note: 'price',
    })
    expect(upd.status).toBe(200)
    expect((await call('PATCH', '/api/v1/admin/faq/faq-gift', { answer: 'x', baseVersion: 3 })).status).toBe(409)

    const got = await call('GET', '/api/v1/admin/faq/faq-gift')
    expect(got.json.entry.answer).toBe('礼盒包装收费5元。')
    expect(got.json.live.answer).toBe('可以，下单备注“礼物”即可免费礼盒包装。')

    const versions = await call('GET', '/api/v1/admin/faq/faq-gift/versions')
    expect(versions.json.versions.map((v: { status: string }) => v.status)).toEqual([
      'draft',
      'in_review',
      'published',
      'draft',
    ])
    expect(versions.json.versions[3].diff).toEqual([
      { field: 'answer', from: '可以，下单备注“礼物”即可免费礼盒包装。', to: '礼盒包装收费5元。' },
      { field: 'status', from: 'published', to: 'draft' },
    ])

    const rb = await call('POST', '/api/v1/admin/faq/faq-gift/rollback', { version: 3, author: 'carol' })
    expect(rb.json.entry).toMatchObject({ status: 'published', answer: '可以，下单备注“礼物”即可免费礼盒包装。' })
    expect((await call('POST', '/api/v1/admin/faq/faq-gift/rollback', { version: 99 })).status).toBe(404)

    expect((await call('POST', '/api/v1/admin/faq/faq-gift/archive', {})).json.entry.status).toBe('archived')
    s = await call('GET', `/api/v1/admin/knowledge/search?q=${encodeURIComponent('有礼盒包装吗')}`)
    expect(s.json.hits.map((h: { id: string }) => h.id)).not.toContain('faq-gift')
  })

  it('validates bodies with 400 invalid_input and unknown ids with 404', async () => {
    const bad = await call('POST', '/api/v1/admin/faq', {
      id: 'x',
      question: '',
      answer: 'a',
      category: 'c',
      locale: 'fr',
    })
    expect(bad.status).toBe(400)
    expect(bad.json.error.code).toBe('invalid_input')
    expect((await call('GET', '/api/v1/admin/faq/nope')).status).toBe(404)
    expect((await call('POST', '/api/v1/admin/faq/nope/submit', {})).status).toBe(404)
    expect((await call('GET', '/api/v1/admin/knowledge/search')).status).toBe(400)
  })

  it('imports JSONL all-or-nothing and exports the import format', async () => {
    const lines = [
      JSON.stringify({ id: 'faq-a', question: '支持货到付款吗', answer: '不支持', category: 'payment', locale: 'zh' }),
      JSON.stringify({
        id: 'faq-b',
        question: 'Do you ship to Canada?',
        answer: 'Yes',
        category: 'shipping',
        locale: 'en-US',
      }),
    ]
    const badImport = await call('POST', '/api/v1/admin/faq/import', `${lines[0]}\n{"id":"faq-c"}\n`, {
      ...auth,
      'content-type': 'application/x-ndjson',
    })
    expect(badImport.status).toBe(400)
    expect(badImport.json.error.details.errors[0].line).toBe(2)
    expect((await call('GET', '/api/v1/admin/faq/faq-a')).status).toBe(404)

    const ok = await call('POST', '/api/v1/admin/faq/import', `${lines.join('\n')}\n`, {
      ...auth,
      'content-type': 'application/x-ndjson',
    })
    expect(ok.json).toMatchObject({ read: 2, created: 2, updated: 0, unchanged: 0 })
    // A merchant's BCP 47 tag is read as the language, and the answer says so.
    expect(ok.json.normalised).toEqual([expect.objectContaining({ field: 'locale', from: 'en-US', to: 'en' })])
    expect((await call('GET', '/api/v1/admin/faq/faq-b')).json.entry).toMatchObject({
      locale: 'en',
      localeTag: 'en-US',
    })
    const s = await call('GET', `/api/v1/admin/knowledge/search?q=${encodeURIComponent('可以货到付款吗')}`)
    expect(s.json.answer.hit?.id ?? s.json.answer.candidates[0]?.id).toBe('faq-a')

    const exp = await call('GET', '/api/v1/admin/faq/export')
    const ids = exp.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id)
    expect(ids).toContain('faq-a')
    expect(ids).toContain('faq-shipping-free')
    const list = await call('GET', '/api/v1/admin/faq?q=canada')
    expect(list.json.items.map((i: { id: string }) => i.id)).toEqual(['faq-b'])
  })

  it('offers grouped unanswered questions as FAQ candidates with counts', async () => {
    for (const text of ['你们有实体店吗', '你们有实体店吗？', '有没有实体店', '实体店在哪里', '能开发票吗']) {
      await recordUnanswered(t.store, { shopId: 'shop1', text, reason: 'none' }, unansweredOpts())
    }
    await recordUnanswered(t.store, { shopId: 'shop1', text: '有实体店吗', reason: 'handoff' }, unansweredOpts())
    const r = await call('GET', '/api/v1/admin/knowledge/candidates')
    expect(r.status).toBe(200)
    const top = r.json.candidates[0]
    expect(top.question).toMatch(/实体店/)
    expect(top.count).toBeGreaterThanOrEqual(4)
    expect(top.reasons.handoff).toBe(1)
    const invoice = r.json.candidates.find((c: { question: string }) => c.question === '能开发票吗')
    expect(invoice.answeredBy).toBe('faq:faq-invoice')
  })

  it('documents every route in the OpenAPI fragment', () => {
    const routes = app.printRoutes({ commonPrefix: false })
    for (const path of Object.keys(knowledgeOpenApi)) {
      const fastifyPath = path
        .replace(/\{(\w+)\}/g, ':$1')
        .split('/')
        .pop()!
      expect(routes).toContain(fastifyPath)
    }
  })
})
