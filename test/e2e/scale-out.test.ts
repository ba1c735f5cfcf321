/**
 * Two kefu instances on one PostgreSQL schema and one Redis: what a customer does
 * through one instance is seen live through the other.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { askOnce, replyText } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'

const dbUrl = process.env.KEFU_TEST_DATABASE_URL
const redisUrl = process.env.KEFU_TEST_REDIS_URL

describe.skipIf(!dbUrl || !redisUrl)('scale-out: two instances on PostgreSQL + Redis', () => {
  const schema = `kefu_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`
  const dirA = tempDir()
  const dirB = tempDir()
  let a: RunningServer
  let b: RunningServer

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
  })

  afterAll(async () => {
    await a?.close()
    await b?.close()
    dirA.remove()
    dirB.remove()
    const c = new pg.Client({ connectionString: dbUrl })
    await c.connect()
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await c.end()
  })

  it('both instances report ready with PostgreSQL and Redis', async () => {
    for (const s of [a, b]) {
      const r = await fetch(`${s.url}/readyz`)
      expect(r.status).toBe(200)
      expect(await r.json()).toMatchObject({ status: 'ready', store: 'postgres', redis: 'ok' })
    }
  })

  it('a message sent through instance A is pushed to a WebSocket on instance B', async () => {
    const res = await fetch(`${a.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'c001' }),
    })
    expect(res.status).toBe(201)
    const conv = (await res.json()) as { id: string; token: string }

    const ws = new WebSocket(
      `${b.url.replace('http', 'ws')}/api/v1/conversations/${conv.id}/stream?token=${conv.token}`,
    )
    const frames: Array<{ type: string; message?: { role: string; text: string } }> = []
    await new Promise<void>((resolve, reject) => {
      ws.on('message', (d) => {
        const f = JSON.parse(String(d))
        frames.push(f)
        if (f.type === 'ready') resolve()
      })
      ws.on('error', reject)
    })

    const turn = await fetch(`${a.url}/api/v1/conversations/${conv.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${conv.token}` },
      body: JSON.stringify({ text: 'where is my order?' }),
    })
    expect(turn.status).toBe(200)
    const end = Date.now() + 5000
    while (frames.filter((f) => f.type === 'message').length < 2 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 10))
    }
    const msgs = frames.filter((f) => f.type === 'message').map((f) => f.message)
    expect(msgs[0]).toMatchObject({ role: 'customer', text: 'where is my order?' })
    expect(msgs[1]?.role).toBe('bot')
    ws.close()

    // The history written through A reads back the same through B (one shared store).
    const hist = await fetch(`${b.url}/api/v1/conversations/${conv.id}/messages`, {
      headers: { authorization: `Bearer ${conv.token}` },
    })
    expect(hist.status).toBe(200)
    const h = (await hist.json()) as { messages: unknown[] }
    expect(h.messages.length).toBe(msgs.length)
  })

  it('an FAQ published through instance A answers on instance B at the next message', async () => {
    const key = a.demoApiKey as string
    const ask = async (url: string, text: string) => replyText(await askOnce(url, text))
    const admin = (path: string, body: unknown) =>
      fetch(`${a.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      })
    // B builds its index before the publish, so only the broadcast can make it see the new entry.
    expect(await ask(b.url, '可以用数字人民币支付吗')).not.toContain('数字钱包扫码')
    expect(
      (
        await admin('/api/v1/admin/faq', {
          id: 'faq-zh-ecny',
          question: '支持数字人民币付款吗',
          answer: '支持数字人民币：在收银台选择数字人民币，用数字钱包扫码即可。',
          similar: ['能用数字人民币吗', '数币支付可以吗'],
          category: 'payment',
          locale: 'zh',
        })
      ).status,
    ).toBe(201)
    expect((await admin('/api/v1/admin/faq/faq-zh-ecny/submit', {})).status).toBe(200)
    expect((await admin('/api/v1/admin/faq/faq-zh-ecny/publish', {})).status).toBe(200)
    const end = Date.now() + 5000
    let answer = ''
    while (Date.now() < end) {
      answer = await ask(b.url, '可以用数字人民币支付吗')
      if (answer.includes('数字钱包扫码')) break
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(answer).toContain('数字钱包扫码')
  })
})
