/** Small helpers for bilingual customer-facing text. Every skill keeps its zh/en strings side by side. */
import { DEFAULT_TIME_ZONE, wallAt } from '../domain/normalise/normalise-datetime.js'
import type { Locale } from '../domain/schemas.js'

/** Picks the string for the conversation's locale. */
export function say(locale: Locale, zh: string, en: string): string {
  return locale === 'zh' ? zh : en
}

/** Formats an amount the way customers read it: `¥199.00` / `$19.90`. */
export function money(amount: number, currency = 'CNY'): string {
  const sym: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' }
  const s = sym[currency]
  return s ? `${s}${amount.toFixed(2)}` : `${amount.toFixed(2)} ${currency}`
}

/**
 * `2026-11-20 14:05` on the shop's clock (`settings.timezone`, see `shopTimeZone`), in every language:
 * a tracking time reads the same to a Chinese and an English customer of the same shop.
 */
export function when(iso: string, timeZone = DEFAULT_TIME_ZONE): string {
  const t = new Date(iso).getTime()
  if (Number.isNaN(t)) return iso
  // The same wall-clock reading the importers use (one cached formatter per zone).
  const w = wallAt(t, timeZone)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${w.y}-${two(w.mo)}-${two(w.d)} ${two(w.h)}:${two(w.mi)}`
}

/** Date only, on the shop's clock: `2026-11-20`. */
export function day(iso: string, timeZone = DEFAULT_TIME_ZONE): string {
  return when(iso, timeZone).slice(0, 10)
}

/** The shop's IANA time zone (`settings.timezone`), Asia/Shanghai when it has none. */
export function shopTimeZone(shop: { settings: { timezone?: unknown } }): string {
  const tz = shop.settings.timezone
  return typeof tz === 'string' && tz ? tz : DEFAULT_TIME_ZONE
}

/** Joins list items the way each language does. */
export function list(items: string[], locale: Locale): string {
  return items.join(locale === 'zh' ? '、' : ', ')
}

/** Yes / no buttons in the customer's language; the payload is what the widget sends back as text. */
export function yesNo(locale: Locale): Array<{ label: string; payload: string }> {
  return locale === 'zh'
    ? [
        { label: '是的', payload: '是的' },
        { label: '不用了', payload: '不用了' },
      ]
    : [
        { label: 'Yes', payload: 'yes' },
        { label: 'No', payload: 'no' },
      ]
}
