import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createMemoryJobQueue } from '../../src/adapters/queue-memory/memory-job-queue.js'
import { createRedisJobQueue } from '../../src/adapters/redis/redis-job-queue.js'
import type { Job, JobQueue, JobQueueOptions } from '../../src/core/ports/job-queue.js'
import { waitFor } from '../helpers/wait-for.js'

const redisUrl = process.env.KEFU_TEST_REDIS_URL

/** `open(space, opts)`: queues opened with the same `space` share their jobs (two instances of one deployment). */
type Backend = { name: string; open: (space: string, opts?: JobQueueOptions) => Promise<JobQueue> }

const memorySpaces = new Map<string, JobQueue>()
const backends: Backend[] = [
  {
    name: 'memory',
    // One process: "two instances" are one queue, as in the embedded deployment.
    open: async (space, opts) => {
      const q = memorySpaces.get(space) ?? createMemoryJobQueue(opts)
      memorySpaces.set(space, q)
      return q
    },
  },
]
if (redisUrl) {
  // Each run (and each test's space) gets its own key prefix so parallel runs never share jobs.
  const run = randomUUID()
  backends.push({
    name: 'redis',
    open: (space, opts) => createRedisJobQueue(redisUrl, `kefu-test-${run}-${space}:`, opts),
  })
  afterAll(async () => {
    // Dead letters and stuck jobs of this run would otherwise stay in the shared Redis.
    const r = new Redis(redisUrl)
    const keys = await r.keys(`kefu-test-${run}-*`)
    if (keys.length > 0) await r.del(...keys)
    r.disconnect()
  })
}

function fakeClock(start = 1_800_000_000_000) {
  let t = start
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms
    },
  }
}

function gate() {
  let open!: () => void
  const p = new Promise<void>((r) => {
    open = r
  })
  return { wait: () => p, open }
}

for (const b of backends) {
  describe(`${b.name}: JobQueue`, () => {
    const opened: JobQueue[] = []
    const open = async (opts?: JobQueueOptions, space = randomUUID()) => {
      const q = await b.open(space, opts)
      opened.push(q)
      return q
    }
    afterEach(async () => {
      for (const q of opened.splice(0)) await q.close()
    })

    it('delivers every enqueued job to a worker once, with its payload, and forgets it after success', async () => {
      const q = await open()
      const ids = []
      for (let i = 0; i < 3; i++) ids.push((await q.enqueue({ type: 'mail', payload: { n: i } })).id)
      const seen: Job[] = []
      const w = q.process(['mail'], async (job) => void seen.push(job), { pollIntervalMs: 5 })
      await waitFor(async () => seen.length === 3 && (await q.stats()).active === 0)
      await w.stop()
      expect(seen.map((j) => j.payload).sort((a, c) => (a as { n: number }).n - (c as { n: number }).n)).toEqual([
        { n: 0 },
        { n: 1 },
        { n: 2 },
      ])
      expect(seen.every((j) => j.attempts === 1 && j.type === 'mail')).toBe(true)
      for (const id of ids) expect(await q.get(id)).toBeNull()
      expect(await q.stats()).toEqual({ waiting: 0, delayed: 0, active: 0, dead: 0 })
    })

    it('holds a job with a future runAt until it is due', async () => {
      const clock = fakeClock()
      const q = await open({ now: clock.now })
      const { id } = await q.enqueue({ type: 't', payload: 1, runAt: clock.now() + 60_000 })
      expect((await q.get(id))?.state).toBe('delayed')
      expect(await q.claim(['t'])).toBeNull()
      clock.advance(59_999)
      expect(await q.claim(['t'])).toBeNull()
      clock.advance(1)
      const lease = await q.claim(['t'])
      expect(lease?.job.id).toBe(id)
      expect(await q.ack(lease!)).toBe(true)
    })

    it('claims only the types asked for, oldest due first', async () => {
      const q = await open()
      await q.enqueue({ type: 'a', payload: 'a1' })
      await q.enqueue({ type: 'b', payload: 'b1' })
      await q.enqueue({ type: 'a', payload: 'a2' })
      const l1 = await q.claim(['a'])
      const l2 = await q.claim(['a'])
      expect([l1?.job.payload, l2?.job.payload]).toEqual(['a1', 'a2'])
      expect(await q.claim(['a'])).toBeNull()
      expect((await q.claim(['b']))?.job.payload).toBe('b1')
    })

    it('dedupes by key while the job has not started, and frees the key once it is claimed', async () => {
      const q = await open()
      const first = await q.enqueue({ type: 'scan', payload: 1, dedupeKey: 'shop-1' })
      const again = await q.enqueue({ type: 'scan', payload: 2, dedupeKey: 'shop-1' })
      const other = await q.enqueue({ type: 'scan', payload: 3, dedupeKey: 'shop-2' })
      expect(first.deduped).toBe(false)
      expect(again).toEqual({ id: first.id, deduped: true })
      expect(other.deduped).toBe(false)
      const lease = await q.claim(['scan'])
      expect(lease?.job.payload).toBe(1)
      const during = await q.enqueue({ type: 'scan', payload: 4, dedupeKey: 'shop-1' })
      expect(during.deduped).toBe(false)
      expect(during.id).not.toBe(first.id)
    })

    it('retries a failed job with exponential backoff, then dead-letters it after maxAttempts', async () => {
      const clock = fakeClock()
      const q = await open({ now: clock.now, backoffBaseMs: 1000, backoffMaxMs: 60_000 })
      const { id } = await q.enqueue({ type: 'x', payload: 'p', maxAttempts: 3 })
      let lease = await q.claim(['x'])
      expect(lease?.job.attempts).toBe(1)
      expect(await q.fail(lease!, new Error('smtp down'))).toEqual({ state: 'delayed' })
      let job = await q.get(id)
      expect(job?.state).toBe('delayed')
      expect(job?.runAt).toBe(clock.now() + 1000)
      expect(job?.lastError).toContain('smtp down')
      expect(await q.claim(['x'])).toBeNull()
      clock.advance(1000)
      lease = await q.claim(['x'])
      expect(lease?.job.attempts).toBe(2)
      await q.fail(lease!, new Error('again'))
      job = await q.get(id)
      expect(job?.runAt).toBe(clock.now() + 2000)
      clock.advance(2000)
      lease = await q.claim(['x'])
      expect(lease?.job.attempts).toBe(3)
      expect(await q.fail(lease!, new Error('last'))).toEqual({ state: 'dead' })
      clock.advance(3_600_000)
      expect(await q.claim(['x'])).toBeNull()
      const dead = await q.deadLetters()
      expect(dead.map((d) => d.id)).toEqual([id])
      expect(dead[0]?.state).toBe('dead')
      expect(dead[0]?.attempts).toBe(3)
      expect((await q.stats()).dead).toBe(1)
    })

    it('gives a crashed worker’s job to the next claim after the visibility timeout; the stale lease cannot ack', async () => {
      const clock = fakeClock()
      const q = await open({ now: clock.now, visibilityTimeoutMs: 10_000 })
      const { id } = await q.enqueue({ type: 'c', payload: 'once' })
      const crashed = await q.claim(['c'])
      expect(crashed?.job.id).toBe(id)
      clock.advance(9_999)
      expect(await q.claim(['c'])).toBeNull()
      clock.advance(1)
      const again = await q.claim(['c'])
      expect(again?.job.id).toBe(id)
      expect(again?.job.attempts).toBe(2)
      expect(await q.ack(crashed!)).toBe(false)
      expect(await q.fail(crashed!, 'late')).toBeNull()
      expect(await q.ack(again!)).toBe(true)
      expect(await q.get(id)).toBeNull()
    })

    it('dead-letters a job whose last attempt timed out', async () => {
      const clock = fakeClock()
      const q = await open({ now: clock.now, visibilityTimeoutMs: 1000 })
      const { id } = await q.enqueue({ type: 'c', maxAttempts: 1 })
      await q.claim(['c'])
      clock.advance(1000)
      expect(await q.claim(['c'])).toBeNull()
      expect((await q.get(id))?.state).toBe('dead')
    })

    it('extending a lease keeps the job from being claimed again', async () => {
      const clock = fakeClock()
      const q = await open({ now: clock.now, visibilityTimeoutMs: 10_000 })
      await q.enqueue({ type: 'e' })
      const lease = await q.claim(['e'])
      clock.advance(9_000)
      expect(await q.extend(lease!)).toBe(true)
      clock.advance(9_000)
      expect(await q.claim(['e'])).toBeNull()
      expect(await q.ack(lease!)).toBe(true)
    })

    it('a worker retries a throwing handler until it succeeds', async () => {
      const q = await open({ backoffBaseMs: 1 })
      await q.enqueue({ type: 'flaky', payload: 'p' })
      const attempts: number[] = []
      const errors: unknown[] = []
      const w = q.process(
        ['flaky'],
        async (job) => {
          attempts.push(job.attempts)
          if (job.attempts < 3) throw new Error(`fail ${job.attempts}`)
        },
        { pollIntervalMs: 2, onError: (_j, e) => errors.push(e) },
      )
      await waitFor(async () => attempts.length === 3 && (await q.stats()).active === 0)
      await w.stop()
      expect(attempts).toEqual([1, 2, 3])
      expect(errors).toHaveLength(2)
      expect(await q.stats()).toEqual({ waiting: 0, delayed: 0, active: 0, dead: 0 })
    })

    it('runs at most `concurrency` handlers at once', async () => {
      const q = await open()
      for (let i = 0; i < 6; i++) await q.enqueue({ type: 'cc', payload: i })
      let inside = 0
      let max = 0
      let done = 0
      const g = gate()
      const w = q.process(
        ['cc'],
        async () => {
          inside++
          max = Math.max(max, inside)
          await g.wait()
          inside--
          done++
        },
        { concurrency: 2, pollIntervalMs: 2 },
      )
      await waitFor(() => inside === 2)
      g.open()
      await waitFor(() => done === 6)
      await w.stop()
      expect(max).toBe(2)
    })

    it('two workers on one queue run each job exactly once', async () => {
      const space = randomUUID()
      const q1 = await open(undefined, space)
      const q2 = await open(undefined, space)
      for (let i = 0; i < 20; i++) await q1.enqueue({ type: 'pair', payload: i })
      const seen: number[] = []
      const handler = async (job: Job) => {
        seen.push(job.payload as number)
        await new Promise((r) => setTimeout(r, 1))
      }
      const w1 = q1.process(['pair'], handler, { concurrency: 3, pollIntervalMs: 2 })
      const w2 = q2.process(['pair'], handler, { concurrency: 3, pollIntervalMs: 2 })
      await waitFor(() => seen.length >= 20)
      await w1.stop()
      await w2.stop()
      expect([...seen].sort((a, c) => a - c)).toEqual([...Array(20).keys()])
    })

    it('stop() waits for running handlers, then claims nothing more', async () => {
      const q = await open()
      const { id } = await q.enqueue({ type: 's' })
      const g = gate()
      let started = false
      let finished = false
      const w = q.process(
        ['s'],
        async () => {
          started = true
          await g.wait()
          finished = true
        },
        { pollIntervalMs: 2 },
      )
      await waitFor(() => started)
      let stopped = false
      const stopping = w.stop().then(() => {
        stopped = true
      })
      await new Promise((r) => setTimeout(r, 20))
      expect(stopped).toBe(false)
      g.open()
      await stopping
      expect(finished).toBe(true)
      expect(await q.get(id)).toBeNull()
      const later = await q.enqueue({ type: 's' })
      await new Promise((r) => setTimeout(r, 20))
      expect((await q.get(later.id))?.state).toBe('waiting')
    })

    it('stop({graceMs}) aborts a stuck handler and leaves its job to the visibility timeout', async () => {
      const q = await open({ visibilityTimeoutMs: 60_000 })
      const { id } = await q.enqueue({ type: 'stuck' })
      let aborted = false
      let started = false
      const w = q.process(
        ['stuck'],
        (_job, signal) =>
          new Promise<void>(() => {
            started = true
            signal.addEventListener('abort', () => {
              aborted = true
            })
          }),
        { pollIntervalMs: 2 },
      )
      await waitFor(() => started)
      await w.stop({ graceMs: 10 })
      expect(aborted).toBe(true)
      expect((await q.get(id))?.state).toBe('active')
    })

    it('rejects a job without a type', async () => {
      const q = await open()
      await expect(q.enqueue({ type: '' })).rejects.toMatchObject({ code: 'invalid_input' })
    })
  })
}
