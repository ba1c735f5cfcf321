/**
 * The agent API end to end: the real server (SQLite in a fresh data dir, demo shop seeded), a customer
 * driven to handoff by "我要人工", an agent claiming and replying over HTTP, and both WebSockets.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { openSqliteStore } from '../../src/adapters/store-sql/sqlite-store.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { addStaff } from '../helpers/staff-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

type Json = Record<string, unknown>
type Msg = { seq: number; role: string; text: string; meta: Json }

let server: RunningServer
let apiKey: string
/** username → account id: the API key acts for an account named in x-kefu-agent. */
const accountId: Record<string, string> = {}
const dir = tempDir('kefu-agent-')

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir.path, env: { LOG_LEVEL: 'warn' } })
  // The demo shop's key is generated on first start; read it the way an operator would, from the store.
  const store = await openSqliteStore(join(dir.path, 'kefu.db'))
  try {
    apiKey = (await store.shops.get('demo'))!.apiKey
    for (const a of await addStaff(store, 'demo', [
      { username: 'alice', displayName: '李娜' },
      { username: 'bob', displayName: 'Bob Chen' },
    ]))
      accountId[a.username] = a.id
  } finally {
    await store.close()
  }
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

async function call(
  method: string,
  path: string,
  opts: { body?: unknown; token?: string; agent?: string | null; agentName?: string; key?: string } = {},
) {
  const headers: Record<string, string> = {}
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  else if (path.startsWith('/api/v1/admin')) headers.authorization = `Bearer ${opts.key ?? apiKey}`
  if (path.startsWith('/api/v1/admin') && opts.agent !== null) headers['x-kefu-agent'] = opts.agent ?? 'alice'
  if (opts.agentName) headers['x-kefu-agent-name'] = encodeURIComponent(opts.agentName)
  const res = await fetch(server.url + path, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  })
  const json = (await res.json()) as Json
  return { status: res.status, json }
}

const errCode = (j: Json) => (j.error as { code?: string } | undefined)?.code

/** A WebSocket that records every frame and can wait for one matching a predicate. */
async function socket(url: string) {
  const frames: Json[] = []
  const waiters: Array<{ test: (f: Json) => boolean; resolve: (f: Json) => void }> = []
  const ws = new WebSocket(url)
  ws.on('message', (raw) => {
    const f = JSON.parse(String(raw)) as Json
    frames.push(f)
    for (const w of [...waiters]) {
      if (w.test(f)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(f)
      }
    }
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return {
    ws,
    frames,
    next(test: (f: Json) => boolean, what: string): Promise<Json> {
      const seen = frames.find(test)
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no frame: ${what}; got ${JSON.stringify(frames)}`)), 10_000)
        waiters.push({
          test,
          resolve: (f) => {
            clearTimeout(timer)
            resolve(f)
          },
        })
      })
    },
    close: () => ws.close(),
  }
}

const wsUrl = (path: string) => server.url.replace('http', 'ws') + path

async function handedOffConversation() {
  const start = await call('POST', '/api/v1/conversations', { body: { shopId: 'demo', customerId: 'c001' } })
  expect(start.status).toBe(201)
  const conv = start.json as { id: string; token: string }
  const turn = await call('POST', `/api/v1/conversations/${conv.id}/messages`, {
    token: conv.token,
    body: { text: '我要人工' },
  })
  expect(turn.status).toBe(200)
  expect(turn.json.handoff).toBe(true)
  return conv
}

describe('agent API', () => {
  it('refuses a bad key (401), a missing or unknown agent account (401), an unknown conversation (404) and bad bodies (400)', async () => {
    expect((await call('GET', '/api/v1/admin/agent/queue', { key: 'wrong' })).status).toBe(401)
    const noAgent = await call('GET', '/api/v1/admin/agent/queue', { agent: null })
    expect([noAgent.status, errCode(noAgent.json)]).toEqual([401, 'unauthorized'])
    // A typed name is no identity: the key acts only for an existing account of the shop.
    const typed = await call('GET', '/api/v1/admin/agent/queue', { agent: 'mallory' })
    expect([typed.status, errCode(typed.json)]).toEqual([401, 'unauthorized'])
    const unknown = await call('GET', '/api/v1/admin/agent/conversations/conv_nope')
    expect([unknown.status, errCode(unknown.json)]).toEqual([404, 'not_found'])
    const claimUnknown = await call('POST', '/api/v1/admin/agent/conversations/conv_nope/claim', { body: {} })
    expect(claimUnknown.status).toBe(404)
    const conv = await handedOffConversation()
    const empty = await call('POST', `/api/v1/admin/agent/conversations/${conv.id}/notes`, { body: { text: '  ' } })
    expect([empty.status, errCode(empty.json)]).toEqual([400, 'invalid_input'])
    const extra = await call('POST', `/api/v1/admin/agent/conversations/${conv.id}/claim`, { body: { x: 1 } })
    expect([extra.status, errCode(extra.json)]).toEqual([400, 'invalid_input'])
  })

  it('takes a customer from "我要人工" to an agent reply on the customer stream, with the bot silent after', async () => {
    const desk = await socket(wsUrl(`/api/v1/admin/agent/stream?key=${encodeURIComponent(apiKey)}&agent=alice`))
    await desk.next((f) => f.type === 'ready', 'desk ready')

    const conv = await handedOffConversation()
    await desk.next((f) => f.type === 'queue' && f.conversationId === conv.id && f.change === 'requested', 'queue push')

    const queue = await call('GET', '/api/v1/admin/agent/queue')
    expect(queue.status).toBe(200)
    const item = (queue.json.queue as Json[]).find((q) => q.conversationId === conv.id)
    expect(item).toMatchObject({ reason: 'customer_requested_human', customer: { id: 'c001' } })
    expect((item!.lastCustomerMessage as Json).text).toBe('我要人工')

    const customer = await socket(wsUrl(`/api/v1/conversations/${conv.id}/stream?token=${conv.token}`))
    await customer.next((f) => f.type === 'ready', 'customer ready')
    desk.ws.send(JSON.stringify({ type: 'watch', conversationIds: [conv.id] }))
    await desk.next((f) => f.type === 'watching', 'watching')

    const [a, b] = await Promise.all([
      // x-kefu-agent-name is ignored: the name shown to the customer is the account's.
      call('POST', `/api/v1/admin/agent/conversations/${conv.id}/claim`, { agentName: '店长 Shop Owner', body: {} }),
      call('POST', `/api/v1/admin/agent/conversations/${conv.id}/claim`, { agent: 'bob' }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const winner = a.status === 200 ? 'alice' : 'bob'
    const loser = winner === 'alice' ? 'bob' : 'alice'
    const lost = a.status === 409 ? a : b
    expect(errCode(lost.json)).toBe('conflict')
    await customer.next((f) => f.type === 'status' && f.status === 'human', 'customer sees the agent join')

    const notMine = await call('POST', `/api/v1/admin/agent/conversations/${conv.id}/messages`, {
      agent: loser,
      body: { text: '我来' },
    })
    expect([notMine.status, errCode(notMine.json)]).toEqual([409, 'conflict'])

    const sent = await call('POST', `/api/v1/admin/agent/conversations/${conv.id}/messages`, {
      agent: winner,
      agentName: '店长 Shop Owner',
      body: { text: '您好，我是人工客服，请问有什么可以帮您？' },
    })
    expect(sent.status).toBe(201)
    const pushed = await customer.next(
      (f) => f.type === 'message' && (f.message as Msg).role === 'agent',
      'agent reply on the customer stream',
    )
    expect((pushed.message as Msg).text).toBe('您好，我是人工客服，请问有什么可以帮您？')
    expect((pushed.message as Msg).meta.agent).toEqual({
      id: accountId[winner],
      name: winner === 'alice' ? '李娜' : 'Bob Chen',
    })

    // The customer answers: stored and pushed to the agent, and the bot says nothing.
    const turn = await call('POST', `/api/v1/conversations/${conv.id}/messages`, {
      token: conv.token,
      body: { text: '我的订单怎么还没发货' },
    })
    expect(turn.status).toBe(200)
    expect(turn.json.replies).toEqual([])
    await desk.next(
      (f) => f.type === 'message' && f.conversationId === conv.id && (f.message as Msg).text === '我的订单怎么还没发货',
      'customer message on the desk stream',
    )
    const history = await call('GET', `/api/v1/conversations/${conv.id}/messages`, { token: conv.token })
    const roles = (history.json.messages as Msg[]).map((m) => m.role)
    expect(roles.slice(-3)).toEqual(['system', 'agent', 'customer'])
    expect(roles.indexOf('bot', roles.indexOf('agent'))).toBe(-1)

    const ctx = await call('GET', `/api/v1/admin/agent/conversations/${conv.id}`, { agent: winner })
    expect(ctx.status).toBe(200)
    expect(ctx.json.viewer).toMatchObject({ isAssignee: true })
    expect((ctx.json.customer as Json).id).toBe('c001')
    expect((ctx.json.orders as Json[]).length).toBeGreaterThan(0)
    const lastCustomer = (ctx.json.messages as Msg[]).filter((m) => m.role === 'customer').pop()!
    expect(lastCustomer.meta.nlu).toMatchObject({ intent: expect.any(String), emotion: { score: expect.any(Number) } })
    expect(Array.isArray(ctx.json.suggestions)).toBe(true)

    const mine = await call('GET', '/api/v1/admin/agent/mine', { agent: winner })
    expect((mine.json.conversations as Json[]).map((c) => c.conversationId)).toContain(conv.id)

    const release = await call('POST', `/api/v1/admin/agent/conversations/${conv.id}/release`, { agent: winner })
    expect(release.status).toBe(200)
    expect((release.json.conversation as Json).status).toBe('bot')
    await customer.next((f) => f.type === 'status' && f.status === 'bot', 'customer back with the bot')
    const back = await call('POST', `/api/v1/conversations/${conv.id}/messages`, {
      token: conv.token,
      body: { text: '你们的退货政策是什么' },
    })
    expect((back.json.replies as unknown[]).length).toBeGreaterThan(0)

    desk.close()
    customer.close()
  })

  it('closes a waiting conversation; the customer can no longer write', async () => {
    const conv = await handedOffConversation()
    const closed = await call('POST', `/api/v1/admin/agent/conversations/${conv.id}/close`)
    expect(closed.status).toBe(200)
    expect((closed.json.conversation as Json).status).toBe('closed')
    const again = await call('POST', `/api/v1/admin/agent/conversations/${conv.id}/close`)
    expect([again.status, errCode(again.json)]).toEqual([409, 'conflict'])
    const turn = await call('POST', `/api/v1/conversations/${conv.id}/messages`, {
      token: conv.token,
      body: { text: '还在吗' },
    })
    expect(turn.status).toBe(409)
  })

  it('refuses a desk stream with a bad key and a watch for an unknown conversation', async () => {
    const bad = await socket(wsUrl('/api/v1/admin/agent/stream?key=nope&agent=alice'))
    const err = await bad.next((f) => f.type === 'error', 'error frame')
    expect((err.error as Json).code).toBe('unauthorized')
    const ok = await socket(wsUrl(`/api/v1/admin/agent/stream?key=${encodeURIComponent(apiKey)}&agent=alice`))
    await ok.next((f) => f.type === 'ready', 'ready')
    ok.ws.send(JSON.stringify({ type: 'watch', conversationIds: ['conv_nope'] }))
    const nf = await ok.next((f) => f.type === 'error', 'not found frame')
    expect((nf.error as Json).code).toBe('not_found')
    ok.close()
  })

  it('publishes the agent API in the OpenAPI document', async () => {
    const doc = await call('GET', '/api/v1/openapi.json')
    expect(Object.keys(doc.json.paths as Json)).toContain('/api/v1/admin/agent/conversations/{id}/claim')
  })
})
