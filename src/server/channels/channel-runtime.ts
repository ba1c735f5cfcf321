/**
 * Channels wired together for one process: credentials (encrypted in shop settings), shared channel
 * state (Redis when configured, else the store), the bridge into the conversation service, and the
 * relay of agents' console replies to the platform.
 */
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { createRedisChannelState } from '../../adapters/redis/redis-channel-state.js'
import { createChannelBridge, type InboundResult } from '../../core/channels/channel-bridge.js'
import type { ConversationService } from '../../core/conversation/conversation-service.js'
import { AppError } from '../../core/errors.js'
import type { ChannelAdapter, ChannelKind, InboundEvent } from '../../core/ports/channel.js'
import type { Clock } from '../../core/ports/clock.js'
import type { KeyedLock } from '../../core/ports/pub-sub.js'
import type { Store } from '../../core/ports/store.js'
import { createTicketService, type TicketServiceDeps } from '../../core/tickets/ticket-service.js'
import type { ChannelKindDefinition, ChannelRuntime } from './channel-kind.js'
import { CHANNEL_KINDS } from './channel-kinds.js'
import { type ChannelSettings, createChannelSettings } from './channel-settings.js'
import { createCredentialCipher } from './credential-crypto.js'

export type Channels = ChannelRuntime & {
  kinds: readonly ChannelKindDefinition[]
  settings: ChannelSettings
  /** Sends an agent's console reply to the platform when the conversation came from a channel. */
  relayAgentReply(shopId: string, conversationId: string, text: string): Promise<void>
  /**
   * Sends a notice for the customer (routing, an agent joined or left, ticket status) to the platform
   * when the conversation came from a channel, the same way as bot replies. Never throws.
   */
  relayNotice(shopId: string, conversationId: string, text: string): Promise<void>
}

export type ChannelRuntimeDeps = {
  store: Store
  clock: Clock
  logger: Logger
  newId: (prefix: string) => string
  secret: string
  conversations: ConversationService
  lock: KeyedLock
  ticketHooks?: Pick<TicketServiceDeps, 'onEvent' | 'notify'>
  redis?: Redis | null
  redisPrefix?: string
  kinds?: readonly ChannelKindDefinition[]
  fetch?: typeof fetch
  httpTimeoutMs?: number
}

export function createChannels(deps: ChannelRuntimeDeps): Channels {
  const kinds = deps.kinds ?? CHANNEL_KINDS
  const { store, logger } = deps
  const settings = createChannelSettings({
    store,
    cipher: createCredentialCipher(deps.secret),
    kinds,
    now: () => deps.clock.now(),
  })
  const state = deps.redis
    ? createRedisChannelState(deps.redis, {
        prefix: deps.redisPrefix ?? 'kefu:',
        fallback: store.channelState,
        onDegraded: (degraded) =>
          logger.warn(
            degraded ? 'Redis unreachable: channel state falls back to the database' : 'Redis back: channel state',
          ),
      })
    : store.channelState
  const bridge = createChannelBridge({
    store,
    conversations: deps.conversations,
    state,
    lock: deps.lock,
    clock: () => deps.clock.now(),
    newId: deps.newId,
    tickets: createTicketService({ store, now: () => deps.clock.now(), newId: deps.newId, ...deps.ticketHooks }),
    // Never the customer's text or a credential: where, which shop/channel, the platform's answer.
    onProblem: (p) => logger.warn({ channel: p.kind, shopId: p.shopId, where: p.where, detail: p.detail }, 'channel'),
  })

  async function relay(shopId: string, conversationId: string, text: string, what: string): Promise<void> {
    try {
      const c = await store.conversations.get(shopId, conversationId)
      if (!c?.externalUserId) return
      const kind = c.channel as ChannelKind
      const adapter = await runtime.adapterFor(shopId, kind)
      if (!adapter) return
      const r = await bridge.relayAgentMessage({ shopId, conversationId, kind, adapter, text })
      if (r && !r.delivery.ok) {
        logger.warn({ channel: kind, shopId, kind: r.delivery.kind }, `${what} not delivered to the platform`)
      }
    } catch (e) {
      logger.error({ shopId, err: e instanceof Error ? e.message : String(e) }, `${what} relay failed`)
    }
  }

  const runtime: Channels = {
    kinds,
    settings,
    store,
    clock: deps.clock,
    logger,
    newId: deps.newId,
    state,
    bridge,
    httpTimeoutMs: deps.httpTimeoutMs ?? 10_000,
    fetch: deps.fetch ?? fetch,
    credentials: (shopId, kind) => settings.credentials(shopId, kind),
    async adapterFor(shopId: string, kind: ChannelKind): Promise<ChannelAdapter | null> {
      const def = kinds.find((k) => k.kind === kind)
      if (!def?.createAdapter) return null
      const creds = await settings.credentials(shopId, kind)
      return creds ? def.createAdapter(shopId, creds, runtime) : null
    },
    async dispatch(shopId: string, kind: ChannelKind, adapter: ChannelAdapter, events: InboundEvent[]) {
      const out: InboundResult[] = []
      for (const event of events) {
        try {
          out.push(await bridge.handleInbound({ shopId, kind, adapter, event }))
        } catch (e) {
          const code = AppError.isInstance(e) ? e.code : 'internal'
          logger.error(
            { channel: kind, shopId, code, err: e instanceof Error ? e.message : String(e) },
            'channel event failed',
          )
          out.push({ status: 'ignored', reason: `failed_${code}` })
        }
      }
      return out
    },
    relayAgentReply: (shopId, conversationId, text) => relay(shopId, conversationId, text, 'agent reply'),
    relayNotice: (shopId, conversationId, text) => relay(shopId, conversationId, text, 'notice'),
  }
  return runtime
}
