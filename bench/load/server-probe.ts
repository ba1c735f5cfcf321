/**
 * A probe preloaded into a benchmark's server process (`node --import tsx --import
 * bench/load/server-probe.ts bin/kefu serve`, e.g. `bench/catalog-scale.ts --probe`): writes JSON
 * lines to `KEFU_PROBE_FILE`, so the bench can tell the server's own time from the time its clients
 * (which share the machine's cores) add:
 *
 * - `{"t", "kind": "req", "route", "ms"}` per HTTP request, from the parsed request to the response's
 *   end, on the server's clock (`route`: chat, healthz, publish (a FAQ publish), admin, other);
 * - `{"t", "kind": "loop", "maxMs", "p99Ms", "cpuMs", "elu"}` each second: the event loop's delay
 *   (`monitorEventLoopDelay`, 10 ms resolution: how long a timer waited beyond its due time, i.e. a
 *   block), the process CPU (user + system, all threads) and the loop's utilisation in that second;
 * - `{"t", "kind": "gc", "ms", "gcKind"}` per garbage collection pause of 5 ms or more.
 */
import { subscribe } from 'node:diagnostics_channel'
import { appendFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks'

const file = process.env.KEFU_PROBE_FILE
if (file) {
  let buffer: string[] = []
  const out = (o: Record<string, unknown>) => buffer.push(JSON.stringify({ t: Date.now(), pid: process.pid, ...o }))
  const round = (x: number) => Math.round(x * 10) / 10
  const routeOf = (req: IncomingMessage) => {
    const url = req.url ?? ''
    if (url.startsWith('/healthz')) return 'healthz'
    if (/\/conversations\/[^/]+\/messages/.test(url)) return 'chat'
    if (/^\/api\/v1\/admin\/faq\/[^/]+\/publish/.test(url)) return 'publish'
    if (url.startsWith('/api/v1/admin')) return 'admin'
    return 'other'
  }
  const started = new WeakMap<IncomingMessage, number>()
  subscribe('http.server.request.start', (m) => {
    started.set((m as { request: IncomingMessage }).request, performance.now())
  })
  subscribe('http.server.response.finish', (m) => {
    const { request } = m as { request: IncomingMessage }
    const t0 = started.get(request)
    if (t0 !== undefined) out({ kind: 'req', route: routeOf(request), ms: round(performance.now() - t0) })
  })
  const gcKinds: Record<number, string> = {
    1: 'scavenge',
    2: 'minor-ms',
    4: 'mark-compact',
    8: 'incremental',
    16: 'weak',
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration >= 5) {
        const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0
        out({ kind: 'gc', ms: round(e.duration), gcKind: gcKinds[kind] ?? String(kind) })
      }
    }
  }).observe({ entryTypes: ['gc'] })
  const h = monitorEventLoopDelay({ resolution: 10 })
  h.enable()
  let cpu = process.cpuUsage()
  let elu = performance.eventLoopUtilization()
  setInterval(() => {
    const c = process.cpuUsage(cpu)
    cpu = process.cpuUsage()
    const e = performance.eventLoopUtilization(elu)
    elu = performance.eventLoopUtilization()
    out({
      kind: 'loop',
      maxMs: round(h.max / 1e6),
      p99Ms: round(h.percentile(99) / 1e6),
      cpuMs: round((c.user + c.system) / 1000),
      elu: Math.round(e.utilization * 1000) / 1000,
    })
    h.reset()
    appendFileSync(file, buffer.length ? `${buffer.join('\n')}\n` : '')
    buffer = []
  }, 1000).unref()
}
