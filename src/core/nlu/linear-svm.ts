/**
 * One-vs-rest L2-regularised L2-loss linear SVM trained by dual coordinate descent with
 * shrinking (Hsieh et al. 2008, the liblinear `-s 1` solver). Deterministic for a given seed.
 */

/** A sparse matrix in compressed-row form; row i spans `indptr[i]..indptr[i+1]`. */
export type CsrMatrix = {
  rows: number
  cols: number
  indptr: Int32Array
  indices: Int32Array
  values: Float32Array
}

export type SvmOptions = {
  /** Inverse regularisation strength. */
  C: number
  /** Maximum passes over the active set. */
  maxIter: number
  /** Stopping tolerance on the projected-gradient spread. */
  eps: number
  /** Constant appended to every row to learn a bias (liblinear's `-B`). */
  bias: number
  seed: number
}

/** Mulberry32: a small seeded PRNG so training is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Trains one binary classifier: `positive[i]` says whether row `rows[i]` is in the class.
 * `init` warm-starts the dual variables (aligned with `rows`), e.g. from a fit on a subset.
 * Returns the weight vector (length `cols`), the bias and the dual variables.
 */
export function trainBinarySvm(
  x: CsrMatrix,
  rows: Int32Array,
  positive: Uint8Array,
  opts: SvmOptions,
  init?: Float64Array,
): { w: Float64Array; b: number; alpha: Float64Array } {
  const l = rows.length
  const w = new Float64Array(x.cols)
  let b = 0
  const alpha = init ? Float64Array.from(init) : new Float64Array(l)
  const diag = 0.5 / opts.C
  const qd = new Float64Array(l)
  const index = new Int32Array(l)
  const { indptr, indices, values } = x
  const bb = opts.bias * opts.bias
  for (let i = 0; i < l; i++) {
    const r = rows[i]!
    let s = diag + bb
    for (let p = indptr[r]!; p < indptr[r + 1]!; p++) s += values[p]! * values[p]!
    qd[i] = s
    index[i] = i
    const a = alpha[i]!
    if (a !== 0) {
      const d = positive[i] ? a : -a
      for (let p = indptr[r]!; p < indptr[r + 1]!; p++) w[indices[p]!]! += d * values[p]!
      b += d * opts.bias
    }
  }
  const rand = seededRandom(opts.seed)
  let activeSize = l
  let pgMaxOld = Number.POSITIVE_INFINITY
  for (let iter = 0; iter < opts.maxIter; iter++) {
    let pgMaxNew = Number.NEGATIVE_INFINITY
    let pgMinNew = Number.POSITIVE_INFINITY
    for (let i = 0; i < activeSize; i++) {
      const j = i + Math.floor(rand() * (activeSize - i))
      const t = index[i]!
      index[i] = index[j]!
      index[j] = t
    }
    for (let s = 0; s < activeSize; s++) {
      const i = index[s]!
      const r = rows[i]!
      const y = positive[i] ? 1 : -1
      let dot = b * opts.bias
      const start = indptr[r]!
      const end = indptr[r + 1]!
      for (let p = start; p < end; p++) dot += w[indices[p]!]! * values[p]!
      const a = alpha[i]!
      const g = y * dot - 1 + a * diag
      let pg = 0
      if (a === 0) {
        if (g > pgMaxOld) {
          activeSize--
          index[s] = index[activeSize]!
          index[activeSize] = i
          s--
          continue
        }
        if (g < 0) pg = g
      } else {
        pg = g
      }
      if (pg > pgMaxNew) pgMaxNew = pg
      if (pg < pgMinNew) pgMinNew = pg
      if (Math.abs(pg) > 1e-12) {
        const na = Math.max(a - g / qd[i]!, 0)
        alpha[i] = na
        const d = (na - a) * y
        for (let p = start; p < end; p++) w[indices[p]!]! += d * values[p]!
        b += d * opts.bias
      }
    }
    if (pgMaxNew - pgMinNew <= opts.eps) {
      if (activeSize === l) break
      activeSize = l
      pgMaxOld = Number.POSITIVE_INFINITY
      continue
    }
    pgMaxOld = pgMaxNew <= 0 ? Number.POSITIVE_INFINITY : pgMaxNew
  }
  return { w, b: b * opts.bias, alpha }
}

/**
 * Multi-class SVM of Crammer and Singer trained by dual coordinate descent with per-example
 * class shrinking (Keerthi et al. 2008, liblinear `-s 4`). One pass updates all classes of an
 * example together, and after a few passes each example only touches the handful of classes it
 * competes with, which makes it much faster than one-vs-rest for many labels.
 *
 * Returns the feature-major weights `w[j * k + m]` (row `cols` is the bias) and the dual
 * variables `alpha[i * k + m]` aligned with `rows` (for warm starts).
 */
export function trainCrammerSinger(
  x: CsrMatrix,
  y: Int32Array,
  rows: Int32Array,
  k: number,
  opts: SvmOptions,
  init?: Float64Array,
): { w: Float64Array; alpha: Float64Array } {
  const l = rows.length
  const { indptr, indices, values } = x
  const biasCol = x.cols
  const w = new Float64Array((x.cols + 1) * k)
  const alpha = init ? Float64Array.from(init) : new Float64Array(l * k)
  const alphaIndex = new Uint16Array(l * k)
  const yIndex = new Int32Array(l)
  const activeSizeI = new Int32Array(l)
  const qd = new Float64Array(l)
  const index = new Int32Array(l)
  const g = new Float64Array(k)
  const gFull = new Float64Array(k)
  const bArr = new Float64Array(k)
  const d = new Float64Array(k)
  const alphaNew = new Float64Array(k)
  const dInd = new Int32Array(k)
  const dVal = new Float64Array(k)
  const C = opts.C
  const bias = opts.bias
  for (let i = 0; i < l; i++) {
    const r = rows[i]!
    let s = bias * bias
    for (let p = indptr[r]!; p < indptr[r + 1]!; p++) s += values[p]! * values[p]!
    qd[i] = s
    for (let m = 0; m < k; m++) {
      alphaIndex[i * k + m] = m
      const a = alpha[i * k + m]!
      if (a !== 0) {
        for (let p = indptr[r]!; p < indptr[r + 1]!; p++) w[indices[p]! * k + m]! += a * values[p]!
        w[biasCol * k + m]! += a * bias
      }
    }
    activeSizeI[i] = k
    yIndex[i] = y[r]!
    index[i] = i
  }
  const rand = seededRandom(opts.seed)
  let activeSize = l
  let epsShrink = Math.max(10 * opts.eps, 1)
  let startFromAll = true
  const shrinkable = (m: number, yi: number, a: number, minG: number) => a === (m === yi ? C : 0) && g[m]! < minG
  for (let iter = 0; iter < opts.maxIter; iter++) {
    let stopping = Number.NEGATIVE_INFINITY
    for (let i = 0; i < activeSize; i++) {
      const j = i + Math.floor(rand() * (activeSize - i))
      const t = index[i]!
      index[i] = index[j]!
      index[j] = t
    }
    for (let s = 0; s < activeSize; s++) {
      const i = index[s]!
      const r = rows[i]!
      const ai = qd[i]!
      const base = i * k
      let act = activeSizeI[i]!
      for (let m = 0; m < act; m++) g[m] = 1
      if (yIndex[i]! < act) g[yIndex[i]!] = 0
      const start = indptr[r]!
      const end = indptr[r + 1]!
      if (act * 4 > k) {
        // Many active classes: a contiguous pass over all classes beats the indirect one.
        gFull.fill(0)
        for (let p = start; p < end; p++) {
          const off = indices[p]! * k
          const v = values[p]!
          for (let m = 0; m < k; m++) gFull[m]! += w[off + m]! * v
        }
        const off = biasCol * k
        for (let m = 0; m < act; m++) {
          const cls = alphaIndex[base + m]!
          g[m]! += gFull[cls]! + w[off + cls]! * bias
        }
      } else {
        for (let p = start; p < end; p++) {
          const off = indices[p]! * k
          const v = values[p]!
          for (let m = 0; m < act; m++) g[m]! += w[off + alphaIndex[base + m]!]! * v
        }
        const off = biasCol * k
        for (let m = 0; m < act; m++) g[m]! += w[off + alphaIndex[base + m]!]! * bias
      }
      let minG = Number.POSITIVE_INFINITY
      let maxG = Number.NEGATIVE_INFINITY
      for (let m = 0; m < act; m++) {
        if (alpha[base + alphaIndex[base + m]!]! < 0 && g[m]! < minG) minG = g[m]!
        if (g[m]! > maxG) maxG = g[m]!
      }
      const yi0 = yIndex[i]!
      if (yi0 < act && alpha[base + y[r]!]! < C && g[yi0]! < minG) minG = g[yi0]!
      for (let m = 0; m < act; m++) {
        if (shrinkable(m, yIndex[i]!, alpha[base + alphaIndex[base + m]!]!, minG)) {
          act--
          while (act > m) {
            if (!shrinkable(act, yIndex[i]!, alpha[base + alphaIndex[base + act]!]!, minG)) {
              const ti = alphaIndex[base + m]!
              alphaIndex[base + m] = alphaIndex[base + act]!
              alphaIndex[base + act] = ti
              const tg = g[m]!
              g[m] = g[act]!
              g[act] = tg
              if (yIndex[i] === act) yIndex[i] = m
              else if (yIndex[i] === m) yIndex[i] = act
              break
            }
            act--
          }
        }
      }
      activeSizeI[i] = act
      if (act <= 1) {
        activeSize--
        index[s] = index[activeSize]!
        index[activeSize] = i
        s--
        continue
      }
      if (maxG - minG <= 1e-12) continue
      if (maxG - minG > stopping) stopping = maxG - minG
      for (let m = 0; m < act; m++) bArr[m] = g[m]! - ai * alpha[base + alphaIndex[base + m]!]!
      // Sub-problem: project onto {sum alpha = 0, alpha_m <= C·[m = y]}.
      const yi = yIndex[i]!
      for (let m = 0; m < act; m++) d[m] = bArr[m]!
      if (yi < act) d[yi]! += ai * C
      const sorted = d.subarray(0, act).sort().reverse()
      let beta = sorted[0]! - ai * C
      let rr = 1
      for (; rr < act && beta < rr * sorted[rr]!; rr++) beta += sorted[rr]!
      beta /= rr
      for (let m = 0; m < act; m++) {
        const cap = m === yi ? C : 0
        alphaNew[m] = Math.min(cap, (beta - bArr[m]!) / ai)
      }
      let nz = 0
      for (let m = 0; m < act; m++) {
        const cls = alphaIndex[base + m]!
        const delta = alphaNew[m]! - alpha[base + cls]!
        alpha[base + cls] = alphaNew[m]!
        if (Math.abs(delta) >= 1e-12) {
          dInd[nz] = cls
          dVal[nz] = delta
          nz++
        }
      }
      for (let p = start; p < end; p++) {
        const off = indices[p]! * k
        const v = values[p]!
        for (let q = 0; q < nz; q++) w[off + dInd[q]!]! += dVal[q]! * v
      }
      const off = biasCol * k
      for (let q = 0; q < nz; q++) w[off + dInd[q]!]! += dVal[q]! * bias
    }
    if (stopping < epsShrink) {
      if (stopping < opts.eps && startFromAll) break
      activeSize = l
      activeSizeI.fill(k)
      epsShrink = Math.max(epsShrink / 2, opts.eps)
      startFromAll = true
    } else {
      startFromAll = false
    }
  }
  return { w, alpha }
}
