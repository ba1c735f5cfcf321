/**
 * Tickets: create (dispatched to a queue, round robin among its agents, SLA due by priority), assign,
 * comment, change status (the customer is told on every change), SLA breach flag, list / filter.
 * Every change appends a `ticket.*` domain event and is passed to `onEvent` (the webhook mirror).
 */
import type {
  DomainEvent,
  Message,
  Shop,
  Ticket,
  TicketComment,
  TicketPriority,
  TicketStatus,
} from '../domain/records.js'
import { AppError } from '../errors.js'
import type { Store, TicketFilter } from '../ports/store.js'
import { ticketRules } from '../skills/shop-rules.js'

export const TICKET_STATUSES: TicketStatus[] = [
  'open',
  'assigned',
  'in_progress',
  'waiting_customer',
  'resolved',
  'closed',
]
export const TICKET_PRIORITIES: TicketPriority[] = ['low', 'normal', 'high', 'urgent']

export type TicketView = Ticket & { slaBreached: boolean }

export type CreateTicketInput = {
  conversationId: string | null
  customerId: string | null
  category: string
  priority: TicketPriority
  /** Queue name; falls back to the queue configured for `category`, then the shop's default queue. */
  queue?: string
  subject: string
  data: Record<string, unknown>
}

export type TicketServiceDeps = {
  store: Store
  now: () => Date
  newId: (prefix: string) => string
  /** Called after each change is stored (webhook mirror, WebSocket push…). Errors are swallowed. */
  onEvent?: (event: DomainEvent, ticket: Ticket) => void | Promise<void>
  /** Pushes a stored customer-visible message to live clients. */
  notify?: (conversationId: string, message: Message) => void | Promise<void>
}

/** True when an unresolved ticket is past its SLA due time. */
export function isSlaBreached(t: Ticket, now: Date): boolean {
  return t.status !== 'resolved' && t.status !== 'closed' && new Date(t.slaDueAt).getTime() < now.getTime()
}

const STATUS_TEXT: Record<TicketStatus, [string, string]> = {
  open: ['已创建', 'opened'],
  assigned: ['已分配给客服', 'assigned to an agent'],
  in_progress: ['处理中', 'being worked on'],
  waiting_customer: ['等待您的回复', 'waiting for your reply'],
  resolved: ['已解决', 'resolved'],
  closed: ['已关闭', 'closed'],
}

/** Creates the ticket service over a store. */
export function createTicketService(deps: TicketServiceDeps) {
  const { store } = deps
  const { now, newId } = deps

  async function emit(shopId: string, type: string, t: Ticket, data: Record<string, unknown>): Promise<void> {
    const e: DomainEvent = {
      id: newId('evt'),
      shopId,
      type,
      conversationId: t.conversationId,
      data: { ticketId: t.id, queue: t.queue, status: t.status, assignee: t.assignee, ...data },
      createdAt: now().toISOString(),
    }
    await store.events.append(e)
    if (deps.onEvent) {
      try {
        await deps.onEvent(e, t)
      } catch {
        // A failing mirror must never fail the ticket change; the adapter logs and retries itself.
      }
    }
  }

  async function nextAgent(shop: Shop, queue: string): Promise<string | null> {
    const agents = ticketRules(shop).queues[queue]?.agents ?? []
    if (agents.length === 0) return null
    const recent = await store.tickets.list(shop.id, { queue, limit: 200 })
    recent.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    const last = recent.find((t) => t.assignee && agents.includes(t.assignee))
    if (!last) return agents[0]!
    return agents[(agents.indexOf(last.assignee!) + 1) % agents.length]!
  }

  async function load(shopId: string, id: string): Promise<Ticket> {
    const t = await store.tickets.get(shopId, id)
    if (!t) throw new AppError('not_found', `ticket ${id} not found`)
    return t
  }

  async function tellCustomer(t: Ticket, status: TicketStatus): Promise<void> {
    if (!t.conversationId) return
    const conv = await store.conversations.get(t.shopId, t.conversationId)
    if (!conv) return
    const locale = conv.locale ?? 'zh'
    const st = STATUS_TEXT[status]
    const text = locale === 'zh' ? `您的工单 ${t.id} 状态更新：${st[0]}。` : `Update on your ticket ${t.id}: ${st[1]}.`
    const m = await store.messages.append({
      id: newId('msg'),
      shopId: t.shopId,
      conversationId: t.conversationId,
      role: 'system',
      text,
      meta: { kind: 'ticket_status', ticketId: t.id, status },
      createdAt: now().toISOString(),
    })
    if (deps.notify) {
      try {
        await deps.notify(t.conversationId, m)
      } catch {
        // Live push is best effort; the message is stored and shows on the next history fetch.
      }
    }
  }

  /**
   * A ticket may only point at this shop's own records: a conversation id of another shop (or of
   * none) would be a dangling reference, and so would an unknown customer.
   */
  async function checkReferences(shopId: string, input: CreateTicketInput): Promise<void> {
    let conversationCustomer: string | null = null
    if (input.conversationId) {
      const c = await store.conversations.get(shopId, input.conversationId)
      if (!c)
        throw new AppError('invalid_input', `conversationId: no conversation '${input.conversationId}' in this shop`)
      conversationCustomer = c.customerId
    }
    if (input.customerId && input.customerId !== conversationCustomer) {
      if (conversationCustomer)
        throw new AppError('invalid_input', "customerId: does not match the conversation's customer")
      const customer = await store.customers.get(shopId, input.customerId)
      if (!customer) throw new AppError('invalid_input', `customerId: no customer '${input.customerId}' in this shop`)
    }
  }

  return {
    /** Creates a ticket, dispatches it (queue + round robin) and sets its SLA due time. */
    async create(shop: Shop, input: CreateTicketInput): Promise<Ticket> {
      if (!TICKET_PRIORITIES.includes(input.priority))
        throw new AppError('invalid_input', `unknown priority '${input.priority}'`)
      await checkReferences(shop.id, input)
      const rules = ticketRules(shop)
      const byCategory = Object.entries(rules.queues).find(([, q]) => q.category === input.category)?.[0]
      const queue = input.queue ?? byCategory ?? rules.defaultQueue
      const assignee = await nextAgent(shop, queue)
      const created = now()
      const t: Ticket = {
        id: newId('TK'),
        shopId: shop.id,
        conversationId: input.conversationId,
        customerId: input.customerId,
        queue,
        category: input.category,
        priority: input.priority,
        status: assignee ? 'assigned' : 'open',
        assignee,
        subject: input.subject.slice(0, 300),
        data: input.data,
        slaDueAt: new Date(created.getTime() + rules.slaHours[input.priority] * 3600_000).toISOString(),
        createdAt: created.toISOString(),
        updatedAt: created.toISOString(),
      }
      await store.tickets.create(t)
      await emit(shop.id, 'ticket.created', t, { priority: t.priority, category: t.category, slaDueAt: t.slaDueAt })
      return t
    },

    async get(shopId: string, id: string): Promise<TicketView & { comments: TicketComment[] }> {
      const t = await load(shopId, id)
      const comments = await store.tickets.listComments(shopId, id)
      return { ...t, slaBreached: isSlaBreached(t, now()), comments }
    },

    /** Lists tickets; `slaBreached: true` keeps only breached ones. */
    async list(shopId: string, filter: TicketFilter & { slaBreached?: boolean } = {}): Promise<TicketView[]> {
      const { slaBreached, ...f } = filter
      const at = now()
      const rows = (await store.tickets.list(shopId, f)).map((t) => ({ ...t, slaBreached: isSlaBreached(t, at) }))
      return slaBreached === undefined ? rows : rows.filter((t) => t.slaBreached === slaBreached)
    },

    async assign(shopId: string, id: string, assignee: string | null, by = 'system'): Promise<Ticket> {
      const t = await load(shopId, id)
      const status: TicketStatus = assignee && t.status === 'open' ? 'assigned' : t.status
      const patch = { assignee, status, updatedAt: now().toISOString() }
      await store.tickets.update(shopId, id, patch)
      const next = { ...t, ...patch }
      await emit(shopId, 'ticket.assigned', next, { by, previousAssignee: t.assignee })
      return next
    },

    async comment(shopId: string, id: string, author: string, text: string): Promise<TicketComment> {
      const t = await load(shopId, id)
      const body = text.trim()
      if (!body) throw new AppError('invalid_input', 'comment text is empty')
      if (body.length > 5000) throw new AppError('invalid_input', 'comment text is longer than 5000 characters')
      const c: TicketComment = {
        id: newId('cmt'),
        ticketId: id,
        shopId,
        author,
        text: body,
        createdAt: now().toISOString(),
      }
      await store.tickets.addComment(c)
      await store.tickets.update(shopId, id, { updatedAt: c.createdAt })
      await emit(shopId, 'ticket.commented', t, { commentId: c.id, author })
      return c
    },

    /** Changes the status; the customer gets a message in the conversation on every change. */
    async changeStatus(shopId: string, id: string, status: TicketStatus, by = 'system'): Promise<Ticket> {
      if (!TICKET_STATUSES.includes(status)) throw new AppError('invalid_input', `unknown ticket status '${status}'`)
      const t = await load(shopId, id)
      if (t.status === status) return t
      if (t.status === 'closed') throw new AppError('conflict', `ticket ${id} is closed`)
      const patch = { status, updatedAt: now().toISOString() }
      await store.tickets.update(shopId, id, patch)
      const next = { ...t, ...patch }
      await emit(shopId, 'ticket.status_changed', next, { by, previousStatus: t.status })
      await tellCustomer(next, status)
      return next
    },
  }
}

export type TicketService = ReturnType<typeof createTicketService>
