import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { faqSchema } from '../../core/domain/schemas.js'
import { buildKnowledgeBase } from '../../core/knowledge/knowledge-base.js'
import { createOpenAiEmbedder } from './openai-embedder.js'

type Handler = (body: { model: string; input: string[] }, res: import('node:http').ServerResponse) => void

let server: Server | null = null

async function fakeProvider(handler: Handler): Promise<string> {
  server = createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => {
      raw += c
    })
    req.on('end', () => {
      expect(req.url).toBe('/v1/embeddings')
      handler(JSON.parse(raw), res)
    })
  })
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1`
}

afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
  server = null
})

/** Deterministic toy embedding: character histogram over 64 buckets. */
function toyVector(text: string): number[] {
  const v = new Array(64).fill(0)
  for (const ch of text) v[ch.codePointAt(0)! % 64] += 1
  return v
}

describe('createOpenAiEmbedder', () => {
  it('posts the inputs and returns vectors in input order', async () => {
    const base = await fakeProvider((body, res) => {
      res.setHeader('content-type', 'application/json')
      const data = body.input.map((t, index) => ({ index, embedding: toyVector(t) })).reverse()
      res.end(JSON.stringify({ data, model: body.model }))
    })
    const e = createOpenAiEmbedder({ baseUrl: base, model: 'toy' })
    const out = await e.embed(['a', 'bb'])
    expect(out).toEqual([toyVector('a'), toyVector('bb')])
  })

  it('maps HTTP 429 to a retryable upstream_failed', async () => {
    const base = await fakeProvider((_b, res) => {
      res.statusCode = 429
      res.end('slow down')
    })
    const e = createOpenAiEmbedder({ baseUrl: base, model: 'toy' })
    await expect(e.embed(['x'])).rejects.toMatchObject({ code: 'upstream_failed', options: { retryable: true } })
  })

  it('times out as upstream_failed', async () => {
    const base = await fakeProvider(() => {
      /* never answers */
    })
    const e = createOpenAiEmbedder({ baseUrl: base, model: 'toy', timeoutMs: 100 })
    await expect(e.embed(['x'])).rejects.toMatchObject({ code: 'upstream_failed' })
    server?.closeAllConnections()
  })

  it('feeds dense vectors into hybrid retrieval, and falls back to sparse-only when the provider fails', async () => {
    let fail = false
    const base = await fakeProvider((body, res) => {
      if (fail) {
        res.statusCode = 500
        res.end()
        return
      }
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ data: body.input.map((t, index) => ({ index, embedding: toyVector(t) })) }))
    })
    const embedder = createOpenAiEmbedder({ baseUrl: base, model: 'toy' })
    const faqs = [
      faqSchema.parse({ id: 'a', question: '你们包邮吗', answer: '满99包邮', category: 'shipping', locale: 'zh' }),
      faqSchema.parse({ id: 'b', question: '可以开发票吗', answer: '可以', category: 'invoice', locale: 'zh' }),
    ]
    const warnings: string[] = []
    const logger = { warn: (_o: unknown, m: string) => warnings.push(m), info() {}, debug() {} }
    const kb = await buildKnowledgeBase({ shopId: 's', faqs, faults: [], products: [] }, { embedder, logger })
    expect(kb.stats.dense).toBe(true)
    expect((await kb.search('包邮吗'))[0]?.id).toBe('a')
    fail = true
    expect((await kb.search('开发票'))[0]?.id).toBe('b')
    expect(warnings).toContain('query embedding failed; answering sparse-only')
    const sparseOnly = await buildKnowledgeBase({ shopId: 's', faqs, faults: [], products: [] }, { embedder, logger })
    expect(sparseOnly.stats.dense).toBe(false)
    expect((await sparseOnly.search('包邮吗'))[0]?.id).toBe('a')
  })
})
