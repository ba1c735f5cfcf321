/**
 * Ticket admin API under /api/v1/admin/tickets (shop API key): list with filters, get one with its
 * comments, create, change status / assignee, add comments. Status changes notify the customer in
 * the conversation (a stored system message, pushed live through `notify`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { DomainEvent, Message, Shop, Ticket } from '../../core/domain/records.js'
import { AppError } from '../../core/errors.js'
import type { Store } from '../../core/ports/store.js'
import { ticketRules } from '../../core/skills/shop-rules.js'
import { createTicketService, TICKET_PRIORITIES, TICKET_STATUSES } from '../../core/tickets/ticket-service.js'
import { parseBody } from '../http/validate.js'

export type TicketRouteDeps = {
  store: Store
  authShop(request: FastifyRequest): Promise<Shop>
  /** The signed-in staff account's name: it is who changed or commented (a body `by`/`author` is ignored). */
  actorOf?(request: FastifyRequest): string | undefined
  /** Live push of a stored message (the customer's ticket status notice) to the conversation stream. */
  notify?(conversationId: string, message: Message): void | Promise<void>
  /** Every ticket event after it is stored (webhook mirror). */
  onEvent?(event: DomainEvent, ticket: Ticket): void | Promise<void>
  now: () => Date
  newId: (prefix: string) => string
  /** Adds the route's action and facts (new assignee, status) to its audit entry. */
  auditNote?(request: FastifyRequest, note: { action?: string; data?: Record<string, unknown> }): void
}

/** Someone a ticket can be given to: a staff account that serves customers, or an agent of a ticket queue. */
export type Assignee = {
  id: string
  name: string
  kind: 'staff' | 'queue'
  role?: string
  status?: string
  queues: string[]
}

const SERVING = new Set(['owner', 'admin', 'agent'])

/** Staff accounts (owner, admin, agent) by username, then the ticket queues' agents that are not accounts. */
export async function assigneesOf(store: Store, shop: Shop): Promise<Assignee[]> {
  const queues = Object.entries(ticketRules(shop).queues)
  const queuesOf = (id: string) => queues.filter(([, q]) => q.agents.includes(id)).map(([name]) => name)
  const staff = (await store.staff.list(shop.id)).filter((a) => SERVING.has(a.role))
  const out: Assignee[] = staff.map((a) => ({
    id: a.username,
    name: a.displayName,
    kind: 'staff',
    role: a.role,
    status: a.status,
    queues: [...new Set([...queuesOf(a.username), ...queuesOf(a.id)])],
  }))
  const known = new Set(staff.flatMap((a) => [a.username, a.id]))
  for (const id of [...new Set(queues.flatMap(([, q]) => q.agents))].sort()) {
    if (!known.has(id)) out.push({ id, name: id, kind: 'queue', queues: queuesOf(id) })
  }
  return out
}

const statusEnum = z.enum(TICKET_STATUSES as [string, ...string[]])
const priorityEnum = z.enum(TICKET_PRIORITIES as [string, ...string[]])

const listQuery = z
  .object({
    status: statusEnum.optional(),
    queue: z.string().min(1).max(100).optional(),
    assignee: z.string().min(1).max(100).optional(),
    customerId: z.string().min(1).max(64).optional(),
    conversationId: z.string().min(1).max(100).optional(),
    slaBreached: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

const patchBody = z
  .object({
    status: statusEnum.optional(),
    assignee: z.string().min(1).max(100).nullable().optional(),
    by: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((b) => b.status !== undefined || b.assignee !== undefined, { message: 'give status and/or assignee' })

const commentBody = z
  .object({ text: z.string().trim().min(1).max(5000), author: z.string().min(1).max(100).default('agent') })
  .strict()

const createBody = z
  .object({
    conversationId: z.string().min(1).max(100).nullable().default(null),
    customerId: z.string().min(1).max(64).nullable().default(null),
    category: z.string().min(1).max(100),
    priority: priorityEnum.default('normal'),
    queue: z.string().min(1).max(100).optional(),
    subject: z.string().trim().min(1).max(300),
    data: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()

const idParams = z.object({ id: z.string().min(1).max(100) })

/** Registers the ticket routes on `app`. */
export function registerTicketRoutes(app: FastifyInstance, deps: TicketRouteDeps): void {
  const tickets = createTicketService({
    store: deps.store,
    now: deps.now,
    newId: deps.newId,
    ...(deps.notify ? { notify: deps.notify } : {}),
    ...(deps.onEvent ? { onEvent: deps.onEvent } : {}),
  })
  const base = '/api/v1/admin/tickets'

  app.get(base, async (req) => {
    const shop = await deps.authShop(req)
    const q = parseBody(listQuery, req.query ?? {})
    const { slaBreached, ...filter } = q
    const rows = await tickets.list(shop.id, {
      ...(filter as Parameters<typeof tickets.list>[1]),
      ...(slaBreached ? { slaBreached: slaBreached === 'true' } : {}),
    })
    return { tickets: rows, limit: q.limit, offset: q.offset }
  })

  app.get(`${base}/assignees`, async (req) => {
    const shop = await deps.authShop(req)
    return { assignees: await assigneesOf(deps.store, shop) }
  })

  app.post(base, async (req, reply) => {
    const shop = await deps.authShop(req)
    const b = parseBody(createBody, req.body ?? {})
    const t = await tickets.create(shop, {
      conversationId: b.conversationId,
      customerId: b.customerId,
      category: b.category,
      priority: b.priority as Ticket['priority'],
      ...(b.queue ? { queue: b.queue } : {}),
      subject: b.subject,
      data: b.data,
    })
    reply.code(201)
    return t
  })

  app.get(`${base}/:id`, async (req) => {
    const shop = await deps.authShop(req)
    const { id } = parseBody(idParams, req.params)
    return tickets.get(shop.id, id)
  })

  app.patch(`${base}/:id`, async (req) => {
    const shop = await deps.authShop(req)
    const { id } = parseBody(idParams, req.params)
    const b = parseBody(patchBody, req.body ?? {})
    const by = deps.actorOf?.(req) ?? b.by ?? 'admin'
    let assignee = b.assignee
    if (assignee) {
      // Only people of this shop: a staff account (username or id, stored as the username) or a queue agent.
      const staff =
        (await deps.store.staff.get(shop.id, assignee)) ?? (await deps.store.staff.getByUsername(shop.id, assignee))
      const known = (await assigneesOf(deps.store, shop)).some((a) => a.id === (staff?.username ?? assignee))
      if (!known)
        throw new AppError(
          'invalid_input',
          `assignee: '${assignee}' is not a staff account or ticket-queue agent of this shop`,
        )
      assignee = staff?.username ?? assignee
    }
    const before = b.assignee !== undefined ? await tickets.get(shop.id, id) : null
    if (assignee !== undefined) await tickets.assign(shop.id, id, assignee, by)
    if (b.status !== undefined) await tickets.changeStatus(shop.id, id, b.status as Ticket['status'], by)
    const after = await tickets.get(shop.id, id)
    deps.auditNote?.(req, {
      action: assignee !== undefined ? 'ticket.assign' : 'ticket.status',
      data: {
        ...(assignee !== undefined ? { assignee: after.assignee, previousAssignee: before?.assignee ?? null } : {}),
        ...(b.status !== undefined ? { ticketStatus: after.status } : {}),
      },
    })
    return after
  })

  app.post(`${base}/:id/comments`, async (req, reply) => {
    const shop = await deps.authShop(req)
    const { id } = parseBody(idParams, req.params)
    const b = parseBody(commentBody, req.body ?? {})
    const c = await tickets.comment(shop.id, id, deps.actorOf?.(req) ?? b.author, b.text)
    reply.code(201)
    return c
  })
}

/** OpenAPI paths of the ticket API, merged into /api/v1/openapi.json by the server. */
export const ticketOpenApiPaths: Record<string, unknown> = {
  '/api/v1/admin/tickets': {
    get: {
      summary: 'List tickets',
      parameters: ['status', 'queue', 'assignee', 'customerId', 'conversationId', 'slaBreached', 'limit', 'offset'].map(
        (name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }),
      ),
      responses: { '200': { description: '{tickets:[Ticket & {slaBreached}], limit, offset}' } },
    },
    post: {
      summary: 'Create a ticket (dispatched to a queue, round robin)',
      responses: { '201': { description: 'Ticket' } },
    },
  },
  '/api/v1/admin/tickets/assignees': {
    get: {
      summary: 'Whom a ticket can be assigned to: staff accounts (owner, admin, agent) and ticket-queue agents',
      responses: { '200': { description: '{assignees:[{id, name, kind: staff|queue, role?, status?, queues}]}' } },
    },
  },
  '/api/v1/admin/tickets/{id}': {
    get: {
      summary: 'One ticket with comments and slaBreached',
      responses: { '200': { description: 'Ticket' }, '404': { description: 'not_found' } },
    },
    patch: {
      summary:
        'Change status and/or assignee ({status?, assignee?, by?}); the assignee must be one of /assignees (400 otherwise); the customer is notified of status changes',
      responses: {
        '200': { description: 'Ticket' },
        '400': { description: 'invalid_input' },
        '409': { description: 'conflict (closed)' },
      },
    },
  },
  '/api/v1/admin/tickets/{id}/comments': {
    post: { summary: 'Add a comment ({text, author?})', responses: { '201': { description: 'TicketComment' } } },
  },
}
