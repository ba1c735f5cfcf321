/** Small helpers for bilingual customer-facing text. Every skill keeps its zh/en strings side by side. */
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

/** `2026-11-20 14:05` in UTC+8 for zh shops' customers and UTC for en; good enough for a chat line. */
export function when(iso: string, locale: Locale): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const shifted = new Date(d.getTime() + (locale === 'zh' ? 8 : 0) * 3600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${shifted.getUTCFullYear()}-${p(shifted.getUTCMonth() + 1)}-${p(shifted.getUTCDate())} ${p(shifted.getUTCHours())}:${p(shifted.getUTCMinutes())}`
}

/** Date only: `2026-11-20`. */
export function day(iso: string, locale: Locale): string {
  return when(iso, locale).slice(0, 10)
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
