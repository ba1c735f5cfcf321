/**
 * Chinese word segmentation for NLU features. jieba is loaded lazily: English-only traffic and
 * English-only models never pay the ~250 ms dictionary load.
 */
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { MAX_SEGMENT_CHARS } from '../text/segment-chinese.js'

/** Splits a run of Chinese text into words. */
export type Segmenter = (text: string) => string[]

let shared: Jieba | undefined

/**
 * The default segmenter: jieba with its bundled dictionary, plus optional extra words (brands,
 * product names, models from the catalog) so new product names stay one token.
 */
export function createChineseSegmenter(extraWords: readonly string[] = []): Segmenter {
  let jieba: Jieba | undefined
  const words = extraWords.map((w) => w.trim()).filter((w) => w.length > 1 && !/\s/.test(w))
  return (text) => {
    if (!jieba) {
      if (words.length === 0) {
        shared ??= Jieba.withDict(dict)
        jieba = shared
      } else {
        jieba = Jieba.withDict(dict)
        // A high frequency makes jieba keep catalog words whole instead of splitting them.
        jieba.loadDict(new TextEncoder().encode(words.map((w) => `${w} 100000 nz`).join('\n')))
      }
    }
    // Bounded work: NLU reads the start of a message only (MAX_SEGMENT_CHARS, as for retrieval).
    return jieba.cut(text.length > MAX_SEGMENT_CHARS ? text.slice(0, MAX_SEGMENT_CHARS) : text, false)
  }
}
