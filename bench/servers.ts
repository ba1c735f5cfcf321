/**
 * Starts kefu servers for a benchmark, each in its own process (`bin/kefu serve`): one on embedded
 * SQLite by default, or N on one fresh PostgreSQL schema and Redis prefix. Resolves when every one
 * answers /readyz; the first seeds the demo shop, the others find it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { appendFileSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export type BenchServers = {
  servers: Array<{ proc: ChildProcess; url: string }>
  /** The demo shop's API key (admin routes). */
  apiKey: string
  /** Environment of the servers (same store), for CLI runs such as `kefu import`. */
  env: NodeJS.ProcessEnv
  /** Stops instance i and starts it again on the same port; resolves when it answers /readyz. */
  restart(i: number): Promise<void>
  /** Peak and current RSS (MB) and CPU seconds (user + system) of each server process. */
  usage(): Array<{ peakRssMb: number; rssMb: number; cpuS: number }>
  stop(): Promise<void>
}

/** `pid` and its descendants (Linux /proc). */
function processTree(pid: number): number[] {
  const out = [pid]
  for (let i = 0; i < out.length; i++) {
    try {
      const kids = readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8').trim()
      if (kids) out.push(...kids.split(/\s+/).map(Number))
    } catch {
      // gone
    }
  }
  return out
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port
      s.close(() => resolve(p))
    })
  })
}

export async function startBenchServers(opts: {
  dataDir: string
  instances?: number
  postgres?: string | undefined
  redis?: string | undefined
  /** Append the servers' logs (LOG_LEVEL info) to this file. */
  logFile?: string | undefined
  /** Extra node flags (e.g. --cpu-prof). */
  nodeFlags?: string[]
  env?: NodeJS.ProcessEnv
  /** How long a server may take until /readyz (default 180 s; a 100,000-product restart on a loaded machine takes longer). */
  startTimeoutMs?: number
}): Promise<BenchServers> {
  const instances = Math.max(1, opts.instances ?? 1)
  if (instances > 1 && !opts.postgres) throw new Error('more than one instance needs --postgres (and --redis)')
  const tag = `bench_${process.pid}_${Date.now().toString(36)}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KEFU_DATA_DIR: opts.dataDir,
    LOG_LEVEL: opts.logFile ? 'info' : 'warn',
    KEFU_RATE_LIMIT_MESSAGES: '0',
    KEFU_RATE_LIMIT_CONVERSATIONS: '0',
    KEFU_RATE_LIMIT_CLIENT_MESSAGES: '0',
    KEFU_MAX_CONNECTIONS_PER_IP: '0',
    KEFU_PROACTIVE: 'false',
    KEFU_SECRET: `bench-secret-${tag}`,
    ...(opts.postgres
      ? { KEFU_DATABASE_URL: `${opts.postgres}${opts.postgres.includes('?') ? '&' : '?'}schema=${tag}` }
      : {}),
    ...(opts.redis ? { KEFU_REDIS_URL: opts.redis, KEFU_REDIS_PREFIX: `${tag}:` } : {}),
    ...opts.env,
  }
  let apiKey = ''
  const servers: BenchServers['servers'] = []
  async function launch(i: number, port: number): Promise<{ proc: ChildProcess; url: string }> {
    const proc = spawn(process.execPath, [...(opts.nodeFlags ?? []), join(ROOT, 'bin/kefu'), 'serve'], {
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', opts.logFile ? 'pipe' : 'ignore', 'pipe'],
    })
    if (opts.logFile)
      createInterface({ input: proc.stdout! }).on('line', (l) => appendFileSync(opts.logFile!, `${l}\n`))
    const log: string[] = []
    // With `--workers N` every worker must listen before the clients connect (keep-alive connections
    // stay with the worker that accepted them).
    const workers = Number(env.KEFU_WORKERS ?? 1)
    let allListening = workers <= 1
    createInterface({ input: proc.stderr! }).on('line', (line) => {
      const m = /API key[^:]*: (\S+)/.exec(line)
      if (m) apiKey = m[1]!
      if (/worker processes serving/.test(line)) allListening = true
      if (log.length < 200) log.push(line)
      if (opts.logFile) appendFileSync(opts.logFile, `${line}\n`)
    })
    const url = `http://127.0.0.1:${port}`
    for (let t = 0; ; t++) {
      if (t * 200 > (opts.startTimeoutMs ?? 180_000) || proc.exitCode !== null)
        throw new Error(`server ${i} did not start:\n${log.join('\n')}`)
      await sleep(200)
      const ok = await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok && apiKey && allListening) break
    }
    return { proc, url }
  }
  const stopOne = async (proc: ChildProcess) => {
    proc.kill('SIGTERM')
    if (proc.exitCode === null) await new Promise((r) => proc.on('exit', r))
  }
  for (let i = 0; i < instances; i++) servers.push(await launch(i, await freePort()))
  const ticks = 100 // USER_HZ on Linux
  return {
    servers,
    apiKey,
    env,
    usage: () =>
      servers.map(({ proc }) => {
        // An instance may be a cluster (`--workers N`): its worker processes count too.
        let peakKb = 0
        let rssKb = 0
        let cpuS = 0
        for (const pid of processTree(proc.pid!)) {
          try {
            const status = readFileSync(`/proc/${pid}/status`, 'utf8')
            const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
            const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
            cpuS += (Number(fields[11]) + Number(fields[12])) / ticks
            peakKb += kb('VmHWM')
            rssKb += kb('VmRSS')
          } catch {
            // the process ended between listing and reading
          }
        }
        return { peakRssMb: Math.round(peakKb / 102.4) / 10, rssMb: Math.round(rssKb / 102.4) / 10, cpuS }
      }),
    async restart(i: number) {
      const old = servers[i]!
      await stopOne(old.proc)
      const port = Number(new URL(old.url).port)
      servers[i] = await launch(i, port)
    },
    async stop() {
      for (const { proc } of servers) await stopOne(proc)
      if (opts.postgres) {
        const { default: pg } = await import('pg')
        const client = new pg.Client({ connectionString: opts.postgres })
        await client.connect()
        await client.query(`DROP SCHEMA IF EXISTS "${tag}" CASCADE`)
        await client.end()
      }
    },
  }
}
