/**
 * The composition root: the only place that picks adapters. Builds every
 * component from the parsed config and hands them down as one context.
 */
import cluster from 'node:cluster'
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import { type Logger, pino } from 'pino'
import { createFsAttachmentStore } from '../adapters/attachments-fs/fs-attachment-store.js'
import { systemClock } from '../adapters/clock/system-clock.js'
import { openStore } from '../adapters/open-store.js'
import { createClusterLock, createClusterPubSub } from '../adapters/pubsub-cluster/cluster-pub-sub.js'
import { createMemoryLock, createMemoryPubSub } from '../adapters/pubsub-memory/memory-pub-sub.js'
import { createMemoryJobQueue } from '../adapters/queue-memory/memory-job-queue.js'
import { createRedisJobQueue } from '../adapters/redis/redis-job-queue.js'
import { createRedisLock, createRedisPubSub } from '../adapters/redis/redis-pub-sub.js'
import { createWebhookTicketMirror } from '../adapters/webhooks/webhook-ticket-mirror.js'
import {
  type ConversationService,
  conversationChannel,
  createConversationService,
} from '../core/conversation/conversation-service.js'
import { createDialogueManager } from '../core/dialogue/dialogue-manager.js'
import type { CircuitBreaker } from '../core/llm-routing/circuit-breaker.js'
import type { AttachmentStore } from '../core/ports/attachment-store.js'
import type { Clock } from '../core/ports/clock.js'
import type { JobQueue } from '../core/ports/job-queue.js'
import type { LanguageModel } from '../core/ports/language-model.js'
import type { KeyedLock, PubSub } from '../core/ports/pub-sub.js'
import type { Store } from '../core/ports/store.js'
import { createRouter, type Router } from '../core/routing/router.js'
import type { TicketServiceDeps } from '../core/tickets/ticket-service.js'
import { withCatalogCache } from './catalog-cache.js'
import { type Channels, createChannels } from './channels/channel-runtime.js'
import { WORKER_ID_ENV } from './cluster/cluster-primary.js'
import { type CommerceHub, createCommerceHub } from './commerce/commerce-hub.js'
import { enqueueCommerceSync, startCommerceWorker } from './commerce/commerce-worker.js'
import { CONNECTORS } from './commerce/connectors.js'
import type { Config } from './config/schema.js'
import { seedDemoShop } from './demo-seed.js'
import { embedderFromConfig } from './embedder-from-config.js'
import { faqFitCacheDir } from './faq-fit/fit-cache.js'
import { createKnowledgeProvider, type KnowledgeProvider } from './knowledge-provider.js'
import { languageModelsFromConfig, transcriberFromConfig } from './llm-from-config.js'
import { createMetrics, type Metrics } from './metrics.js'
import { createNluProvider, type NluProvider } from './nlu-provider.js'
import { startProactiveWorker } from './proactive-worker.js'
import { withShopCache } from './shop-cache.js'

export type AppContext = {
  /**
   * Builds a shop's NLU engine and knowledge index ahead of its first customer, noting the catalog
   * version they were built from (so a `kefu import` or connector sync that lands later is seen).
   */
  warmShop(shopId: string): Promise<void>
  config: Config
  rootDir: string
  dataDir: string
  secret: string
  logger: Logger
  /** The one clock of this process: everything that needs "now" reads it. */
  clock: Clock
  store: Store
  /**
   * The same database without the product cache (src/server/catalog-cache.ts): for scans that must see
   * a write made by another process at once (a `kefu import` lowering a price, then the price-drop scan).
   */
  scanStore: Store
  pubsub: PubSub
  lock: KeyedLock
  /** A plain Redis client for shared counters (rate limits) when KEFU_REDIS_URL is set. */
  redis: Redis | null
  nlu: NluProvider
  knowledge: KnowledgeProvider
  conversations: ConversationService
  /** Messaging channels (WeCom, WeChat MP, Chatwoot): credentials, bridge, webhooks' runtime. */
  channels: Channels
  metrics: Metrics
  /** Ticket side effects shared by the bot's ticket creation and the ticket API: live push + webhook mirror. */
  ticketHooks: Pick<TicketServiceDeps, 'onEvent' | 'notify'>
  newId: (prefix: string) => string
  /** Commerce connectors (Shopify, WooCommerce): configuration, sync, webhooks, reconciliation. */
  commerce: { hub: CommerceHub; requestSync(shopId: string): Promise<void> }
  /** Handoff routing: skill queues, offers, business hours, transfers (docs/staff.md). */
  router: Router
  /** The grounded-answer language model, when KEFU_LLM_BASE_URL is set. */
  llm?: LanguageModel
  /** The LLM provider's circuit breaker, when an LLM is configured. */
  llmCircuit?: CircuitBreaker
  /** Pictures and voice messages customers uploaded, under `<data dir>/attachments`. */
  attachments: AttachmentStore
  close(): Promise<void>
}

/** Repository root (where data/ and web/dist live), independent of the working directory. */
export const ROOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** How stale a shop read from memory may be when its write happened in a process this one does not hear from. */
const SHOP_CACHE_TTL_MS = 1000
const SHOP_CHANGED_CHANNEL = 'kefu:shop-changed'

const newId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 20)}`

/** The server secret: KEFU_SECRET, else the one generated into the data dir (created on first use). */
export function loadSecret(config: Config, dataDir: string): string {
  if (config.KEFU_SECRET) return config.KEFU_SECRET
  const file = join(dataDir, 'secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const s = randomBytes(32).toString('hex')
  writeFileSync(file, `${s}\n`, { mode: 0o600 })
  return s
}

export async function createAppContext(
  config: Config,
  opts: {
    quiet?: boolean
    /** Start background work (the proactive scheduler and worker). Default: on, except for quiet one-shot CLI contexts. */
    background?: boolean
    /** The clock (default: the system clock). Tests and story runs pass their own. */
    clock?: Clock
  } = {},
): Promise<AppContext> {
  // One-shot CLI contexts (quiet) log to stderr so that stdout stays the command's output (--json).
  const logger = pino(
    {
      level: opts.quiet && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
      redact: {
        paths: [
          'req.headers.authorization',
          '*.text',
          '*.phone',
          '*.address',
          '*.credentials',
          '*.accessToken',
          '*.webhookSecret',
          '*.consumerSecret',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination(opts.quiet ? 2 : 1),
  )
  const dataDir = resolve(config.KEFU_DATA_DIR)
  mkdirSync(dataDir, { recursive: true })
  const secret = loadSecret(config, dataDir)

  const clock = opts.clock ?? systemClock(config.KEFU_CLOCK_START ? new Date(config.KEFU_CLOCK_START) : undefined)
  // Shops are read from memory (src/server/shop-cache.ts); other processes hear of a write over
  // pub/sub (Redis, or the cluster's primary with --workers) and the rest within SHOP_CACHE_TTL_MS.
  let announceShopWrite: (shopId: string) => void = () => undefined
  // A serving process checkpoints SQLite's log in a worker thread, not inside a turn's commit.
  const opened = await openStore(config.databaseUrl, { clock, backgroundCheckpoints: !opts.quiet })
  const shopCache = withShopCache(opened, {
    ttlMs: SHOP_CACHE_TTL_MS,
    onWrite: (shopId) => announceShopWrite(shopId),
  })
  // Products too (src/server/catalog-cache.ts): a write here drops them at once, a shop write or
  // catalog change announced by another process as well, anything else within SHOP_CACHE_TTL_MS.
  const catalogCache = withCatalogCache(shopCache.store, { ttlMs: SHOP_CACHE_TTL_MS })
  const store = catalogCache.store
  const cleanups: Array<() => Promise<void>> = [() => store.close()]
  try {
    let pubsub: PubSub
    let lock: KeyedLock
    let redis: Redis | null = null
    if (config.KEFU_REDIS_URL) {
      // Rate-limit counters and readiness: during an outage a command fails at once (no offline
      // queue to wait in or replay later) and the limiter lets requests through.
      const client = new Redis(config.KEFU_REDIS_URL, {
        connectTimeout: 3000,
        commandTimeout: 1000,
        maxRetriesPerRequest: 0,
        lazyConnect: true,
        enableOfflineQueue: false,
        retryStrategy: (times) => Math.min(100 * times, 1000),
      })
      client.on('error', () => undefined)
      redis = client
      cleanups.push(async () => client.disconnect())
      await client.connect().catch(() => undefined)
      // A Redis outage degrades chat (in-process lock, no cross-instance fan-out) with one warning.
      const resilience = {
        onDegraded: (ev: { feature: string; state: string; error?: unknown }) => {
          if (ev.state === 'degraded')
            logger.warn(
              { feature: ev.feature, err: ev.error },
              `Redis unreachable: ${ev.feature} degraded to this instance only`,
            )
          else logger.warn({ feature: ev.feature }, `Redis back: ${ev.feature} shared across instances again`)
        },
      }
      pubsub = await createRedisPubSub(config.KEFU_REDIS_URL, config.KEFU_REDIS_PREFIX, resilience)
      cleanups.push(() => pubsub.close())
      lock = await createRedisLock(config.KEFU_REDIS_URL, config.KEFU_REDIS_PREFIX, resilience)
      cleanups.push(() => lock.close())
    } else if (cluster.isWorker) {
      // `kefu serve --workers N`: the cluster's primary relays events and grants locks.
      pubsub = createClusterPubSub()
      cleanups.push(() => pubsub.close())
      lock = createClusterLock()
      cleanups.push(() => lock.close())
    } else {
      pubsub = createMemoryPubSub()
      lock = createMemoryLock()
    }
    const unsubscribeShops = await pubsub.subscribe(SHOP_CHANGED_CHANNEL, (ev: unknown) => {
      const shopId = (ev as { shopId?: unknown } | null)?.shopId
      shopCache.invalidate(typeof shopId === 'string' ? shopId : undefined)
      catalogCache.invalidate(typeof shopId === 'string' ? shopId : undefined)
    })
    cleanups.push(async () => unsubscribeShops())
    announceShopWrite = (shopId) => void pubsub.publish(SHOP_CHANGED_CHANNEL, { shopId }).catch(() => undefined)
    const queueOptions = { now: () => clock.now().getTime() }
    const queue: JobQueue = config.KEFU_REDIS_URL
      ? await createRedisJobQueue(config.KEFU_REDIS_URL, config.KEFU_REDIS_PREFIX, queueOptions)
      : createMemoryJobQueue(queueOptions)
    cleanups.push(() => queue.close())

    if (config.KEFU_DEMO) {
      const demoDir = isAbsolute(config.KEFU_DEMO_DIR) ? config.KEFU_DEMO_DIR : join(ROOT_DIR, config.KEFU_DEMO_DIR)
      await seedDemoShop(store, demoDir, logger, { clock })
    }

    const metrics = createMetrics()
    const nlu = createNluProvider({ store, dataDir, rootDir: ROOT_DIR, logger, clock })
    // Dense retrieval joins BM25 + the FAQ matcher only when an embeddings model is configured.
    const embedder = embedderFromConfig(config)
    const knowledge = await createKnowledgeProvider({
      store,
      pubsub,
      logger,
      fitCacheDir: faqFitCacheDir(ROOT_DIR),
      ...(embedder ? { embedder } : {}),
      // A product added or renamed through the admin feed is named in the next message, on every instance.
      onChange: (shopId, change) => {
        if (change.scope === 'products') void nlu.applyProducts(shopId, change.skus)
      },
    })
    cleanups.push(() => knowledge.close())
    const url = config.KEFU_TICKET_WEBHOOK_URL
    const mirror = url
      ? createWebhookTicketMirror({
          url,
          secret: config.KEFU_TICKET_WEBHOOK_SECRET ?? '',
          onFailure: (event, error) => logger.warn({ event: event.type, err: error }, 'ticket webhook delivery failed'),
        })
      : null
    const ticketHooks: AppContext['ticketHooks'] = {
      async notify(conversationId, message) {
        await pubsub.publish(conversationChannel(message.shopId, conversationId), { type: 'message', message })
        // A ticket status notice reaches a messaging-platform customer too (channels exist by then).
        await channels.relayNotice(message.shopId, conversationId, message.text)
      },
      ...(mirror ? { onEvent: (event, ticket) => mirror.handle(event, ticket) } : {}),
    }
    const dialogue = createDialogueManager({ tickets: ticketHooks })
    // Optional: without KEFU_LLM_BASE_URL kefu answers with its own NLU + knowledge only.
    const models = languageModelsFromConfig(config, logger, clock)
    const llm = models.default
    if (llm) logger.info({ llm: { provider: llm.provider, model: llm.modelId } }, 'grounded LLM answers enabled')
    // An import by another process (`kefu import`, another instance) bumps the shop's
    // catalogVersion; cached indexes are dropped when it changes (checked at most every 2 s).
    const seenVersion = new Map<string, { version: unknown; checkedAt: number }>()
    async function freshen(shopId: string): Promise<void> {
      const seen = seenVersion.get(shopId)
      if (seen && performance.now() - seen.checkedAt < 2000) return
      const shop = await store.shops.get(shopId)
      const version = shop?.settings.catalogVersion ?? null
      if (seen && seen.version !== version) {
        catalogCache.invalidate(shopId)
        nlu.invalidate(shopId)
        knowledge.invalidate(shopId)
      }
      seenVersion.set(shopId, { version, checkedAt: performance.now() })
    }
    const commerceHub = createCommerceHub({
      store,
      secret,
      registry: CONNECTORS,
      now: () => clock.now(),
      transport: { timeoutMs: config.KEFU_COMMERCE_TIMEOUT_MS },
      defaultReconcileMinutes: config.KEFU_COMMERCE_RECONCILE_MINUTES,
      onCatalogChanged: (shopId, change) => {
        catalogCache.invalidate(shopId)
        knowledge.invalidate(shopId, change)
        if (change.scope === 'all') nlu.invalidate(shopId)
      },
      log: logger.child({ component: 'commerce' }),
    })
    // Background summaries still running; closing waits for them before the store goes away.
    const summaries = new Set<Promise<unknown>>()
    cleanups.push(async () => {
      await Promise.allSettled([...summaries])
    })
    const router = createRouter({
      store,
      lock,
      pubsub,
      clock: () => clock.now(),
      newId,
      offerSeconds: config.KEFU_ROUTING_OFFER_SECONDS,
      ...(llm ? { llmFor: models.forShop } : {}),
      tickets: ticketHooks,
      // Routing notices reach customers on messaging platforms like bot replies do.
      onNotice: async (c, m) => channels.relayNotice(c.shopId, c.id, m.text),
    })
    const attachments = createFsAttachmentStore(join(dataDir, 'attachments'))
    const transcriber = transcriberFromConfig(config)
    if (transcriber) logger.info({ llm: { transcription: transcriber.modelId } }, 'voice messages are transcribed')
    const conversations = createConversationService({
      store,
      nluFor: async (shopId) => {
        await freshen(shopId)
        return nlu.forShop(shopId)
      },
      knowledgeFor: (shopId) => knowledge.forShop(shopId),
      dialogue,
      pubsub,
      lock,
      clock: () => clock.now(),
      newId,
      ...(llm ? { llm, llmFor: models.forShop, visionFor: models.visionFor } : {}),
      attachments,
      ...(transcriber ? { transcriber } : {}),
      // A shop with a Shopify/WooCommerce connector acts on its real orders; others on kefu's store.
      commerceFor: async (shop) => commerceHub.actionsFor(shop),
      onHandoff: async (shopId, conversationId) => {
        try {
          await router.onHandoff(shopId, conversationId)
        } catch (err) {
          logger.warn({ err, conversationId }, 'routing a handoff failed; the conversation stays in the queue')
        }
        // The model-written summary follows in the background: the customer's turn does not wait for it.
        if (llm) {
          const pending = router
            .summarize(shopId, conversationId)
            .catch((err) => logger.warn({ err, conversationId }, 'handoff summary by the model failed'))
            .finally(() => summaries.delete(pending))
          summaries.add(pending)
        }
      },
      onTurn: (t) => {
        metrics.turns.labels(t.nlu.intent, t.action).inc()
        if (t.handoff) metrics.handoffs.inc()
      },
    })

    const channels = createChannels({
      store,
      clock,
      logger,
      newId,
      secret,
      conversations,
      lock,
      ticketHooks,
      redis,
      redisPrefix: config.KEFU_REDIS_PREFIX,
    })

    // With --workers N, worker 1 alone runs the schedulers (one sweep, one proactive scan at a time);
    // with Redis the shared queue and locks already make running them everywhere safe.
    const scheduler = !cluster.isWorker || Boolean(config.KEFU_REDIS_URL) || process.env[WORKER_ID_ENV] === '1'
    if ((opts.background ?? !opts.quiet) && scheduler) {
      // The routing scheduler: expired offers move on, waiting conversations reach agents who got
      // room. It only decides by the clock; this timer just says how often to look.
      let sweeping = false
      const timer = setInterval(() => {
        if (sweeping) return
        sweeping = true
        void (async () => {
          for (const shop of await store.shops.list()) await router.sweep(shop.id)
        })()
          .catch((err) => logger.warn({ err }, 'routing sweep failed'))
          .finally(() => {
            sweeping = false
          })
      }, config.KEFU_ROUTING_SWEEP_MS)
      timer.unref()
      cleanups.push(async () => clearInterval(timer))
    }

    if (config.KEFU_PROACTIVE && (opts.background ?? !opts.quiet) && scheduler) {
      const proactive = startProactiveWorker({
        store: shopCache.store,
        queue,
        conversations,
        lock,
        logger,
        newId,
        clock,
        watchIntervalMs: config.KEFU_PROACTIVE_WATCH_MS,
      })
      cleanups.push(() => proactive.stop())
    }

    if (opts.background ?? !opts.quiet) {
      const commerceWorker = startCommerceWorker({
        hub: commerceHub,
        queue,
        store,
        clock,
        logger,
        watchIntervalMs: config.KEFU_PROACTIVE_WATCH_MS,
        watch: scheduler,
      })
      cleanups.push(() => commerceWorker.stop())
    }

    return {
      config,
      rootDir: ROOT_DIR,
      dataDir,
      secret,
      logger,
      clock,
      store,
      scanStore: shopCache.store,
      pubsub,
      lock,
      redis,
      nlu,
      knowledge,
      conversations,
      channels,
      metrics,
      ticketHooks,
      newId,
      async warmShop(shopId) {
        await freshen(shopId)
        await nlu.forShop(shopId)
        await knowledge.forShop(shopId)
      },
      commerce: {
        hub: commerceHub,
        requestSync: async (shopId) => {
          await enqueueCommerceSync(queue, shopId)
        },
      },
      router,
      ...(llm ? { llm } : {}),
      ...(models.circuit ? { llmCircuit: models.circuit } : {}),
      attachments,
      async close() {
        for (const c of cleanups.reverse()) await c().catch(() => undefined)
      },
    }
  } catch (e) {
    for (const c of cleanups.reverse()) await c().catch(() => undefined)
    throw e
  }
}
