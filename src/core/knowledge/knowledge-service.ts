import type { Product } from '../domain/schemas.js'
import { AppError } from '../errors.js'
import type { Store } from '../ports/store.js'
import { loadSegmentChinese } from '../text/segment-chinese.js'
import type { SynonymGroups } from '../text/synonym-matcher.js'
import { type BuildSlices, createBuildSlices } from './build-slices.js'
import { buildCatalogIndex, type CatalogIndex } from './catalog-index.js'
import type { Embedder } from './embedder.js'
import type { FaqClassifier, FaqFitter } from './faq-classifier.js'
import { assembleKnowledgeBase, type KnowledgeThresholds, type ShopKnowledgeBase } from './knowledge-base.js'
import { type KnowledgeLogger, silentLogger } from './knowledge-logger.js'
import { loadLiveFaqEntries } from './live-faq-entries.js'

/**
 * What changed in a shop's knowledge:
 * - `all`: the catalog was imported or the shop's settings changed: the whole index is rebuilt
 *   in the background while the previous one keeps answering, then swapped in at once;
 * - `text`: FAQ or faults changed (publish, archive, rollback, import): FAQ and fault indexes are
 *   rebuilt on top of the current catalog index at once, while the previous ones keep answering;
 *   `invalidate` resolves when they serve (the request that made the change waits for it, so the
 *   next message after it sees the change; customers never wait for the FAQ matcher's fit);
 * - `products`: these SKUs were upserted or deleted (admin feed): each is re-read from the store
 *   and updated in the live catalog index in place, before the next message is answered.
 */
export type KnowledgeChange = { scope: 'all' } | { scope: 'text' } | { scope: 'products'; skus: string[] }

/** Where a shop's index is: `building` = the first one is not ready yet (readiness says so). */
export type KnowledgeIndexState = {
  state: 'building' | 'ready' | 'rebuilding' | 'failed'
  /** Products in the served index. */
  products: number
  /** Bytes held by the served catalog index's postings (an estimate). */
  indexBytes: number
  /** The last build failure, while the previous index keeps serving. */
  lastError?: string
}

/** Per-shop knowledge bases, kept in memory, updated in place or rebuilt off the request path. */
export type KnowledgeService = {
  /**
   * The shop's knowledge base. Waits only for the first build of a shop and for pending product
   * changes; a full rebuild and a FAQ/fault (`text`) rebuild run in the background while the
   * previous index answers.
   */
  forShop(shopId: string): Promise<ShopKnowledgeBase>
  /**
   * Applies a change (default `{ scope: 'all' }`). Listeners registered with onInvalidate()
   * are told, unless `remote` is set (the call came from another instance's broadcast and
   * must not be re-broadcast). Resolves (never rejects) when a `text` or `products` change serves
   * here; a full rebuild runs in the background and resolves at once.
   */
  invalidate(shopId: string, opts?: { remote?: boolean; change?: KnowledgeChange }): Promise<void>
  /** Subscribe to local invalidations (to broadcast them over Redis). Returns an unsubscribe function. */
  onInvalidate(listener: (shopId: string, change: KnowledgeChange) => void): () => void
  /** Index state of every shop seen so far (for readiness). */
  states(): Record<string, KnowledgeIndexState>
  /** Resolves when no build or change is in flight for the shop (tests, benchmarks). */
  settled(shopId: string): Promise<void>
}

export type KnowledgeServiceOptions = {
  store: Store
  embedder?: Embedder
  logger?: KnowledgeLogger
  /** Defaults for every shop; `shop.settings.knowledge.thresholds` overrides per shop. */
  thresholds?: Partial<KnowledgeThresholds>
  /**
   * Yields to the event loop between slices of a catalog build, so that building 100,000
   * products never blocks the customers of the same process. The server passes a
   * `setImmediate` promise; default: no yielding.
   */
  pause?: () => Promise<void>
  /** Fits FAQ matchers off the event loop (the server passes a worker thread); default: in-process. */
  fitMatcher?: FaqFitter
}

/** Per-shop settings read from `shop.settings.knowledge`. */
export type ShopKnowledgeSettings = {
  synonyms?: SynonymGroups
  vocabulary?: string[]
  thresholds?: Partial<KnowledgeThresholds>
}

type ShopState = {
  /** What customers are answered from; replaced whole, never mutated half-way (catalog deltas aside). */
  served: ShopKnowledgeBase | null
  first: Promise<ShopKnowledgeBase> | null
  /** Bumped by every `all` change; a full build that finishes with an older one starts over. */
  generation: number
  fullBuild: Promise<void> | null
  /** SKUs changed while a full build is running: re-applied to its catalog before the swap. */
  changedDuringBuild: Set<string> | null
  textDirty: boolean
  /** Bumped by every `text` change, so a full build knows whether it read the newest FAQ. */
  textVersion: number
  /** Product deltas run one after the other; a message waits for them. */
  chain: Promise<void>
  /** FAQ/fault rebuilds run one after the other, beside the product deltas; no message waits for them. */
  textChain: Promise<void>
  /** A FAQ/fault rebuild queued and not started yet: later changes join it. */
  textQueued: Promise<void> | null
  /** The shop's trained FAQ matchers, reused while their training input is unchanged. */
  matchers: Map<string, { key: string; model: FaqClassifier }>
  lastError?: string
}

const RETRY_FAILED_TEXT_MS = 5000

/**
 * Creates the knowledge service.
 *
 * @example
 * const knowledge = createKnowledgeService({ store, logger, pause: () => new Promise((r) => setImmediate(r)) })
 * const kb = await knowledge.forShop('demo')
 * const reply = await kb.answer('包邮吗', { locale: 'zh' })
 * knowledge.invalidate('demo', { change: { scope: 'products', skus: ['DJ-1001'] } })
 */
export function createKnowledgeService(options: KnowledgeServiceOptions): KnowledgeService {
  const { store } = options
  const logger = options.logger ?? silentLogger
  const shops = new Map<string, ShopState>()
  const listeners = new Set<(shopId: string, change: KnowledgeChange) => void>()
  const textRead = new WeakMap<ShopKnowledgeBase, number>()

  function stateOf(shopId: string): ShopState {
    let s = shops.get(shopId)
    if (!s) {
      s = {
        served: null,
        first: null,
        generation: 0,
        fullBuild: null,
        changedDuringBuild: null,
        textDirty: false,
        textVersion: 0,
        chain: Promise.resolve(),
        textChain: Promise.resolve(),
        textQueued: null,
        matchers: new Map(),
      }
      shops.set(shopId, s)
    }
    return s
  }

  async function shopSettings(shopId: string): Promise<ShopKnowledgeSettings> {
    const shop = await store.shops.get(shopId)
    if (!shop) throw new AppError('not_found', `shop '${shopId}' does not exist`)
    return readSettings(shop.settings)
  }

  async function assemble(shopId: string, catalog: CatalogIndex, settings: ShopKnowledgeSettings) {
    const s = stateOf(shopId)
    const [faqs, faults] = await Promise.all([loadLiveFaqEntries(store, shopId), store.faults.list(shopId)])
    const kb = await assembleKnowledgeBase(
      catalog,
      { shopId, faqs, faults },
      {
        liveProduct: (sku) => store.products.get(shopId, sku),
        ...(options.embedder ? { embedder: options.embedder } : {}),
        logger,
        thresholds: { ...options.thresholds, ...settings.thresholds },
        matcherCache: s.matchers,
        ...(options.fitMatcher ? { fitMatcher: options.fitMatcher } : {}),
        ...(options.pause ? { pause: options.pause } : {}),
      },
    )
    return kb
  }

  /** A whole new index: catalog (in slices), then FAQ and faults on top of it. */
  async function buildAll(shopId: string, s: ShopState): Promise<ShopKnowledgeBase> {
    const started = performance.now()
    const settings = await shopSettings(shopId)
    s.changedDuringBuild = new Set()
    // The tokenizer's jieba dictionary, loaded in slices before the first text is cut.
    await loadSegmentChinese(options.pause ? { pause: options.pause } : {})
    // One slicer for the catalog's reads and its indexing: a page read yields only when the slice is half used.
    const slices = createBuildSlices(options.pause ? { pause: options.pause } : {})
    const catalog = await buildCatalogIndex(() => pagedProducts(store, shopId, slices), {
      synonyms: settings.synonyms ?? [],
      vocabulary: settings.vocabulary ?? [],
      slices,
    })
    let textVersion = s.textVersion
    let kb = await assemble(shopId, catalog, settings)
    // Until nothing changed meanwhile: a FAQ/fault change made during the build is assembled again,
    // and product changes made while the catalog was read (they may have been read before they
    // were written) or while it was assembled are applied to it. No pause between the last check
    // and the swap, so no change is lost.
    for (;;) {
      if (textVersion !== s.textVersion) {
        textVersion = s.textVersion
        kb = await assemble(shopId, catalog, settings)
        continue
      }
      const changed = s.changedDuringBuild
      if (!changed || changed.size === 0) break
      s.changedDuringBuild = new Set()
      await applyProducts(shopId, catalog, [...changed])
    }
    s.changedDuringBuild = null
    textRead.set(kb, textVersion)
    logger.info(
      { shopId, ...kb.stats, ...catalog.stats(), totalMs: Math.round(performance.now() - started) },
      'knowledge index built',
    )
    return kb
  }

  async function applyProducts(shopId: string, catalog: CatalogIndex, skus: string[]): Promise<void> {
    for (let i = 0; i < skus.length; i += 200) {
      const batch = skus.slice(i, i + 200)
      const rows = await Promise.all(batch.map((sku) => store.products.get(shopId, sku)))
      batch.forEach((sku, j) => {
        const row = rows[j]
        if (row) catalog.upsert(row)
        else catalog.remove(sku)
      })
      if (options.pause && i + 200 < skus.length) await options.pause()
    }
  }

  function startFullBuild(shopId: string, s: ShopState): void {
    if (s.fullBuild) return
    const generation = s.generation
    s.fullBuild = (async () => {
      try {
        const kb = await buildAll(shopId, s)
        if (s.generation !== generation) return
        s.served = kb
        // The first index (its promise) is not kept past its swap: it held a whole catalog.
        s.first = null
        if (textRead.get(kb) === s.textVersion) s.textDirty = false
        delete s.lastError
      } catch (e) {
        s.changedDuringBuild = null
        s.lastError = e instanceof Error ? e.message : String(e)
        logger.warn(
          { shopId, err: s.lastError },
          s.served ? 'knowledge rebuild failed; the previous index keeps answering' : 'knowledge index build failed',
        )
      } finally {
        s.fullBuild = null
        // Another full change arrived meanwhile: build again with the newest data.
        if (s.generation !== generation && s.served) startFullBuild(shopId, s)
      }
    })()
  }

  function enqueue(s: ShopState, job: () => Promise<void>): Promise<void> {
    s.chain = s.chain.then(job, job)
    return s.chain
  }

  let lastTextFailure = Number.NEGATIVE_INFINITY
  /** Rebuilds the FAQ/fault indexes on the served catalog; resolves when they serve (or failed). */
  function rebuildText(shopId: string, s: ShopState): Promise<void> {
    if (s.textQueued) return s.textQueued
    const job = s.textChain.then(async () => {
      // Started: a change from now on queues another run.
      s.textQueued = null
      if (!s.textDirty || !s.served) return
      if (performance.now() - lastTextFailure < RETRY_FAILED_TEXT_MS) return
      s.textDirty = false
      const base = s.served
      try {
        const kb = await assemble(shopId, base.catalog, await shopSettings(shopId))
        // A full build may have swapped in a newer index meanwhile; it read the FAQ after us.
        if (s.served === base) s.served = kb
      } catch (e) {
        s.textDirty = true
        lastTextFailure = performance.now()
        s.lastError = e instanceof Error ? e.message : String(e)
        logger.warn({ shopId, err: s.lastError }, 'FAQ/fault index rebuild failed; the previous index keeps answering')
      }
    })
    s.textQueued = job
    s.textChain = job
    return job
  }

  return {
    async forShop(shopId: string): Promise<ShopKnowledgeBase> {
      const s = stateOf(shopId)
      if (!s.served) {
        if (!s.first) {
          const first = buildAll(shopId, s)
          s.first = first
          first.then(
            (kb) => {
              if (!s.served) s.served = kb
              if (textRead.get(kb) === s.textVersion) s.textDirty = false
            },
            (e: unknown) => {
              s.lastError = e instanceof Error ? e.message : String(e)
              logger.warn({ shopId, err: s.lastError }, 'knowledge index build failed')
            },
          )
          // A failed first build is not kept: the next message retries.
          first.catch(() => {
            if (s.first === first) s.first = null
          })
        }
        const kb = await s.first
        // A full change arrived during the first build: rebuild in the background.
        if (s.generation > 0 && !s.fullBuild) startFullBuild(shopId, s)
        if (!s.served) s.served = kb
      }
      // A FAQ/fault change not served yet (one that failed is retried here): rebuilt in the background.
      if (s.textDirty) void rebuildText(shopId, s)
      await s.chain
      return s.served!
    },
    invalidate(shopId, opts = {}): Promise<void> {
      const change = opts.change ?? { scope: 'all' }
      const s = stateOf(shopId)
      let applied: Promise<void> = Promise.resolve()
      if (change.scope === 'all') {
        s.generation++
        if (s.served) startFullBuild(shopId, s)
      } else if (change.scope === 'text') {
        s.textDirty = true
        s.textVersion++
        // Before the first index serves, its build reads the change (or assembles again when it
        // came too late); then it is rebuilt on the served index.
        const first = s.served ? null : s.first
        applied = first
          ? first.then(
              () => rebuildText(shopId, s),
              () => undefined,
            )
          : rebuildText(shopId, s)
      } else if (s.served) {
        if (s.changedDuringBuild) for (const sku of change.skus) s.changedDuringBuild.add(sku)
        const catalog = s.served.catalog
        const skus = [...change.skus]
        applied = enqueue(s, async () => {
          try {
            // The served index may have been swapped since: update whichever serves now.
            await applyProducts(shopId, s.served?.catalog ?? catalog, skus)
          } catch (e) {
            logger.warn({ shopId, err: e instanceof Error ? e.message : String(e) }, 'product update failed')
          }
        }).catch(() => undefined)
      } else if (s.changedDuringBuild) {
        // The first build is running: it re-reads these products before it is served.
        for (const sku of change.skus) s.changedDuringBuild.add(sku)
      }
      if (opts.remote) return applied
      for (const l of listeners) {
        try {
          l(shopId, change)
        } catch (e) {
          logger.warn({ shopId, err: e instanceof Error ? e.message : String(e) }, 'invalidate listener failed')
        }
      }
      return applied
    },
    onInvalidate(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    states() {
      const out: Record<string, KnowledgeIndexState> = {}
      for (const [shopId, s] of shops) {
        const state = !s.served ? (s.first ? 'building' : 'failed') : s.fullBuild ? 'rebuilding' : 'ready'
        out[shopId] = {
          state,
          products: s.served?.catalog.size ?? 0,
          indexBytes: s.served?.catalog.stats().indexBytes ?? 0,
          ...(s.lastError ? { lastError: s.lastError } : {}),
        }
      }
      return out
    },
    async settled(shopId: string): Promise<void> {
      const s = stateOf(shopId)
      for (let i = 0; i < 100; i++) {
        const pending = [s.first, s.fullBuild, s.chain, s.textChain].filter(Boolean)
        await Promise.allSettled(pending)
        if (!s.fullBuild && (!s.first || s.served)) return
      }
    },
  }
}

/**
 * Every product of the shop, page by page, pausing between pages. A page is one synchronous read
 * and parse: 500 rows were 60–170 ms of it on the loaded 2-core VM, 200 keep it well under 100 ms.
 */
async function* pagedProducts(store: Store, shopId: string, slices: BuildSlices): AsyncGenerator<Product> {
  const PAGE = 200
  // Keyset paging: products added or deleted while the catalog is read shift no page.
  let after: string | undefined
  for (;;) {
    const page = await store.products.list(shopId, { limit: PAGE, ...(after !== undefined ? { afterSku: after } : {}) })
    yield* page
    if (page.length < PAGE) return
    after = page[page.length - 1]!.sku
    await slices.beforeBlock()
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
