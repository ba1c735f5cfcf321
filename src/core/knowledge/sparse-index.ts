/**
 * BM25 over "variants": every phrasing of an entry (an FAQ question and each of
 * its similar questions, a product's names, a fault's symptoms) is its own
 * short document, and an entry scores as its best variant plus a small share
 * of its body (the answer text). Matching a query against the closest phrasing
 * is far more precise for short customer questions than one long document per
 * entry.
 *
 * Next to the BM25 rank it computes a calibrated confidence in [0, 1] from how
 * much of the query (IDF-weighted) the best variant explains and how much of
 * that variant the query covers; that is what the answer / clarify / none
 * decision compares to thresholds, because raw BM25 scores are not comparable
 * between queries.
 */

export type SparseIndexOptions = {
  k1?: number
  b?: number
  /** Share of the body (answer) BM25 added to the entry score. */
  bodyWeight?: number
  /** Weight of the query-coverage side in the variant confidence (the rest is variant coverage). */
  queryCoverageWeight?: number
  /**
   * Share of the confidence that comes from the best single variant; the rest is the
   * entry-level coverage (query terms found in any variant, or at `bodyCoverage` in the answer).
   */
  variantShare?: number
  /** Credit for a query term found only in the answer text, relative to one found in a question. */
  bodyCoverage?: number
  families?: Partial<TermFamilyWeights>
  /** Share of the normalised BM25 (score / best score) added to the confidence when ranking. */
  bm25Share?: number
}

export type SparseEntryInput = {
  /** Term lists, one per phrasing. */
  variants: string[][]
  /** Terms of the body (answer text); low weight. */
  body?: string[]
}

import { bestDocPerEntry, entryCandidate, rankCandidates, type SparseCandidate, topK } from './sparse-scoring.js'

export type { SparseCandidate }

export type SparseIndex = {
  readonly entries: number
  readonly variants: number
  readonly terms: number
  search(queryTerms: string[], limit?: number): SparseCandidate[]
}

/** Weights of the term families (see Tokenizer): words, `~` bigrams, `#` synonym concepts. */
export type TermFamilyWeights = { word: number; bigram: number; concept: number }

/** Words count fully, bigrams back them up, synonym concepts are strong evidence. */
export const DEFAULT_FAMILY_WEIGHTS: TermFamilyWeights = { word: 1, bigram: 0.5, concept: 1.5 }

function familyWeight(term: string, w: TermFamilyWeights): number {
  const c = term.charCodeAt(0)
  if (c === 126 /* ~ */) return w.bigram
  if (c === 35 /* # */) return w.concept
  return w.word
}

type Postings = { docs: number[]; tfs: number[] }

class Space {
  readonly termIds: Map<string, number>
  readonly postings: Postings[] = []
  docLen: number[] = []
  // Frozen form, filled by finalize().
  postDocs: Int32Array[] = []
  postW: Float32Array[] = []
  idf: Float32Array = new Float32Array(0)

  constructor(termIds: Map<string, number>) {
    this.termIds = termIds
  }

  addDoc(terms: string[]): number[] {
    const doc = this.docLen.length
    const tf = new Map<number, number>()
    for (const t of terms) {
      let id = this.termIds.get(t)
      if (id === undefined) {
        id = this.termIds.size
        this.termIds.set(t, id)
      }
      tf.set(id, (tf.get(id) ?? 0) + 1)
    }
    for (const [id, n] of tf) {
      let p = this.postings[id]
      if (!p) {
        p = { docs: [], tfs: [] }
        this.postings[id] = p
      }
      p.docs.push(doc)
      p.tfs.push(n)
    }
    this.docLen.push(terms.length)
    return [...tf.keys()]
  }

  finalize(termCount: number, k1: number, b: number): void {
    const n = this.docLen.length
    const avg = n === 0 ? 1 : this.docLen.reduce((a, x) => a + x, 0) / n || 1
    this.idf = new Float32Array(termCount)
    this.postDocs = new Array(termCount)
    this.postW = new Array(termCount)
    for (let id = 0; id < termCount; id++) {
      const p = this.postings[id]
      const df = p?.docs.length ?? 0
      this.idf[id] = Math.log(1 + (n - df + 0.5) / (df + 0.5))
      if (!p) {
        this.postDocs[id] = new Int32Array(0)
        this.postW[id] = new Float32Array(0)
        continue
      }
      const docs = Int32Array.from(p.docs)
      const w = new Float32Array(docs.length)
      for (let i = 0; i < docs.length; i++) {
        const tf = p.tfs[i]!
        const dl = this.docLen[docs[i]!]!
        w[i] = (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * dl) / avg))
      }
      this.postDocs[id] = docs
      this.postW[id] = w
    }
    this.postings.length = 0
  }
}

/** Builder: add entries in order (entry numbers are 0, 1, 2 …), then build(). */
export type SparseIndexBuilder = {
  add(input: SparseEntryInput): number
  build(): SparseIndex
}

/** Creates a builder for one sparse index. */
export function createSparseIndexBuilder(options: SparseIndexOptions = {}): SparseIndexBuilder {
  const k1 = options.k1 ?? 1.2
  const b = options.b ?? 0.5
  const bodyWeight = options.bodyWeight ?? 0.15
  const alpha = options.queryCoverageWeight ?? 0.75
  const gamma = options.variantShare ?? 0.5
  const beta = options.bodyCoverage ?? 0.5
  const weights: TermFamilyWeights = { ...DEFAULT_FAMILY_WEIGHTS, ...options.families }
  const delta = options.bm25Share ?? 0
  const termIds = new Map<string, number>()
  const variants = new Space(termIds)
  const docEntry: number[] = []
  const docTermsFlat: number[] = []
  const docTermsStart: number[] = [0]
  const entryDocStart: number[] = []
  // Per entry: unique body term ids and their BM25 tf parts, scored only for the candidate pool.
  const bodyTermsFlat: number[] = []
  const bodyTfFlat: number[] = []
  const bodyStart: number[] = [0]
  const bodyLen: number[] = []
  let entryCount = 0

  return {
    add(input: SparseEntryInput): number {
      const entry = entryCount++
      entryDocStart.push(docEntry.length)
      for (const v of input.variants) {
        const unique = variants.addDoc(v)
        docEntry.push(entry)
        docTermsFlat.push(...unique)
        docTermsStart.push(docTermsFlat.length)
      }
      const tf = new Map<number, number>()
      for (const t of input.body ?? []) {
        let id = termIds.get(t)
        if (id === undefined) {
          id = termIds.size
          termIds.set(t, id)
        }
        tf.set(id, (tf.get(id) ?? 0) + 1)
      }
      for (const [id, n] of tf) {
        bodyTermsFlat.push(id)
        bodyTfFlat.push(n)
      }
      bodyStart.push(bodyTermsFlat.length)
      bodyLen.push(input.body?.length ?? 0)
      return entry
    },
    build(): SparseIndex {
      const termCount = termIds.size
      variants.finalize(termCount, k1, b)
      // Body BM25: document frequencies over entries, tf parts precomputed per (entry, term).
      const bodyDf = new Int32Array(termCount)
      for (const id of bodyTermsFlat) bodyDf[id] = bodyDf[id]! + 1
      const bodyIdf = new Float32Array(termCount)
      for (let id = 0; id < termCount; id++) {
        bodyIdf[id] = Math.log(1 + (entryCount - bodyDf[id]! + 0.5) / (bodyDf[id]! + 0.5))
      }
      const avgBody = bodyLen.length === 0 ? 1 : bodyLen.reduce((a, x) => a + x, 0) / bodyLen.length || 1
      const bodyTerms = Int32Array.from(bodyTermsFlat)
      const bodyW = new Float32Array(bodyTfFlat.length)
      for (let e = 0; e < entryCount; e++) {
        for (let i = bodyStart[e]!; i < bodyStart[e + 1]!; i++) {
          const tf = bodyTfFlat[i]!
          bodyW[i] = (bodyIdf[bodyTerms[i]!]! * (tf * (k1 + 1))) / (tf + k1 * (1 - b + (b * bodyLen[e]!) / avgBody))
        }
      }
      const bodyStartArr = Int32Array.from(bodyStart)
      const nDocs = docEntry.length
      const family = new Float32Array(termCount)
      for (const [t, id] of termIds) family[id] = familyWeight(t, weights)
      const docEntryArr = Int32Array.from(docEntry)
      const docTerms = Int32Array.from(docTermsFlat)
      const docStart = Int32Array.from(docTermsStart)
      const entryStart = Int32Array.from([...entryDocStart, nDocs])
      // IDF-weighted mass of each variant, the denominator of variant coverage.
      const docMass = new Float32Array(nDocs)
      for (let d = 0; d < nDocs; d++) {
        let m = 0
        for (let i = docStart[d]!; i < docStart[d + 1]!; i++) m += variants.idf[docTerms[i]!]! * family[docTerms[i]!]!
        docMass[d] = m
      }
      const unknownIdf = Math.log(1 + (nDocs + 0.5) / 0.5)
      const docScore = new Float64Array(nDocs)
      const entryScore = new Float64Array(entryCount)
      const entryBest = new Int32Array(entryCount).fill(-1)
      const qMark = new Uint8Array(termCount)
      // Per-entry "already counted" stamps; a new stamp per entry avoids clearing the array.
      const counted = new Uint32Array(termCount)
      let stamp = 0

      return {
        entries: entryCount,
        variants: nDocs,
        terms: termCount,
        search(queryTerms: string[], limit = 10): SparseCandidate[] {
          const qIds: number[] = []
          const seen = new Set<string>()
          let qMass = 0
          for (const t of queryTerms) {
            if (seen.has(t)) continue
            seen.add(t)
            const id = termIds.get(t)
            if (id === undefined) {
              qMass += unknownIdf * familyWeight(t, weights)
              continue
            }
            qIds.push(id)
            qMass += variants.idf[id]! * family[id]!
          }
          if (qIds.length === 0 || qMass === 0) return []
          const touchedDocs: number[] = []
          const touchedEntries: number[] = []
          for (const id of qIds) {
            const w = variants.idf[id]! * family[id]!
            const docs = variants.postDocs[id]!
            const ws = variants.postW[id]!
            for (let i = 0; i < docs.length; i++) {
              const d = docs[i]!
              if (docScore[d] === 0) touchedDocs.push(d)
              docScore[d] = docScore[d]! + w * ws[i]!
            }
          }
          bestDocPerEntry(touchedDocs, docEntryArr, docScore, entryBest, entryScore, touchedEntries)
          // Top by BM25, then confidence on a generous pool so a lower-BM25 but better-covered entry can win.
          const pool = Math.max(limit * 3, 30)
          const top = topK(touchedEntries, (e) => entryScore[e]!, pool)
          for (const id of qIds) qMark[id] = 1
          const out: SparseCandidate[] = []
          for (const e of top) {
            let bestConf = 0
            let bestVar = 0
            let bestCov = 0
            stamp++
            let entryMatched = 0
            for (let d = entryStart[e]!; d < entryStart[e + 1]!; d++) {
              let matched = 0
              for (let i = docStart[d]!; i < docStart[d + 1]!; i++) {
                const t = docTerms[i]!
                if (!qMark[t]) continue
                const w = variants.idf[t]! * family[t]!
                matched += w
                if (counted[t] !== stamp) {
                  counted[t] = stamp
                  entryMatched += w
                }
              }
              if (matched === 0) continue
              const covQ = matched / qMass
              const covD = docMass[d]! > 0 ? matched / docMass[d]! : 0
              const conf = covQ ** alpha * covD ** (1 - alpha)
              if (conf > bestConf) {
                bestConf = conf
                bestVar = d - entryStart[e]!
                bestCov = covQ
              }
            }
            let body = 0
            let bodyOnly = 0
            for (let i = bodyStartArr[e]!; i < bodyStartArr[e + 1]!; i++) {
              const t = bodyTerms[i]!
              if (!qMark[t]) continue
              body += bodyW[i]! * family[t]!
              if (counted[t] !== stamp) bodyOnly += variants.idf[t]! * family[t]!
            }
            out.push(
              entryCandidate(
                e,
                { bm25: entryScore[e]!, body, bestConf, bestVar, bestCov, entryMatched, bodyOnly, qMass },
                { beta, gamma, bodyWeight },
              ),
            )
          }
          for (const id of qIds) qMark[id] = 0
          for (const d of touchedDocs) docScore[d] = 0
          for (const e of touchedEntries) {
            entryBest[e] = -1
            entryScore[e] = 0
          }
          return rankCandidates(out, delta, limit)
        },
      }
    },
  }
}
