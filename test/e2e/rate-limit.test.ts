import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { tempDir } from '../helpers/temp-dir.js'

let server: RunningServer
const dir = tempDir()

beforeAll(async () => {
  server = await startServer({
    port: 0,
    dataDir: dir.path,
    env: { LOG_LEVEL: 'warn', KEFU_RATE_LIMIT_MESSAGES: '3', KEFU_RATE_LIMIT_CONVERSATIONS: '4' },
  })
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

const start = () =>
  fetch(`${server.url}/api/v1/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })

describe('rate limits', () => {
  it('answers 429 rate_limited past the per-conversation message limit, and keeps what was stored', async () => {
    const c = (await (await start()).json()) as { id: string; token: string }
    const send = () =>
      fetch(`${server.url}/api/v1/conversations/${c.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
        body: JSON.stringify({ text: '你好' }),
      })
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(200)
    const limited = await send()
    expect(limited.status).toBe(429)
    const body = (await limited.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('rate_limited')
    const hist = (await (
      await fetch(`${server.url}/api/v1/conversations/${c.id}/messages`, {
        headers: { authorization: `Bearer ${c.token}` },
      })
    ).json()) as { messages: Array<{ role: string }> }
    expect(hist.messages.filter((m) => m.role === 'customer')).toHaveLength(3)
  })

  it('limits how many conversations one client starts per minute', async () => {
    // One conversation was started by the previous test.
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await start()).status)
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201])
    expect(statuses[3]).toBe(429)
  })
})
