/**
 * WeChat Customer Service on two kefu instances (one PostgreSQL schema, one Redis): the access
 * token, the sync cursor and the msgid claims are shared, so a callback delivered to both instances
 * (WeCom retrying against a load balancer) is answered once and gettoken is called once.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { startWecomFake, type WecomFake } from '../fakes/wecom/wecom-fake.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'

const dbUrl = process.env.KEFU_TEST_DATABASE_URL
const redisUrl = process.env.KEFU_TEST_REDIS_URL

const CREDS = {
  corpId: 'wwSCALE00000000001',
  secret: 'scale-kf-secret',
  token: 'ScaleCallbackToken',
  encodingAESKey: 'ScaleOutScaleOutScaleOutScaleOutScaleOut123',
  openKfId: 'wkSCALEKF0001',
}

describe.skipIf(!dbUrl || !redisUrl)('WeCom kf on two instances (PostgreSQL + Redis)', () => {
  const schema = `kefu_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`
  const dirA = tempDir()
  const dirB = tempDir()
  let a: RunningServer
  let b: RunningServer
  let fake: WecomFake

  beforeAll(async () => {
    fake = await startWecomFake(CREDS)
    const env = {
      LOG_LEVEL: 'warn',
      KEFU_DATABASE_URL: `${dbUrl}?schema=${schema}`,
      KEFU_REDIS_URL: redisUrl,
      KEFU_REDIS_PREFIX: `kefu-test-${schema}:`,
      KEFU_SECRET: 'a-shared-secret-for-both-instances',
    }
    a = await startServer({ port: 0, dataDir: dirA.path, env })
    b = await startServer({ port: 0, dataDir: dirB.path, env })
    const put = await fetch(`${a.url}/api/v1/admin/channels/wecom-kf`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.demoApiKey}` },
      body: JSON.stringify({ ...CREDS, apiBaseUrl: fake.url }),
    })
    expect(put.status).toBe(200)
  }, 180_000)

  afterAll(async () => {
    await a?.close()
    await b?.close()
    await fake?.close()
    dirA.remove()
    dirB.remove()
    const c = new pg.Client({ connectionString: dbUrl })
    await c.connect()
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await c.end()
  })

  const sentTo = (user: string) => fake.sent.filter((m) => m.touser === user)

  it('a callback delivered to both instances is answered once, with one access token and one cursor', async () => {
    fake.setCallbackUrl(`${a.url}/channels/wecom-kf/demo`)
    await fake.customerSends('wmScale01', { text: '运费怎么算' })
    await waitFor(() => sentTo('wmScale01').length === 1)
    expect(fake.count('/cgi-bin/gettoken')).toBe(1)

    await fake.customerSends('wmScale01', { text: '发票怎么开' }, { notify: false })
    const syncBefore = fake.count('/cgi-bin/kf/sync_msg')
    fake.setCallbackUrl(`${a.url}/channels/wecom-kf/demo`)
    const toA = fake.notify()
    fake.setCallbackUrl(`${b.url}/channels/wecom-kf/demo`)
    const toB = fake.notify()
    expect((await Promise.all([toA, toB])).map((r) => r.status)).toEqual([200, 200])
    await waitFor(() => sentTo('wmScale01').length >= 2 && fake.count('/cgi-bin/kf/sync_msg') >= syncBefore + 2)
    // Both instances pulled from a cursor saved in the shared state (c1, or c2 once the other had
    // finished), never from the start of the 3-day history.
    const pulls = fake.calls.filter((c) => c.path === '/cgi-bin/kf/sync_msg').slice(syncBefore)
    for (const p of pulls) expect(['c1', 'c2']).toContain((p.body as { cursor?: string }).cursor)
    await fake.customerSends('wmScale01', { text: '运费怎么算' })
    await waitFor(() => sentTo('wmScale01').length >= 3)
    expect(sentTo('wmScale01').map((m) => m.msgtype)).toEqual(['text', 'msgmenu', 'text'])
    expect(fake.count('/cgi-bin/gettoken')).toBe(1)
  })
})
