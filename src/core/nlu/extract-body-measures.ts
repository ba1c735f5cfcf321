/**
 * Heights and weights in a customer message, in Chinese and English: 170cm, 1米7, 1.70m, 一米六三,
 * 5'4", 5 ft 4, 身高163; 65kg, 130斤, 一百三十斤, 五十二公斤, 110 lbs. Part of entity extraction.
 */
import { parseChineseNumber, ZH_NUMBER_CHARS } from './parse-number.js'
import type { Entity } from './types.js'

export type Measure = Entity & { priority: number }

const ZN = ZH_NUMBER_CHARS

function push(
  out: Measure[],
  type: 'height' | 'weight',
  text: string,
  start: number,
  value: unknown,
  priority: number,
) {
  out.push({ type, text, value, start, end: start + text.length, priority })
}

const RX_ZH_KG = new RegExp(`([${ZN}]{2,5})(?:公斤|千克)`, 'g')
const RX17 = new RegExp(`([${ZN}]{2,5})斤`, 'g')

/** Heights and weights said in the message, each with its span and priority. */
export function bodyMeasures(t: string): Measure[] {
  const out: Measure[] = []
  for (const m of t.matchAll(/(?<![\d.])(1[0-9]{2}|[5-9]\d)(?:\.\d)?\s?(cm|厘米|公分)(?![A-Za-z])/gi)) {
    const cm = Number.parseFloat(m[0])
    if (cm >= 50 && cm <= 230) push(out, 'height', m[0], m.index, { cm }, 75)
  }
  for (const m of t.matchAll(/(?<![\d.])([12])(?:米|m)([0-9]{1,2})(?![\d])/gi)) {
    const cm = Number(m[1]) * 100 + (m[2]!.length === 1 ? Number(m[2]) * 10 : Number(m[2]))
    push(out, 'height', m[0], m.index, { cm }, 76)
  }
  for (const m of t.matchAll(/(?<![\d.])([12一])米([一二三四五六七八九])([一二三四五六七八九])?/g)) {
    const cm =
      (m[1] === '一' ? 1 : Number(m[1])) * 100 +
      parseChineseNumber(m[2]!)! * 10 +
      (m[3] ? parseChineseNumber(m[3])! : 0)
    push(out, 'height', m[0], m.index, { cm }, 76)
  }
  for (const m of t.matchAll(/(?<![\d.])([12]\.\d{1,2})\s?(?:米|m)(?![A-Za-z])/gi)) {
    push(out, 'height', m[0], m.index, { cm: Math.round(Number(m[1]) * 100) }, 76)
  }
  for (const m of t.matchAll(/(?<!\d)([4-7])\s?(?:'|’|ft|feet|foot)\s?(\d{1,2})?\s?(?:"|”|''|in(?:ches)?)?/gi)) {
    if (!m[2] && !/ft|feet|foot/i.test(m[0])) continue
    const cm = Math.round((Number(m[1]) * 12 + Number(m[2] ?? 0)) * 2.54)
    push(out, 'height', m[0].trimEnd(), m.index, { cm }, 76)
  }
  // 身高/height said outright also takes a child's height ("孩子身高128"); a bare 高 only an adult's.
  for (const m of t.matchAll(
    /(?:(?:身高|height)\s?(?:是|有|is)?\s?(1[0-9]\d|[6-9]\d)|高\s?(?:是|有)?\s?(1[4-9]\d))(?![\d.]|\s?(?:cm|厘米|公分|斤|kg))/gi,
  )) {
    const num = (m[1] ?? m[2])!
    push(out, 'height', num, m.index + m[0].length - num.length, { cm: Number(num) }, 74)
  }
  for (const m of t.matchAll(/(?<![\d.])(\d{2,3}(?:\.\d)?)\s?(kg|公斤|千克|kgs|kilos?)(?![A-Za-z])/gi)) {
    push(out, 'weight', m[0], m.index, { kg: Number(m[1]) }, 75)
  }
  for (const m of t.matchAll(/(?<![\d.])(\d{2,3}(?:\.\d)?)\s?斤/g)) {
    push(out, 'weight', m[0], m.index, { kg: Math.round(Number(m[1]) * 5) / 10 }, 75)
  }
  for (const m of t.matchAll(RX17)) {
    const n = parseChineseNumber(m[1]!)
    if (n !== null && n >= 40) push(out, 'weight', m[0], m.index, { kg: n / 2 }, 74)
  }
  for (const m of t.matchAll(RX_ZH_KG)) {
    const n = parseChineseNumber(m[1]!)
    if (n !== null && n >= 20 && n <= 200) push(out, 'weight', m[0], m.index, { kg: n }, 74)
  }
  for (const m of t.matchAll(/(?<![\d.])(\d{2,3}(?:\.\d)?)\s?(lbs?|pounds)\b/gi)) {
    push(out, 'weight', m[0], m.index, { kg: Math.round(Number(m[1]) * 4.5359237) / 10 }, 75)
  }
  return out
}
