import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import type { Message } from '../../src/core/domain/records.js'
import { AppError } from '../../src/core/errors.js'
import type { Store } from '../../src/core/ports/store.js'
import { createTicketService } from '../../src/core/tickets/ticket-service.js'
import { toHttpError } from '../../src/server/http/to-http-error.js'
import { registerTicketRoutes } from '../../src/server/routes/ticket-routes.js'
import { makeShop } from './harness.js'

let store: Store
let app: FastifyInstance
let base: string
const pushed: Array<{ conversationId: string; message: Message }> = []
let clock = new Date('2026-06-10T08:00:00.000Z')

beforeEach(async () => {
  pushed.length = 0
  clock = new Date('2026-06-10T08:00:00.000Z')
  store = await openStore('sqlite::memory:')
  const shop = makeShop()
  await store.shops.upsert(shop)
  await store.conversations.create({
    id: 'conv1',
    shopId: shop.id,
    customerId: null,
    channel: 'test',
    status: 'bot',
    locale: 'en',
    state: {},
    createdAt: clock.toISOString(),
    updatedAt: clock.toISOString(),
  })
  app = Fastify()
  app.setErrorHandler((err, _req, reply) => {
    const { status, body } = toHttpError(err)
    void reply.code(status).send(body)
  })
  let ids = 0
  registerTicketRoutes(app, {
    store,
    now: () => clock,
    newId: (p) => `${p}_${++ids}`,
    async authShop(req) {
      if (req.headers.authorization !== `Bearer ${shop.apiKey}`) throw new AppError('unauthorized', 'bad key')
      return shop
    },
    notify: (conversationId, message) => {
      pushed.push({ conversationId, message })
    },
  })
  base = await app.listen({ port: 0, host: '127.0.0.1' })
})
afterEach(async () => {
  await app.close()
  await store.close()
})

const auth = { authorization: `Bearer ${'k'.repeat(32)}`, 'content-type': 'application/json' }
const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = auth) => {
  const res = await fetch(`${base}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('ticket routes', () => {
  it('creates, lists with filters, comments, assigns and changes status with a customer notice', async () => {
    const c = await call('POST', '/api/v1/admin/tickets', {
      conversationId: 'conv1',
      category: 'fault',
      priority: 'urgent',
      queue: 'repair',
      subject: 'screen broken',
    })
    expect(c.status).toBe(201)
    expect(c.body).toMatchObject({ queue: 'repair', assignee: 'tech-chen', status: 'assigned' })
    const id = c.body.id as string
    const c2 = await call('POST', '/api/v1/admin/tickets', { category: 'fault', queue: 'repair', subject: 'x' })
    expect(c2.body.assignee).toBe('tech-liu')

    const list = await call('GET', '/api/v1/admin/tickets?queue=repair&assignee=tech-chen')
    expect((list.body.tickets as unknown[]).length).toBe(1)

    const cm = await call('POST', `/api/v1/admin/tickets/${id}/comments`, {
      text: 'ordered a part',
      author: 'tech-chen',
    })
    expect(cm.status).toBe(201)

    const p = await call('PATCH', `/api/v1/admin/tickets/${id}`, { status: 'in_progress', by: 'tech-chen' })
    expect(p.status).toBe(200)
    expect(p.body).toMatchObject({ status: 'in_progress', comments: [{ text: 'ordered a part' }] })
    const msgs = await store.messages.list('shop1', 'conv1')
    expect(msgs.map((m) => m.role)).toEqual(['system'])
    expect(msgs[0]!.meta).toMatchObject({ ticketId: id, status: 'in_progress' })
    expect(pushed).toHaveLength(1)
    const events = await store.events.list('shop1', { type: 'ticket.status_changed' })
    expect(events).toHaveLength(1)
  })

  it('flags SLA breaches and filters by them', async () => {
    const c = await call('POST', '/api/v1/admin/tickets', { category: 'fault', priority: 'urgent', subject: 'late' })
    clock = new Date(clock.getTime() + 5 * 3600_000)
    const one = await call('GET', `/api/v1/admin/tickets/${c.body.id}`)
    expect(one.body.slaBreached).toBe(true)
    const breached = await call('GET', '/api/v1/admin/tickets?slaBreached=true')
    expect((breached.body.tickets as unknown[]).length).toBe(1)
    await call('PATCH', `/api/v1/admin/tickets/${c.body.id}`, { status: 'resolved' })
    const after = await call('GET', '/api/v1/admin/tickets?slaBreached=true')
    expect((after.body.tickets as unknown[]).length).toBe(0)
  })

  it('answers 401, 404 and 400 with error codes', async () => {
    expect((await call('GET', '/api/v1/admin/tickets', undefined, {})).body).toMatchObject({
      error: { code: 'unauthorized' },
    })
    const nf = await call('GET', '/api/v1/admin/tickets/nope')
    expect(nf.status).toBe(404)
    expect(nf.body).toMatchObject({ error: { code: 'not_found' } })
    const bad = await call('GET', '/api/v1/admin/tickets?status=weird')
    expect(bad.status).toBe(400)
    const c = await call('POST', '/api/v1/admin/tickets', { category: 'x', subject: 'y' })
    const empty = await call('PATCH', `/api/v1/admin/tickets/${c.body.id}`, {})
    expect(empty.body).toMatchObject({ error: { code: 'invalid_input' } })
    const badStatus = await call('PATCH', `/api/v1/admin/tickets/${c.body.id}`, { status: 'done' })
    expect(badStatus.status).toBe(400)
    await call('PATCH', `/api/v1/admin/tickets/${c.body.id}`, { status: 'closed' })
    const reopen = await call('PATCH', `/api/v1/admin/tickets/${c.body.id}`, { status: 'open' })
    expect(reopen.body).toMatchObject({ error: { code: 'conflict' } })
  })

  it('the ticket service calls onEvent for every change and survives a failing mirror', async () => {
    const seen: string[] = []
    let n = 0
    const svc = createTicketService({
      store,
      now: () => new Date('2026-06-10T08:00:00Z'),
      newId: (p) => `${p}_${++n}`,
      onEvent: (e) => {
        seen.push(e.type)
        throw new Error('mirror down')
      },
    })
    const t = await svc.create(makeShop(), {
      conversationId: null,
      customerId: null,
      category: 'x',
      priority: 'low',
      subject: 's',
      data: {},
    })
    await svc.changeStatus('shop1', t.id, 'resolved')
    expect(seen).toEqual(['ticket.created', 'ticket.status_changed'])
  })
})
