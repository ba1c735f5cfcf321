/**
 * Reciprocal rank fusion: each list contributes 1 / (k + rank) per item.
 * Robust to lists whose scores live on different scales (BM25 vs cosine).
 */
export function reciprocalRankFusion<K>(lists: K[][], k = 60): Map<K, number> {
  const out = new Map<K, number>()
  for (const list of lists) {
    for (let rank = 0; rank < list.length; rank++) {
      const item = list[rank]!
      out.set(item, (out.get(item) ?? 0) + 1 / (k + rank + 1))
    }
  }
  return out
}
