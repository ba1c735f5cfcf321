/** Shared shapes for the hand-written NLU fragments. */
import type { Intent } from '../../src/core/nlu/types.js'

export type Locale = 'zh' | 'en'

/**
 * Fragments for one split of one intent. `lines` are used verbatim; `templates` contain `{slot}`
 * placeholders filled from the locale's slot pools and may be decorated (prefix, suffix, typos).
 */
export type SplitSpec = {
  lines: string[]
  templates: string[]
}

/** Train and test fragments are written separately so the test split is never a re-templated train line. */
export type IntentSpec = {
  train: SplitSpec
  test: SplitSpec
}

export type LocaleSpec = Record<Intent, IntentSpec>

export type Example = { text: string; label: Intent; locale: Locale }
