/** Pure helpers of the dashboard: the date range, the time-zone offset, rates and the CSV export. */
import type { DailyMetrics, MetricsSummary } from './backoffice-api.js'

const pad = (n: number) => String(n).padStart(2, '0')

/** A local calendar day as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The browser's UTC offset as the analytics API wants it (`+08:00`, `Z`). */
export function tzOffset(d: Date): string {
  const m = -d.getTimezoneOffset()
  if (m === 0) return 'Z'
  const a = Math.abs(m)
  return `${m > 0 ? '+' : '-'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
}

/** The last `days` days up to and including today: `to` is exclusive (tomorrow). */
export function defaultRange(now: Date, days = 7): { from: string; to: string } {
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1)
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1 - days)
  return { from: isoDay(from), to: isoDay(to) }
}

export const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`)

/** SLA compliance of tickets: share not breached (null without tickets). */
export function slaCompliance(tickets: Array<{ slaBreached: boolean }>): number | null {
  return tickets.length === 0 ? null : tickets.filter((t) => !t.slaBreached).length / tickets.length
}

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v)
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The summary as `metric,value` rows, then the daily series: exactly the API's numbers. */
export function toCsv(
  summary: MetricsSummary,
  days: DailyMetrics[],
  extra: Record<string, number | null> = {},
): string {
  const rows: unknown[][] = [['metric', 'value']]
  const flat = (prefix: string, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) flat(prefix ? `${prefix}.${k}` : k, x)
    } else if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) flat(`${prefix}.${i}`, x)
    } else rows.push([prefix, v])
  }
  flat('', summary)
  for (const [k, v] of Object.entries(extra)) rows.push([k, v])
  rows.push([])
  const cols: (keyof DailyMetrics)[] = [
    'date',
    'conversations',
    'engaged',
    'contained',
    'containmentRate',
    'handoffs',
    'csatCount',
    'csatAverage',
  ]
  rows.push(cols)
  for (const d of days) rows.push(cols.map((c) => d[c]))
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`
}
