/** Number words in Chinese and English, for amounts, quantities and dates. */

const ZH_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  俩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 }

/** Characters that can form a Chinese number (for regexes). */
export const ZH_NUMBER_CHARS = '零〇一二两俩三四五六七八九十百千万'

/**
 * Parses a Chinese number: `十五` → 15, `两百` → 200, `三百五` → 350 (colloquial: a trailing
 * digit after a unit is the next unit down), `一千二` → 1200. Returns null if not a number.
 */
export function parseChineseNumber(s: string): number | null {
  if (!s) return null
  let total = 0
  let section = 0
  let digit: number | null = null
  let lastUnit = 0
  for (const ch of s) {
    const d = ZH_DIGITS[ch]
    if (d !== undefined) {
      digit = d
      continue
    }
    const u = ZH_UNITS[ch]
    if (u === undefined) return null
    if (u === 10000) {
      section = (section + (digit ?? 0)) * u
      total += section
      section = 0
      digit = null
      lastUnit = u
      continue
    }
    section += (digit ?? (u === 10 ? 1 : 0)) * u
    digit = null
    lastUnit = u
  }
  if (digit !== null) {
    // `三百五` means 350: a lone digit after a unit counts in the next unit down.
    section += lastUnit >= 100 && lastUnit < 10000 && !/零/.test(s) ? (digit * lastUnit) / 10 : digit
  }
  return total + section
}

/** English number words and their values (shared with the LLM answer checker). */
export const EN_NUMBER_VALUES: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  ninety: 90,
  hundred: 100,
}

/** Quantities also come as "a", "an", "a couple", "a pair". */
const EN_NUMBERS: Record<string, number> = { ...EN_NUMBER_VALUES, a: 1, an: 1, couple: 2, pair: 2 }

/** Regex alternation of English number words. */
export const EN_NUMBER_WORDS = Object.keys(EN_NUMBER_VALUES)
  .sort((a, b) => b.length - a.length)
  .join('|')

/** Parses digits (`1,299.50`), a Chinese number or an English number word. */
export function parseNumber(s: string): number | null {
  const t = s.trim().toLowerCase().replace(/,/g, '')
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t)
  if (t in EN_NUMBERS) return EN_NUMBERS[t]!
  return parseChineseNumber(t)
}
