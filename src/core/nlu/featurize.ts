/**
 * Sparse text features for the intent classifier: stemmed word unigrams and bigrams, character
 * n-grams inside English words (robust to typos and inflection) and character 1–3-grams over
 * Chinese runs (robust to segmentation errors), plus jieba words. Digits collapse to a shape so
 * order numbers and prices generalise.
 */
import { stemmer } from 'stemmer'
import type { Segmenter } from './chinese-segmenter.js'

/** Feature options stored in the model so training and inference featurise identically. */
export type FeatureOptions = {
  /** Character n-gram range inside English words (padded with `<` `>`). */
  charMin: number
  charMax: number
  /** Character n-gram range over Chinese runs. */
  hanMin: number
  hanMax: number
  /** Add word bigrams. */
  bigrams: boolean
  /**
   * Character n-gram range over the latin text with words joined by one space, keeping only the
   * n-grams that span a word boundary (`"s eta"`, `"it gone"`). They tie short phrases together
   * where stemmed bigrams are too sparse. Absent in models saved before they existed (= off).
   */
  phraseMin?: number
  phraseMax?: number
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  charMin: 2,
  // 2–4 inside words plus 4-grams across word boundaries beat 2–5 alone on our dev split
  // (en +1.9 points), CLINC150 and Banking77, and train faster.
  charMax: 4,
  hanMin: 1,
  hanMax: 3,
  bigrams: true,
  phraseMin: 4,
  phraseMax: 4,
}

const HAN = /\p{Script=Han}/u
// One token: a Han run, a latin/digit word (with inner apostrophes), or any other non-space symbol.
const TOKEN = /(\p{Script=Han}+)|([\p{L}\p{N}]+(?:['’][\p{L}]+)*)|([^\s\p{L}\p{N}])/gu
const STOP_PUNCT = new Set([',', '.', '，', '。', '、', ';', ':', '"', '(', ')', '“', '”', '【', '】', '-', '_'])

/** Unicode NFKC (full-width → half-width), lower case, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

function shape(word: string): string {
  return word.replace(/\d+/g, '#')
}

/**
 * Turns a message into feature counts. Pure and deterministic; `segment` is only called for
 * Chinese runs.
 */
export function featurize(text: string, opts: FeatureOptions, segment: Segmenter | undefined): Map<string, number> {
  const out = new Map<string, number>()
  emitFeatures(text, opts, segment, (key) => out.set(key, (out.get(key) ?? 0) + 1))
  return out
}

/**
 * Calls `emit` once per feature occurrence. Inference uses it to look features up without
 * building an intermediate map of strings.
 */
export function emitFeatures(
  text: string,
  opts: FeatureOptions,
  segment: Segmenter | undefined,
  emit: (key: string) => void,
): void {
  const norm = normalizeText(text)
  const words: string[] = []
  // Latin words in order (digits shaped), for the cross-boundary character n-grams.
  const latin: string[] = []
  for (const m of norm.matchAll(TOKEN)) {
    const han = m[1]
    const word = m[2]
    if (han !== undefined) {
      const segs = segment ? segment(han) : [han]
      for (const s of segs) {
        words.push(s)
        emit(`w:${s}`)
      }
      const padded = `<${han}>`
      for (let n = opts.hanMin; n <= opts.hanMax; n++) {
        const src = n === 1 ? han : padded
        for (let i = 0; i + n <= src.length; i++) emit(`h:${src.slice(i, i + n)}`)
      }
    } else if (word !== undefined) {
      const w = shape(word.replace(/’/g, "'"))
      latin.push(w)
      const stem = /^[a-z']+$/.test(w) ? stemmer(w.replace(/'/g, '')) : w
      words.push(stem)
      emit(`w:${stem}`)
      if (opts.charMax >= opts.charMin && w.length > 1) {
        const padded = `<${w}>`
        for (let n = opts.charMin; n <= opts.charMax; n++) {
          if (n > padded.length) break
          for (let i = 0; i + n <= padded.length; i++) emit(`c:${padded.slice(i, i + n)}`)
        }
      }
    } else if (m[3] !== undefined && !STOP_PUNCT.has(m[3])) {
      // Punctuation such as ? and ！ and emoji carry intent and emotion signal.
      words.push(m[3])
      emit(`p:${m[3]}`)
    }
  }
  const pMax = opts.phraseMax ?? 0
  if (pMax > 0 && latin.length > 0) emitPhraseGrams(` ${latin.join(' ')} `, opts.phraseMin ?? 3, pMax, emit)
  if (opts.bigrams) {
    for (let i = 0; i + 1 < words.length; i++) emit(`b:${words[i]} ${words[i + 1]}`)
    if (words.length > 0) {
      emit(`b:^ ${words[0]}`)
      emit(`b:${words[words.length - 1]} $`)
    }
  }
}

/** Emits the character n-grams of `s` that contain a space (the inside-word ones exist already). */
function emitPhraseGrams(s: string, min: number, max: number, emit: (key: string) => void): void {
  for (let i = 0; i < s.length; i++) {
    // The first space at or after i decides which windows starting at i cross a boundary.
    const sp = s.indexOf(' ', i)
    if (sp < 0) break
    for (let n = Math.max(min, sp - i + 1); n <= max && i + n <= s.length; n++) {
      const g = s.slice(i, i + n)
      if (g.trim() !== '') emit(`x:${g}`)
    }
  }
}

/** True when the text contains any Chinese character (so the segmenter is needed). */
export function hasHan(text: string): boolean {
  return HAN.test(text)
}
