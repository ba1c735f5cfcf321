import type { Locale } from '../domain/schemas.js'

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g
const LATIN = /[a-z]/gi

/**
 * Guesses the customer's language from the script: any meaningful share of
 * Chinese characters means `zh` (mixed messages such as `X2 Pro 支持无线充电吗`
 * are Chinese sentences with an English model name); otherwise `en` when there
 * are Latin letters, else `fallback`.
 */
export function detectLocale(text: string, fallback: Locale = 'zh'): Locale {
  const cjk = text.match(CJK)?.length ?? 0
  const latin = text.match(LATIN)?.length ?? 0
  if (cjk === 0 && latin === 0) return fallback
  // One Chinese character weighs about as much as a short English word.
  return cjk * 3 >= latin * 0.5 && cjk > 0 ? 'zh' : 'en'
}
