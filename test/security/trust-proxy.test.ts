/**
 * Behind a trusted reverse proxy (KEFU_TRUST_PROXY) the per-client limits of issue 10 (points 1, 6,
 * 7) key on the forwarded client address, so visitors behind one proxy do not share one budget.
 */
import { describe, expect, it } from 'vitest'
import { serveForFile } from '../helpers/serve-for-file.js'

const server = serveForFile({
  KEFU_TRUST_PROXY: '127.0.0.1',
  KEFU_RATE_LIMIT_CLIENT_MESSAGES: '3',
  KEFU_RATE_LIMIT_CONVERSATIONS: '100',
})

async function turn(client: string): Promise<number> {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': client }
  const c = (await (
    await fetch(`${server.url}/api/v1/conversations`, { method: 'POST', headers, body: '{}' })
  ).json()) as { id: string; token: string }
  const r = await fetch(`${server.url}/api/v1/conversations/${c.id}/messages`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${c.token}` },
    body: JSON.stringify({ text: '你好' }),
  })
  return r.status
}

describe('behind a trusted proxy', () => {
  it('counts each forwarded client on its own', async () => {
    const a: number[] = []
    for (let i = 0; i < 4; i++) a.push(await turn('203.0.113.1'))
    expect(a).toEqual([200, 200, 200, 429])
    expect(await turn('203.0.113.2')).toBe(200)
  })
})
