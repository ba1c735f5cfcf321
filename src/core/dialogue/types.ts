/** Dialogue contract: one turn in, replies + new state + the decision out. */
import type { Conversation, ConversationStatus, Message, Shop } from '../domain/records.js'
import type { Customer, Locale } from '../domain/schemas.js'
import type { KnowledgeBase } from '../knowledge/types.js'
import type { NluResult } from '../nlu/types.js'
import type { CommerceActions } from '../ports/commerce.js'
import type { LanguageModel } from '../ports/language-model.js'
import type { Store } from '../ports/store.js'

export type ReplyButton = { label: string; payload: string }

export type Reply = {
  text: string
  buttons?: ReplyButton[]
  /** Structured payload for rich widgets: an order card, a product card… */
  card?: { type: 'order' | 'product' | 'ticket' | 'return'; data: Record<string, unknown> }
  /** Set when the text was written by a language model (and verified against the facts). */
  source?: 'llm'
  /** The fact ids (`faq:F012`, `product:SKU`, `order:NO`) an LLM-written reply is grounded in. */
  factIds?: string[]
}

export const TURN_ACTIONS = ['answer', 'ask_slot', 'confirm', 'execute', 'clarify', 'handoff', 'fallback'] as const
export type TurnAction = (typeof TURN_ACTIONS)[number]

/** Per-shop policy knobs. Defaults live in core/dialogue/default-policy-config.ts. */
export type PolicyConfig = {
  /** NLU confidence below this → clarify instead of acting. */
  intentThreshold: number
  /** Emotion score at or above this → hand off to a human. */
  emotionHandoffThreshold: number
  /** This many consecutive failed turns → hand off. */
  maxFailedTurns: number
}

/** Dialogue state; stored as JSON on the conversation, returned in every response. */
export type DialogueState = {
  activeIntent: string | null
  slots: Record<string, unknown>
  /** The slot or confirmation the bot is waiting for, if any. */
  awaiting: string | null
  /** Recent topics, newest last, for returning to an unfinished task. */
  topics: string[]
  failedTurns: number
  [key: string]: unknown
}

export type TurnContext = {
  shop: Shop
  conversation: Conversation
  customer: Customer | null
  locale: Locale
  text: string
  nlu: NluResult
  state: DialogueState
  history: Message[]
  store: Store
  knowledge: KnowledgeBase
  policy: PolicyConfig
  now: Date
  newId: (prefix: string) => string
  /** An opaque key of the client (a keyed hash of its IP) for throttles across conversations. */
  client?: string
  /** Optional language model for grounded answers (src/core/llm-routing); absent = no LLM. */
  llm?: LanguageModel
  /**
   * The shop's system of record for order actions (cancel, address change, return request); absent =
   * embedded (kefu's own store). Skills call it first and confirm only what it accepted.
   */
  commerce?: CommerceActions
  /** Live channel for a model answer: each sentence, once it passed the answer guard (streaming). */
  onAnswerText?: (text: string) => void
  /** A picture or voice message sent with this turn (src/core/skills/attachment-turn.ts). */
  attachment?: TurnAttachment
  /** A model that sees pictures (KEFU_LLM_VISION_MODEL or `settings.llm.vision`); absent = none. */
  vision?: LanguageModel
}

/** What the dialogue sees of an attachment: a picture's bytes, a voice message's transcript (or none). */
export type TurnAttachment =
  | { id: string; kind: 'image'; mime: string; data: Uint8Array }
  | { id: string; kind: 'audio'; mime: string; transcript: string | null }

export type TurnOutcome = {
  replies: Reply[]
  state: DialogueState
  action: TurnAction
  reason: string
  handoff: boolean
  ticket?: { id: string; queue: string; priority: string }
  returnRequest?: { id: string }
  /** Set when the visitor verified their identity this turn. */
  customerId?: string
  /** Domain events to store (HandoffRequested, TicketCreated, …). */
  events?: Array<{ type: string; data: Record<string, unknown> }>
  /** Set when the turn changes the conversation's status (a handoff → `waiting_human`). */
  conversationStatus?: ConversationStatus
}

/** The dialogue manager: state tracking + policy + skills. */
export type DialogueManager = (ctx: TurnContext) => Promise<TurnOutcome>
