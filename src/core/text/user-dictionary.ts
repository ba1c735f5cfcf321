/**
 * A shop's own words (product names, brands, model numbers, slang) that must
 * stay whole when Chinese text is cut: `云朵系列` must not become `云朵 / 系列`
 * in one message and `云 / 朵系 / 列` in another. `longestAt` gives the longest
 * entry starting at a position.
 *
 * Compact for 100,000-product catalogs (~200,000 names): the words sit in one hash set, and
 * per first character the distinct lengths of its words, longest first, so a position costs one
 * lookup per length (a character trie held one Map per character: 54 MB and 1.4 s for 200,000
 * names, against ~10 MB here).
 */
import { ShardedSet } from './sharded-map.js'

export type UserDictionary = {
  readonly size: number
  /** Length (in UTF-16 units) of the longest entry starting at `pos`, or 0. */
  longestAt(text: string, pos: number): number
  add(word: string): void
}

/** A word with a character outside the Basic Multilingual Plane is kept but, as before, never matched. */
const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/

/** Builds a user dictionary; words are expected already normalised (see normalizeText). */
export function createUserDictionary(words: Iterable<string> = []): UserDictionary {
  // Sharded: one Set of 260,000+ names blocked the thread ~100 ms each time it grew.
  const entries = new ShardedSet()
  let size = 0
  const lengthsByFirst = new Map<string, number[]>()
  const dictionary: UserDictionary = {
    get size() {
      return size
    },
    add(word: string) {
      const w = word.trim()
      // A one-character entry would only split text that jieba already handles.
      if (w.length < 2) return
      if (ASTRAL.test(w)) {
        if (!entries.has(w)) {
          entries.add(w)
          size++
        }
        return
      }
      if (entries.has(w)) return
      entries.add(w)
      size++
      const first = w[0]!
      const lengths = lengthsByFirst.get(first)
      if (!lengths) lengthsByFirst.set(first, [w.length])
      else if (!lengths.includes(w.length)) {
        lengths.push(w.length)
        lengths.sort((a, b) => b - a)
      }
    },
    longestAt(text: string, pos: number): number {
      const lengths = lengthsByFirst.get(text[pos] ?? '')
      if (!lengths) return 0
      for (const len of lengths) {
        if (pos + len > text.length) continue
        const candidate = text.slice(pos, pos + len)
        if (entries.has(candidate) && !ASTRAL.test(candidate)) return len
      }
      return 0
    },
  }
  for (const w of words) dictionary.add(w)
  return dictionary
}
