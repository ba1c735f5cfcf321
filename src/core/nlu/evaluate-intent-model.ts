/**
 * Evaluation of an intent model on labelled test examples: accuracy, macro-F1, per-class
 * precision/recall/F1, confusion matrix and, when the test set has out-of-scope examples, the
 * CLINC150 metrics (in-scope accuracy and out-of-scope recall).
 */
import { classifyIntent } from './classify-intent.js'
import type { CompiledIntentModel } from './intent-model.js'
import type { LabelledExample } from './train-intent-model.js'

export type ClassReport = { precision: number; recall: number; f1: number; support: number }

export type IntentEvaluation = {
  n: number
  accuracy: number
  macroF1: number
  perClass: Record<string, ClassReport>
  /** `confusion[gold][predicted] = count` (only non-zero cells). */
  confusion: Record<string, Record<string, number>>
  /** Share of in-scope test messages given their correct label (rejections count as errors). */
  inScopeAccuracy?: number
  /** Share of out-of-scope test messages rejected. */
  oosRecall?: number
  /** Share of in-scope test messages wrongly rejected as out of scope. */
  inScopeRejected?: number
  errors: { text: string; gold: string; predicted: string; confidence: number }[]
}

/**
 * Classifies every test example and aggregates the metrics. Gold labels `oos`/`out_of_scope`
 * (or the model's own out-of-scope label) count as out of scope.
 */
export function evaluateIntentModel(
  model: CompiledIntentModel,
  test: readonly LabelledExample[],
  opts: { oosLabels?: string[]; maxErrors?: number } = {},
): IntentEvaluation {
  const oos = new Set(opts.oosLabels ?? ['oos', 'out_of_scope'])
  const reject = model.json.rejectLabel
  oos.add(reject)
  const norm = (l: string) => (oos.has(l) ? reject : l)
  const confusion: Record<string, Record<string, number>> = {}
  const tp = new Map<string, number>()
  const goldCount = new Map<string, number>()
  const predCount = new Map<string, number>()
  const errors: IntentEvaluation['errors'] = []
  let correct = 0
  let inScope = 0
  let inScopeCorrect = 0
  let inScopeRejected = 0
  let oosN = 0
  let oosHit = 0
  for (const ex of test) {
    const gold = norm(ex.label)
    const p = classifyIntent(model, ex.text)
    const pred = norm(p.label)
    const row = confusion[gold] ?? {}
    confusion[gold] = row
    row[pred] = (row[pred] ?? 0) + 1
    goldCount.set(gold, (goldCount.get(gold) ?? 0) + 1)
    predCount.set(pred, (predCount.get(pred) ?? 0) + 1)
    if (gold === pred) {
      correct++
      tp.set(gold, (tp.get(gold) ?? 0) + 1)
    } else if (errors.length < (opts.maxErrors ?? 50)) {
      errors.push({ text: ex.text, gold, predicted: pred, confidence: p.confidence })
    }
    if (gold === reject) {
      oosN++
      if (pred === reject) oosHit++
    } else {
      inScope++
      if (pred === gold) inScopeCorrect++
      if (pred === reject) inScopeRejected++
    }
  }
  const perClass: Record<string, ClassReport> = {}
  let f1Sum = 0
  const classes = [...new Set([...goldCount.keys()])].sort()
  for (const c of classes) {
    const t = tp.get(c) ?? 0
    const precision = t / Math.max(1, predCount.get(c) ?? 0)
    const recall = t / Math.max(1, goldCount.get(c) ?? 0)
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
    perClass[c] = { precision: r4(precision), recall: r4(recall), f1: r4(f1), support: goldCount.get(c) ?? 0 }
    f1Sum += f1
  }
  const out: IntentEvaluation = {
    n: test.length,
    accuracy: r4(correct / Math.max(1, test.length)),
    macroF1: r4(f1Sum / Math.max(1, classes.length)),
    perClass,
    confusion,
    errors,
  }
  if (oosN > 0) {
    out.inScopeAccuracy = r4(inScopeCorrect / Math.max(1, inScope))
    out.oosRecall = r4(oosHit / oosN)
    out.inScopeRejected = r4(inScopeRejected / Math.max(1, inScope))
  }
  return out
}

function r4(x: number): number {
  return Math.round(x * 10000) / 10000
}
