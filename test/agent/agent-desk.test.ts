/**
 * The agent desk over a real store (SQLite file always, PostgreSQL when KEFU_TEST_DATABASE_URL is set):
 * queue order, the claim race, who may reply, release and close transitions, notes, the whole context.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryLock, createMemoryPubSub } from '../../src/adapters/pubsub-memory/memory-pub-sub.js'
import { conversationChannel, createConversationService } from '../../src/core/conversation/conversation-service.js'
import type { Conversation, Shop } from '../../src/core/domain/records.js'
import { AppError } from '../../src/core/errors.js'
import { type AgentDesk, createAgentDesk } from '../../src/core/handoff/agent-desk.js'
import { deskChannel } from '../../src/core/handoff/desk-channel.js'
import type { KnowledgeBase } from '../../src/core/knowledge/types.js'
import type { KeyedLock, PubSub } from '../../src/core/ports/pub-sub.js'
import type { Store } from '../../src/core/ports/store.js'
import {
  makeConversation,
  makeCustomer,
  makeMessage,
  makeOrder,
  makeReturn,
  makeShop,
  makeTicket,
  type OpenedStore,
  storeBackends,
} from '../helpers/store-fixtures.js'
import { tickingNow } from '../helpers/ticking-clock.js'

const alice = { id: 'alice', name: 'Alice' }
const bob = { id: 'bob', name: '小王' }

/** Runs `fn` and returns the AppError code it threw (fails the test when it did not throw one). */
async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn()
  } catch (e) {
    if (AppError.isInstance(e)) return e.code
    throw e
  }
  throw new Error('expected an AppError')
}

/** A knowledge base that records the questions it was asked. */
function recordingKnowledge(asked: string[]): KnowledgeBase {
  return {
    async search(text, opts) {
      asked.push(text)
      return [
        { kind: 'faq', id: 'faq-ship', score: 0.9, title: '多久发货？', answer: '付款后 48 小时内发货。' },
        { kind: 'faq', id: 'faq-track', score: 0.6, title: '怎么查物流', answer: '在订单详情页查看物流。' },
        { kind: 'faq', id: 'faq-x', score: 0.3, title: 'x', answer: 'y' },
        { kind: 'faq', id: 'faq-y', score: 0.2, title: 'x', answer: 'y' },
      ].slice(0, opts?.limit ?? 10) as Awaited<ReturnType<KnowledgeBase['search']>>
    },
    async answer() {
      return { status: 'none', candidates: [] }
    },
  }
}

function makeDesk(store: Store, pubsub: PubSub, lock: KeyedLock, asked: string[] = [], clock = tickingNow()) {
  let n = 0
  const newId = (p: string) => `${p}_${(n++).toString(36)}${Math.random().toString(36).slice(2, 8)}`
  const unused = async (): Promise<never> => {
    throw new Error('the desk must not run customer turns')
  }
  const conversations = createConversationService({
    store,
    nluFor: unused,
    knowledgeFor: unused,
    dialogue: unused,
    pubsub,
    lock,
    clock,
    newId,
  })
  return createAgentDesk({
    store,
    conversations,
    knowledgeFor: async () => recordingKnowledge(asked),
    pubsub,
    lock,
    clock,
    newId,
  })
}

const nlu = (intent: string, score: number, label = 'neutral') => ({
  nlu: { intent, confidence: 0.9, emotion: { score, label }, entities: [], locale: 'zh' },
})

/** A conversation the bot handed off at `handoffAt`, with a customer message before it. */
async function handedOff(
  store: Store,
  shopId: string,
  o: { handoffAt: string; text?: string; emotion?: number; reason?: string; conv?: Partial<Conversation> },
): Promise<Conversation> {
  const c = makeConversation(shopId, { status: 'waiting_human', updatedAt: o.handoffAt, ...o.conv })
  await store.conversations.create(c)
  await store.messages.append(
    makeMessage(shopId, c.id, {
      text: o.text ?? '我要人工',
      meta: nlu('human_agent', o.emotion ?? 0.1),
      createdAt: o.handoffAt,
    }),
  )
  await store.messages.append(
    makeMessage(shopId, c.id, { role: 'bot', text: '正在为您转接人工客服', meta: {}, createdAt: o.handoffAt }),
  )
  await store.events.append({
    id: `evt-${c.id}`,
    shopId,
    type: 'handoff.requested',
    conversationId: c.id,
    data: { reason: o.reason ?? 'customer_requested_human: human_agent' },
    createdAt: o.handoffAt,
  })
  return c
}

/** Collects everything published on a channel. */
async function listen(pubsub: PubSub, channel: string): Promise<unknown[]> {
  const got: unknown[] = []
  await pubsub.subscribe(channel, (p) => got.push(p))
  return got
}

const tick = () => new Promise((r) => setTimeout(r, 10))

for (const backend of storeBackends()) {
  describe(`${backend.name}: agent desk`, () => {
    let opened: OpenedStore
    let store: Store
    let shop: Shop
    let pubsub: PubSub
    let lock: KeyedLock
    let desk: AgentDesk
    const asked: string[] = []

    beforeEach(async () => {
      opened = await backend.open()
      store = opened.store
      shop = makeShop()
      await store.shops.upsert(shop)
      pubsub = createMemoryPubSub()
      lock = createMemoryLock()
      asked.length = 0
      desk = makeDesk(store, pubsub, lock, asked)
    })
    afterEach(async () => {
      await pubsub.close()
      await opened.cleanup()
    })

    it('lists waiting conversations oldest handoff first, with reason, emotion and the last customer message', async () => {
      const newer = await handedOff(store, shop.id, {
        handoffAt: '2025-01-15T08:10:00.000Z',
        text: '气死我了，到底什么时候发货',
        emotion: 0.85,
        reason: 'emotion_above_threshold: emotion 0.85 >= 0.7',
      })
      const older = await handedOff(store, shop.id, { handoffAt: '2025-01-15T08:01:00.000Z' })
      await store.conversations.create(makeConversation(shop.id, { status: 'bot' }))
      await store.conversations.create(makeConversation(shop.id, { status: 'human' }))

      const q = await desk.queue(shop.id)
      expect(q.map((i) => i.conversationId)).toEqual([older.id, newer.id])
      const [first, second] = q
      expect(first!.reason).toBe('customer_requested_human')
      expect(first!.waitingSince).toBe('2025-01-15T08:01:00.000Z')
      expect(first!.waitMs).toBeGreaterThan(second!.waitMs)
      expect(second!.reason).toBe('emotion_above_threshold')
      expect(second!.reasonDetail).toBe('emotion 0.85 >= 0.7')
      expect(second!.emotion?.score).toBe(0.85)
      expect(second!.lastCustomerMessage?.text).toBe('气死我了，到底什么时候发货')
      expect(second!.intent).toBe('human_agent')
    })

    it('keeps the longest waiters when more conversations wait than the queue shows', async () => {
      const base = Date.UTC(2025, 0, 15, 8, 0, 0)
      const ids: string[] = []
      for (let i = 0; i < 201; i++) {
        ids.push((await handedOff(store, shop.id, { handoffAt: new Date(base + i * 1000).toISOString() })).id)
      }
      const q = await desk.queue(shop.id)
      expect(q).toHaveLength(200)
      expect(q[0]!.conversationId).toBe(ids[0])
      expect(q.map((i) => i.conversationId)).not.toContain(ids[200])
    })

    it('counts every message of a long conversation in the queue and shows its newest customer message', async () => {
      const c = await handedOff(store, shop.id, { handoffAt: '2025-01-15T08:00:00.000Z', text: '早上好' })
      for (let i = 0; i < 150; i++) {
        const at = new Date(Date.UTC(2025, 0, 15, 8, 1, i)).toISOString()
        await store.messages.append(
          makeMessage(shop.id, c.id, { text: `第${i}条`, meta: nlu('logistics', 0.2), createdAt: at }),
        )
      }
      const [item] = await desk.queue(shop.id)
      expect(item!.messageCount).toBe(152)
      expect(item!.lastCustomerMessage?.text).toBe('第149条')
      expect(item!.peakEmotion).toBe(0.2)
    })

    it('lets exactly one of two concurrent claims win; the loser gets conflict', async () => {
      const c = await handedOff(store, shop.id, { handoffAt: '2025-01-15T08:00:00.000Z' })
      const results = await Promise.allSettled([desk.claim(shop.id, c.id, alice), desk.claim(shop.id, c.id, bob)])
      const won = results.filter((r) => r.status === 'fulfilled')
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      expect(won).toHaveLength(1)
      expect(lost).toHaveLength(1)
      expect(AppError.isInstance(lost[0]!.reason) && lost[0]!.reason.code).toBe('conflict')

      const stored = await store.conversations.get(shop.id, c.id)
      const winner = results[0]!.status === 'fulfilled' ? alice : bob
      expect(stored!.status).toBe('human')
      expect((stored!.state.agent as { id: string }).id).toBe(winner.id)
      const claimed = await store.events.list(shop.id, { type: 'handoff.claimed', conversationId: c.id })
      expect(claimed).toHaveLength(1)
      expect(claimed[0]!.data.agentId).toBe(winner.id)
      expect(typeof claimed[0]!.data.waitMs).toBe('number')
      const system = (await store.messages.list(shop.id, c.id)).filter((m) => m.role === 'system')
      expect(system).toHaveLength(1)
      expect(system[0]!.text).toContain(winner.name)
      expect(await desk.queue(shop.id)).toEqual([])
    })

    if (backend.name === 'sqlite') {
      it('serialises claims from two server instances (separate locks) through the store transaction', async () => {
        const c = await handedOff(store, shop.id, { handoffAt: '2025-01-15T08:00:00.000Z' })
        const other = makeDesk(store, pubsub, createMemoryLock())
        const results = await Promise.allSettled([desk.claim(shop.id, c.id, alice), other.claim(shop.id, c.id, bob)])
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
        expect(await store.events.list(shop.id, { type: 'handoff.claimed', conversationId: c.id })).toHaveLength(1)
      })
    }

    it('a repeated claim by the same agent succeeds without a second event', async () => {
      const c = await handedOff(store, shop.id, { handoffAt: '2025-01-15T08:00:00.000Z' })
      await desk.claim(shop.id, c.id, alice)
      const again = await desk.claim(shop.id, c.id, alice)
      expect(again.conversation.status).toBe('human')
      expect(again.messages).toEqual([])
      expect(await store.events.list(shop.id, { type: 'handoff.claimed', conversationId: c.id })).toHaveLength(1)
    })

    it('refuses to claim a conversation that is with the bot, closed or unknown', async () => {
      const withBot = makeConversation(shop.id, { status: 'bot' })
      const closed = makeConversation(shop.id, { status: 'closed' })
      await store.conversations.create(withBot)
      await store.conversations.create(closed)
      expect(await codeOf(() => desk.claim(shop.id, withBot.id, alice))).toBe('conflict')
      expect(await codeOf(() => desk.claim(shop.id, closed.id, alice))).toBe('conflict')
      expect(await codeOf(() => desk.claim(shop.id, 'conv-nope', alice))).toBe('not_found')
    })

    it('only the assigned agent may reply; the reply is stored as an agent message and pushed', async () => {
      const c = await handedOff(store, shop.id, { handoffAt: '2025-01-15T08:00:00.000Z' })
      expect(await codeOf(() => desk.reply(shop.id, c.id, alice, '您好'))).toBe('conflict')
      await desk.claim(shop.id, c.id, alice)
      const pushed = await listen(pubsub, conversationChannel(shop.id, c.id))

      expect(await codeOf(() => desk.reply(shop.id, c.id, bob, '我来'))).toBe('conflict')
      expect(await codeOf(() => desk.reply(shop.id, c.id, alice, '   '))).toBe('invalid_input')
      const m = await desk.reply(shop.id, c.id, alice, '您好，我是 Alice，马上帮您查看。')
      expect(m.role).toBe('agent')
      expect(m.meta.agent).toEqual({ id: 'alice', name: 'Alice' })
      await tick()
      expect(pushed).toContainEqual({ type: 'message', message: m })
      const agentMsgs = (await store.messages.list(shop.id, c.id)).filter((x) => x.role === 'agent')
      expect(agentMsgs.map((x) => x.text)).toEqual(['您好，我是 Alice，马上帮您查看。'])
    })

    it('hands back to the bot: human → bot, a system message in the customer language, an event with the agent', async () => {
      const zh = await handedOff(store, shop.id, { handoffAt: '2025-01-15T08:00:00.000Z' })
      const en = await handedOff(store, shop.id, { handoffAt: '2025-01-15T08:00:00.000Z', conv: { locale: 'en' } })
      expect(await codeOf(() => desk.release(shop.id, zh.id, alice))).toBe('conflict')
      await desk.claim(shop.id, zh.id, alice)
      await desk.claim(shop.id, en.id, alice)
      expect(await codeOf(() => desk.release(shop.id, zh.id, bob))).toBe('conflict')
      const statuses = await listen(pubsub, conversationChannel(shop.id, zh.id))

      const r = await desk.release(shop.id, zh.id, alice)
      expect(r.conversation.status).toBe('bot')
      expect(r.messages[0]!.text).toBe('已转回智能客服')
      expect((await desk.release(shop.id, en.id, alice)).messages[0]!.text).toBe("You're back with our assistant")

      const stored = await store.conversations.get(shop.id, zh.id)
      expect(stored!.status).toBe('bot')
      expect(stored!.state.agent).toBeUndefined()
      const released = await store.events.list(shop.id, { type: 'handoff.released', conversationId: zh.id })
      expect(released.map((e) => e.data.agentId)).toEqual(['alice'])
      await tick()
      expect(statuses).toContainEqual({ type: 'status', status: 'bot' })
      expect(await codeOf(() => desk.release(shop.id, zh.id, alice))).toBe('conflict')
    })

    it('closes: the assignee closes its conversation, anyone closes a waiting one, never twice', async () => {
      const mine = await handedOff(store, shop.id, { handoffAt: '2025-01-15T08:00:00.000Z' })
      const waiting = await handedOff(store, shop.id, { handoffAt: '2025-01-15T08:00:00.000Z' })
      await desk.claim(shop.id, mine.id, alice)
      expect(await codeOf(() => desk.close(shop.id, mine.id, bob))).toBe('conflict')

      const r = await desk.close(shop.id, mine.id, alice)
      expect(r.conversation.status).toBe('closed')
      expect(r.messages[0]!.role).toBe('system')
      const closed = await store.events.list(shop.id, { type: 'conversation.closed', conversationId: mine.id })
      expect(closed.map((e) => [e.data.agentId, e.data.previousStatus])).toEqual([['alice', 'human']])
      expect(await codeOf(() => desk.close(shop.id, mine.id, alice))).toBe('conflict')
      expect(await codeOf(() => desk.reply(shop.id, mine.id, alice, 'hi'))).toBe('conflict')

      expect((await desk.close(shop.id, waiting.id, bob)).conversation.status).toBe('closed')
      expect(await desk.queue(shop.id)).toEqual([])
    })

    it('stores notes as agent.note events that never reach the customer stream', async () => {
      const c = await handedOff(store, shop.id, { handoffAt: '2025-01-15T08:00:00.000Z' })
      const customerSide = await listen(pubsub, conversationChannel(shop.id, c.id))
      const deskSide = await listen(pubsub, deskChannel(shop.id))
      const before = await store.messages.list(shop.id, c.id)

      const note = await desk.note(shop.id, c.id, bob, '客户是老顾客，优先处理')
      expect(note.agentId).toBe('bob')
      await tick()
      expect(customerSide).toEqual([])
      expect(deskSide).toContainEqual({ type: 'note', conversationId: c.id, note })
      expect(await store.messages.list(shop.id, c.id)).toHaveLength(before.length)
      const ctx = await desk.context(shop.id, c.id)
      expect(ctx.notes.map((n) => n.text)).toEqual(['客户是老顾客，优先处理'])
      expect(await codeOf(() => desk.note(shop.id, 'conv-nope', bob, 'x'))).toBe('not_found')
    })

    it('gives the whole context: NLU per message, dialogue state, customer, orders, tickets, returns, suggestions', async () => {
      const customer = makeCustomer({ locale: 'zh' })
      await store.customers.upsertMany(shop.id, [customer])
      const order = makeOrder({
        customerId: customer.id,
        status: 'shipped',
        shipment: { carrier: '顺丰', trackingNo: 'SF123', status: 'in_transit', events: [] },
      })
      await store.orders.upsertMany(shop.id, [order])
      const ticket = makeTicket(shop.id, { customerId: customer.id })
      await store.tickets.create(ticket)
      const ret = makeReturn(shop.id, { orderNo: order.orderNo, customerId: customer.id })
      await store.returns.create(ret)

      const c = makeConversation(shop.id, {
        customerId: customer.id,
        status: 'waiting_human',
        state: { activeIntent: 'logistics', slots: { orderNo: order.orderNo }, awaiting: null, topics: ['logistics'] },
      })
      await store.conversations.create(c)
      await store.messages.append(
        makeMessage(shop.id, c.id, { text: '我的快递怎么还没到', meta: nlu('logistics', 0.3) }),
      )
      await store.messages.append(makeMessage(shop.id, c.id, { text: '转人工', meta: nlu('human_agent', 0.5) }))
      await store.events.append({
        id: `evt-${c.id}`,
        shopId: shop.id,
        type: 'handoff.requested',
        conversationId: c.id,
        data: { reason: 'customer_requested_human: human_agent' },
        createdAt: '2026-06-10T08:00:00.000Z',
      })

      const ctx = await desk.context(shop.id, c.id)
      expect(ctx.conversation.status).toBe('waiting_human')
      expect(ctx.messages.map((m) => (m.meta.nlu as { intent: string }).intent)).toEqual(['logistics', 'human_agent'])
      expect(ctx.dialogue.activeIntent).toBe('logistics')
      expect(ctx.dialogue.slots).toEqual({ orderNo: order.orderNo })
      expect(ctx.handoff?.reason).toBe('customer_requested_human')
      expect(ctx.customer?.id).toBe(customer.id)
      expect(ctx.orders.map((o) => [o.orderNo, o.shipment?.trackingNo])).toEqual([[order.orderNo, 'SF123']])
      expect(ctx.tickets.map((t) => t.id)).toEqual([ticket.id])
      expect(ctx.returns.map((r) => r.id)).toEqual([ret.id])
      // Suggestions answer the customer's question, not the request for a human.
      expect(asked).toEqual(['我的快递怎么还没到'])
      expect(ctx.suggestionsFor).toBe('我的快递怎么还没到')
      // The third hit scores below MIN_SUGGESTION_SCORE: noise is not suggested.
      expect(ctx.suggestions.map((s) => s.id)).toEqual(['faq-ship', 'faq-track'])
      expect(ctx.timeline.map((t) => t.type)).toEqual(['handoff.requested'])

      await desk.claim(shop.id, c.id, alice)
      const after = await desk.context(shop.id, c.id)
      expect(after.conversation.agent?.id).toBe('alice')
      expect(after.timeline.map((t) => [t.type, t.agentId ?? null])).toEqual([
        ['handoff.requested', null],
        ['handoff.claimed', 'alice'],
      ])
      expect(await codeOf(() => desk.context(shop.id, 'conv-nope'))).toBe('not_found')
    })

    it("lists an agent's own conversations only, flagging those where the customer spoke last", async () => {
      const a = await handedOff(store, shop.id, { handoffAt: '2025-01-15T08:00:00.000Z' })
      const b = await handedOff(store, shop.id, { handoffAt: '2025-01-15T08:00:00.000Z' })
      await desk.claim(shop.id, a.id, alice)
      await desk.claim(shop.id, b.id, bob)
      await store.messages.append(makeMessage(shop.id, a.id, { text: '还在吗？' }))
      const mine = await desk.mine(shop.id, 'alice')
      expect(mine.map((m) => m.conversationId)).toEqual([a.id])
      expect(mine[0]!.awaitingAgent).toBe(true)
      expect(mine[0]!.lastCustomerMessage?.text).toBe('还在吗？')
      await desk.reply(shop.id, a.id, alice, '在的')
      expect((await desk.mine(shop.id, 'alice'))[0]!.awaitingAgent).toBe(false)
    })
  })
}
