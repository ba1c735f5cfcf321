/**
 * Phone-style typing (src/core/nlu/phone-typing.ts) reaches the whole understanding stage: an order number
 * and phone tail dictated as Chinese numerals verify an anonymous visitor, and pinyin abbreviations read as
 * the words. The customer's own words are stored as written.
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

describe('phone-style typing', () => {
  it('verifies with an order number and phone tail dictated as Chinese numerals', async () => {
    const say = await conversation()
    await say('我的订单到哪了')
    const words = '订单号KF二零二六一一二三零二四一 手机尾号二零一四'
    const t = await say(words)
    expect(replyText(t)).toContain('KF202611230241')
    expect(replyText(t)).not.toContain('后 4 位')
    expect(t.messages.find((m) => m.role === 'customer')?.text).toBe(words)
  })

  it('reads "fp" as 发票', async () => {
    const say = await conversation()
    const t = await say('fp怎么开')
    expect(t.nlu.intent).toBe('invoice_payment')
  })
})
