/**
 * Dates and times as exports write them — `2026-11-27`, `2026-11-27 18:00`, `2026/11/27 18:00:00`,
 * `2026-11-27T18:00:00` (no zone), epoch seconds or milliseconds — read in the shop's time zone and
 * written as ISO 8601 with that zone's offset (`2026-11-27T18:00:00+08:00`). A value that already
 * carries an offset is kept as it is.
 */

/** What the text looked like, for the import summary. */
export type DateForm = 'date' | 'datetime' | 'epoch-seconds' | 'epoch-milliseconds'

export type NormalisedDate = { iso: string; form: DateForm }

/** The time zone kefu assumes for a shop that has not set `settings.timezone`. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i
const LOCAL = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/
// 10 digits: seconds 2001–2286; 13 digits: milliseconds in the same span.
const EPOCH_S = /^\d{9,10}$/
const EPOCH_MS = /^\d{12,13}$/

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

export type Wall = { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number }

/** The wall clock in `timeZone` at an instant. */
export function wallAt(instant: number, timeZone: string): Wall {
  const parts: Record<string, number> = {}
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  return {
    y: parts.year!,
    mo: parts.month!,
    d: parts.day!,
    h: parts.hour! % 24,
    mi: parts.minute!,
    s: parts.second!,
    ms: ((instant % 1000) + 1000) % 1000,
  }
}

const utcOf = (w: Wall) => Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s, w.ms)

/** Offset of `timeZone` from UTC at an instant, in minutes. */
function offsetAt(instant: number, timeZone: string): number {
  return Math.round((utcOf(wallAt(instant, timeZone)) - instant) / 60_000)
}

/** The instant a wall-clock time in `timeZone` names (the earlier one across a DST fold). */
function instantOf(w: Wall, timeZone: string): number {
  const guess = utcOf(w)
  const first = guess - offsetAt(guess, timeZone) * 60_000
  const second = guess - offsetAt(first, timeZone) * 60_000
  return Math.min(first, second)
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0')

/**
 * An instant as ISO 8601 in a time zone, with its offset.
 *
 * @example
 * isoInZone(Date.UTC(2026, 10, 27, 10), 'Asia/Shanghai') // → '2026-11-27T18:00:00+08:00'
 */
export function isoInZone(instant: number, timeZone: string): string {
  const w = wallAt(instant, timeZone)
  const off = offsetAt(instant, timeZone)
  const sign = off < 0 ? '-' : '+'
  const ms = w.ms ? `.${pad(w.ms, 3)}` : ''
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}${ms}${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`
}

function validWall(w: Wall): boolean {
  if (w.mo < 1 || w.mo > 12 || w.d < 1 || w.h > 23 || w.mi > 59 || w.s > 59) return false
  return w.d <= new Date(Date.UTC(w.y, w.mo, 0)).getUTCDate()
}

/**
 * Reads a date or date-time in one of the common forms in the shop's time zone. Returns null for a
 * value already in ISO form with an offset (nothing to do) and for anything unreadable (left to the
 * schema, which names the field). A date without a time is the start of that day, or its last
 * second with `dateOnly: 'end'` (an ETA: "by that day").
 *
 * @example
 * normaliseDateTime('2026-11-27', { timeZone: 'Asia/Shanghai', dateOnly: 'end' })
 * // → { iso: '2026-11-27T23:59:59+08:00', form: 'date' }
 */
export function normaliseDateTime(
  raw: string | number,
  opts: { timeZone: string; dateOnly?: 'start' | 'end' },
): NormalisedDate | null {
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw <= 0) return null
    return raw < 1e11
      ? { iso: isoInZone(raw * 1000, opts.timeZone), form: 'epoch-seconds' }
      : { iso: isoInZone(raw, opts.timeZone), form: 'epoch-milliseconds' }
  }
  const t = raw.trim()
  if (WITH_OFFSET.test(t)) return null
  if (EPOCH_S.test(t)) return { iso: isoInZone(Number(t) * 1000, opts.timeZone), form: 'epoch-seconds' }
  if (EPOCH_MS.test(t)) return { iso: isoInZone(Number(t), opts.timeZone), form: 'epoch-milliseconds' }
  const m = LOCAL.exec(t)
  if (!m) return null
  const hasTime = m[4] !== undefined
  const end = !hasTime && opts.dateOnly === 'end'
  const w: Wall = {
    y: Number(m[1]),
    mo: Number(m[2]),
    d: Number(m[3]),
    h: hasTime ? Number(m[4]) : end ? 23 : 0,
    mi: hasTime ? Number(m[5]) : end ? 59 : 0,
    s: m[6] !== undefined ? Number(m[6]) : end ? 59 : 0,
    ms: m[7] !== undefined ? Number(m[7].padEnd(3, '0')) : 0,
  }
  if (!validWall(w)) return null
  return { iso: isoInZone(instantOf(w, opts.timeZone), opts.timeZone), form: hasTime ? 'datetime' : 'date' }
}
