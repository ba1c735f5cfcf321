/**
 * Channels over HTTP: the platforms' webhooks at `/channels/<kind>/…` (raw body kept for
 * signatures, each kind's own routes) and the admin API for a shop's channel credentials and
 * platform-user → customer links (shop API key, like the other admin routes).
 */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { AppError } from '../../core/errors.js'
import type { AppContext } from '../app-context.js'
import type { RouteModule } from '../build-app.js'
import { parseBody } from '../http/validate.js'

/** Largest webhook body a platform may send (WeCom/MP XML, Chatwoot JSON are a few KB). */
export const CHANNEL_BODY_LIMIT = 256 * 1024

const BASE = '/api/v1/admin/channels'
const kindParams = z.object({ kind: z.string().min(1).max(40) })
const linkParams = kindParams.extend({ externalUserId: z.string().min(1).max(200) })
const linkBody = z.object({ customerId: z.string().trim().min(1).max(100) }).strict()
const credentialsBody = z.record(z.string().max(100), z.union([z.string().max(2000), z.number()]))

/** Mounts every kind's webhook routes under `/channels/<kind>`, where `req.body` is the raw Buffer. */
function registerWebhooks(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: CHANNEL_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    )
    for (const def of ctx.channels.kinds) {
      if (!def.registerRoutes) continue
      await scope.register(async (k) => def.registerRoutes!(k, ctx.channels), { prefix: `/channels/${def.kind}` })
    }
  })
}

export const channelRouteModule: RouteModule = {
  register(app, ctx, authShop) {
    registerWebhooks(app, ctx)
    const settings = ctx.channels.settings

    app.get(BASE, async (req) => {
      const shop = await authShop(req)
      return {
        channels: await settings.list(shop.id),
        kinds: settings.kinds.map((k) => ({ kind: k.kind, title: k.title, secretFields: k.secretFields })),
      }
    })

    app.put(`${BASE}/:kind`, async (req) => {
      const shop = await authShop(req)
      const { kind } = parseBody(kindParams, req.params)
      const body = parseBody(credentialsBody, req.body ?? {})
      const input = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]))
      return { channel: await settings.add(shop.id, kind, input) }
    })

    app.delete(`${BASE}/:kind`, async (req, reply) => {
      const shop = await authShop(req)
      const { kind } = parseBody(kindParams, req.params)
      if (!(await settings.remove(shop.id, kind))) {
        return reply.code(404).send({ error: { code: 'not_found', message: `no ${kind} channel configured` } })
      }
      return reply.code(204).send()
    })

    app.get(`${BASE}/:kind/customers`, async (req) => {
      const shop = await authShop(req)
      const { kind } = parseBody(kindParams, req.params)
      settings.kindOf(kind)
      return { links: await ctx.store.channelCustomers.list(shop.id, { channel: kind, limit: 1000 }) }
    })

    app.put(`${BASE}/:kind/customers/:externalUserId`, async (req) => {
      const shop = await authShop(req)
      const { kind, externalUserId } = parseBody(linkParams, req.params)
      settings.kindOf(kind)
      const { customerId } = parseBody(linkBody, req.body ?? {})
      if (!(await ctx.store.customers.get(shop.id, customerId))) {
        throw new AppError('not_found', `customer '${customerId}' does not exist`)
      }
      const link = {
        shopId: shop.id,
        channel: kind,
        externalUserId,
        customerId,
        source: 'merchant' as const,
        updatedAt: ctx.clock.now().toISOString(),
      }
      await ctx.store.channelCustomers.set(link)
      return { link }
    })

    app.delete(`${BASE}/:kind/customers/:externalUserId`, async (req, reply) => {
      const shop = await authShop(req)
      const { kind, externalUserId } = parseBody(linkParams, req.params)
      const removed = await ctx.store.channelCustomers.delete(shop.id, kind, externalUserId)
      if (!removed) return reply.code(404).send({ error: { code: 'not_found', message: 'no such link' } })
      return reply.code(204).send()
    })
  },
  openapi: {
    [BASE]: {
      get: {
        summary: "The shop's messaging channels (secrets masked) and the kinds this server supports",
        security: [{ shopApiKey: [] }],
        responses: { '200': { description: '{channels, kinds}' }, '401': { description: 'bad key' } },
      },
    },
    [`${BASE}/{kind}`]: {
      put: {
        summary: 'Add or replace a channel (wecom-kf, wechat-mp, chatwoot): credentials validated, secrets encrypted',
        description: 'The answer shows the webhook path once, with its generated token; later reads mask every secret.',
        security: [{ shopApiKey: [] }],
        responses: { '200': { description: '{channel}' }, '400': { description: 'invalid credentials' } },
      },
      delete: {
        summary: 'Remove a channel',
        security: [{ shopApiKey: [] }],
        responses: { '204': { description: 'removed' }, '404': { description: 'not configured' } },
      },
    },
    [`${BASE}/{kind}/customers/{externalUserId}`]: {
      put: {
        summary: "Link a platform user to one of the shop's customers ({customerId})",
        security: [{ shopApiKey: [] }],
        responses: { '200': { description: '{link}' }, '404': { description: 'unknown customer' } },
      },
      delete: {
        summary: 'Remove a link',
        security: [{ shopApiKey: [] }],
        responses: { '204': { description: 'removed' }, '404': { description: 'no such link' } },
      },
    },
  },
}
