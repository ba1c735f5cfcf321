/**
 * The proactive worker: schedules each shop's periodic scans on the job queue, re-checks price
 * alerts as soon as a catalog import lands, and processes `proactive.scan` jobs. Every instance runs
 * one; the queue's dedupe keys keep one pending scan per shop, the shop lock keeps scans from racing.
 */
import type { Logger } from 'pino'
import type { ConversationService } from '../core/conversation/conversation-service.js'
import type { Clock } from '../core/ports/clock.js'
import type { JobQueue, JobWorker } from '../core/ports/job-queue.js'
import type { KeyedLock } from '../core/ports/pub-sub.js'
import type { Store } from '../core/ports/store.js'
import type { ProactiveDeps } from '../core/proactive/proactive-deps.js'
import { proactiveSettings } from '../core/proactive/proactive-deps.js'
import { runProactiveScans, SCAN_KINDS, type ScanKind } from '../core/proactive/run-proactive-scans.js'

export const PROACTIVE_SCAN_JOB = 'proactive.scan'

export type ProactiveWorkerDeps = {
  store: Store
  queue: JobQueue
  conversations: Pick<ConversationService, 'postMessage' | 'startConversation'>
  lock: KeyedLock
  logger: Logger
  newId: (prefix: string) => string
  clock: Clock
  /** How often shops are checked for a due schedule or a new catalog (default 30 s). */
  watchIntervalMs?: number
  concurrency?: number
}

export type ProactiveWorker = { stop(): Promise<void> }

/** The core's view of the server: store, message delivery, lock, clock, ids. */
export function proactiveDeps(
  d: Pick<ProactiveWorkerDeps, 'store' | 'conversations' | 'lock' | 'newId' | 'clock'>,
): ProactiveDeps {
  return {
    store: d.store,
    postMessage: (m) => d.conversations.postMessage(m),
    startConversation: (c) => d.conversations.startConversation(c),
    lock: d.lock,
    now: () => d.clock.now(),
    newId: d.newId,
  }
}

function kindsOf(payload: unknown): ScanKind[] {
  const k = (payload as { kinds?: unknown } | null)?.kinds
  if (!Array.isArray(k)) return [...SCAN_KINDS]
  return k.filter((x): x is ScanKind => (SCAN_KINDS as readonly string[]).includes(String(x)))
}

/** Starts the scheduler and the job worker; `stop()` waits for a running scan. */
export function startProactiveWorker(deps: ProactiveWorkerDeps): ProactiveWorker {
  const core = proactiveDeps(deps)
  const log = deps.logger.child({ component: 'proactive' })
  const worker: JobWorker = deps.queue.process(
    [PROACTIVE_SCAN_JOB],
    async (job) => {
      const shopId = (job.payload as { shopId?: unknown } | null)?.shopId
      if (typeof shopId !== 'string') return // a malformed job is dropped, not retried for ever
      const report = await runProactiveScans(core, shopId, { kinds: kindsOf(job.payload) })
      const sent =
        (report.priceDrop && 'sent' in report.priceDrop ? report.priceDrop.sent.length : 0) +
        (report.delayedParcel && 'sent' in report.delayedParcel ? report.delayedParcel.sent.length : 0)
      log.info({ shopId, kinds: kindsOf(job.payload), sent, attempt: job.attempts }, 'proactive scan done')
    },
    {
      concurrency: deps.concurrency ?? 2,
      onError: (job, err) =>
        log.warn({ err, jobId: job.id, attempt: job.attempts }, 'proactive scan failed, will retry'),
    },
  )

  const catalogSeen = new Map<string, unknown>()
  async function watch(): Promise<void> {
    const shops = await deps.store.shops.list()
    for (const shop of shops) {
      const settings = proactiveSettings(shop)
      if (settings.delayedParcel || settings.priceDrop) {
        // One pending periodic scan per shop across instances: the dedupe key holds until it starts.
        await deps.queue.enqueue({
          type: PROACTIVE_SCAN_JOB,
          payload: { shopId: shop.id },
          runAt: deps.clock.now().getTime() + settings.intervalMinutes * 60_000,
          dedupeKey: `proactive:scan:${shop.id}`,
        })
      }
      // An import bumps catalogVersion (src/server/import/import-file.ts): prices may have dropped.
      const version = shop.settings.catalogVersion ?? null
      if (catalogSeen.has(shop.id) && catalogSeen.get(shop.id) !== version && settings.priceDrop) {
        await deps.queue.enqueue({
          type: PROACTIVE_SCAN_JOB,
          payload: { shopId: shop.id, kinds: ['price_drop'] },
          dedupeKey: `proactive:price:${shop.id}`,
        })
      }
      catalogSeen.set(shop.id, version)
    }
  }

  let stopped = false
  let running: Promise<void> = Promise.resolve()
  const tick = () => {
    running = watch().catch((err) => log.warn({ err }, 'proactive scheduling failed'))
  }
  tick()
  const timer = setInterval(tick, Math.max(1000, deps.watchIntervalMs ?? 30_000))
  timer.unref()

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
