import { randomUUID } from 'node:crypto'
import { AppError } from '../../core/errors.js'
import {
  backoffDelay,
  errorText,
  type Job,
  type JobQueue,
  type JobQueueOptions,
  type JobState,
  type JobWorker,
  type Lease,
  resolveQueueOptions,
  runJobWorker,
} from '../../core/ports/job-queue.js'

type Entry = { job: Job; token: string | null; leaseUntil: number; seq: number }

/**
 * Single-process JobQueue: the embedded default. Jobs live in memory, so pending jobs are lost on
 * restart; the proactive scans re-schedule themselves at start, which is all the embedded mode needs.
 */
export function createMemoryJobQueue(options: JobQueueOptions = {}): JobQueue {
  const o = resolveQueueOptions(options, () => Date.now())
  const jobs = new Map<string, Entry>()
  const dedupe = new Map<string, string>()
  const workers = new Set<JobWorker>()
  const wakers = new Set<() => void>()
  let seq = 0
  let closed = false

  const copy = (e: Entry): Job => ({ ...e.job })
  const release = (job: Job) => {
    if (job.dedupeKey && dedupe.get(job.dedupeKey) === job.id) dedupe.delete(job.dedupeKey)
  }
  // Same bookkeeping the Redis scripts do on every claim: due delayed jobs wait, expired leases return.
  function sweep(now: number): void {
    for (const e of jobs.values()) {
      if (e.job.state === 'delayed' && e.job.runAt <= now) e.job.state = 'waiting'
      if (e.job.state === 'active' && e.leaseUntil <= now) {
        e.token = null
        if (e.job.attempts >= e.job.maxAttempts) {
          e.job.state = 'dead'
          e.job.lastError = e.job.lastError ?? 'visibility timeout expired'
        } else {
          e.job.state = 'waiting'
        }
      }
    }
  }
  const own = (lease: Lease): Entry | null => {
    const e = jobs.get(lease.job.id)
    return e && e.job.state === 'active' && e.token === lease.token ? e : null
  }

  const queue: JobQueue = {
    specificationVersion: 'v1',
    async enqueue(input) {
      if (closed) throw new AppError('unavailable', 'job queue is closed')
      if (!input.type) throw new AppError('invalid_input', 'job type is required')
      const now = o.now()
      if (input.dedupeKey) {
        const existing = dedupe.get(input.dedupeKey)
        if (existing && jobs.has(existing)) return { id: existing, deduped: true }
      }
      const runAt = input.runAt === undefined ? now : Number(input.runAt)
      const job: Job = {
        id: `job_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
        type: input.type,
        payload: structuredClone(input.payload ?? null),
        attempts: 0,
        maxAttempts: Math.max(1, input.maxAttempts ?? o.maxAttempts),
        runAt,
        dedupeKey: input.dedupeKey ?? null,
        createdAt: now,
        lastError: null,
        state: runAt > now ? 'delayed' : 'waiting',
      }
      jobs.set(job.id, { job, token: null, leaseUntil: 0, seq: seq++ })
      if (job.dedupeKey) dedupe.set(job.dedupeKey, job.id)
      for (const w of wakers) w()
      return { id: job.id, deduped: false }
    },

    async claim(types) {
      const now = o.now()
      sweep(now)
      let best: Entry | null = null
      for (const e of jobs.values()) {
        if (e.job.state !== 'waiting' || !types.includes(e.job.type)) continue
        if (!best || e.job.runAt < best.job.runAt || (e.job.runAt === best.job.runAt && e.seq < best.seq)) best = e
      }
      if (!best) return null
      const token = randomUUID()
      best.token = token
      best.leaseUntil = now + o.visibilityTimeoutMs
      best.job.state = 'active'
      best.job.attempts++
      release(best.job)
      return { job: copy(best), token }
    },

    async ack(lease) {
      const e = own(lease)
      if (!e) return false
      jobs.delete(e.job.id)
      return true
    },

    async fail(lease, error) {
      const e = own(lease)
      if (!e) return null
      e.token = null
      e.job.lastError = errorText(error)
      if (e.job.attempts >= e.job.maxAttempts) {
        e.job.state = 'dead'
        return { state: 'dead' }
      }
      e.job.state = 'delayed'
      e.job.runAt = o.now() + backoffDelay(e.job.attempts, o)
      return { state: 'delayed' }
    },

    async extend(lease) {
      const e = own(lease)
      if (!e) return false
      e.leaseUntil = o.now() + o.visibilityTimeoutMs
      return true
    },

    async get(id) {
      sweep(o.now())
      const e = jobs.get(id)
      return e ? copy(e) : null
    },

    async deadLetters(opts = {}) {
      const dead = [...jobs.values()].filter((e) => e.job.state === 'dead').map(copy)
      return dead.slice(0, opts.limit ?? 100)
    },

    async stats() {
      sweep(o.now())
      const out: Record<JobState, number> = { waiting: 0, delayed: 0, active: 0, dead: 0 }
      for (const e of jobs.values()) out[e.job.state]++
      return out
    },

    process(types, handler, opts = {}) {
      if (closed) throw new AppError('unavailable', 'job queue is closed')
      const w = runJobWorker(queue, types, handler, {
        ...opts,
        visibilityTimeoutMs: o.visibilityTimeoutMs,
        onWake: (wake) => {
          wakers.add(wake)
          return () => wakers.delete(wake)
        },
      })
      const tracked: JobWorker = {
        async stop(s) {
          workers.delete(tracked)
          await w.stop(s)
        },
      }
      workers.add(tracked)
      return tracked
    },

    async close() {
      closed = true
      await Promise.all([...workers].map((w) => w.stop()))
    },
  }
  return queue
}
