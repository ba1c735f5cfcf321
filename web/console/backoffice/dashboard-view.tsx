/**
 * Analytics dashboard: the analytics API's metrics as Chart.js charts over a chosen range and channel
 * (days in the shop's time zone), bot vs agent, attributed revenue and notice conversion, with CSV export.
 */
import Chart from 'chart.js/auto'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { ConsoleLocale } from '../console-i18n.js'
import {
  ApiError,
  type BackofficeApi,
  type DailyMetrics,
  type FaqCandidate,
  type MetricsSummary,
} from './backoffice-api.js'
import type { BackofficeStrings } from './backoffice-i18n.js'
import { intentTrend, money, pct, rangeOfDays, slaCompliance, toCsv } from './dashboard-data.js'

type Data = {
  summary: MetricsSummary
  days: DailyMetrics[]
  unanswered: FaqCandidate[]
  sla: number | null
  ticketCount: number
}

type Range = { from: string; to: string }

type ChartSpec = {
  type: 'bar' | 'line' | 'doughnut'
  labels: string[]
  series: Array<{ label: string; data: number[] }>
}

const COLORS = ['#2563eb', '#16a34a', '#f59e0b', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d']

/** One chart; its data is also on the canvas (`data-series`) so tests and scripts read the same numbers. */
function ChartBox(props: { id: string; title: string; spec: ChartSpec }) {
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    if (!ref.current) return
    const pie = props.spec.type === 'doughnut'
    const chart = new Chart(ref.current, {
      type: props.spec.type,
      data: {
        labels: props.spec.labels,
        datasets: props.spec.series.map((s, i) => ({
          label: s.label,
          data: s.data,
          backgroundColor: pie ? COLORS : COLORS[i % COLORS.length],
          borderColor: pie ? '#fff' : COLORS[i % COLORS.length],
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: true } },
      },
    })
    return () => chart.destroy()
  }, [JSON.stringify(props.spec)])
  return (
    <figure class="bo-card bo-chart">
      <figcaption>{props.title}</figcaption>
      <div class="bo-chart-box">
        <canvas ref={ref} data-chart={props.id} data-series={JSON.stringify(props.spec)} />
      </div>
    </figure>
  )
}

function Kpi(props: { id: string; label: string; value: string }) {
  return (
    <div class="bo-kpi" data-kpi={props.id}>
      <div class="bo-kpi-value">{props.value}</div>
      <div class="bo-kpi-label">{props.label}</div>
    </div>
  )
}

export function DashboardView(props: { api: BackofficeApi; bo: BackofficeStrings; locale: ConsoleLocale }) {
  const { api, bo } = props
  const d = bo.dash
  // Null until the first answer: the server's default window (last 7 days in the shop's time zone).
  const [range, setRange] = useState<Range | null>(null)
  const [channel, setChannel] = useState('')
  const [data, setData] = useState<Data | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = async (r: Range | null, ch: string) => {
    setError(null)
    try {
      const q = { ...(r ?? {}), ...(ch ? { channel: ch } : {}) }
      const [summary, series, cands, tickets] = await Promise.all([
        api.summary(q),
        api.timeseries(q),
        api.candidates().catch(() => ({ candidates: [] as FaqCandidate[] })),
        api.tickets({}).catch(() => ({ tickets: [] })),
      ])
      const from = summary.window.from
      const to = summary.window.to
      const inRange = (iso: unknown) => typeof iso === 'string' && iso >= from && iso < to
      const ts = tickets.tickets.filter((t) => inRange(t.createdAt))
      if (!r) setRange(rangeOfDays(series.days))
      setData({
        summary,
        days: series.days,
        unanswered: cands.candidates.filter((c) => !c.answeredBy).slice(0, 10),
        sla: slaCompliance(ts),
        ticketCount: ts.length,
      })
    } catch (e) {
      setError(e instanceof ApiError ? `${e.code}: ${e.message}` : String(e))
    }
  }
  useEffect(() => void load(null, ''), [])
  const pick = (r: Range | null, ch: string) => {
    setRange(r)
    setChannel(ch)
    void load(r, ch)
  }

  const exportCsv = () => {
    if (!data) return
    const csv = toCsv(data.summary, data.days, {
      'tickets.slaCompliance': data.sla,
      'tickets.inWindow': data.ticketCount,
    })
    const a = document.createElement('a')
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    a.download = `kefu-analytics-${range?.from ?? ''}-${range?.to ?? ''}${channel ? `-${channel}` : ''}.csv`
    a.click()
    setTimeout(() => URL.revokeObjectURL(a.href), 1000)
  }

  const s = data?.summary
  const fmtMs = (n: number | null) => (n === null ? 0 : n)
  return (
    <div class="bo-dashboard">
      <form
        class="bo-filters bo-card"
        onSubmit={(e) => {
          e.preventDefault()
          void load(range, channel)
        }}
      >
        <label>
          {d.from}{' '}
          <input
            type="date"
            name="from"
            value={range?.from ?? ''}
            onChange={(e) => range && pick({ ...range, from: (e.target as HTMLInputElement).value }, channel)}
          />
        </label>
        <label>
          {d.to}{' '}
          <input
            type="date"
            name="to"
            value={range?.to ?? ''}
            onChange={(e) => range && pick({ ...range, to: (e.target as HTMLInputElement).value }, channel)}
          />
        </label>
        <label>
          {d.channel}{' '}
          <select name="channel" value={channel} onChange={(e) => pick(range, (e.target as HTMLSelectElement).value)}>
            <option value="">{d.allChannels}</option>
            {[...new Set([...(data?.summary.channels ?? []), ...(channel ? [channel] : [])])].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button">
          {d.refresh}
        </button>
        <button type="button" class="button" data-action="csv" disabled={!data} onClick={exportCsv}>
          {d.csv}
        </button>
      </form>
      {error && (
        <div class="form-error" role="alert">
          {error}
        </div>
      )}
      {s && data && (
        <>
          <div class="bo-kpis" data-testid="kpis">
            <Kpi id="conversations" label={d.conversations} value={String(s.conversations.started)} />
            <Kpi id="containment" label={d.containment} value={pct(s.containment.rate)} />
            <Kpi id="resolution" label={d.resolution} value={pct(s.resolution.rate)} />
            <Kpi id="handoff" label={d.handoffRate} value={pct(s.handoff.rate)} />
            <Kpi id="csat" label={d.csatAvg} value={s.csat.average === null ? '—' : s.csat.average.toFixed(2)} />
            <Kpi id="sla" label={d.sla} value={pct(data.sla)} />
            <Kpi id="notices" label={d.notices} value={String(s.notices.sent)} />
            <Kpi
              id="notice-conversion"
              label={d.noticeConversion}
              value={`${pct(s.notices.rate)} (${s.notices.converted}/${s.notices.sent})`}
            />
            <Kpi id="conversion" label={d.conversion} value={pct(s.conversion.rate)} />
            <Kpi
              id="revenue"
              label={d.revenue(s.attribution.windowDays)}
              value={money(s.attribution.revenue, s.attribution.currency, props.locale)}
            />
          </div>
          <div class="bo-charts">
            <ChartBox
              id="trend"
              title={d.trend}
              spec={{
                type: 'line',
                labels: data.days.map((x) => x.date),
                series: [
                  { label: d.conversations, data: data.days.map((x) => x.conversations) },
                  { label: d.handoffs, data: data.days.map((x) => x.handoffs) },
                  { label: d.ratings, data: data.days.map((x) => x.csatCount) },
                ],
              }}
            />
            <ChartBox
              id="handled"
              title={d.handledTrend}
              spec={{
                type: 'line',
                labels: data.days.map((x) => x.date),
                series: [
                  { label: d.bot, data: data.days.map((x) => x.bot.conversations) },
                  { label: d.agent, data: data.days.map((x) => x.agent.conversations) },
                  { label: d.waiting, data: data.days.map((x) => x.unanswered.conversations) },
                  { label: `${d.bot} · ${d.ratings}`, data: data.days.map((x) => x.bot.csatCount) },
                  { label: `${d.agent} · ${d.ratings}`, data: data.days.map((x) => x.agent.csatCount) },
                ],
              }}
            />
            <ChartBox
              id="handled-csat"
              title={d.csatByHandler}
              spec={{
                type: 'bar',
                labels: [d.bot, d.agent],
                series: [
                  {
                    label: d.csatAvg,
                    data: [s.handledBy.bot.csatAverage ?? 0, s.handledBy.agent.csatAverage ?? 0],
                  },
                  { label: d.ratings, data: [s.handledBy.bot.csatCount, s.handledBy.agent.csatCount] },
                ],
              }}
            />
            <ChartBox
              id="revenue"
              title={`${d.revenue(s.attribution.windowDays)} (${s.attribution.currency})`}
              spec={{
                type: 'bar',
                labels: data.days.map((x) => x.date),
                series: [{ label: s.attribution.currency, data: data.days.map((x) => x.attributedRevenue) }],
              }}
            />
            <ChartBox
              id="notices"
              title={d.noticeConversion}
              spec={{
                type: 'bar',
                labels: [d.priceDrop, d.delayedParcel],
                series: [
                  {
                    label: d.sent,
                    data: [s.notices.byKind.price_drop.sent, s.notices.byKind.delayed_parcel.sent],
                  },
                  {
                    label: d.converted,
                    data: [s.notices.byKind.price_drop.converted, s.notices.byKind.delayed_parcel.converted],
                  },
                ],
              }}
            />
            <ChartBox
              id="csat"
              title={d.csatDist}
              spec={{
                type: 'bar',
                labels: ['1', '2', '3', '4', '5'],
                series: [
                  { label: d.csat, data: (['1', '2', '3', '4', '5'] as const).map((k) => s.csat.distribution[k]) },
                ],
              }}
            />
            <ChartBox
              id="intents"
              title={d.intents}
              spec={{
                type: 'doughnut',
                labels: s.intents.map((i) => i.intent),
                series: [{ label: d.intents, data: s.intents.map((i) => i.count) }],
              }}
            />
            <ChartBox
              id="intent-trend"
              title={d.intentTrend}
              spec={{ type: 'line', ...intentTrend(data.days, 5, d.other) }}
            />
            <ChartBox
              id="handoff-reasons"
              title={d.handoffReasons}
              spec={{
                type: 'bar',
                labels: Object.keys(s.handoff.reasons),
                series: [{ label: d.handoffReasons, data: Object.values(s.handoff.reasons) }],
              }}
            />
            <ChartBox
              id="latency"
              title={d.latency}
              spec={{
                type: 'bar',
                labels: ['p50', 'p90', 'avg'],
                series: [
                  {
                    label: d.botLatency,
                    data: [s.botLatency.p50Ms, s.botLatency.p90Ms, s.botLatency.averageMs].map(fmtMs),
                  },
                  {
                    label: d.agentFirst,
                    data: [s.agentFirstResponse.p50Ms, s.agentFirstResponse.p90Ms, s.agentFirstResponse.averageMs].map(
                      fmtMs,
                    ),
                  },
                ],
              }}
            />
            <ChartBox
              id="channels"
              title={d.byChannel}
              spec={{
                type: 'bar',
                labels: Object.keys(s.conversations.byChannel),
                series: [{ label: d.conversations, data: Object.values(s.conversations.byChannel) }],
              }}
            />
            <ChartBox
              id="conversion"
              title={d.conversion}
              spec={{
                type: 'bar',
                labels: [d.identified, d.converted],
                series: [{ label: d.conversion, data: [s.conversion.identified, s.conversion.converted] }],
              }}
            />
            <section class="bo-card">
              <h2>{d.unanswered}</h2>
              <ol class="bo-list" data-testid="top-unanswered">
                {data.unanswered.length === 0 && <li class="bo-empty">{d.noData}</li>}
                {data.unanswered.map((c) => (
                  <li key={c.id}>
                    {c.question} <span class="faq-meta">{bo.times(c.count)}</span>
                  </li>
                ))}
              </ol>
            </section>
          </div>
        </>
      )}
    </div>
  )
}
