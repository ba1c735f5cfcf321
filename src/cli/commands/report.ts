/**
 * `kefu report [--shop ID] [--from DATE] [--to DATE] [--tz ±HH:MM] [--conversion-days N] [--daily] [--json]`:
 * the analytics summary of a window from the local data directory, as a table or JSON.
 */
import { parseArgs } from 'node:util'
import { openStore } from '../../adapters/open-store.js'
import { resolveAnalyticsWindow } from '../../core/analytics/analytics-window.js'
import {
  computeMetrics,
  type DailyMetrics,
  DEFAULT_CONVERSION_DAYS,
  type LatencyStats,
  type MetricsSummary,
} from '../../core/analytics/compute-metrics.js'
import { AppError } from '../../core/errors.js'
import { parseConfig } from '../../server/config/schema.js'
import { cliClock } from '../cli-clock.js'

const USAGE =
  'usage: kefu report [--shop ID] [--from DATE] [--to DATE] [--tz ±HH:MM] [--conversion-days N] [--daily] [--json]\n' +
  '  DATE is 2026-06-01 or 2026-06-01T08:00:00+08:00; --to is exclusive. Default: the last 7 days including today.\n'

export async function run(args: string[]): Promise<number> {
  let values: {
    shop?: string
    from?: string
    to?: string
    tz?: string
    'conversion-days'?: string
    daily?: boolean
    json?: boolean
    help?: boolean
  }
  try {
    values = parseArgs({
      args,
      allowPositionals: false,
      options: {
        shop: { type: 'string', default: 'demo' },
        from: { type: 'string' },
        to: { type: 'string' },
        tz: { type: 'string' },
        'conversion-days': { type: 'string' },
        daily: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values
  } catch (e) {
    process.stderr.write(`kefu report: ${(e as Error).message}\n${USAGE}`)
    return 1
  }
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  const conversionDays =
    values['conversion-days'] === undefined ? DEFAULT_CONVERSION_DAYS : Number(values['conversion-days'])
  if (!Number.isInteger(conversionDays) || conversionDays < 1 || conversionDays > 90) {
    process.stderr.write(`kefu report: --conversion-days must be an integer from 1 to 90\n${USAGE}`)
    return 1
  }
  const now = cliClock().now()
  let window: ReturnType<typeof resolveAnalyticsWindow>
  try {
    window = resolveAnalyticsWindow({ from: values.from, to: values.to, tz: values.tz }, now)
  } catch (e) {
    if (AppError.isInstance(e)) {
      process.stderr.write(`kefu report: ${e.message}\n${USAGE}`)
      return 1
    }
    throw e
  }

  const config = parseConfig(process.env)
  const store = await openStore(config.databaseUrl)
  try {
    const shopId = values.shop ?? 'demo'
    if (!(await store.shops.get(shopId))) {
      process.stderr.write(`kefu report: shop '${shopId}' does not exist in ${redactUrl(config.databaseUrl)}\n`)
      return 1
    }
    if (!values.json) process.stderr.write(`reading events of shop '${shopId}'…\n`)
    const started = Date.now()
    const tty = process.stderr.isTTY && !values.json
    const report = await computeMetrics(store, {
      shopId,
      ...window,
      now,
      conversionDays,
      ...(tty ? { onProgress: (n: number) => process.stderr.write(`\r  ${n} events…`) } : {}),
    })
    if (tty) process.stderr.write('\r')
    if (values.json) {
      const out = values.daily ? { ...report.summary, daily: report.daily } : report.summary
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
    } else {
      process.stdout.write(formatSummary(report.summary))
      if (values.daily) process.stdout.write(formatDaily(report.daily))
      process.stderr.write(
        `\n${report.summary.eventsScanned} events read in ${((Date.now() - started) / 1000).toFixed(2)} s\n`,
      )
    }
    return 0
  } finally {
    await store.close()
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@')
}

const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`)
const num = (v: number | null, unit = ''): string => (v === null ? '—' : `${v}${unit}`)
const ms = (v: number | null): string => (v === null ? '—' : v >= 60_000 ? `${(v / 60_000).toFixed(1)} min` : `${v} ms`)
const counts = (m: Record<string, number>): string =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || '—'

function latencyLine(l: LatencyStats): string {
  return `avg ${ms(l.averageMs)} · p50 ${ms(l.p50Ms)} · p90 ${ms(l.p90Ms)} (n=${l.count})`
}

/** The summary as an aligned two-column table. */
export function formatSummary(s: MetricsSummary): string {
  const rows: Array<[string, string] | null> = [
    ['shop', s.shopId],
    ['window', `${s.window.from} → ${s.window.to} (tz ${s.window.tz})`],
    null,
    ['conversations', `${s.conversations.started} started, ${s.conversations.engaged} engaged`],
    ['  by channel', counts(s.conversations.byChannel)],
    [
      '  handled by',
      `bot ${s.handledBy.bot.conversations}, agent ${s.handledBy.agent.conversations}, unanswered handoff ${s.handledBy.unanswered.conversations}`,
    ],
    [
      'customer turns',
      `${s.turns.customer} (${s.turns.bot} handled by the bot${s.turns.failed ? `, ${s.turns.failed} failed` : ''})`,
    ],
    [
      'CSAT',
      s.csat.count === 0
        ? 'no ratings'
        : `${num(s.csat.average)} / 5 from ${s.csat.count} ratings, ${pct(s.csat.satisfiedRate)} satisfied (4–5), response rate ${pct(s.csat.responseRate)}`,
    ],
    ['  distribution', (['1', '2', '3', '4', '5'] as const).map((k) => `${k}★ ${s.csat.distribution[k]}`).join('  ')],
    ['containment', `${pct(s.containment.rate)} (${s.containment.contained} of ${s.conversations.engaged})`],
    ['handoff', `${pct(s.handoff.rate)} (${s.handoff.count})`],
    ['  reasons', counts(s.handoff.reasons)],
    [
      'resolution',
      `${pct(s.resolution.rate)} (${s.resolution.resolved}: ${s.resolution.byBot} by the bot, ${s.resolution.byTicketOrReturn} via ticket/return)`,
    ],
    [
      'fallback',
      `${pct(s.fallback.rate)} of bot turns (${s.fallback.turns}, in ${s.fallback.conversations} conversations)`,
    ],
    ['bot latency', latencyLine(s.botLatency)],
    [
      'agent 1st reply',
      `${latencyLine(s.agentFirstResponse)}, ${s.agentFirstResponse.unanswered} of ${s.agentFirstResponse.handoffs} handoffs unanswered`,
    ],
    ['tickets', `${s.tickets.created} created (${s.tickets.fromConversations} from conversations)`],
    ['  by queue', counts(s.tickets.byQueue)],
    [
      'returns',
      `${s.returns.requested} requested ${s.returns.requested ? `(${counts(s.returns.byKind)})` : ''}`.trim(),
    ],
    [
      'conversion',
      `${pct(s.conversion.rate)} (${s.conversion.converted} of ${s.conversion.identified} identified ordered within ${s.conversion.windowDays} d; ${s.conversion.pending} still open)`,
    ],
    [
      'attributed',
      `${s.attribution.revenue.toFixed(2)} ${s.attribution.currency} (${s.attribution.lines} lines of ${s.attribution.orders} orders within ${s.attribution.windowDays} d of ${s.attribution.conversations} conversations; bot ${s.attribution.byHandler.bot}, agent ${s.attribution.byHandler.agent})`,
    ],
    [
      'notices',
      `${s.notices.sent} sent, ${s.notices.converted} followed by an order (${pct(s.notices.rate)}; ${s.notices.pending} still open), ${s.notices.revenue.toFixed(2)} ${s.notices.currency}`,
    ],
    [
      'top intents',
      s.intents
        .slice(0, 8)
        .map((i) => `${i.intent} ${i.count}`)
        .join(', ') || '—',
    ],
  ]
  const width = Math.max(...rows.map((r) => (r ? r[0].length : 0)))
  return `${rows.map((r) => (r ? `${r[0].padEnd(width)}  ${r[1]}` : '')).join('\n')}\n`
}

/** The daily series as a table. */
export function formatDaily(days: DailyMetrics[]): string {
  const head = ['date', 'conv', 'engaged', 'contained', 'contain%', 'handoffs', 'csat n', 'csat avg']
  const body = days.map((d) => [
    d.date,
    String(d.conversations),
    String(d.engaged),
    String(d.contained),
    pct(d.containmentRate),
    String(d.handoffs),
    String(d.csatCount),
    num(d.csatAverage),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)))
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return `\n${[line(head), ...body.map(line)].join('\n')}\n`
}
