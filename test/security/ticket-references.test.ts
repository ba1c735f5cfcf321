/**
 * Issue 10, point 11: a ticket may only reference the shop's own conversation and customers; a
 * conversation id of another shop (or an unknown one) is refused with 400 and nothing is stored.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { ensureShop } from '../../src/server/import/ensure-shop.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { tempDir } from '../helpers/temp-dir.js'

let server: RunningServer
const dir = tempDir()

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir.path, env: { LOG_LEVEL: 'warn' } })
  const store = await openStore(`sqlite://${join(dir.path, 'kefu.db')}`)
  try {
    await ensureShop(store, 'other')
  } finally {
    await store.close()
  }
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

const start = async (shopId: string, customerId?: string) => {
  const r = await fetch(`${server.url}/api/v1/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ shopId, ...(customerId ? { customerId } : {}) }),
  })
  expect(r.status).toBe(201)
  return (await r.json()) as { id: string }
}

const createTicket = (body: Record<string, unknown>) =>
  fetch(`${server.url}/api/v1/admin/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.demoApiKey}` },
    body: JSON.stringify({ category: 'repair', subject: '屏幕坏了', ...body }),
  })

describe('ticket references', () => {
  it("refuses another shop's conversation, an unknown one, an unknown customer and a mismatched one", async () => {
    const foreign = await start('other')
    const own = await start('demo', 'c001')
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ conversationId: foreign.id }, 'conversationId'],
      [{ conversationId: 'conv_does_not_exist' }, 'conversationId'],
      [{ customerId: 'nobody' }, 'customerId'],
      [{ conversationId: own.id, customerId: 'c002' }, 'customerId'],
    ]
    for (const [body, field] of cases) {
      const r = await createTicket(body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      const e = (await r.json()) as { error: { code: string; message: string } }
      expect(e.error.code).toBe('invalid_input')
      expect(e.error.message.startsWith(field)).toBe(true)
    }
    const list = (await (
      await fetch(`${server.url}/api/v1/admin/tickets`, { headers: { authorization: `Bearer ${server.demoApiKey}` } })
    ).json()) as { tickets: unknown[] }
    expect(list.tickets).toHaveLength(0)

    expect((await createTicket({ conversationId: own.id, customerId: 'c001' })).status).toBe(201)
    expect((await createTicket({ customerId: 'c002' })).status).toBe(201)
  })
})
