/**
 * Issue 10, points 6 and 7: rate limits count only what they should. Requests without a valid token
 * for a conversation never use up its owner's message budget (the token is checked first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { tempDir } from '../helpers/temp-dir.js'

let server: RunningServer
const dir = tempDir()

beforeAll(async () => {
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    env: { LOG_LEVEL: 'warn', KEFU_RATE_LIMIT_MESSAGES: '5', KEFU_RATE_LIMIT_CONVERSATIONS: '50' },
  })
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

const start = async () =>
  (await (
    await fetch(`${server.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
  ).json()) as { id: string; token: string }

const message = (id: string, token?: string) =>
  fetch(`${server.url}/api/v1/conversations/${id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ text: '你好' }),
  })

describe('rate limits and tokens', () => {
  it('token-less and wrong-token requests do not lock the owner out of their conversation', async () => {
    const owner = await start()
    const other = await start()
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await message(owner.id, i % 2 ? undefined : other.token)).status)
    expect(statuses.every((s) => s === 401 || s === 404 || s === 429)).toBe(true)
    expect(statuses.slice(0, 5).every((s) => s === 401 || s === 404)).toBe(true)
    expect((await message(owner.id, owner.token)).status).toBe(200)
  })
})
