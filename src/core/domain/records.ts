/** Records kefu itself writes (as opposed to the imported catalog in schemas.ts). */
import type { Locale } from './schemas.js'

export type Shop = {
  id: string
  name: string
  /** HMAC key the shop's site uses to sign customer ids for the widget. */
  widgetSecret: string
  /** Bearer key for the admin API. */
  apiKey: string
  /** Demo mode: any visitor gets a conversation, unsigned customer ids are accepted. */
  demo: boolean
  settings: Record<string, unknown>
  createdAt: string
}

export type ConversationStatus = 'bot' | 'waiting_human' | 'human' | 'closed'

export type Conversation = {
  id: string
  shopId: string
  /** Null for an anonymous visitor that has not verified an order yet. */
  customerId: string | null
  channel: string
  status: ConversationStatus
  locale: Locale | null
  /** Dialogue state, owned by core/dialogue; stored as JSON. */
  state: Record<string, unknown>
  createdAt: string
  updatedAt: string
  /** The platform's id of the customer on a messaging channel (WeCom external_userid, MP openid, Chatwoot contact). */
  externalUserId?: string | null
  /** The platform's thread when it has one besides the user (Chatwoot conversation id, WeCom open_kfid). */
  externalThreadId?: string | null
}

/**
 * A platform user known to be one of the shop's customers: given by the merchant (`source: 'merchant'`)
 * or learned when the visitor verified their identity in a conversation (`'verified'`).
 */
export type ChannelCustomerLink = {
  shopId: string
  channel: string
  externalUserId: string
  customerId: string
  source: 'merchant' | 'verified'
  updatedAt: string
}

export type MessageRole = 'customer' | 'bot' | 'agent' | 'system'

export type Message = {
  id: string
  shopId: string
  conversationId: string
  /** Monotonic per conversation, starting at 1. */
  seq: number
  role: MessageRole
  text: string
  /** NLU result for customer messages; action/reason/buttons for bot messages. */
  meta: Record<string, unknown>
  createdAt: string
}

export type TicketStatus = 'open' | 'assigned' | 'in_progress' | 'waiting_customer' | 'resolved' | 'closed'
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent'

export type Ticket = {
  id: string
  shopId: string
  conversationId: string | null
  customerId: string | null
  queue: string
  category: string
  priority: TicketPriority
  status: TicketStatus
  assignee: string | null
  subject: string
  /** Everything the bot collected: device model, symptom, order, purchase date, tried solutions… */
  data: Record<string, unknown>
  slaDueAt: string
  createdAt: string
  updatedAt: string
}

export type TicketComment = {
  id: string
  ticketId: string
  shopId: string
  author: string
  text: string
  createdAt: string
}

export type ReturnRequest = {
  id: string
  shopId: string
  orderNo: string
  customerId: string
  kind: 'return' | 'exchange' | 'refund_only'
  reason: string
  status: 'requested' | 'approved' | 'rejected' | 'received' | 'refunded'
  items: Array<{ sku: string; qty: number }>
  refundAmount: number
  createdAt: string
  updatedAt: string
}

export type DomainEvent = {
  id: string
  shopId: string
  type: string
  conversationId: string | null
  data: Record<string, unknown>
  createdAt: string
}

/** One stored version of a knowledge entry (FAQ for now), for the review workflow. */
export type KnowledgeVersion = {
  shopId: string
  kind: 'faq'
  entryId: string
  version: number
  status: 'draft' | 'in_review' | 'published' | 'archived'
  data: Record<string, unknown>
  author: string
  note: string
  createdAt: string
}
