import { englishTerms } from './english-terms.js'
import { normalizeText } from './normalize-text.js'

/** Groups of phrases that mean the same thing in this shop: `[['包邮', '免运费', 'free shipping']]`. */
export type SynonymGroups = ReadonlyArray<ReadonlyArray<string>>

/**
 * Finds synonym phrases in a text and returns one concept term per matched
 * group (`#3`). Index and queries both get the concept, so 包邮 and 免运费
 * match although they share no character. Chinese phrases match as substrings
 * (spaces ignored); English phrases match as stemmed word sequences, so
 * `ships free` matches a `ship free` entry.
 */
export type SynonymMatcher = {
  readonly groups: number
  /** Concept terms (`#<group>`) found in an already-normalised text. */
  match(normalized: string, english?: string[]): string[]
}

const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/

/** Builds a matcher; later groups sharing a phrase with an earlier one are merged into it. */
export function createSynonymMatcher(groups: SynonymGroups): SynonymMatcher {
  const zh: Array<{ phrase: string; group: number }> = []
  const en: Array<{ seq: string[]; group: number }> = []
  const owner = new Map<string, number>()
  let next = 0
  for (const g of groups) {
    const phrases = g.map((p) => normalizeText(p)).filter((p) => p.length > 0)
    // Reuse the id of a group that already owns one of these phrases (lists from several sources).
    let id = -1
    for (const p of phrases) {
      const o = owner.get(p)
      if (o !== undefined) id = o
    }
    if (id < 0) id = next++
    for (const p of phrases) {
      if (owner.has(p)) continue
      owner.set(p, id)
      if (HAS_CJK.test(p)) zh.push({ phrase: p.replace(/ /g, ''), group: id })
      else {
        const seq = englishTerms(p)
        if (seq.length > 0) en.push({ seq, group: id })
      }
    }
  }
  return {
    groups: next,
    match(normalized: string, english?: string[]): string[] {
      const found = new Set<number>()
      if (zh.length > 0 && HAS_CJK.test(normalized)) {
        const compact = normalized.replace(/ /g, '')
        for (const z of zh) if (!found.has(z.group) && compact.includes(z.phrase)) found.add(z.group)
      }
      if (en.length > 0) {
        const words = english ?? englishTerms(normalized)
        for (const e of en) if (!found.has(e.group) && containsSequence(words, e.seq)) found.add(e.group)
      }
      return [...found].map((g) => `#${g}`)
    },
  }
}

function containsSequence(words: string[], seq: string[]): boolean {
  outer: for (let i = 0; i + seq.length <= words.length; i++) {
    for (let j = 0; j < seq.length; j++) if (words[i + j] !== seq[j]) continue outer
    return true
  }
  return false
}
