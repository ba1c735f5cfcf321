/**
 * Writes conversations the way the running system does (conversation service, ticket service,
 * return skill, rating endpoint) through a real Store, at chosen times, and the shared scenario
 * the analytics tests assert on.
 */
import { rateConversation } from '../../src/core/analytics/rate-conversation.js'
import type { Shop } from '../../src/core/domain/records.js'
import type { Order } from '../../src/core/domain/schemas.js'
import type { Store } from '../../src/core/ports/store.js'
import { createTicketService } from '../../src/core/tickets/ticket-service.js'

export type Turn = {
  intent: string
  action: 'answer' | 'ask_slot' | 'confirm' | 'execute' | 'clarify' | 'handoff' | 'fallback'
  latencyMs: number
  reason?: string
  handoff?: boolean
}

const at = (iso: string, plusMs = 0) => new Date(Date.parse(iso) + plusMs).toISOString()

/** Record writers bound to one shop; ids are deterministic. */
export function writer(store: Store, shop: Shop) {
  let n = 0
  const id = (prefix: string) => `${prefix}_${String(++n).padStart(5, '0')}`
  const event = (type: string, conversationId: string | null, data: Record<string, unknown>, createdAt: string) =>
    store.events.append({ id: id('evt'), shopId: shop.id, type, conversationId, data, createdAt })

  return {
    newId: id,
    /** `conversationService.startConversation`: the conversation row and `conversation.started`. */
    async start(conversationId: string, time: string, opts: { customerId?: string | null; channel?: string } = {}) {
      const customerId = opts.customerId ?? null
      const channel = opts.channel ?? 'widget'
      await store.conversations.create({
        id: conversationId,
        shopId: shop.id,
        customerId,
        channel,
        status: 'bot',
        locale: 'zh',
        state: {},
        createdAt: time,
        updatedAt: time,
      })
      await event('conversation.started', conversationId, { channel, customerId }, time)
    },
    /** One bot-handled customer turn: customer message, bot reply, `turn.completed` (+ `handoff.requested`). */
    async turn(
      conversationId: string,
      time: string,
      t: Turn,
      extraEvents: Array<{ type: string; data: Record<string, unknown> }> = [],
    ) {
      const done = at(time, t.latencyMs)
      const handoff = t.handoff ?? t.action === 'handoff'
      await store.messages.append({
        id: id('msg'),
        shopId: shop.id,
        conversationId,
        role: 'customer',
        text: `(${t.intent})`,
        meta: { nlu: { intent: t.intent } },
        createdAt: time,
      })
      await store.messages.append({
        id: id('msg'),
        shopId: shop.id,
        conversationId,
        role: 'bot',
        text: '…',
        meta: { action: t.action, reason: t.reason ?? 'test' },
        createdAt: done,
      })
      await event(
        'turn.completed',
        conversationId,
        {
          intent: t.intent,
          confidence: 0.9,
          emotion: 0.1,
          action: t.action,
          reason: t.reason ?? 'test',
          handoff,
          latencyMs: t.latencyMs,
        },
        done,
      )
      if (handoff) {
        await store.conversations.update(shop.id, conversationId, { status: 'waiting_human', updatedAt: done })
        // Same timestamp as the turn event, as the conversation service writes them in one transaction.
        await event('handoff.requested', conversationId, { reason: t.reason ?? 'test' }, done)
      }
      for (const e of extraEvents) await event(e.type, conversationId, e.data, done)
    },
    /** A customer message while an agent owns the conversation: stored, no bot turn. */
    async customerToAgent(conversationId: string, time: string) {
      await store.messages.append({
        id: id('msg'),
        shopId: shop.id,
        conversationId,
        role: 'customer',
        text: 'hello?',
        meta: {},
        createdAt: time,
      })
    },
    async agentMessage(conversationId: string, time: string) {
      await store.conversations.update(shop.id, conversationId, { status: 'human', updatedAt: time })
      await store.messages.append({
        id: id('msg'),
        shopId: shop.id,
        conversationId,
        role: 'agent',
        text: '您好，我是客服小李',
        meta: {},
        createdAt: time,
      })
    },
    /** A ticket through the real ticket service (writes the ticket and `ticket.created`). */
    async ticket(conversationId: string | null, time: string, queue: string, priority: 'normal' | 'high' | 'urgent') {
      const tickets = createTicketService({ store, now: () => new Date(time), newId: id })
      return tickets.create(shop, {
        conversationId,
        customerId: null,
        category: 'fault',
        priority,
        queue,
        subject: 'test ticket',
        data: {},
      })
    },
    async identify(conversationId: string, customerId: string, time: string) {
      await store.conversations.update(shop.id, conversationId, { customerId, updatedAt: time })
    },
    async rate(conversationId: string, time: string, score: number) {
      return rateConversation(store, { shopId: shop.id, conversationId, score, now: new Date(time), newId: id })
    },
  }
}

export function makeOrder(orderNo: string, customerId: string, createdAt: string): Order {
  return {
    orderNo,
    customerId,
    status: 'paid',
    items: [{ sku: 'SKU-1', qty: 1, price: 99 }],
    total: 99,
    currency: 'CNY',
    createdAt,
  } as Order
}

/**
 * The scenario of docs/analytics.md's worked example. Window [2026-06-01, 2026-06-03) UTC.
 *
 * c0 started before the window (excluded even though active in it), c1–c7 in it, c9 after it.
 */
export async function writeScenario(store: Store, shop: Shop): Promise<void> {
  const w = writer(store, shop)
  await store.customers.upsertMany(
    shop.id,
    ['cust1', 'cust2', 'cust3', 'cust4'].map((cid) => ({ id: cid, name: cid, phone: '13800000000', tier: 'regular' })),
  )
  await store.orders.upsertMany(shop.id, [
    makeOrder('O-1', 'cust1', '2026-06-03T12:00:00.000Z'), // 2 days after c2 → converts c2
    makeOrder('O-2', 'cust2', '2026-06-01T06:00:00.000Z'), // before c4 started → does not count
    makeOrder('O-3', 'cust2', '2026-06-20T06:00:00.000Z'), // 18 days after c4 → too late
    makeOrder('O-4', 'cust3', '2026-06-05T06:00:00.000Z'), // 3 days after c5 → converts c5
  ])

  // c0: started the day before; its turn and rating fall in the window but it is not in the cohort.
  await w.start('c0', '2026-05-31T22:00:00.000Z')
  await w.turn('c0', '2026-06-01T00:10:00.000Z', { intent: 'greeting', action: 'answer', latencyMs: 999 })
  await w.rate('c0', '2026-06-01T00:20:00.000Z', 1)

  // c1: contained, ends on execute → resolved by the bot; rated 5.
  await w.start('c1', '2026-06-01T09:00:00.000Z')
  await w.turn('c1', '2026-06-01T09:00:10.000Z', { intent: 'greeting', action: 'answer', latencyMs: 40 })
  await w.turn('c1', '2026-06-01T09:01:00.000Z', { intent: 'order_status', action: 'ask_slot', latencyMs: 60 })
  await w.turn('c1', '2026-06-01T09:02:00.000Z', { intent: 'order_status', action: 'execute', latencyMs: 80 })
  await w.rate('c1', '2026-06-01T09:10:00.000Z', 5)

  // c2: signed-in customer asks for a human; an agent answers after ~5 minutes; rated 2.
  await w.start('c2', '2026-06-01T10:00:00.000Z', { customerId: 'cust1' })
  await w.turn('c2', '2026-06-01T10:00:00.000Z', {
    intent: 'human_agent',
    action: 'handoff',
    reason: 'customer_request',
    latencyMs: 30,
  })
  await w.agentMessage('c2', '2026-06-01T10:05:00.000Z')
  await w.customerToAgent('c2', '2026-06-01T10:06:00.000Z')
  await w.rate('c2', '2026-06-01T10:20:00.000Z', 2)

  // c3: app channel, two fallbacks, never resolved; rated 3, then re-rated 4 (only 4 counts).
  await w.start('c3', '2026-06-01T23:30:00.000Z', { channel: 'app' })
  await w.turn('c3', '2026-06-01T23:30:05.000Z', { intent: 'faq', action: 'fallback', latencyMs: 100 })
  await w.turn('c3', '2026-06-01T23:31:00.000Z', { intent: 'faq', action: 'fallback', latencyMs: 120 })
  await w.rate('c3', '2026-06-01T23:40:00.000Z', 3)
  await w.rate('c3', '2026-06-01T23:45:00.000Z', 4)

  // c4: fault diagnosis ends in a repair ticket (execute): resolved by the bot and by a ticket.
  await w.start('c4', '2026-06-02T08:00:00.000Z', { customerId: 'cust2' })
  await w.turn('c4', '2026-06-02T08:00:10.000Z', { intent: 'fault_report', action: 'ask_slot', latencyMs: 50 })
  await w.turn('c4', '2026-06-02T08:01:00.000Z', { intent: 'fault_report', action: 'execute', latencyMs: 70 })
  await w.ticket('c4', '2026-06-02T08:01:00.070Z', 'repair', 'high')

  // c5: anonymous, verifies as cust3 during the chat, files a return.
  await w.start('c5', '2026-06-02T12:00:00.000Z')
  await w.turn('c5', '2026-06-02T12:00:10.000Z', { intent: 'return_refund', action: 'execute', latencyMs: 90 }, [
    { type: 'return.requested', data: { returnId: 'RR1', orderNo: 'O-4', kind: 'return', reason: 'size' } },
  ])
  await w.identify('c5', 'cust3', '2026-06-02T12:00:10.090Z')

  // c6: widget opened, nothing said.
  await w.start('c6', '2026-06-02T20:00:00.000Z')

  // c7: angry customer handed off late in the day; an agent opens a complaint ticket after the
  // window ends (inside the horizon) and replies only after the horizon.
  await w.start('c7', '2026-06-02T23:50:00.000Z', { customerId: 'cust4' })
  await w.turn('c7', '2026-06-02T23:50:00.000Z', {
    intent: 'complaint',
    action: 'handoff',
    reason: 'emotion',
    latencyMs: 20,
  })
  await w.ticket('c7', '2026-06-03T00:30:00.000Z', 'complaints', 'urgent')
  await w.agentMessage('c7', '2026-06-04T01:00:00.000Z')

  // Admin ticket without a conversation, inside the window.
  await w.ticket(null, '2026-06-02T15:00:00.000Z', 'general', 'normal')

  // c9: after the window.
  await w.start('c9', '2026-06-03T00:10:00.000Z')
  await w.turn('c9', '2026-06-03T00:10:05.000Z', { intent: 'greeting', action: 'answer', latencyMs: 10 })
}
