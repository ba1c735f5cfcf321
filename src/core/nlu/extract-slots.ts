/**
 * Turns NLU entities (plus a few patterns the entity extractor does not model, like "尾号 1234") into slot
 * values. Values are normalised to plain strings / numbers so the state stays simple JSON. Part of the
 * understanding stage (src/core/nlu/understand-turn.ts); dialogue and skills read only the result.
 */

import { colourInText } from './colours.js'
import { girthsIn } from './extract-girths.js'
import { footLengthMm, usualShoeSize, usualUsShoeSize, wideOrHighFoot } from './extract-shoe-size.js'
import type { Entity, NluResult } from './types.js'

export type ExtractedSlots = {
  order?: string
  /** Every order-number-looking token, for "not this one, that one" and lookups. */
  orderCandidates: string[]
  sku?: string
  size?: string
  color?: string
  deviceModel?: string
  date?: string
  heightCm?: number
  weightKg?: number
  /** Body girths in cm ("胸围102", "bust 86, waist 70"). */
  chestCm?: number
  waistCm?: number
  hipCm?: number
  /** Foot length in mm ("脚长262", "my foot is 24.3cm"). */
  footMm?: number
  /** The EU shoe size usually worn ("平时穿38", "he's a 42"). */
  shoeSize?: number
  /** The US shoe size usually worn ("I wear a US 10"). */
  usShoeSize?: number
  /** "脚背比较高", "wide feet": the foot needs room (fit notes may size up). */
  wideFoot?: boolean
  /**
   * "我165 62kg 男朋友180 78kg": a second person's height and weight after the customer's own, with the
   * word that names them, said back to the customer ("男朋友", "your husband").
   */
  otherBody?: { who: string; heightCm: number; weightKg: number }
  phone?: string
  phoneLast4?: string
  trackingNo?: string
  quantity?: number
  /**
   * The colour word of the message in the skills' coarse vocabulary (nlu/colours.ts: 藏青 → blue), even
   * when the entity extractor found a finer one; stock answers compare catalog variants with it.
   */
  colourWord?: string
  /** A letter size anywhere in the message, any case ("m码", "in xl"): what a stock question asks for. */
  sizeWord?: string
  /** "which is cheaper, the X2 or the O9?": the products named when there are two or more (SKUs). */
  products?: string[]
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim()
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    for (const k of ['value', 'sku', 'normalized', 'id', 'model', 'date', 'name']) {
      if (typeof o[k] === 'string' || typeof o[k] === 'number') return String(o[k])
    }
  }
  return undefined
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (typeof v === 'string') {
    const n = Number.parseFloat(v)
    return Number.isFinite(n) ? n : undefined
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    for (const k of ['cm', 'kg', 'value', 'amount']) if (typeof o[k] === 'number') return o[k] as number
  }
  return undefined
}

/** Order-number-looking tokens: letters+digits or long digit runs that are not Chinese mobile numbers. */
const ORDER_TOKEN = /(?<![A-Za-z0-9])([A-Za-z]{1,4}[-_]?\d{5,}|\d{8,})(?![A-Za-z0-9])/g
const MOBILE = /^1[3-9]\d{9}$/

export function orderTokens(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(ORDER_TOKEN)) {
    const t = m[1]!
    if (MOBILE.test(t)) continue
    out.push(t.toUpperCase())
  }
  return out
}

const SIZE_WORD = /(?<![A-Za-z])(XXXL|XXL|XL|XS|S|M|L|[2-4]XL)(?![A-Za-z])(?:\s*码)?/i

/** The digits said first: "7417 is my phone's last 4", "5678是手机尾号". */
const LAST4_AFTER =
  /(?<!\d)(\d{4})(?!\d)\s*(?:is|are|=)?\s*(?:my |the )?(?:phone'?s? |mobile'?s? )?(?:number'?s? )?(?:last ?(?:4|four)|ending)|(?<!\d)(\d{4})(?!\d)\s*(?:是)?(?:我的?)?(?:手机|电话)?(?:号)?(?:的)?(?:尾号|后四位|后4位)/i
const LAST4 =
  /(?:尾号|后四位|后4位|末四位|末4位|last ?(?:4|four)(?: digits)?(?: (?:are|is))?:?|ending (?:in|with)|(?:phone|mobile|number) (?:ends?|ending|finish(?:es)?|finished) (?:in |with )?)\s*[:：是为]?\s*(\d{4})(?!\d)/i
const BARE4 = /^\D{0,6}(\d{4})\D{0,6}$/
/** What is left of "KF202611170328 7085" once the order number is taken out: four digits alone. */
const ORDER_AND_4 = /^[\s,，.。:：;；/、]*(\d{4})[\s,，.。;；!！]*$/

/** Heights and weights written the common ways: 170cm, 1米7, 身高170, 65kg, 130斤, 150 lbs, 5'9". */
export function bodyMeasures(text: string): { heightCm?: number; weightKg?: number } {
  const out: { heightCm?: number; weightKg?: number } = {}
  const h =
    text.match(/(1[3-9]\d|2[0-2]\d)\s*(?:cm|厘米|公分)/i) ??
    text.match(/(?:身高|高|height|tall)\s*[:：是]?\s*(1[3-9]\d|2[0-2]\d)(?!\d)/i) ??
    text.match(/(?<!\d)(1[3-9]\d)(?!\d)\s*[,，/、\s]\s*\d{2,3}\s*(?:kg|公斤|千克|斤)/i)
  if (h) out.heightCm = Number(h[1])
  else {
    const m = text.match(/([12])\s*米\s*([0-9])([0-9])?/)
    if (m) out.heightCm = Number(m[1]) * 100 + Number(m[2]) * 10 + (m[3] ? Number(m[3]) : 0)
    const ft = text.match(/(\d)\s*(?:'|ft|feet|foot)\s*(\d{1,2})?\s*(?:"|in|inches)?/i)
    if (!m && ft) out.heightCm = Math.round(Number(ft[1]) * 30.48 + (ft[2] ? Number(ft[2]) * 2.54 : 0))
  }
  const kg = text.match(/(\d{2,3}(?:\.\d)?)\s*(?:kg|公斤|千克|kilos?)/i)
  const jin = text.match(/(\d{2,3}(?:\.\d)?)\s*斤/)
  const lb = text.match(/(\d{2,3})\s*(?:lbs?|pounds)/i)
  const w = text.match(/(?:体重|weight|weigh)\s*[:：是]?\s*(\d{2,3})(?!\d)/i)
  if (kg) out.weightKg = Number(kg[1])
  else if (jin) out.weightKg = Number(jin[1]) / 2
  else if (lb) out.weightKg = Math.round(Number(lb[1]) * 0.4536)
  else if (w) out.weightKg = Number(w[1])
  return out
}

/** A phone number presented as the customer's own (not as a new one: "改成", "换成", "new number"). */
const OWN_PHONE =
  /^(?!.*(改成|改为|换成|换为|更换|修改|新(的)?(手机|电话|号码)|\bnew (phone|number|mobile)\b|\bchange\b|\bupdate\b))(?=.*(手机|电话|号码|\bphone\b|\bmobile\b|\bnumber\b|\btel\b))/is
/** Collects slot values from the NLU result and the raw text. `awaiting` widens what a bare value means. */
export function extractSlots(text: string, nlu: NluResult, awaiting: string | null): ExtractedSlots {
  const out: ExtractedSlots = { orderCandidates: [] }
  const byType = (t: Entity['type']) => nlu.entities.filter((e) => e.type === t)
  for (const e of byType('order_no')) {
    const v = str(e.value) ?? e.text
    if (v && !out.orderCandidates.includes(v.toUpperCase())) out.orderCandidates.push(v.toUpperCase())
  }
  for (const t of orderTokens(text)) if (!out.orderCandidates.includes(t)) out.orderCandidates.push(t)
  const phoneEnt = byType('phone')[0]
  const phone = phoneEnt ? (str(phoneEnt.value) ?? phoneEnt.text).replace(/\D/g, '') : undefined
  if (phone && phone.length >= 7) {
    out.phone = phone
    out.orderCandidates = out.orderCandidates.filter((o) => o !== phone)
  }
  // A mobile number typed while we wait for a new phone number is a phone, never an order.
  if (!out.phone && awaiting === 'newPhone') {
    const m = text.replace(/[\s-]/g, '').match(/\+?\d{7,15}/)
    if (m) out.phone = m[0]
  }
  if (!out.phone) {
    const m = text.match(/(?<!\d)(1[3-9]\d{9})(?!\d)/)
    if (m) out.phone = m[1]
  }
  if (out.orderCandidates.length > 0) out.order = out.orderCandidates[0]
  const l4 = text.match(LAST4) ?? text.match(LAST4_AFTER)
  if (l4) out.phoneLast4 = l4[1] ?? l4[2]
  else if (awaiting === 'phoneLast4' || awaiting === 'verify' || out.order) {
    // The order number as typed ("KF 2026 1124 0392") and as read, so none of its digit groups is taken.
    let stripped = out.order ? text.replace(new RegExp(out.order, 'i'), ' ') : text
    for (const e of byType('order_no')) stripped = stripped.replace(e.text, ' ')
    // "KF202611170328 7085": an order number and a bare group of four digits beside it, with nothing
    // else said, is the order and the phone's last four, whether or not we asked for them yet.
    const waiting = awaiting === 'phoneLast4' || awaiting === 'verify'
    const m = waiting ? (stripped.match(/(?<!\d)(\d{4})(?!\d)/) ?? stripped.match(BARE4)) : stripped.match(ORDER_AND_4)
    if (m) out.phoneLast4 = m[1]
  }
  if (out.phone && !out.phoneLast4 && (awaiting === 'phoneLast4' || awaiting === 'verify'))
    out.phoneLast4 = out.phone.slice(-4)
  // "订单KF…，手机151…61" / "我手机号188…14 帮我查下订单": the whole number given as who they are holds the
  // last four (a number given as a new contact, in an address change, is not an identity).
  if (out.phone && !out.phoneLast4 && awaiting !== 'newPhone' && nlu.intent !== 'modify_order' && OWN_PHONE.test(text))
    out.phoneLast4 = out.phone.slice(-4)
  const sku = byType('product')[0]
  if (sku) out.sku = str(sku.value) ?? sku.text
  // "the X2 or the O9?": every product named by itself (a brand naming several is not one).
  const named = byType('product')
    .map((e) => (typeof e.value === 'string' ? e.value : null))
    .filter((v): v is string => v !== null)
  if (new Set(named).size >= 2) out.products = [...new Set(named)]
  const size = byType('size')[0]
  if (size) out.size = (str(size.value) ?? size.text).toUpperCase()
  const colourWord = colourInText(text)
  if (colourWord) out.colourWord = colourWord
  const color = byType('color')[0]
  if (color) out.color = (str(color.value) ?? color.text).toLowerCase()
  else if (colourWord) out.color = colourWord
  const sizeWord = text.match(SIZE_WORD)
  if (sizeWord) out.sizeWord = sizeWord[1]!.toUpperCase()
  if (!out.size) {
    // "XL呢", "and in XL?", "L码": letter sizes the NLU may leave out of very short follow-ups.
    const m = text.match(/(?<![A-Za-z])(XXXL|XXL|XL|XS|[2-4]XL|S|M|L)(?![A-Za-z])(?:\s*码)?/)
    if (m && (m[1]!.length > 1 || /码|size|in [SML]\b/i.test(text) || text.trim().length <= 6))
      out.size = m[1]!.toUpperCase()
  }
  const dev = byType('device_model')[0]
  if (dev) out.deviceModel = str(dev.value) ?? dev.text
  const date = byType('date')[0]
  if (date) out.date = str(date.value) ?? date.text
  const tn = byType('tracking_no')[0]
  if (tn) out.trackingNo = str(tn.value) ?? tn.text
  const q = byType('quantity')[0]
  if (q) {
    const n = num(q.value)
    if (n !== undefined) out.quantity = n
  }
  const h = byType('height')[0]
  const w = byType('weight')[0]
  const hv = h ? num(h.value) : undefined
  const wv = w ? num(w.value) : undefined
  const fallback = bodyMeasures(text)
  if (awaiting === 'body' && fallback.heightCm === undefined && fallback.weightKg === undefined) {
    // Asked for height and weight, the customer may send just the two numbers: "175 70", "175/65".
    const m = text.trim().match(/^(1[3-9]\d|2[0-2]\d)\s*[\s,，/、]\s*(\d{2,3})$/)
    if (m) {
      fallback.heightCm = Number(m[1])
      fallback.weightKg = Number(m[2])
    }
  }
  const height = hv ?? fallback.heightCm
  const weight = wv ?? fallback.weightKg
  if (height !== undefined) out.heightCm = height > 3 ? height : Math.round(height * 100)
  if (weight !== undefined) out.weightKg = weight
  Object.assign(out, girthsIn(text))
  const foot = footLengthMm(text)
  if (foot !== undefined) out.footMm = foot
  const us = usualUsShoeSize(text)
  if (us !== undefined) out.usShoeSize = us
  const shoe = us === undefined ? usualShoeSize(text) : undefined
  if (shoe !== undefined) out.shoeSize = shoe
  if (wideOrHighFoot(text)) out.wideFoot = true
  const other = secondPersonBody(text)
  if (other && out.heightCm !== undefined && out.weightKg !== undefined) out.otherBody = other
  return out
}

/** Someone the customer also shops for, named before their measurements. */
const OTHER_PERSON =
  /(男朋友|女朋友|男友|女友|老公|老婆|对象|爱人|先生|太太|媳妇|儿子|女儿|闺蜜|我妈|我爸|妈妈|爸爸|\bmy (boyfriend|girlfriend|husband|wife|partner|son|daughter|mum|mom|dad|brother|sister|friend)\b|\b(he|she) is\b|\b(he|she)'s\b)/i

/** The second person's height and weight, when the customer gave their own first and then theirs. */
function secondPersonBody(text: string): ExtractedSlots['otherBody'] | null {
  const m = OTHER_PERSON.exec(text)
  if (!m || m.index === 0) return null
  const before = bodyMeasures(text.slice(0, m.index))
  const after = bodyMeasures(text.slice(m.index + m[0].length))
  if (before.heightCm === undefined || before.weightKg === undefined) return null
  if (after.heightCm === undefined || after.weightKg === undefined) return null
  return { who: m[0].replace(/^my\b/i, 'your'), heightCm: after.heightCm, weightKg: after.weightKg }
}
