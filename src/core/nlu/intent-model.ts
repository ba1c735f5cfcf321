/**
 * The intent model: its JSON file format and the compiled in-memory form used to classify.
 * The JSON stores only non-zero weights, rounded, so a 16-intent model stays a few MB.
 */
import { AppError } from '../errors.js'
import { createChineseSegmenter, type Segmenter } from './chinese-segmenter.js'
import { emitFeatures, type FeatureOptions, hasHan } from './featurize.js'

/** The serialised model (`<dataDir>/models/intent.json`). */
export type IntentModelJson = {
  format: 'kefu-intent-model'
  version: 1
  labels: string[]
  /** The label that marks out-of-scope examples, when the training data had one. */
  oosLabel: string | null
  /** Label returned when a message is rejected (the oos label, or `out_of_scope`). */
  rejectLabel: string
  features: FeatureOptions
  /** Feature strings; position = feature id. */
  vocab: string[]
  idf: number[]
  /** Per feature: flat `[labelIndex, weight, labelIndex, weight, …]` of the non-zero weights. */
  weights: number[][]
  bias: number[]
  calibration: {
    /** Softmax temperature fitted on a held-out fold. */
    temperature: number
    /** Messages whose calibrated confidence is below this are rejected as out-of-scope. */
    threshold: number
    /** The threshold the held-out fold suggests (applied only when the data has out-of-scope examples). */
    suggestedThreshold: number
  }
  stats: {
    examples: number
    holdout: number
    holdoutAccuracy: number | null
    /** `INTENT_TRAINER_VERSION` of the trainer that produced the model (absent before v2). */
    trainerVersion?: number
  }
}

/** A model ready to score messages. */
export type CompiledIntentModel = {
  json: IntentModelJson
  labels: string[]
  featureIndex: Map<string, number>
  idf: Float32Array
  offsets: Int32Array
  classIdx: Uint16Array
  weight: Float32Array
  bias: Float64Array
  segment: Segmenter | undefined
  /** Whether the model saw Chinese text (so Chinese input must be segmented). */
  usesHan: boolean
}

/** Sparse, L2-normalised tf-idf vector of a message. */
export type SparseVector = { idx: Int32Array; val: Float32Array }

/** Builds the tf-idf vector; sub-linear tf, unknown features dropped. */
export function vectorize(
  counts: Map<string, number>,
  featureIndex: Map<string, number>,
  idf: ArrayLike<number>,
): SparseVector {
  const idx: number[] = []
  const val: number[] = []
  let norm = 0
  for (const [f, c] of counts) {
    const j = featureIndex.get(f)
    if (j === undefined) continue
    const v = (1 + Math.log(c)) * idf[j]!
    idx.push(j)
    val.push(v)
    norm += v * v
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0
  const out = new Float32Array(val.length)
  for (let i = 0; i < val.length; i++) out[i] = val[i]! * inv
  return { idx: Int32Array.from(idx), val: out }
}

/** Validates a parsed JSON model and builds the lookup tables. */
export function compileIntentModel(json: unknown, opts: { segment?: Segmenter } = {}): CompiledIntentModel {
  const m = json as IntentModelJson
  if (
    typeof m !== 'object' ||
    m === null ||
    m.format !== 'kefu-intent-model' ||
    m.version !== 1 ||
    !Array.isArray(m.labels) ||
    !Array.isArray(m.vocab) ||
    !Array.isArray(m.weights) ||
    m.vocab.length !== m.weights.length ||
    m.idf.length !== m.vocab.length ||
    m.bias.length !== m.labels.length
  ) {
    throw new AppError('invalid_input', 'not a kefu intent model (format kefu-intent-model v1 expected)')
  }
  const featureIndex = new Map<string, number>()
  let nnz = 0
  let usesHan = false
  for (let j = 0; j < m.vocab.length; j++) {
    const f = m.vocab[j]!
    featureIndex.set(f, j)
    nnz += m.weights[j]!.length / 2
    if (!usesHan && f.startsWith('h:')) usesHan = true
  }
  const offsets = new Int32Array(m.vocab.length + 1)
  const classIdx = new Uint16Array(nnz)
  const weight = new Float32Array(nnz)
  let p = 0
  for (let j = 0; j < m.vocab.length; j++) {
    offsets[j] = p
    const row = m.weights[j]!
    for (let q = 0; q < row.length; q += 2) {
      classIdx[p] = row[q]!
      weight[p] = row[q + 1]!
      p++
    }
  }
  offsets[m.vocab.length] = p
  return {
    json: m,
    labels: m.labels,
    featureIndex,
    idf: Float32Array.from(m.idf),
    offsets,
    classIdx,
    weight,
    bias: Float64Array.from(m.bias),
    segment: opts.segment ?? (usesHan ? createChineseSegmenter() : undefined),
    usesHan,
  }
}

/** Raw per-label scores (SVM margins) of a message. */
export function scoreText(model: CompiledIntentModel, text: string): { scores: Float64Array; known: number } {
  const seg = model.usesHan && hasHan(text) ? model.segment : undefined
  // Look feature strings up directly and count by id: unknown features cost one hash lookup.
  const counts = new Map<number, number>()
  const index = model.featureIndex
  emitFeatures(text, model.json.features, seg, (key) => {
    const j = index.get(key)
    if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1)
  })
  const scores = Float64Array.from(model.bias)
  if (counts.size === 0) return { scores, known: 0 }
  let norm = 0
  for (const [j, c] of counts) {
    const v = (1 + Math.log(c)) * model.idf[j]!
    counts.set(j, v)
    norm += v * v
  }
  const inv = 1 / Math.sqrt(norm)
  const { offsets, classIdx, weight } = model
  for (const [j, v0] of counts) {
    const v = v0 * inv
    for (let p = offsets[j]!; p < offsets[j + 1]!; p++) scores[classIdx[p]!]! += weight[p]! * v
  }
  return { scores, known: counts.size }
}

/** Scores a tf-idf vector against every label. */
export function scoreVector(
  model: Pick<CompiledIntentModel, 'offsets' | 'classIdx' | 'weight' | 'bias'>,
  vec: SparseVector,
): Float64Array {
  const scores = Float64Array.from(model.bias)
  for (let i = 0; i < vec.idx.length; i++) {
    const j = vec.idx[i]!
    const v = vec.val[i]!
    for (let p = model.offsets[j]!; p < model.offsets[j + 1]!; p++) scores[model.classIdx[p]!]! += model.weight[p]! * v
  }
  return scores
}

/** Softmax of `scores / temperature`, numerically stable. */
export function softmax(scores: ArrayLike<number>, temperature: number): Float64Array {
  let max = Number.NEGATIVE_INFINITY
  for (let i = 0; i < scores.length; i++) if (scores[i]! > max) max = scores[i]!
  const out = new Float64Array(scores.length)
  let sum = 0
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp((scores[i]! - max) / temperature)
    out[i] = e
    sum += e
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum
  return out
}
