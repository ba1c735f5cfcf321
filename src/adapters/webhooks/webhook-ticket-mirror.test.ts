import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { DomainEvent, Ticket } from '../../core/domain/records.js'
import { createWebhookTicketMirror, signWebhook } from './webhook-ticket-mirror.js'

const SECRET = 's'.repeat(32)
const ticket: Ticket = {
  id: 'TK1',
  shopId: 'shop1',
  conversationId: 'conv1',
  customerId: 'c1',
  queue: 'repair',
  category: 'fault:electronics/earbuds',
  priority: 'high',
  status: 'assigned',
  assignee: 'tech-chen',
  subject: 'earbuds',
  data: {},
  slaDueAt: '2026-06-10T16:00:00.000Z',
  createdAt: '2026-06-10T08:00:00.000Z',
  updatedAt: '2026-06-10T08:00:00.000Z',
}
const event: DomainEvent = {
  id: 'evt1',
  shopId: 'shop1',
  type: 'ticket.created',
  conversationId: 'conv1',
  data: { ticketId: 'TK1' },
  createdAt: '2026-06-10T08:00:00.000Z',
}

type Hit = { headers: Record<string, string | string[] | undefined>; body: string }
let server: Server | undefined
afterEach(
  () =>
    new Promise<void>((r) => {
      if (!server) return r()
      server.closeAllConnections()
      server.close(() => r())
    }),
)

async function receiver(statuses: number[], delayMs = 0): Promise<{ url: string; hits: Hit[] }> {
  const hits: Hit[] = []
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      hits.push({ headers: req.headers, body })
      const status = statuses[Math.min(hits.length - 1, statuses.length - 1)]!
      setTimeout(() => res.writeHead(status).end('ok'), delayMs)
    })
  })
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()))
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/hook`, hits }
}

describe('webhook ticket mirror', () => {
  it('posts a signed event that the receiver can verify', async () => {
    const { url, hits } = await receiver([200])
    const m = createWebhookTicketMirror({ url, secret: SECRET })
    const r = await m.deliver(event, ticket)
    expect(r).toMatchObject({ ok: true, attempts: 1 })
    const h = hits[0]!
    expect(h.headers['x-kefu-event']).toBe('ticket.created')
    expect(h.headers['x-kefu-signature']).toBe(signWebhook(SECRET, String(h.headers['x-kefu-timestamp']), h.body))
    expect(JSON.parse(h.body)).toMatchObject({ type: 'ticket.created', ticket: { id: 'TK1', queue: 'repair' } })
  })

  it('retries 5xx and succeeds', async () => {
    const { url, hits } = await receiver([503, 500, 200])
    const m = createWebhookTicketMirror({ url, secret: SECRET, retries: 3, backoffMs: 1 })
    const r = await m.deliver(event, ticket)
    expect(r).toMatchObject({ ok: true, attempts: 3 })
    expect(hits).toHaveLength(3)
  })

  it('does not retry a 400 and reports upstream_failed', async () => {
    const { url, hits } = await receiver([400])
    const m = createWebhookTicketMirror({ url, secret: SECRET, retries: 3, backoffMs: 1 })
    const r = await m.deliver(event, ticket)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('upstream_failed')
    expect(hits).toHaveLength(1)
  })

  it('gives up after the timeout on every attempt and calls onFailure from background delivery', async () => {
    const { url } = await receiver([200], 300)
    const failures: string[] = []
    const m = createWebhookTicketMirror({
      url,
      secret: SECRET,
      timeoutMs: 50,
      retries: 1,
      backoffMs: 1,
      onFailure: (_e, err) => failures.push(err.code),
    })
    m.handle(event, ticket)
    await m.drain()
    expect(failures).toEqual(['upstream_failed'])
  })

  it('rejects a bad URL or a short secret', () => {
    expect(() => createWebhookTicketMirror({ url: 'ftp://x', secret: SECRET })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    )
    expect(() => createWebhookTicketMirror({ url: 'http://x', secret: 'short' })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    )
  })
})
