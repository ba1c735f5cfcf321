/**
 * Proactive admin API (shop API key): run the scans now, list the notices sent, subscribe a customer
 * to a price-drop alert, and preview a customer's recommendations.
 */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Product } from '../../core/domain/schemas.js'
import { localeSchema } from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import { parseRecommendRequest } from '../../core/nlu/parse-recommend-request.js'
import { NOTICE_SENT } from '../../core/proactive/delayed-parcels.js'
import { ALERT_SENT, cancelAlert, listSubscriptions, subscribeAlert } from '../../core/proactive/price-alerts.js'
import { runProactiveScans, SCAN_KINDS } from '../../core/proactive/run-proactive-scans.js'
import { catalogCategories } from '../../core/recommend/category-concepts.js'
import { localTitle, popularityOf, recommendProducts } from '../../core/recommend/recommend-products.js'
import type { RouteModule } from '../build-app.js'
import { parseBody } from '../http/validate.js'
import { proactiveDeps } from '../proactive-worker.js'

const runBody = z.object({ kinds: z.array(z.enum(SCAN_KINDS)).min(1).optional() }).strict()

const noticesQuery = z
  .object({
    kind: z.enum(['price_drop', 'delayed_parcel']).optional(),
    customerId: z.string().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

const alertBody = z
  .object({
    sku: z.string().min(1).max(64),
    customerId: z.string().min(1).max(64).optional(),
    conversationId: z.string().min(1).max(100).optional(),
    targetPrice: z.number().positive().optional(),
    locale: localeSchema.optional(),
  })
  .strict()
  .refine((b) => b.customerId !== undefined || b.conversationId !== undefined, {
    message: 'give customerId and/or conversationId',
  })

const alertsQuery = z
  .object({ customerId: z.string().min(1).max(64).optional(), sku: z.string().min(1).max(64).optional() })
  .strict()

const recQuery = z
  .object({
    customerId: z.string().min(1).max(64).optional(),
    /** A shopper's request in their words: "降噪耳机 1000以内", "gift for my mom". */
    q: z.string().max(500).optional(),
    category: z.string().min(1).max(100).optional(),
    budgetMax: z.coerce.number().positive().optional(),
    locale: localeSchema.optional(),
    limit: z.coerce.number().int().min(1).max(20).default(3),
  })
  .strict()

async function allProducts(ctx: Parameters<RouteModule['register']>[1], shopId: string): Promise<Product[]> {
  const out: Product[] = []
  for (let offset = 0; offset < 20_000; offset += 500) {
    const page = await ctx.store.products.list(shopId, { limit: 500, offset })
    out.push(...page)
    if (page.length < 500) break
  }
  return out
}

/** The route module: registered in src/server/route-modules.ts. */
export const proactiveRouteModule: RouteModule = {
  register(app: FastifyInstance, ctx, authShop) {
    // Scans read the database itself: an import by another process is seen at once.
    const deps = () => proactiveDeps({ ...ctx, store: ctx.scanStore })

    app.post('/api/v1/admin/proactive/run', async (req) => {
      const shop = await authShop(req)
      const b = parseBody(runBody, req.body ?? {})
      return runProactiveScans(deps(), shop.id, { ...(b.kinds ? { kinds: b.kinds } : {}), force: true })
    })

    app.get('/api/v1/admin/proactive/notices', async (req) => {
      const shop = await authShop(req)
      const q = parseBody(noticesQuery, req.query ?? {})
      const types =
        q.kind === 'price_drop' ? [ALERT_SENT] : q.kind === 'delayed_parcel' ? [NOTICE_SENT] : [ALERT_SENT, NOTICE_SENT]
      const rows = []
      for (const type of types) {
        for (let offset = 0; ; offset += 1000) {
          const page = await ctx.store.events.list(shop.id, { type, limit: 1000, offset })
          rows.push(...page)
          if (page.length < 1000) break
        }
      }
      const notices = rows
        .filter((e) => !q.customerId || e.data.customerId === q.customerId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
        .map((e) => ({
          id: e.id,
          kind: e.type === ALERT_SENT ? 'price_drop' : 'delayed_parcel',
          conversationId: e.conversationId,
          createdAt: e.createdAt,
          ...e.data,
        }))
      return {
        notices: notices.slice(q.offset, q.offset + q.limit),
        total: notices.length,
        limit: q.limit,
        offset: q.offset,
      }
    })

    app.post('/api/v1/admin/alerts', async (req, reply) => {
      const shop = await authShop(req)
      const b = parseBody(alertBody, req.body ?? {})
      const r = await subscribeAlert(deps(), {
        shopId: shop.id,
        sku: b.sku,
        customerId: b.customerId ?? null,
        conversationId: b.conversationId ?? null,
        ...(b.targetPrice !== undefined ? { targetPrice: b.targetPrice } : {}),
        ...(b.locale ? { locale: b.locale } : {}),
      })
      reply.code(r.created ? 201 : 200)
      return r
    })

    app.delete('/api/v1/admin/alerts/:id', async (req) => {
      const shop = await authShop(req)
      const { id } = parseBody(z.object({ id: z.string().min(1).max(100) }), req.params)
      return { cancelled: await cancelAlert(deps(), shop.id, id) }
    })

    app.get('/api/v1/admin/alerts', async (req) => {
      const shop = await authShop(req)
      const q = parseBody(alertsQuery, req.query ?? {})
      const subs = (await listSubscriptions(ctx.store, shop.id)).filter(
        (s) => (!q.customerId || s.customerId === q.customerId) && (!q.sku || s.sku === q.sku),
      )
      return { subscriptions: subs }
    })

    app.get('/api/v1/admin/recommendations', async (req) => {
      const shop = await authShop(req)
      const q = parseBody(recQuery, req.query ?? {})
      const customer = q.customerId ? await ctx.store.customers.get(shop.id, q.customerId) : null
      if (q.customerId && !customer) throw new AppError('not_found', `customer '${q.customerId}' does not exist`)
      const locale = q.locale ?? customer?.locale ?? 'zh'
      const [products, orders, shopOrders] = await Promise.all([
        allProducts(ctx, shop.id),
        customer ? ctx.store.orders.listByCustomer(shop.id, customer.id) : Promise.resolve([]),
        ctx.store.orders.list(shop.id, { limit: 2000 }),
      ])
      const request = parseRecommendRequest(q.q ?? '', { categories: catalogCategories(products) })
      if (q.category) request.categories = [q.category]
      if (q.budgetMax !== undefined) request.budgetMax = q.budgetMax
      const r = recommendProducts({
        products,
        request,
        locale,
        customer,
        orders,
        popularity: popularityOf(shopOrders),
        limit: q.limit,
      })
      return {
        customerId: customer?.id ?? null,
        locale,
        request,
        relaxed: r.relaxed,
        items: r.items.map((i) => ({
          sku: i.product.sku,
          title: localTitle(i.product, locale),
          category: i.product.category,
          brand: i.product.brand,
          price: i.product.price,
          currency: i.product.currency,
          stock: i.product.stock,
          reason: i.reason,
          reasonCode: i.reasonCode,
          ...(i.size ? { size: i.size } : {}),
        })),
      }
    })
  },
  openapi: {
    '/api/v1/admin/proactive/run': {
      post: {
        summary:
          'Run the proactive scans of the shop now ({kinds?: ["price_drop","delayed_parcel"]}), even if switched off',
        responses: {
          '200': { description: '{shopId, priceDrop: {subscriptions, sent[]}, delayedParcel: {checked, sent[]}}' },
          '400': { description: 'invalid_input' },
          '401': { description: 'unauthorized' },
        },
      },
    },
    '/api/v1/admin/proactive/notices': {
      get: {
        summary: 'Proactive messages sent (price-drop alerts and delayed-parcel notices), newest first',
        parameters: ['kind', 'customerId', 'limit', 'offset'].map((name) => ({
          name,
          in: 'query',
          required: false,
          schema: { type: 'string' },
        })),
        responses: {
          '200': { description: '{notices:[{id, kind, conversationId, createdAt, …}], total, limit, offset}' },
        },
      },
    },
    '/api/v1/admin/alerts': {
      post: {
        summary:
          'Subscribe a customer (or a conversation) to a price-drop alert ({sku, customerId?, conversationId?, targetPrice?, locale?})',
        responses: {
          '201': { description: '{subscription, created: true}' },
          '200': { description: '{subscription, created: false}: already subscribed' },
          '400': { description: 'invalid_input' },
          '404': { description: 'not_found (product, customer or conversation)' },
        },
      },
      get: {
        summary: 'List price-drop subscriptions (?customerId, ?sku)',
        responses: { '200': { description: '{subscriptions:[…]}' } },
      },
    },
    '/api/v1/admin/alerts/{id}': {
      delete: {
        summary: 'Cancel a price-drop subscription',
        responses: { '200': { description: '{cancelled: subscription}' }, '404': { description: 'not_found' } },
      },
    },
    '/api/v1/admin/recommendations': {
      get: {
        summary:
          'Recommendations for a customer (?customerId, ?q shopper request, ?category, ?budgetMax, ?locale, ?limit)',
        responses: {
          '200': {
            description:
              '{customerId, locale, request, relaxed, items:[{sku, title, price, stock, reason, reasonCode, size?}]}',
          },
          '404': { description: 'not_found (customer)' },
        },
      },
    },
  },
}
