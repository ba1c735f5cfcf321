/**
 * Commerce connector API: configure a shop's connector (credentials accepted, never returned),
 * start an initial sync and read its progress, run a reconciliation pass, and receive the
 * platform's webhooks at `/webhooks/commerce/{platform}/{shopId}` (raw body kept for the HMAC).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Shop } from '../../core/domain/records.js'
import { AppError } from '../../core/errors.js'
import type { CommerceHub } from '../commerce/commerce-hub.js'
import { CONNECTOR_PLATFORMS } from '../commerce/connector-settings.js'
import { parseBody } from '../http/validate.js'

export type CommerceRouteDeps = {
  hub: CommerceHub
  authShop: (req: FastifyRequest) => Promise<Shop>
  /** Queues the initial sync on the job queue. */
  requestSync: (shopId: string) => Promise<void>
}

/** Largest webhook body accepted (Shopify orders with many lines stay far below). */
export const MAX_WEBHOOK_BYTES = 2 * 1024 * 1024

const configureSchema = z
  .object({
    platform: z.enum(CONNECTOR_PLATFORMS),
    storeUrl: z.string().url().max(500),
    credentials: z.record(z.string(), z.string().min(1).max(2000)),
    reconcileMinutes: z.number().int().min(1).max(10_080).optional(),
    options: z.record(z.string(), z.string().max(200)).optional(),
  })
  .strict()

const webhookParams = z.object({ platform: z.string().min(1).max(32), shopId: z.string().min(1).max(64) })

export function registerCommerceRoutes(app: FastifyInstance, deps: CommerceRouteDeps): void {
  const { hub } = deps

  app.get('/api/v1/admin/commerce', async (req) => {
    const shop = await deps.authShop(req)
    return { connector: await hub.view(shop.id), platforms: hub.platforms() }
  })

  app.put('/api/v1/admin/commerce', async (req) => {
    const shop = await deps.authShop(req)
    const body = parseBody(configureSchema, req.body ?? {})
    const connector = await hub.configure(shop.id, {
      platform: body.platform,
      storeUrl: body.storeUrl,
      credentials: body.credentials,
      ...(body.reconcileMinutes ? { reconcileMinutes: body.reconcileMinutes } : {}),
      ...(body.options ? { options: body.options } : {}),
    })
    return { connector }
  })

  app.delete('/api/v1/admin/commerce', async (req) => {
    const shop = await deps.authShop(req)
    return { removed: await hub.remove(shop.id) }
  })

  app.post('/api/v1/admin/commerce/sync', async (req, reply) => {
    const shop = await deps.authShop(req)
    await hub.markQueued(shop.id)
    await deps.requestSync(shop.id)
    reply.code(202)
    return { sync: (await hub.view(shop.id))?.sync ?? null }
  })

  app.get('/api/v1/admin/commerce/sync', async (req) => {
    const shop = await deps.authShop(req)
    const view = await hub.view(shop.id)
    if (!view) throw new AppError('not_found', 'this shop has no commerce connector')
    return { sync: view.sync ?? { state: 'idle', counts: {} }, reconcile: view.reconcile ?? null }
  })

  app.post('/api/v1/admin/commerce/reconcile', async (req) => {
    const shop = await deps.authShop(req)
    return await hub.reconcile(shop.id)
  })

  // Webhooks: the exact bytes are needed for the signature, so this scope parses nothing.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_WEBHOOK_BYTES }, (_req, body, done) =>
      done(null, body),
    )
    scope.post('/webhooks/commerce/:platform/:shopId', { bodyLimit: MAX_WEBHOOK_BYTES }, async (req) => {
      const { platform, shopId } = parseBody(webhookParams, req.params)
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const headers: Record<string, string | undefined> = {}
      for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v[0] : v
      const applied = await hub.webhook(platform, shopId, { headers, rawBody: new Uint8Array(raw) })
      req.log.info(
        { shopId, platform, topic: headers['x-shopify-topic'] ?? headers['x-wc-webhook-topic'], applied },
        'commerce webhook applied',
      )
      return { ok: true, applied }
    })
  })
}

const ok = (description: string) => ({ description })

export const commerceOpenApi: Record<string, unknown> = {
  '/api/v1/admin/commerce': {
    get: {
      summary: "The shop's commerce connector (credentials never shown)",
      responses: { '200': ok('{connector, platforms}') },
    },
    put: {
      summary:
        'Configure the connector: {platform, storeUrl, credentials, reconcileMinutes?, options?}; credentials are stored encrypted',
      requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
      responses: { '200': ok('{connector}'), '400': ok('invalid, named') },
    },
    delete: {
      summary: 'Remove the connector (the shop acts on kefu store again)',
      responses: { '200': ok('{removed}') },
    },
  },
  '/api/v1/admin/commerce/sync': {
    post: { summary: 'Queue the initial sync (products, customers, orders)', responses: { '202': ok('{sync}') } },
    get: { summary: 'Sync progress and outcome, last reconciliation', responses: { '200': ok('{sync, reconcile}') } },
  },
  '/api/v1/admin/commerce/reconcile': {
    post: {
      summary: 'Run one reconciliation pass now (orders updated since the last pass)',
      responses: { '200': ok('{orders, since}') },
    },
  },
  '/webhooks/commerce/{platform}/{shopId}': {
    post: {
      summary: "A platform's webhook (Shopify, WooCommerce); HMAC-verified against the shop's webhook secret",
      responses: { '200': ok('{ok, applied}'), '401': ok('signature does not verify; nothing processed') },
    },
  },
}
