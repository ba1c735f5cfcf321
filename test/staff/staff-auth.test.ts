/**
 * Staff accounts against the real server (SQLite, demo shop + a second shop, a manual clock):
 * scrypt hashes, sign-in throttling per account and per address, session expiry and revocation
 * (logout, password reset), CSRF, role checks, shop isolation, and the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/core/ports/clock.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { addStaff, StaffClient, TEST_PASSWORD, withServerStore } from '../helpers/staff-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

type Json = Record<string, unknown>

const clock = manualClock('2026-05-06T03:00:00.000Z')
const dir = tempDir('kefu-staff-')
let server: RunningServer
let apiKey: string
const ids: Record<string, string> = {}

beforeAll(async () => {
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    clock,
    env: {
      LOG_LEVEL: 'warn',
      KEFU_PROACTIVE: 'false',
      KEFU_STAFF_SESSION_TTL_MINUTES: '60',
      KEFU_LOGIN_MAX_FAILURES_ACCOUNT: '3',
      KEFU_LOGIN_MAX_FAILURES_IP: '8',
      KEFU_LOGIN_WINDOW_MINUTES: '15',
    },
  })
  await withServerStore(dir.path, async (store) => {
    const demo = (await store.shops.get('demo'))!
    apiKey = demo.apiKey
    await store.shops.upsert({
      ...demo,
      id: 'other',
      name: 'Other shop',
      apiKey: 'other-key',
      demo: false,
      settings: {},
    })
    await store.conversations.create({
      id: 'conv_other_1',
      shopId: 'other',
      customerId: null,
      channel: 'web',
      status: 'waiting_human',
      locale: 'zh',
      state: {},
      createdAt: clock.now().toISOString(),
      updatedAt: clock.now().toISOString(),
    })
    for (const a of await addStaff(store, 'demo', [
      { username: 'owner', displayName: '店主', role: 'owner' },
      { username: 'admin', displayName: 'Admin', role: 'admin' },
      { username: 'agent', displayName: '李娜', role: 'agent', status: 'online' },
      { username: 'analyst', displayName: 'Ana', role: 'analyst' },
      { username: 'victim', displayName: 'Victim' },
      { username: 'shared', displayName: 'Demo shared' },
    ]))
      ids[a.username] = a.id
    const [otherAdmin] = await addStaff(store, 'other', [{ username: 'shared', displayName: 'Other', role: 'admin' }])
    ids.otherAdmin = otherAdmin!.id
  })
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

async function login(username: string, password: string, shopId = 'demo') {
  const res = await fetch(`${server.url}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ shopId, username, password }),
  })
  return { status: res.status, json: (await res.json()) as Json, cookie: res.headers.get('set-cookie') ?? '' }
}
const code = (j: Json) => (j.error as { code?: string } | undefined)?.code
const reason = (j: Json) => ((j.error as Json | undefined)?.details as Json | undefined)?.reason

async function handedOff(): Promise<{ id: string; token: string }> {
  const post = async (path: string, body: unknown, token?: string) =>
    (await (
      await fetch(server.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
    ).json()) as Json
  const c = (await post('/api/v1/conversations', { shopId: 'demo' })) as { id: string; token: string }
  expect((await post(`/api/v1/conversations/${c.id}/messages`, { text: '我要人工' }, c.token)).handoff).toBe(true)
  return c
}

describe('staff sign-in', () => {
  it('stores a salted scrypt hash with its parameters, never the password', async () => {
    await withServerStore(dir.path, async (store) => {
      const a = (await store.staff.getByUsername('demo', 'agent'))!
      const b = (await store.staff.getByUsername('demo', 'victim'))!
      expect(a.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{86}$/)
      expect(a.passwordHash).not.toContain(TEST_PASSWORD)
      expect(a.passwordHash.split('$')[4]).not.toBe(b.passwordHash.split('$')[4]) // own salt
    })
  })

  it('sets an HttpOnly, SameSite=Strict session cookie with an expiry, and never returns the hash', async () => {
    const r = await login('agent', TEST_PASSWORD)
    expect(r.status).toBe(200)
    expect(r.cookie).toMatch(/^kefu_session=[\w-]{43}; Path=\/; Max-Age=3600; HttpOnly; SameSite=Strict$/)
    expect(r.json.account).toMatchObject({ username: 'agent', displayName: '李娜', role: 'agent' })
    expect(JSON.stringify(r.json)).not.toContain('scrypt')
    expect(typeof r.json.csrfToken).toBe('string')
  })

  it('throttles wrong passwords per account: after 3 failures even the right password is refused (429) until the window passes', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await login('victim', `wrong-password-${i}`)
      expect([r.status, code(r.json)]).toEqual([401, 'unauthorized'])
    }
    const locked = await login('victim', TEST_PASSWORD)
    expect([locked.status, code(locked.json)]).toEqual([429, 'rate_limited'])
    // Another account from the same address is not locked by it.
    expect((await login('admin', TEST_PASSWORD)).status).toBe(200)
    clock.advance(15 * 60_000)
    expect((await login('victim', TEST_PASSWORD)).status).toBe(200)
  })

  it('throttles per client address across accounts (unknown usernames included)', async () => {
    for (let i = 0; i < 8; i++) expect((await login(`nobody${i}`, 'whatever-password')).status).toBe(401)
    expect((await login('owner', TEST_PASSWORD)).status).toBe(429)
    clock.advance(15 * 60_000)
    expect((await login('owner', TEST_PASSWORD)).status).toBe(200)
  })

  it('refuses an expired session (401 session_expired)', async () => {
    const s = await StaffClient.signIn(server.url, 'demo', 'agent')
    expect((await s.call('GET', '/api/v1/admin/agent/queue')).status).toBe(200)
    clock.advance(59 * 60_000)
    expect((await s.call('GET', '/api/v1/admin/agent/queue')).status).toBe(200)
    clock.advance(60_000)
    const expired = await s.call('GET', '/api/v1/admin/agent/queue')
    expect([expired.status, reason(expired.json)]).toEqual([401, 'session_expired'])
  })

  it('refuses a revoked session: after logout, and every session of an account after an admin resets its password', async () => {
    const s = await StaffClient.signIn(server.url, 'demo', 'agent')
    expect((await s.call('POST', '/api/v1/staff/logout', {})).status).toBe(200)
    const out = await s.call('GET', '/api/v1/staff/me')
    expect([out.status, reason(out.json)]).toEqual([401, 'session_revoked'])

    const one = await StaffClient.signIn(server.url, 'demo', 'agent')
    const two = await StaffClient.signIn(server.url, 'demo', 'agent')
    const admin = await StaffClient.signIn(server.url, 'demo', 'admin')
    const reset = await admin.call('POST', `/api/v1/admin/staff/${ids.agent}/password`, {
      password: 'a new long password',
    })
    expect(reset.json.reset).toBe(true)
    expect(reset.json.sessionsRevoked).toBeGreaterThanOrEqual(2) // these two and any earlier live ones
    for (const s2 of [one, two])
      expect(reason((await s2.call('GET', '/api/v1/admin/agent/queue')).json)).toBe('session_revoked')
    expect((await login('agent', TEST_PASSWORD)).status).toBe(401)
    expect((await login('agent', 'a new long password')).status).toBe(200)
    // Put it back for the other tests.
    await admin.call('POST', `/api/v1/admin/staff/${ids.agent}/password`, { password: TEST_PASSWORD })
  })

  it('requires the CSRF token on every state-changing cookie request (403), not on reads or API-key calls', async () => {
    const admin = await StaffClient.signIn(server.url, 'demo', 'admin')
    const noToken = await admin.call(
      'PATCH',
      '/api/v1/admin/shop/settings',
      { timezone: 'Asia/Shanghai' },
      { csrf: false },
    )
    expect([noToken.status, code(noToken.json), reason(noToken.json)]).toEqual([403, 'forbidden', 'csrf'])
    const agent = await StaffClient.signIn(server.url, 'demo', 'agent')
    const c = await handedOff()
    const claim = await agent.call('POST', `/api/v1/admin/agent/conversations/${c.id}/claim`, {}, { csrf: false })
    expect(claim.status).toBe(403)
    expect((await agent.call('GET', '/api/v1/admin/agent/queue', undefined, { csrf: false })).status).toBe(200)
    expect((await admin.call('PATCH', '/api/v1/admin/shop/settings', { timezone: 'Asia/Shanghai' })).status).toBe(200)
    const machine = await fetch(`${server.url}/api/v1/admin/shop/settings`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ timezone: 'Asia/Shanghai' }),
    })
    expect(machine.status).toBe(200)
    // Sign-in itself only takes JSON: a cross-site form cannot post it.
    const form = await fetch(`${server.url}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ shopId: 'demo', username: 'agent', password: TEST_PASSWORD }),
    })
    expect(form.status).toBe(400)
  })
})

describe('roles and shops', () => {
  it('keeps agents out of admin-only routes (403) and analysts read-only', async () => {
    const agent = await StaffClient.signIn(server.url, 'demo', 'agent')
    for (const [m, p, b] of [
      ['GET', '/api/v1/admin/shop', undefined],
      ['PATCH', '/api/v1/admin/shop/settings', { timezone: 'UTC' }],
      ['GET', '/api/v1/admin/staff', undefined],
      ['GET', '/api/v1/admin/audit', undefined],
      ['POST', '/api/v1/admin/staff', { username: 'x1', displayName: 'X', role: 'admin', password: 'long enough pw' }],
    ] as const) {
      const r = await agent.call(m, p, b)
      expect([p, r.status, code(r.json)]).toEqual([p, 403, 'forbidden'])
    }
    expect((await agent.call('GET', '/api/v1/admin/agent/queue')).status).toBe(200)

    const analyst = await StaffClient.signIn(server.url, 'demo', 'analyst')
    expect((await analyst.call('GET', '/api/v1/admin/analytics/summary')).status).toBe(200)
    expect((await analyst.call('GET', '/api/v1/admin/agent/queue')).status).toBe(200)
    const c = await handedOff()
    expect((await analyst.call('POST', `/api/v1/admin/agent/conversations/${c.id}/claim`, {})).status).toBe(403)
    expect((await analyst.call('PATCH', '/api/v1/admin/shop/settings', { timezone: 'UTC' })).status).toBe(403)

    // An admin cannot create or touch an owner; an owner can.
    const admin = await StaffClient.signIn(server.url, 'demo', 'admin')
    const mkOwner = { username: 'owner2', displayName: 'O2', role: 'owner', password: 'long enough pw' }
    expect((await admin.call('POST', '/api/v1/admin/staff', mkOwner)).status).toBe(403)
    expect(
      (await admin.call('POST', `/api/v1/admin/staff/${ids.owner}/password`, { password: 'another long pw' })).status,
    ).toBe(403)
    const owner = await StaffClient.signIn(server.url, 'demo', 'owner')
    expect((await owner.call('POST', '/api/v1/admin/staff', mkOwner)).status).toBe(201)
  })

  it('never shows another shop: its conversations answer 404 and its accounts are invisible', async () => {
    const agent = await StaffClient.signIn(server.url, 'demo', 'agent')
    for (const [m, p] of [
      ['GET', '/api/v1/admin/agent/conversations/conv_other_1'],
      ['POST', '/api/v1/admin/agent/conversations/conv_other_1/claim'],
      ['POST', '/api/v1/admin/agent/conversations/conv_other_1/close'],
    ] as const) {
      const r = await agent.call(m, p, m === 'POST' ? {} : undefined)
      expect([p, r.status, code(r.json)]).toEqual([p, 404, 'not_found'])
    }
    // The shop header does not switch a session's shop.
    const sneaky = await fetch(`${server.url}/api/v1/admin/agent/conversations/conv_other_1`, {
      headers: { cookie: agent.cookie, 'x-kefu-shop': 'other' },
    })
    expect(sneaky.status).toBe(404)
    // The same username in two shops: two accounts; each admin lists only its own shop.
    const other = await StaffClient.signIn(server.url, 'other', 'shared')
    const list = await other.call('GET', '/api/v1/admin/staff')
    expect((list.json.staff as Json[]).map((a) => a.id)).toEqual([ids.otherAdmin])
    expect(
      (await other.call('POST', `/api/v1/admin/staff/${ids.agent}/password`, { password: 'hijack attempt' })).status,
    ).toBe(404)
    const demoAdmin = await StaffClient.signIn(server.url, 'demo', 'admin')
    const demoList = (await demoAdmin.call('GET', '/api/v1/admin/staff')).json.staff as Json[]
    expect(demoList.some((a) => a.id === ids.otherAdmin)).toBe(false)
    expect((await login('shared', TEST_PASSWORD, 'other')).json.account).toMatchObject({
      shopId: 'other',
      displayName: 'Other',
    })
  })

  it('writes an audit entry for each staff action, with the account; admins read it', async () => {
    const agent = await StaffClient.signIn(server.url, 'demo', 'agent')
    const c = await handedOff()
    expect((await agent.call('POST', `/api/v1/admin/agent/conversations/${c.id}/claim`, {})).status).toBe(200)
    const sent = await agent.call('POST', `/api/v1/admin/agent/conversations/${c.id}/messages`, { text: '您好' })
    expect(sent.status).toBe(201)
    expect((sent.json.message as Json).meta).toEqual({ agent: { id: ids.agent, name: '李娜' } })
    expect((await agent.call('POST', `/api/v1/admin/agent/conversations/${c.id}/close`, {})).status).toBe(200)
    // The API key acting for an account is logged as that account.
    const c2 = await handedOff()
    const byKey = await fetch(`${server.url}/api/v1/admin/agent/conversations/${c2.id}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'x-kefu-agent': 'agent', 'content-type': 'application/json' },
      body: '{}',
    })
    expect(byKey.status).toBe(200)

    const admin = await StaffClient.signIn(server.url, 'demo', 'admin')
    const log = await admin.call('GET', `/api/v1/admin/audit?actorId=${ids.agent}&limit=50`)
    expect(log.status).toBe(200)
    const entries = log.json.entries as Array<Json>
    const mine = entries.filter((e) => e.target === c.id).map((e) => e.action)
    expect(mine.sort()).toEqual(['conversation.close', 'conversation.claim', 'conversation.reply'].sort())
    expect(entries.find((e) => e.target === c2.id)).toMatchObject({
      action: 'conversation.close',
      actorKind: 'machine',
      actorName: '李娜',
    })
    const all = (await admin.call('GET', '/api/v1/admin/audit?limit=500')).json.entries as Json[]
    const actions = new Set(all.map((e) => e.action))
    for (const a of ['staff.login', 'staff.logout', 'staff.reset_password', 'staff.create', 'settings.update'])
      expect(actions, a).toContain(a)
    expect(all.find((e) => e.action === 'staff.reset_password')).toMatchObject({
      actorId: ids.admin,
      target: ids.agent,
    })
  })
})
