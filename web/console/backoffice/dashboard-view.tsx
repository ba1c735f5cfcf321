/** Analytics dashboard: the analytics API's metrics as Chart.js charts over a chosen range, with CSV export. */
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
import { defaultRange, pct, slaCompliance, toCsv, tzOffset } from './dashboard-data.js'

type Data = {
  summary: MetricsSummary
  days: DailyMetrics[]
  unanswered: FaqCandidate[]
  sla: number | null
  ticketCount: number
  noticesSent: number
}

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
  const [range, setRange] = useState(() => defaultRange(new Date()))
  const [data, setData] = useState<Data | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = async () => {
    setError(null)
    try {
      const tz = tzOffset(new Date())
      const [summary, series, cands, tickets, notices] = await Promise.all([
        api.summary(range.from, range.to, tz),
        api.timeseries(range.from, range.to, tz),
        api.candidates().catch(() => ({ candidates: [] as FaqCandidate[] })),
        api.tickets({}).catch(() => ({ tickets: [] })),
        api.notices().catch(() => ({ notices: [] })),
      ])
      const from = summary.window.from
      const to = summary.window.to
      const inRange = (iso: unknown) => typeof iso === 'string' && iso >= from && iso < to
      const ts = tickets.tickets.filter((t) => inRange(t.createdAt))
      setData({
        summary,
        days: series.days,
        unanswered: cands.candidates.filter((c) => !c.answeredBy).slice(0, 10),
        sla: slaCompliance(ts),
        ticketCount: ts.length,
        noticesSent: (notices.notices ?? []).filter((n) => inRange(n.createdAt)).length,
      })
    } catch (e) {
      setError(e instanceof ApiError ? `${e.code}: ${e.message}` : String(e))
    }
  }
  useEffect(() => void load(), [range.from, range.to])

  const exportCsv = () => {
    if (!data) return
    const csv = toCsv(data.summary, data.days, {
      'tickets.slaCompliance': data.sla,
      'tickets.inWindow': data.ticketCount,
      'proactive.noticesSent': data.noticesSent,
    })
    const a = document.createElement('a')
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    a.download = `kefu-analytics-${range.from}-${range.to}.csv`
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
          void load()
        }}
      >
        <label>
          {d.from}{' '}
          <input
            type="date"
            name="from"
            value={range.from}
            onChange={(e) => setRange({ ...range, from: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {d.to}{' '}
          <input
            type="date"
            name="to"
            value={range.to}
            onChange={(e) => setRange({ ...range, to: (e.target as HTMLInputElement).value })}
          />
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
            <Kpi id="notices" label={d.notices} value={String(data.noticesSent)} />
            <Kpi id="conversion" label={d.conversion} value={pct(s.conversion.rate)} />
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
              <p class="bo-hint">{d.notComputed}</p>
            </section>
          </div>
        </>
      )}
    </div>
  )
}
