/**
 * The time kefu adds to a model's time to first token (issue 12): three processes on one machine.
 *
 *   1. this process: a fake OpenAI-compatible provider (test/llm/fake-openai-server.ts) that streams its
 *      first sentence exactly `--latency` ms after the request arrives (the rest 50 ms later);
 *   2. the real kefu server (`bin/kefu serve`, SQLite, demo shop) in its own process, pointed at it;
 *   3. the load: another process (this file with `--role load`) that opens each conversation's WebSocket,
 *      posts a comparison question (routed to the model) and times POST → first `partial` frame.
 *
 * kefu's overhead per turn = the client's time to the first streamed sentence − the provider's own time
 * to first token (measured by the fake for every request: arrival → first chunk written). It covers NLU,
 * routing, facts, the prompt, the HTTP round trip to the provider, the sentence gate and the WebSocket
 * push. Prints JSON (p50/p99/max, target ≤ 10 ms at p99).
 *
 *   npx tsx bench/llm-overhead.ts [--turns 400] [--concurrency 8] [--latency 200]
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { startFakeOpenAiServer } from '../test/llm/fake-openai-server.js'

const { values } = parseArgs({
  options: {
    turns: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '8' },
    latency: { type: 'string', default: '200' },
    role: { type: 'string', default: 'main' },
    url: { type: 'string', default: '' },
  },
})
const TURNS = Number(values.turns)
const CONCURRENCY = Number(values.concurrency)
const LATENCY_MS = Number(values.latency)
const QUESTION = '我预算有限，声屿 Pro 5 降噪蓝牙耳机和锐思 RayBook 14 轻薄本哪个更适合送给刚上大学的弟弟？说说理由'
const TURNS_PER_CONVERSATION = 5
const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0) : 0
}
const round = (x: number) => Math.round(x * 100) / 100

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes of one machine. */
const wall = () => performance.timeOrigin + performance.now()

if (values.role === 'load') await load(values.url)
else await main()

/** The load process: prints `{ttft, total, sent, firstAt, errors}` (ms) as JSON. */
async function load(base: string): Promise<void> {
  const ttft: number[] = []
  const total: number[] = []
  const sent: number[] = []
  const firstAt: number[] = []
  let errors = 0
  let next = 0
  async function worker(): Promise<void> {
    while (next < TURNS) {
      const c = (await (
        await fetch(`${base}/api/v1/conversations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).json()) as { id: string; token: string }
      const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/conversations/${c.id}/stream?token=${c.token}`)
      let onPartial: (() => void) | null = null
      ws.on('message', (raw) => {
        const ev = JSON.parse(String(raw)) as { type: string }
        if (ev.type === 'partial' && onPartial) {
          onPartial()
          onPartial = null
        }
      })
      await new Promise<void>((resolve, reject) => {
        ws.once('message', () => resolve())
        ws.once('error', reject)
      })
      for (let i = 0; i < TURNS_PER_CONVERSATION && next < TURNS; i++) {
        next++
        const started = performance.now()
        const sentAt = wall()
        let partialAt = 0
        const first = new Promise<number>((resolve) => {
          onPartial = () => {
            partialAt = wall()
            resolve(performance.now() - started)
          }
        })
        const r = await fetch(`${base}/api/v1/conversations/${c.id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
          body: JSON.stringify({ text: QUESTION }),
        })
        const body = (await r.json()) as { replies?: Array<{ source?: string }> }
        const done = performance.now() - started
        if (r.status !== 200 || body.replies?.[0]?.source !== 'llm') {
          errors++
          onPartial = null
          continue
        }
        ttft.push(await first)
        total.push(done)
        sent.push(sentAt)
        firstAt.push(partialAt)
      }
      ws.close()
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  process.stdout.write(JSON.stringify({ ttft, total, sent, firstAt, errors }))
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

async function main(): Promise<void> {
  const fake = await startFakeOpenAiServer()
  // The fake measures its own time to first token for every request: arrival → first chunk written.
  const providerTtft: number[] = []
  const arrivals: number[] = []
  const firstChunks: number[] = []
  fake.setDefault((req) => {
    const arrived = performance.now()
    arrivals.push(wall())
    const user = JSON.stringify(req.body.messages)
    const f = /\[F(\d+)\] 商品：声屿 Pro 5/.exec(user)?.[1] ?? '1'
    setTimeout(() => {
      providerTtft.push(performance.now() - arrived)
      firstChunks.push(wall())
    }, LATENCY_MS)
    return {
      firstChunkDelayMs: LATENCY_MS,
      chunkDelayMs: 50,
      // The first sentence is complete once text follows its end mark: both come in the first chunk.
      chunks: ['两款产品用途不同。预算', `有限的话，声屿 Pro 5 更合适 [F${f}]。`],
    }
  })
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'kefu-llm-bench-'))
  const profile = process.env.KEFU_BENCH_PROFILE_DIR
  const serverArgs = [
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    // Extra Node flags for the server process only (e.g. `--max-semi-space-size=32`), space-separated.
    ...(process.env.KEFU_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
  ]
  const server = spawn(process.execPath, [...serverArgs, join(root, 'bin/kefu'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KEFU_DATA_DIR: dir,
      KEFU_LLM_BASE_URL: `${fake.url}/v1`,
      KEFU_LLM_MODEL: 'bench',
      KEFU_RATE_LIMIT_MESSAGES: '0',
      KEFU_RATE_LIMIT_CONVERSATIONS: '0',
      KEFU_RATE_LIMIT_CLIENT_MESSAGES: '0',
      KEFU_PROACTIVE: 'false',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  let exited: number | null | undefined
  server.once('exit', (code) => {
    exited = code
  })
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) break
      if (exited !== undefined) throw new Error(`kefu server exited with ${exited}`)
      if (i > 1200) throw new Error('kefu server did not become ready')
      await new Promise((r) => setTimeout(r, 100))
    }
    // Warm-up: the shop's NLU engine, knowledge index and the JIT, untimed.
    await runLoad(base, Math.min(40, TURNS), 2)
    // One client at a time: each provider request is that turn's, so the overhead splits into the time
    // before the request reaches the provider and the time from its first chunk to the client.
    for (const a of [providerTtft, arrivals, firstChunks]) a.length = 0
    const seqFrom = process.hrtime.bigint() / 1000n
    const cpuFrom = cpuMs(server.pid)
    const sequential = await runLoad(base, Math.max(20, Math.round(TURNS / 4)), 1)
    const cpuTo = cpuMs(server.pid)
    const seqTo = process.hrtime.bigint() / 1000n
    if (profile) console.error(`profile window (µs, the one-client phase): ${seqFrom} ${seqTo}`)
    const matched = arrivals.length === sequential.sent.length
    const before = matched ? sequential.sent.map((t, i) => (arrivals[i] ?? t) - t) : []
    const after = matched ? sequential.firstAt.map((t, i) => t - (firstChunks[i] ?? t)) : []
    const seqOverhead = sequential.ttft.map((t) => t - LATENCY_MS)
    providerTtft.length = 0
    const measured = await runLoad(base, TURNS, CONCURRENCY)
    const overhead = measured.ttft.map((t) => t - LATENCY_MS)
    const provider = providerTtft.map((t) => t - LATENCY_MS)
    console.log(
      JSON.stringify({
        bench: 'llm-overhead',
        turns: measured.ttft.length,
        errors: measured.errors,
        concurrency: CONCURRENCY,
        providerLatencyMs: LATENCY_MS,
        // kefu's share of the time to the first streamed sentence, the provider's fixed latency removed.
        overheadMs: {
          p50: round(pct(overhead, 50)),
          p99: round(pct(overhead, 99)),
          max: round(Math.max(...overhead)),
        },
        timeToFirstSentenceMs: { p50: round(pct(measured.ttft, 50)), p99: round(pct(measured.ttft, 99)) },
        wholeTurnMs: { p50: round(pct(measured.total, 50)), p99: round(pct(measured.total, 99)) },
        oneClient: {
          turns: sequential.ttft.length,
          overheadMs: { p50: round(pct(seqOverhead, 50)), p99: round(pct(seqOverhead, 99)) },
          // POST sent → the provider has the request (NLU, routing, facts, prompt, HTTP).
          beforeProviderMs: { p50: round(pct(before, 50)), p99: round(pct(before, 99)) },
          // The provider's first chunk → the client has the first sentence (SSE, gate, pub/sub, WebSocket).
          afterFirstTokenMs: { p50: round(pct(after, 50)), p99: round(pct(after, 99)) },
          // The server process's CPU time per turn (whole turn, all threads; Linux): less sensitive to
          // the machine's other load than the wall-clock figures above.
          serverCpuMsPerTurn:
            cpuFrom !== null && cpuTo !== null && sequential.ttft.length > 0
              ? round((cpuTo - cpuFrom) / sequential.ttft.length)
              : null,
        },
        // How late the fake's own first chunk left (timer slack in the provider process, not kefu's time).
        providerTimerSlackMs: { p50: round(pct(provider, 50)), p99: round(pct(provider, 99)) },
        targetP99Ms: 10,
        machine: {
          cpus: cpus().length,
          model: cpus()[0]?.model ?? '',
          memGb: Math.round(totalmem() / 2 ** 30),
          node: process.version,
        },
      }),
    )
  } finally {
    server.kill('SIGTERM')
    await new Promise((r) => server.once('close', r))
    await fake.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** CPU time (user + system) of a process so far, from /proc (Linux); null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return null
  }
}

async function runLoad(base: string, turns: number, concurrency: number) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--role',
      'load',
      '--url',
      base,
      '--turns',
      String(turns),
      '--concurrency',
      String(concurrency),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8')
  })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`load process exited with ${code}`)
  return JSON.parse(out) as { ttft: number[]; total: number[]; sent: number[]; firstAt: number[]; errors: number }
}
