/**
 * `kefu eval intents --train FILE --test FILE [--json]`: trains a fresh intent model on any
 * labelled file (JSONL or CSV) and reports accuracy, macro-F1, per-class precision/recall/F1,
 * the confusion matrix and, when the test set has out-of-scope examples, in-scope accuracy and
 * out-of-scope recall.
 */
import { readLabelledExamples } from '../../adapters/nlu-model-file/read-labelled-examples.js'
import { AppError } from '../../core/errors.js'
import { evaluateIntentModel } from '../../core/nlu/evaluate-intent-model.js'
import { compileIntentModel } from '../../core/nlu/intent-model.js'
import { trainIntentModel } from '../../core/nlu/train-intent-model.js'
import { parseCliArgs } from '../parse-cli-args.js'
import { createProgressBar } from './progress-bar.js'

const USAGE = `usage: kefu eval intents --train FILE --test FILE [options]

Trains a fresh intent model on --train (never on --test) and scores it on --test.
Files: JSONL ({"text","label"}) or CSV with a header (text,label). Field names are detected
(text/instruction, label/intent/category) or given. Labels 'oos' / 'out_of_scope' mark
out-of-scope examples.

options:
  --train FILE            labelled training file
  --test FILE             labelled test file
  --text-field NAME       text column/field
  --label-field NAME      label column/field
  --json                  print one JSON object (accuracy, macroF1, n, perClass, confusion, …)
  --max-in-scope-rejection R  share of held-out in-scope messages the out-of-scope threshold
                          may reject (default 0.005)
  --C N                   SVM regularisation (default 1)
`

/** Entry point of `kefu eval intents`. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCliArgs(
    'eval intents',
    args,
    {
      train: { type: 'string' },
      test: { type: 'string' },
      'text-field': { type: 'string' },
      'label-field': { type: 'string' },
      'max-in-scope-rejection': { type: 'string' },
      C: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  )
  if (typeof parsed === 'number') return parsed
  const { values } = parsed
  if (typeof values.train !== 'string' || typeof values.test !== 'string') {
    process.stderr.write(`kefu eval intents: --train and --test are required\n\n${USAGE}`)
    return 2
  }
  const fields = {
    ...(typeof values['text-field'] === 'string' ? { textField: values['text-field'] } : {}),
    ...(typeof values['label-field'] === 'string' ? { labelField: values['label-field'] } : {}),
  }
  const rejection = numberOption(values['max-in-scope-rejection'], 'max-in-scope-rejection', 0, 1)
  const C = numberOption(values.C, 'C', 1e-6, 1e6)
  try {
    const train = readLabelledExamples(values.train, fields)
    const test = readLabelledExamples(values.test, fields)
    const bar = createProgressBar()
    const started = performance.now()
    const json = trainIntentModel(train, {
      ...(rejection !== undefined ? { maxInScopeRejection: rejection } : {}),
      ...(C !== undefined ? { C } : {}),
      onProgress: (p) => bar.update(p.phase, p.done, p.total),
    })
    const trainSeconds = (performance.now() - started) / 1000
    bar.done()
    const model = compileIntentModel(json)
    const report = evaluateIntentModel(model, test)
    const out = {
      train: { file: values.train, n: train.length, labels: json.labels.length, seconds: round(trainSeconds, 2) },
      test: values.test,
      ...report,
      threshold: json.calibration.threshold,
      temperature: json.calibration.temperature,
    }
    if (values.json) {
      process.stdout.write(`${JSON.stringify(out)}\n`)
      return 0
    }
    process.stdout.write(formatReport(out))
    return 0
  } catch (e) {
    if (AppError.isInstance(e)) {
      process.stderr.write(`kefu eval intents: ${e.message} [code: ${e.code}]\n`)
      return 1
    }
    throw e
  }
}

function numberOption(v: string | boolean | undefined, name: string, min: number, max: number): number | undefined {
  if (typeof v !== 'string') return undefined
  const n = Number(v)
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new AppError('invalid_input', `--${name} must be a number between ${min} and ${max}`)
  }
  return n
}

function round(x: number, d: number): number {
  return Math.round(x * 10 ** d) / 10 ** d
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`

type Report = ReturnType<typeof evaluateIntentModel> & {
  train: { file: string; n: number; labels: number; seconds: number }
  test: string
  threshold: number
}

/** Human-readable report: headline figures, then the weakest classes and top confusions. */
export function formatReport(r: Report): string {
  const lines = [
    `trained on ${r.train.n} examples (${r.train.labels} labels) from ${r.train.file} in ${r.train.seconds} s`,
    `tested on ${r.n} examples from ${r.test}`,
    '',
    `accuracy          ${pct(r.accuracy)}`,
    `macro-F1          ${r.macroF1.toFixed(4)}`,
  ]
  if (r.inScopeAccuracy !== undefined) {
    lines.push(`in-scope accuracy ${pct(r.inScopeAccuracy)}`)
    lines.push(`oos recall        ${pct(r.oosRecall ?? 0)}`)
    lines.push(`in-scope rejected ${pct(r.inScopeRejected ?? 0)}  (threshold ${r.threshold})`)
  }
  const classes = Object.entries(r.perClass).sort((a, b) => a[1].f1 - b[1].f1)
  lines.push('', 'per class (weakest first):', `  ${'label'.padEnd(28)} precision  recall     f1  support`)
  for (const [label, c] of classes.slice(0, 20)) {
    lines.push(
      `  ${label.padEnd(28)} ${c.precision.toFixed(4).padStart(9)} ${c.recall.toFixed(4).padStart(7)} ${c.f1.toFixed(4).padStart(6)} ${String(c.support).padStart(8)}`,
    )
  }
  if (classes.length > 20) lines.push(`  … ${classes.length - 20} more (use --json for all)`)
  const confusions: [string, string, number][] = []
  for (const [gold, row] of Object.entries(r.confusion)) {
    for (const [pred, n] of Object.entries(row)) if (pred !== gold) confusions.push([gold, pred, n])
  }
  confusions.sort((a, b) => b[2] - a[2])
  if (confusions.length > 0) {
    lines.push('', 'top confusions (gold → predicted):')
    for (const [g, p, n] of confusions.slice(0, 10)) lines.push(`  ${String(n).padStart(4)}  ${g} → ${p}`)
  }
  return `${lines.join('\n')}\n`
}
