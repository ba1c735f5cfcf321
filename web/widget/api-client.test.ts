import { describe, expect, it } from 'vitest'
import { type ConversationSession, createApiClient } from './api-client.js'

/** A fake chat API whose tokens are "t1", "t2", …; only the latest one is accepted. */
function fakeApi() {
  let current = 't1'
  let n = 1
  const calls: string[] = []
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const path = new URL(url).pathname
    const auth = (init.headers as Record<string, string>).authorization
    calls.push(`${init.method} ${path} ${auth ?? ''}`)
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
    if (path.endsWith('/token')) {
      current = `t${++n}`
      return json(200, { token: current, expiresAt: '2030-01-01T00:00:00.000Z' })
    }
    if (auth !== `Bearer ${current}`)
      return json(401, { error: { code: 'unauthorized', message: 'expired', details: { reason: 'token_expired' } } })
    return json(200, { conversationId: 'c1', replies: [{ text: 'ok' }], handoff: false, messages: [] })
  }) as unknown as typeof fetch
  return { fetchImpl, calls, expire: () => (current = 'other') }
}

describe('api client token renewal', () => {
  it('renews an expired token silently, retries once and reports the renewed session', async () => {
    const api = fakeApi()
    const renewed: ConversationSession[] = []
    const client = createApiClient('http://kefu.test', api.fetchImpl, { onSessionRenewed: (s) => renewed.push(s) })
    const session: ConversationSession = { id: 'c1', token: 't0', customerId: null, shopId: 'demo' }
    const turn = await client.sendMessage(session, 'hi')
    expect(turn.replies[0]!.text).toBe('ok')
    expect(session.token).toBe('t2')
    expect(renewed).toEqual([session])
    expect(api.calls.map((c) => c.split(' ')[1])).toEqual([
      '/api/v1/conversations/c1/messages',
      '/api/v1/conversations/c1/token',
      '/api/v1/conversations/c1/messages',
    ])
  })

  it('renews ahead of expiry', async () => {
    const api = fakeApi()
    const client = createApiClient('http://kefu.test', api.fetchImpl, { now: () => Date.parse('2029-12-31T23:58:00Z') })
    const session: ConversationSession = {
      id: 'c1',
      token: 't1',
      customerId: null,
      shopId: 'demo',
      expiresAt: '2030-01-01T00:00:00.000Z',
    }
    await client.listMessages(session, 0)
    expect(api.calls[0]).toContain('/token')
    expect(session.token).toBe('t2')
  })
})
