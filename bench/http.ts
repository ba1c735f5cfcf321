/**
 * End-to-end chat benchmark through the real HTTP server (embedded SQLite, offline NLU and
 * retrieval): customer turns per second and p50/p99 latency at a given concurrency. Prints JSON.
 *
 *   npx tsx bench/http.ts [--turns 2000] [--concurrency 16]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startServer } from '../src/server/start-server.js'

const { values } = parseArgs({
  options: { turns: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '16' } },
})
const TURNS = Number(values.turns)
const CONCURRENCY = Number(values.concurrency)

const MESSAGES = [
  '你好',
  '我的订单到哪了',
  '包邮吗',
  'X2 Pro 支持无线充电吗',
  '羽绒服有XL码吗',
  'how long does shipping take?',
  'where is my order',
  '可以开发票吗',
  '七天无理由退货怎么操作',
  'do you have the earbuds in white?',
]
const CUSTOMERS = ['c001', 'c002', 'c003', 'c004', 'c005', null]

const dir = mkdtempSync(join(tmpdir(), 'kefu-bench-'))
const server = await startServer({
  port: 0,
  dataDir: dir,
  env: { LOG_LEVEL: 'error', KEFU_RATE_LIMIT_MESSAGES: '0', KEFU_RATE_LIMIT_CONVERSATIONS: '0' },
})

async function conversation(customerId: string | null): Promise<{ id: string; token: string }> {
  const r = await fetch(`${server.url}/api/v1/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(customerId ? { customerId } : {}),
  })
  return (await r.json()) as { id: string; token: string }
}

// Warm-up: builds the shop's NLU engine and knowledge index before timing.
{
  const c = await conversation('c001')
  await fetch(`${server.url}/api/v1/conversations/${c.id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
    body: JSON.stringify({ text: '你好' }),
  })
}

const convs = await Promise.all(
  Array.from({ length: CONCURRENCY * 4 }, (_, i) => conversation(CUSTOMERS[i % 6] ?? null)),
)
const latencies: number[] = []
let errors = 0
let next = 0
const started = performance.now()
async function worker(w: number): Promise<void> {
  for (;;) {
    const i = next++
    if (i >= TURNS) return
    const c = convs[(i + w) % convs.length]!
    const t0 = performance.now()
    const r = await fetch(`${server.url}/api/v1/conversations/${c.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
      body: JSON.stringify({ text: MESSAGES[i % MESSAGES.length] }),
    })
    await r.arrayBuffer()
    if (r.status !== 200) errors++
    latencies.push(performance.now() - t0)
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)))
const seconds = (performance.now() - started) / 1000
latencies.sort((a, b) => a - b)
const q = (p: number) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]! * 100) / 100
await server.close()
rmSync(dir, { recursive: true, force: true })
console.log(
  JSON.stringify(
    {
      bench: 'http-chat-turns',
      store: 'sqlite',
      turns: TURNS,
      concurrency: CONCURRENCY,
      errors,
      turnsPerSecond: Math.round((TURNS / seconds) * 10) / 10,
      p50Ms: q(0.5),
      p90Ms: q(0.9),
      p99Ms: q(0.99),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    },
    null,
    2,
  ),
)
