/**
 * End to end over HTTP: the real kefu server (demo shop) with a WeChat Official Account channel
 * added through the admin API, the WeChat fake POSTing callbacks to /channels/wechat-mp/demo and
 * receiving customer-service messages, and the OpenAI-compatible fake for a slow (LLM) turn.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { type FakeWechatMp, nextMsgId, startFakeWechatMp } from '../fakes/wechat-mp/fake-wechat-mp.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'
import { type FakeOpenAiServer, type RecordedRequest, startFakeOpenAiServer } from '../llm/fake-openai-server.js'

const account = {
  appId: 'wx00aa11bb22cc33dd',
  appSecret: 'e2e-app-secret-0123456789abcdef',
  token: 'kefuE2eToken',
  encodingAESKey: 'Zyxwvutsrqponmlkjihgfedcba9876543210ABCDEFG',
}
/** A question the offline layers leave to the model (advice). */
const LLM_QUESTION = '送女朋友什么礼物好'

/**
 * A slow, well-behaved model: recommends the first product it was given (with its price), or else
 * restates the first clause of the first FAQ answer; cites the fact it used.
 */
function slowGroundedModel(delayMs: number) {
  return (req: RecordedRequest) => {
    const user = req.body.messages.at(-1)?.content ?? ''
    const p = /\[F(\d+)\] 商品：([^，\n（]+)[^\n]*\n\s*当前售价 ¥([\d.]+)/.exec(user)
    if (p) return { content: `可以看看${p[2]!.trim()}，现价 ${Number(p[3])} 元 [F${p[1]}]。`, delayMs }
    const f = /\[F(\d+)\] 问：[^\n]*\n\s*答：([^。；\n]+)/.exec(user)
    return { content: f ? `${f[2]} [F${f[1]}]。` : 'NO_ANSWER', delayMs }
  }
}

let wx: FakeWechatMp
let llm: FakeOpenAiServer
let server: RunningServer
const dir = tempDir()
let mpUrl: string

async function configure(extra: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/v1/admin/channels/wechat-mp`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${server.demoApiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...account, apiBaseUrl: wx.url, ...extra }),
  })
  expect(res.status).toBe(200)
  const { channel } = (await res.json()) as { channel: { webhookPath: string; credentials: Record<string, string> } }
  expect(channel.credentials.appSecret).toBe('[secret]')
  mpUrl = `${server.url}${channel.webhookPath}`
}

const agentHeaders = () => ({
  authorization: `Bearer ${server.demoApiKey}`,
  'x-kefu-agent': 'a-mp',
  'content-type': 'application/json',
})

const text = (openid: string, content: string) => ({ FromUserName: openid, MsgType: 'text', Content: content })
const sentTo = (openid: string) =>
  wx.sent.filter((m) => m.touser === openid).map((m) => (m as { text?: { content: string } }).text?.content)

beforeAll(async () => {
  wx = await startFakeWechatMp(account)
  llm = await startFakeOpenAiServer()
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    env: {
      LOG_LEVEL: 'warn',
      KEFU_LLM_BASE_URL: `${llm.url}/v1`,
      KEFU_LLM_MODEL: 'test',
      KEFU_LLM_API_KEY: 'k',
    },
  })
  // The API key acts on agent routes only as a staff account (docs/staff.md).
  const staff = await fetch(`${server.url}/api/v1/admin/staff`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.demoApiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'a-mp', displayName: 'Mia', role: 'agent', password: 'mia-password-123' }),
  })
  expect(staff.status).toBe(201)
})
afterAll(async () => {
  await server?.close()
  await wx?.close()
  await llm?.close()
  dir.remove()
})
beforeEach(async () => {
  llm.reset()
  llm.setDefault({ content: 'NO_ANSWER' })
  await configure()
})

describe('WeChat Official Account channel, end to end', () => {
  it('passes WeChat server verification and refuses a forged one', async () => {
    const ok = await wx.verifyServer(mpUrl)
    expect(ok).toMatchObject({ status: 200, body: ok.echostr })
    expect((await wx.verifyServer(mpUrl, { forge: true })).status).toBe(401)
  })

  it('answers a text message with a passive XML reply from the bot', async () => {
    const d = await wx.deliver(mpUrl, text('o-e2e-text', '我的订单到哪了'))
    expect(d.attempts).toHaveLength(1)
    // An anonymous follower asking about an order is asked to identify the order first.
    expect(d.replyText).toMatch(/订单/)
    expect(sentTo('o-e2e-text')).toEqual([])
  })

  it('handles a custom-menu CLICK like the same question typed', async () => {
    const typed = await wx.deliver(mpUrl, text('o-e2e-typed', '羽绒服可以机洗吗'))
    const clicked = await wx.deliver(mpUrl, {
      FromUserName: 'o-e2e-click',
      MsgType: 'event',
      Event: 'CLICK',
      EventKey: '羽绒服可以机洗吗',
    })
    expect(typed.replyText).toBeTruthy()
    expect(clicked.replyText).toBe(typed.replyText)
  })

  it('answers success when the turn outlasts the budget, then sends the reply through custom/send', async () => {
    await configure({ replyBudgetMs: '200' })
    llm.setDefault(slowGroundedModel(1500))
    const d = await wx.deliver(mpUrl, text('o-e2e-slow', LLM_QUESTION))
    expect(d.answer).toBe('success')
    await waitFor(() => sentTo('o-e2e-slow').length > 0, { what: 'the reply through custom/send' })
    // While the follower waits, WeChat shows "typing…" (the passive reply went out empty).
    expect(wx.typing).toContainEqual({ touser: 'o-e2e-slow', command: 'Typing' })
    expect(llm.requests).toHaveLength(1)
    // What the follower reads is the model's grounded answer, without its [F1] marker.
    const modelSaid = slowGroundedModel(0)(llm.requests[0]!).content.replace(/ \[F\d+\]/, '')
    expect(sentTo('o-e2e-slow')[0]).toContain(modelSaid)
  })

  it('runs a retried delivery once: WeChat gives up on every attempt, the reply arrives once', async () => {
    llm.setDefault(slowGroundedModel(3000))
    const d = await wx.deliver(mpUrl, text('o-e2e-retry', LLM_QUESTION), { timeoutMs: 250, retries: 3 })
    expect(d.attempts.every((a) => a.timedOut)).toBe(true)
    expect(d.attempts).toHaveLength(4)
    await waitFor(() => sentTo('o-e2e-retry').length > 0, { what: 'the reply through custom/send' })
    expect(llm.requests).toHaveLength(1)
    expect(sentTo('o-e2e-retry')).toHaveLength(1)
  })

  it('answers a second delivery of a handled message with success only', async () => {
    const msg = { ...text('o-e2e-dup', '羽绒服可以机洗吗'), MsgId: nextMsgId() }
    const first = await wx.deliver(mpUrl, msg)
    const again = await wx.deliver(mpUrl, msg)
    expect(first.replyText).toBeTruthy()
    expect(again.answer).toBe('success')
  })

  it('rejects a forged signature without processing the message', async () => {
    const msg = { ...text('o-e2e-forged', '羽绒服可以机洗吗'), MsgId: nextMsgId() }
    const forged = await wx.deliver(mpUrl, msg, { forge: 'signature', retries: 0 })
    expect(forged.attempts[0]?.status).toBe(401)
    const forgedSafe = await wx.deliver(mpUrl, msg, { encrypted: true, forge: 'msg_signature', retries: 0 })
    expect(forgedSafe.attempts[0]?.status).toBe(401)
    // Had either been processed, the genuine delivery of the same MsgId would be a duplicate.
    const genuine = await wx.deliver(mpUrl, msg)
    expect(genuine.replyText).toBeTruthy()
  })

  it('round-trips safe mode: an encrypted message gets an encrypted passive reply', async () => {
    const plain = await wx.deliver(mpUrl, text('o-e2e-plain', '羽绒服可以机洗吗'))
    const safe = await wx.deliver(mpUrl, text('o-e2e-safe', '羽绒服可以机洗吗'), { encrypted: true })
    expect(safe.attempts[0]?.body).toContain('<Encrypt>')
    expect(safe.attempts[0]?.body).not.toContain('机洗')
    expect(safe.replyText).toBe(plain.replyText)
  })

  it("hands off in the chat and relays the console agent's reply through custom/send", async () => {
    const d = await wx.deliver(mpUrl, text('o-e2e-human', '您好 可以转人工吗'))
    expect(d.replyText).toContain('客服会在这里回复您')
    const queue = (await (
      await fetch(`${server.url}/api/v1/admin/agent/queue`, { headers: agentHeaders() })
    ).json()) as {
      conversations?: Array<{ conversationId: string; channel: string }>
      queue?: Array<{ conversationId: string; channel: string }>
    }
    const items = queue.conversations ?? queue.queue ?? []
    const item = items.find((c) => c.channel === 'wechat-mp')
    expect(item).toBeDefined()
    const base = `${server.url}/api/v1/admin/agent/conversations/${item!.conversationId}`
    expect((await fetch(`${base}/claim`, { method: 'POST', headers: agentHeaders(), body: '{}' })).status).toBe(200)
    const reply = await fetch(`${base}/messages`, {
      method: 'POST',
      headers: agentHeaders(),
      body: JSON.stringify({ text: '您好，我是客服小美，请问有什么可以帮您？' }),
    })
    expect(reply.status).toBeLessThan(300)
    await waitFor(() => sentTo('o-e2e-human').includes('您好，我是客服小美，请问有什么可以帮您？'), {
      what: 'the relayed agent reply',
    })
    // The routing notice (queued or left a message) and "agent joined" reach the follower too.
    const told = [d.replyText ?? '', ...sentTo('o-e2e-human')].join('\n')
    expect(told).toMatch(/工单|队列/)
    expect(sentTo('o-e2e-human').slice(-2)).toEqual([
      expect.stringMatching(/^人工客服 .+ 已接入/),
      '您好，我是客服小美，请问有什么可以帮您？',
    ])
    // While the agent owns the conversation, the bot stays silent.
    const quiet = await wx.deliver(mpUrl, text('o-e2e-human', '好的谢谢'))
    expect(quiet.answer).toBe('success')
  })
})
