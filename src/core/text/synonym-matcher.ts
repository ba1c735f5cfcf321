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
  // Phrases indexed by their first character / first word, so a match costs one lookup per
  // position of the text instead of a scan of every phrase (this runs for every text indexed).
  // `rank` keeps the output in the order of a scan of the phrase lists.
  const zhByFirst = new Map<string, number[]>()
  zh.forEach((z, i) => {
    const first = z.phrase[0]!
    const list = zhByFirst.get(first)
    if (list) list.push(i)
    else zhByFirst.set(first, [i])
  })
  const enByFirst = new Map<string, number[]>()
  en.forEach((e, i) => {
    const first = e.seq[0]!
    const list = enByFirst.get(first)
    if (list) list.push(i)
    else enByFirst.set(first, [i])
  })
  return {
    groups: next,
    match(normalized: string, english?: string[]): string[] {
      const rank = new Map<number, number>()
      const hit = (group: number, r: number) => {
        const had = rank.get(group)
        if (had === undefined || r < had) rank.set(group, r)
      }
      if (zh.length > 0 && HAS_CJK.test(normalized)) {
        const compact = normalized.replace(/ /g, '')
        for (let at = 0; at < compact.length; at++) {
          const list = zhByFirst.get(compact[at]!)
          if (!list) continue
          for (const i of list) if (compact.startsWith(zh[i]!.phrase, at)) hit(zh[i]!.group, i)
        }
      }
      if (en.length > 0) {
        const words = english ?? englishTerms(normalized)
        for (let at = 0; at < words.length; at++) {
          const list = enByFirst.get(words[at]!)
          if (!list) continue
          for (const i of list) {
            const seq = en[i]!.seq
            let ok = at + seq.length <= words.length
            for (let j = 1; ok && j < seq.length; j++) if (words[at + j] !== seq[j]) ok = false
            if (ok) hit(en[i]!.group, zh.length + i)
          }
        }
      }
      return [...rank].sort((a, b) => a[1] - b[1]).map(([g]) => `#${g}`)
    },
  }
}
