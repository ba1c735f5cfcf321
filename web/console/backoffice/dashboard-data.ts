/** Pure helpers of the dashboard: the date range, rates, money and the CSV export. */
import type { DailyMetrics, MetricsSummary } from './backoffice-api.js'

/** The date inputs' range of a daily series: its first day and the day after its last (`to` is exclusive). */
export function rangeOfDays(days: Array<{ date: string }>): { from: string; to: string } | null {
  const first = days[0]?.date
  const last = days.at(-1)?.date
  if (!first || !last) return null
  const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  return { from: first, to: next }
}

/** An amount in a currency, e.g. `¥1,898.00` / `CN¥1,898.00`, in the UI's locale. */
export function money(amount: number, currency: string, locale: 'zh' | 'en'): string {
  try {
    return new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { style: 'currency', currency }).format(amount)
  } catch {
    return `${amount.toFixed(2)} ${currency}`
  }
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

/**
 * The summary as `metric,value` rows, then the daily series — totals, bot vs agent, attributed
 * revenue and one column per channel: exactly the API's numbers.
 */
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
  const cols = [
    'date',
    'conversations',
    'engaged',
    'contained',
    'containmentRate',
    'handoffs',
    'csatCount',
    'csatAverage',
  ] as const
  const handlers = ['bot', 'agent', 'unanswered'] as const
  const stats = ['conversations', 'csatCount', 'csatAverage'] as const
  const channels = [...new Set(days.flatMap((d) => Object.keys(d.byChannel ?? {})))].sort()
  const intents = [...new Set(days.flatMap((d) => Object.keys(d.intents ?? {})))].sort()
  rows.push([
    ...cols,
    ...handlers.flatMap((h) => stats.map((k) => `${h}.${k}`)),
    'attributedRevenue',
    ...channels.map((c) => `channel.${c}`),
    ...intents.map((i) => `intent.${i}`),
  ])
  for (const d of days)
    rows.push([
      ...cols.map((c) => d[c]),
      ...handlers.flatMap((h) => stats.map((k) => d[h]?.[k])),
      d.attributedRevenue,
      ...channels.map((c) => d.byChannel?.[c] ?? 0),
      ...intents.map((i) => d.intents?.[i] ?? 0),
    ])
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`
}

/**
 * The intent trend: the `top` intents of the range (by turns) as one line each over the days, the
 * rest summed as `other` (omitted when there is none).
 */
export function intentTrend(
  days: Array<Pick<DailyMetrics, 'date' | 'intents'>>,
  top = 5,
  otherLabel = 'other',
): { labels: string[]; series: Array<{ label: string; data: number[] }> } {
  const totals = new Map<string, number>()
  for (const d of days) for (const [i, n] of Object.entries(d.intents ?? {})) totals.set(i, (totals.get(i) ?? 0) + n)
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([i]) => i)
  const shown = ranked.slice(0, top)
  const series = shown.map((i) => ({ label: i, data: days.map((d) => d.intents?.[i] ?? 0) }))
  if (ranked.length > top) {
    const rest = ranked.slice(top)
    series.push({ label: otherLabel, data: days.map((d) => rest.reduce((a, i) => a + (d.intents?.[i] ?? 0), 0)) })
  }
  return { labels: days.map((d) => d.date), series }
}
