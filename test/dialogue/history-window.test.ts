/**
 * A turn sees the messages just before it — in a long conversation the latest ones, not the
 * conversation's first 50 (the model prompt is built from the last turns of this history).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryLock, createMemoryPubSub } from '../../src/adapters/pubsub-memory/memory-pub-sub.js'
import { createConversationService } from '../../src/core/conversation/conversation-service.js'
import type { Message } from '../../src/core/domain/records.js'
import type { KnowledgeBase } from '../../src/core/knowledge/types.js'
import type { NluEngine } from '../../src/core/nlu/types.js'
import { makeShop, type OpenedStore, openTestSqliteStore } from '../helpers/store-fixtures.js'
import { nlu } from './harness.js'

let opened: OpenedStore
beforeAll(async () => {
  opened = await openTestSqliteStore()
  await opened.store.shops.upsert(makeShop({ id: 'shop1' }))
})
afterAll(async () => opened?.cleanup())

describe('the history a turn sees', () => {
  it('is the 50 messages before the current one, however long the conversation', async () => {
    const seen: Message[][] = []
    let n = 0
    const svc = createConversationService({
      store: opened.store,
      nluFor: async () => ({ analyze: () => nlu('greeting') }) as unknown as NluEngine,
      knowledgeFor: async () => ({}) as KnowledgeBase,
      dialogue: async (ctx) => {
        seen.push(ctx.history)
        return {
          replies: [{ text: `reply ${ctx.text}` }],
          state: ctx.state,
          action: 'answer',
          reason: 'test',
          handoff: false,
        }
      },
      pubsub: createMemoryPubSub(),
      lock: createMemoryLock(),
      clock: () => new Date('2026-11-26T04:00:00Z'),
      newId: (p) => `${p}_${++n}`,
    })
    const conv = await svc.startConversation({ shopId: 'shop1', customerId: null, channel: 'test', locale: 'en' })
    for (let i = 1; i <= 40; i++) await svc.handleMessage({ shopId: 'shop1', conversationId: conv.id, text: `m${i}` })
    const last = seen[seen.length - 1]!
    expect(last).toHaveLength(50)
    // Turn 40's history ends with turn 39's reply and never holds turn 40's own message.
    expect(last[last.length - 1]!.text).toBe('reply m39')
    expect(last.some((m) => m.text === 'm40')).toBe(false)
    expect(last[0]!.seq).toBe(last[last.length - 1]!.seq - 49)
  })
})
