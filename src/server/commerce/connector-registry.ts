/**
 * The connector platforms kefu knows: one entry per adapter, naming the credentials it needs and
 * building a connector for one shop. A new platform adds its entry here (and nothing else in the
 * server changes): the CLI, the admin API, sync, webhooks and reconciliation all go through it.
 */
import type { CommerceConnector } from '../../core/ports/commerce.js'
import type { ConnectorPlatform } from './connector-settings.js'

export type ConnectorInput = {
  shopId: string
  storeUrl: string
  /** Opened credentials (in memory only). */
  credentials: Record<string, string>
  options: Record<string, string>
}

/** Transport knobs tests and operators may set (all optional). */
export type ConnectorTransport = {
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
  timeoutMs?: number
  maxRetries?: number
}

export type ConnectorDefinition = {
  platform: ConnectorPlatform
  /** Credential names, in the order the CLI documents them (e.g. `accessToken`, `webhookSecret`). */
  credentials: readonly string[]
  /** Options the platform accepts in `settings.commerce.options` (e.g. `apiVersion`). */
  options?: readonly string[]
  create(input: ConnectorInput, transport: ConnectorTransport): CommerceConnector
}

export type ConnectorRegistry = Partial<Record<ConnectorPlatform, ConnectorDefinition>>
