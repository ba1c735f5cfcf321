/**
 * A customer who writes traditional characters (Hong Kong, Taiwan) or written Cantonese is understood
 * as a simplified-Mandarin writer is, and reads the replies in traditional characters, also after a
 * message that shows no script ("KF… 2014"). Their own words are stored as they wrote them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

type Turn = {
  replies: Array<{ text: string }>
  nlu: { intent: string }
  messages: Array<{ role: string; text: string }>
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(server.url + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  expect(res.status).toBeLessThan(300)
  return (await res.json()) as T
}

async function conversation(): Promise<(text: string) => Promise<Turn>> {
  const c = await post<{ id: string; token: string }>('/api/v1/conversations', {})
  return (text) => post<Turn>(`/api/v1/conversations/${c.id}/messages`, { text }, c.token)
}

const replyText = (t: Turn) => t.replies.map((r) => r.text).join('\n')

describe('traditional Chinese and written Cantonese', () => {
  it('understands a traditional-script return request and answers in traditional characters', async () => {
    const say = await conversation()
    const first = await say('我想退貨 手錶還沒拆封')
    expect(first.nlu.intent).toBe('return_refund')
    expect(replyText(first)).toContain('訂單號')
    expect(replyText(first)).not.toContain('订单号')
    expect(first.messages.find((m) => m.role === 'customer')?.text).toBe('我想退貨 手錶還沒拆封')
    // No Chinese characters: the conversation keeps the customer's script.
    const second = await say('KF202611230241 2014')
    expect(replyText(second)).toContain('KF202611230241')
    expect(replyText(second)).toMatch(/[訂還這個們請對於單]/u)
    expect(replyText(second)).not.toMatch(/[订还这个们请对于单]/u)
  })

  it('reads written Cantonese as an order question', async () => {
    const say = await conversation()
    const t = await say('唔該幫我睇下我張訂單幾時發貨')
    expect(['order_status', 'logistics']).toContain(t.nlu.intent)
    expect(replyText(t)).not.toContain('订单号')
  })

  it('answers a simplified-script customer in simplified characters', async () => {
    const say = await conversation()
    const t = await say('我想退货 手表还没拆封')
    expect(t.nlu.intent).toBe('return_refund')
    expect(replyText(t)).toContain('订单号')
  })
})
