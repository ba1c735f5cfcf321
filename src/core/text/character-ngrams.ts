import { normalizeText } from './normalize-text.js'

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g
const LATIN_WORD = /[a-z]+/g

/**
 * Character n-grams of a text, for learned matchers (not for BM25): Chinese characters and
 * 2–3-grams over each Chinese run (padded with `<` `>` so run edges count), and 3–5-grams
 * inside each English word (padded the same way), so 退回去 meets 退回 and `refunded` meets
 * `refund` however the segmenter or stemmer cut them. Prefixed `@` (Chinese) and `$` (English)
 * so they never collide with tokenizer terms.
 *
 * @example characterNgrams('退款') // ['@退', '@款', '@<退', '@退款', '@款>', '@<退款', '@退款>']
 */
export function characterNgrams(text: string): string[] {
  const norm = normalizeText(text)
  const out: string[] = []
  for (const m of norm.matchAll(CJK_RUN)) {
    const run = m[0]
    for (const ch of run) out.push(`@${ch}`)
    const padded = `<${run}>`
    for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= padded.length; i++) out.push(`@${padded.slice(i, i + n)}`)
  }
  for (const m of norm.matchAll(LATIN_WORD)) {
    const w = `<${m[0]}>`
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= w.length; i++) out.push(`$${w.slice(i, i + n)}`)
  }
  return out
}
