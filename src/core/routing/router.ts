/**
 * The router: what happens after the bot hands a conversation off. It picks the skill queue,
 * offers the conversation to the least busy online member with room (sticky to the customer's
 * last agent), tells the customer the estimated wait, and — outside business hours or with nobody
 * online — turns the customer's message into a ticket ("leave a message"). An offer the agent
 * does not accept (claim) within the offer time moves on to the next agent (`sweep`, driven by a
 * scheduler that reads the Clock port). Transfers go to a named agent or a queue.
 *
 * The routing record lives in `conversation.state.routing` (no schema change). Every change runs
 * under the conversation's lock (the key customer turns and the agent desk use) and re-reads the
 * conversation first, so several instances sweeping at once do not double-offer.
 */
import { conversationChannel } from '../conversation/conversation-service.js'
import { shopTierRanks, tierRank } from '../domain/normalise/customer-tier.js'
import type { Conversation, Message, Shop } from '../domain/records.js'
import type { Locale } from '../domain/schemas.js'
import type { StaffAccount } from '../domain/staff-records.js'
import { AppError } from '../errors.js'
import { agentOf } from '../handoff/agent-desk.js'
import { type DeskEvent, deskChannel } from '../handoff/desk-channel.js'
import type { LanguageModel } from '../ports/language-model.js'
import type { KeyedLock, PubSub } from '../ports/pub-sub.js'
import type { Store } from '../ports/store.js'
import { createTicketService, type TicketServiceDeps } from '../tickets/ticket-service.js'
import { describeHours, isWithinBusinessHours } from './business-hours.js'
import { type AgentLoad, chooseAgent, hasRoom, membersOf, SERVING_ROLES } from './choose-agent.js'
import { chooseQueue } from './choose-queue.js'
import { averageHandlingMinutes, estimateWaitMinutes } from './estimate-wait.js'
import type { HandoffSummary } from './handoff-summary.js'
import { extractiveSummary, summarizeHandoff } from './handoff-summary.js'
import { type Offer, type RoutingRecord, routingOfConversation } from './routing-record.js'
import { routingOf, timeZoneOf } from './routing-settings.js'
import { ROUTING_TEXT } from './routing-texts.js'

export type RouterDeps = {
  store: Store
  lock: KeyedLock
  pubsub: PubSub
  clock: () => Date
  newId: (prefix: string) => string
  /** Default seconds to accept an offer (a shop's `routing.offerSeconds` wins). */
  offerSeconds: number
  llmFor?: (shop: Shop) => LanguageModel | undefined
  tickets?: Pick<TicketServiceDeps, 'onEvent' | 'notify'>
  /**
   * Every notice the router gives the customer (queued with the estimated wait, outside business
   * hours or nobody online, transferring), after it is stored: the server relays it to the
   * conversation's messaging platform (channel bridge), the widget gets it from the stream.
   */
  onNotice?: (c: Conversation, m: Message) => Promise<void>
}

export type Router = ReturnType<typeof createRouter>

const PAGE = 500
const MAX_SCAN = 5000

export function createRouter(deps: RouterDeps) {
  const { store, lock, pubsub, clock, newId } = deps
  const lockKey = (shopId: string, id: string) => `conv:${shopId}:${id}`

  async function publish(channel: string, ev: unknown): Promise<void> {
    await pubsub.publish(channel, ev).catch(() => undefined)
  }

  async function withStatus(shopId: string, status: Conversation['status']): Promise<Conversation[]> {
    const out: Conversation[] = []
    while (out.length < MAX_SCAN) {
      const page = await store.conversations.list(shopId, { status, limit: PAGE, offset: out.length })
      out.push(...page)
      if (page.length < PAGE) break
    }
    return out
  }

  /** Conversations each agent holds (owned + offered, unexpired) and when they last got one. */
  async function loads(shopId: string, now: Date, except?: string): Promise<Map<string, AgentLoad>> {
    const m = new Map<string, AgentLoad>()
    const bump = (id: string, at: string) => {
      const l = m.get(id) ?? { active: 0, lastAssignedAt: null }
      l.active++
      if (!l.lastAssignedAt || at > l.lastAssignedAt) l.lastAssignedAt = at
      m.set(id, l)
    }
    for (const c of await withStatus(shopId, 'human')) {
      if (c.id === except) continue
      const a = agentOf(c)
      if (a) bump(a.id, a.claimedAt)
    }
    for (const c of await withStatus(shopId, 'waiting_human')) {
      const o = routingOfConversation(c)?.offer
      if (c.id !== except && o && Date.parse(o.expiresAt) > now.getTime()) bump(o.agentId, o.offeredAt)
    }
    return m
  }

  /** The agent who last served this customer (any of their recent conversations). */
  async function lastAgentOf(shopId: string, customerId: string | null): Promise<string | null> {
    if (!customerId) return null
    let best: { id: string; at: string } | null = null
    for (const c of await store.conversations.list(shopId, { customerId, limit: 10 })) {
      for (const e of await store.events.list(shopId, { type: 'handoff.claimed', conversationId: c.id, limit: 100 })) {
        const id = typeof e.data.agentId === 'string' ? e.data.agentId : null
        if (id && (!best || e.createdAt > best.at)) best = { id, at: e.createdAt }
      }
    }
    return best?.id ?? null
  }

  async function recentHandlingMinutes(shop: Shop, now: Date): Promise<number> {
    const since = new Date(now.getTime() - 7 * 86_400_000).toISOString()
    const claimed = await store.events.list(shop.id, { type: 'handoff.claimed', since, limit: 500 })
    const ends = [
      ...(await store.events.list(shop.id, { type: 'conversation.closed', since, limit: 500 })),
      ...(await store.events.list(shop.id, { type: 'handoff.released', since, limit: 500 })),
    ]
    const durations: number[] = []
    for (const c of claimed) {
      const end = ends
        .filter((e) => e.conversationId === c.conversationId && e.createdAt >= c.createdAt)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]
      if (end) durations.push(Date.parse(end.createdAt) - Date.parse(c.createdAt))
    }
    return averageHandlingMinutes(durations, routingOf(shop).defaultHandlingMinutes ?? 5)
  }

  async function localeOf(c: Conversation): Promise<Locale> {
    if (c.locale) return c.locale
    const customer = c.customerId ? await store.customers.get(c.shopId, c.customerId) : null
    return customer?.locale ?? 'zh'
  }

  async function systemMessage(c: Conversation, text: string, meta: Record<string, unknown>): Promise<Message> {
    const m = await store.messages.append({
      id: newId('msg'),
      shopId: c.shopId,
      conversationId: c.id,
      role: 'system',
      text,
      meta,
      createdAt: clock().toISOString(),
    })
    await publish(conversationChannel(c.shopId, c.id), { type: 'message', message: m })
    await deps.onNotice?.(c, m).catch(() => undefined)
    return m
  }

  async function event(c: Conversation, type: string, data: Record<string, unknown>): Promise<void> {
    await store.events.append({
      id: newId('evt'),
      shopId: c.shopId,
      type,
      conversationId: c.id,
      data,
      createdAt: clock().toISOString(),
    })
  }

  async function saveRouting(c: Conversation, routing: RoutingRecord): Promise<Conversation> {
    const state = { ...c.state, routing }
    await store.conversations.update(c.shopId, c.id, { state, updatedAt: c.updatedAt })
    return { ...c, state }
  }

  /** Offers `c` to the best agent (under the conversation's lock); returns the offer or null. */
  async function offerNext(
    shop: Shop,
    c: Conversation,
    routing: RoutingRecord,
    staff: StaffAccount[],
    now: Date,
  ): Promise<Offer | null> {
    const queues = routingOf(shop).queues ?? []
    const agent = chooseAgent({
      members: membersOf(routing.queue, queues, staff),
      load: await loads(shop.id, now),
      exclude: new Set(routing.tried),
      stickyId: await lastAgentOf(shop.id, c.customerId),
    })
    if (!agent) return null
    const seconds = routingOf(shop).offerSeconds ?? deps.offerSeconds
    const offer: Offer = {
      agentId: agent.id,
      agentName: agent.displayName,
      offeredAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + seconds * 1000).toISOString(),
    }
    await saveRouting(c, { ...routing, offer })
    await event(c, 'handoff.offered', { agentId: agent.id, agentName: agent.displayName, queue: routing.queue })
    const ev: DeskEvent = {
      type: 'queue',
      conversationId: c.id,
      status: c.status,
      change: 'offered',
      agentId: agent.id,
    }
    await publish(deskChannel(shop.id), ev)
    return offer
  }

  async function leaveMessage(shop: Shop, c: Conversation, routing: RoutingRecord, why: 'closed' | 'nobody_online') {
    const locale = await localeOf(c)
    const messages = await store.messages.list(shop.id, c.id, { limit: 200 })
    const lastWords = [...messages].reverse().find((m) => m.role === 'customer')?.text ?? ''
    const tickets = createTicketService({ store, now: clock, newId, ...(deps.tickets ?? {}) })
    const ticket = await tickets.create(shop, {
      conversationId: c.id,
      customerId: c.customerId,
      category: 'leave_message',
      priority: routing.queue === 'complaints' ? 'high' : 'normal',
      subject: (lastWords || (locale === 'zh' ? '顾客留言' : 'Customer message')).slice(0, 120),
      data: { why, routingQueue: routing.queue, ...(routing.summary ? { summary: routing.summary.text } : {}) },
    })
    await saveRouting(c, { ...routing, mode: 'ticket', ticketId: ticket.id })
    await event(c, 'handoff.left_message', { ticketId: ticket.id, why, queue: routing.queue })
    const hours = describeHours(routingOf(shop).businessHours, locale)
    const text =
      why === 'closed' ? ROUTING_TEXT.closed(locale, hours, ticket.id) : ROUTING_TEXT.nobodyOnline(locale, ticket.id)
    await systemMessage(c, text, { event: 'handoff.left_message', ticketId: ticket.id, why })
    const ev: DeskEvent = { type: 'queue', conversationId: c.id, status: c.status, change: 'left_message' }
    await publish(deskChannel(shop.id), ev)
  }

  async function requireShop(shopId: string): Promise<Shop> {
    const shop = await store.shops.get(shopId)
    if (!shop) throw new AppError('not_found', `shop '${shopId}' does not exist`)
    return shop
  }

  /** Queue facts of a conversation for chooseQueue. */
  async function factsOf(shop: Shop, c: Conversation, messages: Message[]) {
    const requested = await store.events.list(c.shopId, {
      type: 'handoff.requested',
      conversationId: c.id,
      limit: 1000,
    })
    const reasonRaw = requested[requested.length - 1]?.data.reason
    const reason = typeof reasonRaw === 'string' ? (reasonRaw.split(':')[0]?.trim() ?? null) : null
    const customerMsgs = messages.filter((m) => m.role === 'customer')
    const nlu = (m: Message) => (m.meta.nlu ?? {}) as { intent?: string; emotion?: { score?: number } }
    const active = typeof c.state.activeIntent === 'string' ? c.state.activeIntent : null
    const lastIntent = [...customerMsgs]
      .reverse()
      .map((m) => nlu(m).intent)
      .find((i) => i && i !== 'human_agent' && i !== 'greeting' && i !== 'out_of_scope')
    const customer = c.customerId ? await store.customers.get(c.shopId, c.customerId) : null
    return {
      reason,
      reasonText: typeof reasonRaw === 'string' ? reasonRaw : null,
      intent: active ?? lastIntent ?? null,
      peakEmotion: customerMsgs.reduce((mx, m) => Math.max(mx, nlu(m).emotion?.score ?? 0), 0),
      tierRank: tierRank(customer?.tier, shopTierRanks(shop.settings)),
    }
  }

  return {
    /** Routes a conversation that just entered `waiting_human`. Safe to call twice (the second is a no-op). */
    async onHandoff(shopId: string, conversationId: string): Promise<void> {
      const shop = await requireShop(shopId)
      const before = await store.conversations.get(shopId, conversationId)
      if (before?.status !== 'waiting_human' || routingOfConversation(before)) return
      const messages = await store.messages.list(shopId, conversationId, { limit: 500 })
      const facts = await factsOf(shop, before, messages)
      // Routing does not wait for a model: the extractive summary now, the model's one by `summarize`.
      const summary = extractiveSummary(messages, facts.reasonText, await localeOf(before))
      await lock.withLock(lockKey(shopId, conversationId), async () => {
        const c = await store.conversations.get(shopId, conversationId)
        if (c?.status !== 'waiting_human' || routingOfConversation(c)) return
        const now = clock()
        const settings = routingOf(shop)
        const routing: RoutingRecord = {
          queue: chooseQueue(facts, settings),
          requestedAt: now.toISOString(),
          offer: null,
          tried: [],
          mode: 'queue',
          summary,
        }
        const saved = await saveRouting(c, routing)
        await event(saved, 'handoff.routed', { queue: routing.queue, summarySource: summary.source })
        const staff = await store.staff.list(shopId)
        const serving = membersOf(routing.queue, settings.queues ?? [], staff).filter((a) => a.status === 'online')
        if (!isWithinBusinessHours(settings.businessHours, timeZoneOf(shop), now)) {
          await leaveMessage(shop, saved, routing, 'closed')
          return
        }
        if (serving.length === 0) {
          await leaveMessage(shop, saved, routing, 'nobody_online')
          return
        }
        await offerNext(shop, saved, routing, staff, now)
        const waiting = (await withStatus(shopId, 'waiting_human')).filter((w) => {
          const r = routingOfConversation(w)
          return (
            w.id !== c.id && r?.queue === routing.queue && r.mode === 'queue' && r.requestedAt <= routing.requestedAt
          )
        })
        const minutes = estimateWaitMinutes({
          ahead: waiting.length,
          servingAgents: serving.length,
          averageHandlingMinutes: await recentHandlingMinutes(shop, now),
        })
        await systemMessage(saved, ROUTING_TEXT.waiting(await localeOf(c), waiting.length, minutes), {
          event: 'handoff.waiting',
          ahead: waiting.length,
          estimatedWaitMinutes: minutes,
          queue: routing.queue,
        })
      })
    },

    /**
     * Replaces the extractive handoff summary with the language model's, when the shop has one
     * (called after `onHandoff`, without holding up the customer's turn). The model call runs
     * outside the conversation's lock; a failure keeps the extractive summary.
     */
    async summarize(shopId: string, conversationId: string): Promise<HandoffSummary | null> {
      const shop = await store.shops.get(shopId)
      const llm = shop ? deps.llmFor?.(shop) : undefined
      const c = await store.conversations.get(shopId, conversationId)
      const routed = c ? routingOfConversation(c) : null
      if (!shop || !llm || !c || !routed) return null
      const messages = await store.messages.list(shopId, conversationId, { limit: 500 })
      const facts = await factsOf(shop, c, messages)
      const summary = await summarizeHandoff({ messages, reason: facts.reasonText, locale: await localeOf(c), llm })
      if (summary.source !== 'llm') return routed.summary ?? null
      await lock.withLock(lockKey(shopId, conversationId), async () => {
        const now = await store.conversations.get(shopId, conversationId)
        const r = now ? routingOfConversation(now) : null
        if (!now || !r || r.requestedAt !== routed.requestedAt) return // re-routed meanwhile: stale
        await saveRouting(now, { ...r, summary })
      })
      return summary
    },

    /**
     * Moves expired offers on and offers waiting conversations to agents with room. Run by a
     * scheduler (every KEFU_ROUTING_SWEEP_MS) and after anything that frees an agent.
     */
    async sweep(shopId: string): Promise<{ expired: number; offered: number }> {
      const shop = await store.shops.get(shopId)
      if (!shop) return { expired: 0, offered: 0 }
      const settings = routingOf(shop)
      let expired = 0
      let offered = 0
      const waiting = (await withStatus(shopId, 'waiting_human'))
        .filter((c) => routingOfConversation(c))
        .sort(
          (a, b) =>
            routingOfConversation(a)!.requestedAt.localeCompare(routingOfConversation(b)!.requestedAt) ||
            a.createdAt.localeCompare(b.createdAt) ||
            a.id.localeCompare(b.id),
        )
      if (waiting.length === 0) return { expired, offered }
      const open = isWithinBusinessHours(settings.businessHours, timeZoneOf(shop), clock())
      for (const w of waiting) {
        await lock.withLock(lockKey(shopId, w.id), async () => {
          const c = await store.conversations.get(shopId, w.id)
          const r = c ? routingOfConversation(c) : null
          if (!c || !r || c.status !== 'waiting_human') return
          const now = clock()
          let routing = r
          let current = c
          if (routing.offer && Date.parse(routing.offer.expiresAt) <= now.getTime()) {
            const lapsed = routing.offer
            routing = { ...routing, offer: null, tried: [...routing.tried, lapsed.agentId] }
            current = await saveRouting(c, routing)
            await event(c, 'handoff.offer_expired', { agentId: lapsed.agentId, agentName: lapsed.agentName })
            expired++
          }
          if (routing.offer || !open) return
          const staff = await store.staff.list(shopId)
          if (await offerNext(shop, current, routing, staff, now)) offered++
          else if (routing.tried.length > 0) {
            // Everyone with room let it lapse: start a new round rather than leave the customer waiting.
            const again = { ...routing, tried: [] }
            current = await saveRouting(current, again)
            if (await offerNext(shop, current, again, staff, now)) offered++
          }
        })
      }
      return { expired, offered }
    },

    /**
     * Whether the account may take `conversationId` now: what it holds (owned, plus offers of other
     * conversations) is under its capacity. Presence is not required for a manual take.
     */
    async hasRoomFor(shopId: string, account: StaffAccount, conversationId: string): Promise<boolean> {
      const load = (await loads(shopId, clock(), conversationId)).get(account.id)
      return (load?.active ?? 0) < account.maxChats
    },

    /**
     * Hands the conversation to another agent or queue (human or waiting_human → waiting_human,
     * offered to the agent when one is named). Only its assignee, or an owner/admin, may.
     */
    async transfer(
      shopId: string,
      id: string,
      by: { id: string; name: string; manager: boolean },
      to: { agentId?: string; queue?: string },
    ): Promise<Conversation> {
      const shop = await requireShop(shopId)
      const target = to.agentId ? await store.staff.get(shopId, to.agentId) : null
      if (to.agentId && (!target || !SERVING_ROLES.has(target.role)))
        throw new AppError('not_found', 'no such agent in this shop')
      const queues = routingOf(shop).queues ?? []
      if (to.queue && queues.length > 0 && !queues.some((q) => q.id === to.queue))
        throw new AppError('invalid_input', `unknown queue '${to.queue}'`)
      const result = await lock.withLock(lockKey(shopId, id), async () => {
        const c = await store.conversations.get(shopId, id)
        if (!c) throw new AppError('not_found', 'conversation not found')
        const owner = agentOf(c)
        if (c.status !== 'human' && c.status !== 'waiting_human')
          throw new AppError('conflict', `conversation is ${c.status}`, { details: { reason: 'wrong_status' } })
        if (c.status === 'human' && owner?.id !== by.id && !by.manager)
          throw new AppError('conflict', `conversation is assigned to ${owner?.name}`, {
            details: { reason: 'not_assignee', assignee: owner },
          })
        const now = clock()
        if (target && !hasRoom(target, (await loads(shopId, now)).get(target.id)))
          throw new AppError('conflict', `${target.displayName} is not available (offline or at capacity)`, {
            details: { reason: 'agent_unavailable' },
          })
        const previous = routingOfConversation(c)
        const routing: RoutingRecord = {
          queue: to.queue ?? previous?.queue ?? 'general',
          requestedAt: now.toISOString(),
          offer: null,
          tried: owner ? [owner.id] : [],
          mode: 'queue',
          ...(previous?.summary ? { summary: previous.summary } : {}),
        }
        const { agent: _owner, ...rest } = c.state
        const state = { ...rest, routing }
        await store.conversations.update(shopId, id, { status: 'waiting_human', state, updatedAt: now.toISOString() })
        const moved: Conversation = { ...c, status: 'waiting_human', state, updatedAt: now.toISOString() }
        await event(moved, 'handoff.transferred', {
          agentId: by.id,
          agentName: by.name,
          ...(target ? { toAgentId: target.id } : {}),
          queue: routing.queue,
        })
        await systemMessage(moved, ROUTING_TEXT.transferred(await localeOf(c)), { event: 'handoff.transferred' })
        await publish(conversationChannel(shopId, id), { type: 'status', status: 'waiting_human' })
        const ev: DeskEvent = {
          type: 'queue',
          conversationId: id,
          status: 'waiting_human',
          change: 'transferred',
          agentId: by.id,
        }
        await publish(deskChannel(shopId), ev)
        if (target) await offerNext(shop, moved, { ...routing, tried: [] }, [target], now)
        else await offerNext(shop, moved, routing, await store.staff.list(shopId), now)
        return moved
      })
      return result
    },
  }
}
