/**
 * Load benchmark (issue 16): the real server in its own process(es), customers in another process
 * (bench/load/client.ts) playing multi-turn scripts over HTTP while each holds the widget's
 * WebSocket, at several concurrency levels. Reports turns/s, p50/p95/p99 turn latency, errors,
 * server CPU and RSS, and checks that every acknowledged customer message was stored exactly once.
 * Prints one JSON object.
 *
 *   npx tsx bench/load/index.ts [--clients 1,16,64] [--seconds 15] [--sockets 0]
 *   npx tsx bench/load/index.ts --postgres postgres://postgres@127.0.0.1:5432/postgres \
 *     --redis redis://127.0.0.1:6379 --instances 2
 *   npx tsx bench/load/index.ts --clients 16 --seconds 10 --cpu-prof /tmp/prof   # profiles of the server(s)
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ROOT, startBenchServers } from '../servers.js'

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1,16,64' },
    seconds: { type: 'string', default: '15' },
    sockets: { type: 'string', default: '0' },
    postgres: { type: 'string' },
    redis: { type: 'string' },
    instances: { type: 'string', default: '1' },
    'server-log': { type: 'string' },
    /** Write the server processes' V8 CPU profiles (.cpuprofile) into this directory. */
    'cpu-prof': { type: 'string' },
    /** Server processes per instance (`kefu serve --workers N`); default 1. */
    workers: { type: 'string', default: '1' },
  },
})
const log = (msg: string) => process.stderr.write(`load: ${msg}\n`)
const dir = mkdtempSync(join(tmpdir(), 'kefu-load-'))
const bench = await startBenchServers({
  dataDir: dir,
  instances: Number(values.instances),
  postgres: values.postgres,
  redis: values.redis,
  logFile: values['server-log'],
  nodeFlags: values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [],
  env: { KEFU_WORKERS: String(values.workers) },
})
log(`servers: ${bench.servers.map((s) => s.url).join(', ')}`)

type ClientReport = {
  clients: number
  seconds: number
  turns: number
  turnsPerSecond: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  errors: number
  errorSamples: string[]
  sockets: Record<string, number>
  conversations: Array<{ id: string; token: string; base: string; sent: number }>
}

function runClients(clients: number): Promise<ClientReport> {
  const args = ['--import', 'tsx', join(ROOT, 'bench/load/client.ts'), '--clients', String(clients)]
  args.push('--seconds', String(values.seconds), '--sockets', String(values.sockets))
  for (const s of bench.servers) args.push('--url', s.url)
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString()
  })
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load client exited ${code}`))
      try {
        resolve(JSON.parse(out) as ClientReport)
      } catch (e) {
        reject(e)
      }
    })
  })
}

/** Every acknowledged customer message stored exactly once (read back through the API). */
async function countStored(conversations: ClientReport['conversations']) {
  let acknowledged = 0
  let stored = 0
  let lost = 0
  let duplicated = 0
  for (let i = 0; i < conversations.length; i += 16) {
    await Promise.all(
      conversations.slice(i, i + 16).map(async (c) => {
        const r = await fetch(`${c.base}/api/v1/conversations/${c.id}/messages`, {
          headers: { authorization: `Bearer ${c.token}` },
        })
        const j = (await r.json()) as { messages?: Array<{ role: string }> } | Array<{ role: string }>
        const list = Array.isArray(j) ? j : (j.messages ?? [])
        const customer = list.filter((m) => m.role === 'customer').length
        acknowledged += c.sent
        stored += customer
        if (customer < c.sent) lost += c.sent - customer
        if (customer > c.sent) duplicated += customer - c.sent
      }),
    )
  }
  return { acknowledged, stored, lost, duplicated }
}

const levels = String(values.clients)
  .split(',')
  .map((x) => Number(x.trim()))
  .filter((x) => x > 0)
const results = []
for (const clients of levels) {
  const before = bench.usage()
  const report = await runClients(clients)
  const after = bench.usage()
  const messages = await countStored(report.conversations)
  const cpuPercent = after.map((a, i) => Math.round(((a.cpuS - before[i]!.cpuS) / report.seconds) * 1000) / 10)
  const { conversations, ...rest } = report
  results.push({
    ...rest,
    conversations: conversations.length,
    serverCpuPercent: cpuPercent,
    serverRssMb: after.map((a) => a.rssMb),
    messages,
  })
  log(`${clients} clients: ${report.turnsPerSecond} turns/s, p50 ${report.p50Ms} ms, p99 ${report.p99Ms} ms`)
}
const usage = bench.usage()
await bench.stop()
rmSync(dir, { recursive: true, force: true })
console.log(
  JSON.stringify(
    {
      bench: 'load',
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model,
        memGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
        loadavg: loadavg(),
      },
      store: values.postgres ? 'postgres' : 'sqlite',
      redis: Boolean(values.redis),
      instances: bench.servers.length,
      results,
      serverPeakRssMb: usage.map((u) => u.peakRssMb),
    },
    null,
    2,
  ),
)
