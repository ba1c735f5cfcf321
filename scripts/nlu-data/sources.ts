/**
 * Loads the hand-written NLU fragments from data/nlu/sources/<locale>/:
 * - base.yaml: train and test fragments for every intent (written separately per split);
 * - test-extra.yaml: more test-only fragments, merged into the test split of base.yaml;
 * - more-<n>.yaml: batches of extra training fragments (train + dev, never test), see more-train.ts.
 * Slot pools and surface noise live next to them (slots.yaml, more-slots.yaml; see slots.ts, more-slots.ts).
 */
import { INTENTS, type Intent } from '../../src/core/nlu/types.js'
import { readSource } from '../read-source.js'
import type { IntentSpec, Locale, LocaleSpec, SplitSpec } from './types.js'

const dir = (locale: Locale) => `nlu/sources/${locale}`

/** Checks one `{ lines, templates }` block, so a typo in a source file fails loudly, naming the file. */
function splitSpec(value: unknown, where: string): SplitSpec {
  const v = (value ?? {}) as Partial<Record<keyof SplitSpec, unknown>>
  const strings = (x: unknown, key: string): string[] => {
    if (x === undefined || x === null) return []
    if (!Array.isArray(x) || x.some((s) => typeof s !== 'string'))
      throw new Error(`${where}.${key}: expected a list of strings (quote lines YAML would read as numbers etc.)`)
    return x as string[]
  }
  const unknown = Object.keys(v).filter((k) => k !== 'lines' && k !== 'templates')
  if (unknown.length > 0) throw new Error(`${where}: unknown key(s) ${unknown.join(', ')}`)
  return { lines: strings(v.lines, 'lines'), templates: strings(v.templates, 'templates') }
}

/** Reads a file keyed by intent; every key must be an intent, and with `all` every intent must be present. */
function byIntent<T>(
  file: string,
  all: boolean,
  read: (value: unknown, where: string) => T,
): Partial<Record<Intent, T>> {
  const raw = readSource<Record<string, unknown>>(file) ?? {}
  const out: Partial<Record<Intent, T>> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (!(INTENTS as readonly string[]).includes(key)) throw new Error(`data/${file}: unknown intent ${key}`)
    out[key as Intent] = read(value, `data/${file}: ${key}`)
  }
  if (all) {
    const missing = INTENTS.filter((i) => out[i] === undefined)
    if (missing.length > 0) throw new Error(`data/${file}: missing intent(s) ${missing.join(', ')}`)
  }
  return out
}

/** Train and test fragments of every intent (base.yaml). */
export function loadBase(locale: Locale): LocaleSpec {
  return byIntent(`${dir(locale)}/base.yaml`, true, (value, where): IntentSpec => {
    const v = (value ?? {}) as Record<string, unknown>
    return { train: splitSpec(v.train, `${where}.train`), test: splitSpec(v.test, `${where}.test`) }
  }) as LocaleSpec
}

/** Test-only fragments merged into the test split (test-extra.yaml). */
export function loadTestExtra(locale: Locale): Partial<Record<Intent, SplitSpec>> {
  return byIntent(`${dir(locale)}/test-extra.yaml`, false, splitSpec)
}

/** One batch of extra training fragments (more-<n>.yaml). */
export function loadMore(locale: Locale, batch: number): Partial<Record<Intent, SplitSpec>> {
  return byIntent(`${dir(locale)}/more-${batch}.yaml`, false, splitSpec)
}
