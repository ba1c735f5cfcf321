import { englishTerms } from './english-terms.js'
import { normalizeText } from './normalize-text.js'
import { segmentChinese } from './segment-chinese.js'
import { ZH_PARTICLES, ZH_STOP_WORDS } from './stop-words.js'
import type { SynonymMatcher } from './synonym-matcher.js'
import { createUserDictionary, type UserDictionary } from './user-dictionary.js'

/**
 * Retrieval terms of one text, in three families told apart by their first
 * character so an index can weight them differently:
 * - words: jieba words for Chinese, stemmed words for English (`包邮`, `charg`)
 * - `~xy`: Chinese character bigrams, robust to segmentation differences
 * - `#n`: synonym concepts (see SynonymMatcher)
 */
export type Tokenizer = {
  terms(text: string): string[]
  /** Words only (no bigrams, no concepts), stop words dropped: for NLU features and clustering. */
  words(text: string): string[]
  readonly userDictionary: UserDictionary
}

export type TokenizerOptions = {
  /** Shop vocabulary kept whole when cutting Chinese: product titles, brands, models. */
  userWords?: Iterable<string>
  synonyms?: SynonymMatcher
}

const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9'’`]+/g
const IS_CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/

/**
 * Creates a tokenizer for one shop.
 *
 * @example
 * const t = createTokenizer({ userWords: ['云朵系列'] })
 * t.terms('云朵系列羽绒服包邮吗') // ['云朵系列', '羽绒服', '包邮', '~云朵', '~朵系', …]
 */
export function createTokenizer(options: TokenizerOptions = {}): Tokenizer {
  const userDictionary = createUserDictionary([...(options.userWords ?? [])].map((w) => normalizeText(w)))

  function cutChinese(run: string): string[] {
    if (userDictionary.size === 0) return segmentChinese(run)
    const out: string[] = []
    let pending = ''
    for (let i = 0; i < run.length; ) {
      const len = userDictionary.longestAt(run, i)
      if (len > 0) {
        if (pending) out.push(...segmentChinese(pending))
        pending = ''
        out.push(run.slice(i, i + len))
        i += len
      } else {
        pending += run[i]
        i++
      }
    }
    if (pending) out.push(...segmentChinese(pending))
    return out
  }

  function scan(text: string, withBigrams: boolean): { norm: string; out: string[]; english: string[] } {
    const norm = normalizeText(text)
    const out: string[] = []
    const english: string[] = []
    for (const m of norm.matchAll(RUN)) {
      const run = m[0]
      if (IS_CJK.test(run)) {
        // Bigrams inside each word make 开发票 meet 发票; a bigram across a word boundary is added
        // only next to a one-character word, where HMM splits disagree (盒充/不/进电 vs 充不进/电).
        // Bigrams across two whole words (问尺 from 请问尺码) are noise, and stop words break runs.
        let prev = ''
        for (const w of cutChinese(run)) {
          if (ZH_STOP_WORDS.has(w) || (w.length === 1 && ZH_PARTICLES.has(w))) {
            prev = ''
            continue
          }
          out.push(w)
          if (withBigrams) {
            for (let i = 0; i + 1 < w.length; i++) out.push(`~${w[i]}${w[i + 1]}`)
            if (prev && (prev.length === 1 || w.length === 1)) out.push(`~${prev[prev.length - 1]}${w[0]}`)
          }
          prev = w
        }
      } else {
        const en = englishTerms(run)
        english.push(...en)
        out.push(...en)
      }
    }
    return { norm, out, english }
  }

  return {
    userDictionary,
    terms(text: string): string[] {
      const { norm, out, english } = scan(text, true)
      if (options.synonyms) out.push(...options.synonyms.match(norm, english))
      return out
    },
    words(text: string): string[] {
      return scan(text, false).out
    },
  }
}
