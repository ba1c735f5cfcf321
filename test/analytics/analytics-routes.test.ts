import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { computeMetrics } from '../../src/core/analytics/compute-metrics.js'
import type { Shop } from '../../src/core/domain/records.js'
import { AppError } from '../../src/core/errors.js'
import type { Store } from '../../src/core/ports/store.js'
import { ensureShop } from '../../src/server/import/ensure-shop.js'
import { buildOpenApi } from '../../src/server/openapi.js'
import { analyticsOpenApi, registerAnalyticsRoutes } from '../../src/server/routes/analytics-routes.js'
import { tempDir } from '../helpers/temp-dir.js'
import { writeScenario } from './analytics-fixtures.js'

let store: Store
let shop: Shop
let app: FastifyInstance
let base: string
const dir = tempDir('kefu-analytics-http-')
const NOW = new Date('2026-06-10T00:00:00.000Z')

beforeAll(async () => {
  store = await openStore(`sqlite://${dir.path}/k.db`)
  shop = await ensureShop(store, 'shop1')
  await writeScenario(store, shop)
  // A bare Fastify app without kefu's error handler: the routes must answer {error:{code,message}} themselves.
  app = Fastify()
  registerAnalyticsRoutes(app, {
    store,
    now: () => NOW,
    async authShop(req) {
      if (req.headers.authorization !== `Bearer ${shop.apiKey}`) throw new AppError('unauthorized', 'bad key')
      return shop
    },
  })
  base = await app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await app?.close()
  await store?.close()
  dir.remove()
})

type Json = Record<string, unknown>
async function get(path: string, key: string | null = shop.apiKey) {
  const res = await fetch(`${base}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} })
  return { status: res.status, body: (await res.json()) as Json }
}
const errCode = (b: Json) => (b.error as { code?: string; message?: string } | undefined)?.code

describe('GET /api/v1/admin/analytics/summary', () => {
  it('returns the same summary as computeMetrics for the window', async () => {
    const r = await get('/api/v1/admin/analytics/summary?from=2026-06-01&to=2026-06-03&tz=Z')
    expect(r.status).toBe(200)
    const { summary } = await computeMetrics(store, {
      shopId: shop.id,
      from: new Date('2026-06-01T00:00:00.000Z'),
      to: new Date('2026-06-03T00:00:00.000Z'),
      now: NOW,
      tzOffsetMinutes: 0,
    })
    expect(r.body).toEqual(JSON.parse(JSON.stringify(summary)))
    expect(r.body).toMatchObject({
      conversations: { started: 7, engaged: 6 },
      containment: { contained: 4, rate: 0.6667 },
      csat: { count: 3, average: 3.67 },
      conversion: { identified: 4, converted: 2, rate: 0.5 },
    })
  })

  it('passes conversionDays and tz through', async () => {
    const r = await get('/api/v1/admin/analytics/summary?from=2026-06-01&to=2026-06-03&conversionDays=1&tz=%2B08:00')
    expect(r.status).toBe(200)
    expect(r.body.window).toMatchObject({ from: '2026-05-31T16:00:00.000Z', tz: '+08:00' })
    expect(r.body.conversion).toMatchObject({ windowDays: 1, converted: 0 })
  })

  it('defaults to the last 7 days including today, in the shop time zone (Asia/Shanghai when unset)', async () => {
    const r = await get('/api/v1/admin/analytics/summary')
    expect(r.status).toBe(200)
    // NOW is 08:00 on June 10 in Shanghai: June 4–10, Shanghai midnights.
    expect(r.body.window).toMatchObject({
      from: '2026-06-03T16:00:00.000Z',
      to: '2026-06-10T16:00:00.000Z',
      tz: 'Asia/Shanghai',
    })
    expect(r.body.conversations).toMatchObject({ started: 0 })
  })

  it('answers 401 without or with a wrong API key', async () => {
    for (const key of [null, 'wrong']) {
      const r = await get('/api/v1/admin/analytics/summary', key)
      expect(r.status).toBe(401)
      expect(errCode(r.body)).toBe('unauthorized')
    }
  })

  it('answers 400 invalid_input for bad dates, from ≥ to, long windows and unknown parameters', async () => {
    for (const q of [
      'from=yesterday',
      'from=2026-13-01&to=2026-12-01',
      'from=2026-06-03&to=2026-06-03',
      'from=2026-06-05&to=2026-06-03',
      'from=2025-01-01&to=2026-01-03',
      'tz=Mars/Olympus',
      'tz=%2B25:00',
      'channel=Not%20a%20channel',
      'attributionDays=0',
      'conversionDays=0',
      'conversionDays=abc',
      'shop=other',
    ]) {
      const r = await get(`/api/v1/admin/analytics/summary?${q}`)
      expect(r.status, q).toBe(400)
      expect(errCode(r.body), q).toBe('invalid_input')
      expect(typeof (r.body.error as Json).message).toBe('string')
    }
  })
})

describe('GET /api/v1/admin/analytics/timeseries', () => {
  it('returns one point per day with conversations, containment and CSAT', async () => {
    const r = await get('/api/v1/admin/analytics/timeseries?from=2026-06-01&to=2026-06-04&tz=Z')
    expect(r.status).toBe(200)
    expect(r.body.shopId).toBe('shop1')
    const days = (r.body.days as Json[]).map(
      ({ date, conversations, engaged, contained, containmentRate, handoffs, csatCount, csatAverage }) => ({
        date,
        conversations,
        engaged,
        contained,
        containmentRate,
        handoffs,
        csatCount,
        csatAverage,
      }),
    )
    expect(days).toEqual([
      {
        date: '2026-06-01',
        conversations: 3,
        engaged: 3,
        contained: 2,
        containmentRate: 0.6667,
        handoffs: 1,
        csatCount: 3,
        csatAverage: 3.67,
      },
      {
        date: '2026-06-02',
        conversations: 4,
        engaged: 3,
        contained: 2,
        containmentRate: 0.6667,
        handoffs: 1,
        csatCount: 0,
        csatAverage: null,
      },
      {
        date: '2026-06-03',
        conversations: 1,
        engaged: 1,
        contained: 1,
        containmentRate: 1,
        handoffs: 0,
        csatCount: 0,
        csatAverage: null,
      },
    ])
  })

  it('filters by channel and splits each day by channel and bot vs agent', async () => {
    const all = await get('/api/v1/admin/analytics/timeseries?from=2026-06-01&to=2026-06-03&tz=Z')
    const app = await get('/api/v1/admin/analytics/timeseries?from=2026-06-01&to=2026-06-03&tz=Z&channel=app')
    expect(app.status).toBe(200)
    expect((app.body.window as Json).channel).toBe('app')
    const day1 = (all.body.days as Json[])[0]!
    expect(day1.byChannel).toEqual({ widget: 2, app: 1 })
    expect(day1.bot).toEqual({ conversations: 2, csatCount: 2, csatAverage: 4.5 })
    expect(day1.agent).toEqual({ conversations: 1, csatCount: 1, csatAverage: 2 })
    // Only c3 (app, contained, rated 4) is left.
    expect(
      (app.body.days as Json[]).map((d) => [d.conversations, (d.bot as Json).conversations, d.csatAverage]),
    ).toEqual([
      [1, 1, 4],
      [0, 0, null],
    ])
    const summary = await get('/api/v1/admin/analytics/summary?from=2026-06-01&to=2026-06-03&tz=Z&channel=app')
    expect(summary.body.channels).toEqual(['app', 'widget'])
    expect(summary.body.conversations).toEqual({ started: 1, engaged: 1, byChannel: { app: 1 } })
  })

  it('answers 401 and 400 like the summary', async () => {
    expect((await get('/api/v1/admin/analytics/timeseries', null)).status).toBe(401)
    const r = await get('/api/v1/admin/analytics/timeseries?from=2026-06-03&to=2026-06-01')
    expect(r.status).toBe(400)
    expect(errCode(r.body)).toBe('invalid_input')
  })
})

describe('analyticsOpenApi', () => {
  it('documents both paths with their parameters and error responses', () => {
    const paths = analyticsOpenApi as Record<string, { get: { parameters: Array<{ name: string }>; responses: Json } }>
    expect(Object.keys(paths).sort()).toEqual(['/api/v1/admin/analytics/summary', '/api/v1/admin/analytics/timeseries'])
    expect(paths['/api/v1/admin/analytics/summary']!.get.parameters.map((p) => p.name)).toEqual([
      'from',
      'to',
      'tz',
      'channel',
      'attributionDays',
      'conversionDays',
    ])
    for (const p of Object.values(paths)) expect(Object.keys(p.get.responses).sort()).toEqual(['200', '400', '401'])
    // Every $ref and security scheme it uses exists in the merged document.
    const doc = buildOpenApi([analyticsOpenApi]) as {
      paths: Json
      components: { schemas: Json; securitySchemes: Json }
    }
    expect(Object.keys(doc.paths)).toContain('/api/v1/admin/analytics/summary')
    for (const ref of JSON.stringify(analyticsOpenApi).match(/#\/components\/schemas\/\w+/g) ?? []) {
      expect(doc.components.schemas[ref.split('/').at(-1)!], ref).toBeDefined()
    }
    expect(doc.components.securitySchemes.shopApiKey).toBeDefined()
  })
})
