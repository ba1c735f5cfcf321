/** What the agent desk shows and takes: queue and console items, the conversation context, its dependencies. */
import type { ConversationService } from '../conversation/conversation-service.js'
import type { Conversation, ConversationStatus, Message, ReturnRequest, Ticket } from '../domain/records.js'
import type { Customer, Locale, Order } from '../domain/schemas.js'
import type { KnowledgeBase, KnowledgeKind } from '../knowledge/types.js'
import type { Emotion } from '../nlu/types.js'
import type { KeyedLock, PubSub } from '../ports/pub-sub.js'
import type { Store } from '../ports/store.js'
import type { HandoffSummary } from '../routing/handoff-summary.js'
import type { Offer } from '../routing/routing-record.js'
import type { AgentNote } from './desk-channel.js'

/** Who is acting. Per-agent accounts are future work: the shop API key vouches for the id. */
export type AgentIdentity = { id: string; name: string }

/** Stored in `conversation.state.agent` while a human owns the conversation. */
export type AgentAssignment = { id: string; name: string; claimedAt: string }

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
