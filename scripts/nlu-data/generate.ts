/**
 * Builds data/nlu/train.jsonl and data/nlu/test.jsonl from the hand-written fragments in
 * data/nlu/sources/<locale>/base.yaml (+ test-extra.yaml for test), then appends the extra training
 * examples of the more-<n>.yaml batches and builds data/nlu/dev.jsonl (see more-train.ts).
 * Deterministic: the same sources always give byte-identical files. `buildNluData()` returns the file
 * contents (test/data/generated-data.test.ts compares them with the committed files); the CLI writes them.
 *
 * Run: npx tsx scripts/nlu-data/generate.ts
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { INTENTS, type Intent } from '../../src/core/nlu/types.js'
import { repoRoot } from '../read-source.js'
import { buildMore } from './more-train.js'
import { normalizeKey } from './normalize-key.js'
import { hashString, seededRandom } from './seeded-random.js'
import { decorate, fillTemplate, lengthen } from './slots.js'
import { loadBase, loadTestExtra } from './sources.js'
import type { Example, Locale, LocaleSpec } from './types.js'

type Split = 'train' | 'test'

/** Per intent and locale. Out-of-scope gets more because out-of-scope detection is measured on its own. */
const TARGETS: Record<Split, { inScope: number; oos: number }> = {
  train: { inScope: 140, oos: 280 },
  test: { inScope: 46, oos: 92 },
}

/** What validate.ts requires; the targets above leave headroom. */
const MINIMUMS: Record<Split, { inScope: number; oos: number }> = {
  train: { inScope: 130, oos: 250 },
  test: { inScope: 40, oos: 80 },
}

/**
 * Most examples one template may contribute per intent and locale. Keeps any single sentence skeleton
 * from dominating an intent (the test split especially must not be a handful of patterns).
 */
const PER_TEMPLATE_CAP: Record<Split, number> = { train: 12, test: 4 }

/** Intents whose messages may be wrapped in long rambling context (a long "hello" is not realistic). */
const NO_LENGTHEN = new Set<Intent>(['greeting', 'out_of_scope', 'human_agent'])

/** Expands the fragments of every intent and locale into labelled examples. */
export function buildSplits(heldOut: ReadonlySet<string> = new Set()): {
  train: Example[]
  test: Example[]
  warnings: string[]
} {
  const specs: Record<Locale, LocaleSpec> = { zh: loadBase('zh'), en: loadBase('en') }
  const testExtra = { zh: loadTestExtra('zh'), en: loadTestExtra('en') }
  const warnings: string[] = []
  const keyLabel = new Map<string, Intent>()
  const testKeys = new Set<string>()
  const out: Record<Split, Example[]> = { train: [], test: [] }
  const seenBySplit: Record<Split, Set<string>> = { train: new Set(), test: new Set() }

  // Test first: when a phrasing is written for both splits, the test split keeps it and train drops it.
  for (const split of ['test', 'train'] as const) {
    for (const locale of ['zh', 'en'] as const) {
      for (const intent of INTENTS) {
        const base = specs[locale][intent][split]
        const extra = split === 'test' ? testExtra[locale][intent] : undefined
        const fragments = {
          lines: [...base.lines, ...(extra?.lines ?? [])],
          templates: [...base.templates, ...(extra?.templates ?? [])],
        }
        const r = seededRandom(hashString(`${locale}:${split}:${intent}`))
        const target = intent === 'out_of_scope' ? TARGETS[split].oos : TARGETS[split].inScope
        const seen = seenBySplit[split]
        const examples: Example[] = []
        // A text seen under another locale or intent in this split is skipped, not counted.

        const accept = (text: string, origin: string): boolean => {
          const trimmed = text.trim()
          const key = normalizeKey(trimmed)
          if (key.length === 0) {
            warnings.push(`${locale}/${split}/${intent}: empty after normalising: ${JSON.stringify(origin)}`)
            return false
          }
          if (seen.has(key)) return false
          const other = keyLabel.get(key)
          if (other !== undefined && other !== intent) {
            warnings.push(`${locale}/${split}: "${trimmed}" is both ${other} and ${intent}`)
            return false
          }
          if (split === 'train' && (testKeys.has(key) || heldOut.has(key))) return false
          seen.add(key)
          keyLabel.set(key, intent)
          if (split === 'test') testKeys.add(key)
          examples.push({ text: trimmed, label: intent, locale })
          return true
        }

        for (const line of fragments.lines) accept(line, line)

        const templates = fragments.templates
        const used = templates.map(() => 0)
        let attempts = 0
        const maxAttempts = Math.max(200, templates.length * 80)
        while (examples.length < target && templates.length > 0 && attempts < maxAttempts) {
          const index = attempts % templates.length
          attempts++
          if ((used[index] ?? 0) >= PER_TEMPLATE_CAP[split]) continue
          const template = templates[index] as string
          let text = fillTemplate(template, locale, r)
          text = decorate(text, locale, r)
          if (!NO_LENGTHEN.has(intent) && r.chance(0.07)) text = lengthen(text, locale, split, r)
          if (accept(text, template)) used[index] = (used[index] ?? 0) + 1
        }
        const minimum = intent === 'out_of_scope' ? MINIMUMS[split].oos : MINIMUMS[split].inScope
        if (examples.length < minimum) {
          warnings.push(`${locale}/${split}/${intent}: only ${examples.length}, need at least ${minimum}`)
        }
        out[split].push(...examples)
      }
    }
  }
  return { ...out, warnings }
}

/**
 * The customer turns of the blind conversation set's test half (data/eval/dialogues-blind/test), as
 * normalised keys: a generated training line equal to one is dropped, so the held-out conversations
 * never reach what the classifier learns from. Only compared, never printed.
 */
function blindTestKeys(): Set<string> {
  const dir = join(repoRoot, 'data/eval/dialogues-blind/test')
  const keys = new Set<string>()
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    const doc = parseYaml(readFileSync(join(dir, name), 'utf8')) as {
      stories?: Array<{ turns?: Array<{ user?: unknown }> }>
    }
    for (const story of doc.stories ?? [])
      for (const turn of story.turns ?? []) if (typeof turn.user === 'string') keys.add(normalizeKey(turn.user))
  }
  return keys
}

/** The generated files of data/nlu/, by name, with the generator's warnings and a summary line. */
export type NluData = {
  files: Record<'train.jsonl' | 'test.jsonl' | 'dev.jsonl', string>
  warnings: string[]
  summary: string
}

/** Builds the contents of data/nlu/train.jsonl, test.jsonl and dev.jsonl from the sources. Writes nothing. */
export function buildNluData(): NluData {
  const heldOut = blindTestKeys()
  const { train, test, warnings } = buildSplits(heldOut)
  const taken = new Map(train.map((e) => [normalizeKey(e.text), e.label] as const))
  const testKeys = new Set([...test.map((e) => normalizeKey(e.text)), ...heldOut])
  const more = buildMore(taken, testKeys)
  const toJsonl = (rows: Example[]): string => `${rows.map((e) => JSON.stringify(e)).join('\n')}\n`
  const allTrain = [...train, ...more.train]
  const notes = [...warnings, ...more.warnings].map((w) => `warning: ${w}`)
  if (more.droppedForTest > 0)
    notes.push(`note: ${more.droppedForTest} extra candidates equal a test text and were dropped`)
  return {
    files: { 'train.jsonl': toJsonl(allTrain), 'test.jsonl': toJsonl(test), 'dev.jsonl': toJsonl(more.dev) },
    warnings: notes,
    summary: `wrote ${allTrain.length} train (${more.train.length} from more-*.yaml), ${test.length} test and ${more.dev.length} dev examples to data/nlu/`,
  }
}

function main(): void {
  const { files, warnings, summary } = buildNluData()
  const dir = join(repoRoot, 'data', 'nlu')
  mkdirSync(dir, { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  for (const w of warnings) console.warn(w)
  console.log(summary)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
