/**
 * Measures data/nlu/train.jsonl against a split per language and prints aggregate figures only.
 *
 * Run: npx tsx scripts/nlu-data/eval-report.ts [--split test|dev] [--errors] [--train FILE]
 *
 * For the test split it never prints an individual line (the test split is looked at only in
 * aggregate: accuracy, macro-F1, per-class F1, confusion counts). `--errors` is honoured for the dev
 * split only, which is there to be looked at.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

type PerClass = Record<string, { precision: number; recall: number; f1: number; support: number }>
type Report = {
  accuracy: number
  macroF1: number
  n: number
  perClass: PerClass
  confusion: unknown
  inScopeAccuracy?: number
  oosRecall?: number
  errors?: { text: string; gold: string; predicted: string; confidence: number }[]
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'test' },
    errors: { type: 'boolean', default: false },
    train: { type: 'string', default: join(root, 'data', 'nlu', 'train.jsonl') },
  },
})
const split = values.split === 'dev' ? 'dev' : 'test'
const showErrors = values.errors === true && split === 'dev'
const dir = mkdtempSync(join(tmpdir(), 'kefu-nlu-eval-'))
try {
  const rows = readFileSync(join(root, 'data', 'nlu', `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
  const summary: Record<string, unknown> = {}
  for (const locale of ['zh', 'en'] as const) {
    const file = join(dir, `${split}-${locale}.jsonl`)
    writeFileSync(file, `${rows.filter((l) => (JSON.parse(l) as { locale: string }).locale === locale).join('\n')}\n`)
    const out = execFileSync(
      join(root, 'bin', 'kefu'),
      ['eval', 'intents', '--train', String(values.train), '--test', file, '--json'],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 },
    )
    const r = JSON.parse(out) as Report
    const f1 = Object.fromEntries(Object.entries(r.perClass).map(([k, v]) => [k, Number(v.f1.toFixed(3))]))
    summary[locale] = {
      n: r.n,
      accuracy: r.accuracy,
      macroF1: r.macroF1,
      inScopeAccuracy: r.inScopeAccuracy,
      oosRecall: r.oosRecall,
      f1,
    }
    if (showErrors) {
      for (const e of r.errors ?? [])
        console.log(`${locale}\t${e.gold} -> ${e.predicted}\t${e.confidence.toFixed(2)}\t${e.text}`)
    }
  }
  console.log(JSON.stringify(summary, null, 1))
} finally {
  rmSync(dir, { recursive: true, force: true })
}
