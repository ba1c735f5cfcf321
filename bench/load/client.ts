/**
 * The customer side of the load benchmark, in its own process: `--clients` simulated customers, each
 * with a conversation and a WebSocket held open on it (as the widget does), play scripts turn after
 * turn (closed loop: the next turn is sent when the previous answer arrived) for `--seconds`.
 * `--sockets` extra idle widget WebSockets are held open the whole time (heartbeat pings every 20 s).
 * Prints one JSON object: turns, turns/s, latency percentiles, errors, socket counts, and the
 * conversations it used (for the lost/duplicated message check).
 *
 *   npx tsx bench/load/client.ts --url http://127.0.0.1:3000 [--url …] --clients 16 --seconds 20 [--sockets 0]
 */
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { LOAD_SCRIPTS } from './scripts.js'

const { values } = parseArgs({
  options: {
    url: { type: 'string', multiple: true },
    clients: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '20' },
    sockets: { type: 'string', default: '0' },
    warmup: { type: 'string', default: '3' },
  },
})
const URLS = values.url?.length ? values.url : ['http://127.0.0.1:3000']
const CLIENTS = Number(values.clients)
const SECONDS = Number(values.seconds)
const SOCKETS = Number(values.sockets)
const WARMUP_MS = Number(values.warmup) * 1000

type Conv = { id: string; token: string; base: string; sent: number; ws: WebSocket | null; pushed: number }

async function open(base: string, customerId: string | null): Promise<Conv> {
  const r = await fetch(`${base}/api/v1/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(customerId ? { customerId } : {}),
  })
  if (r.status !== 201) throw new Error(`start conversation: ${r.status} ${await r.text()}`)
  const j = (await r.json()) as { id: string; token: string }
  return { id: j.id, token: j.token, base, sent: 0, ws: null, pushed: 0 }
}

function connect(c: Conv): Promise<WebSocket> {
  const ws = new WebSocket(
    `${c.base.replace(/^http/, 'ws')}/api/v1/conversations/${c.id}/stream?token=${encodeURIComponent(c.token)}`,
  )
  ws.on('message', () => {
    c.pushed++
  })
  const ping = setInterval(() => {
    if (ws.readyState === WebSocket.OPEN) ws.ping()
  }, 20_000)
  ws.on('close', () => clearInterval(ping))
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

const latencies: number[] = []
let errors = 0
const errorSamples: string[] = []
const conversations: Conv[] = []
// The clock starts once the idle sockets are open (opening thousands takes longer than a run).
let measureFrom = Number.POSITIVE_INFINITY
let end = Number.POSITIVE_INFINITY
let measuredTurns = 0

async function customer(k: number): Promise<void> {
  const base = URLS[k % URLS.length]!
  for (let round = 0; performance.now() < end; round++) {
    const script = LOAD_SCRIPTS[(k + round) % LOAD_SCRIPTS.length]!
    const c = await open(base, script.customerId)
    conversations.push(c)
    try {
      c.ws = await connect(c)
    } catch (e) {
      errors++
      if (errorSamples.length < 5) errorSamples.push(`ws: ${(e as Error).message}`)
    }
    for (const text of script.turns) {
      if (performance.now() >= end) break
      const s = performance.now()
      try {
        const r = await fetch(`${c.base}/api/v1/conversations/${c.id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
          body: JSON.stringify({ text }),
        })
        const body = await r.text()
        if (r.status !== 200) throw new Error(`${r.status} ${body.slice(0, 120)}`)
        c.sent++
        const ms = performance.now() - s
        if (s >= measureFrom) {
          latencies.push(ms)
          measuredTurns++
        }
      } catch (e) {
        errors++
        if (errorSamples.length < 5) errorSamples.push((e as Error).message)
      }
    }
    c.ws?.close()
  }
}

// Idle widget sockets: opened first, held for the whole run.
const idle: WebSocket[] = []
let idleFailed = 0
for (let i = 0; i < SOCKETS; i += 50) {
  const batch = await Promise.allSettled(
    Array.from({ length: Math.min(50, SOCKETS - i) }, async (_, j) =>
      connect(await open(URLS[(i + j) % URLS.length]!, null)),
    ),
  )
  for (const b of batch) b.status === 'fulfilled' ? idle.push(b.value) : idleFailed++
}
const idleOpenAtStart = idle.filter((w) => w.readyState === WebSocket.OPEN).length
measureFrom = performance.now() + WARMUP_MS
end = measureFrom + SECONDS * 1000

await Promise.all(Array.from({ length: CLIENTS }, (_, k) => customer(k)))
const elapsed = (Math.min(performance.now(), end) - measureFrom) / 1000
const idleOpenAtEnd = idle.filter((w) => w.readyState === WebSocket.OPEN).length
for (const w of idle) w.terminate()

latencies.sort((a, b) => a - b)
const pct = (p: number) =>
  latencies.length
    ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]! * 10) / 10
    : 0
console.log(
  JSON.stringify({
    clients: CLIENTS,
    seconds: Math.round(elapsed * 10) / 10,
    turns: measuredTurns,
    turnsPerSecond: Math.round((measuredTurns / elapsed) * 10) / 10,
    p50Ms: pct(0.5),
    p95Ms: pct(0.95),
    p99Ms: pct(0.99),
    maxMs: pct(1),
    errors,
    errorSamples,
    sockets: { requested: SOCKETS, openAtStart: idleOpenAtStart, openAtEnd: idleOpenAtEnd, failed: idleFailed },
    conversations: conversations.map((c) => ({ id: c.id, token: c.token, base: c.base, sent: c.sent })),
  }),
)
