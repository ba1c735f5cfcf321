/**
 * Body girths in a customer message: "胸围102", "腰围70 臀围95", "bust 86, waist 70", "hips 94cm",
 * "chest is 40 inches" (inches converted). Part of slot extraction; size charts carry these ranges.
 */
export type Girths = { chestCm?: number; waistCm?: number; hipCm?: number }

const PARTS: Array<[keyof Girths, RegExp]> = [
  [
    'chestCm',
    /(?:胸围|上胸围|\bchest\b|\bbust\b)\s*(?:有|是|大概|约|差不多|is|of|about|around|:|：)*\s*(\d{2,3}(?:\.\d)?)\s*(cm|厘米|公分|in(?:ch(?:es)?)?\b|"|寸)?/i,
  ],
  [
    'waistCm',
    /(?:腰围|\bwaist\b)\s*(?:有|是|大概|约|差不多|is|of|about|around|:|：)*\s*(\d{2,3}(?:\.\d)?)\s*(cm|厘米|公分|in(?:ch(?:es)?)?\b|"|寸)?/i,
  ],
  [
    'hipCm',
    /(?:臀围|\bhips?\b)\s*(?:有|是|大概|约|差不多|is|of|about|around|:|：)*\s*(\d{2,3}(?:\.\d)?)\s*(cm|厘米|公分|in(?:ch(?:es)?)?\b|"|寸)?/i,
  ],
]

/** The girths the message names, in cm; a number under 50 with no unit is read as inches. */
export function girthsIn(text: string): Girths {
  const out: Girths = {}
  for (const [key, rx] of PARTS) {
    const m = rx.exec(text)
    if (!m?.[1]) continue
    const n = Number(m[1])
    const unit = (m[2] ?? '').toLowerCase()
    // "腰围2尺4" style and 寸 are not read; inches are (a number under 50 is inches, too small for cm).
    if (unit === '寸') continue
    const inches = unit.startsWith('in') || unit === '"' || (unit === '' && n < 50)
    const cm = inches ? Math.round(n * 2.54) : n
    if (cm >= 40 && cm <= 200) out[key] = cm
  }
  return out
}
