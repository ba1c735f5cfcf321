/**
 * NLU per shop: one intent model per data directory (loaded, or trained from the
 * shipped data/nlu plus the shop's own examples and saved) and, per shop, an engine
 * that knows the shop's catalog (product entities, Chinese user dictionary).
 */
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Logger } from 'pino'
import {
  intentModelPath,
  loadOrTrainIntentModel,
  shippedNluFiles,
  shopExamplesPath,
  writeIntentModel,
} from '../adapters/nlu-model-file/intent-model-file.js'
import { readLabelledExamples } from '../adapters/nlu-model-file/read-labelled-examples.js'
import type { Product } from '../core/domain/schemas.js'
import {
  type CatalogItem,
  createMutableCatalogMatcher,
  type MutableCatalogMatcher,
} from '../core/nlu/catalog-matcher.js'
import { type GrowingSegmenter, loadChineseSegmenter } from '../core/nlu/chinese-segmenter.js'
import { createNluEngine } from '../core/nlu/create-nlu-engine.js'
import { type CompiledIntentModel, compileIntentModel, type IntentModelJson } from '../core/nlu/intent-model.js'
import { INTENT_TRAINER_VERSION, trainIntentModel } from '../core/nlu/train-intent-model.js'
import type { NluEngine } from '../core/nlu/types.js'
import type { Clock } from '../core/ports/clock.js'
import type { Store } from '../core/ports/store.js'

export type NluProvider = {
  forShop(shopId: string): Promise<NluEngine>
  /**
   * The shop's catalog changed as a whole (import, settings): the next turn starts a new engine,
   * built in slices while the previous one keeps answering, then swapped in at once.
   */
  invalidate(shopId: string): void
  /**
   * These products were upserted or deleted (admin feed): their names are re-read and changed in
   * the live engine in place (and in an engine being built, before it is swapped in).
   */
  applyProducts(shopId: string, skus: readonly string[]): Promise<void>
  /** Resolves when no build or product change is in flight for the shop (tests, benchmarks). */
  settled(shopId: string): Promise<void>
  /**
   * Loads and compiles the intent model now (a server does before it listens): reading the ~11 MB
   * model file and compiling it is one block of 0.3–0.8 s, which a shop's first message after a
   * start would otherwise wait for, with every other request of the process.
   */
  warmModel(): void
}

/** A built engine and the parts of it that change in place. */
type ShopNlu = { engine: NluEngine; matcher: MutableCatalogMatcher; segment: GrowingSegmenter; seq: number }

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than formatting with it. */
const dayFormatters = new Map<string, Intl.DateTimeFormat | null>()

function dayFormatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = dayFormatters.get(timeZone)
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    } catch {
      f = null
    }
    dayFormatters.set(timeZone, f)
  }
  return f
}

/** The last day formatted per time zone, by minute: every message asks, formatting is not free. */
const lastDays = new Map<string, { minute: number; day: string }>()

/** The clock's day in the shop's time zone as YYYY-MM-DD (relative dates like 昨天 resolve against it). */
function today(clock: Clock, timeZone: string): string {
  const now = clock.now()
  // Days change on a minute boundary in every time zone in use.
  const minute = Math.floor(now.getTime() / 60_000)
  const last = lastDays.get(timeZone)
  if (last?.minute === minute) return last.day
  const day = dayFormatter(timeZone)?.format(now) ?? now.toISOString().slice(0, 10)
  lastDays.set(timeZone, { minute, day })
  return day
}

/** Resolves on the next turn of the event loop, after pending I/O callbacks. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

function catalogItemOf(p: Product): CatalogItem {
  const en = typeof p.attributes.titleEn === 'string' ? [p.attributes.titleEn] : []
  return { sku: p.sku, title: p.title, brand: p.brand, aliases: [...(p.aliases ?? []), ...en] }
}

function wordsOf(it: CatalogItem): string[] {
  return [it.title, it.brand ?? '', ...(it.aliases ?? [])]
}

/** A failed build is retried after this long, while the previous engine answers. */
const RETRY_FAILED_BUILD_MS = 5000

/** Products read (and parsed) at once: one synchronous SQLite read, kept well under 100 ms. */
const CATALOG_PAGE = 200

/**
 * Fills a matcher with the shop's products and their words into the segmenter, one page of
 * CATALOG_PAGE at a time with a pause between pages: SQLite answers synchronously, and compiling 100,000
 * products' names in one go was a block of 1–2 s on the thread serving customers.
 */
async function fillCatalog(store: Store, shopId: string, matcher: MutableCatalogMatcher, segment: GrowingSegmenter) {
  let after: string | undefined
  for (;;) {
    if (after !== undefined) await yieldToEventLoop()
    const page = await store.products.list(shopId, {
      limit: CATALOG_PAGE,
      ...(after !== undefined ? { afterSku: after } : {}),
    })
    after = page[page.length - 1]?.sku
    const words: string[] = []
    for (const p of page) {
      const item = catalogItemOf(p)
      matcher.upsert(item)
      for (const w of wordsOf(item)) words.push(w)
    }
    segment.addWords(words)
    if (page.length < CATALOG_PAGE) return
  }
}

/**
 * The letters the shop's order numbers start with: `settings.orderNumbers.prefixes` when set, else
 * read off the shop's own orders (a sample of 200), so `KF202611240392` is recognised in the demo and
 * `SO00012345` in a shop that numbers orders that way — without the word "order" next to it.
 */
async function orderPrefixesOf(store: Store, shopId: string, configured: unknown): Promise<string[]> {
  const prefixes = (configured as { prefixes?: unknown } | undefined)?.prefixes
  if (Array.isArray(prefixes)) return prefixes.filter((p): p is string => typeof p === 'string')
  const seen = new Map<string, number>()
  for (const o of await store.orders.list(shopId, { limit: 200 })) {
    const m = /^([A-Za-z]{1,6})\d{6,20}$/.exec(o.orderNo)
    if (m) seen.set(m[1]!.toUpperCase(), (seen.get(m[1]!.toUpperCase()) ?? 0) + 1)
  }
  return [...seen.entries()].filter(([, n]) => n >= 3).map(([p]) => p)
}

function copyAtomic(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true })
  const tmp = `${to}.${process.pid}.${Date.now()}.tmp`
  copyFileSync(from, tmp)
  renameSync(tmp, to)
}

/**
 * The path of the model trained from the shipped data/nlu (trained and cached on first use,
 * keyed by the training file's hash). Test set-up calls it once so test files share one model.
 */
export function ensureShippedModel(
  rootDir: string,
  onTrained?: (ms: number) => void,
  onTraining?: (examples: number) => void,
): string {
  const train = shippedNluFiles(rootDir).train
  const hash = createHash('sha256')
    .update(readFileSync(train))
    .update(`trainer:${INTENT_TRAINER_VERSION}`)
    .digest('hex')
    .slice(0, 16)
  const cached = join(rootDir, 'node_modules/.cache/kefu', `intent-${hash}.json`)
  if (existsSync(cached)) return cached
  const examples = readLabelledExamples(train)
  onTraining?.(examples.length)
  const started = performance.now()
  const model = trainIntentModel(examples)
  onTrained?.(Math.round(performance.now() - started))
  writeIntentModel(cached, model)
  return cached
}

export function createNluProvider(deps: {
  store: Store
  dataDir: string
  rootDir: string
  logger: Logger
  /** Relative dates (昨天, last Friday) resolve against this clock's day. */
  clock: Clock
}): NluProvider {
  let model: IntentModelJson | null = null
  let modelMtime = 0
  let checkedAt = 0
  /** `kefu train` rewrites the model file: reload it (checked at most every 2 s), no restart. */
  function reloadIfRetrained(): boolean {
    if (!model || performance.now() - checkedAt < 2000) return false
    checkedAt = performance.now()
    try {
      const m = statSync(intentModelPath(deps.dataDir)).mtimeMs
      if (m !== modelMtime) {
        model = null
        current.clear()
        deps.logger.info('intent model changed on disk; reloading')
        return true
      }
    } catch {
      /* the file was removed: keep serving the model in memory */
    }
    return false
  }

  function loadModel(): IntentModelJson {
    if (model) return model
    const file = intentModelPath(deps.dataDir)
    // A fresh data dir without shop examples starts from the model of the shipped data, cached by
    // the data's hash, so new instances and tests do not each retrain the same model.
    if (!existsSync(file) && !existsSync(shopExamplesPath(deps.dataDir))) {
      const cached = ensureShippedModel(
        deps.rootDir,
        (ms) => deps.logger.info({ ms }, 'intent model trained from data/nlu'),
        (n) => deps.logger.info({ examples: n }, 'training the intent model from data/nlu (first start only)…'),
      )
      copyAtomic(cached, file)
    }
    model = loadOrTrainIntentModel(deps.dataDir, {
      root: deps.rootDir,
      onTrained: (ms) => deps.logger.info({ ms }, 'intent model trained'),
    })
    modelMtime = statSync(file).mtimeMs
    checkedAt = performance.now()
    return model
  }

  /** The compiled model, shared by every shop's engine (each adds its own segmenter). */
  let compiled: { json: IntentModelJson; model: CompiledIntentModel } | null = null
  function compiledModel(): CompiledIntentModel {
    const json = loadModel()
    if (compiled?.json !== json) compiled = { json, model: compileIntentModel(json) }
    return compiled.model
  }

  /**
   * One segmenter per shop for the life of the process, its dictionary loaded in slices once and
   * then only grown: a rebuild adds the new catalog's words to it instead of loading a second
   * dictionary (~50 MB, plus the catalog's words) next to the one serving. Words of products
   * deleted since stay in it until a restart; they only keep those names whole.
   */
  const segmenters = new Map<string, Promise<GrowingSegmenter>>()
  function segmenterFor(shopId: string): Promise<GrowingSegmenter> {
    let p = segmenters.get(shopId)
    if (!p) {
      p = loadChineseSegmenter({ pause: yieldToEventLoop })
      segmenters.set(shopId, p)
      p.catch(() => segmenters.delete(shopId))
    }
    return p
  }

  /** Per shop: the SKUs changed while each running build reads the catalog, replayed before its swap. */
  const changedDuringBuilds = new Map<string, Set<Set<string>>>()
  let seq = 0

  async function applyTo(shopId: string, nlu: ShopNlu, skus: readonly string[]): Promise<void> {
    for (let i = 0; i < skus.length; i += 200) {
      if (i > 0) await yieldToEventLoop()
      const batch = skus.slice(i, i + 200)
      const rows = await Promise.all(batch.map((sku) => deps.store.products.get(shopId, sku)))
      batch.forEach((sku, j) => {
        const row = rows[j]
        if (!row) {
          nlu.matcher.remove(sku)
          return
        }
        const item = catalogItemOf(row)
        // Most changes are prices and stock: the names, and so the dictionary, stay as they are.
        if (nlu.matcher.upsert(item)) nlu.segment.addWords(wordsOf(item))
      })
    }
  }

  async function build(shopId: string): Promise<ShopNlu> {
    const mine = seq++
    const changed = new Set<string>()
    const builds = changedDuringBuilds.get(shopId) ?? new Set()
    changedDuringBuilds.set(shopId, builds)
    builds.add(changed)
    try {
      const shop = await deps.store.shops.get(shopId)
      const tz = typeof shop?.settings.timezone === 'string' ? shop.settings.timezone : 'Asia/Shanghai'
      const segment = await segmenterFor(shopId)
      const matcher = createMutableCatalogMatcher()
      await fillCatalog(deps.store, shopId, matcher, segment)
      const orderPrefixes = await orderPrefixesOf(deps.store, shopId, shop?.settings.orderNumbers)
      const engine = createNluEngine({
        model: { ...compiledModel(), segment },
        catalog: matcher,
        referenceDate: () => today(deps.clock, tz),
        orderPrefixes,
      })
      const nlu: ShopNlu = { engine, matcher, segment, seq: mine }
      // Products changed while the catalog was read may have been read before they were written.
      while (changed.size > 0) {
        const skus = [...changed]
        changed.clear()
        await applyTo(shopId, nlu, skus)
      }
      return nlu
    } finally {
      builds.delete(changed)
      if (builds.size === 0 && changedDuringBuilds.get(shopId) === builds) changedDuringBuilds.delete(shopId)
    }
  }

  /** The last engine built per shop: what answers, also while a newer one builds. */
  const served = new Map<string, ShopNlu>()
  /** The build for the shop's current catalog (finished or not); none after a change. */
  const current = new Map<string, Promise<ShopNlu>>()
  /** Product changes applied one after the other per shop. */
  const chains = new Map<string, Promise<void>>()

  /** When a shop's last build failed: while an engine serves, the next one waits RETRY_FAILED_BUILD_MS. */
  const failedAt = new Map<string, number>()

  function start(shopId: string): Promise<ShopNlu> {
    const next = build(shopId)
    current.set(shopId, next)
    next.then(
      (nlu) => {
        const live = served.get(shopId)
        // The swap: one assignment; an older build finishing late never replaces a newer one.
        if (!live || live.seq < nlu.seq) served.set(shopId, nlu)
      },
      (e: unknown) => {
        if (current.get(shopId) === next) current.delete(shopId)
        failedAt.set(shopId, performance.now())
        deps.logger.warn(
          { shopId, err: e instanceof Error ? e.message : String(e) },
          served.has(shopId)
            ? 'NLU engine rebuild failed; the previous engine keeps answering'
            : 'NLU engine build failed',
        )
      },
    )
    return next
  }

  /** The engine once the product changes already made are applied: the next message sees them. */
  function afterChanges(shopId: string, live: ShopNlu): Promise<NluEngine> {
    const chain = chains.get(shopId)
    return chain ? chain.then(() => served.get(shopId)?.engine ?? live.engine) : Promise.resolve(live.engine)
  }

  return {
    forShop(shopId) {
      if (reloadIfRetrained()) served.clear()
      const live = served.get(shopId)
      // A build that keeps failing (the store is down) is not restarted by every message.
      const failed = performance.now() - (failedAt.get(shopId) ?? Number.NEGATIVE_INFINITY) < RETRY_FAILED_BUILD_MS
      if (live && failed && !current.has(shopId)) return afterChanges(shopId, live)
      const building = current.get(shopId) ?? start(shopId)
      return live ? afterChanges(shopId, live) : building.then((nlu) => nlu.engine)
    },
    invalidate(shopId) {
      current.delete(shopId)
    },
    applyProducts(shopId, skus) {
      for (const changed of changedDuringBuilds.get(shopId) ?? []) for (const sku of skus) changed.add(sku)
      const job = async () => {
        const live = served.get(shopId)
        if (!live) return
        try {
          await applyTo(shopId, live, skus)
        } catch (e) {
          deps.logger.warn({ shopId, err: e instanceof Error ? e.message : String(e) }, 'NLU product update failed')
        }
      }
      const chain = (chains.get(shopId) ?? Promise.resolve()).then(job)
      chains.set(shopId, chain)
      return chain
    },
    warmModel() {
      compiledModel()
    },
    async settled(shopId) {
      for (let i = 0; i < 100; i++) {
        const building = current.get(shopId)
        await Promise.allSettled([building, chains.get(shopId)])
        if (current.get(shopId) === building && (changedDuringBuilds.get(shopId)?.size ?? 0) === 0) return
      }
    },
  }
}
