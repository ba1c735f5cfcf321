/**
 * The scoring steps the two sparse indexes share (the immutable `sparse-index.ts` built in one go and
 * the `mutable-sparse-index.ts` updated in place): keeping each entry's best variant, picking the top
 * entries without a full sort, turning variant and entry coverage into one confidence, and the final
 * ranking. The postings walks differ (packed arrays vs per-document lists) and stay in each index.
 */
export type SparseCandidate = {
  entry: number
  /** BM25 of the best variant + bodyWeight × body BM25. */
  bm25: number
  /** Calibrated match quality in [0, 1]. */
  confidence: number
  /** Index (within the entry) of the variant that gave the confidence. */
  variant: number
  /** Share of the query's IDF mass found in that variant. */
  queryCoverage: number
}

/** Indices of the k best items by score, best first, without sorting everything. */
export function topK(items: number[], score: (i: number) => number, k: number): number[] {
  if (items.length <= k) return [...items].sort((a, b) => score(b) - score(a))
  const heap: Array<[number, number]> = []
  for (const it of items) {
    const s = score(it)
    if (heap.length < k) {
      heap.push([s, it])
      if (heap.length === k) heap.sort((a, b) => a[0] - b[0])
    } else if (s > heap[0]![0]) {
      // Insert keeping ascending order; k is small (≤ 60), so a linear insert beats a binary heap here.
      heap.shift()
      let i = 0
      while (i < heap.length && heap[i]![0] < s) i++
      heap.splice(i, 0, [s, it])
    }
  }
  return heap.reverse().map((h) => h[1])
}

/**
 * Keeps, per entry, its best-scoring document (variant): fills `entryBest`/`entryScore` for the
 * entries of `touchedDocs` and lists them in `touchedEntries` (scratch arrays reset by the caller).
 */
export function bestDocPerEntry(
  touchedDocs: readonly number[],
  entryOf: ArrayLike<number>,
  docScore: ArrayLike<number>,
  entryBest: { [i: number]: number },
  entryScore: { [i: number]: number },
  touchedEntries: number[],
): void {
  for (const d of touchedDocs) {
    const e = entryOf[d]!
    if (entryBest[e] === -1) {
      touchedEntries.push(e)
      entryBest[e] = d
      entryScore[e] = docScore[d]!
    } else if (docScore[d]! > entryScore[e]!) {
      entryBest[e] = d
      entryScore[e] = docScore[d]!
    }
  }
}

/** One candidate: the best variant's confidence blended with the coverage of the whole entry (body included). */
export function entryCandidate(
  entry: number,
  s: {
    bm25: number
    body: number
    bestConf: number
    bestVar: number
    bestCov: number
    entryMatched: number
    bodyOnly: number
    qMass: number
  },
  p: { beta: number; gamma: number; bodyWeight: number },
): SparseCandidate {
  const entryCoverage = Math.min(1, (s.entryMatched + p.beta * s.bodyOnly) / s.qMass)
  return {
    entry,
    bm25: s.bm25 + p.bodyWeight * s.body,
    confidence: p.gamma * s.bestConf + (1 - p.gamma) * entryCoverage,
    variant: s.bestVar,
    queryCoverage: s.bestCov,
  }
}

/** Best first: by confidence (with `delta` × normalised BM25 when set), then BM25; the first `limit`. */
export function rankCandidates(out: SparseCandidate[], delta: number, limit: number): SparseCandidate[] {
  if (delta > 0 && out.length > 0) {
    const maxBm25 = Math.max(...out.map((o) => o.bm25)) || 1
    const rank = (o: SparseCandidate) => o.confidence + (delta * o.bm25) / maxBm25
    out.sort((x, y) => rank(y) - rank(x))
  } else out.sort((x, y) => y.confidence - x.confidence || y.bm25 - x.bm25)
  return out.slice(0, limit)
}
