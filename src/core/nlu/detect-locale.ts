/**
 * Locale of a message: `zh` when Chinese characters carry the message (mixed messages such as
 * `X2 Pro 支持无线充电吗` are Chinese sentences with an English model name), `en` when only
 * Latin letters do, else the fallback.
 */
import type { Locale } from '../domain/schemas.js'

const HAN = /\p{Script=Han}/gu
const LATIN_WORD = /[A-Za-z]+/g
const MODEL_TOKEN = /[A-Za-z]*\d+[A-Za-z]*/g
const MODEL_WORD = /^(pro|max|plus|ultra|mini|lite|se|air)$/i

/** Guesses `zh` or `en` from the script mix; `fallback` for digits, emoji and junk. */
export function detectMessageLocale(text: string, fallback: Locale = 'zh'): Locale {
  const han = text.match(HAN)?.length ?? 0
  // Model names and codes ("X2", "Pro", "KF2026…", "SPF50") are no English: only real words count.
  const words = (text.replace(MODEL_TOKEN, ' ').match(LATIN_WORD) ?? []).filter((w) => !MODEL_WORD.test(w)).length
  if (han === 0 && words === 0) return fallback
  // One Chinese character carries about half an English word: 4 Han chars outweigh 2 words.
  return han >= words * 2 || (han > 0 && words <= 2) || (han >= 4 && words <= 3) ? 'zh' : 'en'
}

/**
 * Does the message carry a language at all? An order number alone, measurements and letter sizes
 * ("175 70kg", "XL") do not: such a message keeps the conversation's language.
 */
export function carriesLanguage(text: string): boolean {
  return /[\p{L}]/u.test(
    text
      .replace(/\b[A-Z]{1,4}\d{6,}\b/gi, '')
      .replace(/\d+(?:\.\d+)?\s*(?:cm|kg|mm|lbs?|ml)\b|\b(?:[2-4]?X{0,3}L|XS|S|M)\b/gi, ''),
  )
}
