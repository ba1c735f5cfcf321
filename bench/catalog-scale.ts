/**
 * Real-shop scale (issue 11): a catalog of N generated products (default 100,000, 20,000 of them
 * in one category) is imported with `kefu import` into a running server (its own process, SQLite),
 * then a stream of catalog updates arrives through the admin API (prices, stock, new products,
 * FAQ publishes), while another process (bench/catalog-load.ts) chats and probes /healthz.
 * Prints one JSON object: import time, time until the new catalog answers, max /healthz latency,
 * chat p50/p99 per phase, whether each checked change answered on the next message, peak RSS,
 * index size, and how long a restart with the big catalog takes until it is ready and answers.
 *
 *   npx tsx bench/catalog-scale.ts [--count 100000] [--hot 20000] [--updates 32000] [--update-seconds 240]
 *   npx tsx bench/catalog-scale.ts --postgres postgres://postgres@127.0.0.1:5432/postgres \
 *     --redis redis://127.0.0.1:6379 --instances 2
 *
 * With `--postgres` (and `--redis`) the servers share a fresh schema and Redis prefix; updates go to
 * the first instance, the "next message sees the change" checks ask the last one, and every instance
 * gets its own chat + /healthz load process.
 *
 * `--probe` preloads bench/load/server-probe.ts into the servers and adds `serverSide` figures per
 * phase (request times on the server's clock, event-loop delay, GC pauses, CPU), so the server's own
 * time can be told from what the load processes sharing the cores add; `--keep DIR` keeps the raw
 * samples and phase marks; `--no-restart` skips phase 4.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { percentile } from '../src/core/knowledge/evaluate-retrieval.js'
import { demoProducts, generatedProduct, rng } from './generate-catalog.js'
import { ROOT, startBenchServers } from './servers.js'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    hot: { type: 'string', default: '20000' },
    updates: { type: 'string', default: '32000' },
    'update-seconds': { type: 'string', default: '240' },
    settle: { type: 'string', default: '15' },
    /** Append the server's log (LOG_LEVEL info) to this file. */
    'server-log': { type: 'string' },
    postgres: { type: 'string' },
    redis: { type: 'string' },
    instances: { type: 'string', default: '1' },
    /** Preload bench/load/server-probe.ts into each server: server-side request times, loop delay, GC. */
    probe: { type: 'boolean', default: false },
    /** Skip phase 4 (the restart with the big catalog). */
    'no-restart': { type: 'boolean', default: false },
    /** Keep the raw samples (client, and the probe's) and the phase marks in this directory. */
    keep: { type: 'string' },
  },
})
const COUNT = Number(values.count)
const HOT = Number(values.hot)
const UPDATES = Number(values.updates)
const UPDATE_SECONDS = Number(values['update-seconds'])
const SETTLE_MS = Number(values.settle) * 1000
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
type Probed = { t: number; kind: string; route?: string; ms?: number; maxMs?: number; cpuMs?: number; elu?: number }
const readProbe = (file: string): Probed[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Probed)
    : []
const round = (x: number) => Math.round(x * 10) / 10
const log = (msg: string) => process.stderr.write(`catalog-scale: ${msg}\n`)

const dir = mkdtempSync(join(tmpdir(), 'kefu-scale-'))
const templates = demoProducts()
const catalogFile = join(dir, 'catalog.jsonl')
{
  const lines: string[] = []
  for (let i = 0; i < COUNT; i++) lines.push(JSON.stringify(generatedProduct(templates, i, { hot: HOT })))
  writeFileSync(catalogFile, `${lines.join('\n')}\n`)
}
log(`generated ${COUNT} products (${HOT} in apparel/down-jacket) in ${catalogFile}`)

const bench = await startBenchServers({
  dataDir: dir,
  instances: Number(values.instances),
  postgres: values.postgres,
  redis: values.redis,
  logFile: values['server-log'],
  // The restart with 100,000 products took 201 s at load 18: give it the bench's own 10 minutes.
  startTimeoutMs: 600_000,
  nodeFlags: [
    ...(process.env.KEFU_BENCH_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.KEFU_BENCH_PROFILE_DIR}`]
      : []),
    ...(values.probe ? ['--import', 'tsx', '--import', join(ROOT, 'bench/load/server-probe.ts')] : []),
  ],
  ...(values.probe ? { env: { KEFU_PROBE_FILE: join(dir, 'probe.jsonl') } } : {}),
})
const { servers, apiKey, env } = bench
const INSTANCES = servers.length
log(`servers: ${servers.map((x) => x.url).join(', ')}`)
const URL_ = servers[0]!.url
const CHECK_URL = servers[servers.length - 1]!.url

type Sample = { t: number; kind: string; ms: number; error?: unknown }
const samples: Sample[] = []
const loads: ChildProcess[] = servers.map(({ url }) => {
  const load = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/catalog-load.ts'), '--url', url], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  createInterface({ input: load.stdout! }).on('line', (line) => {
    try {
      samples.push(JSON.parse(line) as Sample)
    } catch {}
  })
  return load
})

const admin = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(URL_ + path, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  const text = await r.text()
  if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text.slice(0, 200)}`)
  return JSON.parse(text) as Record<string, unknown>
}
let conv: { id: string; token: string } | null = null
async function ask(text: string): Promise<{ reply: string; ms: number }> {
  if (!conv) {
    const r = await fetch(`${CHECK_URL}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    conv = (await r.json()) as { id: string; token: string }
  }
  const t0 = performance.now()
  const r = await fetch(`${CHECK_URL}/api/v1/conversations/${conv.id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${conv.token}` },
    body: JSON.stringify({ text }),
  })
  const j = (await r.json()) as { replies?: Array<{ text: string }> }
  return { reply: (j.replies ?? []).map((x) => x.text).join('\n'), ms: performance.now() - t0 }
}

const marks = {} as Record<Phase, number>
type Phase = 'baseline' | 'import' | 'importDone' | 'live' | 'afterImport' | 'updates' | 'updatesDone' | 'end'
const mark = (name: Phase) => {
  marks[name] = Date.now()
}

// Phase 1: steady state on the demo catalog.
mark('baseline')
await sleep(SETTLE_MS)

// Phase 2: import the big catalog through the CLI, as a merchant would.
mark('import')
const last = generatedProduct(templates, COUNT - 1, { hot: HOT })
const importRun = spawn(process.execPath, [join(ROOT, 'bin/kefu'), 'import', 'products', catalogFile, '--json'], {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
})
const importCode = await new Promise<number | null>((r) => importRun.on('exit', r))
mark('importDone')
log(`import exited ${importCode} after ${((marks.importDone - marks.import) / 1000).toFixed(1)} s`)
// The new catalog answers when a question about its last product gets that product's price.
const model = last.aliases![0]!
for (;;) {
  const { reply } = await ask(`${model} 多少钱`)
  if (reply.includes(String(last.price))) break
  if (Date.now() - marks.importDone > 600_000) throw new Error('the new catalog did not answer within 10 minutes')
  await sleep(250)
}
mark('live')
log(`new catalog answers ${((marks.live - marks.importDone) / 1000).toFixed(1)} s after the import`)
await sleep(SETTLE_MS)
mark('afterImport')

// Phase 3: the update stream through the admin API.
const r = rng(11)
const faqCount = Math.max(1, Math.round(UPDATES / 1000))
let sent = 0
let failed = 0
let nextNew = COUNT
const fresh = { checks: 0, ok: 0, chatMs: [] as number[] }
const kinds = { price: 0, stock: 0, product: 0, faq: 0 }
async function oneUpdate(k: number): Promise<void> {
  const x = r()
  const sku = `G${String(Math.floor(r() * COUNT)).padStart(6, '0')}`
  if (k % Math.floor(UPDATES / faqCount) === 0) {
    kinds.faq++
    const id = `bench-faq-${k}`
    await admin('POST', '/api/v1/admin/faq', {
      id,
      question: `第${k}号活动什么时候开始`,
      answer: `第${k}号活动下周一开始。`,
      similar: [`${k}号活动哪天开始`],
      category: 'promotion',
      locale: 'zh',
      author: 'bench',
    })
    await admin('POST', `/api/v1/admin/faq/${id}/submit`, { author: 'bench' })
    await admin('POST', `/api/v1/admin/faq/${id}/publish`, { author: 'bench' })
  } else if (x < 0.45) {
    kinds.price++
    await admin('PATCH', `/api/v1/admin/products/${sku}`, { price: 10 + Math.floor(r() * 2000) })
  } else if (x < 0.9) {
    kinds.stock++
    await admin('PATCH', `/api/v1/admin/products/${sku}`, { stock: Math.floor(r() * 300) })
  } else {
    kinds.product++
    const p = generatedProduct(templates, nextNew++, { hot: 0, seed: 3 })
    await admin('PUT', `/api/v1/admin/products/${p.sku}`, p)
  }
}
async function freshnessCheck(k: number): Promise<void> {
  fresh.checks++
  const p = generatedProduct(templates, COUNT + UPDATES + k, { hot: 0, seed: 5 })
  p.price = 3000 + (k % 997)
  await admin('PUT', `/api/v1/admin/products/${p.sku}`, p)
  const a = await ask(`${p.aliases![0]} 多少钱`)
  fresh.chatMs.push(a.ms)
  const newPrice = p.price + 1
  await admin('PATCH', `/api/v1/admin/products/${p.sku}`, { price: newPrice })
  const b = await ask(`${p.aliases![0]} 多少钱`)
  fresh.chatMs.push(b.ms)
  if (a.reply.includes(String(p.price)) && b.reply.includes(String(newPrice))) fresh.ok++
  else
    log(
      `next message missed check ${k}: ${a.reply.includes(String(p.price)) ? 'the new price' : 'the new product'} (${(a.reply.includes(String(p.price)) ? b : a).reply.slice(0, 80).replace(/\n/g, ' ')})`,
    )
}
mark('updates')
const rate = UPDATES / UPDATE_SECONDS
const inFlight = new Set<Promise<void>>()
const started = performance.now()
for (let k = 0; k < UPDATES; k++) {
  const due = started + (k / rate) * 1000
  const wait = due - performance.now()
  if (wait > 0) await sleep(wait)
  while (inFlight.size >= 16) await Promise.race(inFlight)
  const p = (k % 500 === 250 ? freshnessCheck(k) : oneUpdate(k))
    .then(() => {
      sent++
    })
    .catch((e: unknown) => {
      failed++
      if (failed <= 5) log(`update failed: ${(e as Error).message}`)
    })
    .finally(() => inFlight.delete(p))
  inFlight.add(p)
}
await Promise.all(inFlight)
mark('updatesDone')
await sleep(SETTLE_MS)
mark('end')

const ready = (await (await fetch(`${URL_}/readyz`)).json()) as { knowledge?: Record<string, unknown> }
const memory = bench.usage()

// Phase 4: restart the (last) server with the big catalog: until /readyz, then until it answers
// about a product of the big catalog.
// A restart that fails (e.g. not listening in time on a loaded machine) is reported, not fatal:
// the phases above are still printed.
const restartStarted = Date.now()
let restart: Record<string, unknown>
if (values['no-restart']) restart = { skipped: true }
else
  try {
    await bench.restart(INSTANCES - 1)
    const restartReadyS = (Date.now() - restartStarted) / 1000
    conv = null
    for (;;) {
      const { reply } = await ask(`${model} 多少钱`).catch(() => ({ reply: '' }))
      if (reply.includes(String(last.price))) break
      if (Date.now() - restartStarted > 600_000)
        throw new Error('the restarted server did not answer within 10 minutes')
      await sleep(250)
    }
    const restartAnswersS = (Date.now() - restartStarted) / 1000
    log(`restarted: ready after ${restartReadyS} s, answers after ${restartAnswersS} s`)
    restart = {
      readyS: round(restartReadyS),
      answersS: round(restartAnswersS),
      rssMb: bench.usage()[INSTANCES - 1]?.rssMb,
    }
  } catch (e) {
    const error = (e as Error).message.split('\n')[0]
    log(`restart failed: ${error}`)
    restart = { error, afterS: round((Date.now() - restartStarted) / 1000) }
  }
for (const load of loads) load.kill()
await bench.stop().catch(() => undefined)
const probed = values.probe ? readProbe(join(dir, 'probe.jsonl')) : []
if (values.keep) {
  mkdirSync(values.keep, { recursive: true })
  writeFileSync(join(values.keep, 'samples.jsonl'), samples.map((x) => JSON.stringify(x)).join('\n'))
  writeFileSync(join(values.keep, 'probe.jsonl'), probed.map((x) => JSON.stringify(x)).join('\n'))
  writeFileSync(join(values.keep, 'marks.json'), JSON.stringify(marks))
}
rmSync(dir, { recursive: true, force: true })

const between = (kind: string, from: number, to: number) =>
  samples.filter((s) => s.kind === kind && s.t >= from && s.t < to).map((s) => s.ms)
const stats = (from: number, to: number) => {
  const chat = between('chat', from, to)
  const health = between('healthz', from, to)
  return {
    chatTurns: chat.length,
    chatP50Ms: round(percentile(chat, 0.5)),
    chatP99Ms: round(percentile(chat, 0.99)),
    healthzMaxMs: round(Math.max(0, ...health)),
    healthzP99Ms: round(percentile(health, 0.99)),
  }
}
/** Server-side figures of a phase (with `--probe`): request times on the server's clock, loop delay, GC, CPU. */
const serverStats = (from: number, to: number) => {
  const inPhase = probed.filter((s) => s.t >= from && s.t < to)
  const req = (route: string) => inPhase.filter((s) => s.kind === 'req' && s.route === route).map((s) => s.ms!)
  const chat = req('chat')
  const admin = req('admin')
  const loop = inPhase.filter((s) => s.kind === 'loop')
  const gc = inPhase.filter((s) => s.kind === 'gc').map((s) => s.ms!)
  const seconds = Math.max(1, loop.length / INSTANCES)
  return {
    chatP50Ms: round(percentile(chat, 0.5)),
    chatP99Ms: round(percentile(chat, 0.99)),
    chatMaxMs: round(Math.max(0, ...chat)),
    adminP99Ms: round(percentile(admin, 0.99)),
    healthzMaxMs: round(Math.max(0, ...req('healthz'))),
    loopDelayMaxMs: round(Math.max(0, ...loop.map((s) => s.maxMs!))),
    secondsWithLoopDelayOver50Ms: loop.filter((s) => s.maxMs! > 50).length,
    gcPausesOver20Ms: gc.filter((ms) => ms > 20).length,
    gcMaxMs: round(Math.max(0, ...gc)),
    cpuMsPerSecond: round(loop.reduce((a, s) => a + s.cpuMs!, 0) / seconds),
    elu: round((loop.reduce((a, s) => a + s.elu!, 0) / Math.max(1, loop.length)) * 1000) / 1000,
  }
}
const m = marks
console.log(
  JSON.stringify(
    {
      bench: 'catalog-scale',
      machine: { cpus: cpus().length, model: cpus()[0]?.model, memGb: round(totalmem() / 2 ** 30), loadavg: loadavg() },
      store: values.postgres ? 'postgres' : 'sqlite',
      redis: Boolean(values.redis),
      instances: INSTANCES,
      products: COUNT,
      inOneCategory: HOT,
      importExit: importCode,
      importS: round((m.importDone - m.import) / 1000),
      newCatalogAnswersAfterS: round((m.live - m.importDone) / 1000),
      updates: {
        sent,
        failed,
        kinds,
        seconds: round((m.updatesDone - m.updates) / 1000),
        perSecond: round(sent / ((m.updatesDone - m.updates) / 1000)),
      },
      nextMessageSeesChange: { checks: fresh.checks, ok: fresh.ok, chatP99Ms: round(percentile(fresh.chatMs, 0.99)) },
      healthzMaxMs: round(Math.max(0, ...samples.filter((s) => s.kind === 'healthz').map((s) => s.ms))),
      phases: {
        before: stats(m.baseline, m.import),
        goingLive: stats(m.import, m.live),
        afterImport: stats(m.live, m.afterImport),
        updates: stats(m.updates, m.updatesDone),
        afterUpdates: stats(m.updatesDone, m.end),
      },
      ...(values.probe
        ? {
            serverSide: {
              before: serverStats(m.baseline, m.import),
              goingLive: serverStats(m.import, m.live),
              afterImport: serverStats(m.live, m.afterImport),
              updates: serverStats(m.updates, m.updatesDone),
              afterUpdates: serverStats(m.updatesDone, m.end),
            },
          }
        : {}),
      serverPeakRssMb: round(Math.max(...memory.map((x) => x.peakRssMb))),
      serverRssEndMb: round(Math.max(...memory.map((x) => x.rssMb))),
      ...(INSTANCES > 1 ? { perInstancePeakRssMb: memory.map((x) => x.peakRssMb) } : {}),
      index: ready.knowledge?.demo ?? null,
      restart,
    },
    null,
    2,
  ),
)
