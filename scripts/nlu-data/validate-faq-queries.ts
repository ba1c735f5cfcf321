/**
 * Validates data/eval/faq-queries.jsonl, the held-out paraphrase set for `kefu eval retrieval`
 * (issue 4), against data/demo/faq.jsonl: ids exist in the same language, no duplicates, enough
 * "don't know" (null) queries, and no query copied from an FAQ's question or `similar` list
 * (exact after normalisation, or character-trigram Jaccard ≥ 0.7), nor shared with any other query
 * file in data/eval/ (a dev set must not leak into the held-out set). Writes a summary into
 * docs/nlu-data.md.
 *
 * Run: npx tsx scripts/nlu-data/validate-faq-queries.ts [--no-docs]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { normalizeKey } from './normalize-key.js'

const MIN_TOTAL = 340
const MIN_NULL = 60
const COPY_THRESHOLD = 0.7

type Faq = { id: string; question: string; similar?: string[]; locale: string }
type Query = { query: string; expected: string | null; locale: 'zh' | 'en'; line: number }

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const errors: string[] = []

const readJsonl = (path: string): unknown[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l)
      } catch {
        errors.push(`${path}:${i + 1}: not valid JSON`)
        return {}
      }
    })

const faqs = readJsonl(join(root, 'data', 'demo', 'faq.jsonl')) as Faq[]
const faqById = new Map(faqs.map((f) => [f.id, f]))

const queries: Query[] = []
readJsonl(join(root, 'data', 'eval', 'faq-queries.jsonl')).forEach((raw, i) => {
  const o = raw as Record<string, unknown>
  const where = `faq-queries.jsonl:${i + 1}`
  const keys = Object.keys(o).sort().join(',')
  if (keys !== 'expected,locale,query') errors.push(`${where}: expected keys query,expected,locale, got ${keys}`)
  if (typeof o.query !== 'string' || o.query.trim() === '') errors.push(`${where}: empty query`)
  if (o.locale !== 'zh' && o.locale !== 'en') errors.push(`${where}: locale must be zh or en`)
  if (o.expected !== null) {
    const faq = typeof o.expected === 'string' ? faqById.get(o.expected) : undefined
    if (!faq) errors.push(`${where}: expected ${String(o.expected)} is not an FAQ id`)
    else if (faq.locale !== o.locale) errors.push(`${where}: ${faq.id} is ${faq.locale}, query is ${String(o.locale)}`)
  }
  queries.push({
    query: String(o.query),
    expected: (o.expected ?? null) as string | null,
    locale: o.locale as 'zh' | 'en',
    line: i + 1,
  })
})

function trigrams(text: string): Set<string> {
  const s = normalizeKey(text)
  const out = new Set<string>()
  if (s.length < 3) out.add(s)
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3))
  return out
}
function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0
  for (const g of a) if (b.has(g)) inter++
  return inter / (a.size + b.size - inter)
}

// No duplicates, and nothing copied from the knowledge base's own wording.
const seen = new Map<string, number>()
const kbTexts = faqs.flatMap((f) => [f.question, ...(f.similar ?? [])].map((t) => ({ id: f.id, t, g: trigrams(t) })))
let maxCopySim = 0
for (const q of queries) {
  const key = normalizeKey(q.query)
  const prev = seen.get(key)
  if (prev !== undefined) errors.push(`faq-queries.jsonl:${q.line}: duplicate of line ${prev}`)
  else seen.set(key, q.line)
  const g = trigrams(q.query)
  for (const kb of kbTexts) {
    if (normalizeKey(kb.t) === key) {
      errors.push(`faq-queries.jsonl:${q.line}: copies the wording of ${kb.id}: ${q.query}`)
      continue
    }
    const sim = jaccard(g, kb.g)
    if (sim > maxCopySim) maxCopySim = sim
    if (sim >= COPY_THRESHOLD)
      errors.push(`faq-queries.jsonl:${q.line}: too close (${sim.toFixed(2)}) to ${kb.id}: ${kb.t}`)
  }
}

// A held-out set is only held out if no other query file (a dev set someone tunes on) shares its lines.
const evalDir = join(root, 'data', 'eval')
for (const name of readdirSync(evalDir)) {
  if (!name.endsWith('.jsonl') || name === 'faq-queries.jsonl') continue
  const others = readJsonl(join(evalDir, name))
    .map((o) => (o as { query?: unknown }).query)
    .filter((q): q is string => typeof q === 'string')
    .map((q) => ({ q, g: trigrams(q) }))
  for (const query of queries) {
    const g = trigrams(query.query)
    for (const other of others) {
      if (jaccard(g, other.g) >= COPY_THRESHOLD) {
        errors.push(`faq-queries.jsonl:${query.line}: near copy of a query in data/eval/${name}: ${other.q}`)
      }
    }
  }
}

const count = (pred: (q: Query) => boolean): number => queries.filter(pred).length
const nulls = count((q) => q.expected === null)
if (queries.length < MIN_TOTAL) errors.push(`${queries.length} queries, need at least ${MIN_TOTAL}`)
if (nulls < MIN_NULL) errors.push(`${nulls} don't-know queries, need at least ${MIN_NULL}`)
const covered = new Set(queries.map((q) => q.expected).filter((e): e is string => e !== null))
const uncovered = faqs.filter((f) => !covered.has(f.id)).map((f) => f.id)

const table = [
  '| locale | answerable | don’t know (null) | total |',
  '|---|---:|---:|---:|',
  ...(['zh', 'en'] as const).map(
    (l) =>
      `| ${l} | ${count((q) => q.locale === l && q.expected !== null)} | ${count((q) => q.locale === l && q.expected === null)} | ${count((q) => q.locale === l)} |`,
  ),
  `| **total** | ${queries.length - nulls} | ${nulls} | ${queries.length} |`,
].join('\n')
const summary = `${table}\n\nFAQ entries with at least one query: ${covered.size} of ${faqs.length}. Highest character-trigram Jaccard between a query and any FAQ question or similar question: ${maxCopySim.toFixed(2)} (rejected at ≥ ${COPY_THRESHOLD}).`

console.log(summary)
if (uncovered.length > 0) console.log(`no query for: ${uncovered.join(', ')}`)
if (errors.length > 0) {
  for (const e of errors.slice(0, 50)) console.error(`error: ${e}`)
  console.error(`\n${errors.length} problem(s); docs not updated`)
  process.exit(1)
}
if (!process.argv.includes('--no-docs')) {
  const docPath = join(root, 'docs', 'nlu-data.md')
  const doc = readFileSync(docPath, 'utf8')
  const start = '<!-- faq-queries:start -->'
  const end = '<!-- faq-queries:end -->'
  const a = doc.indexOf(start)
  const b = doc.indexOf(end)
  if (a < 0 || b < a) {
    console.error(`error: ${docPath} has no ${start} … ${end} block`)
    process.exit(1)
  }
  writeFileSync(docPath, `${doc.slice(0, a)}${start}\n${summary}\n${end}${doc.slice(b + end.length)}`)
  console.log('\ndocs/nlu-data.md updated')
}
console.log('\nall checks passed')
