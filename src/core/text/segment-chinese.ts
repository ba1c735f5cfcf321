import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

let jieba: Jieba | null = null
let loading: Promise<void> | null = null

/** Longest run segmented at once; the rest of a longer run is dropped (bounded work per text). */
export const MAX_SEGMENT_CHARS = 2000

/** Bytes of the default dictionary loaded between two pauses (a few ms of work each). */
const DICT_PIECE_BYTES = 32 * 1024

/**
 * Loads jieba's default dictionary into `into` piece by piece (32 KiB, cut at line ends: views of
 * the one buffer, nothing copied), pausing between pieces after `sliceMs` of work. The result
 * cuts exactly as `Jieba.withDict(dict)`, whose loader reads the same lines one after the other;
 * loaded at once it is a block of 0.3–0.6 s on the thread that serves customers.
 */
export async function loadDefaultDictionary(
  into: Jieba,
  opts: { pause?: () => Promise<void>; sliceMs?: number } = {},
): Promise<void> {
  const sliceMs = opts.sliceMs ?? 8
  let sliceStart = performance.now()
  let start = 0
  while (start < dict.length) {
    let end = Math.min(start + DICT_PIECE_BYTES, dict.length)
    // UTF-8 never uses the newline byte inside a character: cutting after one keeps lines whole.
    while (end < dict.length && dict[end - 1] !== 0x0a) end++
    into.loadDict(dict.subarray(start, end))
    start = end
    if (opts.pause && performance.now() - sliceStart >= sliceMs) {
      await opts.pause()
      sliceStart = performance.now()
    }
  }
}

/**
 * Loads the shared segmenter's dictionary ahead of its first use, in slices (see
 * `loadDefaultDictionary`); a no-op once loaded. Index builds call it first, so neither the
 * build nor the first customer message pays the whole load in one block.
 */
export function loadSegmentChinese(opts: { pause?: () => Promise<void> } = {}): Promise<void> {
  if (jieba) return Promise.resolve()
  loading ??= (async () => {
    const j = new Jieba()
    await loadDefaultDictionary(j, opts)
    jieba ??= j
  })().finally(() => {
    loading = null
  })
  return loading
}

/**
 * Cuts a run of Chinese text into words with jieba (HMM on, so unknown words
 * such as 含绒量 stay whole). The default dictionary is loaded once per process
 * (ahead of use by `loadSegmentChinese`, else on first use) and shared by every
 * shop; per-shop vocabulary is handled by the tokenizer's own user dictionary,
 * so one shop's catalog never changes how another shop's text is cut.
 */
export function segmentChinese(text: string): string[] {
  jieba ??= Jieba.withDict(dict)
  return jieba.cut(text.length > MAX_SEGMENT_CHARS ? text.slice(0, MAX_SEGMENT_CHARS) : text, true)
}
