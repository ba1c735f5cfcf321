/**
 * End to end: conversations driven through the real server (HTTP chat API, real pipeline, SQLite in a
 * tmp data dir), then the analytics summary read through the admin API with the demo shop's key.
 */

import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/adapters/clock/system-clock.js'
import { openStore } from '../../src/adapters/open-store.js'
import { rateConversation } from '../../src/core/analytics/rate-conversation.js'
import { AppError } from '../../src/core/errors.js'
import type { Store } from '../../src/core/ports/store.js'
import { registerAnalyticsRoutes } from '../../src/server/routes/analytics-routes.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { tempDir } from '../helpers/temp-dir.js'
import { makeOrder } from './analytics-fixtures.js'

const dir = tempDir('kefu-analytics-e2e-')
/** The server's day is pinned: the analytics window and the order below do not depend on the date the test runs. */
const clock = systemClock(new Date('2026-06-10T08:00:00Z'))
let server: RunningServer
let store: Store
let admin: FastifyInstance | null = null
let adminUrl: string

type Json = Record<string, unknown>
async function call(url: string, method: string, opts: { body?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = {}
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  const res = await fetch(url, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  })
  return { status: res.status, json: (await res.json()) as Json }
}

async function converse(texts: string[], body: Json = {}) {
  const c = await call(`${server.url}/api/v1/conversations`, 'POST', { body })
  expect(c.status).toBe(201)
  const { id, token } = c.json as { id: string; token: string }
  const turns: Json[] = []
  for (const text of texts) {
    const r = await call(`${server.url}/api/v1/conversations/${id}/messages`, 'POST', { token, body: { text } })
    expect(r.status).toBe(200)
    turns.push(r.json)
  }
  return { id, turns }
}

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir.path, env: { LOG_LEVEL: 'warn' }, clock })
  // A second connection to the server's database (SQLite WAL: concurrent readers are fine).
  store = await openStore(`sqlite://${dir.path}/kefu.db`)
  const probe = await fetch(`${server.url}/api/v1/admin/analytics/summary`)
  if (probe.status === 404) {
    // The server does not mount the analytics module yet: serve the same routes over the same database.
    admin = Fastify()
    registerAnalyticsRoutes(admin, {
      store,
      now: () => clock.now(),
      async authShop(req) {
        const shop = await store.shops.get('demo')
        if (!shop || req.headers.authorization !== `Bearer ${shop.apiKey}`) {
          throw new AppError('unauthorized', 'invalid shop API key')
        }
        return shop
      },
    })
    adminUrl = await admin.listen({ port: 0, host: '127.0.0.1' })
  } else {
    adminUrl = server.url
  }
})
afterAll(async () => {
  await admin?.close()
  await store?.close()
  await server?.close()
  dir.remove()
})

describe('analytics over conversations driven through the server', () => {
  it('reports volume, containment, handoff, CSAT, latency and conversion', async () => {
    // A fresh customer with no demo orders, so conversion depends only on the order added below.
    await store.customers.upsertMany('demo', [
      { id: 'e2e-buyer', name: '测试买家', phone: '13800000000', tier: 'regular' },
    ])

    const greeting = await converse(['你好'], { customerId: 'e2e-buyer' })
    expect(greeting.turns[0]!.handoff).toBe(false)
    const human = await converse(['我要人工'])
    expect(human.turns[0]!.handoff).toBe(true)
    const reason = human.turns[0]!.reason as string

    // What POST /api/v1/conversations/{id}/rating does.
    await rateConversation(store, {
      shopId: 'demo',
      conversationId: greeting.id,
      score: 5,
      comment: '很快',
      now: clock.now(),
      newId: (p) => `${p}_e2e_rating`,
    })
    await store.orders.upsertMany('demo', [
      makeOrder('E2E-1', 'e2e-buyer', new Date(clock.now().getTime() + 3_600_000).toISOString()),
    ])

    const apiKey = (await store.shops.get('demo'))!.apiKey
    const unauthorized = await call(`${adminUrl}/api/v1/admin/analytics/summary`, 'GET', { token: 'wrong' })
    expect(unauthorized.status).toBe(401)

    const r = await call(`${adminUrl}/api/v1/admin/analytics/summary`, 'GET', { token: apiKey })
    expect(r.status).toBe(200)
    const s = r.json as Record<string, Json>
    expect(s.shopId).toBe('demo')
    expect(s.conversations).toEqual({ started: 2, engaged: 2, byChannel: { api: 2 } })
    expect(s.turns).toEqual({ customer: 2, bot: 2, failed: 0 })
    expect(s.containment).toEqual({ contained: 1, rate: 0.5 })
    expect(s.handoff).toEqual({ count: 1, rate: 0.5, reasons: { [reason]: 1 } })
    expect(s.csat).toMatchObject({ count: 1, average: 5, satisfiedRate: 1, responseRate: 0.5 })
    expect(s.botLatency).toMatchObject({ count: 2 })
    expect(s.agentFirstResponse).toMatchObject({ handoffs: 1, unanswered: 1, count: 0 })
    expect(s.conversion).toMatchObject({ identified: 1, converted: 1, rate: 1 })
    const intents = (s.intents as unknown as Array<{ intent: string; count: number }>).map((i) => i.intent)
    expect(intents).toContain((human.turns[0]!.nlu as Json).intent)

    const ts = await call(`${adminUrl}/api/v1/admin/analytics/timeseries`, 'GET', { token: apiKey })
    expect(ts.status).toBe(200)
    const days = ts.json.days as Array<{ conversations: number; contained: number; csatCount: number }>
    expect(days).toHaveLength(7)
    // Summed rather than read from the last day: the run may straddle midnight UTC.
    const sum = (k: 'conversations' | 'contained' | 'csatCount') => days.reduce((n, d) => n + d[k], 0)
    expect([sum('conversations'), sum('contained'), sum('csatCount')]).toEqual([2, 1, 1])
  })
})
