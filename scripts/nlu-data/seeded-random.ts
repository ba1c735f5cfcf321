/** Deterministic PRNG (mulberry32) so regenerating the data gives byte-identical files. */
export type Random = {
  next(): number
  int(maxExclusive: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

/** Creates a seeded random source; the same seed always yields the same sequence. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive)
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from empty list')
      return items[int(items.length)] as T
    },
    chance: (p: number): boolean => next() < p,
  }
}

/** Stable 32-bit hash of a string, used to derive per-intent seeds. */
export function hashString(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}
