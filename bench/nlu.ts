/**
 * NLU benchmark, printing JSON: single-message latency (intent + entities + emotion + locale)
 * with p50/p99 and classifications per second on one core, training time on our data and on
 * CLINC150. `--datasets` adds the three public-dataset evaluations (CLINC150, Banking77, Bitext).
 *
 *   npx tsx bench/nlu.ts [--datasets] [--iterations N]
 */
import { existsSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { REPO_ROOT, shippedNluFiles } from '../src/adapters/nlu-model-file/intent-model-file.js'
import { readLabelledExamples } from '../src/adapters/nlu-model-file/read-labelled-examples.js'
import { createNluEngine } from '../src/core/nlu/create-nlu-engine.js'
import { evaluateIntentModel } from '../src/core/nlu/evaluate-intent-model.js'
import { compileIntentModel } from '../src/core/nlu/intent-model.js'
import { type LabelledExample, trainIntentModel } from '../src/core/nlu/train-intent-model.js'

const { values } = parseArgs({
  options: { datasets: { type: 'boolean', default: false }, iterations: { type: 'string', default: '50000' } },
})
const DATASETS = join(REPO_ROOT, '../shared/datasets')

function timed<T>(f: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const value = f()
  const cpu = process.cpuUsage(c0)
  return { value, seconds: r((performance.now() - t0) / 1000, 2), cpuSeconds: r((cpu.user + cpu.system) / 1e6, 2) }
}

function r(x: number, d: number): number {
  return Math.round(x * 10 ** d) / 10 ** d
}

const files = shippedNluFiles()
const ours = readLabelledExamples(files.train)
const oursTest = readLabelledExamples(files.test)
const trainOurs = timed(() => trainIntentModel(ours))
const catalogFile = join(REPO_ROOT, 'data/demo/products.jsonl')
const catalog = existsSync(catalogFile)
  ? (await import('../src/adapters/nlu-model-file/read-catalog.js')).readLabelledCatalog(catalogFile)
  : []
const engine = createNluEngine({ model: trainOurs.value, catalog, referenceDate: '2024-12-02' })

// Messages under 50 characters from the test split (both languages), as a chat would send them.
const short = oursTest.map((e) => e.text).filter((t) => t.length < 50)
for (const t of short.slice(0, 2000)) engine.analyze(t) // warm-up: JIT and jieba dictionary
const n = Number(values.iterations)
const lat = new Float64Array(n)
const t0 = performance.now()
for (let i = 0; i < n; i++) {
  const s = performance.now()
  engine.analyze(short[i % short.length]!)
  lat[i] = performance.now() - s
}
const total = (performance.now() - t0) / 1000
lat.sort()
const q = (p: number) => r(lat[Math.min(n - 1, Math.floor(p * n))]! * 1000, 1)

const out: Record<string, unknown> = {
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
  singleMessage: {
    messages: n,
    distinct: short.length,
    includes: ['intent', 'entities', 'emotion', 'locale'],
    perSecond: Math.round(n / total),
    p50Us: q(0.5),
    p99Us: q(0.99),
    maxUs: q(1),
  },
  training: {
    ours: { examples: ours.length, seconds: trainOurs.seconds, cpuSeconds: trainOurs.cpuSeconds },
  },
}

function jsonlSet(dir: string, textField: string, labelField: string) {
  const opts = { textField, labelField }
  return {
    train: readLabelledExamples(join(DATASETS, dir, 'train.jsonl'), opts),
    test: readLabelledExamples(join(DATASETS, dir, 'test.jsonl'), opts),
  }
}

function evaluate(train: LabelledExample[], test: LabelledExample[]) {
  const t = timed(() => trainIntentModel(train))
  const e = evaluateIntentModel(compileIntentModel(t.value), test)
  return {
    trainSeconds: t.seconds,
    trainCpuSeconds: t.cpuSeconds,
    n: e.n,
    accuracy: e.accuracy,
    macroF1: e.macroF1,
    ...(e.inScopeAccuracy !== undefined
      ? { inScopeAccuracy: e.inScopeAccuracy, oosRecall: e.oosRecall, inScopeRejected: e.inScopeRejected }
      : {}),
  }
}

if (existsSync(join(DATASETS, 'clinc150'))) {
  const clinc = jsonlSet('clinc150', 'text', 'intent')
  if (values.datasets) {
    const res = evaluate(clinc.train, clinc.test)
    ;(out.training as Record<string, unknown>).clinc150 = {
      examples: clinc.train.length,
      seconds: res.trainSeconds,
      cpuSeconds: res.trainCpuSeconds,
    }
    const banking = {
      train: readLabelledExamples(join(DATASETS, 'banking77/train.csv')),
      test: readLabelledExamples(join(DATASETS, 'banking77/test.csv')),
    }
    const bitext = jsonlSet('bitext_customer_support', 'instruction', 'intent')
    const ourEval = evaluateIntentModel(compileIntentModel(trainOurs.value), oursTest)
    const byLocale = Object.fromEntries(
      ['zh', 'en'].map((loc) => {
        const e = evaluateIntentModel(
          compileIntentModel(trainOurs.value),
          oursTest.filter((x) => x.locale === loc),
        )
        return [
          loc,
          {
            n: e.n,
            accuracy: e.accuracy,
            macroF1: e.macroF1,
            oosRecall: e.oosRecall,
            inScopeRejected: e.inScopeRejected,
          },
        ]
      }),
    )
    out.datasets = {
      clinc150: res,
      banking77: evaluate(banking.train, banking.test),
      bitext: evaluate(bitext.train, bitext.test),
      ours: {
        n: ourEval.n,
        accuracy: ourEval.accuracy,
        macroF1: ourEval.macroF1,
        oosRecall: ourEval.oosRecall,
        inScopeRejected: ourEval.inScopeRejected,
        byLocale,
      },
    }
  } else {
    const t = timed(() => trainIntentModel(clinc.train))
    ;(out.training as Record<string, unknown>).clinc150 = {
      examples: clinc.train.length,
      seconds: t.seconds,
      cpuSeconds: t.cpuSeconds,
    }
  }
}

process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
