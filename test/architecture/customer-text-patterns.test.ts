/**
 * Only the understanding stage (src/core/nlu) reads customer text with patterns; dialogue, skills and
 * the rest of the core consume its typed result (docs/nlu.md "Understanding a turn"). The rule is kept
 * simple so it cannot be argued around: outside the allowed folders, a core module contains no regular
 * expression at all — no regex literal, no `RegExp(…)` — unless it is listed below with the reason
 * its patterns never see a customer's message.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, regexUses, sourceFiles } from './source-files.js'

/** Folders whose patterns are allowed, and why. */
const ALLOWED_FOLDERS: Record<string, string> = {
  'src/core/nlu/': 'the understanding stage itself',
  'src/core/text/': 'text normalisation, tokenising and comparison keys shared by NLU and retrieval',
  'src/core/knowledge/': 'FAQ, product and fault-graph text of the shop (retrieval and indexing)',
  'src/core/llm-routing/': "checks of the language model's output against shop facts",
  'src/core/domain/normalise/': 'import normalisers of shop data files (dates, numbers, locales)',
}

/** Single files outside those folders whose patterns read no customer message. */
const EXCEPTIONS: Record<string, string> = {
  'src/core/analytics/analytics-window.ts': 'report date and UTC-offset parameters of the analytics API',
  'src/core/demo/shift-timestamps.ts': 'ISO timestamps in the demo data files',
  'src/core/domain/schemas.ts': 'record validation (locale tags, phone format) with zod',
  'src/core/domain/shop-settings.ts': 'shop settings validation with zod',
  'src/core/routing/routing-settings.ts': 'routing settings validation (opening hours, queue ids) with zod',
  'src/core/recommend/category-concepts.ts': "the catalog's category path names",
  'src/core/recommend/recommend-products.ts': 'catalog product titles (product families)',
  'src/core/recommend/recommend-reasons.ts': "a customer profile's interest words (shop data, not a message)",
  'src/core/skills/fault-replies.ts': "a fault-graph troubleshooting step's text (shop data)",
}

/** Folders with no exception at all: the dialogue never matches text, a skill only shop data. */
const STRICT = ['src/core/dialogue/']
const SKILL_EXCEPTIONS = ['src/core/skills/fault-replies.ts']

const allowed = (f: string) => Object.keys(ALLOWED_FOLDERS).some((d) => f.startsWith(d))
const uses = (f: string) => regexUses(readFileSync(path.join(ROOT, f), 'utf8'), f.endsWith('.tsx') ? 'tsx' : 'ts')

describe('customer text is read with patterns only in the understanding stage', () => {
  it('finds regex literals and RegExp constructions (the check can fail)', () => {
    const src = [
      'const a = /退货|return/i',
      "const b = new RegExp('x' + y, 'g')",
      'const c = RegExp(String.raw`\\d+`)',
      'const d = x / 2 / y // division, not a pattern',
      "const e = '/not/a/regex/'",
    ].join('\n')
    expect(regexUses(src).map((u) => u.text.slice(0, 10))).toEqual(['/退货|return', 'new RegExp', 'RegExp(Str'])
  })

  it('no core module outside the allowed folders and the listed exceptions contains a regular expression', () => {
    const offenders: string[] = []
    for (const f of sourceFiles('src/core')) {
      if (allowed(f) || f in EXCEPTIONS) continue
      const found = uses(f)
      if (found.length > 0) offenders.push(`${f}: ${found.map((u) => u.text).join(' ; ')}`)
    }
    expect(offenders, 'move these patterns into src/core/nlu and read its typed result').toEqual([])
  })

  it('the dialogue has no exception, the skills only one (shop data)', () => {
    expect(Object.keys(EXCEPTIONS).filter((f) => STRICT.some((d) => f.startsWith(d)))).toEqual([])
    for (const f of sourceFiles('src/core/dialogue')) expect(uses(f), f).toEqual([])
    expect(Object.keys(EXCEPTIONS).filter((f) => f.startsWith('src/core/skills/'))).toEqual(SKILL_EXCEPTIONS)
  })

  it('every exception is still needed (a stale entry would hide a new pattern)', () => {
    const core = new Set(sourceFiles('src/core'))
    for (const f of Object.keys(EXCEPTIONS)) {
      expect(core.has(f), `${f} no longer exists`).toBe(true)
      expect(uses(f).length, `${f} has no pattern left: remove it from EXCEPTIONS`).toBeGreaterThan(0)
    }
  })
})
