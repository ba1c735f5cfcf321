import type { Locale, Product } from '../domain/schemas.js'
import { normalizeText } from '../text/normalize-text.js'
import {
  ATTRIBUTE_CONCEPTS,
  type AttributeConcept,
  BUILTIN_CONCEPTS,
  COMPARE_CUES,
  DIRECTION_CUES,
  SIBLING_CONCEPTS,
} from './product-attributes.js'
import type { ProductGraph } from './product-graph.js'

export type ProductQuestion = {
  /** Attribute concept ids asked about, plus `price`, `stock`, `sizeChart`, `related`. */
  concepts: string[]
  compare: boolean
  direction: 'higher' | 'lower' | null
  /** A yes/no question ("支持…吗", "does it…?"): booleans answer yes or no. */
  yesNo: boolean
  /** Whether one thing fits / works with / charges another ("能给X2充吗", "能贴F1吗", "fit my X2 Pro Max"). */
  fit: boolean
}

/** Wording of a fit question: an accessory that works with, fits on or charges a device. */
const FIT_ZH =
  /(能用(?!多久|几)|可以用|能不能用|用得了|用不了|适用|兼容|适配|能贴|贴得上|能装|装得下|装得上|套得上|能配|配得上|通用|充不了|充不上|能给.{0,16}充|能充|可以充|给.{0,16}充电)/
const FIT_EN =
  /\b(fit|fits|work with|works with|work on|works on|compatible|charge (my|a|an|the|it)|charges (my|a|an|the)|go with|use (it|this|that|them) (with|on)|won't charge my|doesn't fit)\b/

const HAS_CJK = /[\u3400-\u9fff]/

/** True when a phrase occurs in normalised text (Chinese as substring, English on word boundaries). */
export function containsPhrase(norm: string, phrase: string): boolean {
  const p = phrase.trim()
  if (HAS_CJK.test(p)) return norm.includes(p)
  let from = 0
  for (;;) {
    const at = norm.indexOf(p, from)
    if (at < 0) return false
    from = at + 1
    const before = at === 0 ? ' ' : norm[at - 1]!
    const after = norm.slice(at + p.length, at + p.length + 2)
    if (/[a-z0-9]/.test(before)) continue
    // Allow a plural / third-person s: "colours", "supports".
    if (after === '' || /^[^a-z0-9]/.test(after) || /^s([^a-z0-9]|$)/.test(after)) return true
  }
}

/** Which product facts a message asks for. */
export function parseProductQuestion(text: string): ProductQuestion {
  const norm = normalizeText(text)
  const concepts: string[] = []
  for (const c of ATTRIBUTE_CONCEPTS) if ([...c.zh, ...c.en].some((p) => containsPhrase(norm, p))) concepts.push(c.id)
  for (const [id, cue] of Object.entries(BUILTIN_CONCEPTS)) {
    if ([...cue.zh, ...cue.en].some((p) => containsPhrase(norm, p))) concepts.push(id)
  }
  // "尺码表" also contains "尺码": the chart answers both.
  if (concepts.includes('sizeChart')) remove(concepts, 'sizes')
  const compare = [...COMPARE_CUES.zh, ...COMPARE_CUES.en].some((p) => containsPhrase(norm, p))
  const direction = DIRECTION_CUES.lower.some((p) => containsPhrase(norm, p))
    ? 'lower'
    : DIRECTION_CUES.higher.some((p) => containsPhrase(norm, p))
      ? 'higher'
      : null
  const yesNo =
    /(支持|能|可以|有没有|是不是|是否|带).*(吗|么|\?|？)?$/.test(norm) ||
    /^(does|do|is|are|can|will|has|have)\b/.test(norm)
  const fit = FIT_ZH.test(norm) || FIT_EN.test(norm)
  return { concepts, compare, direction, yesNo, fit }
}

function remove(list: string[], item: string): void {
  const i = list.indexOf(item)
  if (i >= 0) list.splice(i, 1)
}

export type ProductAnswer = { text: string; data: Record<string, unknown>; complete: boolean }

/**
 * Composes the answer from LIVE product rows (price and stock as stored right
 * now). `complete` is false when the catalog has no value for something asked,
 * so the caller can say so instead of pretending.
 */
export function composeProductAnswer(
  q: ProductQuestion,
  products: Product[],
  locale: Locale,
  graph: ProductGraph,
): ProductAnswer {
  const zh = locale === 'zh'
  if (products.length >= 2 && q.compare) return compare(q, products.slice(0, 2), locale)
  const p = products[0]!
  const name = displayName(p, locale)
  const parts: string[] = []
  let complete = true
  const concepts = withSiblings(q.concepts.length > 0 ? q.concepts : ['summary'], p, locale)
  for (const id of concepts) {
    if (id === 'price' || id === 'summary') parts.push(priceLine(p, locale))
    if (id === 'stock' || id === 'summary') parts.push(stockLine(p, locale))
    if (id === 'sizeChart' || (id === 'sizes' && p.sizeChart)) {
      if (p.sizeChart) parts.push(sizeChartLine(p, locale))
      else if (id === 'sizeChart') complete = false
    }
    if (id === 'related') {
      const node = graph.get(p.sku)
      const related = (node?.related ?? []).filter((s) => graph.get(s))
      const skus = [...new Set([...related, ...graph.alternatives(p.sku, 3)])].slice(0, 3)
      if (skus.length > 0) {
        const names = skus.map((s) => {
          const n = graph.get(s)
          return n ? (zh ? n.title : (n.titleEn ?? n.title)) : s
        })
        parts.push(zh ? `相关推荐：${names.join('、')}。` : `You may also like: ${names.join(', ')}.`)
      } else complete = false
    }
    const concept = ATTRIBUTE_CONCEPTS.find((c) => c.id === id)
    if (!concept) continue
    const values = attributeValues(p, concept, locale)
    if (values.length === 0) {
      complete = false
      parts.push(
        zh
          ? `商品资料里没有写明${concept.label.zh}，我帮您转人工确认。`
          : `The product details don't list its ${concept.label.en}; let me check with a colleague.`,
      )
      continue
    }
    parts.push(attributeLine(concept, values, locale, q.yesNo))
  }
  const body = [...new Set(parts)].join(zh ? '' : ' ')
  return {
    text: zh ? `【${name}】${body}` : `${name}: ${body}`,
    data: productData(p),
    complete,
  }
}

/**
 * A concept the product does not list is answered by its sibling when the product lists that one ("多少瓦" on a
 * charger is its output power, not fast charging); a sibling asked beside a listed one is dropped.
 */
function withSiblings(concepts: string[], p: Product, locale: Locale): string[] {
  const listed = (id: string) => {
    const c = ATTRIBUTE_CONCEPTS.find((x) => x.id === id)
    return c ? attributeValues(p, c, locale).length > 0 : true
  }
  const out: string[] = []
  for (const id of concepts) {
    const pair = SIBLING_CONCEPTS.find(([a, b]) => a === id || b === id)
    const other = pair ? (pair[0] === id ? pair[1] : pair[0]) : null
    const next = other && !listed(id) && listed(other) ? other : id
    if (!out.includes(next)) out.push(next)
  }
  return out
}

function compare(q: ProductQuestion, products: Product[], locale: Locale): ProductAnswer {
  const zh = locale === 'zh'
  const [a, b] = products as [Product, Product]
  const na = displayName(a, locale)
  const nb = displayName(b, locale)
  const lines: string[] = []
  let complete = true
  // "有啥区别" / "what's the difference" names no attribute: show the ones that differ, then the price.
  const concepts = q.concepts.length > 0 ? q.concepts : [...differingConcepts(a, b, locale), 'price']
  for (const id of concepts) {
    if (id === 'price') {
      lines.push(zh ? `价格：${na} ${money(a)}，${nb} ${money(b)}。` : `Price: ${na} ${money(a)}, ${nb} ${money(b)}.`)
      // "how much more is it?": the gap, said once with the cheaper one.
      if (a.price !== b.price && a.currency === b.currency) {
        const gap = money(a, Math.abs(a.price - b.price))
        lines.push(winner(a.price < b.price ? na : nb, zh ? `更便宜，便宜 ${gap}` : `is cheaper, by ${gap}`, locale))
      } else if (a.price !== b.price)
        lines.push(winner(a.price < b.price ? na : nb, zh ? '更便宜' : 'is cheaper', locale))
      continue
    }
    if (id === 'stock') {
      lines.push(zh ? `库存：${na} ${a.stock} 件，${nb} ${b.stock} 件。` : `Stock: ${na} ${a.stock}, ${nb} ${b.stock}.`)
      continue
    }
    const concept = ATTRIBUTE_CONCEPTS.find((c) => c.id === id)
    if (!concept) continue
    const va = attributeValues(a, concept, locale)
    const vb = attributeValues(b, concept, locale)
    if (va.length === 0 || vb.length === 0) complete = false
    const label = zh ? concept.label.zh : concept.label.en
    const fa =
      va.length > 0
        ? va.map((v) => formatValue(v.key, v.value, locale)).join(zh ? '，' : ', ')
        : zh
          ? '未标注'
          : 'not listed'
    const fb =
      vb.length > 0
        ? vb.map((v) => formatValue(v.key, v.value, locale)).join(zh ? '，' : ', ')
        : zh
          ? '未标注'
          : 'not listed'
    lines.push(zh ? `${label}：${na} ${fa}，${nb} ${fb}。` : `${cap(label)}: ${na} ${fa}, ${nb} ${fb}.`)
    const x = firstNumber(va)
    const y = firstNumber(vb)
    if (x !== null && y !== null && x !== y) {
      const dir = q.direction ?? concept.better ?? 'higher'
      const aWins = dir === 'higher' ? x > y : x < y
      const natural = (concept.better ?? 'higher') === dir && concept.wins
      const word = natural
        ? zh
          ? concept.wins!.zh
          : concept.wins!.en
        : zh
          ? `${concept.label.zh}${dir === 'higher' ? '更高' : '更低'}`
          : `has the ${dir === 'higher' ? 'higher' : 'lower'} ${concept.label.en}`
      lines.push(winner(aWins ? na : nb, word, locale))
    }
  }
  lines.push(
    zh ? `当前价格 ${na} ${money(a)}、${nb} ${money(b)}。` : `Current prices: ${na} ${money(a)}, ${nb} ${money(b)}.`,
  )
  return {
    text: [...new Set(lines)].join(zh ? '' : ' '),
    data: { ...productData(a), compared: [productData(a), productData(b)] },
    complete,
  }
}

/** Up to four attributes both products list with different values, in the catalog's concept order. */
function differingConcepts(a: Product, b: Product, locale: Locale): string[] {
  const out: string[] = []
  for (const concept of ATTRIBUTE_CONCEPTS) {
    const va = attributeValues(a, concept, locale)
    const vb = attributeValues(b, concept, locale)
    if (va.length === 0 || vb.length === 0) continue
    const fa = va.map((v) => formatValue(v.key, v.value, locale)).join()
    const fb = vb.map((v) => formatValue(v.key, v.value, locale)).join()
    if (fa !== fb) out.push(concept.id)
    if (out.length === 4) break
  }
  return out
}

function winner(name: string, what: string, locale: Locale): string {
  return locale === 'zh' ? `${name}${what}。` : `${name} ${what}.`
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** The product's name in the customer's language (English title when there is one). */
export function displayName(p: Product, locale: Locale): string {
  if (locale === 'en') {
    const en = p.attributes.titleEn
    if (typeof en === 'string' && en) return en
    const alias = p.aliases?.find((a) => /^[\x20-\x7e]+$/.test(a))
    if (alias) return alias
  }
  return p.title
}

export function productData(p: Product): Record<string, unknown> {
  return { sku: p.sku, title: p.title, price: p.price, currency: p.currency, stock: p.stock, category: p.category }
}

function money(p: Product, amount: number = p.price): string {
  const symbol = p.currency === 'CNY' ? '¥' : p.currency === 'USD' ? '$' : `${p.currency} `
  return `${symbol}${Number.isInteger(amount) ? amount : amount.toFixed(2)}`
}

function priceLine(p: Product, locale: Locale): string {
  const drop = p.listPrice !== undefined && p.listPrice > p.price
  if (locale === 'zh') return `现价 ${money(p)}${drop ? `（原价 ${money(p, p.listPrice!)}）` : ''}。`
  return `The current price is ${money(p)}${drop ? ` (was ${money(p, p.listPrice!)})` : ''}.`
}

function stockLine(p: Product, locale: Locale): string {
  if (locale === 'zh') return p.stock > 0 ? `现货 ${p.stock} 件。` : '目前缺货。'
  return p.stock > 0 ? `${p.stock} in stock.` : 'Currently out of stock.'
}

function sizeChartLine(p: Product, locale: Locale): string {
  const rows = p.sizeChart!.rows.map((r) => {
    const bits: string[] = []
    if (r.heightCm)
      bits.push(locale === 'zh' ? `身高${r.heightCm[0]}-${r.heightCm[1]}cm` : `${r.heightCm[0]}-${r.heightCm[1]} cm`)
    if (r.weightKg)
      bits.push(locale === 'zh' ? `体重${r.weightKg[0]}-${r.weightKg[1]}kg` : `${r.weightKg[0]}-${r.weightKg[1]} kg`)
    if (r.chestCm)
      bits.push(locale === 'zh' ? `胸围${r.chestCm[0]}-${r.chestCm[1]}cm` : `chest ${r.chestCm[0]}-${r.chestCm[1]} cm`)
    if (r.footLengthMm)
      bits.push(
        locale === 'zh'
          ? `脚长${r.footLengthMm[0]}-${r.footLengthMm[1]}mm`
          : `foot ${r.footLengthMm[0]}-${r.footLengthMm[1]} mm`,
      )
    return `${r.size}${bits.length > 0 ? ` (${bits.join(locale === 'zh' ? '，' : ', ')})` : ''}`
  })
  return locale === 'zh' ? `尺码表：${rows.join('；')}。` : `Size chart: ${rows.join('; ')}.`
}

type KeyValue = { key: string; value: unknown }

/** How many of the asked attribute concepts the product has values for (price/stock always count). */
export function conceptsCovered(p: Product, concepts: string[], locale: Locale): number {
  let n = 0
  for (const id of concepts) {
    const c = ATTRIBUTE_CONCEPTS.find((x) => x.id === id)
    if (!c || attributeValues(p, c, locale).length > 0) n++
  }
  return n
}

const NOT_ATTRIBUTES = new Set(['titleEn', 'descriptionEn', 'brandEn'])

/**
 * Values of the attributes a concept covers. Catalogs carry English twins as
 * `<key>En` (`colors` / `colorsEn`): English answers use the twin when there is one.
 */
function attributeValues(p: Product, concept: AttributeConcept, locale: Locale): KeyValue[] {
  const out: KeyValue[] = []
  const attrs = p.attributes
  for (const key of Object.keys(attrs)) {
    if (NOT_ATTRIBUTES.has(key)) continue
    const twin = /[a-z0-9]En$/.test(key)
    const base = twin ? key.slice(0, -2) : key
    if (!concept.keys.test(base)) continue
    // A twin is only used on its own when the catalog has no base key.
    if (twin && base in attrs) continue
    const value = !twin && locale === 'en' && attrs[`${key}En`] !== undefined ? attrs[`${key}En`] : attrs[key]
    if (value === null || value === undefined || value === '') continue
    out.push({ key: base, value })
  }
  return out
}

function firstNumber(values: KeyValue[]): number | null {
  for (const v of values) {
    if (typeof v.value === 'number') return v.value
    if (typeof v.value === 'string') {
      const m = /-?\d+(\.\d+)?/.exec(v.value)
      if (m) return Number(m[0])
    }
  }
  return null
}

function attributeLine(concept: AttributeConcept, values: KeyValue[], locale: Locale, yesNo: boolean): string {
  const zh = locale === 'zh'
  const label = zh ? concept.label.zh : concept.label.en
  const bool = values.find((v) => typeof v.value === 'boolean')
  if (bool) {
    const yes = bool.value === true
    const rest = values.filter((v) => v !== bool).map((v) => formatValue(v.key, v.value, locale))
    const extra = yes && rest.length > 0 ? (zh ? `（${rest.join('，')}）` : ` (${rest.join(', ')})`) : ''
    if (zh) return yes ? `支持${label}${extra}。` : `不支持${label}。`
    return yes ? `Yes, it supports ${label}${extra}.` : `No, it does not support ${label}.`
  }
  const shown = values.map((v) => formatValue(v.key, v.value, locale)).join(zh ? '，' : ', ')
  if (yesNo && !zh) return `${cap(label)}: ${shown}.`
  return zh ? `${label}：${shown}。` : `${cap(label)}: ${shown}.`
}

/** Units by the last camelCase word of the key: `batteryMah` → mAh, `chargingW` → W, `warrantyMonths` → months. */
const UNITS: Record<string, [string, string]> = {
  hours: ['小时', ' hours'],
  h: ['小时', ' hours'],
  months: ['个月', ' months'],
  days: ['天', ' days'],
  years: ['年', ' years'],
  min: ['分钟', ' min'],
  mah: ['mAh', ' mAh'],
  wh: ['Wh', ' Wh'],
  w: ['W', ' W'],
  percent: ['%', '%'],
  pct: ['%', '%'],
  content: ['%', '%'],
  gb: ['GB', ' GB'],
  tb: ['TB', ' TB'],
  mm: ['mm', ' mm'],
  cm: ['cm', ' cm'],
  m: ['米', ' m'],
  m2: ['平方米', ' m²'],
  kg: ['kg', ' kg'],
  g: ['g', ' g'],
  gsm: ['g/m²', ' g/m²'],
  inch: ['英寸', '"'],
  hz: ['Hz', ' Hz'],
  db: ['dB', ' dB'],
  ms: ['毫秒', ' ms'],
  pa: ['Pa', ' Pa'],
  bar: ['bar', ' bar'],
}

function unitOf(key: string): [string, string] | undefined {
  const words = key.split(/(?=[A-Z])|_/).filter(Boolean)
  if (words.length < 2) return undefined
  return UNITS[words[words.length - 1]!.toLowerCase()]
}

/** Renders one attribute value in the customer's language with the unit its key implies. */
export function formatValue(key: string, value: unknown, locale: Locale): string {
  const zh = locale === 'zh'
  if (typeof value === 'boolean') return zh ? (value ? '支持' : '不支持') : value ? 'yes' : 'no'
  if (Array.isArray(value)) return value.map((v) => formatValue('', v, locale)).join(zh ? '、' : ', ')
  if (typeof value === 'number') {
    const unit = unitOf(key)
    return unit ? `${value}${zh ? unit[0] : unit[1]}` : String(value)
  }
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k} ${formatValue(k, v, locale)}`)
      .join(zh ? '，' : ', ')
  }
  return String(value)
}
