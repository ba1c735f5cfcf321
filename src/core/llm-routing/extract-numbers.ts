/**
 * Every number a text states, normalised so that the same quantity written differently compares
 * equal: `¥1,299.00` = `1299元` = `RMB 1299` = `一千二百九十九元`; `七天` = `7天` = `seven days`;
 * `百分之二十` = `20%`. Money is reported twice: as a number and as an amount, because an amount
 * in an answer must be an amount in the facts (a stock count of 99 does not make "99 元" true).
 */
import { EN_NUMBER_VALUES, parseChineseNumber, ZH_NUMBER_CHARS } from '../nlu/parse-number.js'

export type ExtractedNumbers = {
  /** Every number, money included. */
  numbers: number[]
  /** Numbers written as money (next to ¥, 元, RMB, $, USD…). */
  amounts: number[]
}

const ZH = `[${ZH_NUMBER_CHARS}]+`
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`
// Measure words after a Chinese numeral: a bare 一 in 一下 / 一起 / 统一 is not a number anyone states.
const ZH_UNIT =
  '(?:个工作日|个小时|个月|工作日|小时|分钟|天|日|周|星期|月|年|元|块|件|台|次|折|倍|岁|公斤|斤|克|寸|英寸|厘米|毫米|米|毫升|升|期|单|码|号)'
const CURRENCY_BEFORE = String.raw`(?:¥|￥|RMB|CNY|US\$|HK\$|\$|USD|EUR|€|£|人民币)`
const CURRENCY_AFTER = '(?:元|块钱|块|RMB|CNY|yuan|USD|dollars?|美元|人民币|港币|欧元)'
const EN_WORDS = EN_NUMBER_VALUES
const EN_UNIT = String.raw`(?:business\s+|working\s+|calendar\s+)?(?:days?|hours?|weeks?|months?|years?|percent|yuan|dollars?|times|items?|pieces?|installments?|instalments?)`

const RE_AMOUNT_BEFORE = new RegExp(String.raw`${CURRENCY_BEFORE}\s*(${DIGITS}|${ZH})`, 'giu')
const RE_AMOUNT_AFTER = new RegExp(String.raw`(${DIGITS}|${ZH})\s*${CURRENCY_AFTER}`, 'giu')
const RE_DIGITS = new RegExp(DIGITS, 'g')
const RE_ZH = new RegExp(`(百分之)?(${ZH})(?=${ZH_UNIT}|%)|百分之(${ZH})`, 'gu')
const RE_EN = new RegExp(String.raw`\b(${Object.keys(EN_WORDS).join('|')})[\s-]+${EN_UNIT}\b`, 'gi')

/** Full-width digits and punctuation → ASCII, so `５４９９` reads as 5499. */
export function toHalfWidth(s: string): string {
  return s.replace(/[０-９．％＄]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

function readNumber(raw: string): number | null {
  if (/\d/.test(raw)) {
    const n = Number(raw.replace(/,/g, ''))
    return Number.isFinite(n) ? n : null
  }
  return parseChineseNumber(raw)
}

/**
 * Extracts the numbers and the money amounts of `text`.
 *
 * @example
 * extractNumbers('只要 ¥1,299，7天无理由') // { numbers: [1299, 7], amounts: [1299] }
 */
export function extractNumbers(text: string): ExtractedNumbers {
  const s = toHalfWidth(text)
  const numbers: number[] = []
  const amounts: number[] = []
  for (const re of [RE_AMOUNT_BEFORE, RE_AMOUNT_AFTER]) {
    for (const m of s.matchAll(re)) {
      const n = readNumber(m[1]!)
      if (n !== null) amounts.push(n)
    }
  }
  for (const m of s.matchAll(RE_DIGITS)) {
    const n = readNumber(m[0])
    if (n !== null) numbers.push(n)
  }
  for (const m of s.matchAll(RE_ZH)) {
    const n = parseChineseNumber(m[2] ?? m[3] ?? '')
    if (n !== null) numbers.push(n)
  }
  for (const m of s.matchAll(RE_EN)) {
    const n = EN_WORDS[m[1]!.toLowerCase()]
    if (n !== undefined) numbers.push(n)
  }
  for (const a of amounts) numbers.push(a)
  return { numbers: unique(numbers), amounts: unique(amounts) }
}

function unique(xs: number[]): number[] {
  return [...new Set(xs.map((x) => Math.round(x * 100) / 100))]
}

/** Same quantity? (`5499` vs `5499.00`; cents matter). */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005
}
