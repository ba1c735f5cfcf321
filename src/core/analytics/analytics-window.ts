/**
 * The reporting window of the analytics API and `kefu report`: `[from, to)` plus the time zone
 * that decides where a day starts (daily series, date-only bounds).
 */
import { isoInZone, normaliseDateTime } from '../domain/normalise/normalise-datetime.js'
import { AppError } from '../errors.js'

const DAY_MS = 86_400_000

/** Longest window one report may cover; keeps a single request bounded. */
export const MAX_WINDOW_DAYS = 366

/** Length of the default window, in days, ending with today. */
export const DEFAULT_WINDOW_DAYS = 7

export type AnalyticsWindow = {
  /** Inclusive start. */
  from: Date
  /** Exclusive end. */
  to: Date
  /** Offset of the reporting time zone from UTC, in minutes (+480 for China); at `from` for a named zone. */
  tzOffsetMinutes: number
  /** A named (IANA) reporting zone, e.g. the shop's `Asia/Shanghai`: days follow its own offsets (DST). */
  timeZone?: string
}

export type AnalyticsWindowInput = { from?: string | undefined; to?: string | undefined; tz?: string | undefined }

/**
 * Parses a fixed UTC offset: `Z`, `UTC`, `+08:00`, `+0800`, `-05:30`. Returns minutes east of UTC.
 * Named zones (Asia/Shanghai) are not accepted: a report needs one fixed offset per window.
 */
export function parseTzOffset(tz: string): number {
  const s = tz.trim()
  if (s === 'Z' || s.toUpperCase() === 'UTC') return 0
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(s)
  if (!m)
    throw new AppError(
      'invalid_input',
      `tz: '${tz}' is not a UTC offset like +08:00, -05:00 or Z, nor a time zone name like Asia/Shanghai`,
    )
  const minutes = Number(m[2]) * 60 + Number(m[3])
  const signed = m[1] === '-' ? -minutes : minutes
  if (Number(m[3]) >= 60 || signed < -12 * 60 || signed > 14 * 60) {
    throw new AppError('invalid_input', `tz: '${tz}' is outside -12:00 … +14:00`)
  }
  return signed
}

/** Formats minutes east of UTC as `+08:00`. */
export function formatTzOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const a = Math.abs(minutes)
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`
}

/** The calendar day (YYYY-MM-DD) of an instant in the reporting time zone. */
export function dayKey(ms: number, tzOffsetMinutes: number): string {
  return new Date(ms + tzOffsetMinutes * 60_000).toISOString().slice(0, 10)
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>()

/** The calendar day (YYYY-MM-DD) of an instant in the window's zone: named zone when set, else its offset. */
export function dayIn(ms: number, w: Pick<AnalyticsWindow, 'tzOffsetMinutes' | 'timeZone'>): string {
  if (!w.timeZone) return dayKey(ms, w.tzOffsetMinutes)
  let f = dayFormatters.get(w.timeZone)
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone: w.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayFormatters.set(w.timeZone, f)
  }
  return f.format(new Date(ms))
}

/** Is `tz` a time zone name Intl knows (Asia/Shanghai, Europe/Berlin)? */
export function isTimeZoneName(tz: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(tz)) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** The window's zone as the API names it: the IANA name, or the offset (`+08:00`). */
export function zoneLabel(w: Pick<AnalyticsWindow, 'tzOffsetMinutes' | 'timeZone'>): string {
  return w.timeZone ?? formatTzOffset(w.tzOffsetMinutes)
}

/** Every calendar day that overlaps `[from, to)`, in order. */
export function daysOf(w: AnalyticsWindow): string[] {
  const first = dayIn(w.from.getTime(), w)
  const last = dayIn(w.to.getTime() - 1, w)
  const out: string[] = []
  for (let t = Date.parse(`${first}T00:00:00Z`); ; t += DAY_MS) {
    const d = new Date(t).toISOString().slice(0, 10)
    out.push(d)
    if (d >= last) break
  }
  return out
}

/** Local midnight of the day containing `ms`, as an instant. */
function startOfDay(ms: number, tzOffsetMinutes: number): number {
  return Date.parse(`${dayKey(ms, tzOffsetMinutes)}T00:00:00Z`) - tzOffsetMinutes * 60_000
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/

/** Local midnight (or a local date-time) in a named zone, as an instant. */
function inNamedZone(local: string, timeZone: string): number {
  const n = normaliseDateTime(local, { timeZone })
  return n ? Date.parse(n.iso) : Number.NaN
}

function parseInstant(name: 'from' | 'to', value: string, tzOffsetMinutes: number, timeZone?: string): number {
  const v = value.trim()
  const bad = () =>
    new AppError(
      'invalid_input',
      `${name}: '${value}' is not an ISO date (2026-06-01) or date-time (2026-06-01T08:00:00+08:00)`,
    )
  const d = DATE_ONLY.exec(v)
  const dt = d ? null : DATE_TIME.exec(v)
  const parts = d ?? dt
  if (!parts) throw bad()
  const [y, mo, da] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  // Reject 2026-02-30 and friends, which Date would silently roll over.
  const probe = new Date(Date.UTC(y, mo - 1, da))
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== da) throw bad()
  if (d) return timeZone ? inNamedZone(v, timeZone) : Date.UTC(y, mo - 1, da) - tzOffsetMinutes * 60_000
  if (Number(dt![4]) > 23 || Number(dt![5]) > 59 || Number(dt![6] ?? 0) > 59) throw bad()
  if (timeZone && !dt![8]) {
    const ms = inNamedZone(`${v.slice(0, 10)} ${dt![4]}:${dt![5]}:${dt![6] ?? '00'}${dt![7] ?? ''}`, timeZone)
    if (!Number.isFinite(ms)) throw bad()
    return ms
  }
  // A date-time without a zone is read in the reporting time zone.
  const zone = dt![8] ?? formatTzOffset(tzOffsetMinutes)
  const ms = Date.parse(`${v.slice(0, 10)}T${dt![4]}:${dt![5]}:${dt![6] ?? '00'}${dt![7] ?? ''}${zone}`)
  if (!Number.isFinite(ms)) throw bad()
  return ms
}

/** Local midnight of the day after the one containing `ms`, in a named zone. */
function endOfDayNamed(ms: number, timeZone: string): number {
  const next = new Date(Date.parse(`${dayIn(ms, { tzOffsetMinutes: 0, timeZone })}T00:00:00Z`) + DAY_MS)
  return inNamedZone(next.toISOString().slice(0, 10), timeZone)
}

/** `days` calendar days before the local midnight `to`, in a named zone. */
function daysBeforeNamed(to: number, days: number, timeZone: string): number {
  const first = new Date(Date.parse(`${dayIn(to, { tzOffsetMinutes: 0, timeZone })}T00:00:00Z`) - days * DAY_MS)
  return inNamedZone(first.toISOString().slice(0, 10), timeZone)
}

/**
 * Resolves and validates a reporting window. `tz` is a fixed offset (`+08:00`, `Z`) or a time zone
 * name (`Asia/Shanghai`); without one, `defaultTimeZone` (the shop's zone), else UTC. Date-only
 * bounds are local midnights in that zone; `to` is exclusive (`to=2026-06-08` ends with June 7).
 * Defaults: `to` = the end of today, `from` = 7 calendar days before `to`. Throws `invalid_input`
 * for unparsable values, `from ≥ to`, or a window longer than 366 days.
 *
 * @example
 * resolveAnalyticsWindow({ from: '2026-06-01', to: '2026-06-08', tz: '+08:00' }, clock.now())
 */
export function resolveAnalyticsWindow(
  input: AnalyticsWindowInput,
  now: Date,
  defaultTimeZone?: string,
): AnalyticsWindow {
  const tzText = input.tz === undefined || input.tz === '' ? defaultTimeZone : input.tz
  const timeZone = tzText !== undefined && isTimeZoneName(tzText.trim()) ? tzText.trim() : undefined
  let tzOffsetMinutes = tzText === undefined || timeZone ? 0 : parseTzOffset(tzText)
  const to = input.to
    ? parseInstant('to', input.to, tzOffsetMinutes, timeZone)
    : timeZone
      ? endOfDayNamed(now.getTime(), timeZone)
      : startOfDay(now.getTime(), tzOffsetMinutes) + DAY_MS
  const from = input.from
    ? parseInstant('from', input.from, tzOffsetMinutes, timeZone)
    : timeZone
      ? daysBeforeNamed(to, DEFAULT_WINDOW_DAYS, timeZone)
      : to - DEFAULT_WINDOW_DAYS * DAY_MS
  if (timeZone) tzOffsetMinutes = parseTzOffset(isoInZone(from, timeZone).slice(-6))
  if (from >= to) {
    throw new AppError(
      'invalid_input',
      `from (${new Date(from).toISOString()}) must be before to (${new Date(to).toISOString()})`,
    )
  }
  if (to - from > MAX_WINDOW_DAYS * DAY_MS) {
    throw new AppError('invalid_input', `the window is longer than ${MAX_WINDOW_DAYS} days: narrow from/to`)
  }
  return { from: new Date(from), to: new Date(to), tzOffsetMinutes, ...(timeZone ? { timeZone } : {}) }
}
