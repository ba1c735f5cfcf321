/** Display helpers of the agent console. */
import type { ConsoleLocale } from './console-i18n.js'

const tag = (l: ConsoleLocale) => (l === 'zh' ? 'zh-CN' : 'en-US')

/** A wait or age as "45s", "3m", "1h 05m", "2d 3h" (compact: it sits in list rows). */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m}m`
  const h = Math.floor(m / 60)
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, '0')}m`
  const d = Math.floor(h / 24)
  return `${d}d ${h % 24}h`
}

/** Hour:minute, or date + time when not today. */
export function formatTime(iso: string, locale: ConsoleLocale, now = new Date()): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const sameDay = d.toDateString() === now.toDateString()
  return sameDay
    ? d.toLocaleTimeString(tag(locale), { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleString(tag(locale), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
}

export function formatDate(iso: string | undefined, locale: ConsoleLocale): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleDateString(tag(locale), { year: 'numeric', month: 'short', day: 'numeric' })
}

export function formatMoney(amount: number, currency: string, locale: ConsoleLocale): string {
  try {
    return new Intl.NumberFormat(tag(locale), { style: 'currency', currency }).format(amount)
  } catch {
    return `${amount.toFixed(2)} ${currency}`
  }
}

/** Emotion score → a severity the UI colours: green, grey, amber, red. */
export function emotionLevel(score: number | undefined | null): 'calm' | 'neutral' | 'frustrated' | 'angry' {
  const s = score ?? 0
  if (s >= 0.7) return 'angry'
  if (s >= 0.4) return 'frustrated'
  if (s >= 0.15) return 'neutral'
  return 'calm'
}

/** A slot or entity value for display: strings as is, objects as compact `k: v` pairs. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return v.map(formatValue).join(', ')
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== null && x !== undefined && x !== '')
      .map(([k, x]) => `${k}: ${formatValue(x)}`)
      .join(', ')
  }
  return String(v)
}

/** Initials for an avatar: the first character of a CJK name, else up to two initials. */
export function initials(name: string): string {
  const n = name.trim()
  if (!n) return '?'
  if (/^[\p{Script=Han}]/u.test(n)) return n.slice(0, 1)
  const parts = n.split(/\s+/).filter(Boolean)
  return parts
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('')
}
