/**
 * The intent the API, the `turn.completed` event and the metrics report is the one the turn acted on;
 * the classifier's is a separate field. "我要付款" is filed under invoice_payment by the classifier and
 * acted on as order_status (the customer's unpaid order), so the two differ on this message.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
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

async function post(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(server.url + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  expect(res.status).toBeLessThan(300)
  return (await res.json()) as Record<string, unknown>
}

describe('the reported intent is the one acted on', () => {
  it('API, turn.completed event and metrics report order_status for 我要付款; the classifier keeps invoice_payment', async () => {
    const c = (await post('/api/v1/conversations', { customerId: 'c002' })) as { id: string; token: string }
    const turn = await post(`/api/v1/conversations/${c.id}/messages`, { text: '我要付款' }, c.token)
    const nlu = turn.nlu as { intent: string; classifierIntent: string; intentSource: string }
    expect(nlu.classifierIntent).toBe('invoice_payment')
    expect(nlu.intent).toBe('order_status')
    expect(nlu.intentSource).toBe('context')

    const db = new Database(path.join(dir.path, 'kefu.db'), { readonly: true })
    const rows = db
      .prepare("select data from events where conversation_id = ? and type = 'turn.completed'")
      .all(c.id) as Array<{ data: string }>
    db.close()
    expect(rows).toHaveLength(1)
    const data = JSON.parse(rows[0]!.data) as { intent: string; classifierIntent: string }
    expect(data).toMatchObject({ intent: 'order_status', classifierIntent: 'invoice_payment' })

    const metrics = await (await fetch(`${server.url}/metrics`)).text()
    const turns = metrics.split('\n').filter((l) => l.startsWith('kefu_turns_total{'))
    expect(turns.some((l) => l.includes('intent="order_status"'))).toBe(true)
    expect(turns.some((l) => l.includes('intent="invoice_payment"'))).toBe(false)
  })
})
