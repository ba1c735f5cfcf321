import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

let jieba: Jieba | null = null

/** Longest run segmented at once; the rest of a longer run is dropped (bounded work per text). */
export const MAX_SEGMENT_CHARS = 2000

/**
 * Cuts a run of Chinese text into words with jieba (HMM on, so unknown words
 * such as 含绒量 stay whole). The default dictionary (~130 ms to load) is
 * loaded once per process on first use and shared by every shop; per-shop
 * vocabulary is handled by the tokenizer's own user dictionary, so one shop's
 * catalog never changes how another shop's text is cut.
 */
export function segmentChinese(text: string): string[] {
  jieba ??= Jieba.withDict(dict)
  return jieba.cut(text.length > MAX_SEGMENT_CHARS ? text.slice(0, MAX_SEGMENT_CHARS) : text, true)
}
