/**
 * Store look-ups of a report beyond the event stream: handed-off conversations' messages and the
 * customers identified during a chat. Bounded concurrency, paged reads.
 */
import type { Store } from '../ports/store.js'
import type { ConversationFacts } from './fold-event.js'

/** Parallel store reads for per-conversation look-ups (messages, conversation, orders). */
const LOOKUP_CONCURRENCY = 16

export async function inBatches<T>(items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += LOOKUP_CONCURRENCY) {
    await Promise.all(items.slice(i, i + LOOKUP_CONCURRENCY).map(fn))
  }
}

/** Customer-message count and first agent reply after `handoffAt`, both before `horizonMs`. */
export async function scanMessages(
  store: Store,
  shopId: string,
  conversationId: string,
  handoffAt: number,
  horizonMs: number,
): Promise<{ customer: number; firstAgentAt: number | null }> {
  let customer = 0
  let firstAgentAt: number | null = null
  let afterSeq = 0
  for (;;) {
    const page = await store.messages.list(shopId, conversationId, { afterSeq, limit: 500 })
    for (const m of page) {
      const t = Date.parse(m.createdAt)
      if (t >= horizonMs) return { customer, firstAgentAt }
      if (m.role === 'customer') customer++
      else if (m.role === 'agent' && firstAgentAt === null && t >= handoffAt) firstAgentAt = t
      afterSeq = m.seq
    }
    if (page.length < 500) return { customer, firstAgentAt }
  }
}

/**
 * Fills in `customerId` of conversations that started anonymous. Reads the shop's conversations
 * newest-updated first (every cohort conversation was updated at or after `fromMs`) while that
 * stays cheap, then fetches whatever is left one by one: a conversation updated meanwhile can
 * move between pages, and an old window would otherwise list every newer conversation.
 */
export async function resolveCustomers(
  store: Store,
  shopId: string,
  fromMs: number,
  pending: Map<string, ConversationFacts>,
  pageSize: number,
): Promise<void> {
  const budget = pending.size * 3
  let read = 0
  while (pending.size > 0 && read < budget) {
    const page = await store.conversations.list(shopId, { limit: pageSize, offset: read })
    read += page.length
    for (const c of page) {
      const f = pending.get(c.id)
      if (!f) continue
      if (c.customerId) f.customerId = c.customerId
      pending.delete(c.id)
    }
    const last = page.at(-1)
    if (page.length < pageSize || !last || Date.parse(last.updatedAt) < fromMs) break
  }
  await inBatches([...pending], async ([id, f]) => {
    const c = await store.conversations.get(shopId, id)
    if (c?.customerId) f.customerId = c.customerId
  })
}
