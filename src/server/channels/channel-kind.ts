/**
 * What a channel kind (WeCom 微信客服, WeChat Official Account, Chatwoot…) plugs into kefu: its
 * credential schema (which fields are secret), how to build its adapter for one shop, and its
 * webhook routes. One file per kind in src/server/channels/kinds/, listed in channel-kinds.ts.
 */
import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import type { z } from 'zod'
import type { ChannelBridge, InboundResult } from '../../core/channels/channel-bridge.js'
import type { ChannelAdapter, ChannelKind, ChannelStateStore, InboundEvent } from '../../core/ports/channel.js'
import type { Clock } from '../../core/ports/clock.js'
import type { Store } from '../../core/ports/store.js'

/** Credentials as the kind's schema returns them: string fields only (secrets decrypted). */
export type ChannelCredentials = Record<string, string>

/** What a kind's adapter and routes get from kefu. */
export type ChannelRuntime = {
  store: Store
  clock: Clock
  logger: Logger
  newId: (prefix: string) => string
  /** Shared small state: access tokens, cursors, claims (Redis when configured, else the store). */
  state: ChannelStateStore
  bridge: ChannelBridge
  /** The shop's decrypted credentials for `kind`; null when the channel is not configured. */
  credentials(shopId: string, kind: ChannelKind): Promise<ChannelCredentials | null>
  /** The shop's adapter for `kind`; null when not configured (or the kind has no adapter yet). */
  adapterFor(shopId: string, kind: ChannelKind): Promise<ChannelAdapter | null>
  /**
   * Runs platform events through the bridge in order (one platform user's messages must not overtake
   * each other); a failing event is logged and the rest still run.
   */
  dispatch(shopId: string, kind: ChannelKind, adapter: ChannelAdapter, events: InboundEvent[]): Promise<InboundResult[]>
  /** Timeout for every call to a platform API. */
  httpTimeoutMs: number
  /** `fetch` used for platform APIs (tests may pass their own). */
  fetch: typeof fetch
}

export type ChannelKindDefinition = {
  kind: ChannelKind
  /** Human name for lists and docs. */
  title: string
  /**
   * The credentials a merchant gives (`kefu channel add <kind> --field value`, admin API body).
   * Every field is a string; the schema should be strict so a misspelt field is an error.
   */
  credentials: z.ZodType<ChannelCredentials>
  /** Fields of the credentials encrypted at rest and never shown again. */
  secretFields: readonly string[]
  /** Fields kefu fills when the merchant leaves them out (a webhook path token…). */
  generated?: Readonly<Record<string, () => string>>
  /** The webhook URL path (and query) the platform must call; `secretsShown` false = secrets masked. */
  webhookPath?(shopId: string, creds: ChannelCredentials): string
  /** Builds the adapter for one shop from its decrypted credentials. */
  createAdapter?(shopId: string, creds: ChannelCredentials, runtime: ChannelRuntime): ChannelAdapter
  /**
   * Registers the kind's webhook routes on a scope mounted at `/channels/<kind>`, e.g.
   * `scope.post('/:shopId', …)`. In this scope `req.body` is the raw request body as a Buffer
   * (signatures are computed over raw bytes) and `req.url` keeps the raw query string.
   */
  registerRoutes?(scope: FastifyInstance, runtime: ChannelRuntime): void
}
