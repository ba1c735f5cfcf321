/**
 * Business hours in the shop's time zone. `Intl` converts the clock's instant to the shop's local
 * weekday and time (no wall clock is read here: the instant comes from the Clock port).
 */
import { type RoutingSettings, WEEKDAYS, type Weekday } from './routing-settings.js'

const SHORT: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
}

/** The shop-local weekday and minutes since midnight of `at`. */
export function localTime(at: Date, timeZone: string): { day: Weekday; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  return { day: SHORT[get('weekday')] ?? 'mon', minutes: Number(get('hour')) * 60 + Number(get('minute')) }
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** True when the desk is open at `at` (always, when the shop set no hours). */
export function isWithinBusinessHours(hours: RoutingSettings['businessHours'], timeZone: string, at: Date): boolean {
  if (!hours || Object.keys(hours).length === 0) return true
  const { day, minutes } = localTime(at, timeZone)
  return (hours[day] ?? []).some((r) => {
    const [from, to] = r.split('-') as [string, string]
    return minutes >= toMinutes(from) && minutes < toMinutes(to)
  })
}

/** The hours as one line for the customer, e.g. `周一至周五 09:00-18:00` / `Mon-Fri 09:00-18:00`. */
export function describeHours(hours: RoutingSettings['businessHours'], locale: 'zh' | 'en'): string {
  if (!hours) return ''
  const zh: Record<Weekday, string> = {
    mon: '周一',
    tue: '周二',
    wed: '周三',
    thu: '周四',
    fri: '周五',
    sat: '周六',
    sun: '周日',
  }
  const en: Record<Weekday, string> = {
    mon: 'Mon',
    tue: 'Tue',
    wed: 'Wed',
    thu: 'Thu',
    fri: 'Fri',
    sat: 'Sat',
    sun: 'Sun',
  }
  const names = locale === 'zh' ? zh : en
  // Consecutive days with the same ranges are joined: Mon-Fri 09:00-18:00.
  const groups: Array<{ from: Weekday; to: Weekday; ranges: string }> = []
  for (const d of WEEKDAYS) {
    const ranges = (hours[d] ?? []).join(', ')
    if (!ranges) continue
    const last = groups[groups.length - 1]
    if (last && last.ranges === ranges && WEEKDAYS.indexOf(last.to) === WEEKDAYS.indexOf(d) - 1) last.to = d
    else groups.push({ from: d, to: d, ranges })
  }
  const sep = locale === 'zh' ? '至' : '-'
  return groups
    .map((g) => `${names[g.from]}${g.from === g.to ? '' : `${sep}${names[g.to]}`} ${g.ranges}`)
    .join(locale === 'zh' ? '；' : '; ')
}
