/**
 * The owner's admin API, above any one shop: create and list shops. Authorised by the server-level
 * KEFU_ADMIN_TOKEN, never by a shop API key.
 */
import type { FastifyInstance } from 'fastify'
import type { Store } from '../../core/ports/store.js'
import { requireOwner } from '../auth/owner-token.js'
import { parseBody } from '../http/validate.js'
import { createShop, createShopSchema, listShops } from '../shops/create-shop.js'

export type OwnerRouteDeps = { store: Store; adminToken: string | undefined; now: () => Date }

export function registerOwnerRoutes(app: FastifyInstance, deps: OwnerRouteDeps): void {
  app.post('/api/v1/admin/shops', async (req, reply) => {
    requireOwner(req, deps.adminToken)
    const input = parseBody(createShopSchema, req.body ?? {})
    const shop = await createShop(deps.store, input, deps.now())
    reply.code(201)
    return shop
  })
  app.get('/api/v1/admin/shops', async (req) => {
    requireOwner(req, deps.adminToken)
    return { shops: await listShops(deps.store) }
  })
}

export const ownerOpenApi: Record<string, unknown> = {
  '/api/v1/admin/shops': {
    post: {
      summary: 'Create a shop (owner token KEFU_ADMIN_TOKEN): empty, neutral rules',
      description:
        'Body {id, name, timezone?, currency?, locale?}. Answers 201 with the shop including its API key and widget secret (shown once); 409 when the id exists.',
      security: [{ ownerToken: [] }],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
      responses: {
        '201': { description: 'the new shop with its keys' },
        '400': { description: 'invalid' },
        '401': { description: 'no or bad owner token' },
        '409': { description: 'the id is taken' },
      },
    },
    get: {
      summary: 'List shops (owner token), without keys',
      security: [{ ownerToken: [] }],
      responses: { '200': { description: '{shops: [{id, name, demo, createdAt, timezone, currency, locale}]}' } },
    },
  },
}
