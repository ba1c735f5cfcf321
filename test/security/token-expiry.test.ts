/**
 * Issue 10, point 8: conversation tokens expire (KEFU_TOKEN_TTL_MINUTES) and are renewed with
 * POST /api/v1/conversations/{id}/token — also shortly after expiry, so a returning visitor keeps the
 * conversation — but not after the renewal window. Time moves by the injected clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/core/ports/clock.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { tempDir } from '../helpers/temp-dir.js'

const clock = manualClock('2026-12-01T10:00:00Z')
const dir = tempDir()
let server: RunningServer

beforeAll(async () => {
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    clock,
    env: { LOG_LEVEL: 'warn', KEFU_TOKEN_TTL_MINUTES: '60', KEFU_TOKEN_RENEW_DAYS: '7' },
  })
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

const post = (path: string, token?: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })

describe('conversation tokens', () => {
  it('expire, are renewed within the window, and not after it', async () => {
    const c = (await (await post('/api/v1/conversations', undefined, {})).json()) as {
      id: string
      token: string
      expiresAt: string
    }
    expect(c.expiresAt).toBe('2026-12-01T11:00:00.000Z')
    expect((await post(`/api/v1/conversations/${c.id}/messages`, c.token, { text: '你好' })).status).toBe(200)

    // Renewal ahead of expiry: a new token with a later expiry.
    clock.advance(30 * 60_000)
    const early = await post(`/api/v1/conversations/${c.id}/token`, c.token)
    expect(early.status).toBe(200)
    expect(((await early.json()) as { expiresAt: string }).expiresAt).toBe('2026-12-01T11:30:00.000Z')

    // Expired: 401 with reason token_expired on every conversation route, the stream included.
    clock.advance(61 * 60_000)
    const r = await post(`/api/v1/conversations/${c.id}/messages`, c.token, { text: '你好' })
    expect(r.status).toBe(401)
    expect(await r.json()).toMatchObject({ error: { code: 'unauthorized', details: { reason: 'token_expired' } } })
    const get = await fetch(`${server.url}/api/v1/conversations/${c.id}/messages`, {
      headers: { authorization: `Bearer ${c.token}` },
    })
    expect(get.status).toBe(401)

    // …renewed silently, the conversation goes on.
    const renewed = await post(`/api/v1/conversations/${c.id}/token`, c.token)
    expect(renewed.status).toBe(200)
    const { token } = (await renewed.json()) as { token: string }
    expect((await post(`/api/v1/conversations/${c.id}/messages`, token, { text: '我的订单到哪了' })).status).toBe(200)

    // A token of another conversation renews nothing; a forged one neither.
    const other = (await (await post('/api/v1/conversations', undefined, {})).json()) as { id: string; token: string }
    expect((await post(`/api/v1/conversations/${c.id}/token`, other.token)).status).toBe(404)
    expect((await post(`/api/v1/conversations/${c.id}/token`, `${token}x`)).status).toBe(401)

    // Past the renewal window: refused, the visitor starts a new conversation.
    clock.advance(8 * 24 * 3600_000)
    const old = await post(`/api/v1/conversations/${c.id}/token`, token)
    expect(old.status).toBe(401)
    expect(await old.json()).toMatchObject({ error: { details: { reason: 'token_too_old' } } })
  })
})
