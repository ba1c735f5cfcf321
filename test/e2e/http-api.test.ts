import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { tempDir } from '../helpers/temp-dir.js'

let server: RunningServer
const dir = tempDir()

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir.path, env: { LOG_LEVEL: 'warn' } })
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

type Json = Record<string, unknown>
async function call(method: string, path: string, opts: { body?: unknown; raw?: string; token?: string } = {}) {
  const headers: Record<string, string> = {}
  if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json'
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  const res = await fetch(server.url + path, {
    method,
    headers,
    ...(opts.raw !== undefined
      ? { body: opts.raw }
      : opts.body !== undefined
        ? { body: JSON.stringify(opts.body) }
        : {}),
  })
  const text = await res.text()
  let json: Json = {}
  try {
    json = JSON.parse(text) as Json
  } catch {
    json = { text }
  }
  return { status: res.status, json }
}

async function start(body: Json = {}) {
  const r = await call('POST', '/api/v1/conversations', { body })
  expect(r.status).toBe(201)
  return r.json as { id: string; token: string }
}

const errCode = (j: Json) => (j.error as { code: string } | undefined)?.code

describe('health and docs', () => {
  it('GET /healthz and /readyz answer ok when the store is up', async () => {
    expect((await call('GET', '/healthz')).status).toBe(200)
    const r = await call('GET', '/readyz')
    expect(r.status).toBe(200)
    expect(r.json.status).toBe('ready')
  })

  it('serves an OpenAPI document listing the chat endpoints', async () => {
    const r = await call('GET', '/api/v1/openapi.json')
    expect(r.status).toBe(200)
    expect(r.json.openapi).toBe('3.1.0')
    const paths = Object.keys(r.json.paths as Json)
    expect(paths).toContain('/api/v1/conversations')
    expect(paths).toContain('/api/v1/conversations/{id}/messages')
    expect(paths).toContain('/api/v1/conversations/{id}/stream')
  })

  it('exposes Prometheus metrics', async () => {
    const res = await fetch(`${server.url}/metrics`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('kefu_http_request_duration_seconds')
  })

  it('answers 404 with a machine-readable code for unknown routes', async () => {
    const r = await call('GET', '/api/v1/nope')
    expect(r.status).toBe(404)
    expect(errCode(r.json)).toBe('not_found')
  })

  it('serves the demo catalog', async () => {
    const r = await call('GET', '/api/v1/shops/demo/products?limit=5')
    expect(r.status).toBe(200)
    expect((r.json.products as unknown[]).length).toBe(5)
    expect(r.json.total as number).toBeGreaterThanOrEqual(200)
    expect((await call('GET', '/api/v1/shops/nope/products')).status).toBe(404)
    expect(errCode((await call('GET', '/api/v1/shops/demo/products?limit=abc')).json)).toBe('invalid_input')
  })
})

describe('conversations', () => {
  it('creates a conversation with a token (201) and rejects bad bodies (400)', async () => {
    const c = await start({ locale: 'zh' })
    expect(c.id).toBeTruthy()
    expect(c.token).toBeTruthy()
    const bad = await call('POST', '/api/v1/conversations', { body: { shopId: 42 } })
    expect(bad.status).toBe(400)
    expect(errCode(bad.json)).toBe('invalid_input')
    const unknownShop = await call('POST', '/api/v1/conversations', { body: { shopId: 'no-such-shop' } })
    expect(unknownShop.status).toBe(404)
    const unknownCustomer = await call('POST', '/api/v1/conversations', { body: { customerId: 'no-such-customer' } })
    expect(unknownCustomer.status).toBe(404)
  })

  it('answers a message with replies, nlu, state and handoff', async () => {
    const c = await start()
    const r = await call('POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body: { text: '你好' } })
    expect(r.status).toBe(200)
    expect(r.json.conversationId).toBe(c.id)
    const replies = r.json.replies as Array<{ text: string }>
    expect(replies.length).toBeGreaterThan(0)
    expect(replies[0]?.text.length).toBeGreaterThan(0)
    const nlu = r.json.nlu as { intent: string; confidence: number; entities: unknown[]; emotion: { score: number } }
    expect(nlu.intent).toBe('greeting')
    expect(nlu.confidence).toBeGreaterThan(0)
    expect(Array.isArray(nlu.entities)).toBe(true)
    expect(typeof nlu.emotion.score).toBe('number')
    expect(typeof r.json.state).toBe('object')
    expect(r.json.handoff).toBe(false)
    expect(typeof r.json.action).toBe('string')
  })

  it('names the latest tracking event of a shipped order for its customer', async () => {
    const c = await start({ customerId: 'c001' })
    const r = await call('POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: '我的订单到哪了' },
    })
    expect(r.status).toBe(200)
    expect(['logistics', 'order_status']).toContain((r.json.nlu as { intent: string }).intent)
    const text = (r.json.replies as Array<{ text: string }>).map((x) => x.text).join('\n')
    // c001 has exactly one shipped order; the reply must quote its newest tracking event.
    const orders = await import('../../src/adapters/open-store.js')
    const store = await orders.openStore(`sqlite://${dir.path}/kefu.db`)
    try {
      const list = await store.orders.listByCustomer('demo', 'c001')
      const shipped = list.find((o) => o.status === 'shipped')
      const last = shipped?.shipment?.events.at(-1)
      expect(last).toBeTruthy()
      expect(text).toContain(last?.description)
    } finally {
      await store.close()
    }
  })

  it('rejects bad message bodies with 400 and stores nothing of them', async () => {
    const c = await start()
    const path = `/api/v1/conversations/${c.id}/messages`
    const cases = [
      { raw: '{"text": ' },
      { body: { text: '' } },
      { body: { text: '   ' } },
      { body: { text: 42 } },
      { body: {} },
      { body: { text: 'x'.repeat(4001) } },
      { body: { text: 'hi', extra: true } },
    ]
    for (const cse of cases) {
      const r = await call('POST', path, { token: c.token, ...cse })
      expect(r.status, JSON.stringify(cse).slice(0, 60)).toBe(400)
      expect(['invalid_input', 'invalid_json']).toContain(errCode(r.json))
      expect(typeof (r.json.error as { message: string }).message).toBe('string')
    }
    expect(errCode((await call('POST', path, { token: c.token, raw: '{"text": ' })).json)).toBe('invalid_json')
    const h = await call('GET', path, { token: c.token })
    expect(h.status).toBe(200)
    expect(h.json.messages).toEqual([])
  })

  it('accepts exactly 4,000 characters', async () => {
    const c = await start()
    const r = await call('POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: '好'.repeat(4000) },
    })
    expect(r.status).toBe(200)
  })

  it('401 without or with a forged token, 404 for another conversation', async () => {
    const a = await start()
    const b = await start()
    const path = `/api/v1/conversations/${a.id}/messages`
    const none = await call('POST', path, { body: { text: 'hi' } })
    expect(none.status).toBe(401)
    expect(errCode(none.json)).toBe('unauthorized')
    const forged = await call('POST', path, { token: `${b.token}x`, body: { text: 'hi' } })
    expect(forged.status).toBe(401)
    const other = await call('POST', path, { token: b.token, body: { text: 'hi' } })
    expect(other.status).toBe(404)
    expect(errCode(other.json)).toBe('not_found')
    expect((await call('GET', path, { token: b.token })).status).toBe(404)
    expect((await call('GET', `/api/v1/conversations/nope/messages`, { token: a.token })).status).toBe(404)
  })

  it('returns the history in order with roles and seq', async () => {
    const c = await start()
    const path = `/api/v1/conversations/${c.id}/messages`
    await call('POST', path, { token: c.token, body: { text: 'hello' } })
    await call('POST', path, { token: c.token, body: { text: 'how long does shipping take?' } })
    const h = await call('GET', path, { token: c.token })
    const msgs = h.json.messages as Array<{ seq: number; role: string; text: string }>
    expect(msgs.length).toBeGreaterThanOrEqual(4)
    expect(msgs.map((m) => m.seq)).toEqual(msgs.map((_, i) => i + 1))
    expect(msgs[0]).toMatchObject({ role: 'customer', text: 'hello' })
    expect(msgs[1]?.role).toBe('bot')
    const after = await call('GET', `${path}?afterSeq=2`, { token: c.token })
    expect((after.json.messages as Array<{ seq: number }>)[0]?.seq).toBe(3)
  })
})

describe('customer identity on a non-demo shop', () => {
  it('requires the customer id signed with the shop widget secret (401 otherwise)', async () => {
    const { openStore } = await import('../../src/adapters/open-store.js')
    const { ensureShop } = await import('../../src/server/import/ensure-shop.js')
    const { signCustomerId } = await import('../../src/server/auth/conversation-token.js')
    const store = await openStore(`sqlite://${dir.path}/kefu.db`)
    let secret: string
    try {
      const shop = await ensureShop(store, 'acme')
      expect(shop.demo).toBe(false)
      secret = shop.widgetSecret
      await store.customers.upsertMany('acme', [{ id: 'u1', name: 'Ann', phone: '13800000000', tier: 'regular' }])
    } finally {
      await store.close()
    }
    const unsigned = await call('POST', '/api/v1/conversations', { body: { shopId: 'acme', customerId: 'u1' } })
    expect(unsigned.status).toBe(401)
    expect(errCode(unsigned.json)).toBe('unauthorized')
    const forged = await call('POST', '/api/v1/conversations', {
      body: { shopId: 'acme', customerId: 'u1', signature: signCustomerId('not-the-secret', 'u1') },
    })
    expect(forged.status).toBe(401)
    const signed = await call('POST', '/api/v1/conversations', {
      body: { shopId: 'acme', customerId: 'u1', signature: signCustomerId(secret, 'u1') },
    })
    expect(signed.status).toBe(201)
    expect(signed.json.customerId).toBe('u1')
    // Anonymous visitors are welcome on any shop; they verify before seeing order details.
    const anon = await call('POST', '/api/v1/conversations', { body: { shopId: 'acme' } })
    expect(anon.status).toBe(201)
    expect(anon.json.customerId).toBeNull()
  })
})

describe('CSAT rating', () => {
  it('stores a 1–5 rating (201), replaces it on a second rating, rejects bad scores (400) and other tokens (404)', async () => {
    const c = await start()
    const path = `/api/v1/conversations/${c.id}/rating`
    const first = await call('POST', path, { token: c.token, body: { score: 4, comment: '挺好' } })
    expect(first.status).toBe(201)
    expect(first.json).toMatchObject({ conversationId: c.id, score: 4, replaced: false })
    const second = await call('POST', path, { token: c.token, body: { score: 5 } })
    expect(second.json).toMatchObject({ score: 5, replaced: true })
    for (const score of [0, 6, 3.5, '5', null]) {
      const bad = await call('POST', path, { token: c.token, body: { score } })
      expect(bad.status).toBe(400)
      expect(errCode(bad.json)).toBe('invalid_input')
    }
    const other = await start()
    expect((await call('POST', path, { token: other.token, body: { score: 1 } })).status).toBe(404)
    expect((await call('POST', path, { body: { score: 1 } })).status).toBe(401)
  })
})

describe('WebSocket stream', () => {
  it('pushes every new message of the conversation', async () => {
    const c = await start()
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/conversations/${c.id}/stream?token=${c.token}`)
    const frames: Array<{ type: string; message?: { role: string; text: string; seq: number } }> = []
    await new Promise<void>((resolve, reject) => {
      ws.on('message', (d) => {
        const f = JSON.parse(String(d))
        frames.push(f)
        if (f.type === 'ready') resolve()
      })
      ws.on('error', reject)
    })
    await call('POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body: { text: '在吗' } })
    const end = Date.now() + 5000
    while (frames.filter((f) => f.type === 'message').length < 2 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 10))
    }
    const msgs = frames.filter((f) => f.type === 'message').map((f) => f.message)
    expect(msgs[0]).toMatchObject({ role: 'customer', text: '在吗', seq: 1 })
    expect(msgs[1]?.role).toBe('bot')
    ws.close()
  })

  it('refuses a stream with a wrong token', async () => {
    const a = await start()
    const b = await start()
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/conversations/${a.id}/stream?token=${b.token}`)
    const first = await new Promise<{ type: string; error?: { code: string } }>((resolve, reject) => {
      ws.on('message', (d) => resolve(JSON.parse(String(d))))
      ws.on('error', reject)
    })
    expect(first.type).toBe('error')
    expect(first.error?.code).toBe('not_found')
    await new Promise((r) => ws.on('close', r))
  })
})
