/** Admin route modules mounted next to the chat API (knowledge, tickets). */
import type { FastifyRequest } from 'fastify'
import type { Access, RouteModule } from './build-app.js'
import { agentRouteModule } from './routes/agent-routes.js'
import { analyticsOpenApi, registerAnalyticsRoutes } from './routes/analytics-routes.js'
import { catalogGraphOpenApi, registerCatalogGraphRoutes } from './routes/catalog-graph-routes.js'
import { channelRouteModule } from './routes/channel-routes.js'
import { commerceOpenApi, registerCommerceRoutes } from './routes/commerce-routes.js'
import { knowledgeOpenApi } from './routes/knowledge-openapi.js'
import { registerKnowledgeRoutes } from './routes/knowledge-routes.js'
import { llmOpenApi, registerLlmRoutes } from './routes/llm-routes.js'
import { ownerOpenApi, registerOwnerRoutes } from './routes/owner-routes.js'
import { proactiveRouteModule } from './routes/proactive-routes.js'
import { productOpenApi, registerProductRoutes } from './routes/product-routes.js'
import { registerShopRoutes, shopOpenApi } from './routes/shop-routes.js'
import { registerTicketRoutes, ticketOpenApiPaths } from './routes/ticket-routes.js'

/** The signed-in account's username (a person's change is recorded under their name, never a typed one). */
const staffNameOf = (access: Access) => (req: FastifyRequest) => {
  const p = access.auth.principalOf(req)
  return p?.kind === 'staff' ? p.account.username : undefined
}

export function defaultRouteModules(): RouteModule[] {
  return [
    {
      register(app, ctx) {
        registerOwnerRoutes(app, {
          store: ctx.store,
          adminToken: ctx.config.KEFU_ADMIN_TOKEN,
          now: () => ctx.clock.now(),
        })
      },
      openapi: ownerOpenApi,
    },
    {
      register(app, ctx, authShop) {
        registerShopRoutes(app, {
          store: ctx.store,
          authShop,
          invalidate: (shopId) => {
            ctx.knowledge.invalidate(shopId)
            ctx.nlu.invalidate(shopId)
          },
        })
      },
      openapi: shopOpenApi,
    },
    {
      register(app, ctx, authShop) {
        registerAnalyticsRoutes(app, { store: ctx.store, authShop, now: () => ctx.clock.now() })
      },
      openapi: analyticsOpenApi,
    },
    {
      register(app, ctx, authShop, access) {
        registerKnowledgeRoutes(app, {
          store: ctx.store,
          knowledge: ctx.knowledge.service,
          authShop,
          actorOf: staffNameOf(access),
          now: () => ctx.clock.now(),
        })
      },
      openapi: knowledgeOpenApi,
    },
    {
      register(app, ctx, authShop) {
        registerProductRoutes(app, {
          store: ctx.store,
          authShop,
          changed: (shopId, change) => ctx.knowledge.invalidate(shopId, change),
        })
      },
      openapi: productOpenApi,
    },
    {
      register(app, ctx, authShop) {
        registerCatalogGraphRoutes(app, { store: ctx.store, knowledge: ctx.knowledge.service, authShop })
      },
      openapi: catalogGraphOpenApi,
    },
    {
      register(app, ctx, authShop, access) {
        registerTicketRoutes(app, {
          store: ctx.store,
          authShop,
          actorOf: staffNameOf(access),
          auditNote: (req, note) => access.audit.describe(req, note),
          newId: ctx.newId,
          now: () => ctx.clock.now(),
          ...ctx.ticketHooks,
        })
      },
      openapi: ticketOpenApiPaths,
    },
    {
      register(app, ctx, authShop) {
        const circuit = ctx.llmCircuit
        registerLlmRoutes(app, {
          store: ctx.store,
          authShop,
          now: () => ctx.clock.now(),
          circuit: circuit ? () => circuit.state() : undefined,
        })
      },
      openapi: llmOpenApi,
    },
    {
      register(app, ctx, authShop) {
        registerCommerceRoutes(app, { hub: ctx.commerce.hub, authShop, requestSync: ctx.commerce.requestSync })
      },
      openapi: commerceOpenApi,
    },
    agentRouteModule,
    proactiveRouteModule,
    channelRouteModule,
  ]
}
