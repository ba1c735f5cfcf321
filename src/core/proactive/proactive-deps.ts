/** What the proactive scans need from the outside world, and the per-shop switches. */
import type { Conversation, Message, Shop } from '../domain/records.js'
import type { Locale } from '../domain/schemas.js'
import type { KeyedLock } from '../ports/pub-sub.js'
import type { Store } from '../ports/store.js'

export type ProactiveDeps = {
  store: Store
  /** Stores a message and pushes it live (the conversation service's postMessage). */
  postMessage(input: {
    shopId: string
    conversationId: string
    role: 'agent' | 'system' | 'bot'
    text: string
    meta?: Record<string, unknown>
  }): Promise<Message>
  /** Opens a conversation for a customer who has none to write into. */
  startConversation(input: {
    shopId: string
    customerId: string | null
    channel: string
    locale?: Locale | null
  }): Promise<Conversation>
  /** Serialises scans of one shop across instances, so a notice is never sent twice by a race. */
  lock?: KeyedLock
  now: () => Date
  newId: (prefix: string) => string
}

export type ProactiveSettings = {
  /** Tell customers when their shipped parcel is late or has a carrier exception. */
  delayedParcel: boolean
  /** Send price-drop alerts to subscribers. */
  priceDrop: boolean
  /** Minutes between periodic scans of this shop. */
  intervalMinutes: number
}

export const DEFAULT_PROACTIVE_SETTINGS: ProactiveSettings = {
  delayedParcel: true,
  priceDrop: true,
  intervalMinutes: 30,
}

/** `shop.settings.proactive` over the defaults; bad values fall back to the default. */
export function proactiveSettings(shop: Shop): ProactiveSettings {
  const raw = shop.settings.proactive
  const s = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
  const interval = Number(s.intervalMinutes)
  return {
    delayedParcel: typeof s.delayedParcel === 'boolean' ? s.delayedParcel : DEFAULT_PROACTIVE_SETTINGS.delayedParcel,
    priceDrop: typeof s.priceDrop === 'boolean' ? s.priceDrop : DEFAULT_PROACTIVE_SETTINGS.priceDrop,
    intervalMinutes:
      Number.isFinite(interval) && interval >= 1
        ? Math.min(interval, 7 * 24 * 60)
        : DEFAULT_PROACTIVE_SETTINGS.intervalMinutes,
  }
}

/** Pages through events of one type (the store returns them oldest first). */
export async function allEvents(store: Store, shopId: string, type: string) {
  const out = []
  for (let offset = 0; ; offset += 1000) {
    const page = await store.events.list(shopId, { type, limit: 1000, offset })
    out.push(...page)
    if (page.length < 1000) break
  }
  return out
}

/**
 * The conversation a proactive message goes into: the customer's most recent open conversation,
 * else a new one on the `proactive` channel. Anonymous subscribers only have the conversation
 * they subscribed in.
 */
export async function conversationFor(
  deps: ProactiveDeps,
  shopId: string,
  customerId: string | null,
  fallbackConversationId: string | null,
  locale: Locale | null,
): Promise<Conversation | null> {
  if (customerId) {
    const [latest] = await deps.store.conversations.list(shopId, { customerId, limit: 1 })
    if (latest && latest.status !== 'closed') return latest
    return deps.startConversation({ shopId, customerId, channel: 'proactive', locale })
  }
  if (!fallbackConversationId) return null
  const c = await deps.store.conversations.get(shopId, fallbackConversationId)
  return c && c.status !== 'closed' ? c : null
}
