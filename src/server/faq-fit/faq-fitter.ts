/**
 * Fits FAQ matchers in a worker thread, so that training (0.3–1.4 s of CPU at a few hundred FAQ
 * entries) never blocks the event loop that serves customers and health checks. One worker, started
 * on first use, fits one problem at a time. If the worker cannot start, crashes or takes longer than
 * `timeoutMs`, the fit runs in-process instead: an index is always built, at worst with a stall.
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
  /** Fits done in the worker / in-process (after a worker failure). */
  stats(): { inWorker: number; inProcess: number }
  close(): Promise<void>
}

export function createWorkerFaqFitter(opts: { logger: Logger; timeoutMs?: number }): WorkerFaqFitter {
  const timeoutMs = opts.timeoutMs ?? 60_000
  let worker: Worker | null = null
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
    w.on('message', (m: { id: number; out?: FaqFitOutput; error?: string }) => {
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
      failAll(e)
    })
    w.on('exit', (code) => {
      if (worker === w) worker = null
      if (!closed && code !== 0) {
        broken = true
        failAll(new Error(`FAQ matcher worker exited with code ${code}`))
      }
    })
    return w
  }

  function inWorker(input: FaqFitInput): Promise<FaqFitOutput> {
    if (!worker) worker = start()
    const w = worker
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
    })
  }

  return {
    async fit(input) {
      if (!broken && !closed) {
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
    async close() {
      closed = true
      failAll(new Error('closed'))
      if (worker) await worker.terminate()
      worker = null
    },
  }
}
