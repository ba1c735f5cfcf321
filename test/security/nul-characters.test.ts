/**
 * Issue 10, point 3: a NUL character (U+0000) in any text field — a chat message, a button payload,
 * a ticket subject, data or comment, a query or path parameter — is stripped at the edge: the
 * request succeeds, nothing is lost, and SQLite and PostgreSQL behave the same (PostgreSQL cannot
 * store NUL and used to answer 500, losing the customer's message).
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { tempDir } from '../helpers/temp-dir.js'

const PG_URL = process.env.KEFU_TEST_DATABASE_URL
const backends: Array<{ name: string; url: (schema: string) => string | undefined }> = [
  { name: 'sqlite', url: () => undefined },
  ...(PG_URL ? [{ name: 'postgres', url: (schema: string) => `${PG_URL}?schema=${schema}` }] : []),
]

for (const backend of backends) {
  describe(`${backend.name}: NUL characters are stripped at the edge`, () => {
    const dir = tempDir()
    const schema = `kefu_t_${randomBytes(6).toString('hex')}`
    let server: RunningServer
    let key: string

    beforeAll(async () => {
      const url = backend.url(schema)
      server = await startServer({
        port: 0,
        host: '127.0.0.1',
        dataDir: dir.path,
        env: { LOG_LEVEL: 'warn', ...(url ? { KEFU_DATABASE_URL: url } : {}) },
      })
      key = server.demoApiKey!
    })
    afterAll(async () => {
      await server?.close()
      dir.remove()
      if (backend.name === 'postgres' && PG_URL) {
        const c = new pg.Client({ connectionString: PG_URL })
        await c.connect()
        await c.query(`drop schema if exists "${schema}" cascade`)
        await c.end()
      }
    })

    const post = (path: string, body: unknown, auth?: string) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
        body: JSON.stringify(body),
      })

    it('keeps a chat message, its payload and a rating comment', async () => {
      const c = await post('/api/v1/conversations', { locale: 'zh', customerId: 'c001' })
      expect(c.status).toBe(201)
      const conv = (await c.json()) as { id: string; token: string }
      const m = await post(
        `/api/v1/conversations/${conv.id}/messages`,
        { text: '你好\u0000我的订单到哪了' },
        conv.token,
      )
      expect(m.status).toBe(200)
      const p = await post(
        `/api/v1/conversations/${conv.id}/messages`,
        { text: 'x\u0000', payload: '查\u0000物流' },
        conv.token,
      )
      expect(p.status).toBe(200)
      const r = await post(`/api/v1/conversations/${conv.id}/rating`, { score: 5, comment: '好\u0000' }, conv.token)
      expect(r.status).toBe(201)
      const h = await fetch(`${server.url}/api/v1/conversations/${conv.id}/messages`, {
        headers: { authorization: `Bearer ${conv.token}` },
      })
      const body = (await h.json()) as { messages: Array<{ role: string; text: string }> }
      const customer = body.messages.filter((x) => x.role === 'customer').map((x) => x.text)
      expect(customer).toContain('你好我的订单到哪了')
      expect(JSON.stringify(body)).not.toContain('\\u0000')
    })

    it('keeps ticket subjects, data and comments; query and path parameters do not fail', async () => {
      const t = await post(
        '/api/v1/admin/tickets',
        { category: 'repair\u0000', subject: '屏幕\u0000坏了', data: { 'no\u0000te': 'a\u0000b', list: ['\u0000'] } },
        key,
      )
      expect(t.status).toBe(201)
      const ticket = (await t.json()) as { id: string; subject: string; data: Record<string, unknown> }
      expect(ticket.subject).toBe('屏幕坏了')
      expect(ticket.data).toEqual({ note: 'ab', list: [''] })
      const c = await post(`/api/v1/admin/tickets/${ticket.id}/comments`, { text: '已\u0000处理' }, key)
      expect(c.status).toBe(201)
      expect(((await c.json()) as { text: string }).text).toBe('已处理')

      const q = await fetch(`${server.url}/api/v1/admin/tickets?queue=%00repair`, {
        headers: { authorization: `Bearer ${key}` },
      })
      expect(q.status).toBe(200)
      const g = await fetch(`${server.url}/api/v1/admin/tickets/${ticket.id}%00`, {
        headers: { authorization: `Bearer ${key}` },
      })
      expect(g.status).toBe(200)
      const nf = await fetch(`${server.url}/api/v1/conversations/conv%00x/messages`, {
        headers: { authorization: 'Bearer nope' },
      })
      expect(nf.status).toBe(401)
    })
  })
}
