/**
 * Knowledge per shop, kept fresh across instances: a publish on one instance
 * invalidates the shop's index locally and, through pub/sub, on every other one.
 */
import type { Logger } from 'pino'
import type { Embedder } from '../core/knowledge/embedder.js'
import type { ShopKnowledgeBase } from '../core/knowledge/knowledge-base.js'
import { createKnowledgeService, type KnowledgeService } from '../core/knowledge/knowledge-service.js'
import type { PubSub } from '../core/ports/pub-sub.js'
import type { Store } from '../core/ports/store.js'

const CHANNEL = 'knowledge:invalidate'

export type KnowledgeProvider = {
  service: KnowledgeService
  forShop(shopId: string): Promise<ShopKnowledgeBase>
  invalidate(shopId: string): void
  close(): Promise<void>
}

export async function createKnowledgeProvider(deps: {
  store: Store
  pubsub: PubSub
  logger: Logger
  embedder?: Embedder
}): Promise<KnowledgeProvider> {
  const instance = Math.random().toString(36).slice(2)
  const service = createKnowledgeService({
    store: deps.store,
    logger: deps.logger,
    ...(deps.embedder ? { embedder: deps.embedder } : {}),
  })
  const offLocal = service.onInvalidate((shopId) => {
    deps.pubsub.publish(CHANNEL, { shopId, from: instance }).catch((e: unknown) => {
      deps.logger.warn({ err: e, shopId }, 'could not broadcast knowledge invalidation')
    })
  })
  const offRemote = await deps.pubsub.subscribe(CHANNEL, (p) => {
    const msg = p as { shopId?: string; from?: string }
    if (msg.shopId && msg.from !== instance) service.invalidate(msg.shopId, { remote: true })
  })
  return {
    service,
    forShop: (shopId) => service.forShop(shopId),
    invalidate: (shopId) => service.invalidate(shopId),
    async close() {
      offLocal()
      await offRemote()
    },
  }
}
