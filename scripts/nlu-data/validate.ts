/**
 * Validates data/nlu/train.jsonl, test.jsonl and dev.jsonl: labels, locales, duplicates, train/test/dev
 * overlap (exact and after normalising whitespace, punctuation and case), minimum counts, and a
 * near-duplicate report. Prints a count table and writes it into docs/nlu-data.md.
 *
 * Run: npx tsx scripts/nlu-data/validate.ts [--no-docs]
 * Exit code 1 when any check fails.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { INTENTS, type Intent } from '../../src/core/nlu/types.js'
import { normalizeKey } from './normalize-key.js'

type Row = { text: string; label: Intent; locale: 'zh' | 'en'; line: number }
type Split = 'train' | 'test'
type AnySplit = Split | 'dev'

const MIN: Record<Split, { inScope: number; oos: number }> = {
  train: { inScope: 130, oos: 250 },
  test: { inScope: 40, oos: 80 },
}
/** Test lines this similar (character-trigram Jaccard) to a train line count as near-duplicates. */
const NEAR_DUP_THRESHOLD = 0.8
/** Share of near-duplicate test lines above which the split is rejected. */
const MAX_NEAR_DUP_SHARE = 0.05

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const errors: string[] = []
const CJK = /[\u3400-\u9fff]/u

function load(split: AnySplit): Row[] {
  const path = join(root, 'data', 'nlu', `${split}.jsonl`)
  const rows: Row[] = []
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') return
      const where = `${split}.jsonl:${i + 1}`
      let obj: unknown
      try {
        obj = JSON.parse(raw)
      } catch {
        errors.push(`${where}: not valid JSON`)
        return
      }
      const o = obj as Record<string, unknown>
      const keys = Object.keys(o).sort().join(',')
      if (keys !== 'label,locale,text') errors.push(`${where}: expected keys text,label,locale, got ${keys}`)
      if (typeof o.text !== 'string' || o.text.trim() === '') errors.push(`${where}: empty text`)
      else if (o.text !== o.text.trim()) errors.push(`${where}: text has leading/trailing whitespace`)
      if (!INTENTS.includes(o.label as Intent)) errors.push(`${where}: unknown label ${String(o.label)}`)
      if (o.locale !== 'zh' && o.locale !== 'en') errors.push(`${where}: locale must be zh or en`)
      if (typeof o.text === 'string' && o.locale === 'en' && CJK.test(o.text)) {
        errors.push(`${where}: Chinese characters in an en example: ${o.text}`)
      }
      rows.push({ text: String(o.text), label: o.label as Intent, locale: o.locale as 'zh' | 'en', line: i + 1 })
    })
  return rows
}

function trigrams(text: string): Set<string> {
  const s = normalizeKey(text)
  const out = new Set<string>()
  if (s.length < 3) out.add(s)
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3))
  return out
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0
  const [small, big] = a.size < b.size ? [a, b] : [b, a]
  for (const g of small) if (big.has(g)) inter++
  return inter / (a.size + b.size - inter)
}

const splits: Record<Split, Row[]> = { train: load('train'), test: load('test') }

// Dev split (data/nlu/dev.jsonl, optional): looked at freely while tuning the data, so it must share
// no text with train (it would measure memory) nor with test (tuning on it would leak the test split).
// Overlaps with test are reported by line number only, so this script never prints a test line.
const devRows = existsSync(join(root, 'data', 'nlu', 'dev.jsonl')) ? load('dev') : []
{
  const testKeys = new Set(splits.test.map((r) => normalizeKey(r.text)))
  const trainKeySet = new Set(splits.train.map((r) => normalizeKey(r.text)))
  const seenDev = new Set<string>()
  for (const row of devRows) {
    const key = normalizeKey(row.text)
    if (testKeys.has(key)) errors.push(`dev.jsonl:${row.line} equals a test line`)
    if (trainKeySet.has(key)) errors.push(`dev.jsonl:${row.line} also in train.jsonl: ${row.text}`)
    if (seenDev.has(key)) errors.push(`dev.jsonl:${row.line}: duplicate: ${row.text}`)
    seenDev.add(key)
  }
}

// Duplicates within a split, and one text carrying two labels.
for (const split of ['train', 'test'] as const) {
  const seen = new Map<string, Row>()
  for (const row of splits[split]) {
    const key = normalizeKey(row.text)
    const prev = seen.get(key)
    if (prev) {
      const kind = prev.label === row.label ? 'duplicate' : `conflicting labels ${prev.label}/${row.label}`
      errors.push(`${split}.jsonl:${row.line}: ${kind} of line ${prev.line}${split === 'test' ? '' : `: ${row.text}`}`)
    } else seen.set(key, row)
  }
}

// Train/test overlap after normalisation.
const trainKeys = new Map(splits.train.map((r) => [normalizeKey(r.text), r]))
for (const row of splits.test) {
  const hit = trainKeys.get(normalizeKey(row.text))
  if (hit) errors.push(`test.jsonl:${row.line} also in train.jsonl:${hit.line}`)
}

// Near-duplicates: a test line that is a light edit of a train line measures memory, not understanding.
const trainGrams = splits.train.map((r) => ({ row: r, grams: trigrams(r.text) }))
const nearDups: { test: Row; train: Row; sim: number }[] = []
for (const row of splits.test) {
  const g = trigrams(row.text)
  let best = 0
  let bestRow: Row | undefined
  for (const t of trainGrams) {
    if (t.row.locale !== row.locale) continue
    const sim = jaccard(g, t.grams)
    if (sim > best) {
      best = sim
      bestRow = t.row
    }
  }
  if (bestRow && best >= NEAR_DUP_THRESHOLD) nearDups.push({ test: row, train: bestRow, sim: best })
}
const nearDupShare = nearDups.length / Math.max(1, splits.test.length)
if (nearDupShare > MAX_NEAR_DUP_SHARE) {
  errors.push(`${nearDups.length} test lines (${(nearDupShare * 100).toFixed(1)}%) are near-duplicates of train lines`)
}

// Counts.
type Counts = Record<Split, Record<'zh' | 'en', Map<Intent, number>>>
const counts: Counts = {
  train: { zh: new Map(), en: new Map() },
  test: { zh: new Map(), en: new Map() },
}
for (const split of ['train', 'test'] as const) {
  for (const row of splits[split]) {
    const m = counts[split][row.locale]
    m.set(row.label, (m.get(row.label) ?? 0) + 1)
  }
  for (const locale of ['zh', 'en'] as const) {
    for (const intent of INTENTS) {
      const n = counts[split][locale].get(intent) ?? 0
      const min = intent === 'out_of_scope' ? MIN[split].oos : MIN[split].inScope
      if (n < min) errors.push(`${split}/${locale}/${intent}: ${n} examples, need at least ${min}`)
    }
  }
}

// Variety statistics.
const EMOJI = /\p{Extended_Pictographic}/u
const ORDER = /KF\d{12}|\b\d{15,19}\b/i
function stats(rows: Row[]): Record<string, number> {
  const long = rows.filter((r) => r.text.length > 100).length
  const short = rows.filter((r) => (r.locale === 'zh' ? r.text.length <= 4 : r.text.split(/\s+/).length <= 2)).length
  const emoji = rows.filter((r) => EMOJI.test(r.text)).length
  const order = rows.filter((r) => ORDER.test(r.text)).length
  const mixed = rows.filter((r) => r.locale === 'zh' && /[a-z]{2,}/i.test(r.text.replace(/KF\d+/gi, ''))).length
  const caps = rows.filter(
    (r) => r.locale === 'en' && /[A-Z]{4,}/.test(r.text) && r.text === r.text.toUpperCase(),
  ).length
  return { long, short, emoji, order, mixed, caps }
}

const devCount = (l: 'zh' | 'en', i?: Intent): number =>
  devRows.filter((r) => r.locale === l && (i === undefined || r.label === i)).length
const header = `| intent | train zh | train en | test zh | test en | dev zh | dev en |\n|---|---:|---:|---:|---:|---:|---:|`
const lines = INTENTS.map(
  (i) =>
    `| \`${i}\` | ${counts.train.zh.get(i) ?? 0} | ${counts.train.en.get(i) ?? 0} | ${counts.test.zh.get(i) ?? 0} | ${counts.test.en.get(i) ?? 0} | ${devCount('zh', i)} | ${devCount('en', i)} |`,
)
const total = (s: Split, l: 'zh' | 'en'): number => [...counts[s][l].values()].reduce((a, b) => a + b, 0)
lines.push(
  `| **total** | ${total('train', 'zh')} | ${total('train', 'en')} | ${total('test', 'zh')} | ${total('test', 'en')} | ${devCount('zh')} | ${devCount('en')} |`,
)

const statRows: string[] = []
for (const split of ['train', 'test'] as const) {
  for (const locale of ['zh', 'en'] as const) {
    const s = stats(splits[split].filter((r) => r.locale === locale))
    statRows.push(
      `| ${split} ${locale} | ${s.long} | ${s.short} | ${s.emoji} | ${s.order} | ${locale === 'zh' ? s.mixed : '–'} | ${locale === 'en' ? s.caps : '–'} |`,
    )
  }
}
const statTable = [
  '| split | > 100 chars | very short | emoji | order no. | zh with Latin words | en ALL CAPS |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...statRows,
].join('\n')

const table = `${header}\n${lines.join('\n')}`
const nearDupLine = `Near-duplicate check: ${nearDups.length} of ${splits.test.length} test lines (${(nearDupShare * 100).toFixed(1)}%) have a train line with character-trigram Jaccard ≥ ${NEAR_DUP_THRESHOLD} (limit ${MAX_NEAR_DUP_SHARE * 100}%).`

console.log(table)
console.log()
console.log(statTable)
console.log()
console.log(nearDupLine)
if (process.argv.includes('--verbose')) {
  // Only the train side is printed: the test split is looked at in aggregate only.
  for (const d of nearDups) console.log(`  ${d.sim.toFixed(2)}  test.jsonl:${d.test.line}  |  train: ${d.train.text}`)
}

if (errors.length > 0) {
  for (const e of errors.slice(0, 50)) console.error(`error: ${e}`)
  if (errors.length > 50) console.error(`… and ${errors.length - 50} more`)
  console.error(`\n${errors.length} problem(s); docs not updated`)
  process.exit(1)
}

if (!process.argv.includes('--no-docs')) {
  const docPath = join(root, 'docs', 'nlu-data.md')
  const doc = readFileSync(docPath, 'utf8')
  const start = '<!-- counts:start -->'
  const end = '<!-- counts:end -->'
  const a = doc.indexOf(start)
  const b = doc.indexOf(end)
  if (a < 0 || b < a) {
    console.error(`error: ${docPath} has no ${start} … ${end} block`)
    process.exit(1)
  }
  const block = `${start}\n${table}\n\n${statTable}\n\n${nearDupLine}\n${end}`
  writeFileSync(docPath, doc.slice(0, a) + block + doc.slice(b + end.length))
  console.log('\ndocs/nlu-data.md updated')
}
console.log('\nall checks passed')
