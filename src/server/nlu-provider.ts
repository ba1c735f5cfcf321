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
import { createNluEngine } from '../core/nlu/create-nlu-engine.js'
import type { CatalogItem } from '../core/nlu/extract-entities.js'
import type { IntentModelJson } from '../core/nlu/intent-model.js'
import { INTENT_TRAINER_VERSION, trainIntentModel } from '../core/nlu/train-intent-model.js'
import type { NluEngine } from '../core/nlu/types.js'
import type { Clock } from '../core/ports/clock.js'
import type { Store } from '../core/ports/store.js'

export type NluProvider = {
  forShop(shopId: string): Promise<NluEngine>
  /** Drop a shop's engine (after a catalog import) so the next turn rebuilds it. */
  invalidate(shopId: string): void
}

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

/** The clock's day in the shop's time zone as YYYY-MM-DD (relative dates like 昨天 resolve against it). */
function today(clock: Clock, timeZone: string): string {
  const now = clock.now()
  return dayFormatter(timeZone)?.format(now) ?? now.toISOString().slice(0, 10)
}

async function catalogOf(store: Store, shopId: string): Promise<CatalogItem[]> {
  const out: CatalogItem[] = []
  let after: string | undefined
  for (;;) {
    // SQLite answers synchronously: without a pause between pages, reading 100,000 products
    // would be one long block of the event loop.
    if (after !== undefined) await new Promise((r) => setImmediate(r))
    const page = await store.products.list(shopId, { limit: 500, ...(after !== undefined ? { afterSku: after } : {}) })
    after = page[page.length - 1]?.sku
    for (const p of page) {
      const en = typeof p.attributes.titleEn === 'string' ? [p.attributes.titleEn] : []
      out.push({ sku: p.sku, title: p.title, brand: p.brand, aliases: [...(p.aliases ?? []), ...en] })
    }
    if (page.length < 500) return out
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
  const engines = new Map<string, Promise<NluEngine>>()

  /** `kefu train` rewrites the model file: reload it (checked at most every 2 s), no restart. */
  function reloadIfRetrained(): void {
    if (!model || performance.now() - checkedAt < 2000) return
    checkedAt = performance.now()
    try {
      const m = statSync(intentModelPath(deps.dataDir)).mtimeMs
      if (m !== modelMtime) {
        model = null
        engines.clear()
        deps.logger.info('intent model changed on disk; reloading')
      }
    } catch {
      /* the file was removed: keep serving the model in memory */
    }
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

  async function build(shopId: string): Promise<NluEngine> {
    const shop = await deps.store.shops.get(shopId)
    const tz = typeof shop?.settings.timezone === 'string' ? shop.settings.timezone : 'Asia/Shanghai'
    const catalog = await catalogOf(deps.store, shopId)
    const orderPrefixes = await orderPrefixesOf(deps.store, shopId, shop?.settings.orderNumbers)
    return createNluEngine({ model: loadModel(), catalog, referenceDate: () => today(deps.clock, tz), orderPrefixes })
  }

  // After a catalog change the previous engine keeps answering until the new one is built.
  const stale = new Map<string, Promise<NluEngine>>()
  return {
    forShop(shopId) {
      reloadIfRetrained()
      let e = engines.get(shopId)
      if (!e) {
        const next = build(shopId)
        e = next
        engines.set(shopId, next)
        next.then(
          () => stale.delete(shopId),
          () => {
            if (engines.get(shopId) === next) engines.delete(shopId)
          },
        )
      }
      const previous = stale.get(shopId)
      return previous ?? e
    },
    invalidate(shopId) {
      const current = engines.get(shopId)
      engines.delete(shopId)
      // Serve the last built engine (not one still building) while the new one builds.
      if (current)
        current.then(
          (engine) => !stale.has(shopId) && stale.set(shopId, Promise.resolve(engine)),
          () => {},
        )
    },
  }
}
