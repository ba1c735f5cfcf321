import type { Product } from '../domain/schemas.js'
import { AppError } from '../errors.js'
import type { Store } from '../ports/store.js'
import type { SynonymGroups } from '../text/synonym-matcher.js'
import type { Embedder } from './embedder.js'
import { buildKnowledgeBase, type KnowledgeThresholds, type ShopKnowledgeBase } from './knowledge-base.js'
import { type KnowledgeLogger, silentLogger } from './knowledge-logger.js'
import { loadLiveFaqEntries } from './live-faq-entries.js'

/** Per-shop knowledge bases, cached in memory and rebuilt lazily after invalidate(). */
export type KnowledgeService = {
  forShop(shopId: string): Promise<ShopKnowledgeBase>
  /**
   * Drops the shop's index; the next forShop() rebuilds it from the store. Listeners
   * registered with onInvalidate() are told, unless `remote` is set (the call came
   * from another instance's broadcast and must not be re-broadcast).
   */
  invalidate(shopId: string, opts?: { remote?: boolean }): void
  /** Subscribe to local invalidations (to broadcast them over Redis). Returns an unsubscribe function. */
  onInvalidate(listener: (shopId: string) => void): () => void
}

export type KnowledgeServiceOptions = {
  store: Store
  embedder?: Embedder
  logger?: KnowledgeLogger
  /** Defaults for every shop; `shop.settings.knowledge.thresholds` overrides per shop. */
  thresholds?: Partial<KnowledgeThresholds>
}

/** Per-shop settings read from `shop.settings.knowledge`. */
export type ShopKnowledgeSettings = {
  synonyms?: SynonymGroups
  vocabulary?: string[]
  thresholds?: Partial<KnowledgeThresholds>
}

/**
 * Creates the knowledge service.
 *
 * @example
 * const knowledge = createKnowledgeService({ store, logger })
 * const kb = await knowledge.forShop('demo')
 * const reply = await kb.answer('包邮吗', { locale: 'zh' })
 */
export function createKnowledgeService(options: KnowledgeServiceOptions): KnowledgeService {
  const { store } = options
  const logger = options.logger ?? silentLogger
  const cache = new Map<string, { generation: number; kb: Promise<ShopKnowledgeBase> }>()
  const generations = new Map<string, number>()
  const listeners = new Set<(shopId: string) => void>()

  async function build(shopId: string): Promise<ShopKnowledgeBase> {
    const shop = await store.shops.get(shopId)
    if (!shop) throw new AppError('not_found', `shop '${shopId}' does not exist`)
    const settings = readSettings(shop.settings)
    const [faqs, faults, products] = await Promise.all([
      loadLiveFaqEntries(store, shopId),
      store.faults.list(shopId),
      listAllProducts(store, shopId),
    ])
    const kb = await buildKnowledgeBase(
      { shopId, faqs, faults, products, synonyms: settings.synonyms ?? [], vocabulary: settings.vocabulary ?? [] },
      {
        liveProduct: (sku) => store.products.get(shopId, sku),
        ...(options.embedder ? { embedder: options.embedder } : {}),
        logger,
        thresholds: { ...options.thresholds, ...settings.thresholds },
      },
    )
    logger.info({ shopId, ...kb.stats }, 'knowledge index built')
    return kb
  }

  return {
    forShop(shopId: string): Promise<ShopKnowledgeBase> {
      const generation = generations.get(shopId) ?? 0
      const cached = cache.get(shopId)
      if (cached && cached.generation === generation) return cached.kb
      const kb = build(shopId)
      cache.set(shopId, { generation, kb })
      // A failed build must not be cached: the next message retries.
      kb.catch(() => {
        if (cache.get(shopId)?.kb === kb) cache.delete(shopId)
      })
      return kb
    },
    invalidate(shopId: string, opts: { remote?: boolean } = {}): void {
      // Bumping the generation also discards a build that was already running with old data.
      generations.set(shopId, (generations.get(shopId) ?? 0) + 1)
      cache.delete(shopId)
      if (opts.remote) return
      for (const l of listeners) {
        try {
          l(shopId)
        } catch (e) {
          logger.warn({ shopId, err: e instanceof Error ? e.message : String(e) }, 'invalidate listener failed')
        }
      }
    },
    onInvalidate(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

async function listAllProducts(store: Store, shopId: string): Promise<Product[]> {
  const out: Product[] = []
  const PAGE = 2000
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.products.list(shopId, { limit: PAGE, offset })
    out.push(...page)
    if (page.length < PAGE) return out
  }
}

function readSettings(settings: Record<string, unknown>): ShopKnowledgeSettings {
  const k = settings.knowledge
  if (!k || typeof k !== 'object') return {}
  const s = k as Record<string, unknown>
  const out: ShopKnowledgeSettings = {}
  if (Array.isArray(s.synonyms)) {
    out.synonyms = s.synonyms.filter((g): g is string[] => Array.isArray(g) && g.every((p) => typeof p === 'string'))
  }
  if (Array.isArray(s.vocabulary)) out.vocabulary = s.vocabulary.filter((w): w is string => typeof w === 'string')
  if (s.thresholds && typeof s.thresholds === 'object') {
    const t: Partial<KnowledgeThresholds> = {}
    for (const [key, v] of Object.entries(s.thresholds)) {
      if (typeof v === 'number' && Number.isFinite(v)) (t as Record<string, number>)[key] = v
    }
    out.thresholds = t
  }
  return out
}
