/**
 * Analytics admin API (shop API key): the service summary and the daily series of a window.
 *
 *   GET /api/v1/admin/analytics/summary?from=&to=&tz=&conversionDays=
 *   GET /api/v1/admin/analytics/timeseries?from=&to=&tz=
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { resolveAnalyticsWindow } from '../../core/analytics/analytics-window.js'
import { computeMetrics, DEFAULT_CONVERSION_DAYS } from '../../core/analytics/compute-metrics.js'
import type { Shop } from '../../core/domain/records.js'
import type { Store } from '../../core/ports/store.js'
import { toHttpError } from '../http/to-http-error.js'
import { parseBody } from '../http/validate.js'

export type AnalyticsRoutesDeps = {
  store: Store
  authShop(request: FastifyRequest): Promise<Shop>
  /** Clock for the default window and the horizon. */
  now: () => Date
}

const windowQuery = {
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  tz: z.string().max(10).optional(),
}
const summaryQuery = z
  .object({
    ...windowQuery,
    conversionDays: z.coerce.number().int().min(1).max(90).default(DEFAULT_CONVERSION_DAYS),
  })
  .strict()
const timeseriesQuery = z.object(windowQuery).strict()

/**
 * Registers the analytics routes. Errors answer `{error:{code,message}}` even on an app without
 * kefu's error handler: 401 without a valid key, 400 for bad dates, `from ≥ to` or > 366 days.
 */
export function registerAnalyticsRoutes(app: FastifyInstance, deps: AnalyticsRoutesDeps): void {
  const { now } = deps
  const base = '/api/v1/admin/analytics'

  app.get(`${base}/summary`, async (req, reply) => {
    try {
      const shop = await deps.authShop(req)
      const q = parseBody(summaryQuery, req.query ?? {})
      const at = now()
      const w = resolveAnalyticsWindow(q, at)
      const { summary } = await computeMetrics(deps.store, {
        shopId: shop.id,
        ...w,
        now: at,
        conversionDays: q.conversionDays,
      })
      return summary
    } catch (e) {
      const { status, body } = toHttpError(e)
      if (status >= 500) throw e
      return reply.code(status).send(body)
    }
  })

  app.get(`${base}/timeseries`, async (req, reply) => {
    try {
      const shop = await deps.authShop(req)
      const q = parseBody(timeseriesQuery, req.query ?? {})
      const at = now()
      const w = resolveAnalyticsWindow(q, at)
      const { summary, daily } = await computeMetrics(deps.store, { shopId: shop.id, ...w, now: at })
      return { shopId: shop.id, window: summary.window, generatedAt: summary.generatedAt, days: daily }
    } catch (e) {
      const { status, body } = toHttpError(e)
      if (status >= 500) throw e
      return reply.code(status).send(body)
    }
  })
}

const errorResponse = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
}
const windowParams = [
  {
    name: 'from',
    in: 'query',
    required: false,
    description: 'Inclusive start: ISO date (local midnight in `tz`) or date-time. Default: `to` − 7 days.',
    schema: { type: 'string', example: '2026-06-01' },
  },
  {
    name: 'to',
    in: 'query',
    required: false,
    description: 'Exclusive end: ISO date or date-time. Default: the end of today in `tz`.',
    schema: { type: 'string', example: '2026-06-08' },
  },
  {
    name: 'tz',
    in: 'query',
    required: false,
    description: 'Fixed UTC offset that decides where a day starts, e.g. `+08:00`. Default `Z`.',
    schema: { type: 'string', example: '+08:00' },
  },
]
const rate = { type: ['number', 'null'], minimum: 0, maximum: 1 }
const counts = { type: 'object', additionalProperties: { type: 'integer' } }
const latency = {
  type: 'object',
  properties: {
    count: { type: 'integer' },
    averageMs: { type: ['integer', 'null'] },
    p50Ms: { type: ['integer', 'null'] },
    p90Ms: { type: ['integer', 'null'] },
  },
}
const windowSchema = {
  type: 'object',
  properties: {
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    tz: { type: 'string' },
    horizon: { type: 'string', format: 'date-time' },
    settleHours: { type: 'integer' },
  },
}

/** OpenAPI paths of the analytics API, merged into /api/v1/openapi.json by the server. */
export const analyticsOpenApi: Record<string, unknown> = {
  '/api/v1/admin/analytics/summary': {
    get: {
      summary: 'Service metrics of a window (CSAT, containment, handoff, resolution, latency, conversion…)',
      description: 'Definitions of every metric: docs/analytics.md. Rates are shares 0–1, null when undefined.',
      security: [{ shopApiKey: [] }],
      parameters: [
        ...windowParams,
        {
          name: 'conversionDays',
          in: 'query',
          required: false,
          description: 'Days after a conversation starts in which an order counts as a conversion (1–90).',
          schema: { type: 'integer', minimum: 1, maximum: 90, default: DEFAULT_CONVERSION_DAYS },
        },
      ],
      responses: {
        200: {
          description: 'Summary',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  shopId: { type: 'string' },
                  window: windowSchema,
                  generatedAt: { type: 'string', format: 'date-time' },
                  eventsScanned: { type: 'integer' },
                  conversations: {
                    type: 'object',
                    properties: { started: { type: 'integer' }, engaged: { type: 'integer' }, byChannel: counts },
                  },
                  turns: {
                    type: 'object',
                    properties: {
                      customer: { type: 'integer' },
                      bot: { type: 'integer' },
                      failed: { type: 'integer' },
                    },
                  },
                  csat: {
                    type: 'object',
                    properties: {
                      count: { type: 'integer' },
                      average: { type: ['number', 'null'] },
                      distribution: counts,
                      satisfiedRate: rate,
                      responseRate: rate,
                    },
                  },
                  containment: { type: 'object', properties: { contained: { type: 'integer' }, rate } },
                  handoff: { type: 'object', properties: { count: { type: 'integer' }, rate, reasons: counts } },
                  resolution: {
                    type: 'object',
                    properties: {
                      resolved: { type: 'integer' },
                      rate,
                      byBot: { type: 'integer' },
                      byTicketOrReturn: { type: 'integer' },
                    },
                  },
                  fallback: {
                    type: 'object',
                    properties: { turns: { type: 'integer' }, rate, conversations: { type: 'integer' } },
                  },
                  intents: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { intent: { type: 'string' }, count: { type: 'integer' }, share: { type: 'number' } },
                    },
                  },
                  botLatency: latency,
                  agentFirstResponse: {
                    ...latency,
                    properties: {
                      ...latency.properties,
                      handoffs: { type: 'integer' },
                      unanswered: { type: 'integer' },
                    },
                  },
                  tickets: {
                    type: 'object',
                    properties: {
                      created: { type: 'integer' },
                      byQueue: counts,
                      byPriority: counts,
                      fromConversations: { type: 'integer' },
                    },
                  },
                  returns: { type: 'object', properties: { requested: { type: 'integer' }, byKind: counts } },
                  conversion: {
                    type: 'object',
                    properties: {
                      windowDays: { type: 'integer' },
                      identified: { type: 'integer' },
                      converted: { type: 'integer' },
                      rate,
                      pending: { type: 'integer' },
                    },
                  },
                },
              },
            },
          },
        },
        400: errorResponse,
        401: errorResponse,
      },
    },
  },
  '/api/v1/admin/analytics/timeseries': {
    get: {
      summary: 'Daily conversations, containment and CSAT of a window',
      security: [{ shopApiKey: [] }],
      parameters: windowParams,
      responses: {
        200: {
          description: 'One point per calendar day in `tz`',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  shopId: { type: 'string' },
                  window: windowSchema,
                  generatedAt: { type: 'string', format: 'date-time' },
                  days: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        date: { type: 'string', format: 'date' },
                        conversations: { type: 'integer' },
                        engaged: { type: 'integer' },
                        contained: { type: 'integer' },
                        containmentRate: rate,
                        handoffs: { type: 'integer' },
                        csatCount: { type: 'integer' },
                        csatAverage: { type: ['number', 'null'] },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        400: errorResponse,
        401: errorResponse,
      },
    },
  },
}
