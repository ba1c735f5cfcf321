/**
 * `kefu train [--json]`: retrains the intent model from data/nlu/train.jsonl plus the shop's own
 * labelled examples (<data dir>/nlu/examples.jsonl), saves it to <data dir>/models/intent.json
 * and prints the report on the fixed test split (data/nlu/test.jsonl, never trained on), overall
 * and per language.
 */
import { existsSync } from 'node:fs'
import {
  intentModelPath,
  loadTrainingExamples,
  shippedNluFiles,
  shopExamplesPath,
  writeIntentModel,
} from '../../adapters/nlu-model-file/intent-model-file.js'
import { readLabelledExamples } from '../../adapters/nlu-model-file/read-labelled-examples.js'
import { AppError } from '../../core/errors.js'
import { evaluateIntentModel } from '../../core/nlu/evaluate-intent-model.js'
import { compileIntentModel } from '../../core/nlu/intent-model.js'
import { trainIntentModel } from '../../core/nlu/train-intent-model.js'
import { parseCliArgs } from '../parse-cli-args.js'
import { createProgressBar } from './progress-bar.js'

const USAGE = `usage: kefu train [--json]

Retrains the intent model from data/nlu/train.jsonl plus <data dir>/nlu/examples.jsonl
(the shop's own labelled examples, {"text","label"} per line), saves it to
<KEFU_DATA_DIR or ./.kefu>/models/intent.json and reports accuracy on data/nlu/test.jsonl.
`

/** Entry point of `kefu train`. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCliArgs('train', args, { json: { type: 'boolean', default: false } }, USAGE)
  if (typeof parsed === 'number') return parsed
  const { values } = parsed
  const dataDir = process.env.KEFU_DATA_DIR ?? './.kefu'
  try {
    const examples = loadTrainingExamples(dataDir)
    const shop = existsSync(shopExamplesPath(dataDir))
    process.stderr.write(
      `training on ${examples.length} examples (data/nlu/train.jsonl${shop ? ` + ${shopExamplesPath(dataDir)}` : ''})\n`,
    )
    const bar = createProgressBar()
    const started = performance.now()
    const json = trainIntentModel(examples, { onProgress: (p) => bar.update(p.phase, p.done, p.total) })
    const seconds = Math.round((performance.now() - started) / 10) / 100
    const file = intentModelPath(dataDir)
    writeIntentModel(file, json)
    bar.done(`saved ${file} (${json.vocab.length} features, ${json.labels.length} intents) in ${seconds} s`)
    const model = compileIntentModel(json)
    const test = readLabelledExamples(shippedNluFiles().test)
    const overall = evaluateIntentModel(model, test)
    const byLocale: Record<string, ReturnType<typeof evaluateIntentModel>> = {}
    for (const loc of ['zh', 'en']) {
      const subset = test.filter((e) => e.locale === loc)
      if (subset.length > 0) byLocale[loc] = evaluateIntentModel(model, subset)
    }
    if (values.json) {
      const { errors: _e, ...rest } = overall
      const locales = Object.fromEntries(
        Object.entries(byLocale).map(([k, v]) => [
          k,
          {
            n: v.n,
            accuracy: v.accuracy,
            macroF1: v.macroF1,
            oosRecall: v.oosRecall,
            inScopeRejected: v.inScopeRejected,
          },
        ]),
      )
      process.stdout.write(`${JSON.stringify({ model: file, seconds, ...rest, locales })}\n`)
      return 0
    }
    const pct = (x: number | undefined) => (x === undefined ? '-' : `${(x * 100).toFixed(1)}%`)
    const lines = [
      `test split data/nlu/test.jsonl (${overall.n} messages, never trained on)`,
      `  ${'locale'.padEnd(8)} ${'n'.padStart(5)} ${'accuracy'.padStart(9)} ${'macro-F1'.padStart(9)} ${'oos recall'.padStart(11)} ${'in-scope rejected'.padStart(18)}`,
    ]
    for (const [loc, r] of [['all', overall] as const, ...Object.entries(byLocale)]) {
      lines.push(
        `  ${loc.padEnd(8)} ${String(r.n).padStart(5)} ${pct(r.accuracy).padStart(9)} ${r.macroF1.toFixed(4).padStart(9)} ${pct(r.oosRecall).padStart(11)} ${pct(r.inScopeRejected).padStart(18)}`,
      )
    }
    lines.push('', 'per intent:')
    for (const [label, c] of Object.entries(overall.perClass)) {
      lines.push(
        `  ${label.padEnd(20)} P ${c.precision.toFixed(3)}  R ${c.recall.toFixed(3)}  F1 ${c.f1.toFixed(3)}  n ${c.support}`,
      )
    }
    process.stdout.write(`${lines.join('\n')}\n`)
    return 0
  } catch (e) {
    if (AppError.isInstance(e)) {
      process.stderr.write(`kefu train: ${e.message} [code: ${e.code}]\n`)
      return 1
    }
    throw e
  }
}
