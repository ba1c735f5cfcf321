/**
 * Two kefu instances on one PostgreSQL schema and one Redis behind WeChat's callbacks: a retry that
 * reaches the other instance while the first still runs the turn is answered `success` and the turn
 * runs once; both instances use one access token.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { type FakeWechatMp, startFakeWechatMp } from '../fakes/wechat-mp/fake-wechat-mp.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'
import { type FakeOpenAiServer, type RecordedRequest, startFakeOpenAiServer } from '../llm/fake-openai-server.js'

const dbUrl = process.env.KEFU_TEST_DATABASE_URL
const redisUrl = process.env.KEFU_TEST_REDIS_URL

const account = {
  appId: 'wx5ca1e0u7a1b2c3d4',
  appSecret: 'scale-app-secret-0123456789abcdef',
  token: 'kefuScaleToken',
}

/** A slow model restating the first FAQ answer it was given (a grounded answer). */
function slowModel(req: RecordedRequest) {
  const user = req.body.messages.at(-1)?.content ?? ''
  const f = /\[F(\d+)\] 问：[^\n]*\n\s*答：([^。；\n]+)/.exec(user)
  return { content: f ? `${f[2]} [F${f[1]}]。` : 'NO_ANSWER', delayMs: 1500 }
}

describe.skipIf(!dbUrl || !redisUrl)('WeChat MP on two instances (PostgreSQL + Redis)', () => {
  const schema = `kefu_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`
  const dirA = tempDir()
  const dirB = tempDir()
  let a: RunningServer
  let b: RunningServer
  let wx: FakeWechatMp
  let llm: FakeOpenAiServer
  let urls: string[]

  beforeAll(async () => {
    wx = await startFakeWechatMp(account)
    llm = await startFakeOpenAiServer()
    llm.setDefault(slowModel)
    const env = {
      LOG_LEVEL: 'warn',
      KEFU_DATABASE_URL: `${dbUrl}?schema=${schema}`,
      KEFU_REDIS_URL: redisUrl!,
      KEFU_REDIS_PREFIX: `kefu-test-${schema}:`,
      KEFU_SECRET: 'a-shared-secret-for-both-instances',
      KEFU_LLM_BASE_URL: `${llm.url}/v1`,
      KEFU_LLM_MODEL: 'test',
      KEFU_LLM_API_KEY: 'k',
    }
    a = await startServer({ port: 0, dataDir: dirA.path, env })
    b = await startServer({ port: 0, dataDir: dirB.path, env })
    const res = await fetch(`${a.url}/api/v1/admin/channels/wechat-mp`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${a.demoApiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...account, apiBaseUrl: wx.url }),
    })
    expect(res.status).toBe(200)
    const { channel } = (await res.json()) as { channel: { webhookPath: string } }
    urls = [`${a.url}${channel.webhookPath}`, `${b.url}${channel.webhookPath}`]
  })

  afterAll(async () => {
    await a?.close()
    await b?.close()
    await wx?.close()
    await llm?.close()
    dirA.remove()
    dirB.remove()
    const c = new pg.Client({ connectionString: dbUrl })
    await c.connect()
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await c.end()
  })

  /** Hangs up on the first attempt once the slow turn has reached the model (so it was claimed); waits on the rest. */
  const afterTurnStarted = (requestsBefore: number) => (attempt: number) =>
    attempt === 0
      ? waitFor(() => llm.requests.length > requestsBefore, { what: 'the turn to start' })
      : new Promise<void>(() => {})

  it('answers a retry reaching the other instance with success and runs the turn once', async () => {
    const before = llm.requests.length
    const d = await wx.deliver(
      urls,
      { FromUserName: 'o-scale-1', MsgType: 'text', Content: '送女朋友什么礼物好' },
      { hangUp: afterTurnStarted(before), retries: 3 },
    )
    // A keeps the first attempt (the slow turn); B gets the retry and says it is handled.
    expect(d.attempts[0]?.timedOut).toBe(true)
    expect(d.attempts[1]).toMatchObject({ status: 200, body: 'success', timedOut: false })
    expect(d.attempts).toHaveLength(2)
    await waitFor(() => wx.sent.some((m) => m.touser === 'o-scale-1'), { what: 'the reply through custom/send' })
    expect(llm.requests.length - before).toBe(1)
    expect(wx.sent.filter((m) => m.touser === 'o-scale-1')).toHaveLength(1)
  })

  it('shares one access token between the instances', async () => {
    const slowTurnOn = async (url: string, openid: string) => {
      const before = llm.requests.length
      await wx.deliver(
        url,
        { FromUserName: openid, MsgType: 'text', Content: '送女朋友什么礼物好' },
        { hangUp: afterTurnStarted(before), retries: 0 },
      )
      await waitFor(() => wx.sent.some((m) => m.touser === openid), { what: `the reply to ${openid}` })
    }
    // Each instance's turn outlasts WeChat's patience, so each sends through the API.
    await slowTurnOn(urls[0]!, 'o-scale-2')
    const issued = wx.tokensIssued()
    expect(issued).toBeGreaterThanOrEqual(1)
    await slowTurnOn(urls[1]!, 'o-scale-3')
    expect(wx.tokensIssued()).toBe(issued)
  })
})
