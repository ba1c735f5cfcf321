/**
 * Date arithmetic for date entities. Pure: the reference date ("today") is always passed in,
 * as `YYYY-MM-DD`; all computation is on UTC calendar days so time zones never shift a day.
 */

const DAY = 86_400_000

/** Parses `YYYY-MM-DD` to UTC midnight milliseconds; null when invalid. */
export function parseIsoDate(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return null
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const d = new Date(t)
  return d.getUTCDate() === Number(m[3]) ? t : null
}

/** Formats UTC milliseconds as `YYYY-MM-DD`. */
export function toIsoDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10)
}

/** `ref` plus `days` days. */
export function addDays(ref: number, days: number): number {
  return ref + days * DAY
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(t: number): number {
  const d = new Date(t).getUTCDay()
  return d === 0 ? 7 : d
}

/**
 * The given weekday in the calendar week `weekOffset` weeks from the reference week (weeks
 * start on Monday, as in China and ISO 8601): `上周五` = weekOffset −1, weekday 5.
 */
export function weekdayInWeek(ref: number, weekOffset: number, weekday: number): number {
  return addDays(ref, weekOffset * 7 + (weekday - isoWeekday(ref)))
}

/** The most recent given weekday strictly before the reference day ("last Friday", "周五" said of the past). */
export function previousWeekday(ref: number, weekday: number): number {
  let diff = isoWeekday(ref) - weekday
  if (diff <= 0) diff += 7
  return addDays(ref, -diff)
}

/** The next given weekday strictly after the reference day. */
export function nextWeekday(ref: number, weekday: number): number {
  let diff = weekday - isoWeekday(ref)
  if (diff <= 0) diff += 7
  return addDays(ref, diff)
}

/**
 * A month/day without a year: the reference year, unless that lands more than 60 days in the
 * future (customers mostly talk about past orders), then the year before. Null when invalid
 * (e.g. 2月30号).
 */
export function monthDay(ref: number, month: number, day: number, year?: number): number | null {
  const refYear = new Date(ref).getUTCFullYear()
  const y = year ?? refYear
  const t = Date.UTC(y, month - 1, day)
  const d = new Date(t)
  if (month < 1 || month > 12 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  if (year === undefined && t - ref > 60 * DAY) return monthDay(ref, month, day, y - 1)
  return t
}
