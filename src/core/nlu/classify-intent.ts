/**
 * Classifies one message with a compiled intent model: calibrated softmax over the SVM margins,
 * then out-of-scope rejection (the trained out-of-scope class wins, or the best in-scope
 * confidence is below the threshold chosen on the held-out fold).
 */
import { type CompiledIntentModel, scoreText, softmax } from './intent-model.js'

export type IntentPrediction = {
  /** The winning label, or the model's reject label (`out_of_scope` / `oos`). */
  label: string
  confidence: number
  /** Best in-scope labels with their calibrated probability, best first. */
  candidates: { label: string; confidence: number }[]
  /** How the message ended up out of scope, if it did. */
  rejected: 'oos_class' | 'low_confidence' | 'no_features' | null
}

/** Classifies one message. `topK` bounds the candidate list. */
export function classifyIntent(model: CompiledIntentModel, text: string, topK = 3): IntentPrediction {
  const { scores, known } = scoreText(model, text)
  const { calibration, oosLabel, rejectLabel } = model.json
  const probs = softmax(scores, calibration.temperature)
  const order = topIndices(probs, topK + 1)
  const candidates: { label: string; confidence: number }[] = []
  for (const i of order) {
    if (model.labels[i] === oosLabel) continue
    if (candidates.length < topK) candidates.push({ label: model.labels[i]!, confidence: round(probs[i]!) })
  }
  const best = order[0]!
  const pBest = probs[best]!
  if (known === 0) {
    // Nothing the model has ever seen (empty text, junk, an unknown script): do not guess.
    return { label: rejectLabel, confidence: 0, candidates, rejected: 'no_features' }
  }
  if (model.labels[best] === oosLabel) {
    return { label: rejectLabel, confidence: round(pBest), candidates, rejected: 'oos_class' }
  }
  if (pBest < calibration.threshold) {
    return { label: rejectLabel, confidence: round(1 - pBest), candidates, rejected: 'low_confidence' }
  }
  return { label: model.labels[best]!, confidence: round(pBest), candidates, rejected: null }
}

function topIndices(values: Float64Array, k: number): number[] {
  const out: number[] = []
  for (let i = 0; i < values.length; i++) {
    let pos = out.length
    while (pos > 0 && values[out[pos - 1]!]! < values[i]!) pos--
    if (pos < k) {
      out.splice(pos, 0, i)
      if (out.length > k) out.pop()
    }
  }
  return out
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000
}
