/**
 * The sparse index of sparse-index.ts (BM25 over variants + the calibrated confidence, same
 * formulas, same options) in a form that changes in place: `add` appends an entry, `remove`
 * drops one, and statistics (document frequencies, average lengths, IDF) are live, read at
 * query time. Used for the product catalog, where one product, price or stock change must not
 * rebuild 100,000 products. Postings are typed arrays (doc ids + term frequencies) over interned
 * term ids; removed documents are skipped and compacted out of a term's postings once they are
 * half of it, as part of the search that reads them. The terms of each variant and each entry's
 * body terms sit in shared, append-only pools of Int32Array chunks (a range per variant / entry)
 * rather than one small array each: 100,000 products have ~300,000 variants.
 */

import { ShardedMap } from '../text/sharded-map.js'
import { Int32Chunks } from './int32-chunks.js'
import type {
  SparseCandidate,
  SparseEntryInput,
  SparseIndex,
  SparseIndexOptions,
  TermFamilyWeights,
} from './sparse-index.js'
import { DEFAULT_FAMILY_WEIGHTS } from './sparse-index.js'
import { bestDocPerEntry, entryCandidate, rankCandidates, topK } from './sparse-scoring.js'

/** A SparseIndex that can add and remove entries; entry numbers are never reused. */
export type MutableSparseIndex = SparseIndex & {
  add(input: SparseEntryInput): number
  remove(entry: number): boolean
  /** Live entries. */
  readonly size: number
  /** Bytes held by postings and per-document arrays (an estimate, for stats). */
  bytes(): number
}

// Plain arrays of small integers, not typed arrays: a catalog has ~500,000 terms, most with one
// or two postings, and a typed array costs ~100 bytes and a slow allocation each.
type Postings = { docs: number[]; tfs: number[]; dead: number }

const grow = <T extends Int32Array | Float64Array | Uint8Array | Float32Array>(
  a: T,
  need: number,
  make: (n: number) => T,
): T => {
  if (need <= a.length) return a
  const out = make(Math.max(need, a.length * 2, 16))
  out.set(a)
  return out
}

/** Creates an empty mutable sparse index. */
export function createMutableSparseIndex(options: SparseIndexOptions = {}): MutableSparseIndex {
  const k1 = options.k1 ?? 1.2
  const b = options.b ?? 0.5
  const bodyWeight = options.bodyWeight ?? 0.15
  const alpha = options.queryCoverageWeight ?? 0.75
  const gamma = options.variantShare ?? 0.5
  const beta = options.bodyCoverage ?? 0.5
  const weights: TermFamilyWeights = { ...DEFAULT_FAMILY_WEIGHTS, ...options.families }
  const delta = options.bm25Share ?? 0

  // Sharded: a catalog's vocabulary can pass a million terms, and one Map that size blocks the thread when it grows.
  const termIds = new ShardedMap<number>()
  let family = new Float32Array(0)
  let df = new Int32Array(0)
  let bodyDf = new Int32Array(0)
  const postings: Postings[] = []
  /** Postings held (dead ones included until compacted), so bytes() need not walk every term. */
  let postingCount = 0

  let docEntry = new Int32Array(0)
  let docAlive = new Uint8Array(0)
  let docLen = new Int32Array(0)
  // Variant d's distinct terms: docTermPool positions docTermFrom[d] … docTermTo[d] - 1.
  const docTermPool = new Int32Chunks()
  let docTermFrom = new Int32Array(0)
  let docTermTo = new Int32Array(0)
  let nDocsTotal = 0
  let liveDocs = 0
  let liveDocLen = 0

  const entryDocs: Array<[number, number]> = []
  // Entry e's body terms and their frequencies: bodyTermPool / bodyTfPool positions bodyFrom[e] … bodyTo[e] - 1.
  const bodyTermPool = new Int32Chunks()
  const bodyTfPool = new Int32Chunks()
  let bodyFrom = new Int32Array(0)
  let bodyTo = new Int32Array(0)
  let entryAlive = new Uint8Array(0)
  let bodyLen = new Int32Array(0)
  let liveEntries = 0
  let liveBodyLen = 0

  // Query scratch, grown with the index.
  let docScore = new Float64Array(0)
  let entryScore = new Float64Array(0)
  let entryBest = new Int32Array(0)
  let qMark = new Uint8Array(0)
  let counted = new Int32Array(0)
  let stamp = 0

  function termId(t: string): number {
    let id = termIds.get(t)
    if (id !== undefined) return id
    id = termIds.size
    termIds.set(t, id)
    family = grow(family, id + 1, (n) => new Float32Array(n))
    df = grow(df, id + 1, (n) => new Int32Array(n))
    bodyDf = grow(bodyDf, id + 1, (n) => new Int32Array(n))
    qMark = grow(qMark, id + 1, (n) => new Uint8Array(n))
    counted = grow(counted, id + 1, (n) => new Int32Array(n))
    family[id] = familyWeight(t, weights)
    postings[id] = { docs: [], tfs: [], dead: 0 }
    return id
  }

  function addPosting(id: number, doc: number, tf: number): void {
    const p = postings[id]!
    p.docs.push(doc)
    p.tfs.push(tf)
    postingCount++
  }

  function compact(p: Postings): void {
    let w = 0
    for (let i = 0; i < p.docs.length; i++) {
      if (!docAlive[p.docs[i]!]) continue
      p.docs[w] = p.docs[i]!
      p.tfs[w] = p.tfs[i]!
      w++
    }
    postingCount -= p.docs.length - w
    p.docs.length = w
    p.tfs.length = w
    p.dead = 0
  }

  const idf = (id: number) => Math.log(1 + (liveDocs - df[id]! + 0.5) / (df[id]! + 0.5))

  return {
    get entries() {
      return entryDocs.length
    },
    get variants() {
      return liveDocs
    },
    get terms() {
      return termIds.size
    },
    get size() {
      return liveEntries
    },
    bytes() {
      // 4 bytes per small integer in an array, plus the arrays' headers. Kept as a count: /readyz
      // asks on every probe, and walking 100,000+ terms' postings took 15–80 ms each time.
      let n = 8 * postingCount + 64 * postings.length
      n += docTermPool.bytes() + bodyTermPool.bytes() + bodyTfPool.bytes()
      n += docTermFrom.byteLength + docTermTo.byteLength + bodyFrom.byteLength + bodyTo.byteLength
      return n + docEntry.byteLength * 3
    },
    add(input: SparseEntryInput): number {
      const entry = entryDocs.length
      entryAlive = grow(entryAlive, entry + 1, (n) => new Uint8Array(n))
      bodyLen = grow(bodyLen, entry + 1, (n) => new Int32Array(n))
      entryScore = grow(entryScore, entry + 1, (n) => new Float64Array(n))
      entryBest = grow(entryBest, entry + 1, (n) => new Int32Array(n).fill(-1))
      const first = nDocsTotal
      for (const v of input.variants) {
        const doc = nDocsTotal++
        docEntry = grow(docEntry, doc + 1, (n) => new Int32Array(n))
        docAlive = grow(docAlive, doc + 1, (n) => new Uint8Array(n))
        docLen = grow(docLen, doc + 1, (n) => new Int32Array(n))
        docScore = grow(docScore, doc + 1, (n) => new Float64Array(n))
        const tf = new Map<number, number>()
        for (const t of v) {
          const id = termId(t)
          tf.set(id, (tf.get(id) ?? 0) + 1)
        }
        for (const [id, n] of tf) {
          addPosting(id, doc, n)
          df[id] = df[id]! + 1
        }
        docTermFrom = grow(docTermFrom, doc + 1, (n) => new Int32Array(n))
        docTermTo = grow(docTermTo, doc + 1, (n) => new Int32Array(n))
        docTermFrom[doc] = docTermPool.length
        for (const id of tf.keys()) docTermPool.push(id)
        docTermTo[doc] = docTermPool.length
        docEntry[doc] = entry
        docAlive[doc] = 1
        docLen[doc] = v.length
        liveDocs++
        liveDocLen += v.length
      }
      entryDocs.push([first, nDocsTotal])
      const btf = new Map<number, number>()
      for (const t of input.body ?? []) {
        const id = termId(t)
        btf.set(id, (btf.get(id) ?? 0) + 1)
      }
      bodyFrom = grow(bodyFrom, entry + 1, (n) => new Int32Array(n))
      bodyTo = grow(bodyTo, entry + 1, (n) => new Int32Array(n))
      bodyFrom[entry] = bodyTermPool.length
      for (const [id, n] of btf) {
        bodyTermPool.push(id)
        bodyTfPool.push(n)
        bodyDf[id] = bodyDf[id]! + 1
      }
      bodyTo[entry] = bodyTermPool.length
      bodyLen[entry] = input.body?.length ?? 0
      liveBodyLen += bodyLen[entry]!
      entryAlive[entry] = 1
      liveEntries++
      return entry
    },
    remove(entry: number): boolean {
      if (!entryAlive[entry]) return false
      entryAlive[entry] = 0
      liveEntries--
      const [from, to] = entryDocs[entry]!
      for (let d = from; d < to; d++) {
        docAlive[d] = 0
        liveDocs--
        liveDocLen -= docLen[d]!
        for (let i = docTermFrom[d]!; i < docTermTo[d]!; i++) {
          const id = docTermPool.get(i)
          df[id] = df[id]! - 1
          postings[id]!.dead++
        }
        docTermTo[d] = docTermFrom[d]!
      }
      for (let i = bodyFrom[entry]!; i < bodyTo[entry]!; i++) {
        const id = bodyTermPool.get(i)
        bodyDf[id] = bodyDf[id]! - 1
      }
      liveBodyLen -= bodyLen[entry]!
      bodyTo[entry] = bodyFrom[entry]!
      return true
    },
    search(queryTerms: string[], limit = 10): SparseCandidate[] {
      if (liveDocs === 0) return []
      const avg = liveDocLen / liveDocs || 1
      const avgBody = liveEntries === 0 ? 1 : liveBodyLen / liveEntries || 1
      const unknownIdf = Math.log(1 + (liveDocs + 0.5) / 0.5)
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
        qMass += idf(id) * family[id]!
      }
      if (qIds.length === 0 || qMass === 0) return []
      const touchedDocs: number[] = []
      const touchedEntries: number[] = []
      for (const id of qIds) {
        const p = postings[id]!
        if (p.dead > 32 && p.dead * 2 > p.docs.length) compact(p)
        const w = idf(id) * family[id]!
        for (let i = 0; i < p.docs.length; i++) {
          const d = p.docs[i]!
          if (!docAlive[d]) continue
          const tf = p.tfs[i]!
          const bm = (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * docLen[d]!) / avg))
          if (docScore[d] === 0) touchedDocs.push(d)
          docScore[d] = docScore[d]! + w * bm
        }
      }
      bestDocPerEntry(touchedDocs, docEntry, docScore, entryBest, entryScore, touchedEntries)
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
        const [from, to] = entryDocs[e]!
        for (let d = from; d < to; d++) {
          let matched = 0
          let mass = 0
          for (let i = docTermFrom[d]!; i < docTermTo[d]!; i++) {
            const t = docTermPool.get(i)
            const w = idf(t) * family[t]!
            mass += w
            if (!qMark[t]) continue
            matched += w
            if (counted[t] !== stamp) {
              counted[t] = stamp
              entryMatched += w
            }
          }
          if (matched === 0) continue
          const covQ = matched / qMass
          const covD = mass > 0 ? matched / mass : 0
          const conf = covQ ** alpha * covD ** (1 - alpha)
          if (conf > bestConf) {
            bestConf = conf
            bestVar = d - from
            bestCov = covQ
          }
        }
        let body = 0
        let bodyOnly = 0
        for (let i = bodyFrom[e]!; i < bodyTo[e]!; i++) {
          const t = bodyTermPool.get(i)
          if (!qMark[t]) continue
          const tf = bodyTfPool.get(i)
          const bIdf = Math.log(1 + (liveEntries - bodyDf[t]! + 0.5) / (bodyDf[t]! + 0.5))
          body += ((bIdf * (tf * (k1 + 1))) / (tf + k1 * (1 - b + (b * bodyLen[e]!) / avgBody))) * family[t]!
          if (counted[t] !== stamp) bodyOnly += idf(t) * family[t]!
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
}

function familyWeight(term: string, w: TermFamilyWeights): number {
  const c = term.charCodeAt(0)
  if (c === 126 /* ~ */) return w.bigram
  if (c === 35 /* # */) return w.concept
  return w.word
}
