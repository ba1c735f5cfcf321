/**
 * Shoe facts in a message: the foot length ("脚长262", "脚长23.2", "my foot is 243mm", "24.5cm feet")
 * and the size usually worn ("平时穿38", "I'm normally a 35", "he's a 42"), in EU sizes. Also how a
 * product's fit note shifts the size ("内里加绒较厚，建议选大一码", "Thick fleece lining: size up one").
 * Part of the understanding stage.
 */

const FOOT_ZH = /脚长\s*(?:是|有|大概|约)?\s*(\d{2,3}(?:\.\d)?)\s*(mm|毫米|cm|厘米|公分)?/i
const FOOT_EN =
  /\b(?:foot|feet)\b(?: length)?\s*(?:is|are|measures?|:)?\s*(?:about |around )?(\d{2,3}(?:\.\d)?)\s*(mm|cm)\b|\b(\d{2,3}(?:\.\d)?)\s*(mm|cm)\s*(?:long )?(?:foot|feet)\b/i
/** "my foot, it's 243mm": a length in mm / cm anywhere in a message about a foot. */
const FOOT_WORD = /(脚|\bfoot\b|\bfeet\b)/i
const FOOT_MEASURE = /(?<![\d.])(\d{3}|\d{2}\.\d)\s*(mm|cm|毫米|厘米|公分)(?![a-z])/i
const USUAL_ZH = /(?:平时|一般|通常|平常|一直)?(?:穿|是|买)\s*(3[3-9]|4[0-8])\s*(?:码|号|的)/
const USUAL_EN =
  /\b(?:i'?m|i am|he'?s|he is|she'?s|she is|i wear|he wears|she wears|i take|he takes|she takes)\s+(?:normally |usually |always |typically )?(?:an? |size |eu ?)*(3[3-9]|4[0-8])\b(?!\s*(?:cm|mm|kg|years?|yo|lbs?))/i

/** Foot length in millimetres, when the message gives one. */
export function footLengthMm(text: string): number | undefined {
  const m = text.match(FOOT_ZH) ?? text.match(FOOT_EN) ?? (FOOT_WORD.test(text) ? text.match(FOOT_MEASURE) : null)
  if (!m) return undefined
  const raw = m[1] ?? m[3]
  const unit = (m[2] ?? m[4] ?? '').toLowerCase()
  const n = Number(raw)
  const mm = unit === 'cm' || unit === '厘米' || unit === '公分' || (!unit && n < 40) ? Math.round(n * 10) : n
  return mm >= 150 && mm <= 320 ? mm : undefined
}

const USUAL_US = /(?:\bUS\s*(?:size\s*)?|美码\s*|美国码\s*)(\d{1,2}(?:\.5)?)(?!\d|\.\d)/i

/** The US shoe size the customer usually wears ("I wear a US 10", "美码9.5"). */
export function usualUsShoeSize(text: string): number | undefined {
  const m = text.match(USUAL_US)
  const n = m ? Number(m[1]) : Number.NaN
  return n >= 3 && n <= 16 ? n : undefined
}

/** The EU shoe size the customer (or the person they buy for) usually wears. */
export function usualShoeSize(text: string): number | undefined {
  const m = text.match(USUAL_ZH) ?? text.match(USUAL_EN)
  return m ? Number(m[1]) : undefined
}

/** "脚背比较高", "脚宽", "I have wide feet", "high instep": a foot that needs room. */
export function wideOrHighFoot(text: string): boolean {
  return /(脚背(比较|很|偏|有点|特别)?高|脚(型|掌)?(比较|很|偏|有点|特别)?(宽|肥)|宽脚|\bhigh (instep|arch)\b|\bwide(-| )?(feet|foot|footed)\b|\b(feet|foot) (are|is) (quite |very |pretty |rather |a bit |kind of |really )?(wide|broad)\b|\b(my )?(feet|foot)\b[^!?]{0,30}\b(and|but) (quite |very |pretty |rather |a bit |kind of |really )?(wide|broad)\b)/i.test(
    text,
  )
}

export type FitNoteRule = {
  /** Whole EU sizes to move from the chart's row (+ up, − down). */
  shift: number
  /** Millimetres to add to the foot length before reading the chart ("孩子脚长加5-10mm选码"). */
  allowanceMm: number
  /** The shift applies only to a wide foot or a high instep. */
  onlyWideFoot: boolean
}

/** How a product's fit note moves the chart's size; null for a note it cannot apply (half sizes). */
export function readFitNote(note: string): FitNoteRule | null {
  const allowance = note.match(/(?:加|add)\s*(\d+)\s*(?:-|~|到|to)\s*(\d+)\s*mm/i)
  if (allowance)
    return { shift: 0, allowanceMm: (Number(allowance[1]) + Number(allowance[2])) / 2, onlyWideFoot: false }
  const conditional = /(脚背|脚宽|宽脚|instep|wide (foot|feet))/i.test(note)
  if (/(大半码到一码|大一码|大1码|\bsize up (one|1|a (full )?size|half (a size )?to (one|a full size))\b)/i.test(note))
    return { shift: 1, allowanceMm: 0, onlyWideFoot: conditional }
  if (/(小一码|小1码|\bsize down (one|1|a (full )?size)\b)/i.test(note))
    return { shift: -1, allowanceMm: 0, onlyWideFoot: conditional }
  if (/(半码|half)/i.test(note)) return null
  return { shift: 0, allowanceMm: 0, onlyWideFoot: false }
}
