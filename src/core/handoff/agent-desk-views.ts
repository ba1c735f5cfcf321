/** What the agent console reads: the queue, the agent's own conversations and one conversation's whole context. */
import { shopTierRanks, tierRank } from '../domain/normalise/customer-tier.js'
import type {
  Conversation,
  ConversationStatus,
  DomainEvent,
  Message,
  ReturnRequest,
  Ticket,
} from '../domain/records.js'
import type { Locale } from '../domain/schemas.js'
import { extractiveSummary } from '../routing/handoff-summary.js'
import { routingOfConversation } from '../routing/routing-record.js'
import type {
  ActiveItem,
  AgentDeskDeps,
  ConversationContext,
  CustomerSummary,
  QueueItem,
  Suggestion,
  TimelineEntry,
} from './agent-desk-types.js'
import { customerTags, OPEN_TICKET_STATUSES } from './customer-tags.js'
import {
  agentOf,
  emotionOf,
  isRecord,
  latestHandoff,
  nluOf,
  preview,
  requireConversation,
  splitReason,
  str,
  toNote,
} from './desk-records.js'

/** Queue and "mine" lists are bounded: a desk showing more than this is overloaded anyway. */
const LIST_LIMIT = 200
/** Conversations of one status scanned to build a list (the oldest waiters must not fall off). */
const MAX_SCAN = 5000
/** History shown to an agent; older messages are reported as truncated. */
const MAX_HISTORY = 2000
const PAGE = 500
/** Messages a list item looks at (last message, last customer message, peak emotion): the newest ones. */
const RECENT = 100
/**
 * Suggested replies below this retrieval score are noise to an agent (calibrated scores: the bot itself
 * answers only well above this).
 */
export const MIN_SUGGESTION_SCORE = 0.35

/** Intents whose message is about the handoff itself, not a question worth suggesting answers for. */
const NOT_A_QUESTION = new Set(['human_agent', 'greeting', 'complaint'])

export const DESK_EVENT_TYPES = new Set([
  'handoff.requested',
  'handoff.claimed',
  'handoff.released',
  'conversation.closed',
])

/** The read side of the desk (no locks: it only reads). */
export function createDeskViews(deps: Pick<AgentDeskDeps, 'store' | 'clock' | 'knowledgeFor'>) {
  const { store, clock } = deps

  async function customerSummary(shopId: string, customerId: string | null): Promise<CustomerSummary | null> {
    if (!customerId) return null
    const c = await store.customers.get(shopId, customerId)
    if (!c) return null
    const shop = await store.shops.get(shopId)
    return { id: c.id, name: c.name, tier: c.tier, tierRank: tierRank(c.tier, shopTierRanks(shop?.settings ?? {})) }
  }

  /** The newest messages of a conversation, oldest first: what a queue or list item shows. */
  const recentMessages = (shopId: string, id: string) =>
    store.messages.list(shopId, id, { latest: true, limit: RECENT })

  /** The conversation's messages, oldest first; only the newest `max` when there are more. */
  async function allMessages(
    shopId: string,
    id: string,
    max = MAX_HISTORY,
  ): Promise<{ list: Message[]; truncated: boolean }> {
    let out: Message[] = []
    let after = 0
    let truncated = false
    for (;;) {
      const page = await store.messages.list(shopId, id, { afterSeq: after, limit: PAGE })
      out.push(...page)
      if (out.length > max) {
        out = out.slice(-max)
        truncated = true
      }
      if (page.length < PAGE) break
      after = page[page.length - 1]!.seq
    }
    return { list: out, truncated }
  }

  return {
    /** Conversations waiting for a human, oldest handoff first. */
    async queue(shopId: string): Promise<QueueItem[]> {
      const now = clock().getTime()
      // The store lists by last update; the queue is by handoff time, oldest first: order, then cut.
      const waiting: Array<{ c: Conversation; handoff: DomainEvent | null; waitingSince: string }> = []
      for (const c of await allWithStatus(shopId, 'waiting_human')) {
        const handoff = await latestHandoff(store, shopId, c.id)
        waiting.push({ c, handoff, waitingSince: handoff?.createdAt ?? c.updatedAt })
      }
      waiting.sort((a, b) => a.waitingSince.localeCompare(b.waitingSince) || a.c.id.localeCompare(b.c.id))
      const items: QueueItem[] = []
      for (const { c, handoff, waitingSince } of waiting.slice(0, LIST_LIMIT)) {
        const list = await recentMessages(shopId, c.id)
        const customerMsgs = list.filter((m) => m.role === 'customer')
        const last = customerMsgs[customerMsgs.length - 1]
        const reason = splitReason(handoff ? str(handoff.data.reason) : null)
        items.push({
          conversationId: c.id,
          channel: c.channel,
          locale: c.locale,
          customer: await customerSummary(shopId, c.customerId),
          waitingSince,
          waitMs: Math.max(0, now - Date.parse(waitingSince)),
          reason: reason.code,
          reasonDetail: reason.detail,
          lastCustomerMessage: last ? preview(last) : null,
          emotion: last ? emotionOf(last) : null,
          peakEmotion: customerMsgs.reduce((max, m) => Math.max(max, emotionOf(m)?.score ?? 0), 0),
          intent: last ? (nluOf(last)?.intent ?? null) : null,
          // seq counts a conversation's messages from 1, so the newest seq is the count.
          messageCount: list[list.length - 1]?.seq ?? 0,
          routingQueue: routingOfConversation(c)?.queue ?? null,
          offer: routingOfConversation(c)?.offer ?? null,
          ticketId: routingOfConversation(c)?.ticketId ?? null,
        })
      }
      return items
    },

    /** The agent's own conversations (status `human`, assigned to them), most recently active first. */
    async mine(shopId: string, agentId: string): Promise<ActiveItem[]> {
      const convs = await allWithStatus(shopId, 'human')
      const items: ActiveItem[] = []
      for (const c of convs) {
        const agent = agentOf(c)
        if (!agent || agent.id !== agentId) continue
        if (items.length >= LIST_LIMIT) break
        const list = await recentMessages(shopId, c.id)
        const lastMsg = list[list.length - 1]
        const lastCustomer = [...list].reverse().find((m) => m.role === 'customer')
        items.push({
          conversationId: c.id,
          status: c.status,
          channel: c.channel,
          locale: c.locale,
          customer: await customerSummary(shopId, c.customerId),
          agent,
          lastMessage: lastMsg ? preview(lastMsg) : null,
          lastCustomerMessage: lastCustomer ? preview(lastCustomer) : null,
          emotion: lastCustomer ? emotionOf(lastCustomer) : null,
          awaitingAgent: lastMsg?.role === 'customer',
          updatedAt: c.updatedAt,
        })
      }
      return items
    },

    /** The whole context of one conversation for the agent console. */
    async context(shopId: string, id: string): Promise<ConversationContext> {
      const c = await requireConversation(store, shopId, id)
      const { list: messages, truncated } = await allMessages(shopId, id)
      const events = (await store.events.list(shopId, { conversationId: id, limit: 5000 })).filter(
        (e) => DESK_EVENT_TYPES.has(e.type) || e.type === 'agent.note',
      )
      const notes = events.filter((e) => e.type === 'agent.note').map(toNote)
      const timeline: TimelineEntry[] = events
        .filter((e) => DESK_EVENT_TYPES.has(e.type))
        .map((e) => {
          const t: TimelineEntry = { type: e.type, at: e.createdAt }
          const agentId = str(e.data.agentId)
          const agentName = str(e.data.agentName)
          const reason = str(e.data.reason)
          if (agentId) t.agentId = agentId
          if (agentName) t.agentName = agentName
          if (reason) t.reason = reason
          return t
        })
      const lastRequest = [...events].reverse().find((e) => e.type === 'handoff.requested')
      const customer = c.customerId ? await store.customers.get(shopId, c.customerId) : null
      const orders = customer ? await store.orders.listByCustomer(shopId, customer.id) : []
      const tickets = await ticketsFor(shopId, c)
      const returns: ReturnRequest[] = []
      for (const o of orders) returns.push(...(await store.returns.listByOrder(shopId, o.orderNo)))
      returns.sort((a, b) => b.createdAt.localeCompare(a.createdAt))

      const question = [...messages]
        .reverse()
        .find((m) => m.role === 'customer' && !NOT_A_QUESTION.has(nluOf(m)?.intent ?? ''))
      const lastCustomer = [...messages].reverse().find((m) => m.role === 'customer')
      const basis = question ?? lastCustomer
      const locale = c.locale ?? customer?.locale ?? undefined
      const suggestions = basis ? await suggest(shopId, basis.text, locale) : []
      const state = c.state as Record<string, unknown>
      const reason = splitReason(lastRequest ? str(lastRequest.data.reason) : null)
      const routed = routingOfConversation(c)
      return {
        conversation: {
          id: c.id,
          shopId: c.shopId,
          status: c.status,
          channel: c.channel,
          locale: c.locale,
          customerId: c.customerId,
          createdAt: c.createdAt,
          updatedAt: c.updatedAt,
          agent: c.status === 'human' ? agentOf(c) : null,
        },
        messages,
        truncated,
        notes,
        dialogue: {
          activeIntent: str(state.activeIntent),
          slots: isRecord(state.slots) ? state.slots : {},
          awaiting: str(state.awaiting),
          topics: Array.isArray(state.topics) ? state.topics.filter((t): t is string => typeof t === 'string') : [],
          failedTurns: typeof state.failedTurns === 'number' ? state.failedTurns : 0,
        },
        handoff: lastRequest
          ? { reason: reason.code, reasonDetail: reason.detail, requestedAt: lastRequest.createdAt }
          : null,
        timeline,
        customer,
        orders,
        tickets,
        returns,
        suggestions,
        suggestionsFor: basis?.text ?? null,
        customerTags: customerTags(customer, orders, tickets, returns, locale ?? 'zh'),
        openTickets: tickets.filter((t) => OPEN_TICKET_STATUSES.has(t.status)),
        handoffSummary:
          routed?.summary ??
          (lastRequest ? extractiveSummary(messages, str(lastRequest.data.reason), locale ?? 'zh') : null),
        routing: routed
          ? { queue: routed.queue, offer: routed.offer, mode: routed.mode, ticketId: routed.ticketId ?? null }
          : null,
      }
    },
  }

  /** Every conversation with a status (paged), up to MAX_SCAN: the store orders them by last update only. */
  async function allWithStatus(shopId: string, status: ConversationStatus): Promise<Conversation[]> {
    const out: Conversation[] = []
    while (out.length < MAX_SCAN) {
      const page = await store.conversations.list(shopId, { status, limit: PAGE, offset: out.length })
      out.push(...page)
      if (page.length < PAGE) break
    }
    return out
  }

  async function ticketsFor(shopId: string, c: Conversation): Promise<Ticket[]> {
    const byId = new Map<string, Ticket>()
    for (const t of await store.tickets.list(shopId, { conversationId: c.id, limit: 100 })) byId.set(t.id, t)
    if (c.customerId) {
      for (const t of await store.tickets.list(shopId, { customerId: c.customerId, limit: 100 })) byId.set(t.id, t)
    }
    return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  async function suggest(shopId: string, text: string, locale: Locale | undefined): Promise<Suggestion[]> {
    try {
      const kb = await deps.knowledgeFor(shopId)
      const hits = await kb.search(text, { ...(locale ? { locale } : {}), limit: 3 })
      return hits
        .filter((h) => h.score >= MIN_SUGGESTION_SCORE)
        .map((h) => ({ kind: h.kind, id: h.id, title: h.title, answer: h.answer, score: h.score }))
    } catch {
      // Suggestions are a help, not the conversation: a knowledge failure must not hide the context.
      return []
    }
  }
}
