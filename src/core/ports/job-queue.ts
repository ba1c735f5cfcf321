/**
 * Background jobs (proactive scans, alert fan-out). In-process by default; Redis when scaled out.
 * Both adapters pass test/contract/job-queue.test.ts.
 *
 * Delivery is at least once: a job is claimed with a lease (the visibility timeout); a worker that
 * crashes or hangs past it loses the job to the next claim, so handlers must be idempotent. A failed
 * job is retried with exponential backoff until `maxAttempts`, then kept as a dead letter.
 * `dedupeKey` makes enqueue a no-op while a job with the same key has not started yet (waiting or
 * delayed); once a worker claims it, the key is free again, so "scan again" can be scheduled while a
 * scan runs.
 *
 * @example
 * await queue.enqueue({ type: 'proactive.scan', payload: { shopId }, runAt: inOneHour, dedupeKey: `scan:${shopId}` })
 * const worker = queue.process(['proactive.scan'], async (job) => runScan(job.payload), { concurrency: 2 })
 * await worker.stop() // waits for running handlers
 */

export type JobState = 'waiting' | 'delayed' | 'active' | 'dead'

export type Job = {
  id: string
  type: string
  payload: unknown
  /** Claims so far (1 while the first attempt runs). */
  attempts: number
  maxAttempts: number
  /** Epoch ms when the job becomes (or became) due. */
  runAt: number
  dedupeKey: string | null
  createdAt: number
  /** Message of the last failure, when any. */
  lastError: string | null
  state: JobState
}

export type EnqueueInput = {
  type: string
  payload?: unknown
  /** When the job becomes due (default now). */
  runAt?: Date | number
  /** No new job while one with this key is waiting or delayed. */
  dedupeKey?: string
  /** Default: the queue's `maxAttempts` option. */
  maxAttempts?: number
}

export type EnqueueResult = { id: string; deduped: boolean }

/** A claimed job: `token` proves the lease on ack / fail / extend. */
export type Lease = { job: Job; token: string }

export type JobHandler = (job: Job, signal: AbortSignal) => Promise<void>

export type ProcessOptions = {
  /** Handlers running at once in this worker (default 1). */
  concurrency?: number
  /** How often an idle worker looks for due jobs (default 500 ms). */
  pollIntervalMs?: number
  /** Called when a handler fails (the job is retried or dead-lettered). Must not throw. */
  onError?: (job: Job, error: unknown) => void
}

export type JobWorker = {
  /**
   * Stops claiming and waits for running handlers. After `graceMs` (default: wait for ever) their
   * signal is aborted and their jobs are left to the visibility timeout.
   */
  stop(opts?: { graceMs?: number }): Promise<void>
}

export type JobQueueOptions = {
  /** Lease length; a running handler's lease is renewed every third of it (default 30 s). */
  visibilityTimeoutMs?: number
  /** Default attempts before a job is dead-lettered (default 5). */
  maxAttempts?: number
  /** Retry delay is `backoffBaseMs * 2^(attempts-1)`, capped at `backoffMaxMs` (defaults 1 s / 10 min). */
  backoffBaseMs?: number
  backoffMaxMs?: number
  /** Epoch-ms clock; tests pass a fake one. */
  now?: () => number
}

export type JobQueue = {
  readonly specificationVersion: 'v1'
  enqueue(input: EnqueueInput): Promise<EnqueueResult>
  /** Starts a worker loop for these job types. */
  process(types: string[], handler: JobHandler, opts?: ProcessOptions): JobWorker
  /** Claims one due job of these types (the primitive under `process`), or null. */
  claim(types: string[]): Promise<Lease | null>
  /** Completes a claimed job. False when the lease was lost (expired and re-claimed). */
  ack(lease: Lease): Promise<boolean>
  /** Fails a claimed job: retried after backoff, or dead-lettered after `maxAttempts`. */
  fail(lease: Lease, error: unknown): Promise<{ state: 'delayed' | 'dead' } | null>
  /** Renews the lease for another visibility timeout. False when it was lost. */
  extend(lease: Lease): Promise<boolean>
  /** A job that is not finished (finished jobs are deleted), or null. */
  get(id: string): Promise<Job | null>
  deadLetters(opts?: { limit?: number }): Promise<Job[]>
  stats(): Promise<Record<JobState, number>>
  /** Stops every worker (waiting for running handlers) and releases connections. */
  close(): Promise<void>
}

/**
 * Resolved queue options with defaults. `systemNow` is the adapter's clock when the caller gave
 * none (core never reads the wall clock itself).
 */
export function resolveQueueOptions(o: JobQueueOptions, systemNow: () => number): Required<JobQueueOptions> {
  return {
    visibilityTimeoutMs: o.visibilityTimeoutMs ?? 30_000,
    maxAttempts: o.maxAttempts ?? 5,
    backoffBaseMs: o.backoffBaseMs ?? 1000,
    backoffMaxMs: o.backoffMaxMs ?? 600_000,
    now: o.now ?? systemNow,
  }
}

/** Retry delay after the `attempts`-th failed attempt. */
export function backoffDelay(attempts: number, o: Required<JobQueueOptions>): number {
  return Math.min(o.backoffMaxMs, o.backoffBaseMs * 2 ** Math.max(0, attempts - 1))
}

/** A short, safe description of a handler failure for `lastError`. */
export function errorText(e: unknown): string {
  const s = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
  return s.slice(0, 500)
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve()
    const t = setTimeout(done, ms)
    function done() {
      clearTimeout(t)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done)
  })

/**
 * The worker loop every adapter shares, built on claim / ack / fail / extend: up to `concurrency`
 * handlers at once, lease renewal while a handler runs, graceful stop. `wake` lets an adapter cut
 * the idle wait short when it knows a job was enqueued.
 */
export function runJobWorker(
  queue: Pick<JobQueue, 'claim' | 'ack' | 'fail' | 'extend'>,
  types: string[],
  handler: JobHandler,
  opts: ProcessOptions & { visibilityTimeoutMs: number; onWake?: (wake: () => void) => () => void },
): JobWorker {
  const concurrency = Math.max(1, opts.concurrency ?? 1)
  const poll = Math.max(1, opts.pollIntervalMs ?? 500)
  const stopping = new AbortController()
  const abortHandlers = new AbortController()
  const running = new Set<Promise<void>>()
  let idle = new AbortController()
  const stopped = new Promise<void>((r) => stopping.signal.addEventListener('abort', () => r()))
  const unWake = opts.onWake?.(() => idle.abort()) ?? (() => undefined)

  async function runOne(lease: Lease): Promise<void> {
    // Renew the lease while the handler runs, so only a crashed or stuck worker loses the job.
    const every = Math.max(1, Math.floor(opts.visibilityTimeoutMs / 3))
    const timer = setInterval(() => {
      queue.extend(lease).catch(() => undefined)
    }, every)
    try {
      await handler(lease.job, abortHandlers.signal)
      clearInterval(timer)
      await queue.ack(lease)
    } catch (e) {
      clearInterval(timer)
      try {
        opts.onError?.(lease.job, e)
      } catch {
        /* a broken error hook must not stop the worker */
      }
      await queue.fail(lease, e).catch(() => undefined)
    }
  }

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      if (running.size >= concurrency) {
        await Promise.race([...running, stopped])
        continue
      }
      let lease: Lease | null = null
      try {
        lease = await queue.claim(types)
      } catch {
        lease = null // backend unreachable: try again after the poll interval
      }
      if (!lease) {
        idle = new AbortController()
        await sleep(poll, AbortSignal.any([idle.signal, stopping.signal]))
        continue
      }
      // A job claimed just as stop() was called still runs: stop() waits for it.
      const p: Promise<void> = runOne(lease).finally(() => running.delete(p))
      running.add(p)
    }
  })()

  return {
    async stop(stopOpts = {}) {
      stopping.abort()
      unWake()
      await loop
      const all = Promise.allSettled([...running])
      if (stopOpts.graceMs === undefined) {
        await all
        return
      }
      let t: ReturnType<typeof setTimeout> | undefined
      const timedOut = new Promise<void>((r) => {
        t = setTimeout(r, stopOpts.graceMs)
      })
      await Promise.race([all, timedOut])
      clearTimeout(t)
      abortHandlers.abort()
    },
  }
}
