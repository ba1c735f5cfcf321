/**
 * Expands the "more" fragments (data/nlu/sources/<locale>/more-<n>.yaml) into extra training examples and the dev
 * split. Hand-written lines are split deterministically: every fifth line goes to dev, the rest to
 * train; templates feed train only. Nothing here reads the test split's sources: the caller passes the
 * normalised keys of the test split so a colliding candidate is dropped (silently, so no test text is
 * ever printed).
 */
import { INTENTS, type Intent } from '../../src/core/nlu/types.js'
import { fillMore, roughen, wrapContext } from './more-slots.js'
import { normalizeKey } from './normalize-key.js'
import { hashString, seededRandom } from './seeded-random.js'
import { decorate } from './slots.js'
import { loadMore } from './sources.js'
import type { Example, Locale, SplitSpec } from './types.js'

/** Fragments for some intents of one locale. */
export type MoreSpec = Partial<Record<Intent, SplitSpec>>

/** Extra train examples per intent and locale (on top of the 140 / 280 of the base fragments). */
export const MORE_TARGET = { inScope: 330, oos: 560 }
/** Most examples one template may contribute per intent and locale. */
const TEMPLATE_CAP = 16

/**
 * Rounds of fragments, expanded one after the other, each with its own random stream so that adding a
 * round leaves the examples of the earlier rounds byte-identical. `zh` and `en` list the batches
 * (more-<n>.yaml of that locale) merged into the round, in order. The first round fills its templates
 * up to MORE_TARGET; later rounds are mostly hand-written lines and add every template draw up to
 * TEMPLATE_CAP (no per-intent target).
 */
const ROUNDS: { seed: string; zh: number[]; en: number[]; target: typeof MORE_TARGET | null }[] = [
  { seed: 'more', zh: [1, 2, 3, 4], en: [1, 2, 3, 4], target: MORE_TARGET },
  { seed: 'more5', zh: [5, 6], en: [5, 6], target: null },
  { seed: 'more7', zh: [7], en: [7], target: null },
  { seed: 'more8', zh: [], en: [8], target: null },
]
/** Every DEV_EVERY-th hand-written line (offset DEV_OFFSET) goes to dev instead of train. */
const DEV_EVERY = 5
const DEV_OFFSET = 3

function merged(parts: MoreSpec[]): Record<Intent, SplitSpec> {
  const out = {} as Record<Intent, SplitSpec>
  for (const intent of INTENTS) {
    out[intent] = { lines: [], templates: [] }
    for (const p of parts) {
      const s = p[intent]
      if (!s) continue
      out[intent].lines.push(...s.lines)
      out[intent].templates.push(...s.templates)
    }
  }
  return out
}

/**
 * Builds the extra train examples and the dev split.
 * @param taken normalised keys already used by the base train split, with their label
 * @param testKeys normalised keys of the test split (candidates equal to one are dropped)
 */
export function buildMore(
  taken: Map<string, Intent>,
  testKeys: Set<string>,
): { train: Example[]; dev: Example[]; warnings: string[]; droppedForTest: number } {
  const warnings: string[] = []
  const labelOf = new Map(taken)
  const train: Example[] = []
  const dev: Example[] = []
  let droppedForTest = 0

  for (const round of ROUNDS) {
    const specs: Record<Locale, Record<Intent, SplitSpec>> = {
      zh: merged(round.zh.map((n) => loadMore('zh', n))),
      en: merged(round.en.map((n) => loadMore('en', n))),
    }
    for (const locale of ['zh', 'en'] as const) {
      for (const intent of INTENTS) {
        const spec = specs[locale][intent]
        const r = seededRandom(hashString(`${round.seed}:${locale}:${intent}`))
        const target =
          round.target === null
            ? Number.POSITIVE_INFINITY
            : intent === 'out_of_scope'
              ? round.target.oos
              : round.target.inScope
        let added = 0
        const accept = (raw: string, into: Example[]): boolean => {
          const text = raw.trim()
          const key = normalizeKey(text)
          if (key.length === 0) return false
          if (testKeys.has(key)) {
            droppedForTest++
            return false
          }
          const other = labelOf.get(key)
          if (other !== undefined) {
            if (other !== intent) warnings.push(`${locale}: "${text}" is both ${other} and ${intent}`)
            return false
          }
          labelOf.set(key, intent)
          into.push({ text, label: intent, locale })
          return true
        }

        spec.lines.forEach((line, i) => {
          if (i % DEV_EVERY === DEV_OFFSET) {
            accept(line, dev)
            return
          }
          if (accept(line, train)) added++
          // A noisy copy of some hand-written lines: same phrasing, the way it is actually typed.
          if (r.chance(0.25) && accept(roughen(decorate(line, locale, r), locale, r), train)) added++
          if (r.chance(0.06) && accept(wrapContext(line, locale, intent, r), train)) added++
        })

        const templates = spec.templates
        const used = templates.map(() => 0)
        let attempts = 0
        const maxAttempts = Math.max(400, templates.length * 120)
        while (added < target && templates.length > 0 && attempts < maxAttempts) {
          const index = attempts % templates.length
          attempts++
          if ((used[index] ?? 0) >= TEMPLATE_CAP) continue
          let text = fillMore(templates[index] as string, locale, r)
          text = roughen(decorate(text, locale, r), locale, r)
          if (r.chance(0.1)) text = wrapContext(text, locale, intent, r)
          if (accept(text, train)) {
            used[index] = (used[index] ?? 0) + 1
            added++
          }
        }
        if (added < target && round.target !== null)
          warnings.push(`${locale}/more/${intent}: only ${added} extra train examples, target ${target}`)
      }
    }
  }
  return { train, dev, warnings, droppedForTest }
}
