/**
 * Two kefu instances on one database and one Redis (KEFU_TEST_REDIS_URL): failed sign-ins counted on
 * one instance lock the account on the other (the counter lives in Redis), and a session cookie made
 * by one is honoured — and revoked — on both. Behind a trusted proxy that says the client came over
 * HTTPS, the cookie is `Secure`.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { addStaff, StaffClient, TEST_PASSWORD, withServerStore } from '../helpers/staff-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

const redisUrl = process.env.KEFU_TEST_REDIS_URL

describe.skipIf(!redisUrl)('staff sign-in across two instances (shared SQLite file + Redis)', () => {
  const dir = tempDir('kefu-staff-redis-')
  let a: RunningServer
  let b: RunningServer
  const env = {
    LOG_LEVEL: 'warn',
    KEFU_PROACTIVE: 'false',
    KEFU_REDIS_URL: redisUrl!,
    KEFU_REDIS_PREFIX: `kefu-test-${randomUUID().slice(0, 8)}:`,
    KEFU_SECRET: 'a-shared-secret-for-both-instances',
    KEFU_LOGIN_MAX_FAILURES_ACCOUNT: '3',
    KEFU_TRUST_PROXY: '127.0.0.1',
  }

  beforeAll(async () => {
    a = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir.path, env })
    b = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir.path, env })
    await withServerStore(dir.path, (store) =>
      addStaff(store, 'demo', [{ username: 'target' }, { username: 'agent', displayName: '李娜' }]),
    )
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    dir.remove()
  })

  const login = (server: RunningServer, username: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ shopId: 'demo', username, password }),
    })

  it('shares the failed sign-in count through Redis', async () => {
    for (const server of [a, b, a]) expect((await login(server, 'target', 'wrong password!')).status).toBe(401)
    expect((await login(b, 'target', TEST_PASSWORD)).status).toBe(429)
    expect((await login(a, 'target', TEST_PASSWORD)).status).toBe(429)
  })

  it('honours and revokes a session on both instances', async () => {
    const onA = await StaffClient.signIn(a.url, 'demo', 'agent')
    const sameOnB = onA.on(b.url)
    expect((await sameOnB.call('GET', '/api/v1/staff/me')).json.account).toMatchObject({ displayName: '李娜' })
    expect((await sameOnB.call('POST', '/api/v1/staff/logout', {})).status).toBe(200)
    expect((await onA.call('GET', '/api/v1/admin/agent/queue')).status).toBe(401)
  })

  it('marks the cookie Secure when a trusted proxy says the client used HTTPS', async () => {
    const plain = await login(a, 'agent', TEST_PASSWORD)
    expect(plain.headers.get('set-cookie')).not.toContain('Secure')
    const https = await login(a, 'agent', TEST_PASSWORD, { 'x-forwarded-proto': 'https' })
    expect(https.status).toBe(200)
    expect(https.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Secure$/)
  })
})
