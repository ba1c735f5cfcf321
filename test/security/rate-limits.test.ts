/**
 * Issue 10, points 6 and 7: rate limits count only what they should, and the work per message is
 * bounded. Requests without a valid token for a conversation never use up its owner's message budget
 * (the token is checked first); one client's messages are counted over all its conversations, so
 * opening new ones does not reset the budget; NLU and retrieval read only the start of a long message
 * while the whole message is stored.
 */
import { describe, expect, it } from 'vitest'
import { serveForFile } from '../helpers/serve-for-file.js'

const server = serveForFile({
  KEFU_RATE_LIMIT_MESSAGES: '5',
  KEFU_RATE_LIMIT_CONVERSATIONS: '100',
  KEFU_RATE_LIMIT_CLIENT_MESSAGES: '30',
})

const start = async () =>
  (await (
    await fetch(`${server.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
  ).json()) as { id: string; token: string }

const message = (id: string, token?: string, text = '你好') =>
  fetch(`${server.url}/api/v1/conversations/${id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ text }),
  })

describe('rate limits and tokens', () => {
  it('reads only the start of a long message, and stores all of it', async () => {
    // 4,000 characters of random Chinese with an order number near the end.
    let seed = 7
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    const chars = Array.from({ length: 3980 }, () => String.fromCharCode(0x4e00 + Math.floor(rand() * 20000)))
    const text = `${chars.join('')}订单KF202611240505`
    const c = await start()
    const r = await message(c.id, c.token, text)
    expect(r.status).toBe(200)
    const turn = (await r.json()) as { nlu: { entities: Array<{ type: string; value: unknown }> } }
    expect(turn.nlu.entities.some((e) => e.value === 'KF202611240505')).toBe(false)
    const h = (await (
      await fetch(`${server.url}/api/v1/conversations/${c.id}/messages`, {
        headers: { authorization: `Bearer ${c.token}` },
      })
    ).json()) as { messages: Array<{ role: string; text: string }> }
    expect(h.messages.find((m) => m.role === 'customer')?.text).toBe(text)
  })

  it('token-less and wrong-token requests do not lock the owner out of their conversation', async () => {
    const owner = await start()
    const other = await start()
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await message(owner.id, i % 2 ? undefined : other.token)).status)
    expect(statuses.every((s) => s === 401 || s === 404 || s === 429)).toBe(true)
    expect(statuses.slice(0, 5).every((s) => s === 401 || s === 404)).toBe(true)
    expect((await message(owner.id, owner.token)).status).toBe(200)
  })

  it('counts one client over all its conversations: new conversations do not reset the budget', async () => {
    // Some of this client's 30 messages a minute are used above; each new conversation sends one
    // message (far below the per-conversation limit of 5), and the client budget still runs out.
    const statuses: number[] = []
    for (let i = 0; i < 40; i++) {
      const c = await start()
      statuses.push((await message(c.id, c.token)).status)
    }
    const first = statuses.indexOf(429)
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThan(30)
    expect(statuses.slice(0, first).every((s) => s === 200)).toBe(true)
    expect(statuses.slice(first).every((s) => s === 429)).toBe(true)
    const c = await start()
    const limited = await message(c.id, c.token)
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
  })
})
