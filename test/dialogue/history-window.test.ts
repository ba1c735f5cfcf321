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

  it('is read again when a message was appended outside the turns (an agent, another process)', async () => {
    const seen: Message[][] = []
    let n = 0
    let listed = 0
    const store = {
      ...opened.store,
      messages: {
        ...opened.store.messages,
        list: (...a: Parameters<typeof opened.store.messages.list>) => {
          listed++
          return opened.store.messages.list(...a)
        },
      },
    }
    const svc = createConversationService({
      store,
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
      newId: (p) => `h2_${p}_${++n}`,
    })
    const conv = await svc.startConversation({ shopId: 'shop1', customerId: null, channel: 'test', locale: 'en' })
    await svc.handleMessage({ shopId: 'shop1', conversationId: conv.id, text: 'a1' })
    await svc.handleMessage({ shopId: 'shop1', conversationId: conv.id, text: 'a2' })
    // The service stored both turns itself: their history came from memory.
    expect(listed).toBe(0)
    expect(seen[1]!.map((m) => m.text)).toEqual(['a1', 'reply a1'])
    // A message stored behind the service's back (another process, a direct append) is seen next turn.
    await opened.store.messages.append({
      id: 'h2_agent',
      shopId: 'shop1',
      conversationId: conv.id,
      role: 'agent',
      text: 'agent here',
      meta: {},
      createdAt: '2026-11-26T04:00:01Z',
    })
    await svc.handleMessage({ shopId: 'shop1', conversationId: conv.id, text: 'a3' })
    expect(listed).toBe(1)
    expect(seen[2]!.map((m) => m.text)).toEqual(['a1', 'reply a1', 'a2', 'reply a2', 'agent here'])
    expect(seen[2]!.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5])
    await svc.handleMessage({ shopId: 'shop1', conversationId: conv.id, text: 'a4' })
    expect(listed).toBe(1)
    expect(seen[3]!.map((m) => m.text).slice(-3)).toEqual(['agent here', 'a3', 'reply a3'])
  })
})
