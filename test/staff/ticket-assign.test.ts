/**
 * Ticket assignment to anyone of the shop through the real server: the assignee list (staff accounts
 * and ticket-queue agents), an agent assigning a ticket to a colleague (by username or account id),
 * an unknown assignee refused without changing the ticket, analysts refused, and the audit entry
 * naming who assigned it to whom.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffAccount } from '../../src/core/domain/staff-records.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { addStaff, StaffClient, withServerStore } from '../helpers/staff-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

let server: RunningServer
const dir = tempDir()
let lina: StaffAccount
let ticketId: string

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: dir.path, env: { LOG_LEVEL: 'warn' } })
  const accounts = await withServerStore(dir.path, (store) =>
    addStaff(store, 'demo', [
      { username: 'alice', displayName: 'Alice', role: 'admin' },
      { username: 'wang', displayName: '王客服', role: 'agent', status: 'online' },
      { username: 'lina', displayName: '李娜', role: 'agent' },
      { username: 'ana', role: 'analyst' },
    ]),
  )
  lina = accounts[2]!
  const r = await fetch(`${server.url}/api/v1/admin/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.demoApiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ category: 'complaint', subject: '包裹破损', queue: 'complaints' }),
  })
  expect(r.status).toBe(201)
  ticketId = ((await r.json()) as { id: string }).id
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

type Assignee = { id: string; name: string; kind: string; status?: string; queues: string[] }

describe('ticket assignment', () => {
  it('lists whom a ticket can go to: serving staff accounts, then ticket-queue agents', async () => {
    const wang = await StaffClient.signIn(server.url, 'demo', 'wang')
    const r = await wang.call('GET', '/api/v1/admin/tickets/assignees')
    expect(r.status).toBe(200)
    const list = r.json.assignees as Assignee[]
    expect(list.filter((a) => a.kind === 'staff').map((a) => a.id)).toEqual(['alice', 'lina', 'wang'])
    expect(list.find((a) => a.id === 'wang')).toMatchObject({ name: '王客服', status: 'online' })
    expect(list.some((a) => a.id === 'ana')).toBe(false)
    const queued = list.filter((a) => a.kind === 'queue')
    expect(queued.length).toBeGreaterThan(0)
    expect(queued.every((a) => a.queues.length > 0)).toBe(true)
  })

  it('an agent assigns to a colleague (username or account id); the audit log says who and to whom', async () => {
    const wang = await StaffClient.signIn(server.url, 'demo', 'wang')
    const byName = await wang.call('PATCH', `/api/v1/admin/tickets/${ticketId}`, { assignee: 'lina' })
    expect(byName.status).toBe(200)
    expect(byName.json).toMatchObject({ assignee: 'lina', status: 'assigned' })
    const byId = await wang.call('PATCH', `/api/v1/admin/tickets/${ticketId}`, { assignee: lina.id })
    expect(byId.json.assignee).toBe('lina')
    const back = await wang.call('PATCH', `/api/v1/admin/tickets/${ticketId}`, { assignee: 'wang' })
    expect(back.json.assignee).toBe('wang')

    const alice = await StaffClient.signIn(server.url, 'demo', 'alice')
    const audit = await alice.call('GET', '/api/v1/admin/audit?action=ticket.assign')
    const entries = audit.json.entries as Array<{ actorName: string; target: string; data: Record<string, unknown> }>
    expect(entries.length).toBe(3)
    expect(entries[0]).toMatchObject({
      actorName: '王客服',
      target: ticketId,
      data: { assignee: 'wang', previousAssignee: 'lina' },
    })
    expect(entries[2]?.data).toMatchObject({ assignee: 'lina' })
  })

  it('refuses someone who is not of this shop, leaving the ticket as it was; analysts cannot assign', async () => {
    const wang = await StaffClient.signIn(server.url, 'demo', 'wang')
    const before = await wang.call('GET', `/api/v1/admin/tickets/${ticketId}`)
    const bad = await wang.call('PATCH', `/api/v1/admin/tickets/${ticketId}`, { assignee: 'mallory' })
    expect(bad.status).toBe(400)
    expect(bad.json.error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^assignee: 'mallory'/),
    })
    const after = await wang.call('GET', `/api/v1/admin/tickets/${ticketId}`)
    expect(after.json.assignee).toBe(before.json.assignee)
    expect(after.json.updatedAt).toBe(before.json.updatedAt)
    const ana = await StaffClient.signIn(server.url, 'demo', 'ana')
    expect((await ana.call('PATCH', `/api/v1/admin/tickets/${ticketId}`, { assignee: 'lina' })).status).toBe(403)
    // Unassigning is allowed.
    const none = await wang.call('PATCH', `/api/v1/admin/tickets/${ticketId}`, { assignee: null })
    expect(none.json.assignee).toBeNull()
  })
})
