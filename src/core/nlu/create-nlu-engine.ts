/**
 * The default offline NLU engine: intent (calibrated, with out-of-scope rejection), entities,
 * emotion and locale for one message, in a fraction of a millisecond.
 */

import { type CatalogItem, type CatalogMatcher, createCatalogMatcher } from './catalog-matcher.js'
import { createChineseSegmenter } from './chinese-segmenter.js'
import { classifyIntent } from './classify-intent.js'
import { detectEmotion } from './detect-emotion.js'
import { detectFaultCues } from './detect-fault-cues.js'
import { detectMessageLocale } from './detect-locale.js'
import { extractEntities } from './extract-entities.js'
import { type CompiledIntentModel, compileIntentModel, type IntentModelJson } from './intent-model.js'
import { INTENTS, type Intent, type IntentCandidate, type NluEngine, type NluResult } from './types.js'

export type NluEngineOptions = {
  /** A trained model (JSON as saved, or already compiled). */
  model: IntentModelJson | CompiledIntentModel
  /**
   * The shop's products, for product entities and the Chinese user dictionary; or a matcher
   * already filled (the server fills one page by page and keeps it current), in which case the
   * model comes compiled with a segmenter that knows the catalog's words.
   */
  catalog?: readonly CatalogItem[] | CatalogMatcher
  /** Today as `YYYY-MM-DD`, or a function returning it (core has no clock). */
  referenceDate?: string | (() => string)
  /** Shop order-number prefixes (settings.orderNumbers.prefixes); none = only numbers next to "order". */
  orderPrefixes?: readonly string[]
}

/** Longest message analysed; the rest of a pasted wall of text adds cost, not meaning. */
const MAX_CHARS = 4000
const INTENT_SET = new Set<string>(INTENTS)

function toIntent(label: string): Intent {
  return INTENT_SET.has(label) ? (label as Intent) : 'out_of_scope'
}

/**
 * Builds the engine.
 * @example
 * const nlu = createNluEngine({ model, catalog, referenceDate: () => today })
 * nlu.analyze('上周五买的X2 Pro还没发货！！') // → { intent: 'order_status', entities: [date, product], … }
 */
export function createNluEngine(opts: NluEngineOptions): NluEngine {
  const items = Array.isArray(opts.catalog) ? (opts.catalog as readonly CatalogItem[]) : []
  const words = items.flatMap((p) => [p.title, p.brand ?? '', ...(p.aliases ?? [])])
  const model =
    'featureIndex' in opts.model
      ? opts.model
      : compileIntentModel(opts.model, { segment: createChineseSegmenter(words) })
  const catalog =
    opts.catalog && !Array.isArray(opts.catalog)
      ? (opts.catalog as CatalogMatcher)
      : items.length > 0
        ? createCatalogMatcher(items)
        : undefined
  const refDate = opts.referenceDate
  return {
    analyze(input: string): NluResult {
      const text = typeof input === 'string' ? input.slice(0, MAX_CHARS) : ''
      const p = classifyIntent(model, text, 3)
      const intent = toIntent(p.label)
      const candidates: IntentCandidate[] = p.candidates.map((c) => ({
        intent: toIntent(c.label),
        confidence: c.confidence,
      }))
      if (candidates[0]?.intent !== intent) candidates.unshift({ intent, confidence: p.confidence })
      const referenceDate = typeof refDate === 'function' ? refDate() : refDate
      const cues = detectFaultCues(text)
      return {
        intent,
        confidence: p.confidence,
        candidates: candidates.slice(0, 4),
        entities: extractEntities(text, {
          ...(catalog ? { catalog } : {}),
          ...(referenceDate ? { referenceDate } : {}),
          ...(opts.orderPrefixes ? { orderPrefixes: opts.orderPrefixes } : {}),
        }),
        emotion: detectEmotion(text),
        locale: detectMessageLocale(text),
        ...(Object.keys(cues).length > 0 ? { cues } : {}),
      }
    },
  }
}
