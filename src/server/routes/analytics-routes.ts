/**
 * Analytics admin API (shop API key): the service summary and the daily series of a window.
 *
 *   GET /api/v1/admin/analytics/summary?from=&to=&tz=&conversionDays=&attributionDays=&channel=
 *   GET /api/v1/admin/analytics/timeseries?from=&to=&tz=&attributionDays=&channel=
 *
 * Days are the shop's (`settings.timezone`, default Asia/Shanghai) unless `tz` names another zone.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { resolveAnalyticsWindow } from '../../core/analytics/analytics-window.js'
import { computeMetrics, DEFAULT_CONVERSION_DAYS } from '../../core/analytics/compute-metrics.js'
import type { Shop } from '../../core/domain/records.js'
import type { Store } from '../../core/ports/store.js'
import { timeZoneOf } from '../../core/routing/routing-settings.js'
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
  tz: z.string().max(64).optional(),
  channel: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, 'a channel id such as widget, api, wecom-kf')
    .optional(),
  attributionDays: z.coerce.number().int().min(1).max(90).optional(),
}
const summaryQuery = z
  .object({
    ...windowQuery,
    conversionDays: z.coerce.number().int().min(1).max(90).default(DEFAULT_CONVERSION_DAYS),
  })
  .strict()
const timeseriesQuery = z.object(windowQuery).strict()

/** The report options a query names, in the shop's time zone and currency. */
function reportOptions(shop: Shop, q: z.infer<typeof timeseriesQuery>, at: Date) {
  const currency = shop.settings.currency
  return {
    shopId: shop.id,
    ...resolveAnalyticsWindow(q, at, timeZoneOf(shop)),
    now: at,
    currency: typeof currency === 'string' && currency ? currency : 'CNY',
    ...(q.channel ? { channel: q.channel } : {}),
    ...(q.attributionDays ? { attributionDays: q.attributionDays } : {}),
  }
}

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
      const { summary } = await computeMetrics(deps.store, {
        ...reportOptions(shop, q, now()),
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
      const { summary, daily } = await computeMetrics(deps.store, reportOptions(shop, q, now()))
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
    description:
      "Time zone that decides where a day starts: a name (`Asia/Shanghai`) or a fixed offset (`+08:00`, `Z`). Default: the shop's `settings.timezone` (Asia/Shanghai when unset).",
    schema: { type: 'string', example: 'Asia/Shanghai' },
  },
  {
    name: 'channel',
    in: 'query',
    required: false,
    description:
      'Only conversations of this channel (`widget`, `api`, `wecom-kf`, …); notices, tickets and returns stay shop-wide.',
    schema: { type: 'string', example: 'widget' },
  },
  {
    name: 'attributionDays',
    in: 'query',
    required: false,
    description:
      'Days after a conversation or notice in which an order is attributed to it (1–90). Default: `conversionDays` (7).',
    schema: { type: 'integer', minimum: 1, maximum: 90 },
  },
]
const handlerStats = {
  type: 'object',
  properties: {
    conversations: { type: 'integer' },
    csatCount: { type: 'integer' },
    csatAverage: { type: ['number', 'null'] },
  },
}
const handlers = {
  type: 'object',
  properties: { bot: handlerStats, agent: handlerStats, unanswered: handlerStats },
}
const money = { type: 'object', additionalProperties: { type: 'number' } }
const attributionSchema = {
  type: 'object',
  properties: {
    windowDays: { type: 'integer' },
    currency: { type: 'string' },
    revenue: { type: 'number' },
    orders: { type: 'integer' },
    lines: { type: 'integer' },
    conversations: { type: 'integer' },
    byHandler: money,
    byChannel: money,
    otherCurrencyOrders: { type: 'integer' },
  },
}
const noticesSchema = {
  type: 'object',
  properties: {
    windowDays: { type: 'integer' },
    currency: { type: 'string' },
    sent: { type: 'integer' },
    converted: { type: 'integer' },
    rate: { type: ['number', 'null'], minimum: 0, maximum: 1 },
    pending: { type: 'integer' },
    revenue: { type: 'number' },
    byKind: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { sent: { type: 'integer' }, converted: { type: 'integer' } },
      },
    },
  },
}
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
    channel: { type: ['string', 'null'] },
  },
}

/** OpenAPI paths of the analytics API, merged into /api/v1/openapi.json by the server. */
export const analyticsOpenApi: Record<string, unknown> = {
  '/api/v1/admin/analytics/summary': {
    get: {
      summary:
        'Service metrics of a window (CSAT, containment, handoff, resolution, latency, conversion, attributed revenue, notice conversion…)',
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
                  channels: { type: 'array', items: { type: 'string' } },
                  handledBy: handlers,
                  attribution: attributionSchema,
                  notices: noticesSchema,
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
      summary: 'Daily conversations, containment, CSAT, channels, bot vs agent and attributed revenue of a window',
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
                        byChannel: counts,
                        bot: handlerStats,
                        agent: handlerStats,
                        unanswered: handlerStats,
                        attributedRevenue: { type: 'number' },
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
