/**
 * The agent desk: what a human agent does once the bot has handed a conversation off.
 *
 *   bot ──handoff──▶ waiting_human ──claim──▶ human ──release──▶ bot
 *                          │                    │
 *                          └──────close─────────┴──────────────▶ closed
 *
 * The assignee lives in the conversation's state (`state.agent = {id, name, claimedAt}`), so it
 * travels with the conversation through both store adapters without a schema change. Every
 * transition runs under the conversation's lock (the same key the customer's turns use) and in one
 * store transaction that re-reads the conversation first: two agents claiming at once serialise,
 * the second sees `human` and gets `conflict`.
 */
import type { ConversationService, StreamEvent } from '../conversation/conversation-service.js'
import { conversationChannel, MAX_MESSAGE_CHARS } from '../conversation/conversation-service.js'
import { shopTierRanks, tierRank } from '../domain/normalise/customer-tier.js'
import type {
  Conversation,
  ConversationStatus,
  DomainEvent,
  Message,
  ReturnRequest,
  Ticket,
} from '../domain/records.js'
import type { Customer, Locale, Order } from '../domain/schemas.js'
import { AppError } from '../errors.js'
import type { KnowledgeBase, KnowledgeKind } from '../knowledge/types.js'
import type { Emotion } from '../nlu/types.js'
import type { KeyedLock, PubSub } from '../ports/pub-sub.js'
import type { Store } from '../ports/store.js'
import { extractiveSummary, type HandoffSummary } from '../routing/handoff-summary.js'
import { type Offer, routingOfConversation } from '../routing/routing-record.js'
import { customerTags, OPEN_TICKET_STATUSES } from './customer-tags.js'
import { type AgentNote, type DeskEvent, deskChannel } from './desk-channel.js'

/** Who is acting. Per-agent accounts are future work: the shop API key vouches for the id. */
export type AgentIdentity = { id: string; name: string }

/** Stored in `conversation.state.agent` while a human owns the conversation. */
export type AgentAssignment = { id: string; name: string; claimedAt: string }

export const MAX_NOTE_CHARS = 2000
/** Queue and "mine" lists are bounded: a desk showing more than this is overloaded anyway. */
const LIST_LIMIT = 200
/** Conversations of one status scanned to build a list (the oldest waiters must not fall off). */
const MAX_SCAN = 5000
/** History shown to an agent; older messages are reported as truncated. */
const MAX_HISTORY = 2000
const PAGE = 500
/**
 * Suggested replies below this retrieval score are noise to an agent (calibrated scores: the bot itself
 * answers only well above this).
 */
export const MIN_SUGGESTION_SCORE = 0.35

/** `tier` is the shop's own name; `tierRank` what rules compare (settings.customers.tierRanks, else built-in). */
export type CustomerSummary = { id: string; name: string; tier: Customer['tier']; tierRank: number }

export type MessagePreview = { seq: number; role: Message['role']; text: string; createdAt: string }

export type QueueItem = {
  conversationId: string
  channel: string
  locale: Locale | null
  customer: CustomerSummary | null
  /** When the bot handed off (the latest `handoff.requested`), else the last update. */
  waitingSince: string
  waitMs: number
  /** The handoff reason code (`customer_requested_human`, `emotion_above_threshold`, `repeated_failure`…). */
  reason: string | null
  /** The policy's explanation after the code, e.g. `emotion 0.82 >= 0.7`. */
  reasonDetail: string | null
  lastCustomerMessage: MessagePreview | null
  /** The NLU emotion of the last customer message. */
  emotion: Emotion | null
  /** Highest emotion score over the customer's messages. */
  peakEmotion: number
  /** The last customer message's intent. */
  intent: string | null
  messageCount: number
  /** The skill queue the router chose, and the agent it is offered to (until they accept or it times out). */
  routingQueue: string | null
  offer: Offer | null
  /** Set when the customer was asked to leave a message (nobody available): the ticket it became. */
  ticketId: string | null
}

export type ActiveItem = {
  conversationId: string
  status: ConversationStatus
  channel: string
  locale: Locale | null
  customer: CustomerSummary | null
  agent: AgentAssignment
  lastMessage: MessagePreview | null
  lastCustomerMessage: MessagePreview | null
  emotion: Emotion | null
  /** The customer spoke last: they are waiting for the agent. */
  awaitingAgent: boolean
  updatedAt: string
}

export type Suggestion = { kind: KnowledgeKind; id: string; title: string; answer: string; score: number }

export type TimelineEntry = {
  type: string
  at: string
  agentId?: string
  agentName?: string
  reason?: string
}

/** Everything an agent needs to take over without asking the customer to repeat themselves. */
export type ConversationContext = {
  conversation: {
    id: string
    shopId: string
    status: ConversationStatus
    channel: string
    locale: Locale | null
    customerId: string | null
    createdAt: string
    updatedAt: string
    agent: AgentAssignment | null
  }
  /** Oldest first. Customer messages carry their NLU in `meta.nlu` (intent, confidence, emotion, entities). */
  messages: Message[]
  /** True when only the newest MAX_HISTORY messages are included. */
  truncated: boolean
  notes: AgentNote[]
  dialogue: {
    activeIntent: string | null
    slots: Record<string, unknown>
    awaiting: string | null
    topics: string[]
    failedTurns: number
  }
  handoff: { reason: string | null; reasonDetail: string | null; requestedAt: string } | null
  /** Desk events of this conversation, oldest first. */
  timeline: TimelineEntry[]
  customer: Customer | null
  orders: Order[]
  tickets: Ticket[]
  returns: ReturnRequest[]
  /** The knowledge base's top answers for the customer's latest question. */
  suggestions: Suggestion[]
  /** The text the suggestions answer (the latest customer message that is a question, not "a human please"). */
  suggestionsFor: string | null
  /** Profile tags (tier, interests, spend, returns, open tickets) in the customer's language. */
  customerTags: string[]
  /** The customer's tickets that are not resolved or closed. */
  openTickets: Ticket[]
  /** Written at handoff (by the LLM when configured, else extractive); extractive on the fly for older handoffs. */
  handoffSummary: HandoffSummary | null
  routing: { queue: string; offer: Offer | null; mode: 'queue' | 'ticket'; ticketId: string | null } | null
}

export type TransitionResult = { conversation: Conversation; messages: Message[] }

export type AgentDeskDeps = {
  store: Store
  conversations: Pick<ConversationService, 'postMessage'>
  knowledgeFor(shopId: string): Promise<KnowledgeBase>
  pubsub: PubSub
  lock: KeyedLock
  clock: () => Date
  newId: (prefix: string) => string
}

export type AgentDesk = ReturnType<typeof createAgentDesk>

/** Intents whose message is about the handoff itself, not a question worth suggesting answers for. */
const NOT_A_QUESTION = new Set(['human_agent', 'greeting', 'complaint'])

const DESK_EVENT_TYPES = new Set(['handoff.requested', 'handoff.claimed', 'handoff.released', 'conversation.closed'])

/** What the customer is told at each transition, in their language. */
const TEXT = {
  claimed: (l: Locale, name: string) =>
    l === 'zh' ? `人工客服 ${name} 已接入，将为您继续服务。` : `${name} from our support team has joined the chat.`,
  released: (l: Locale) => (l === 'zh' ? '已转回智能客服' : "You're back with our assistant"),
  closed: (l: Locale) =>
    l === 'zh'
      ? '本次会话已结束，感谢您的耐心。如还有问题，欢迎随时再联系我们。'
      : 'This conversation has been closed. Thank you for your patience; contact us any time if you need more help.',
}

/**
 * Creates the agent desk over the store, the conversation service (for agent replies, pushed to the
 * customer) and pub/sub (desk events for every console of the shop).
 *
 * @example
 * const desk = createAgentDesk({ store, conversations, knowledgeFor, pubsub, lock, clock, newId })
 * await desk.claim('demo', conversationId, { id: 'alice', name: 'Alice' })
 * await desk.reply('demo', conversationId, { id: 'alice', name: 'Alice' }, 'Hi, I am looking into it.')
 */
export function createAgentDesk(deps: AgentDeskDeps) {
  const { store, pubsub, lock, clock, newId } = deps

  const lockKey = (shopId: string, id: string) => `conv:${shopId}:${id}`

  async function publish(channel: string, ev: StreamEvent | DeskEvent): Promise<void> {
    try {
      await pubsub.publish(channel, ev)
    } catch {
      // Live push is best effort: state is stored, consoles and the widget catch up by polling / history.
    }
  }

  async function requireConversation(s: Store, shopId: string, id: string): Promise<Conversation> {
    const c = await s.conversations.get(shopId, id)
    if (!c) throw new AppError('not_found', 'conversation not found')
    return c
  }

  async function customerSummary(shopId: string, customerId: string | null): Promise<CustomerSummary | null> {
    if (!customerId) return null
    const c = await store.customers.get(shopId, customerId)
    if (!c) return null
    const shop = await store.shops.get(shopId)
    return { id: c.id, name: c.name, tier: c.tier, tierRank: tierRank(c.tier, shopTierRanks(shop?.settings ?? {})) }
  }

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

  async function latestHandoff(s: Store, shopId: string, id: string): Promise<DomainEvent | null> {
    const evs = await s.events.list(shopId, { type: 'handoff.requested', conversationId: id, limit: 1000 })
    return evs[evs.length - 1] ?? null
  }

  /** Assignee check shared by reply and release. */
  function requireAssignee(c: Conversation, agent: AgentIdentity): AgentAssignment {
    const current = agentOf(c)
    if (c.status !== 'human' || !current) {
      throw new AppError('conflict', `conversation is ${c.status}, not with an agent: claim it first`, {
        details: { reason: 'wrong_status', status: c.status },
      })
    }
    if (current.id !== agent.id) {
      throw new AppError('conflict', `conversation is assigned to ${current.name}`, {
        details: { reason: 'not_assignee', status: c.status, assignee: current },
      })
    }
    return current
  }

  async function systemMessage(
    tx: Store,
    c: Conversation,
    text: string,
    meta: Record<string, unknown>,
    at: string,
  ): Promise<Message> {
    return tx.messages.append({
      id: newId('msg'),
      shopId: c.shopId,
      conversationId: c.id,
      role: 'system',
      text,
      meta,
      createdAt: at,
    })
  }

  async function event(tx: Store, c: Conversation, type: string, data: Record<string, unknown>, at: string) {
    const e: DomainEvent = { id: newId('evt'), shopId: c.shopId, type, conversationId: c.id, data, createdAt: at }
    await tx.events.append(e)
    return e
  }

  /** Pushes a committed transition: messages and status to the customer's stream, a desk event to consoles. */
  async function announce(r: TransitionResult, change: 'claimed' | 'released' | 'closed', agentId: string) {
    const c = r.conversation
    for (const m of r.messages) await publish(conversationChannel(c.shopId, c.id), { type: 'message', message: m })
    await publish(conversationChannel(c.shopId, c.id), { type: 'status', status: c.status })
    await publish(deskChannel(c.shopId), { type: 'queue', conversationId: c.id, status: c.status, change, agentId })
  }

  async function localeOf(tx: Store, c: Conversation): Promise<Locale> {
    if (c.locale) return c.locale
    const customer = c.customerId ? await tx.customers.get(c.shopId, c.customerId) : null
    return customer?.locale ?? 'zh'
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
        const { list } = await allMessages(shopId, c.id)
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
          messageCount: list.length,
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
        const { list } = await allMessages(shopId, c.id)
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

    /**
     * Takes a waiting conversation (waiting_human → human). Exactly one of several concurrent claims
     * wins; the others get `conflict` with `details.assignee`. Claiming one's own conversation again
     * is a no-op that succeeds (a retried request must not fail).
     */
    async claim(shopId: string, id: string, agent: AgentIdentity): Promise<TransitionResult> {
      const r = await lock.withLock(lockKey(shopId, id), () =>
        store.transaction(async (tx) => {
          const c = await requireConversation(tx, shopId, id)
          const current = agentOf(c)
          if (c.status === 'human' && current?.id === agent.id) return { conversation: c, messages: [], changed: false }
          if (c.status === 'human' && current) {
            throw new AppError('conflict', `${current.name} already took this conversation`, {
              details: { reason: 'already_claimed', status: c.status, assignee: current },
            })
          }
          if (c.status !== 'waiting_human') {
            throw new AppError('conflict', `conversation is ${c.status}, not waiting for an agent`, {
              details: { reason: 'wrong_status', status: c.status },
            })
          }
          const now = clock()
          const at = now.toISOString()
          const assignment: AgentAssignment = { id: agent.id, name: agent.name, claimedAt: at }
          const state = { ...c.state, agent: assignment }
          await tx.conversations.update(shopId, id, { status: 'human', state, updatedAt: at })
          const requested = await latestHandoff(tx, shopId, id)
          await event(
            tx,
            c,
            'handoff.claimed',
            {
              agentId: agent.id,
              agentName: agent.name,
              ...(requested ? { waitMs: Math.max(0, now.getTime() - Date.parse(requested.createdAt)) } : {}),
            },
            at,
          )
          const msg = await systemMessage(
            tx,
            c,
            TEXT.claimed(await localeOf(tx, c), agent.name),
            { event: 'handoff.claimed', agent: { id: agent.id, name: agent.name } },
            at,
          )
          const updated: Conversation = { ...c, status: 'human', state, updatedAt: at }
          return { conversation: updated, messages: [msg], changed: true }
        }),
      )
      if (r.changed) await announce(r, 'claimed', agent.id)
      return { conversation: r.conversation, messages: r.messages }
    },

    /** A reply from the assigned agent, stored and pushed to the customer. */
    async reply(shopId: string, id: string, agent: AgentIdentity, text: string): Promise<Message> {
      const body = text.trim()
      if (!body) throw new AppError('invalid_input', 'text must not be empty')
      if (body.length > MAX_MESSAGE_CHARS)
        throw new AppError('invalid_input', `text is longer than ${MAX_MESSAGE_CHARS} characters`)
      // Under the conversation lock: a release or close cannot slip in between the check and the write.
      return lock.withLock(lockKey(shopId, id), async () => {
        const c = await requireConversation(store, shopId, id)
        requireAssignee(c, agent)
        const m = await deps.conversations.postMessage({
          shopId,
          conversationId: id,
          role: 'agent',
          text: body,
          meta: { agent: { id: agent.id, name: agent.name } },
        })
        await store.conversations.update(shopId, id, { updatedAt: m.createdAt })
        return m
      })
    },

    /** An internal note on a conversation: agents only, never sent to the customer. Any agent may add one. */
    async note(shopId: string, id: string, agent: AgentIdentity, text: string): Promise<AgentNote> {
      const body = text.trim()
      if (!body) throw new AppError('invalid_input', 'text must not be empty')
      if (body.length > MAX_NOTE_CHARS)
        throw new AppError('invalid_input', `note is longer than ${MAX_NOTE_CHARS} characters`)
      const c = await requireConversation(store, shopId, id)
      const e = await event(
        store,
        c,
        'agent.note',
        { agentId: agent.id, agentName: agent.name, text: body },
        clock().toISOString(),
      )
      const note = toNote(e)
      await publish(deskChannel(shopId), { type: 'note', conversationId: id, note })
      return note
    },

    /** Hands the conversation back to the bot (human → bot). Only the assignee may. */
    async release(shopId: string, id: string, agent: AgentIdentity): Promise<TransitionResult> {
      const r = await lock.withLock(lockKey(shopId, id), () =>
        store.transaction(async (tx) => {
          const c = await requireConversation(tx, shopId, id)
          requireAssignee(c, agent)
          const at = clock().toISOString()
          const { agent: _previous, ...rest } = c.state
          // The bot starts fresh on failures: the turns that made it give up were handled by a person.
          const state = { ...rest, failedTurns: 0 }
          await tx.conversations.update(shopId, id, { status: 'bot', state, updatedAt: at })
          await event(tx, c, 'handoff.released', { agentId: agent.id, agentName: agent.name }, at)
          const msg = await systemMessage(
            tx,
            c,
            TEXT.released(await localeOf(tx, c)),
            { event: 'handoff.released', agent: { id: agent.id, name: agent.name } },
            at,
          )
          return { conversation: { ...c, status: 'bot' as const, state, updatedAt: at }, messages: [msg] }
        }),
      )
      await announce(r, 'released', agent.id)
      return r
    },

    /**
     * Closes the conversation. A conversation an agent owns can only be closed by that agent; one that
     * is waiting (the customer left) or with the bot can be closed by any agent.
     */
    async close(shopId: string, id: string, agent: AgentIdentity): Promise<TransitionResult> {
      const r = await lock.withLock(lockKey(shopId, id), () =>
        store.transaction(async (tx) => {
          const c = await requireConversation(tx, shopId, id)
          if (c.status === 'closed') {
            throw new AppError('conflict', 'conversation is already closed', {
              details: { reason: 'wrong_status', status: c.status },
            })
          }
          if (c.status === 'human') requireAssignee(c, agent)
          const at = clock().toISOString()
          const { agent: _previous, ...rest } = c.state
          await tx.conversations.update(shopId, id, { status: 'closed', state: rest, updatedAt: at })
          await event(
            tx,
            c,
            'conversation.closed',
            { agentId: agent.id, agentName: agent.name, by: 'agent', previousStatus: c.status },
            at,
          )
          const msg = await systemMessage(
            tx,
            c,
            TEXT.closed(await localeOf(tx, c)),
            { event: 'conversation.closed', agent: { id: agent.id, name: agent.name } },
            at,
          )
          return { conversation: { ...c, status: 'closed' as const, state: rest, updatedAt: at }, messages: [msg] }
        }),
      )
      await announce(r, 'closed', agent.id)
      return r
    },

    /** Checks that a conversation of this shop exists (the console's live view subscribes to it). */
    async exists(shopId: string, id: string): Promise<boolean> {
      return (await store.conversations.get(shopId, id)) !== null
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

/** The assignee recorded by `claim`, if the state holds a well-formed one. */
export function agentOf(c: Pick<Conversation, 'state'>): AgentAssignment | null {
  const a = c.state.agent
  if (!isRecord(a)) return null
  const id = str(a.id)
  const name = str(a.name)
  const claimedAt = str(a.claimedAt)
  return id && name && claimedAt ? { id, name, claimedAt } : null
}

function toNote(e: DomainEvent): AgentNote {
  return {
    id: e.id,
    conversationId: e.conversationId ?? '',
    agentId: str(e.data.agentId) ?? '',
    agentName: str(e.data.agentName) ?? '',
    text: str(e.data.text) ?? '',
    createdAt: e.createdAt,
  }
}

function preview(m: Message): MessagePreview {
  return {
    seq: m.seq,
    role: m.role,
    text: m.text.length > 200 ? `${m.text.slice(0, 199)}…` : m.text,
    createdAt: m.createdAt,
  }
}

function nluOf(m: Message): { intent?: string; emotion?: Emotion } | null {
  const n = m.meta.nlu
  return isRecord(n) ? (n as { intent?: string; emotion?: Emotion }) : null
}

function emotionOf(m: Message): Emotion | null {
  const e = nluOf(m)?.emotion
  return isRecord(e) && typeof e.score === 'number' ? (e as Emotion) : null
}

/** `"emotion_above_threshold: emotion 0.82 >= 0.7"` → code + detail. */
function splitReason(reason: string | null): { code: string | null; detail: string | null } {
  if (!reason) return { code: null, detail: null }
  const i = reason.indexOf(':')
  if (i < 0) return { code: reason, detail: null }
  return { code: reason.slice(0, i).trim(), detail: reason.slice(i + 1).trim() || null }
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
