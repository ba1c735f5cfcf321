/**
 * Knowledge per shop, kept fresh across instances: a change on one instance (a publish, a
 * product from the admin feed, an import) is applied locally and, through pub/sub, on every
 * other one. Catalog builds run in slices that yield to the event loop (setImmediate) and FAQ
 * matchers are fitted in a worker thread, so neither a 100,000-product import nor a FAQ publish
 * stalls the customers served by the same process.
 */
import type { Logger } from 'pino'
import type { Embedder } from '../core/knowledge/embedder.js'
import type { ShopKnowledgeBase } from '../core/knowledge/knowledge-base.js'
import {
  createKnowledgeService,
  type KnowledgeChange,
  type KnowledgeService,
} from '../core/knowledge/knowledge-service.js'
import type { PubSub } from '../core/ports/pub-sub.js'
import type { Store } from '../core/ports/store.js'
import { createWorkerFaqFitter } from './faq-fit/faq-fitter.js'
import { cachedFaqFitter } from './faq-fit/fit-cache.js'

const CHANNEL = 'knowledge:invalidate'

export type KnowledgeProvider = {
  service: KnowledgeService
  forShop(shopId: string): Promise<ShopKnowledgeBase>
  /** Applies a change here and on every other instance (default: rebuild everything). */
  invalidate(shopId: string, change?: KnowledgeChange): void
  close(): Promise<void>
}

/** Resolves on the next turn of the event loop, after pending I/O callbacks. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

function parseChange(v: unknown): KnowledgeChange {
  const c = v as { scope?: unknown; skus?: unknown } | undefined
  if (c?.scope === 'text') return { scope: 'text' }
  if (c?.scope === 'products' && Array.isArray(c.skus))
    return { scope: 'products', skus: c.skus.filter((s): s is string => typeof s === 'string') }
  return { scope: 'all' }
}

export async function createKnowledgeProvider(deps: {
  store: Store
  pubsub: PubSub
  logger: Logger
  embedder?: Embedder
  /**
   * Told of every change applied through this provider, made here or on another instance (the
   * NLU engine follows product changes with it).
   */
  onChange?: (shopId: string, change: KnowledgeChange) => void
  /** Where FAQ matcher fits are remembered across processes (fit-cache.ts); none: every build fits. */
  fitCacheDir?: string
}): Promise<KnowledgeProvider> {
  const instance = Math.random().toString(36).slice(2)
  const fitter = createWorkerFaqFitter({ logger: deps.logger })
  // Loads while the server migrates, loads its model and builds its first indexes: the first fit
  // waits for the worker instead of running on the thread that serves customers.
  fitter.start()
  const fit = deps.fitCacheDir
    ? cachedFaqFitter(fitter.fit, { dir: deps.fitCacheDir, logger: deps.logger }).fit
    : fitter.fit
  const service = createKnowledgeService({
    store: deps.store,
    logger: deps.logger,
    pause: yieldToEventLoop,
    fitMatcher: fit,
    ...(deps.embedder ? { embedder: deps.embedder } : {}),
  })
  const offLocal = service.onInvalidate((shopId, change) => {
    deps.pubsub.publish(CHANNEL, { shopId, from: instance, change }).catch((e: unknown) => {
      deps.logger.warn({ err: e, shopId }, 'could not broadcast knowledge invalidation')
    })
  })
  const offRemote = await deps.pubsub.subscribe(CHANNEL, (p) => {
    const msg = p as { shopId?: string; from?: string; change?: unknown }
    if (msg.shopId && msg.from !== instance) {
      const change = parseChange(msg.change)
      service.invalidate(msg.shopId, { remote: true, change })
      deps.onChange?.(msg.shopId, change)
    }
  })
  return {
    service,
    forShop: (shopId) => service.forShop(shopId),
    invalidate: (shopId, change) => {
      service.invalidate(shopId, change ? { change } : {})
      deps.onChange?.(shopId, change ?? { scope: 'all' })
    },
    async close() {
      offLocal()
      await offRemote()
      await fitter.close()
    },
  }
}
