/**
 * The server side of commerce connectors, for every platform: per-shop configuration (credentials
 * sealed with the server secret), the connector a shop's turns act through, the initial sync with
 * progress, webhooks in (verified, mapped, upserted, the live index told) and reconciliation passes.
 * The HTTP routes, the CLI and the background worker all call this.
 */

import { applyCommerceChanges } from '../../core/commerce/apply-commerce-changes.js'
import { type SyncKind, type SyncReport, syncFromConnector } from '../../core/commerce/sync-from-connector.js'
import type { Shop } from '../../core/domain/records.js'
import { AppError } from '../../core/errors.js'
import type { KnowledgeChange } from '../../core/knowledge/knowledge-service.js'
import type {
  CommerceActionResult,
  CommerceActions,
  CommerceConnector,
  WebhookDelivery,
} from '../../core/ports/commerce.js'
import type { Store } from '../../core/ports/store.js'
import type { ConnectorRegistry, ConnectorTransport } from './connector-registry.js'
import {
  CONNECTOR_PLATFORMS,
  type ConnectorPlatform,
  type ConnectorSettings,
  connectorSettingsOf,
  publicConnectorView,
  type SyncStatus,
} from './connector-settings.js'
import { openCredentials, sealCredentials } from './credential-box.js'

export type CommerceHubDeps = {
  store: Store
  /** The server secret the credentials are sealed with. */
  secret: string
  registry: ConnectorRegistry
  now: () => Date
  transport?: ConnectorTransport
  /** The catalog changed: tell the live knowledge index (and other instances). */
  onCatalogChanged?: (shopId: string, change: KnowledgeChange) => void
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void }
  /** Reconciliation interval when the shop sets none (minutes). */
  defaultReconcileMinutes?: number
}

export type ConfigureInput = {
  platform: ConnectorPlatform
  storeUrl: string
  credentials: Record<string, string>
  reconcileMinutes?: number
  options?: Record<string, string>
}

/** Overlap of reconciliation windows: a change stamped just before the last pass is read again. */
const RECONCILE_OVERLAP_MS = 5 * 60_000

export type CommerceHub = ReturnType<typeof createCommerceHub>

export function createCommerceHub(deps: CommerceHubDeps) {
  const { store } = deps
  const cache = new Map<string, { key: string; connector: CommerceConnector }>()
  /** Shops this process is syncing now: a second sync of the same shop waits its turn (409). */
  const syncing = new Set<string>()

  async function requireShop(shopId: string): Promise<Shop> {
    const shop = await store.shops.get(shopId)
    if (!shop) throw new AppError('not_found', `shop '${shopId}' does not exist`)
    return shop
  }

  /** Read-modify-write of `settings.commerce` in one transaction. */
  async function updateSettings(
    shopId: string,
    fn: (current: ConnectorSettings | null, shop: Shop) => ConnectorSettings | null,
    opts: { bumpCatalog?: boolean } = {},
  ): Promise<ConnectorSettings | null> {
    return store.transaction(async (tx) => {
      const shop = await tx.shops.get(shopId)
      if (!shop) throw new AppError('not_found', `shop '${shopId}' does not exist`)
      const next = fn(connectorSettingsOf(shop), shop)
      const settings = { ...shop.settings }
      if (next) settings.commerce = next
      else delete settings.commerce
      if (opts.bumpCatalog) settings.catalogVersion = Number(shop.settings.catalogVersion ?? 0) + 1
      await tx.shops.upsert({ ...shop, settings })
      return next
    })
  }

  function connectorOf(shop: Shop): CommerceConnector | undefined {
    const s = connectorSettingsOf(shop)
    if (!s) {
      cache.delete(shop.id)
      return undefined
    }
    const def = deps.registry[s.platform]
    if (!def) return undefined
    const key = `${s.platform}|${s.storeUrl}|${s.credentials}|${JSON.stringify(s.options)}`
    const hit = cache.get(shop.id)
    if (hit && hit.key === key) return hit.connector
    const connector = def.create(
      {
        shopId: shop.id,
        storeUrl: s.storeUrl,
        credentials: openCredentials(deps.secret, s.credentials),
        options: s.options,
      },
      deps.transport ?? {},
    )
    cache.set(shop.id, { key, connector })
    return connector
  }

  async function requireConnector(
    shopId: string,
  ): Promise<{ shop: Shop; connector: CommerceConnector; settings: ConnectorSettings }> {
    const shop = await requireShop(shopId)
    const settings = connectorSettingsOf(shop)
    const connector = connectorOf(shop)
    if (!settings || !connector)
      throw new AppError('not_found', `shop '${shopId}' has no commerce connector (kefu connector add …)`)
    return { shop, connector, settings }
  }

  async function setStatus(shopId: string, status: SyncStatus): Promise<void> {
    await updateSettings(shopId, (c) => (c ? { ...c, sync: status } : c))
  }

  async function runSync(
    shopId: string,
    connector: CommerceConnector,
    opts: { kinds?: SyncKind[]; onProgress?: (s: SyncStatus) => void },
  ): Promise<SyncReport> {
    const status: SyncStatus = { state: 'running', startedAt: deps.now().toISOString(), counts: {} }
    await setStatus(shopId, status)
    opts.onProgress?.(status)
    try {
      const report = await syncFromConnector(connector, store, shopId, {
        ...(opts.kinds ? { kinds: opts.kinds } : {}),
        onProgress: async (p) => {
          status.phase = p.kind
          status.counts[p.kind] = { done: p.done, total: p.total, pages: p.pages, skipped: p.skipped }
          await setStatus(shopId, status)
          opts.onProgress?.(status)
        },
      })
      status.state = 'done'
      status.finishedAt = deps.now().toISOString()
      delete status.phase
      status.skippedSample = report.skippedSample
      // The whole catalog may have changed: every instance rebuilds its indexes (as after an import).
      await updateSettings(
        shopId,
        (c) => (c ? { ...c, sync: status, reconciledAt: c.reconciledAt ?? status.startedAt } : c),
        { bumpCatalog: true },
      )
      deps.onCatalogChanged?.(shopId, { scope: 'all' })
      opts.onProgress?.(status)
      deps.log?.info({ shopId, counts: status.counts }, 'commerce sync done')
      return report
    } catch (e) {
      status.state = 'failed'
      status.finishedAt = deps.now().toISOString()
      status.error = e instanceof Error ? e.message.slice(0, 500) : 'unknown error'
      await setStatus(shopId, status).catch(() => undefined)
      opts.onProgress?.(status)
      throw e
    }
  }

  async function reconcileOnce(shopId: string): Promise<{ orders: number; since: string | null }> {
    const { connector, settings } = await requireConnector(shopId)
    const started = deps.now()
    const last = settings.reconciledAt ?? settings.sync?.startedAt ?? null
    const since = last ? new Date(new Date(last).getTime() - RECONCILE_OVERLAP_MS).toISOString() : null
    try {
      const report = await syncFromConnector(connector, store, shopId, {
        kinds: ['orders'],
        ...(since ? { updatedSince: since } : {}),
      })
      const orders = report.kinds.orders.stored
      await updateSettings(shopId, (c) =>
        c ? { ...c, reconciledAt: started.toISOString(), reconcile: { at: started.toISOString(), orders } } : c,
      )
      return { orders, since }
    } catch (e) {
      const error = e instanceof Error ? e.message.slice(0, 500) : 'unknown error'
      await updateSettings(shopId, (c) =>
        c ? { ...c, reconcile: { at: started.toISOString(), orders: 0, error } } : c,
      )
      throw e
    }
  }

  return {
    platforms: (): ConnectorPlatform[] => CONNECTOR_PLATFORMS.filter((p) => deps.registry[p]),

    /**
     * The shop's actions for its turns: its connector, or undefined (embedded) when it has none. A
     * connector that cannot be built (credentials unreadable after a secret change) answers every
     * action `unavailable`: kefu must not fall back to changing only its own copy of the order.
     */
    actionsFor(shop: Shop): CommerceActions | undefined {
      try {
        return connectorOf(shop)
      } catch (e) {
        const detail = `the ${connectorSettingsOf(shop)?.platform ?? 'commerce'} connector cannot be used: ${(e as Error).message}`
        deps.log?.warn({ shopId: shop.id, err: (e as Error).message }, 'commerce connector unusable')
        const no = async (): Promise<CommerceActionResult> => ({ ok: false, kind: 'unavailable', detail })
        return {
          specificationVersion: 'v1',
          platform: connectorSettingsOf(shop)?.platform ?? 'embedded',
          cancelOrder: no,
          updateShippingAddress: no,
          requestReturn: no,
        }
      }
    },

    /** Saves (or replaces) the shop's connector; credentials are sealed before they are stored. */
    async configure(shopId: string, input: ConfigureInput) {
      const def = deps.registry[input.platform]
      if (!def) throw new AppError('invalid_input', `platform: unknown connector platform '${input.platform}'`)
      for (const name of def.credentials)
        if (!input.credentials[name])
          throw new AppError('invalid_input', `credentials.${name}: is required for ${input.platform}`)
      let url: URL
      try {
        url = new URL(input.storeUrl)
      } catch {
        throw new AppError('invalid_input', 'storeUrl: not a URL')
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new AppError('invalid_input', 'storeUrl: must be an https:// URL')
      const credentials: Record<string, string> = {}
      for (const name of def.credentials) credentials[name] = String(input.credentials[name])
      await requireShop(shopId)
      const saved = await updateSettings(shopId, () => ({
        platform: input.platform,
        storeUrl: url.origin + url.pathname.replace(/\/+$/, ''),
        credentials: sealCredentials(deps.secret, credentials),
        options: input.options ?? {},
        ...(input.reconcileMinutes ? { reconcileMinutes: input.reconcileMinutes } : {}),
        sync: { state: 'idle', counts: {} },
        configuredAt: deps.now().toISOString(),
      }))
      cache.delete(shopId)
      return publicConnectorView(saved!)
    },

    async remove(shopId: string): Promise<boolean> {
      const shop = await requireShop(shopId)
      if (!connectorSettingsOf(shop)) return false
      await updateSettings(shopId, () => null)
      cache.delete(shopId)
      return true
    },

    /** The connector's public view (no credentials), or null. */
    async view(shopId: string) {
      const s = connectorSettingsOf(await requireShop(shopId))
      return s ? publicConnectorView(s) : null
    },

    async markQueued(shopId: string): Promise<void> {
      await requireConnector(shopId)
      await setStatus(shopId, { state: 'queued', counts: {} })
    },

    /**
     * The initial (or a full re-) sync: every product, customer and order, page by page, each page
     * stored as it arrives. Progress is written to `settings.commerce.sync` after every page.
     */
    async sync(
      shopId: string,
      opts: { kinds?: SyncKind[]; onProgress?: (s: SyncStatus) => void } = {},
    ): Promise<SyncReport> {
      const { connector } = await requireConnector(shopId)
      if (syncing.has(shopId)) throw new AppError('conflict', `a sync of shop '${shopId}' is already running`)
      syncing.add(shopId)
      try {
        return await runSync(shopId, connector, opts)
      } finally {
        syncing.delete(shopId)
      }
    },

    /** One reconciliation pass: orders updated since the last pass (with an overlap) are re-read. */
    async reconcile(shopId: string): Promise<{ orders: number; since: string | null }> {
      return reconcileOnce(shopId)
    },

    /** Minutes between reconciliation passes for this shop, or null when it has no connector. */
    reconcileMinutes(shop: Shop): number | null {
      const s = connectorSettingsOf(shop)
      return s ? (s.reconcileMinutes ?? deps.defaultReconcileMinutes ?? 15) : null
    },

    /**
     * One webhook delivery. A signature that does not verify → AppError('unauthorized') and nothing
     * is processed; a valid one is mapped and upserted before this resolves, so the next message
     * reads the change.
     */
    async webhook(platform: string, shopId: string, delivery: WebhookDelivery) {
      const shop = await store.shops.get(shopId)
      const settings = shop ? connectorSettingsOf(shop) : null
      let connector: CommerceConnector | undefined
      try {
        connector = shop ? connectorOf(shop) : undefined
      } catch (e) {
        // Unreadable credentials (the server secret changed): nothing can be verified.
        deps.log?.warn({ shopId, err: (e as Error).message }, 'commerce webhook: connector unusable')
      }
      // An unknown shop or platform answers like a bad signature: nothing to learn by probing.
      if (!shop || !settings || !connector || settings.platform !== platform || !connector.verifyWebhook(delivery))
        throw new AppError('unauthorized', 'webhook signature does not verify')
      const changes = await connector.parseWebhook(delivery)
      const report = await applyCommerceChanges(store, shopId, changes)
      if (report.products.length > 0) deps.onCatalogChanged?.(shopId, { scope: 'products', skus: report.products })
      return {
        products: report.products.length,
        customers: report.customers,
        orders: report.orders,
        ignored: report.ignored,
        invalid: report.invalid.length,
      }
    },
  }
}
