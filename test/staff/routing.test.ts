/**
 * Routing after handoff against the real server (SQLite, demo shop, a manual clock): skill queues,
 * capacity, business hours in the shop's time zone ("leave a message" tickets in the customer's
 * language), the estimated wait, offers that time out and move on (the scheduler decides by the
 * clock; the test moves the clock), transfers, and the sticky last agent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/core/ports/clock.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { addStaff, StaffClient, withServerStore } from '../helpers/staff-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'

type Json = Record<string, unknown>
type Offer = { agentId: string; agentName: string; expiresAt: string } | null

// Wednesday 10:00 in Shanghai (02:00 UTC): inside the 09:00-18:00 hours set below.
const OPEN = '2026-03-04T02:00:00.000Z'
// The same Wednesday 20:00 in Shanghai: closed.
const CLOSED = '2026-03-04T12:00:00.000Z'

const clock = manualClock(OPEN)
const dir = tempDir('kefu-routing-')
let server: RunningServer
const ids: Record<string, string> = {}
const clients: Record<string, StaffClient> = {}

beforeAll(async () => {
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    clock,
    env: { LOG_LEVEL: 'warn', KEFU_ROUTING_SWEEP_MS: '100', KEFU_PROACTIVE: 'false' },
  })
  await withServerStore(dir.path, async (store) => {
    for (const a of await addStaff(store, 'demo', [
      { username: 'owner', displayName: 'Owner', role: 'owner' },
      { username: 'alice', displayName: 'Alice 李', maxChats: 2 },
      { username: 'bob', displayName: 'Bob 王', maxChats: 1 },
      { username: 'carol', displayName: 'Carol 陈', maxChats: 1 },
    ]))
      ids[a.username] = a.id
  })
  for (const u of ['owner', 'alice', 'bob', 'carol']) clients[u] = await StaffClient.signIn(server.url, 'demo', u)
  const settings = await clients.owner!.call('PATCH', '/api/v1/admin/shop/settings', {
    timezone: 'Asia/Shanghai',
    routing: {
      queues: [
        { id: 'after-sales', members: ['alice', 'bob'] },
        { id: 'pre-sales', members: ['alice', 'bob'] },
        { id: 'complaints', members: ['carol'] },
      ],
      defaultQueue: 'after-sales',
      businessHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['09:00-18:00']])),
      offerSeconds: 30,
    },
  })
  expect(settings.status).toBe(200)
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

async function chat(path: string, token: string | null, body?: unknown): Promise<Json> {
  const res = await fetch(server.url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  expect(res.status, path).toBeLessThan(300)
  return (await res.json()) as Json
}

/** A customer who says `texts`; the last one hands off. */
async function handOff(texts: string[], customerId?: string): Promise<{ id: string; token: string }> {
  const c = (await chat('/api/v1/conversations', null, { shopId: 'demo', ...(customerId ? { customerId } : {}) })) as {
    id: string
    token: string
  }
  let handoff = false
  for (const text of texts)
    handoff = (await chat(`/api/v1/conversations/${c.id}/messages`, c.token, { text })).handoff === true
  expect(handoff).toBe(true)
  return c
}

const systemTexts = async (c: { id: string; token: string }) =>
  (
    (await chat(`/api/v1/conversations/${c.id}/messages`, c.token)).messages as Array<{
      role: string
      text: string
      meta: Json
    }>
  ).filter((m) => m.role === 'system')

async function queueItem(id: string): Promise<Json | undefined> {
  const q = await clients.owner!.call('GET', '/api/v1/admin/agent/queue')
  return (q.json.queue as Json[]).find((i) => i.conversationId === id)
}
const offerOf = async (id: string) => (await queueItem(id))?.offer as Offer | undefined

async function setStatus(who: string, status: 'online' | 'away' | 'offline') {
  expect((await clients[who]!.call('POST', '/api/v1/staff/me/status', { status })).status).toBe(200)
}

/** Closes every waiting conversation (any agent may close a waiting one). */
async function clearQueue() {
  const q = await clients.owner!.call('GET', '/api/v1/admin/agent/queue')
  for (const i of q.json.queue as Json[])
    await clients.owner!.call('POST', `/api/v1/admin/agent/conversations/${i.conversationId}/close`, {})
}

describe('routing after handoff', () => {
  it('outside business hours or with nobody online: the customer is told in their language and their message becomes a ticket', async () => {
    for (const u of ['alice', 'bob', 'carol']) await setStatus(u, 'online')
    clock.set(CLOSED)
    const en = await handOff(['I want to talk to a real person'])
    const enSystem = await systemTexts(en)
    const closedMsg = enSystem.find((m) => m.meta.event === 'handoff.left_message')
    expect(closedMsg?.text).toMatch(/offline right now \(hours: Mon-Fri 09:00-18:00\)/)
    const ticketId = closedMsg!.meta.ticketId as string
    expect(closedMsg!.text).toContain(ticketId)
    const ticket = await clients.owner!.call('GET', `/api/v1/admin/tickets/${ticketId}`)
    expect(ticket.status).toBe(200)
    expect(ticket.json).toMatchObject({ conversationId: en.id, category: 'leave_message' })
    expect(await offerOf(en.id)).toBeNull()

    // Open again, but every agent away: the same, in Chinese.
    clock.set(OPEN)
    for (const u of ['alice', 'bob', 'carol']) await setStatus(u, 'away')
    const zh = await handOff(['我要人工'])
    const zhMsg = (await systemTexts(zh)).find((m) => m.meta.event === 'handoff.left_message')
    expect(zhMsg?.text).toContain('目前没有在线的人工客服')
    expect(zhMsg?.meta.why).toBe('nobody_online')
    await clearQueue()
  })

  it('offers by skill queue to the least busy online member within capacity, tells the wait, and moves an unaccepted offer on', async () => {
    for (const u of ['alice', 'bob', 'carol']) await setStatus(u, 'online')
    const order = ['我的订单到哪了', '转人工']
    const c1 = await handOff(order)
    expect((await queueItem(c1.id))?.routingQueue).toBe('after-sales')
    expect((await offerOf(c1.id))?.agentId).toBe(ids.alice)
    clock.advance(1000) // one customer a second: the queue has an order
    const c2 = await handOff(order)
    expect((await offerOf(c2.id))?.agentId).toBe(ids.bob)
    clock.advance(1000)
    const c3 = await handOff(order)
    expect((await offerOf(c3.id))?.agentId).toBe(ids.alice) // alice 1 of 2; bob full (1 of 1)
    clock.advance(1000)
    const c4 = await handOff(order)
    expect(await offerOf(c4.id)).toBeNull() // everyone at capacity: it waits
    const wait = (await systemTexts(c4)).find((m) => m.meta.event === 'handoff.waiting')
    // 3 ahead, 2 agents online in the queue, 5 min default handling: ceil(4 × 5 / 2) = 10.
    expect(wait?.meta).toMatchObject({ ahead: 3, estimatedWaitMinutes: 10, queue: 'after-sales' })
    expect(wait?.text).toContain('前面还有 3 位')

    // Capacity holds for a manual take too: bob holds an offer (1 of 1).
    const take = await clients.bob!.call('POST', `/api/v1/admin/agent/conversations/${c4.id}/claim`, {})
    expect([take.status, (take.json.error as Json).details]).toEqual([409, { reason: 'at_capacity', maxChats: 1 }])

    // An angry customer goes to complaints (carol), whatever the topic.
    clock.advance(1000)
    const angry = await handOff(['你们这是什么垃圾服务！气死我了，我要投诉！！'])
    expect((await queueItem(angry.id))?.routingQueue).toBe('complaints')
    expect((await offerOf(angry.id))?.agentId).toBe(ids.carol)

    // Nobody accepts c1 within 30 s: the scheduler moves it on to bob… once the clock says so.
    clock.advance(25_000) // c1 was offered 29 s ago
    await new Promise((r) => setTimeout(r, 300)) // several sweeps run: nothing may move before the time
    expect((await offerOf(c1.id))?.agentId).toBe(ids.alice)
    clock.advance(2_000)
    await waitFor(async () => (await offerOf(c1.id))?.agentId === ids.bob, { what: 'c1 offered to bob' })
    const audit = await clients.owner!.call('GET', `/api/v1/admin/agent/conversations/${c1.id}`)
    expect(audit.json.routing).toMatchObject({ queue: 'after-sales', offer: { agentId: ids.bob } })

    // bob accepts (c2's offer to him lapsed at the same time and moved to alice).
    expect((await clients.bob!.call('POST', `/api/v1/admin/agent/conversations/${c1.id}/claim`, {})).status).toBe(200)
    const mine = await clients.bob!.call('GET', '/api/v1/admin/agent/mine')
    expect((mine.json.conversations as Json[]).map((c) => c.conversationId)).toEqual([c1.id])

    // Transfer to a queue: back to waiting, offered to someone else in it; the customer is told.
    const moved = await clients.bob!.call('POST', `/api/v1/admin/agent/conversations/${c1.id}/transfer`, {
      queue: 'pre-sales',
    })
    expect(moved.status).toBe(200)
    expect((await queueItem(c1.id))?.routingQueue).toBe('pre-sales')
    expect((await systemTexts(c1)).some((m) => m.text === '正在为您转接其他客服，请稍候。')).toBe(true)
    await clearQueue()
  })

  it('sticks to the customer’s last agent while they are online', async () => {
    for (const u of ['alice', 'bob']) await setStatus(u, 'online')
    const first = await handOff(['我的订单到哪了', '我要人工'], 'c005')
    expect((await offerOf(first.id))?.agentId).toBe(ids.alice) // both free: alphabetical
    // bob takes it anyway, serves and closes.
    expect((await clients.bob!.call('POST', `/api/v1/admin/agent/conversations/${first.id}/claim`, {})).status).toBe(
      200,
    )
    expect((await clients.bob!.call('POST', `/api/v1/admin/agent/conversations/${first.id}/close`, {})).status).toBe(
      200,
    )

    const again = await handOff(['我的订单到哪了', '我要人工'], 'c005')
    expect((await offerOf(again.id))?.agentId).toBe(ids.bob)
    await clearQueue()

    // bob away: the next one goes to alice.
    await setStatus('bob', 'away')
    const third = await handOff(['我的订单到哪了', '我要人工'], 'c005')
    expect((await offerOf(third.id))?.agentId).toBe(ids.alice)
    await clearQueue()
  })
})
