/**
 * Chatwoot Agent Bot end to end: a real kefu server (demo shop, random port) and a fake Chatwoot
 * (test/fakes/chatwoot) that sends signed Agent Bot webhooks and records the bot's API calls.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { type FakeChatwoot, startFakeChatwoot } from '../fakes/chatwoot/fake-chatwoot.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'

const dir = tempDir('kefu-chatwoot-')
let server: RunningServer
let cw: FakeChatwoot
let webhookUrl: string
let apiKey: string

const admin = (path: string, method: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })

/** The demo shop's orders of a customer, from the demo files the server loaded. */
function ordersOf(customerId: string): string[] {
  return readFileSync(join(process.cwd(), 'data/demo/orders.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { orderNo: string; customerId: string })
    .filter((o) => o.customerId === customerId)
    .map((o) => o.orderNo)
}

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir.path, env: { LOG_LEVEL: 'warn' } })
  apiKey = server.demoApiKey!
  // The API key acts on agent routes only as a staff account (docs/staff.md).
  const staff = await admin('/api/v1/admin/staff', 'POST', {
    username: 'alice',
    displayName: 'Alice',
    role: 'agent',
    password: 'alice-password-1',
  })
  expect(staff.status).toBe(201)
  cw = await startFakeChatwoot({ webhookSecret: 'cw-bot-signing-secret' })
  const res = await admin('/api/v1/admin/channels/chatwoot', 'PUT', {
    baseUrl: cw.url,
    accountId: cw.accountId,
    botToken: cw.botToken,
    webhookSecret: 'cw-bot-signing-secret',
  })
  expect(res.status).toBe(200)
  const { channel } = (await res.json()) as { channel: { webhookPath: string; credentials: Record<string, string> } }
  expect(channel.credentials.botToken).toBe('[secret]')
  webhookUrl = `${server.url}${channel.webhookPath}`
  cw.setBotUrl(webhookUrl)
})

afterAll(async () => {
  await cw?.close()
  await server?.close()
  dir.remove()
})

const link = async (contactId: number, customerId: string) => {
  const r = await admin(`/api/v1/admin/channels/chatwoot/customers/${contactId}`, 'PUT', { customerId })
  expect(r.status).toBe(200)
}

describe('Chatwoot Agent Bot', () => {
  it('answers a customer message through the Chatwoot API, and a retried delivery once', async () => {
    const r = await cw.customerWrites({ conversationId: 101, contactId: 501, content: '我的订单到哪了' })
    expect(r.status).toBe(200)
    await waitFor(() => cw.publicMessages(101).length === 1, { what: 'the bot reply' })
    const reply = cw.publicMessages(101)[0]!
    // An anonymous contact is asked to verify first (order number + phone digits).
    expect(reply.content).toMatch(/订单号/)
    expect(reply).toMatchObject({ messageType: 'outgoing', private: false })
    const call = cw.calls.find((c) => c.path.endsWith('/conversations/101/messages'))!
    expect(call.token).toBe(cw.botToken)

    // Chatwoot retries the same webhook (same message id): answered once, also when concurrent.
    const again = await Promise.all([cw.deliver(r.payload), cw.deliver(r.payload), cw.deliver(r.payload)])
    expect(again.map((x) => x.status)).toEqual([200, 200, 200])
    // The next message of the conversation is handled after them (in order): by then any duplicate
    // answer would have been posted.
    await cw.customerWrites({ conversationId: 101, contactId: 501, content: '你好' })
    await waitFor(() => cw.publicMessages(101).length >= 2, { what: 'the next reply' })
    expect(cw.publicMessages(101).filter((m) => m.content === reply.content)).toHaveLength(1)
    expect(cw.publicMessages(101)[1]!.content).toMatch(/您好/)
  })

  it('answers a mapped contact’s order question with that customer’s order', async () => {
    await link(601, 'c001')
    await cw.customerWrites({ conversationId: 201, contactId: 601, content: '我的订单到哪了' })
    await waitFor(() => cw.publicMessages(201).length >= 1, { what: 'the order answer' })
    const text = cw.publicMessages(201)[0]!.content
    const mine = ordersOf('c001')
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.some((no) => text.includes(no))).toBe(true)
    expect(ordersOf('c002').some((no) => text.includes(no))).toBe(false)
  })

  it('degrades buttons to numbered text on WhatsApp and maps the typed number back to the button', async () => {
    await link(602, 'c002')
    const orders = ordersOf('c002')
    await cw.customerWrites({ conversationId: 301, contactId: 602, content: '取消订单', channel: 'Channel::Whatsapp' })
    await waitFor(() => cw.publicMessages(301).length >= 1, { what: 'the choice' })
    const menu = cw.publicMessages(301)[0]!
    expect(menu.contentType).toBe('text')
    expect(menu.content).toMatch(/1\. /)
    expect(menu.content).toMatch(/2\. /)
    expect(menu.content).toContain('回复数字')
    const second = /2\. (KF\d+)/.exec(menu.content)![1]!
    expect(orders).toContain(second)
    await cw.customerWrites({ conversationId: 301, contactId: 602, content: '2' })
    await waitFor(() => cw.publicMessages(301).length >= 2, { what: 'the follow-up' })
    expect(cw.publicMessages(301)[1]!.content).toContain(second)
  })

  it('sends buttons as input_select on the web widget, and takes the chosen option', async () => {
    await link(603, 'c002')
    await cw.customerWrites({ conversationId: 302, contactId: 603, content: '取消订单', channel: 'Channel::WebWidget' })
    await waitFor(() => cw.publicMessages(302).length >= 1, { what: 'the choice' })
    const menu = cw.publicMessages(302)[0]!
    expect(menu.contentType).toBe('input_select')
    const items = menu.contentAttributes.items as Array<{ title: string; value: string }>
    expect(items.length).toBeGreaterThanOrEqual(2)
    expect(ordersOf('c002')).toContain(items[0]!.value)
    await cw.customerWrites({
      conversationId: 302,
      contactId: 603,
      content: items[0]!.title,
      submitted: { title: items[0]!.title, value: items[0]!.value },
    })
    await waitFor(() => cw.publicMessages(302).length >= 2, { what: 'the follow-up' })
    expect(cw.publicMessages(302)[1]!.content).toContain(items[0]!.value)
  })

  it('hands off on "转人工": a private note, status open, then silence until Chatwoot gives it back', async () => {
    await cw.customerWrites({ conversationId: 401, contactId: 701, content: '我买的耳机一直没发货' })
    await waitFor(() => cw.publicMessages(401).length >= 1, { what: 'first answer' })
    await cw.customerWrites({ conversationId: 401, contactId: 701, content: '转人工' })
    await waitFor(() => cw.statusOf(401) === 'open', { what: 'toggle_status open' })
    const notes = cw.privateNotes(401)
    expect(notes).toHaveLength(1)
    expect(notes[0]!.content).toMatch(/原因：/)
    expect(notes[0]!.content).toMatch(/意图：human_agent/)
    expect(notes[0]!.content).toContain('我买的耳机一直没发货')
    const toggle = cw.calls.find((c) => c.path.endsWith('/conversations/401/toggle_status'))!
    expect(toggle.body).toEqual({ status: 'open' })
    const said = cw.publicMessages(401).length

    // A human owns it now: the customer's messages get no bot answer.
    await cw.customerWrites({ conversationId: 401, contactId: 701, content: '人呢？' })
    await cw.customerWrites({ conversationId: 401, contactId: 701, content: '我的订单到哪了' })
    // The agent hands it back (pending): the bot answers again — and only that message.
    await cw.agentSetsStatus(401, 'pending')
    await cw.customerWrites({ conversationId: 401, contactId: 701, content: '你好' })
    await waitFor(() => cw.publicMessages(401).length > said, { what: 'the bot back' })
    // Messages of one conversation are handled in order, so what came after the handoff answers "你好" only.
    const after = cw.publicMessages(401).slice(said)
    expect(after[0]!.content).toMatch(/您好/)
    // (It may add "back to what we were doing", but never an answer to the two silent messages.)
    expect(after.some((m) => m.content.startsWith('为保护') || m.content.includes('转接人工'))).toBe(false)
  })

  it('hands off an angry customer, and stays silent while the Chatwoot conversation is open', async () => {
    await cw.customerWrites({ conversationId: 402, contactId: 702, content: '你们这什么破服务，气死我了，我要投诉！' })
    await waitFor(() => cw.statusOf(402) === 'open', { what: 'handoff' })
    expect(cw.privateNotes(402)[0]!.content).toMatch(/emotion/)
    // A conversation a human opened in Chatwoot (never handed off by kefu) is silent too.
    await cw.customerWrites({ conversationId: 403, contactId: 703, content: '你好' })
    await waitFor(() => cw.publicMessages(403).length === 1, { what: 'greeting' })
    await cw.agentSetsStatus(403, 'open')
    await cw.customerWrites({ conversationId: 403, contactId: 703, content: '在吗' })
    await cw.customerWrites({ conversationId: 404, contactId: 704, content: '你好' })
    await waitFor(() => cw.publicMessages(404).length === 1, { what: 'another conversation answered' })
    expect(cw.publicMessages(403)).toHaveLength(1)
  })

  it('relays a reply typed in kefu’s agent console to the Chatwoot conversation', async () => {
    // The handoff reaches Chatwoot, but this time nobody there takes it: an agent of kefu's console does.
    cw.announceStatusChanges(false)
    try {
      await cw.customerWrites({ conversationId: 450, contactId: 750, content: '转人工' })
      await waitFor(() => cw.statusOf(450) === 'open', { what: 'handoff' })
    } finally {
      cw.announceStatusChanges(true)
    }
    const agent = { 'x-kefu-agent': 'alice' }
    const queue = (await (
      await fetch(`${server.url}/api/v1/admin/agent/queue`, {
        headers: { authorization: `Bearer ${apiKey}`, ...agent },
      })
    ).json()) as { queue: Array<{ conversationId: string; channel: string }> }
    const item = queue.queue.find((q) => q.channel === 'chatwoot')
    expect(item).toBeTruthy()
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}/api/v1/admin/agent/conversations/${item!.conversationId}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...agent },
        body: JSON.stringify(body),
      })
    expect((await post('/claim', {})).status).toBe(200)
    expect((await post('/messages', { text: '您好，我是客服 Alice，马上帮您看。' })).status).toBe(201)
    expect(cw.publicMessages(450).at(-1)!.content).toBe('您好，我是客服 Alice，马上帮您看。')
  })

  it('rejects forged and unauthenticated webhooks with 401 and processes nothing', async () => {
    const payload = {
      event: 'message_created',
      id: 999_001,
      content: '伪造的消息',
      message_type: 'incoming',
      private: false,
      sender: { id: 801, type: 'contact' },
      conversation: { id: 501, status: 'pending', channel: 'Channel::Whatsapp', meta: { sender: { id: 801 } } },
      account: { id: cw.accountId },
    }
    const raw = JSON.stringify(payload)
    const noToken = webhookUrl.replace(/\?token=[^&]+/, '')
    const wrongToken = webhookUrl.replace(/token=[^&]+/, 'token=guessed-token-0000000000')
    const ts = String(Math.floor(Date.now() / 1000))
    const results = await Promise.all([
      cw.deliver(payload, { url: noToken }),
      cw.deliver(payload, { url: wrongToken }),
      // The right URL without a signature, with a wrong one, with a stale one.
      fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw }),
      cw.deliver(payload, { headers: { 'x-chatwoot-signature': `sha256=${'0'.repeat(64)}` } }),
      cw.deliver(payload, { headers: { 'x-chatwoot-timestamp': String(Number(ts) - 3600) } }),
    ])
    expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401, 401])
    // A genuine message afterwards is processed: the forged one never was.
    await cw.customerWrites({ conversationId: 502, contactId: 802, content: '你好' })
    await waitFor(() => cw.publicMessages(502).length === 1, { what: 'genuine message answered' })
    expect(cw.publicMessages(501)).toHaveLength(0)
    expect(cw.calls.some((c) => c.path.includes('/conversations/501/'))).toBe(false)
  })

  it('guards the channel admin API and validates what it is given', async () => {
    const noKey = await fetch(`${server.url}/api/v1/admin/channels`)
    expect(noKey.status).toBe(401)
    const bad = await admin('/api/v1/admin/channels/chatwoot', 'PUT', { baseUrl: 'x', accountId: 'y' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_input')
    expect((await admin('/api/v1/admin/channels/telegram', 'PUT', {})).status).toBe(400)
    expect((await admin('/api/v1/admin/channels/chatwoot/customers/9', 'PUT', { customerId: 'nobody' })).status).toBe(
      404,
    )
    await link(990, 'c003')
    const links = (await (await admin('/api/v1/admin/channels/chatwoot/customers', 'GET')).json()) as {
      links: Array<{ externalUserId: string; customerId: string; source: string }>
    }
    expect(links.links).toContainEqual(
      expect.objectContaining({ externalUserId: '990', customerId: 'c003', source: 'merchant' }),
    )
    expect((await admin('/api/v1/admin/channels/chatwoot/customers/990', 'DELETE')).status).toBe(204)
    expect((await admin('/api/v1/admin/channels/chatwoot/customers/990', 'DELETE')).status).toBe(404)
    // A kind the shop has not configured has no webhook there.
    expect((await admin('/api/v1/admin/channels/wecom-kf', 'DELETE')).status).toBe(404)
    const unconfigured = await fetch(`${server.url}/channels/chatwoot/no-such-shop?token=x`, {
      method: 'POST',
      body: '{}',
    })
    expect(unconfigured.status).toBe(404)
  })

  it('never shows the channel secrets again', async () => {
    const list = await (await admin('/api/v1/admin/channels', 'GET')).text()
    const shop = await (await admin('/api/v1/admin/shop', 'GET')).text()
    for (const text of [list, shop]) {
      expect(text).not.toContain(cw.botToken)
      expect(text).not.toContain('cw-bot-signing-secret')
      expect(text).not.toContain(new URL(webhookUrl).searchParams.get('token')!)
      expect(text).not.toContain('enc:v1:')
    }
  })
})
