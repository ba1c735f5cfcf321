/**
 * The channel bridge over a real store (SQLite file) with an in-memory fake adapter and a scripted
 * dialogue (the dialogue is not under test here; the e2e Chatwoot suite runs the real one):
 * idempotency, the user's conversation, silence while a human owns it, handoff on the platform,
 * pictures and voice, the reply window ticket, customer links, agent relay.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryLock, createMemoryPubSub } from '../../src/adapters/pubsub-memory/memory-pub-sub.js'
import { type ChannelBridge, createChannelBridge } from '../../src/core/channels/channel-bridge.js'
import { createConversationService } from '../../src/core/conversation/conversation-service.js'
import type { DialogueManager, Reply } from '../../src/core/dialogue/types.js'
import type { KnowledgeBase } from '../../src/core/knowledge/types.js'
import type { NluResult } from '../../src/core/nlu/types.js'
import type {
  ChannelAdapter,
  ChannelTarget,
  HandoffInfo,
  InboundContent,
  InboundEvent,
  SendResult,
} from '../../src/core/ports/channel.js'
import type { Store } from '../../src/core/ports/store.js'
import { createTicketService } from '../../src/core/tickets/ticket-service.js'
import { makeCustomer, makeShop, type OpenedStore, openTestSqliteStore } from '../helpers/store-fixtures.js'
import { tickingNow } from '../helpers/ticking-clock.js'

type FakeAdapter = ChannelAdapter & {
  sent: Array<{ target: ChannelTarget; replies: Reply[] }>
  handoffs: Array<{ target: ChannelTarget; info: HandoffInfo }>
  nextResult: SendResult | null
}

function fakeAdapter(): FakeAdapter {
  const a: FakeAdapter = {
    specificationVersion: 'v1',
    kind: 'chatwoot',
    sent: [],
    handoffs: [],
    nextResult: null,
    async send(target, replies) {
      a.sent.push({ target, replies })
      const r = a.nextResult
      a.nextResult = null
      return r ?? { ok: true, externalMessageIds: replies.map((_, i) => `out-${a.sent.length}-${i}`) }
    },
    async handOff(target, info) {
      a.handoffs.push({ target, info })
      return { ok: true, externalMessageIds: [] }
    },
  }
  return a
}

/** A stand-in NLU: "转人工" is a request for a person, everything else a question; locale by script. */
function nlu(text: string): NluResult {
  const zh = /[\u4e00-\u9fff]/.test(text)
  const intent = text.includes('转人工') ? 'human_agent' : 'order_status'
  return {
    intent,
    confidence: 0.9,
    candidates: [{ intent, confidence: 0.9 }],
    entities: [],
    emotion: { score: 0, label: 'neutral' },
    locale: zh ? 'zh' : 'en',
  } as NluResult
}

let failedOnce = false

/** A stand-in dialogue: hands off on human_agent, verifies "I am <id>", otherwise echoes what it read. */
const dialogue: DialogueManager = async (ctx) => {
  const state = { ...ctx.state }
  if (ctx.nlu.intent === 'human_agent') {
    return {
      replies: [{ text: '好的，正在为您转接人工客服。' }],
      state,
      action: 'handoff',
      reason: 'customer_request: asked for a person',
      handoff: true,
      conversationStatus: 'waiting_human',
    }
  }
  if (ctx.text === 'fail once' && !failedOnce) {
    failedOnce = true
    throw new Error('dialogue failed')
  }
  const verify = /^I am (\w+)$/.exec(ctx.text)
  if (verify) {
    return {
      replies: [{ text: 'verified' }],
      state,
      action: 'answer',
      reason: 'verified',
      handoff: false,
      customerId: verify[1]!,
    }
  }
  return {
    replies: [
      {
        text: `read:${ctx.text}|customer:${ctx.customer?.id ?? '-'}`,
        ...(ctx.text === 'menu' ? { buttons: [{ label: 'Track', payload: 'intent:order_status' }] } : {}),
      },
    ],
    state,
    action: 'answer',
    reason: 'scripted',
    handoff: false,
  }
}

describe('channel bridge', () => {
  let opened: OpenedStore
  let store: Store
  let bridge: ChannelBridge
  let adapter: FakeAdapter
  let shopId: string
  let seq = 0
  const problems: string[] = []

  beforeEach(async () => {
    opened = await openTestSqliteStore()
    store = opened.store
    const shop = makeShop()
    shopId = shop.id
    await store.shops.upsert(shop)
    await store.customers.upsertMany(shopId, [makeCustomer({ id: 'c1' }), makeCustomer({ id: 'c2' })])
    const clock = tickingNow()
    let n = 0
    const newId = (p: string) => `${p}_${++n}`
    const lock = createMemoryLock()
    const conversations = createConversationService({
      store,
      nluFor: async () => ({ analyze: nlu }),
      // The scripted dialogue never searches.
      knowledgeFor: async () => ({}) as KnowledgeBase,
      dialogue,
      pubsub: createMemoryPubSub(),
      lock,
      clock,
      newId,
    })
    bridge = createChannelBridge({
      store,
      conversations,
      state: store.channelState,
      lock,
      clock,
      newId,
      tickets: createTicketService({ store, now: clock, newId }),
      onProblem: (p) => problems.push(`${p.where}:${p.detail}`),
    })
    adapter = fakeAdapter()
    problems.length = 0
  })
  afterEach(async () => {
    await opened.cleanup()
  })

  const ev = (user: string, content: InboundContent, o: Partial<InboundEvent> = {}): InboundEvent => ({
    externalMessageId: `m${++seq}`,
    externalUserId: user,
    content,
    sentAt: '2026-06-10T08:00:00.000Z',
    ...o,
  })
  const text = (t: string): InboundContent => ({ type: 'text', text: t })
  const inbound = (e: InboundEvent) => bridge.handleInbound({ shopId, kind: 'chatwoot', adapter, event: e })

  it('answers a message through the adapter, once per platform message id, in the user’s conversation', async () => {
    const first = ev('u1', text('where is my parcel'), { externalThreadId: 't1' })
    const r1 = await inbound(first)
    expect(r1).toMatchObject({ status: 'answered', replies: [{ text: 'read:where is my parcel|customer:-' }] })
    expect(adapter.sent).toHaveLength(1)
    expect(adapter.sent[0]!.target).toMatchObject({ shopId, externalUserId: 'u1', externalThreadId: 't1' })
    // The platform retries the same delivery: answered once.
    expect(await inbound(first)).toEqual({ status: 'duplicate' })
    expect(await Promise.all([inbound(first), inbound(first)])).toEqual([
      { status: 'duplicate' },
      { status: 'duplicate' },
    ])
    expect(adapter.sent).toHaveLength(1)
    // The same user comes back to the same conversation; another thread is another conversation.
    const r2 = await inbound(ev('u1', text('and now?'), { externalThreadId: 't1' }))
    const r3 = await inbound(ev('u1', text('new thread'), { externalThreadId: 't2' }))
    const id1 = (r1 as { conversationId: string }).conversationId
    expect((r2 as { conversationId: string }).conversationId).toBe(id1)
    expect((r3 as { conversationId: string }).conversationId).not.toBe(id1)
    const conv = await store.conversations.get(shopId, id1)
    expect(conv).toMatchObject({ channel: 'chatwoot', externalUserId: 'u1', externalThreadId: 't1', status: 'bot' })
    expect((await store.messages.list(shopId, id1)).map((m) => m.role)).toEqual(['customer', 'bot', 'customer', 'bot'])
  })

  it('gives the claim back when handling fails before a reply went out, so the platform’s retry is answered', async () => {
    const e = ev('u7', text('fail once'))
    await expect(inbound(e)).rejects.toThrow('dialogue failed')
    expect(adapter.sent).toHaveLength(0)
    expect(await inbound(e)).toMatchObject({ status: 'answered', replies: [{ text: 'read:fail once|customer:-' }] })
    expect(await inbound(e)).toEqual({ status: 'duplicate' })
  })

  it('opens one conversation when a new user’s messages arrive together', async () => {
    const rs = await Promise.all([1, 2, 3].map((i) => inbound(ev('u-new', text(`msg ${i}`)))))
    const ids = new Set(rs.map((r) => (r as { conversationId: string }).conversationId))
    expect(ids.size).toBe(1)
    expect(adapter.sent).toHaveLength(3)
  })

  it('hands off on the platform with reason, intent and the customer’s words, then stays silent', async () => {
    await inbound(ev('u1', text('我的快递三天没动了')))
    const r = await inbound(ev('u1', text('转人工')))
    expect(r).toMatchObject({ status: 'answered', handoff: true })
    expect(adapter.sent.at(-1)!.replies[0]!.text).toContain('转接人工')
    expect(adapter.handoffs).toHaveLength(1)
    const info = adapter.handoffs[0]!.info
    expect(info.reason).toMatch(/^customer_request/)
    expect(info.intent).toBe('human_agent')
    expect(info.summary).toContain('我的快递三天没动了')
    expect(info.summary).toContain('转人工')
    const convId = (r as { conversationId: string }).conversationId
    expect((await store.conversations.get(shopId, convId))?.status).toBe('waiting_human')

    const sends = adapter.sent.length
    const after = await inbound(ev('u1', text('还在吗')))
    expect(after).toMatchObject({ status: 'recorded', conversationId: convId, conversationStatus: 'waiting_human' })
    expect(adapter.sent).toHaveLength(sends)
    const msgs = await store.messages.list(shopId, convId)
    expect(msgs.at(-1)).toMatchObject({ role: 'customer', text: '还在吗' })
    expect((await store.events.list(shopId, { type: 'channel.handed_off' })).length).toBe(1)
  })

  it('follows the platform: silent while a person owns the thread, answering again once it is given back', async () => {
    const r = await inbound(ev('u1', text('hello'), { externalThreadId: 't9' }))
    const convId = (r as { conversationId: string }).conversationId
    const took = await inbound(ev('u1', { type: 'event', event: 'handed_to_human' }, { externalThreadId: 't9' }))
    expect(took).toEqual({ status: 'recorded', conversationId: convId, conversationStatus: 'human' })
    expect(await inbound(ev('u1', text('anyone?'), { externalThreadId: 't9' }))).toMatchObject({ status: 'recorded' })
    expect(adapter.sent).toHaveLength(1)
    await inbound(ev('u1', { type: 'event', event: 'returned_to_bot' }, { externalThreadId: 't9' }))
    expect(await inbound(ev('u1', text('back?'), { externalThreadId: 't9' }))).toMatchObject({ status: 'answered' })
    expect(adapter.sent).toHaveLength(2)
    // A message the platform marks as human-owned is recorded without an answer, whatever kefu thought.
    expect(await inbound(ev('u1', text('x'), { externalThreadId: 't9', humanOwned: true }))).toMatchObject({
      status: 'recorded',
      conversationStatus: 'human',
    })
    expect(adapter.sent).toHaveLength(2)
    // Closed on the platform: the next message opens a new conversation.
    await inbound(ev('u1', { type: 'event', event: 'closed' }, { externalThreadId: 't9' }))
    expect((await store.conversations.get(shopId, convId))?.status).toBe('closed')
    const again = await inbound(ev('u1', text('new question'), { externalThreadId: 't9' }))
    expect((again as { conversationId: string }).conversationId).not.toBe(convId)
    // An event for a user kefu never talked to changes nothing.
    expect(await inbound(ev('nobody', { type: 'event', event: 'closed' }))).toMatchObject({ status: 'ignored' })
  })

  it('turns clicks into the button payload, reads voice transcripts, keeps pictures for the agent', async () => {
    const click = await inbound(ev('u2', { type: 'click', payload: 'intent:order_status', label: 'Track' }))
    expect(click).toMatchObject({ replies: [{ text: 'read:intent:order_status|customer:-' }] })
    const convId = (click as { conversationId: string }).conversationId
    expect((await store.messages.list(shopId, convId))[0]).toMatchObject({
      role: 'customer',
      text: 'Track',
      meta: { payload: 'intent:order_status' },
    })
    const voice = await inbound(ev('u2', { type: 'voice', mediaRef: 'v1', recognition: '我的订单到哪了' }))
    expect(voice).toMatchObject({ replies: [{ text: 'read:我的订单到哪了|customer:-' }] })

    const pic = await inbound(ev('u2', { type: 'image', mediaRef: 'https://cdn.example/p.jpg' }))
    expect(pic).toMatchObject({ status: 'answered' })
    expect(adapter.sent.at(-1)!.replies[0]!.text).toMatch(/图片/)
    const msgs = await store.messages.list(shopId, convId)
    const stored = msgs.find((m) => m.meta.attachment)
    expect(stored).toMatchObject({
      role: 'customer',
      text: '[图片]',
      meta: { attachment: { type: 'image', mediaRef: 'https://cdn.example/p.jpg', channel: 'chatwoot' } },
    })
    const mute = await inbound(ev('u3', { type: 'voice', mediaRef: 'v2' }, { locale: 'en' }))
    expect(mute).toMatchObject({ status: 'answered' })
    expect(adapter.sent.at(-1)!.replies[0]!.text).toMatch(/type your question/)
  })

  it('maps a typed number after a numbered menu to that button', async () => {
    const r = await inbound(ev('u6', text('menu')))
    expect(r).toMatchObject({ replies: [{ buttons: [{ label: 'Track', payload: 'intent:order_status' }] }] })
    expect(await inbound(ev('u6', text('1')))).toMatchObject({
      replies: [{ text: 'read:intent:order_status|customer:-' }],
    })
    // A number past the menu (or with no menu offered) is just text.
    expect(await inbound(ev('u6', text('7')))).toMatchObject({ replies: [{ text: 'read:7|customer:-' }] })
  })

  it('turns a reply the platform refuses (reply window closed) into a ticket', async () => {
    adapter.nextResult = { ok: false, kind: 'window_closed', detail: 'errcode 95018' }
    const r = await inbound(ev('u4', text('still there?')))
    expect(r).toMatchObject({ status: 'answered', delivery: { ok: false, kind: 'window_closed' } })
    const ticketId = (r as { ticketId?: string }).ticketId
    expect(ticketId).toBeTruthy()
    const t = await store.tickets.get(shopId, ticketId!)
    expect(t).toMatchObject({
      category: 'channel_undelivered',
      conversationId: (r as { conversationId: string }).conversationId,
      data: { channel: 'chatwoot', externalUserId: 'u4', undelivered: ['read:still there?|customer:-'] },
    })
    expect(problems.some((p) => p.includes('window_closed'))).toBe(true)
    // Other refusals are reported but open no ticket.
    adapter.nextResult = { ok: false, kind: 'unavailable', detail: '503' }
    const r2 = await inbound(ev('u4', text('hello?')))
    expect((r2 as { ticketId?: string }).ticketId).toBeUndefined()
  })

  it('links the mapped customer, and learns the customer a visitor verified as', async () => {
    await store.channelCustomers.set({
      shopId,
      channel: 'chatwoot',
      externalUserId: 'u-mapped',
      customerId: 'c1',
      source: 'merchant',
      updatedAt: '2026-06-10T08:00:00.000Z',
    })
    const r = await inbound(ev('u-mapped', text('orders')))
    expect(r).toMatchObject({ replies: [{ text: 'read:orders|customer:c1' }] })

    // A visitor verifies in the conversation: the next conversation of that user knows them.
    await inbound(ev('u-anon', text('I am c2'), { externalThreadId: 'a' }))
    expect(await store.channelCustomers.get(shopId, 'chatwoot', 'u-anon')).toMatchObject({
      customerId: 'c2',
      source: 'verified',
    })
    const next = await inbound(ev('u-anon', text('orders'), { externalThreadId: 'b' }))
    expect(next).toMatchObject({ replies: [{ text: 'read:orders|customer:c2' }] })
    // A link to a customer that does not exist is ignored, not an error.
    await store.channelCustomers.set({
      shopId,
      channel: 'chatwoot',
      externalUserId: 'u-ghost',
      customerId: 'missing',
      source: 'merchant',
      updatedAt: '2026-06-10T08:00:00.000Z',
    })
    expect(await inbound(ev('u-ghost', text('orders')))).toMatchObject({
      replies: [{ text: 'read:orders|customer:-' }],
    })
  })

  it('relays an agent’s console reply to the platform user', async () => {
    const r = await inbound(ev('u5', text('hi'), { externalThreadId: 't5' }))
    const convId = (r as { conversationId: string }).conversationId
    const out = await bridge.relayAgentMessage({
      shopId,
      conversationId: convId,
      kind: 'chatwoot',
      adapter,
      text: '您好，我是小王',
    })
    expect(out?.delivery.ok).toBe(true)
    expect(adapter.sent.at(-1)).toMatchObject({
      target: { externalUserId: 'u5', externalThreadId: 't5' },
      replies: [{ text: '您好，我是小王' }],
    })
    // A conversation of another channel is not relayed.
    expect(
      await bridge.relayAgentMessage({ shopId, conversationId: convId, kind: 'wecom-kf', adapter, text: 'x' }),
    ).toBeNull()
  })
})
