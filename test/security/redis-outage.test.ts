/**
 * Issue 10, point 5: a Redis outage. The test starts its own `redis-server` on a free port, runs
 * kefu against it, kills Redis mid-conversation and starts it again. During the outage chat keeps
 * answering (degraded: in-process lock, no cross-instance fan-out) — never 500; after Redis returns
 * chat works again without 409s and no stale lock keys reappear (no offline queue replay). A lock
 * left by a crashed instance blocks its conversation for one short lease only.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { tempDir } from '../helpers/temp-dir.js'

/**
 * The test's own redis-server runs on the real clock: CI also runs the suite under faketime
 * (LD_PRELOAD), which redis-server must not inherit (it hangs under it).
 */
const realClockEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME')),
)

const HAS_REDIS_SERVER = await new Promise<boolean>((resolve) => {
  const p = spawn('redis-server', ['--version'], { env: realClockEnv, stdio: 'ignore' })
  const timer = setTimeout(() => {
    p.kill('SIGKILL')
    resolve(false)
  }, 10_000)
  p.on('error', () => {
    clearTimeout(timer)
    resolve(false)
  })
  p.on('exit', (code) => {
    clearTimeout(timer)
    resolve(code === 0)
  })
})

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

let redisProcess: ChildProcess | null = null
let port = 0
const prefix = `kefu-outage-${randomBytes(4).toString('hex')}:`

async function startRedis(): Promise<void> {
  redisProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore', env: realClockEnv },
  )
  const probe = new Redis({ port, lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: 0 })
  probe.on('error', () => undefined)
  for (let i = 0; i < 200; i++) {
    if ((await probe.ping().catch(() => 'down')) === 'PONG') break
    await new Promise((r) => setTimeout(r, 50))
  }
  probe.disconnect()
}

async function stopRedis(): Promise<void> {
  const p = redisProcess
  if (!p || p.exitCode !== null) return
  await new Promise<void>((resolve) => {
    p.once('exit', () => resolve())
    p.kill('SIGKILL')
  })
  redisProcess = null
}

describe.runIf(HAS_REDIS_SERVER)('Redis outage', () => {
  const dir = tempDir()
  let server: RunningServer
  let redis: Redis

  beforeAll(async () => {
    port = await freePort()
    await startRedis()
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: dir.path,
      env: { LOG_LEVEL: 'error', KEFU_REDIS_URL: `redis://127.0.0.1:${port}`, KEFU_REDIS_PREFIX: prefix },
    })
    redis = new Redis({ port, retryStrategy: () => 100, maxRetriesPerRequest: 0 })
    redis.on('error', () => undefined)
  })
  afterAll(async () => {
    redis?.disconnect()
    await server?.close()
    await stopRedis()
    dir.remove()
  })

  const start = async () => {
    const r = await fetch(`${server.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'c001' }),
    })
    return { status: r.status, conv: r.status === 201 ? ((await r.json()) as { id: string; token: string }) : null }
  }
  const say = async (c: { id: string; token: string }, text = '你好') =>
    (
      await fetch(`${server.url}/api/v1/conversations/${c.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
        body: JSON.stringify({ text }),
      })
    ).status

  it('keeps chatting through an outage and recovers without stale locks or 409s', async () => {
    const { conv } = await start()
    expect(await say(conv!)).toBe(200)

    await stopRedis()
    const during: number[] = []
    for (let i = 0; i < 5; i++) during.push(await say(conv!, '我的订单到哪了'))
    const fresh = await start()
    during.push(fresh.status)
    if (fresh.conv) during.push(await say(fresh.conv))
    expect(during.filter((s) => s >= 500)).toEqual([])
    expect(during.every((s) => s === 200 || s === 201)).toBe(true)

    await startRedis()
    await expect.poll(async () => (await fetch(`${server.url}/readyz`)).status, { timeout: 10_000 }).toBe(200)
    const after: number[] = []
    for (let i = 0; i < 5; i++) after.push(await say(conv!))
    expect(after).toEqual([200, 200, 200, 200, 200])
    // Nothing replayed from an offline queue: no lock key outlives its turn.
    expect(await redis.keys(`${prefix}lock:*`)).toEqual([])
  })

  it("a crashed instance's lock blocks its conversation for one short lease, not 30 s", async () => {
    const { conv } = await start()
    // What a holder that died mid-turn leaves behind: its lease, never released.
    await redis.set(`${prefix}lock:conv:demo:${conv!.id}`, 'crashed-instance', 'PX', 5000)
    expect(await say(conv!)).toBe(200)
    expect(await redis.get(`${prefix}lock:conv:demo:${conv!.id}`)).toBeNull()
  })
})
