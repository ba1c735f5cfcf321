/** Admin route modules mounted next to the chat API (knowledge, tickets). */
import { createWebhookTicketMirror } from '../adapters/webhooks/webhook-ticket-mirror.js'
import { conversationChannel } from '../core/conversation/conversation-service.js'
import type { RouteModule } from './build-app.js'
import { knowledgeOpenApi, registerKnowledgeRoutes } from './routes/knowledge-routes.js'
import { registerTicketRoutes, ticketOpenApiPaths } from './routes/ticket-routes.js'

export function defaultRouteModules(): RouteModule[] {
  return [
    {
      register(app, ctx, authShop) {
        registerKnowledgeRoutes(app, { store: ctx.store, knowledge: ctx.knowledge.service, authShop })
      },
      openapi: knowledgeOpenApi,
    },
    {
      register(app, ctx, authShop) {
        const url = ctx.config.KEFU_TICKET_WEBHOOK_URL
        const mirror = url
          ? createWebhookTicketMirror({
              url,
              secret: ctx.config.KEFU_TICKET_WEBHOOK_SECRET ?? '',
              onFailure: (event, error) => ctx.logger.warn({ event: event.type, err: error }, 'ticket webhook failed'),
            })
          : null
        registerTicketRoutes(app, {
          store: ctx.store,
          authShop,
          newId: ctx.newId,
          async notify(conversationId, message) {
            await ctx.pubsub.publish(conversationChannel(message.shopId, conversationId), { type: 'message', message })
          },
          ...(mirror ? { onEvent: (event, ticket) => mirror.handle(event, ticket) } : {}),
        })
      },
      openapi: ticketOpenApiPaths,
    },
  ]
}
