/**
 * Shop settings API: what the merchant tunes per shop (dialogue policy, return rules, ticket
 * queues and SLAs, knowledge vocabulary, LLM switch, time zone). A change applies to the very
 * next message, on every instance.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Shop } from '../../core/domain/records.js'
import { applySettingsPatch, shopSettingsPatchSchema } from '../../core/domain/shop-settings.js'
import type { Store } from '../../core/ports/store.js'
import { redactChannelSecrets } from '../channels/channel-settings.js'
import { redactShopSettings } from '../commerce/connector-settings.js'
import { parseBody } from '../http/validate.js'

export type ShopRouteDeps = {
  store: Store
  authShop: (req: FastifyRequest) => Promise<Shop>
  /** Drops cached indexes built from the old settings (local and broadcast). */
  invalidate: (shopId: string) => void
}

const view = (shop: Shop) => {
  const { catalogVersion: _internal, ...settings } = shop.settings
  // Channel and connector credentials are sealed at rest and never leave the server, not even sealed.
  return { id: shop.id, name: shop.name, demo: shop.demo, settings: redactShopSettings(redactChannelSecrets(settings)) }
}

export function registerShopRoutes(app: FastifyInstance, deps: ShopRouteDeps): void {
  app.get('/api/v1/admin/shop', async (req) => view(await deps.authShop(req)))

  // The widget secret (signs customer ids on the shop's site): owners and admins only (role-policy.ts).
  app.get('/api/v1/admin/shop/widget', async (req) => {
    const shop = await deps.authShop(req)
    return { shopId: shop.id, widgetSecret: shop.widgetSecret }
  })

  app.patch('/api/v1/admin/shop/settings', async (req) => {
    const shop = await deps.authShop(req)
    const patch = parseBody(shopSettingsPatchSchema, req.body ?? {})
    const updated = await deps.store.transaction(async (tx) => {
      const current = (await tx.shops.get(shop.id)) ?? shop
      const next: Shop = {
        ...current,
        settings: {
          ...applySettingsPatch(current.settings, patch),
          // Bumping the catalog version makes every instance rebuild what depends on settings.
          catalogVersion: Number(current.settings.catalogVersion ?? 0) + 1,
        },
      }
      await tx.shops.upsert(next)
      return next
    })
    deps.invalidate(shop.id)
    return view(updated)
  })
}

export const shopOpenApi: Record<string, unknown> = {
  '/api/v1/admin/shop': {
    get: {
      summary: 'The shop and its settings (shop API key)',
      security: [{ shopApiKey: [] }],
      responses: { '200': { description: '{id, name, demo, settings}' }, '401': { description: 'bad key' } },
    },
  },
  '/api/v1/admin/shop/widget': {
    get: {
      summary: 'The widget secret that signs customer ids (owners and admins)',
      security: [{ shopApiKey: [] }],
      responses: { '200': { description: '{shopId, widgetSecret}' }, '403': { description: 'not an owner or admin' } },
    },
  },
  '/api/v1/admin/shop/settings': {
    patch: {
      summary: 'Change shop settings: policy, returns, tickets, knowledge, llm, proactive, timezone',
      description:
        'Each top-level key replaces the stored one; null removes it (defaults again). Unknown keys and out-of-range values answer 400 naming the field. Applies to the next message on every instance.',
      security: [{ shopApiKey: [] }],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
      responses: {
        '200': { description: 'the updated shop' },
        '400': { description: 'invalid' },
        '401': { description: 'bad key' },
      },
    },
  },
}
