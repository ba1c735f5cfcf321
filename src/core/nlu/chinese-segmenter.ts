/**
 * Chinese word segmentation for NLU features. jieba is loaded lazily: English-only traffic and
 * English-only models never pay the ~250 ms dictionary load.
 */
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { loadDefaultDictionary, MAX_SEGMENT_CHARS } from '../text/segment-chinese.js'

/** Splits a run of Chinese text into words. */
export type Segmenter = (text: string) => string[]

/** A segmenter whose user dictionary grows in place (catalog names added product by product). */
export type GrowingSegmenter = Segmenter & {
  /** Adds words to keep whole; a word already there is a no-op. Cost grows with the words given only. */
  addWords(words: readonly string[]): void
}

/** Catalog words jieba can hold: two characters or more, no whitespace. */
function dictionaryWords(words: readonly string[]): string[] {
  return words.map((w) => w.trim()).filter((w) => w.length > 1 && !/\s/.test(w))
}

/** A high frequency makes jieba keep catalog words whole instead of splitting them. */
function dictionaryLines(words: readonly string[]): Uint8Array {
  return new TextEncoder().encode(words.map((w) => `${w} 100000 nz`).join('\n'))
}

/**
 * Loads jieba's default dictionary piece by piece, yielding between pieces, so the ~0.3–0.6 s a
 * whole load takes never blocks the thread serving customers, and returns a segmenter that cuts
 * exactly as `createChineseSegmenter` with the same words does (jieba's own loader reads the
 * same lines one after the other). Catalog words are then added with `addWords`, page by page.
 * @example
 * const segment = await loadChineseSegmenter({ pause: () => new Promise((r) => setImmediate(r)) })
 * segment.addWords(['星耀X9'])
 */
export async function loadChineseSegmenter(
  opts: { pause?: () => Promise<void>; sliceMs?: number } = {},
): Promise<GrowingSegmenter> {
  const jieba = new Jieba()
  await loadDefaultDictionary(jieba, opts)
  const segment = (text: string) =>
    jieba.cut(text.length > MAX_SEGMENT_CHARS ? text.slice(0, MAX_SEGMENT_CHARS) : text, false)
  return Object.assign(segment, {
    addWords(words: readonly string[]) {
      const kept = dictionaryWords(words)
      if (kept.length > 0) jieba.loadDict(dictionaryLines(kept))
    },
  })
}

let shared: Jieba | undefined

/**
 * The default segmenter: jieba with its bundled dictionary, plus optional extra words (brands,
 * product names, models from the catalog) so new product names stay one token.
 */
export function createChineseSegmenter(extraWords: readonly string[] = []): Segmenter {
  let jieba: Jieba | undefined
  const words = dictionaryWords(extraWords)
  return (text) => {
    if (!jieba) {
      if (words.length === 0) {
        shared ??= Jieba.withDict(dict)
        jieba = shared
      } else {
        jieba = Jieba.withDict(dict)
        jieba.loadDict(dictionaryLines(words))
      }
    }
    // Bounded work: NLU reads the start of a message only (MAX_SEGMENT_CHARS, as for retrieval).
    return jieba.cut(text.length > MAX_SEGMENT_CHARS ? text.slice(0, MAX_SEGMENT_CHARS) : text, false)
  }
}
