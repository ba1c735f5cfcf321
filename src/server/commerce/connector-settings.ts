/**
 * A shop's connector configuration, kept in its settings as `settings.commerce`:
 * `{ platform, storeUrl, credentials: <sealed>, reconcileMinutes?, options?, status? }`.
 * Credentials are sealed (credential-box.ts) and every view of the settings leaves them out.
 */
import { z } from 'zod'
import type { Shop } from '../../core/domain/records.js'

export const CONNECTOR_PLATFORMS = ['shopify', 'woocommerce'] as const
export type ConnectorPlatform = (typeof CONNECTOR_PLATFORMS)[number]

/** Progress and outcome of the last sync / reconciliation, readable by every process. */
export const syncStatusSchema = z.object({
  state: z.enum(['idle', 'queued', 'running', 'done', 'failed']),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  /** The kind being read now. */
  phase: z.string().optional(),
  counts: z
    .record(
      z.string(),
      z.object({ done: z.number(), total: z.number().nullable(), pages: z.number(), skipped: z.number() }),
    )
    .default({}),
  error: z.string().optional(),
  skippedSample: z.array(z.object({ kind: z.string(), id: z.string(), reason: z.string() })).optional(),
})
export type SyncStatus = z.infer<typeof syncStatusSchema>

export const connectorSettingsSchema = z.object({
  platform: z.enum(CONNECTOR_PLATFORMS),
  storeUrl: z.string().url(),
  credentials: z.string().min(1),
  /** Minutes between reconciliation passes (default KEFU_COMMERCE_RECONCILE_MINUTES). */
  reconcileMinutes: z.number().int().min(1).max(10_080).optional(),
  /** Platform options (e.g. Shopify `apiVersion`). */
  options: z.record(z.string(), z.string()).default({}),
  sync: syncStatusSchema.optional(),
  /** Start instant of the last successful reconciliation pass (orders updated since then are read next). */
  reconciledAt: z.string().optional(),
  reconcile: z.object({ at: z.string(), orders: z.number(), error: z.string().optional() }).optional(),
  configuredAt: z.string().optional(),
})
export type ConnectorSettings = z.infer<typeof connectorSettingsSchema>

/** The shop's connector settings, or null (embedded) when none or unreadable. */
export function connectorSettingsOf(shop: Shop): ConnectorSettings | null {
  const raw = shop.settings.commerce
  if (!raw) return null
  const r = connectorSettingsSchema.safeParse(raw)
  return r.success ? r.data : null
}

/** What APIs and the CLI may show: everything but the credentials. */
export function publicConnectorView(
  s: ConnectorSettings,
): Omit<ConnectorSettings, 'credentials'> & { credentials: 'stored' } {
  const { credentials: _sealed, ...rest } = s
  return { ...rest, credentials: 'stored' }
}

/** Shop settings with the connector's credentials left out (for every settings view). */
export function redactShopSettings(settings: Record<string, unknown>): Record<string, unknown> {
  const c = settings.commerce
  if (!c || typeof c !== 'object') return settings
  const { credentials: _sealed, ...rest } = c as Record<string, unknown>
  return { ...settings, commerce: { ...rest, credentials: 'stored' } }
}
