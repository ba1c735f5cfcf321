/** Small display helpers shared by the widget's components. */
import type { Locale } from './i18n.js'

/** Formats a price with its currency; unknown currency codes fall back to "123.00 XYZ". */
export function formatPrice(amount: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { style: 'currency', currency }).format(amount)
  } catch {
    return `${amount.toFixed(2)} ${currency}`
  }
}

/** Hour:minute of an ISO time, in the visitor's time zone. */
export function formatTime(iso: string, locale: Locale): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return d.toLocaleTimeString(locale === 'zh' ? 'zh-CN' : 'en-US', { hour: '2-digit', minute: '2-digit' })
}

/** Date and time, for tracking events and time dividers. */
export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
}

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string }

// Only https links are made clickable: a plain http:// link (the kind a phishing answer carries) stays
// text. Bidi controls inside a link would let it display as another address, so such text stays text too.
const URL_RE = /https:\/\/[^\s<>"'，。）)]+/g
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

/** Splits text into plain parts and https links, so links are clickable without rendering any HTML. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const m of text.matchAll(URL_RE)) {
    const start = m.index ?? 0
    if (BIDI.test(m[0])) continue
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) })
    parts.push({ kind: 'link', text: m[0], href: m[0] })
    last = start + m[0].length
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) })
  return parts
}
