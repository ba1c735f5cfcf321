/**
 * `kefu serve --workers 2` on embedded SQLite, as real processes:
 * - a message posted through one worker reaches widget sockets held by both workers;
 * - every process of the server is killed (SIGKILL) while customers are chatting, the server is
 *   started again on the same data directory, and every message that was acknowledged (HTTP 200)
 *   is stored exactly once: a crash loses nothing acknowledged.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { tempDir } from '../helpers/temp-dir.js'

const ROOT = join(import.meta.dirname, '../..')
const dir = tempDir('kefu-cluster-')
const procs: ChildProcess[] = []

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port
      s.close(() => resolve(p))
    })
  })
}

/** Starts `kefu serve` (with `workers` processes) and resolves once every worker listens. */
async function serve(workers: number): Promise<{ proc: ChildProcess; base: string }> {
  const port = await freePort()
  const proc = spawn(process.execPath, [join(ROOT, 'bin/kefu'), 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      KEFU_DATA_DIR: dir.path,
      KEFU_WORKERS: String(workers),
      LOG_LEVEL: 'warn',
      KEFU_PROACTIVE: 'false',
      KEFU_RATE_LIMIT_MESSAGES: '0',
      KEFU_RATE_LIMIT_CONVERSATIONS: '0',
      KEFU_RATE_LIMIT_CLIENT_MESSAGES: '0',
      KEFU_MAX_CONNECTIONS_PER_IP: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  procs.push(proc)
  const ready = workers > 1 ? /worker processes serving/ : /kefu is serving on/
  const log: string[] = []
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: proc.stderr! }).on('line', (line) => {
      log.push(line)
      if (ready.test(line)) resolve()
    })
    proc.once('exit', (code) => reject(new Error(`kefu serve exited ${code}:\n${log.join('\n')}`)))
  })
  return { proc, base: `http://127.0.0.1:${port}` }
}

/** The process and its descendants (Linux /proc). */
function tree(pid: number): number[] {
  const out = [pid]
  for (let i = 0; i < out.length; i++) {
    const kids = readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8').trim()
    if (kids) out.push(...kids.split(/\s+/).map(Number))
  }
  return out
}

async function start(base: string, customerId?: string): Promise<{ id: string; token: string }> {
  const r = await fetch(`${base}/api/v1/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(customerId ? { customerId } : {}),
  })
  expect(r.status).toBe(201)
  return (await r.json()) as { id: string; token: string }
}

const post = (base: string, c: { id: string; token: string }, text: string) =>
  fetch(`${base}/api/v1/conversations/${c.id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}`, connection: 'close' },
    body: JSON.stringify({ text }),
  })

const exited = (p: ChildProcess) =>
  p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', r))

afterAll(async () => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGTERM')
  await Promise.all(procs.map(exited))
  dir.remove()
})

describe('kefu serve --workers 2 (SQLite)', () => {
  it('pushes a message to sockets on every worker, and a crash loses no acknowledged message', async () => {
    const first = await serve(2)

    // Four sockets on four connections: node:cluster hands connections to the workers in turn.
    const conv = await start(first.base)
    const url = `${first.base.replace('http', 'ws')}/api/v1/conversations/${conv.id}/stream?token=${conv.token}`
    const sockets = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<{ ws: WebSocket; texts: string[] }>((resolve, reject) => {
            const ws = new WebSocket(url)
            const texts: string[] = []
            ws.on('message', (d) => {
              const f = JSON.parse(String(d)) as { type: string; message?: { role: string; text: string } }
              if (f.type === 'ready') resolve({ ws, texts })
              if (f.type === 'message' && f.message) texts.push(`${f.message.role}:${f.message.text}`)
            })
            ws.once('error', reject)
          }),
      ),
    )
    const r = await post(first.base, conv, '包邮吗')
    expect(r.status).toBe(200)
    const turn = (await r.json()) as { replies: Array<{ text: string }> }
    for (const s of sockets) {
      while (!s.texts.some((t) => t.startsWith('bot:'))) await new Promise((res) => s.ws.once('message', res))
      expect(s.texts[0]).toBe('customer:包邮吗')
      expect(s.texts).toContain(`bot:${turn.replies[0]!.text}`)
      s.ws.close()
    }

    // Customers chat on 8 conversations; every process is killed once 40 turns were acknowledged.
    const convs = await Promise.all(Array.from({ length: 8 }, (_, k) => start(first.base, k % 2 ? 'c001' : undefined)))
    const acknowledged = new Map<string, string[]>(convs.map((c) => [c.id, []]))
    let total = 0
    let killed = false
    const kill = () => {
      if (killed) return
      killed = true
      for (const pid of tree(first.proc.pid!).reverse()) process.kill(pid, 'SIGKILL')
    }
    await Promise.all(
      convs.map(async (c, k) => {
        for (let i = 0; !killed; i++) {
          const text = `我的订单到哪了 ${k}-${i}`
          try {
            const res = await post(first.base, c, text)
            await res.text()
            if (res.status === 200 && !killed) {
              acknowledged.get(c.id)!.push(text)
              if (++total >= 40) kill()
            }
          } catch {
            // the server died under this request: it was not acknowledged
          }
        }
      }),
    )
    await exited(first.proc)

    const again = await serve(1)
    let lost = 0
    let duplicated = 0
    for (const c of convs) {
      const res = await fetch(`${again.base}/api/v1/conversations/${c.id}/messages?limit=500`, {
        headers: { authorization: `Bearer ${c.token}` },
      })
      const { messages } = (await res.json()) as { messages: Array<{ role: string; text: string }> }
      const stored = messages.filter((m) => m.role === 'customer').map((m) => m.text)
      for (const text of acknowledged.get(c.id)!) {
        const n = stored.filter((s) => s === text).length
        if (n === 0) lost++
        if (n > 1) duplicated++
      }
    }
    expect(total).toBeGreaterThanOrEqual(40)
    expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 })
  }, 600_000)
})
