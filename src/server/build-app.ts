/**
 * Builds the Fastify app from an AppContext: error mapping, health, metrics,
 * chat API, admin APIs, OpenAPI, static web files. No listening here.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import fastifyWebsocket from '@fastify/websocket'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify'
import { z } from 'zod'
import type { Shop } from '../core/domain/records.js'
import { AppError } from '../core/errors.js'
import type { AppContext } from './app-context.js'
import { type AuditTrail, createAuditTrail } from './auth/audit-trail.js'
import { createStaffAuth, type StaffAuth } from './auth/staff-auth.js'
import { lazyChildLogger } from './http/lazy-child-logger.js'
import { limitConnectionsPerIp } from './http/limit-connections.js'
import { stripNul } from './http/strip-nul.js'
import { normalizeErrorPayload, rawHttpErrorResponse, toHttpError } from './http/to-http-error.js'
import { parseBody } from './http/validate.js'
import { createWindowCounter } from './http/window-counter.js'
import { buildOpenApi } from './openapi.js'
import { registerChatRoutes } from './routes/chat-routes.js'
import { registerStaffRoutes, staffOpenApi } from './routes/staff-routes.js'

/** Who is calling (staff session or API key) and the audit log, for modules that need more than the shop. */
export type Access = { auth: StaffAuth; audit: AuditTrail }

export type RouteModule = {
  /** Registers routes; receives the app and the context. */
  register(
    app: FastifyInstance,
    ctx: AppContext,
    authShop: (req: FastifyRequest) => Promise<Shop>,
    access: Access,
  ): void
  openapi?: Record<string, unknown>
}

export async function buildApp(ctx: AppContext, extra: RouteModule[] = []): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as unknown as FastifyBaseLogger,
    bodyLimit: 256 * 1024,
    // Per-request lines are off: customer text must not reach info logs; errors are logged below.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => ctx.newId('req'),
    // `req.log` is built when a request first logs (most never do): lazy-child-logger.ts.
    childLoggerFactory: lazyChildLogger,
    // Slow or half-sent requests are cut off: headers within KEFU_HTTP_HEADERS_TIMEOUT_MS, the
    // whole request (body included) within KEFU_HTTP_REQUEST_TIMEOUT_MS, checked every second.
    requestTimeout: ctx.config.KEFU_HTTP_REQUEST_TIMEOUT_MS,
    ...(ctx.config.KEFU_TRUST_PROXY !== undefined ? { trustProxy: ctx.config.KEFU_TRUST_PROXY } : {}),
    http: {
      headersTimeout: Math.min(ctx.config.KEFU_HTTP_HEADERS_TIMEOUT_MS, ctx.config.KEFU_HTTP_REQUEST_TIMEOUT_MS),
      connectionsCheckingInterval: Math.min(1000, ctx.config.KEFU_HTTP_HEADERS_TIMEOUT_MS),
    },
    // Every error answer has kefu's shape, including the ones Fastify and Node produce themselves:
    // a bad URL encoding (400), a path parameter too long (414), a malformed request or headers
    // too large (400/431, answered on the raw socket), and requests arriving while closing (503).
    frameworkErrors: (err, _req, reply) => {
      const { status, body } = toHttpError(err)
      void (reply as FastifyReply).code(status).send(body)
    },
    clientErrorHandler: (err, socket) => {
      if ((err as { code?: string }).code === 'ECONNRESET' || socket.destroyed) return
      if (socket.writable) socket.write(rawHttpErrorResponse(err as { code?: string }))
      socket.destroy(err)
    },
    return503OnClosing: false,
  })
  // Behind a trusted proxy every socket is the proxy's: connections are capped there, not here.
  if (ctx.config.KEFU_TRUST_PROXY === undefined)
    limitConnectionsPerIp(app.server, ctx.config.KEFU_MAX_CONNECTIONS_PER_IP)
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  app.addHook('onRequest', async (_req, reply) => {
    if (!closing) return
    reply.header('connection', 'close')
    return reply.code(503).send({ error: { code: 'unavailable', message: 'the server is shutting down; retry' } })
  })
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } })
  // Limits are opt-in per route (chat routes); counters are shared through Redis when scaled out.
  // If Redis is unreachable the limiter lets requests through rather than failing the chat.
  await app.register(fastifyRateLimit, {
    global: false,
    ...(ctx.redis
      ? { redis: ctx.redis, nameSpace: `${ctx.config.KEFU_REDIS_PREFIX}ratelimit:`, skipOnError: true }
      : {}),
    errorResponseBuilder: (_req, c) =>
      new AppError('rate_limited', `too many requests; retry in ${Math.ceil(c.ttl / 1000)} s`, {
        details: { retryAfterSeconds: Math.ceil(c.ttl / 1000) },
      }),
  })

  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toHttpError(err)
    if (status >= 500) req.log.error({ err }, 'request failed')
    else req.log.info({ code: body.error.code, url: req.url }, 'client error')
    void reply.code(status).send(body)
  })
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send({ error: { code: 'not_found', message: `no route for ${req.method} ${req.url}` } })
  })

  // Every text field of every request loses its NUL characters before any route sees it.
  app.addHook('preValidation', async (req) => {
    if (req.body !== undefined) req.body = stripNul(req.body)
    req.query = stripNul(req.query)
    req.params = stripNul(req.params)
  })

  app.addHook('onSend', async (_req, reply, payload) => {
    const fixed = normalizeErrorPayload(reply.statusCode, payload)
    if (fixed === null) return payload
    reply.header('content-type', 'application/json; charset=utf-8')
    reply.header('content-length', Buffer.byteLength(fixed))
    return fixed
  })

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched'
    ctx.metrics.httpDuration.labels(req.method, route, String(reply.statusCode)).observe(reply.elapsedTime / 1000)
  })

  // The widget is embedded on the shop's own site: the public chat API answers any origin.
  // Auth is a bearer token (never a cookie), so a wildcard origin leaks nothing.
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/v1/conversations') && !req.url.startsWith('/api/v1/shops/')) return
    reply.header('access-control-allow-origin', '*')
    reply.header('vary', 'origin')
    if (req.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, POST, OPTIONS')
      reply.header('access-control-allow-headers', 'authorization, content-type')
      reply.header('access-control-max-age', '600')
      return reply.code(204).send()
    }
  })
  app.options('/api/v1/*', async (_req, reply) => reply.code(204).send())

  app.get('/healthz', async () => ({ status: 'ok' }))
  app.get('/readyz', async (_req, reply) => {
    try {
      await ctx.store.ping()
    } catch (e) {
      reply.code(503)
      return { error: { code: 'unavailable', message: `store unreachable: ${(e as Error).message}` } }
    }
    if (ctx.redis) {
      try {
        if (ctx.redis.status === 'wait') await ctx.redis.connect()
        await ctx.redis.ping()
      } catch (e) {
        reply.code(503)
        return { error: { code: 'unavailable', message: `redis unreachable: ${(e as Error).message}` } }
      }
    }
    // A shop whose first knowledge index is still being built cannot answer yet; a rebuild
    // (import) does not make the instance unready: the previous index keeps answering.
    const knowledge = ctx.knowledge.service.states()
    const building = Object.entries(knowledge)
      .filter(([, k]) => k.state === 'building')
      .map(([shopId]) => shopId)
    if (building.length > 0) {
      reply.code(503)
      return {
        error: { code: 'unavailable', message: `knowledge index still building for: ${building.join(', ')}` },
        knowledge,
      }
    }
    return { status: 'ready', store: ctx.store.dialect, redis: ctx.redis ? 'ok' : 'not configured', knowledge }
  })
  app.get('/metrics', async (_req, reply) => {
    reply.type(ctx.metrics.registry.contentType)
    return ctx.metrics.registry.metrics()
  })

  // Every admin route authenticates through here: the API key (machines) or a staff session
  // (role-checked per route, CSRF-checked on writes). See src/server/auth/staff-auth.ts.
  const staffAuth = createStaffAuth({
    store: ctx.store,
    clock: ctx.clock,
    sessionTtlMinutes: ctx.config.KEFU_STAFF_SESSION_TTL_MINUTES,
  })
  const authShop = async (req: FastifyRequest): Promise<Shop> => (await staffAuth.authenticate(req)).shop
  const audit = createAuditTrail({ store: ctx.store, clock: ctx.clock, newId: ctx.newId })
  audit.install(app, staffAuth.principalOf)
  registerStaffRoutes(app, {
    store: ctx.store,
    clock: ctx.clock,
    newId: ctx.newId,
    auth: staffAuth,
    audit,
    authShop,
    failures: createWindowCounter({
      windowMs: ctx.config.KEFU_LOGIN_WINDOW_MINUTES * 60_000,
      clock: ctx.clock,
      redis: ctx.redis,
      prefix: `${ctx.config.KEFU_REDIS_PREFIX}ratelimit:`,
    }),
    limits: { perAccount: ctx.config.KEFU_LOGIN_MAX_FAILURES_ACCOUNT, perIp: ctx.config.KEFU_LOGIN_MAX_FAILURES_IP },
    onStaffChange: async (shopId) => {
      await ctx.router.sweep(shopId)
    },
  })

  registerChatRoutes(app, {
    limits: {
      conversationsPerMinute: ctx.config.KEFU_RATE_LIMIT_CONVERSATIONS,
      messagesPerMinute: ctx.config.KEFU_RATE_LIMIT_MESSAGES,
      clientMessagesPerMinute: ctx.config.KEFU_RATE_LIMIT_CLIENT_MESSAGES,
    },
    clientCounter: createWindowCounter({
      windowMs: 60_000,
      clock: ctx.clock,
      redis: ctx.redis,
      prefix: `${ctx.config.KEFU_REDIS_PREFIX}ratelimit:`,
    }),
    store: ctx.store,
    conversations: ctx.conversations,
    pubsub: ctx.pubsub,
    secret: ctx.secret,
    newId: ctx.newId,
    clock: ctx.clock,
    tokens: { ttlSec: ctx.config.KEFU_TOKEN_TTL_MINUTES * 60, renewSec: ctx.config.KEFU_TOKEN_RENEW_DAYS * 86_400 },
    attachments: { store: ctx.attachments, maxBytes: ctx.config.KEFU_ATTACHMENT_MAX_BYTES },
    liveSockets: { pingMs: ctx.config.KEFU_WS_PING_MS, maxBufferedBytes: ctx.config.KEFU_WS_MAX_BUFFERED_BYTES },
  })

  app.get('/api/v1/shops/:shopId/products', async (req) => {
    const { shopId } = parseBody(z.object({ shopId: z.string().min(1).max(64) }), req.params)
    const q = parseBody(
      z.object({
        category: z.string().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(24),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      req.query,
    )
    const shop = await ctx.store.shops.get(shopId)
    if (!shop) throw new AppError('not_found', `shop '${shopId}' does not exist`)
    const products = await ctx.store.products.list(shopId, {
      limit: q.limit,
      offset: q.offset,
      ...(q.category ? { category: q.category } : {}),
    })
    return { products, total: await ctx.store.products.count(shopId) }
  })

  const fragments: Array<Record<string, unknown>> = [staffOpenApi]
  for (const m of extra) {
    m.register(app, ctx, authShop, { auth: staffAuth, audit })
    if (m.openapi) fragments.push(m.openapi)
  }
  const openapi = buildOpenApi(fragments)
  app.get('/api/v1/openapi.json', async () => openapi)

  const dist = join(ctx.rootDir, 'web/dist')
  if (existsSync(join(dist, 'index.html'))) {
    await app.register(fastifyStatic, { root: dist, prefix: '/', wildcard: false, index: ['index.html'] })
  } else {
    app.get('/', async (_req, reply) => {
      reply.type('text/html; charset=utf-8')
      return '<!doctype html><meta charset="utf-8"><title>kefu</title><p>The web widget is not built. Run <code>npm run build:web</code> (done by <code>npm install</code>) and restart. The API is up: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>'
    })
  }
  return app
}
