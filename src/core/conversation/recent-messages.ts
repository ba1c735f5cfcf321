/**
 * The latest messages of recently active conversations, kept between their turns (issue 16).
 *
 * Every turn hands the dialogue the 50 messages before the customer's new one. Reading them is the
 * largest read of a turn (50 rows, ~70 µs inside SQLite plus building the records), although the
 * process stored most of them itself one turn earlier. Messages are only ever appended, each with
 * the next seq, so the conversation's newest seq (read with the conversation row, in the same
 * statement: `conversations.getWithLastSeq`) says whether the kept messages are still the latest:
 * equal → they are; otherwise someone else appended (an agent, another process, a message posted
 * without a turn) and they are read again. A conversation recreated under the same id (after a
 * shop's data was purged) has another `createdAt` and is read again too.
 *
 * Bounded: the most recently used `maxConversations` conversations, `window` messages each.
 */
import type { Conversation, Message } from '../domain/records.js'
import type { Store } from '../ports/store.js'

type Entry = { createdAt: string; lastSeq: number; messages: Message[] }

export type RecentMessages = ReturnType<typeof createRecentMessages>

export function createRecentMessages(opts: { window: number; maxConversations: number }) {
  const entries = new Map<string, Entry>()
  const keyOf = (c: Pick<Conversation, 'shopId' | 'id'>) => `${c.shopId}\u0000${c.id}`

  const remember = (key: string, e: Entry) => {
    entries.delete(key)
    entries.set(key, e)
    if (entries.size > opts.maxConversations) entries.delete(entries.keys().next().value as string)
  }

  return {
    /**
     * The conversation's latest `window` messages, oldest first: from memory when `lastSeq` (its newest
     * seq, read with it) shows nothing was appended since, else from the store. A fresh array.
     */
    async latest(store: Store, conversation: Conversation, lastSeq: number | undefined): Promise<Message[]> {
      const key = keyOf(conversation)
      const hit = entries.get(key)
      if (hit && lastSeq !== undefined && hit.lastSeq === lastSeq && hit.createdAt === conversation.createdAt) {
        remember(key, hit)
        return hit.messages.slice()
      }
      const messages = await store.messages.list(conversation.shopId, conversation.id, {
        limit: opts.window,
        latest: true,
      })
      remember(key, {
        createdAt: conversation.createdAt,
        lastSeq: messages.length ? messages[messages.length - 1]!.seq : 0,
        messages,
      })
      return messages.slice()
    },

    /** A conversation just created: it has no messages yet. */
    started(conversation: Conversation): void {
      remember(keyOf(conversation), { createdAt: conversation.createdAt, lastSeq: 0, messages: [] })
    },

    /**
     * Messages this process just stored, in seq order. Kept when they directly follow the kept ones;
     * otherwise (something else was appended in between) the conversation is read again next time.
     */
    appended(conversation: Pick<Conversation, 'shopId' | 'id'>, stored: readonly Message[]): void {
      const key = keyOf(conversation)
      const e = entries.get(key)
      if (!e || stored.length === 0) return
      let seq = e.lastSeq
      for (const m of stored) {
        if (m.seq !== seq + 1) {
          entries.delete(key)
          return
        }
        seq = m.seq
      }
      const messages = e.messages.concat(stored)
      e.messages = messages.length > opts.window ? messages.slice(messages.length - opts.window) : messages
      e.lastSeq = seq
    },

    /** Conversations kept (tests). */
    get size() {
      return entries.size
    },
  }
}
