/**
 * A supervised FAQ matcher trained per shop when the index is built: every FAQ entry is a class,
 * its question and similar questions are the training examples (its answer sentences join at a
 * lower weight), and a multi-class linear SVM (Crammer–Singer, the NLU's solver) learns which
 * features tell one entry from its neighbours. BM25 rewards any shared word; the classifier
 * learns that `几天` separates "how long until it arrives" from "when do you ship", which is what
 * paraphrases with partial word overlap need. Its scores are fused with the sparse ranking in
 * knowledge-base.ts.
 */
import { type CsrMatrix, trainCrammerSinger } from '../nlu/linear-svm.js'

export type FaqTrainingExample = {
  text: string
  /** Entry number (class), 0 … entries-1. */
  entry: number
  /** Scales the example's feature vector: < 1 makes it a softer constraint (answer sentences). */
  weight?: number
}

export type FaqClassifierOptions = {
  /** SVM inverse regularisation (default 1). */
  C?: number
  /** Solver passes (default 3: on the dev set ranking is as good as after 10, at a third of the time). */
  maxIter?: number
  /**
   * The solver keeps a dense features × classes weight matrix while training; above this many
   * cells (default 12 million, ≈ 100 MB) no classifier is trained and retrieval is sparse-only.
   */
  maxCells?: number
  seed?: number
}

/** A trained matcher: raw SVM margins per entry. */
export type FaqClassifier = {
  readonly entries: number
  readonly features: number
  readonly trainMs: number
  /** Margin of every entry for a text (higher is better); `known` is the number of known features. */
  score(features: string[]): { scores: Float64Array; known: number }
}

/** Sub-linear tf × idf, L2-normalised, over the known features of one text. */
function vectorize(
  terms: string[],
  index: Map<string, number>,
  idf: Float64Array,
): { idx: Int32Array; val: Float32Array } {
  const counts = new Map<number, number>()
  for (const t of terms) {
    const j = index.get(t)
    if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1)
  }
  const idx = Int32Array.from(counts.keys())
  const val = new Float32Array(idx.length)
  let norm = 0
  let p = 0
  for (const [j, c] of counts) {
    const v = (1 + Math.log(c)) * idf[j]!
    val[p++] = v
    norm += v * v
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0
  for (let i = 0; i < val.length; i++) val[i] = val[i]! * inv
  return { idx, val }
}

/**
 * The training problem of a matcher, in plain arrays (it crosses a worker-thread boundary as is):
 * the tf-idf design matrix, the classes, and the feature vocabulary needed to score queries later.
 */
export type FaqFitInput = {
  entries: number
  x: CsrMatrix
  y: Int32Array
  C: number
  maxIter: number
  seed: number
}

/** A fitted matcher's weights, feature-major and sparse (a query touches only its own features' rows). */
export type FaqFitOutput = {
  offsets: Int32Array
  classIdx: Int32Array
  weight: Float32Array
  bias: Float64Array
}

/** Runs the SVM of a prepared problem: the CPU-heavy part (0.3–1.4 s at a few hundred entries). */
export type FaqFitter = (input: FaqFitInput) => Promise<FaqFitOutput>

export type PreparedFaqTraining = {
  input: FaqFitInput
  index: Map<string, number>
  idf: Float64Array
  started: number
}

/**
 * Builds the training problem. `featurize` turns a text into feature strings (the same function must
 * be used at query time). Null when there are fewer than two entries or the model would exceed
 * `maxCells` (the caller then ranks sparse-only).
 */
export function prepareFaqTraining(
  examples: readonly FaqTrainingExample[],
  entries: number,
  featurize: (text: string) => string[],
  opts: FaqClassifierOptions = {},
): PreparedFaqTraining | null {
  const started = performance.now()
  if (entries < 2 || examples.length === 0) return null
  const n = examples.length
  // Feature ids in order of first appearance (the order a Map of document frequencies kept), each
  // example as its ids; the document frequency counts an example once per feature.
  const index = new Map<string, number>()
  const dfs: number[] = []
  const lastSeen: number[] = []
  const exampleIds: Int32Array[] = []
  for (let i = 0; i < n; i++) {
    const f = featurize(examples[i]!.text)
    const ids = new Int32Array(f.length)
    for (let q = 0; q < f.length; q++) {
      let j = index.get(f[q]!)
      if (j === undefined) {
        j = index.size
        index.set(f[q]!, j)
        dfs.push(0)
        lastSeen.push(-1)
      }
      if (lastSeen[j] !== i) {
        lastSeen[j] = i
        dfs[j]!++
      }
      ids[q] = j
    }
    exampleIds.push(ids)
  }
  const cols = index.size
  if ((cols + 1) * entries > (opts.maxCells ?? 12_000_000)) return null
  const idf = new Float64Array(cols)
  for (let j = 0; j < cols; j++) idf[j] = Math.log((1 + n) / (1 + dfs[j]!)) + 1
  // Sub-linear tf × idf, L2-normalised, each row in its features' order of first appearance:
  // the same numbers as `vectorize` gives, with one counting array instead of a Map per example.
  const counts = new Float64Array(cols)
  const order: number[] = []
  const indptr = new Int32Array(n + 1)
  const idxParts: Int32Array[] = []
  const valParts: Float32Array[] = []
  let nnz = 0
  for (let i = 0; i < n; i++) {
    order.length = 0
    for (const j of exampleIds[i]!) if (counts[j]!++ === 0) order.push(j)
    const idx = Int32Array.from(order)
    const val = new Float32Array(idx.length)
    let norm = 0
    for (let p = 0; p < idx.length; p++) {
      const j = idx[p]!
      const v = (1 + Math.log(counts[j]!)) * idf[j]!
      val[p] = v
      norm += v * v
      counts[j] = 0
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0
    for (let p = 0; p < val.length; p++) val[p] = val[p]! * inv
    const w = examples[i]!.weight ?? 1
    if (w !== 1) for (let q = 0; q < val.length; q++) val[q] = val[q]! * w
    idxParts.push(idx)
    valParts.push(val)
    nnz += idx.length
    indptr[i + 1] = nnz
  }
  const indices = new Int32Array(nnz)
  const values = new Float32Array(nnz)
  for (let i = 0; i < n; i++) {
    indices.set(idxParts[i]!, indptr[i]!)
    values.set(valParts[i]!, indptr[i]!)
  }
  const x: CsrMatrix = { rows: n, cols, indptr, indices, values }
  const y = Int32Array.from(examples, (e) => e.entry)
  return {
    input: { entries, x, y, C: opts.C ?? 1, maxIter: opts.maxIter ?? 3, seed: opts.seed ?? 42 },
    index,
    idf,
    started,
  }
}

/** Fits the SVM of a prepared problem, here and now (synchronous; a worker thread runs the same). */
export function fitFaqWeights(input: FaqFitInput): FaqFitOutput {
  const { x, y, entries: k } = input
  const cols = x.cols
  const rows = Int32Array.from({ length: x.rows }, (_, i) => i)
  const fit = trainCrammerSinger(x, y, rows, k, {
    C: input.C,
    maxIter: input.maxIter,
    eps: 0.1,
    bias: 1,
    seed: input.seed,
  })
  const w = fit.w
  const offsets = new Int32Array(cols + 1)
  let kept = 0
  for (let j = 0; j < cols; j++) {
    offsets[j] = kept
    for (let p = j * k, end = p + k; p < end; p++) if (w[p]! >= 1e-4 || w[p]! <= -1e-4) kept++
  }
  offsets[cols] = kept
  const classIdx = new Int32Array(kept)
  const weight = new Float32Array(kept)
  for (let j = 0, q = 0; j < cols; j++) {
    for (let c = 0, p = j * k; c < k; c++, p++) {
      const v = w[p]!
      if (v >= 1e-4 || v <= -1e-4) {
        classIdx[q] = c
        weight[q++] = v
      }
    }
  }
  const bias = new Float64Array(k)
  for (let c = 0; c < k; c++) bias[c] = w[cols * k + c]!
  return { offsets, classIdx, weight, bias }
}

/** The matcher from a prepared problem and its fitted weights. */
export function assembleFaqClassifier(prepared: PreparedFaqTraining, fitted: FaqFitOutput): FaqClassifier {
  const { index, idf } = prepared
  const { offsets, classIdx, weight, bias } = fitted
  const trainMs = performance.now() - prepared.started
  return {
    entries: prepared.input.entries,
    features: prepared.input.x.cols,
    trainMs,
    score(terms: string[]) {
      const v = vectorize(terms, index, idf)
      const scores = Float64Array.from(bias)
      for (let i = 0; i < v.idx.length; i++) {
        const j = v.idx[i]!
        const x = v.val[i]!
        for (let p = offsets[j]!; p < offsets[j + 1]!; p++)
          scores[classIdx[p]!] = scores[classIdx[p]!]! + weight[p]! * x
      }
      return { scores, known: v.idx.length }
    },
  }
}

/** Trains the matcher synchronously (tests, CLI evaluations); the server fits in a worker thread. */
export function trainFaqClassifier(
  examples: readonly FaqTrainingExample[],
  entries: number,
  featurize: (text: string) => string[],
  opts: FaqClassifierOptions = {},
): FaqClassifier | null {
  const prepared = prepareFaqTraining(examples, entries, featurize, opts)
  return prepared && assembleFaqClassifier(prepared, fitFaqWeights(prepared.input))
}
