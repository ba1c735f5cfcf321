/**
 * Fits FAQ matchers in a worker thread, so that training (0.3–1.4 s of CPU at a few hundred FAQ
 * entries) never blocks the event loop that serves customers and health checks. One worker, started
 * with the fitter (`start`) or by the first fit, fits one problem at a time. A fit asked while it
 * loads (seconds on a busy machine: it registers tsx and imports the solver) waits for it, up to
 * `waitForWorkerMs`: before, such a fit ran in-process, a block of 0.4–2.4 s on the thread serving
 * customers whenever a shop's first index was built soon after a start (another shop's first
 * message, a server started with a 100,000-product catalog). If the worker cannot start, crashes,
 * does not load in time or takes longer than `timeoutMs`, the fit runs in-process: an index is
 * always built, at worst with a stall.
 *
 * A worker idle for `idleMs` (no fit asked since it loaded or since its last fit) is stopped and
 * started again by the next fit: fits come in bursts (a start-up's first builds, a FAQ publish), and
 * a running worker holds its own V8 heap, tsx and the solver's modules (~30–40 MB of RSS with its module
 * loader thread) for nothing in between — with the fit cache on disk a server usually fits nothing.
 */
import { Worker } from 'node:worker_threads'
import type { Logger } from 'pino'
import {
  type FaqFitInput,
  type FaqFitOutput,
  type FaqFitter,
  fitFaqWeights,
} from '../../core/knowledge/faq-classifier.js'

type Pending = { resolve: (o: FaqFitOutput) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }

export type WorkerFaqFitter = {
  fit: FaqFitter
  /** Fits done in the worker / in-process (worker still loading, or failed). */
  stats(): { inWorker: number; inProcess: number }
  /** Resolves when the worker has loaded (false when it failed to). */
  ready(): Promise<boolean>
  /** Starts loading the worker now (a server does at start-up), so the first fit need not wait long. */
  start(): void
  /** Whether a worker thread is running (loading or loaded) now. */
  running(): boolean
  close(): Promise<void>
}

export function createWorkerFaqFitter(opts: {
  logger: Logger
  /** A fit running longer in the worker is abandoned and done in-process. */
  timeoutMs?: number
  /** How long a fit waits for a loading worker before it runs in-process (0: never waits). */
  waitForWorkerMs?: number
  /** A loaded worker with no fit for this long is stopped (the next fit starts it again). */
  idleMs?: number
}): WorkerFaqFitter {
  const timeoutMs = opts.timeoutMs ?? 60_000
  const waitForWorkerMs = opts.waitForWorkerMs ?? 30_000
  const idleMs = opts.idleMs ?? 30_000
  let idleTimer: NodeJS.Timeout | undefined
  let worker: Worker | null = null
  let loaded = false
  let markReady: (ok: boolean) => void = () => undefined
  let readyPromise = new Promise<boolean>((r) => {
    markReady = r
  })
  let broken = false
  let closed = false
  let nextId = 1
  const pending = new Map<number, Pending>()
  const counts = { inWorker: 0, inProcess: 0 }

  function failAll(err: Error): void {
    for (const [id, p] of pending) {
      clearTimeout(p.timer)
      p.reject(err)
      pending.delete(id)
    }
  }

  function start(): Worker {
    const w = new Worker(new URL('./worker-entry.mjs', import.meta.url))
    w.unref()
    w.on('message', (m: { id: number; out?: FaqFitOutput; error?: string; ready?: boolean }) => {
      if (m.ready) {
        loaded = true
        markReady(true)
        stopWhenIdle(w)
        return
      }
      const p = pending.get(m.id)
      if (!p) return
      pending.delete(m.id)
      clearTimeout(p.timer)
      if (m.out) p.resolve(m.out)
      else p.reject(new Error(m.error ?? 'fit failed'))
    })
    w.on('error', (e) => {
      opts.logger.warn({ err: e.message }, 'FAQ matcher worker failed; fitting in-process from now on')
      broken = true
      worker = null
      markReady(false)
      failAll(e)
    })
    w.on('exit', (code) => {
      if (worker !== w) return // replaced after a timeout: not a failure
      worker = null
      if (!loaded) markReady(false)
      if (!closed && code !== 0) {
        broken = true
        failAll(new Error(`FAQ matcher worker exited with code ${code}`))
      }
    })
    return w
  }

  /** Stops the worker `idleMs` from now unless a fit is pending or asked before then. */
  function stopWhenIdle(w: Worker): void {
    clearTimeout(idleTimer)
    if (pending.size > 0) return
    idleTimer = setTimeout(() => {
      if (worker !== w || pending.size > 0) return
      worker = null // before terminate: its exit is then no failure
      loaded = false
      void w.terminate()
    }, idleMs)
    idleTimer.unref()
  }

  function inWorker(input: FaqFitInput): Promise<FaqFitOutput> {
    clearTimeout(idleTimer)
    const w = worker ?? restart()
    const id = nextId++
    return new Promise<FaqFitOutput>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id)
        opts.logger.warn({ timeoutMs }, 'FAQ matcher worker timed out; restarting it')
        void w.terminate()
        if (worker === w) worker = null
        reject(new Error('FAQ matcher fit timed out'))
      }, timeoutMs)
      timer.unref()
      pending.set(id, { resolve, reject, timer })
      // While a fit is pending the worker keeps the process alive; idle, it does not.
      w.ref()
      w.postMessage({ id, input })
    }).finally(() => {
      if (pending.size === 0) w.unref()
      if (worker === w) stopWhenIdle(w)
    })
  }

  function restart(): Worker {
    loaded = false
    readyPromise = new Promise<boolean>((r) => {
      markReady = r
    })
    worker = start()
    return worker
  }

  function ensureStarted(): void {
    if (broken || closed || worker) return
    try {
      restart() // first use, or after a timeout
    } catch (e) {
      broken = true
      opts.logger.warn({ err: (e as Error).message }, 'FAQ matcher worker could not start; fitting in-process')
    }
  }

  /** Resolves once the loading worker is ready or failed, or after `waitForWorkerMs`. */
  async function untilLoaded(): Promise<void> {
    if (loaded || broken || closed || !worker || waitForWorkerMs <= 0) return
    const w = worker
    // A fit waiting for the worker keeps the process alive (a one-shot command), as a pending fit does.
    w.ref()
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      readyPromise,
      new Promise<void>((r) => {
        timer = setTimeout(r, waitForWorkerMs)
      }),
    ])
    clearTimeout(timer)
    if (pending.size === 0) w.unref()
  }

  return {
    async fit(input) {
      clearTimeout(idleTimer)
      ensureStarted()
      await untilLoaded()
      if (!broken && !closed && loaded && worker) {
        try {
          const out = await inWorker(input)
          counts.inWorker++
          return out
        } catch {
          /* fall through: fit here */
        }
      }
      counts.inProcess++
      return fitFaqWeights(input)
    },
    stats: () => ({ ...counts }),
    ready: () => readyPromise,
    start: ensureStarted,
    running: () => worker !== null,
    async close() {
      closed = true
      clearTimeout(idleTimer)
      failAll(new Error('closed'))
      if (worker) await worker.terminate()
      worker = null
    },
  }
}
