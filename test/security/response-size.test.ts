/**
 * Issue 10, point 12: a response from an external service (LLM provider, embeddings provider,
 * ticket webhook receiver) is read only up to a cap. The test servers here send bodies that never
 * end: without the cap the calls would buffer forever; with it they fail as `upstream_failed`
 * (tooLarge) and the connection is closed, and the chat falls back to the offline answer.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenAiEmbedder } from '../../src/adapters/embeddings-openai/openai-embedder.js'
import { createOpenAiLanguageModel } from '../../src/adapters/llm-openai/openai-language-model.js'
import { createWebhookTicketMirror } from '../../src/adapters/webhooks/webhook-ticket-mirror.js'
import { AppError } from '../../src/core/errors.js'

type Endless = { url: string; closed: () => number; close: () => Promise<void> }

/** A server whose every answer is an endless 200 body (JSON-looking or SSE), optionally with a huge Content-Length. */
async function endlessServer(opts: { sse?: boolean; declare?: number } = {}): Promise<Endless> {
  let closed = 0
  const server: Server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': opts.sse ? 'text/event-stream' : 'application/json',
        ...(opts.declare ? { 'content-length': String(opts.declare) } : {}),
      })
      const chunk = opts.sse
        ? `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'x'.repeat(8000) } }] })}\n\n`
        : `{"pad":"${'x'.repeat(64 * 1024)}`
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {
          /* keep writing until the socket pushes back */
        }
        if (!res.destroyed) res.once('drain', pump)
      }
      res.on('close', () => closed++)
      pump()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    closed: () => closed,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => {
      throw new Error('expected a failure')
    },
    (x: unknown) => x,
  )
  if (!AppError.isInstance(e)) throw e
  return e
}

let endless: Endless
let sse: Endless
let declared: Endless
beforeAll(async () => {
  endless = await endlessServer()
  sse = await endlessServer({ sse: true })
  declared = await endlessServer({ declare: 180_000_000 })
})
afterAll(async () => {
  await Promise.all([endless.close(), sse.close(), declared.close()])
})

describe('response size caps', () => {
  it('LLM completion: an endless body stops at the cap', async () => {
    const llm = createOpenAiLanguageModel({ baseUrl: `${endless.url}/v1`, model: 'm', maxResponseBytes: 200_000 })
    const e = await failure(llm.generate({ messages: [{ role: 'user', content: 'hi' }] }))
    expect(e.code).toBe('upstream_failed')
    expect(e.options.details).toMatchObject({ tooLarge: true })
    await expect.poll(() => endless.closed()).toBeGreaterThan(0)
  })

  it('LLM completion: a declared 180 MB body is refused before reading, with the default cap', async () => {
    const llm = createOpenAiLanguageModel({ baseUrl: `${declared.url}/v1`, model: 'm' })
    const e = await failure(llm.generate({ messages: [{ role: 'user', content: 'hi' }] }))
    expect(e.options.details).toMatchObject({ tooLarge: true, maxBytes: 1_000_000 })
  })

  it('LLM stream: an endless stream stops at the cap', async () => {
    const llm = createOpenAiLanguageModel({ baseUrl: `${sse.url}/v1`, model: 'm', maxResponseBytes: 200_000 })
    const e = await failure(
      (async () => {
        for await (const _ of llm.stream!({ messages: [{ role: 'user', content: 'hi' }] })) {
          /* drain */
        }
      })(),
    )
    expect(e.options.details).toMatchObject({ tooLarge: true })
  })

  it('embeddings: an endless body stops at the cap', async () => {
    const emb = createOpenAiEmbedder({ baseUrl: `${endless.url}/v1`, model: 'e', maxResponseBytes: 200_000 })
    const e = await failure(emb.embed(['hello']))
    expect(e.options.details).toMatchObject({ tooLarge: true })
  })

  it('ticket webhook: an endless answer from the receiver does not hold the delivery', async () => {
    const mirror = createWebhookTicketMirror({ url: `${endless.url}/hook`, secret: 's'.repeat(16), retries: 0 })
    const ticket = { id: 'TK1', shopId: 'demo' } as Parameters<typeof mirror.deliver>[1]
    const r = await mirror.deliver(
      {
        id: 'e1',
        shopId: 'demo',
        type: 'ticket.created',
        conversationId: null,
        data: {},
        createdAt: '2026-01-01T00:00:00Z',
      },
      ticket,
    )
    expect(r.ok).toBe(true)
  })
})
