/**
 * A shop's own words (product names, brands, model numbers, slang) that must
 * stay whole when Chinese text is cut: `云朵系列` must not become `云朵 / 系列`
 * in one message and `云 / 朵系 / 列` in another. A character trie gives the
 * longest match at each position.
 */
export type UserDictionary = {
  readonly size: number
  /** Length (in UTF-16 units) of the longest entry starting at `pos`, or 0. */
  longestAt(text: string, pos: number): number
  add(word: string): void
}

type TrieNode = { next: Map<string, TrieNode>; end: boolean }

/** Builds a user dictionary; words are expected already normalised (see normalizeText). */
export function createUserDictionary(words: Iterable<string> = []): UserDictionary {
  const root: TrieNode = { next: new Map(), end: false }
  let size = 0
  const dictionary: UserDictionary = {
    get size() {
      return size
    },
    add(word: string) {
      const w = word.trim()
      // A one-character entry would only split text that jieba already handles.
      if (w.length < 2) return
      let node = root
      for (const ch of w) {
        let child = node.next.get(ch)
        if (!child) {
          child = { next: new Map(), end: false }
          node.next.set(ch, child)
        }
        node = child
      }
      if (!node.end) size++
      node.end = true
    },
    longestAt(text: string, pos: number): number {
      let node: TrieNode | undefined = root
      let best = 0
      for (let i = pos; i < text.length && node; i++) {
        node = node.next.get(text[i]!)
        if (node?.end) best = i - pos + 1
      }
      return best
    },
  }
  for (const w of words) dictionary.add(w)
  return dictionary
}
