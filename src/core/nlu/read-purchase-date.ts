/**
 * The purchase date a customer gives when the fault flow asks for it: an ISO date (the date entity's
 * value), "2025-03-15", "2025年3月" (the 1st of that month), or nothing when they say they do not
 * know ("不记得了", "not sure"). Part of the understanding stage; the fault flow reads only the result.
 */

const DONT_KNOW = /(不记得|不知道|忘了|不清楚|don'?t know|not sure|can'?t remember|don'?t remember|no idea|forgot)/i
const YEAR_MONTH_DAY = /(20\d\d)[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?/

/** The purchase date in `text` as an ISO timestamp (never after `now` for a full date), or null. */
export function readPurchaseDate(text: string, now: Date): string | null {
  if (DONT_KNOW.test(text)) return null
  const d = new Date(text)
  if (!Number.isNaN(d.getTime()) && d.getTime() <= now.getTime()) return d.toISOString()
  const m = text.match(YEAR_MONTH_DAY)
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1))).toISOString()
  return null
}
