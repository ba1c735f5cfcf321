/**
 * Rule-based entity extraction for Chinese and English customer messages: order and tracking
 * numbers, phones, amounts, quantities, sizes, colours, catalog products, device models,
 * heights, weights and dates. Every extractor proposes spans; overlaps are resolved by priority
 * then length, so an order number next to a phone number yields both, and `XL` never also
 * yields `L`.
 */

import type { CatalogMatcher } from './catalog-matcher.js'
import { bodyMeasures } from './extract-body-measures.js'
import { halfWidth } from './half-width.js'
import { EN_NUMBER_WORDS, parseChineseNumber, parseNumber, ZH_NUMBER_CHARS } from './parse-number.js'
import {
  addDays,
  monthDay,
  nextWeekday,
  parseIsoDate,
  previousWeekday,
  toIsoDate,
  weekdayInWeek,
} from './resolve-date.js'
import type { Entity, EntityType } from './types.js'

/** A catalog entry products are resolved against. */
export type { CatalogItem, CatalogMatcher } from './catalog-matcher.js'
export { createCatalogMatcher } from './catalog-matcher.js'

export type EntityContext = {
  /** Compiled catalog (see `createCatalogMatcher`). */
  catalog?: CatalogMatcher
  /** Today, `YYYY-MM-DD`; relative dates are skipped without it. */
  referenceDate?: string
  /** Shop order-number prefixes (letters followed by 6–20 digits); none = only numbers next to the word "order". */
  orderPrefixes?: readonly string[]
}

type Candidate = Entity & { priority: number }

const compiled = new Map<string, RegExp>()
/** Compiles a pattern once; `matchAll` clones it, so sharing a global regex is safe. */
function rx(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`
  let r = compiled.get(key)
  if (!r) {
    r = new RegExp(source, flags)
    compiled.set(key, r)
  }
  return r
}

const ZN = ZH_NUMBER_CHARS
const ZH_NUMBER_RE = new RegExp(`[${ZN}]`)
// Not preceded/followed by a latin letter or digit: the edges of a code or number.
const L = '(?<![A-Za-z0-9])'
const R = '(?![A-Za-z0-9])'

function push(out: Candidate[], type: EntityType, text: string, start: number, value: unknown, priority: number) {
  out.push({ type, text, value, start, end: start + text.length, priority })
}

const ORDER_CONTEXT = /(订单|单号|订单号|编号|order|purchase|#)/gi
const PHONE_CONTEXT = /(电话|手机|号码|联系方式|phone|mobile|cell|call)/gi

function lastIndexOfRe(s: string, re: RegExp): number {
  let last = -1
  for (const m of s.matchAll(re)) last = m.index
  return last
}

const RX1 = new RegExp(`${L}[A-Za-z]{0,4}\\d[A-Za-z0-9-]{8,19}${R}`, 'g')

function orderNumbers(t: string, out: Candidate[], prefixes: readonly string[]) {
  const pre = prefixes
    .map((p) => p.replace(/[^A-Za-z]/g, ''))
    .filter(Boolean)
    .join('|')
  if (pre) {
    for (const m of t.matchAll(rx(`${L}(?:${pre})\\d{6,20}${R}`, 'gi'))) {
      push(out, 'order_no', m[0], m.index, m[0].toUpperCase(), 100)
    }
    // "KF 2026 1124 0392", "KF-20261124-0431": the shop's number typed in groups, read without the separators.
    for (const m of t.matchAll(rx(`${L}(?:${pre})(?:[ \\-_]{1,2}\\d{2,8}|\\d{2,8}(?=[ \\-_])){2,6}${R}`, 'gi'))) {
      const digits = m[0].replace(/\D/g, '')
      if (digits.length < 6 || digits.length > 20 || !/[ \-_]/.test(m[0])) continue
      const prefix = m[0].match(/^[A-Za-z]+/)![0].toUpperCase()
      push(out, 'order_no', m[0], m.index, prefix + digits, 95)
    }
  }
  // Order names as Shopify and WooCommerce show them to customers: `#1001` (kefu's number is `1001`).
  for (const m of t.matchAll(/(?<![\w#])#(\d{3,12})(?![\w-])/g)) {
    push(out, 'order_no', m[0], m.index, m[1], 90)
  }
  // Generic order ids only when the words around say "order": 10–20 digits or letters+digits.
  for (const m of t.matchAll(RX1)) {
    const digits = m[0].replace(/\D/g, '').length
    if (digits < 8) continue
    const before = t.slice(Math.max(0, m.index - 16), m.index)
    const o = lastIndexOfRe(before, ORDER_CONTEXT)
    if (o < 0) continue
    const p = lastIndexOfRe(before, PHONE_CONTEXT)
    if (p > o) continue
    push(out, 'order_no', m[0], m.index, m[0].toUpperCase(), 85)
  }
}

const CARRIERS: [RegExp, string][] = [
  [/^SF\d{12,15}$/i, 'SF'],
  [/^YT\d{13,15}$/i, 'YTO'],
  [/^JD[A-Z0-9]{10,18}$/i, 'JD'],
  [/^(?:ZTO|ZT)\d{12,15}$/i, 'ZTO'],
  [/^(?:STO)\d{12,15}$/i, 'STO'],
  [/^(?:YD)\d{12,15}$/i, 'YUNDA'],
  [/^EMS\d{9,13}$/i, 'EMS'],
  [/^[A-Z]{2}\d{9}[A-Z]{2}$/, 'UPU'],
  [/^1Z[A-Z0-9]{16}$/i, 'UPS'],
]
const TRACKING_CONTEXT = /(运单|快递单|物流单|单号|tracking|waybill|shipment)/i

const RX2 = new RegExp(`${L}[A-Za-z]{1,3}[A-Za-z0-9]{8,20}${R}`, 'g')
const RX3 = new RegExp(`${L}\\d{10,20}${R}`, 'g')

function trackingNumbers(t: string, out: Candidate[]) {
  for (const m of t.matchAll(RX2)) {
    const hit = CARRIERS.find(([re]) => re.test(m[0]))
    if (hit) push(out, 'tracking_no', m[0], m.index, { carrier: hit[1], number: m[0].toUpperCase() }, 95)
  }
  for (const m of t.matchAll(RX3)) {
    const before = t.slice(Math.max(0, m.index - 12), m.index)
    if (TRACKING_CONTEXT.test(before) && !/订单|order/i.test(before)) {
      push(out, 'tracking_no', m[0], m.index, { carrier: null, number: m[0] }, 88)
    }
  }
}

function phones(t: string, out: Candidate[]) {
  for (const m of t.matchAll(/(?<![\dA-Za-z])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g)) {
    const digits = m[0].replace(/\D/g, '')
    push(out, 'phone', m[0], m.index, `+86${digits.slice(-11)}`, 90)
  }
  for (const m of t.matchAll(/(?<![\dA-Za-z])\+(?!86)\d{1,3}[- ]?\(?\d{1,4}\)?(?:[- ]?\d{2,4}){2,4}(?!\d)/g)) {
    const digits = m[0].replace(/\D/g, '')
    if (digits.length >= 8 && digits.length <= 15) push(out, 'phone', m[0], m.index, `+${digits}`, 90)
  }
}

const NUM = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?'

/** `一块手表` is one watch, not one yuan: a small count of 块 followed by a noun is a measure word. */
function isMeasureWord(n: number, rest: string): boolean {
  return n < 10 && /^[\p{Script=Han}]/u.test(rest) && !/^[钱吗了呢啊吧的左也就还多]/.test(rest)
}

const RX4 = new RegExp(`(?:[¥￥]|rmb|cny|人民币)\\s?(${NUM})`, 'gi')
const RX5 = new RegExp(`(${NUM})\\s?(?:元|块钱|块|rmb|cny|人民币)`, 'gi')
const RX6 = new RegExp(`([${ZN}]+)\\s?(元|块钱|块)`, 'g')
const RX7 = new RegExp(`(?:us\\$|\\$|usd\\s?)(${NUM})`, 'gi')
const RX8 = new RegExp(`(${NUM})\\s?(?:dollars?|bucks|usd)\\b`, 'gi')
const RX9 = new RegExp(`\\b(${EN_NUMBER_WORDS})\\s(?:dollars|bucks)\\b`, 'gi')
const RX10 = new RegExp(`(?:€|eur\\s?)(${NUM})|(${NUM})\\s?(?:euros?|eur)\\b`, 'gi')
const RX11 = new RegExp(`(?:£|gbp\\s?)(${NUM})|(${NUM})\\s?(?:pounds sterling|gbp)\\b`, 'gi')

function amounts(t: string, out: Candidate[]) {
  const add = (m: RegExpMatchArray, n: string, currency: string) => {
    const amount = parseNumber(n)
    if (amount !== null) push(out, 'amount', m[0], m.index!, { amount, currency }, 80)
  }
  for (const m of t.matchAll(RX4)) add(m, m[1]!, 'CNY')
  for (const m of t.matchAll(RX5)) {
    if (/块$/.test(m[0]) && isMeasureWord(Number(m[1]!.replace(/,/g, '')), t.slice(m.index + m[0].length))) continue
    add(m, m[1]!, 'CNY')
  }
  for (const m of t.matchAll(RX6)) {
    const rest = t.slice(m.index + m[0].length)
    const n = parseChineseNumber(m[1]!)
    if (m[2] === '块' && n !== null && isMeasureWord(n, rest)) continue
    if (n !== null && n > 0) push(out, 'amount', m[0], m.index, { amount: n, currency: 'CNY' }, 80)
  }
  for (const m of t.matchAll(RX7)) add(m, m[1]!, 'USD')
  for (const m of t.matchAll(RX8)) add(m, m[1]!, 'USD')
  for (const m of t.matchAll(RX9)) add(m, m[1]!, 'USD')
  for (const m of t.matchAll(RX10)) add(m, (m[1] ?? m[2])!, 'EUR')
  for (const m of t.matchAll(RX11)) add(m, (m[1] ?? m[2])!, 'GBP')
}

const ZH_UNITS = '件|个|双|条|台|部|只|套|盒|瓶|包|箱|份|张|支|块|副|顶|本|把|袋|罐|对'
const EN_UNITS: Record<string, string> = {
  pair: 'pair',
  pairs: 'pair',
  piece: 'piece',
  pieces: 'piece',
  pcs: 'piece',
  pc: 'piece',
  item: 'item',
  items: 'item',
  unit: 'unit',
  units: 'unit',
  box: 'box',
  boxes: 'box',
  set: 'set',
  sets: 'set',
  bottle: 'bottle',
  bottles: 'bottle',
  pack: 'pack',
  packs: 'pack',
  copies: 'copy',
  copy: 'copy',
}

const RX12 = new RegExp(`(\\d+|[${ZN}]+)\\s?(${ZH_UNITS})(?!月|小时|钟|工作日|星期|礼拜)`, 'g')
const EN_UNIT_WORDS = Object.keys(EN_UNITS).join('|')
const RX13 = new RegExp(
  `\\b(\\d+|${EN_NUMBER_WORDS}|a couple of|a pair of|a|an)\\s+(?:more\\s+)?(${EN_UNIT_WORDS})\\b`,
  'gi',
)

function quantities(t: string, out: Candidate[]) {
  for (const m of t.matchAll(RX12)) {
    const count = parseNumber(m[1]!)
    if (count !== null && count > 0 && count < 100000) push(out, 'quantity', m[0], m.index, { count, unit: m[2] }, 60)
  }
  for (const m of t.matchAll(RX13)) {
    const w = m[1]!.toLowerCase()
    const count = w === 'a couple of' || w === 'a pair of' ? 2 : parseNumber(w)
    if (count !== null && count > 0) {
      push(out, 'quantity', m[0], m.index, { count, unit: EN_UNITS[m[2]!.toLowerCase()] }, 60)
    }
  }
}

const LETTER_SIZES = '[2-5]XL|XXXXL|XXXL|XXL|XL|XXS|XS|S|M|L'

const RX14 = new RegExp(`${L}(${LETTER_SIZES})(?![A-Za-z0-9])(\\s?[码号])?`, 'gi')

function sizes(t: string, out: Candidate[]) {
  for (const m of t.matchAll(RX14)) {
    const raw = m[1]!
    let label = raw.toUpperCase()
    if (/^[2-5]XL$/.test(label)) label = `${'X'.repeat(Number(label[0]))}L`
    const single = raw.length === 1
    const before = t.slice(Math.max(0, m.index - 12), m.index)
    const after = t.slice(m.index + raw.length, m.index + raw.length + 1)
    const sizeWord = /(size|尺码|码数|大小|号|码|穿|选|换|要|拿|改成|换成|in an?|an?)\s*$/i.test(before)
    const cjkAround = /[\p{Script=Han}]\s*$/u.test(before) || /^[\p{Script=Han}]/u.test(after)
    // A lone S/M/L is only a size in size context or written in capitals next to Chinese:
    // otherwise "I'm", "s" or "L" initials would become sizes.
    if (single && !(m[2] || sizeWord || (raw === raw.toUpperCase() && cjkAround))) continue
    if (!single && raw !== raw.toUpperCase() && !(m[2] || sizeWord)) continue
    push(out, 'size', m[0], m.index, label, 70)
  }
  for (const m of t.matchAll(/(?<!\d)(1[4-9]\d)\/(\d{2,3})([A-Y])?(?![A-Za-z0-9])/g)) {
    push(out, 'size', m[0], m.index, m[0].toUpperCase(), 72)
  }
  for (const m of t.matchAll(/(?<!\d)(\d{2}(?:\.5)?)\s?码/g)) push(out, 'size', m[0], m.index, `${m[1]}码`, 72)
  for (const m of t.matchAll(/\b(EU|EUR|US|UK)\s?(\d{1,2}(?:\.5)?)(?![\d.])/gi)) {
    const sys = m[1]!.toUpperCase() === 'EUR' ? 'EU' : m[1]!.toUpperCase()
    push(out, 'size', m[0], m.index, `${sys} ${m[2]}`, 72)
  }
  for (const m of t.matchAll(/\bsize\s(\d{1,2}(?:\.5)?)(?![\d.])/gi)) push(out, 'size', m[0], m.index, m[1], 71)
}

const ZH_COLORS: [string, string][] = [
  ['玫瑰金', 'rose_gold'],
  ['酒红', 'burgundy'],
  ['藏青', 'navy'],
  ['藏蓝', 'navy'],
  ['深蓝', 'navy'],
  ['天蓝', 'sky_blue'],
  ['浅蓝', 'light_blue'],
  ['宝蓝', 'blue'],
  ['军绿', 'olive'],
  ['墨绿', 'dark_green'],
  ['卡其', 'khaki'],
  ['米白', 'beige'],
  ['米色', 'beige'],
  ['杏色', 'beige'],
  ['驼色', 'camel'],
  ['咖啡色', 'brown'],
  ['深灰', 'dark_grey'],
  ['浅灰', 'light_grey'],
  ['银灰', 'silver'],
  ['玫红', 'pink'],
  ['粉红', 'pink'],
  ['橘色', 'orange'],
  ['奶白', 'white'],
  ['象牙白', 'ivory'],
  ['午夜黑', 'black'],
  ['曜石黑', 'black'],
  ['星空灰', 'grey'],
  ['透明', 'transparent'],
  ['钛金', 'titanium'],
  ['钛色', 'titanium'],
]
const ZH_SINGLE: Record<string, string> = {
  红: 'red',
  黑: 'black',
  白: 'white',
  蓝: 'blue',
  绿: 'green',
  黄: 'yellow',
  紫: 'purple',
  粉: 'pink',
  灰: 'grey',
  橙: 'orange',
  棕: 'brown',
  褐: 'brown',
  金: 'gold',
  银: 'silver',
  青: 'cyan',
}
const EN_COLORS: Record<string, string> = {
  red: 'red',
  black: 'black',
  white: 'white',
  blue: 'blue',
  navy: 'navy',
  'navy blue': 'navy',
  green: 'green',
  olive: 'olive',
  yellow: 'yellow',
  purple: 'purple',
  violet: 'purple',
  pink: 'pink',
  grey: 'grey',
  gray: 'grey',
  'dark grey': 'dark_grey',
  'dark gray': 'dark_grey',
  'light grey': 'light_grey',
  'light gray': 'light_grey',
  orange: 'orange',
  brown: 'brown',
  beige: 'beige',
  khaki: 'khaki',
  camel: 'camel',
  burgundy: 'burgundy',
  'wine red': 'burgundy',
  silver: 'silver',
  gold: 'gold',
  'rose gold': 'rose_gold',
  'sky blue': 'sky_blue',
  'light blue': 'light_blue',
  ivory: 'ivory',
  cream: 'beige',
  teal: 'cyan',
  transparent: 'transparent',
  titanium: 'titanium',
}
const ZH_COLOR_RE = new RegExp(`${ZH_COLORS.map(([w]) => w).join('|')}`, 'g')
const EN_COLOR_RE = new RegExp(
  `\\b(${Object.keys(EN_COLORS)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'gi',
)

function colors(t: string, out: Candidate[]) {
  for (const m of t.matchAll(ZH_COLOR_RE)) {
    const key = ZH_COLORS.find(([w]) => w === m[0])![1]
    const tail = /^色/.test(t.slice(m.index + m[0].length)) ? '色' : ''
    push(out, 'color', m[0] + tail, m.index, key, 66)
  }
  // One-character colours only with 色/款/的那 (红色, 黑款): 白 alone is also "明白", "白天".
  for (const m of t.matchAll(/([红黑白蓝绿黄紫粉灰橙棕褐金银青])(色|款|的那|的吗|的有)/g)) {
    const text = m[2] === '色' || m[2] === '款' ? m[0] : m[1]!
    push(out, 'color', text, m.index, ZH_SINGLE[m[1]!], 65)
  }
  for (const m of t.matchAll(EN_COLOR_RE)) push(out, 'color', m[0], m.index, EN_COLORS[m[0].toLowerCase()], 65)
}

const ZH_WEEKDAY: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
}
const EN_WEEKDAY: Record<string, number> = {
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
  sunday: 7,
  sun: 7,
}
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
}
const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'
const WEEKDAY_RE = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs)?|fri|sat|sun)'

// Cheap gates: most messages mention no date at all, and each date pattern is a full scan.
const DATE_HINT =
  /\d|[天周期拜月号日昨今明前后]|yesterday|today|tomorrow|ago|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i
const REL_HINT = /[天日儿早晨]|yesterday|today|tomorrow/i
const EN_WEEKDAY_HINT = /mon|tue|wed|thu|fri|sat|sun/i
const EN_MONTH_HINT = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i
const RX18 = new RegExp(`(\\d{1,2}|[${ZN}]{1,3})\\s?天(?:前|之前|以前)`, 'g')
const RX19 = new RegExp(`\\b(\\d{1,2}|${EN_NUMBER_WORDS}|a)\\s(days?|weeks?)\\sago\\b`, 'gi')
const RX20 = new RegExp(`\\b(last|this|next|on)?\\s?${WEEKDAY_RE}\\b`, 'gi')
const RX21 = new RegExp(`\\b${MONTH_RE}\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s(20\\d{2}))?`, 'gi')
const RX22 = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?${MONTH_RE}\\b(?:,?\\s(20\\d{2}))?`, 'gi')

function dates(t: string, out: Candidate[], refIso: string | undefined) {
  const ref = refIso ? parseIsoDate(refIso) : null
  const add = (m: RegExpMatchArray, at: number | null, text = m[0], offset = 0) => {
    if (at !== null) push(out, 'date', text, m.index! + offset, toIsoDate(at), 78)
  }
  for (const m of t.matchAll(/(?<!\d)(20\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?(?!\d)/g)) {
    add(m, monthDay(ref ?? 0, Number(m[2]), Number(m[3]), Number(m[1])))
  }
  if (ref === null || !DATE_HINT.test(t)) return
  const rel: [RegExp, number][] = [
    [/大前天/g, -3],
    [/(?<!大)前天/g, -2],
    [/昨天|昨日|昨儿/g, -1],
    [/今天|今日|今儿|今早|今晨/g, 0],
    [/昨晚|昨早/g, -1],
    [/明天|明日/g, 1],
    [/(?<!大)后天/g, 2],
    [/\bthe day before yesterday\b/gi, -2],
    [/\byesterday\b/gi, -1],
    [/\btoday\b/gi, 0],
    [/\btomorrow\b/gi, 1],
    [/\bthe day after tomorrow\b/gi, 2],
  ]
  if (REL_HINT.test(t)) for (const [re, d] of rel) for (const m of t.matchAll(re)) add(m, addDays(ref, d))
  const hasDigit = /\d/.test(t)
  if (t.includes('天'))
    for (const m of t.matchAll(RX18)) {
      const n = parseNumber(m[1]!)
      if (n !== null) add(m, addDays(ref, -n))
    }
  if (/ago/i.test(t))
    for (const m of t.matchAll(RX19)) {
      const n = m[1]!.toLowerCase() === 'a' ? 1 : parseNumber(m[1]!)
      if (n !== null) add(m, addDays(ref, -n * (/week/i.test(m[2]!) ? 7 : 1)))
    }
  if (/[周期拜]/.test(t))
    for (const m of t.matchAll(/(上上|上|这|本|下下|下)?(?:个)?(周|星期|礼拜)([一二三四五六日天1-7])/g)) {
      const wd = ZH_WEEKDAY[m[3]!]!
      const p = m[1]
      const offset = p === '上上' ? -2 : p === '上' ? -1 : p === '下' ? 1 : p === '下下' ? 2 : p ? 0 : null
      add(m, offset === null ? previousOrToday(ref, wd) : weekdayInWeek(ref, offset, wd))
    }
  if (EN_WEEKDAY_HINT.test(t))
    for (const m of t.matchAll(RX20)) {
      const wd = EN_WEEKDAY[m[2]!.toLowerCase()]!
      const p = m[1]?.toLowerCase()
      const at =
        p === 'next' ? nextWeekday(ref, wd) : p === 'this' ? weekdayInWeek(ref, 0, wd) : previousOrToday(ref, wd)
      const lead = m[0].length - m[0].trimStart().length
      add(m, p === 'last' ? previousWeekday(ref, wd) : at, m[0].trim(), lead)
    }
  if (t.includes('月'))
    for (const m of t.matchAll(
      /(?<![\d年.-])(上个?月|这个?月|本月)?(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})[日号](?!\d)/g,
    )) {
      const month = parseNumber(m[2]!)
      const day = parseNumber(m[3]!)
      if (month !== null && day !== null) add(m, monthDay(ref, month, day))
    }
  if (t.includes('月'))
    for (const m of t.matchAll(/(上个?月|这个?月|本月|下个?月)(\d{1,2}|[一二三四五六七八九十]{1,3})[日号](?!\d)/g)) {
      const day = parseNumber(m[2]!)
      const d = new Date(ref)
      const shift = m[1]!.startsWith('上') ? -1 : m[1]!.startsWith('下') ? 1 : 0
      const y = d.getUTCFullYear()
      const mon = d.getUTCMonth() + shift
      const at = Date.UTC(y, mon, day ?? 1)
      if (day !== null && new Date(at).getUTCDate() === day) add(m, at)
    }
  if (hasDigit && /[日号]/.test(t))
    for (const m of t.matchAll(/(?<![\d月])(\d{1,2})[日号](?![\d码])/g)) {
      const before = t.slice(Math.max(0, m.index - 3), m.index)
      if (/月\s*$|个/.test(before)) continue
      const day = Number(m[1])
      const d = new Date(ref)
      let at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), day)
      if (at > ref + 3 * 86_400_000) at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, day)
      if (new Date(at).getUTCDate() === day) add(m, at)
    }
  if (hasDigit && EN_MONTH_HINT.test(t))
    for (const m of t.matchAll(RX21)) {
      const month = MONTHS[m[1]!.toLowerCase().slice(0, m[1]!.toLowerCase().startsWith('sept') ? 4 : 3)]!
      add(m, monthDay(ref, month, Number(m[2]), m[3] ? Number(m[3]) : undefined))
    }
  if (hasDigit && EN_MONTH_HINT.test(t))
    for (const m of t.matchAll(RX22)) {
      const month = MONTHS[m[2]!.toLowerCase().slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3)]!
      add(m, monthDay(ref, month, Number(m[1]), m[3] ? Number(m[3]) : undefined))
    }
}

const DEVICE_RE = new RegExp(
  [
    '\\biphone\\s?(?:\\d{1,2}|se|x[rs]?)(?:\\s?(?:pro max|pro|plus|max|mini|\\+))?',
    '\\bipad(?:\\s?(?:pro|air|mini))?(?:\\s?\\d{1,2})?',
    '\\bmacbook(?:\\s?(?:air|pro))?(?:\\s?\\d{2})?',
    '\\bairpods(?:\\s?(?:pro|max))?(?:\\s?\\d)?',
    '\\bapple watch(?:\\s?(?:series\\s?\\d+|ultra\\s?\\d?|se))?',
    '\\b(?:galaxy\\s?)?(?:s|note|z\\s?fold|z\\s?flip)\\s?\\d{1,2}(?:\\s?(?:ultra|plus|\\+|fe))?(?=\\b)',
    '(?:华为|huawei)?\\s?\\b(?:mate|nova|pura)\\s?\\d{1,2}(?:\\s?(?:pro\\+?|rs|e|se))?',
    '(?:华为|huawei)\\s?p\\d{2}(?:\\s?pro)?',
    '(?:小米|xiaomi)\\s?\\d{1,2}(?:\\s?(?:pro|ultra))?',
    '(?:红米|redmi)\\s?(?:note|k)?\\s?\\d{1,2}(?:\\s?(?:pro\\+?|turbo))?',
    '(?:荣耀|honor)\\s?(?:magic\\s?)?\\d{1,2}(?:\\s?pro)?',
    '\\bpixel\\s?\\d{1,2}(?:\\s?(?:pro|a))?',
    '\\b(?:oppo\\s?)?find\\s?x\\d(?:\\s?(?:pro|ultra))?',
    '\\bvivo\\s?(?:x|s|y)\\d{1,3}(?:\\s?pro)?',
    '\\bthinkpad\\s?[a-z]\\d{1,2}',
    '\\b[a-z]\\d{1,2}\\s(?:pro max|pro|max|ultra|plus|lite|mini)\\b',
  ].join('|'),
  'gi',
)

function previousOrToday(ref: number, weekday: number): number {
  return weekdayInWeek(ref, 0, weekday) <= ref ? weekdayInWeek(ref, 0, weekday) : previousWeekday(ref, weekday)
}

function deviceModels(t: string, out: Candidate[]) {
  for (const m of t.matchAll(DEVICE_RE)) {
    const text = m[0].trim()
    if (text.length < 2) continue
    const start = m.index + (m[0].length - m[0].trimStart().length)
    // Bare "S 20" style matches are only device models with a brand or Galaxy in front.
    if (/^(?:s|note)\s?\d/i.test(text) && !/galaxy|samsung|三星/i.test(t.slice(Math.max(0, start - 10), start)))
      continue
    push(out, 'device_model', text, start, canonicalModel(text), 68)
  }
}

function canonicalModel(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/([a-z])(\d)/gi, '$1 $2')
    .replace(
      /\b(iphone|ipad|macbook|airpods|pixel|mate|nova|pura|redmi|xiaomi|honor|galaxy|vivo|oppo|find|thinkpad)\b/gi,
      (w) => (w === w.toLowerCase() ? (CANON[w] ?? w) : w),
    )
    .replace(/\b(pro|max|plus|ultra|mini|air|lite)\b/gi, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .replace(/^([a-z]) (\d)/i, (_, a: string, d: string) => `${a.toUpperCase()}${d}`)
}
const CANON: Record<string, string> = {
  iphone: 'iPhone',
  ipad: 'iPad',
  macbook: 'MacBook',
  airpods: 'AirPods',
  pixel: 'Pixel',
  mate: 'Mate',
  nova: 'Nova',
  pura: 'Pura',
  redmi: 'Redmi',
  xiaomi: 'Xiaomi',
  honor: 'Honor',
  galaxy: 'Galaxy',
  vivo: 'vivo',
  oppo: 'OPPO',
  find: 'Find',
  thinkpad: 'ThinkPad',
}

function products(t: string, out: Candidate[], catalog: CatalogMatcher) {
  const lower = t.toLowerCase()
  for (let i = 0; i < lower.length; i++) {
    const list = catalog.byFirst.get(lower[i]!)
    if (!list) continue
    // Latin names must start and end on a word edge ("pro" is not in "product").
    if (/[a-z0-9]/.test(lower[i]!) && i > 0 && /[a-z0-9]/.test(lower[i - 1]!)) continue
    for (const len of list) {
      if (i + len > lower.length) continue
      const name = lower.slice(i, i + len)
      const e = catalog.names.get(name)
      if (e === undefined) continue
      const end = i + len
      if (/[a-z0-9]$/.test(name) && end < lower.length && /[a-z0-9]/.test(lower[end]!)) continue
      const value = typeof e === 'string' ? e : e.skus.length === 1 ? e.skus[0] : { skus: e.skus }
      push(out, 'product', t.slice(i, end), i, value, typeof e !== 'string' && e.brand ? 62 : 69)
      break
    }
  }
}

function resolve(cands: Candidate[]): Entity[] {
  cands.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: Candidate[] = []
  for (const c of cands) {
    const clash = kept.some((k) => {
      if (c.start >= k.end || c.end <= k.start) return false
      // A catalog product and the device model it is may share one span.
      const pair = new Set([c.type, k.type])
      return !(pair.has('product') && pair.has('device_model') && c.start === k.start && c.end === k.end)
    })
    if (!clash) kept.push(c)
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end)
  return kept.map(({ priority: _p, ...e }) => e)
}

/**
 * Extracts entities from a message. Offsets are UTF-16 indices into `text`.
 * @example
 * extractEntities('订单KF202411200001，电话13812345678', {})
 * // → [{type:'order_no', value:'KF202411200001', …}, {type:'phone', value:'+8613812345678', …}]
 */
export function extractEntities(text: string, ctx: EntityContext = {}): Entity[] {
  if (!text) return []
  const t = halfWidth(text.length > 4000 ? text.slice(0, 4000) : text)
  const out: Candidate[] = []
  // Cheap gates keep the common short message fast: most extractors need a digit or a
  // Chinese number to match anything.
  const digit = /\d/.test(t)
  const zhNumber = ZH_NUMBER_RE.test(t)
  if (digit) {
    orderNumbers(t, out, ctx.orderPrefixes ?? [])
    trackingNumbers(t, out)
    phones(t, out)
  }
  if (digit || zhNumber || /dollars|bucks/i.test(t)) amounts(t, out)
  if (digit || zhNumber || /\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple)\b/i.test(t))
    quantities(t, out)
  sizes(t, out)
  colors(t, out)
  if (digit || zhNumber) for (const m of bodyMeasures(t)) out.push({ ...m, priority: m.priority })
  dates(t, out, ctx.referenceDate)
  if (digit || /ipad|macbook|airpods|watch/i.test(t)) deviceModels(t, out)
  if (ctx.catalog) products(t, out, ctx.catalog)
  return resolve(out).map((e) => ({ ...e, text: text.slice(e.start, e.end) }))
}
