import type {
  ChannelCustomerLink,
  Conversation,
  ConversationStatus,
  DomainEvent,
  KnowledgeVersion,
  Message,
  MessageRole,
  ReturnRequest,
  Shop,
  Ticket,
  TicketPriority,
  TicketStatus,
} from '../../core/domain/records.js'
import type { Locale, Order, Shipment } from '../../core/domain/schemas.js'
import type { Database } from './db-schema.js'
import { json, parse } from './sql-helpers.js'

export function toShop(r: Database['shops']): Shop {
  return {
    id: r.id,
    name: r.name,
    widgetSecret: r.widget_secret,
    apiKey: r.api_key,
    demo: Number(r.demo) === 1,
    settings: parse(r.settings, {}),
    createdAt: r.created_at,
  }
}

export function toConversation(r: Database['conversations']): Conversation {
  return {
    id: r.id,
    shopId: r.shop_id,
    customerId: r.customer_id,
    channel: r.channel,
    status: r.status as ConversationStatus,
    locale: r.locale as Locale | null,
    state: parse(r.state, {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    externalUserId: r.external_user_id ?? null,
    externalThreadId: r.external_thread_id ?? null,
  }
}

export function toChannelCustomer(r: Database['channel_customers']): ChannelCustomerLink {
  return {
    shopId: r.shop_id,
    channel: r.channel,
    externalUserId: r.external_user_id,
    customerId: r.customer_id,
    source: r.source as ChannelCustomerLink['source'],
    updatedAt: r.updated_at,
  }
}

/** ISO instant `ttlSeconds` after `fromIso`; null = no expiry. */
export function expiry(fromIso: string, ttlSeconds: number | undefined): string | null {
  if (ttlSeconds === undefined) return null
  return new Date(new Date(fromIso).getTime() + Math.max(0, ttlSeconds) * 1000).toISOString()
}

/**
 * A stored message. Its `meta` JSON (the customer message's whole NLU result, a reply's card) is
 * parsed when first read: a turn reads up to 50 messages of history and rarely looks at their meta.
 */
export function toMessage(r: Database['messages']): Message {
  const m = {
    id: r.id,
    shopId: r.shop_id,
    conversationId: r.conversation_id,
    seq: Number(r.seq),
    role: r.role as MessageRole,
    text: r.text,
    meta: undefined as unknown as Message['meta'],
    createdAt: r.created_at,
  }
  let raw: string | null = r.meta
  let meta: Message['meta'] | undefined
  Object.defineProperty(m, 'meta', {
    enumerable: true,
    configurable: true,
    get() {
      if (meta === undefined) {
        meta = parse(raw, {})
        raw = null
      }
      return meta
    },
    set(v: Message['meta']) {
      meta = v
    },
  })
  return m
}

export function toTicket(r: Database['tickets']): Ticket {
  return {
    id: r.id,
    shopId: r.shop_id,
    conversationId: r.conversation_id,
    customerId: r.customer_id,
    queue: r.queue,
    category: r.category,
    priority: r.priority as TicketPriority,
    status: r.status as TicketStatus,
    assignee: r.assignee,
    subject: r.subject,
    data: parse(r.data, {}),
    slaDueAt: r.sla_due_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export function ticketRow(t: Ticket): Database['tickets'] {
  return {
    shop_id: t.shopId,
    id: t.id,
    conversation_id: t.conversationId ?? null,
    customer_id: t.customerId ?? null,
    queue: t.queue,
    category: t.category,
    priority: t.priority,
    status: t.status,
    assignee: t.assignee ?? null,
    subject: t.subject,
    data: json(t.data ?? {}),
    sla_due_at: t.slaDueAt,
    created_at: t.createdAt,
    updated_at: t.updatedAt,
  }
}

export function toReturn(r: Database['return_requests']): ReturnRequest {
  return {
    id: r.id,
    shopId: r.shop_id,
    orderNo: r.order_no,
    customerId: r.customer_id,
    kind: r.kind as ReturnRequest['kind'],
    reason: r.reason,
    status: r.status as ReturnRequest['status'],
    items: parse(r.items, []),
    refundAmount: Number(r.refund_amount),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export function toEvent(r: Database['events']): DomainEvent {
  return {
    id: r.id,
    shopId: r.shop_id,
    type: r.type,
    conversationId: r.conversation_id,
    data: parse(r.data, {}),
    createdAt: r.created_at,
  }
}

export function toVersion(r: Database['knowledge_versions']): KnowledgeVersion {
  return {
    shopId: r.shop_id,
    kind: r.kind as 'faq',
    entryId: r.entry_id,
    version: Number(r.version),
    status: r.status as KnowledgeVersion['status'],
    data: parse(r.data, {}),
    author: r.author,
    note: r.note,
    createdAt: r.created_at,
  }
}

export type OrderJoinRow = {
  data: string
  s_carrier: string | null
  s_tracking_no: string | null
  s_status: string | null
  s_eta: string | null
  s_events: string | null
}

export function toOrder(r: OrderJoinRow): Order {
  const order = parse<Order>(r.data, {} as Order)
  if (r.s_carrier !== null && r.s_tracking_no !== null) {
    const shipment: Shipment = {
      carrier: r.s_carrier,
      trackingNo: r.s_tracking_no,
      status: (r.s_status ?? 'in_transit') as Shipment['status'],
      events: parse(r.s_events, []),
    }
    if (r.s_eta !== null) shipment.eta = r.s_eta
    order.shipment = shipment
  }
  return order
}
