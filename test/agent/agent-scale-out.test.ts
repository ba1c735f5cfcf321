/**
 * The agent desk across two kefu instances on one PostgreSQL schema and one Redis: a handoff on
 * instance A reaches a console on instance B, claims racing through both instances have exactly one
 * winner, and B's reply reaches the customer connected to A. Runs when KEFU_TEST_DATABASE_URL and
 * KEFU_TEST_REDIS_URL are set.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { openPostgresStore } from '../../src/adapters/store-sql/postgres-store.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { addStaff } from '../helpers/staff-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

const dbUrl = process.env.KEFU_TEST_DATABASE_URL
const redisUrl = process.env.KEFU_TEST_REDIS_URL

type Frame = Record<string, unknown>

/** Opens a WebSocket and resolves frames matching a predicate (already received or future). */
async function collect(url: string) {
  const frames: Frame[] = []
  const ws = new WebSocket(url)
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as Frame))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return {
    ws,
    async next(test: (f: Frame) => boolean, what: string): Promise<Frame> {
      for (let i = 0; i < 200; i++) {
        const f = frames.find(test)
        if (f) return f
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`no frame: ${what}; got ${JSON.stringify(frames)}`)
    },
  }
}

describe.skipIf(!dbUrl || !redisUrl)('agent desk across two instances (PostgreSQL + Redis)', () => {
  const schema = `kefu_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`
  const dirA = tempDir()
  const dirB = tempDir()
  let a: RunningServer
  let b: RunningServer
  let apiKey: string

  beforeAll(async () => {
    const env = {
      LOG_LEVEL: 'warn',
      KEFU_DATABASE_URL: `${dbUrl}?schema=${schema}`,
      KEFU_REDIS_URL: redisUrl,
      KEFU_REDIS_PREFIX: `kefu-test-${schema}:`,
      KEFU_SECRET: 'a-shared-secret-for-both-instances',
    }
    a = await startServer({ port: 0, dataDir: dirA.path, env })
    b = await startServer({ port: 0, dataDir: dirB.path, env })
    const c = new pg.Client({ connectionString: dbUrl })
    await c.connect()
    try {
      apiKey = (await c.query(`select api_key from "${schema}".shops where id = 'demo'`)).rows[0].api_key
    } finally {
      await c.end()
    }
    // The API key acts for accounts: create the two agents in the shared database.
    const store = await openPostgresStore(dbUrl!, { schema, max: 1 })
    try {
      await addStaff(store, 'demo', [{ username: 'alice' }, { username: 'bob' }])
    } finally {
      await store.close()
    }
  })

  afterAll(async () => {
    await a?.close()
    await b?.close()
    dirA.remove()
    dirB.remove()
    const c = new pg.Client({ connectionString: dbUrl })
    await c.connect()
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await c.end()
  })

  const agentCall = (server: RunningServer, path: string, agent: string, body?: unknown) =>
    fetch(`${server.url}/api/v1/admin/agent${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        'x-kefu-agent': agent,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

  it('pushes a handoff on A to a console on B; one claim wins; B’s reply reaches the customer on A', async () => {
    const desk = await collect(
      `${b.url.replace('http', 'ws')}/api/v1/admin/agent/stream?key=${encodeURIComponent(apiKey)}&agent=alice`,
    )
    await desk.next((f) => f.type === 'ready', 'desk ready on B')

    const res = await fetch(`${a.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'c001' }),
    })
    const conv = (await res.json()) as { id: string; token: string }
    const customer = await collect(
      `${a.url.replace('http', 'ws')}/api/v1/conversations/${conv.id}/stream?token=${conv.token}`,
    )
    await customer.next((f) => f.type === 'ready', 'customer ready on A')
    const turn = await fetch(`${a.url}/api/v1/conversations/${conv.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${conv.token}` },
      body: JSON.stringify({ text: '我要人工' }),
    })
    expect(((await turn.json()) as { handoff: boolean }).handoff).toBe(true)
    await desk.next((f) => f.type === 'queue' && f.conversationId === conv.id, 'queue push on B')

    const claims = await Promise.all([
      agentCall(a, `/conversations/${conv.id}/claim`, 'alice', {}),
      agentCall(b, `/conversations/${conv.id}/claim`, 'bob', {}),
    ])
    expect(claims.map((r) => r.status).sort()).toEqual([200, 409])
    const winner = claims[0]!.status === 200 ? 'alice' : 'bob'

    const reply = await agentCall(b, `/conversations/${conv.id}/messages`, winner, { text: '您好，我来帮您处理' })
    expect(reply.status).toBe(201)
    const pushed = await customer.next(
      (f) => f.type === 'message' && (f.message as { role: string }).role === 'agent',
      'agent reply on A',
    )
    expect((pushed.message as { text: string }).text).toBe('您好，我来帮您处理')

    desk.ws.close()
    customer.ws.close()
  })
})
