/**
 * Background commerce work on the job queue: `commerce.sync` (an initial sync asked for through the
 * admin API) and `commerce.reconcile` (a periodic pass over orders updated since the last one, per
 * shop every `reconcileMinutes`). A watch loop keeps one pending reconciliation per connected shop;
 * the queue's dedupe keys make that hold across instances.
 */
import type { Logger } from 'pino'
import type { Clock } from '../../core/ports/clock.js'
import type { JobQueue, JobWorker } from '../../core/ports/job-queue.js'
import type { Store } from '../../core/ports/store.js'
import type { CommerceHub } from './commerce-hub.js'

export const COMMERCE_SYNC_JOB = 'commerce.sync'
export const COMMERCE_RECONCILE_JOB = 'commerce.reconcile'

/** Queues a full sync of one shop (one pending per shop). */
export async function enqueueCommerceSync(queue: JobQueue, shopId: string): Promise<{ deduped: boolean }> {
  const r = await queue.enqueue({
    type: COMMERCE_SYNC_JOB,
    payload: { shopId },
    dedupeKey: `commerce:sync:${shopId}`,
    // A failed sync is reported in its status; the operator starts it again (no silent retry storm).
    maxAttempts: 1,
  })
  return { deduped: r.deduped }
}

export type CommerceWorkerDeps = {
  hub: CommerceHub
  queue: JobQueue
  store: Store
  clock: Clock
  logger: Logger
  /** How often shops are checked for a due reconciliation (default 30 s). */
  watchIntervalMs?: number
  /**
   * Schedule reconciliations (default true). With `kefu serve --workers N` and no Redis only worker 1
   * does; every worker runs the jobs queued on it (a sync asked for through its API).
   */
  watch?: boolean
}

export function startCommerceWorker(deps: CommerceWorkerDeps): { stop(): Promise<void> } {
  const log = deps.logger.child({ component: 'commerce' })
  const shopOf = (payload: unknown) => (payload as { shopId?: unknown } | null)?.shopId
  const worker: JobWorker = deps.queue.process(
    [COMMERCE_SYNC_JOB, COMMERCE_RECONCILE_JOB],
    async (job) => {
      const shopId = shopOf(job.payload)
      if (typeof shopId !== 'string') return
      if (job.type === COMMERCE_SYNC_JOB) {
        await deps.hub.sync(shopId)
      } else {
        const r = await deps.hub.reconcile(shopId)
        log.info({ shopId, orders: r.orders, since: r.since }, 'commerce reconciliation pass done')
      }
    },
    {
      concurrency: 2,
      onError: (job, err) =>
        log.warn({ jobId: job.id, type: job.type, err: (err as Error).message }, 'commerce job failed'),
    },
  )

  async function watch(): Promise<void> {
    for (const shop of await deps.store.shops.list()) {
      const minutes = deps.hub.reconcileMinutes(shop)
      if (minutes === null) continue
      await deps.queue.enqueue({
        type: COMMERCE_RECONCILE_JOB,
        payload: { shopId: shop.id },
        runAt: deps.clock.now().getTime() + minutes * 60_000,
        dedupeKey: `commerce:reconcile:${shop.id}`,
      })
    }
  }

  let running: Promise<void> = Promise.resolve()
  const tick = () => {
    running = watch().catch((err) => log.warn({ err: (err as Error).message }, 'commerce scheduling failed'))
  }
  const watching = deps.watch ?? true
  if (watching) tick()
  const timer = setInterval(() => watching && tick(), Math.max(1000, deps.watchIntervalMs ?? 30_000))
  timer.unref()
  let stopped = false
  return {
    async stop() {
      if (stopped) return
      stopped = true
      clearInterval(timer)
      await running
      await worker.stop({ graceMs: 10_000 })
    },
  }
}
