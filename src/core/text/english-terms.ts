import { stemmer } from 'stemmer'
import { EN_STOP_WORDS } from './stop-words.js'

const WORD = /[a-z0-9]+/g

/**
 * English words of an already-normalised text, stop words dropped and each word
 * Porter-stemmed (`charging` → `charg`, `batteries` → `batteri`). Tokens with
 * digits (`x2`, `128gb`, `5g`) are model numbers and stay as written.
 */
export function englishTerms(normalized: string): string[] {
  const out: string[] = []
  // "hasn't shipped" must keep its negation: n't → not before apostrophes go.
  const expanded = normalized
    .replace(/\bwon['’`]t\b/g, 'will not')
    .replace(/\bcan['’`]t\b/g, 'can not')
    .replace(/n['’`]t\b/g, ' not')
    .replace(/['’`]/g, '')
  for (const m of expanded.matchAll(WORD)) {
    const w = m[0]
    if (EN_STOP_WORDS.has(w)) continue
    out.push(/^[a-z]+$/.test(w) && w.length > 3 ? stemmer(w) : w)
  }
  return out
}
