/**
 * WeChat Customer Service end to end over HTTP (issue 14): a real kefu server with the demo shop,
 * the WeCom fake POSTing signed encrypted callbacks to `/channels/wecom-kf/demo`, kefu pulling with
 * sync_msg and answering through send_msg / service_state/trans on the fake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WxBizMsgCrypt } from '../../src/adapters/channel-wechat-crypto/index.js'
import { manualClock } from '../../src/core/ports/clock.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { startWecomFake, type WecomFake } from '../fakes/wecom/wecom-fake.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'

const CREDS = {
  corpId: 'wwE2E0000000000001',
  secret: 'e2e-kf-secret',
  token: 'E2eCallbackToken',
  encodingAESKey: 'kefuE2Ekefue2ekefuE2Ekefue2ekefuE2Ekefue2eK',
  openKfId: 'wkE2EKF00001',
}

const dir = tempDir()
const clock = manualClock('2026-12-06T09:00:00Z')
let server: RunningServer
let fake: WecomFake
let key: string

const admin = (path: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${server.url}/api/v1/admin${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })

beforeAll(async () => {
  fake = await startWecomFake({ ...CREDS, now: () => clock.now().getTime() })
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir.path, clock, env: { LOG_LEVEL: 'warn' } })
  key = server.demoApiKey!
  // The API key acts on agent routes only as a staff account (docs/staff.md).
  const staff = await admin('/staff', {
    method: 'POST',
    body: { username: 'li', displayName: '李客服', role: 'agent', password: 'li-password-123' },
  })
  expect(staff.status).toBe(201)
  const r = await admin('/channels/wecom-kf', { method: 'PUT', body: { ...CREDS, apiBaseUrl: fake.url } })
  expect(r.status).toBe(200)
  fake.setCallbackUrl(`${server.url}/channels/wecom-kf/demo`)
})
afterAll(async () => {
  await server?.close()
  await fake?.close()
  dir.remove()
})

const sentTo = (user: string) => fake.sent.filter((m) => m.touser === user)
const textOf = (m: Record<string, unknown> | undefined) =>
  !m
    ? ''
    : m.msgtype === 'text'
      ? String((m.text as { content: string }).content)
      : String((m.msgmenu as { head_content?: string }).head_content ?? '')

/** The customer writes; resolves once kefu has sent `n` messages to them in all. */
async function say(user: string, text: string, n: number, extra: { menuId?: string } = {}) {
  await fake.customerSends(user, { text, ...extra })
  await waitFor(() => sentTo(user).length >= n, { what: `${n} message(s) to ${user}` })
  return sentTo(user)[n - 1]
}

describe('WeChat Customer Service over HTTP', () => {
  it('refuses a forged callback: 401, nothing pulled, nothing sent', async () => {
    await fake.customerSends('wmForge01', { text: '我的订单到哪了' }, { notify: false })
    const r = await fake.notify({ forge: true })
    expect(r.status).toBe(401)
    const wrongKf = await fake.notify({ openKfId: 'wkSOMEBODYELSE' })
    expect(wrongKf.status).toBe(200)
    expect(fake.count('/cgi-bin/gettoken')).toBe(0)
    expect(fake.count('/cgi-bin/kf/sync_msg')).toBe(0)
    expect(fake.sent).toEqual([])
  })

  it('answers the URL verification with the decrypted echostr, and 401 to a wrong signature', async () => {
    const crypt = new WxBizMsgCrypt({
      token: CREDS.token,
      encodingAESKey: CREDS.encodingAESKey,
      receiveId: CREDS.corpId,
    })
    const echostr = crypt.encrypt('5927345678123')
    const q = new URLSearchParams({
      msg_signature: crypt.sign('1700000000', 'abc', echostr),
      timestamp: '1700000000',
      nonce: 'abc',
      echostr,
    })
    const ok = await fetch(`${server.url}/channels/wecom-kf/demo?${q}`)
    expect(ok.status).toBe(200)
    expect(await ok.text()).toBe('5927345678123')
    q.set('nonce', 'abd')
    expect((await fetch(`${server.url}/channels/wecom-kf/demo?${q}`)).status).toBe(401)
    expect((await fetch(`${server.url}/channels/wecom-kf/no-such-shop?${q}`)).status).toBe(404)
  })

  it('a customer text is answered through send_msg', async () => {
    const reply = await say('wmText01', '运费怎么算', 1)
    expect(reply).toMatchObject({ touser: 'wmText01', open_kfid: CREDS.openKfId, msgtype: 'text' })
    expect(textOf(reply)).toContain('99')
  })

  it('buttons go out as a msgmenu; a click on an item is answered as that button', async () => {
    const menu = await say('wmMenu01', '发票怎么开', 1)
    expect(menu?.msgtype).toBe('msgmenu')
    expect(textOf(menu)).toContain('发票')
    const items = (menu?.msgmenu as { list: Array<{ click: { id: string; content: string } }> } | undefined)?.list ?? []
    const when = items.find((i) => i.click.content.includes('什么时候'))
    expect(when).toBeDefined()
    const answer = await say('wmMenu01', when!.click.content, 2, { menuId: when!.click.id })
    expect(textOf(answer)).toMatch(/24\s*小时/)
  })

  it('a duplicate delivery (WeCom retrying the callback) is answered once', async () => {
    await fake.customerSends('wmDup01', { text: '运费怎么算' }, { deliveries: 3 })
    await waitFor(() => sentTo('wmDup01').length >= 1)
    // The next message's answer comes after every pull that could have repeated the first one.
    await say('wmDup01', '发票怎么开', 2)
    expect(sentTo('wmDup01').map((m) => m.msgtype)).toEqual(['text', 'msgmenu'])
  })

  it('a handoff moves the WeCom session to the waiting pool and kefu then stays silent', async () => {
    const reply = await say('wmHuman01', '转人工', 1)
    expect(textOf(reply)).toContain('人工')
    await waitFor(() => fake.transfers.some((t) => t.external_userid === 'wmHuman01'))
    expect(fake.transfers.find((t) => t.external_userid === 'wmHuman01')).toEqual({
      open_kfid: CREDS.openKfId,
      external_userid: 'wmHuman01',
      service_state: 2,
    })
    // The customer writes again while a person owns it: recorded, not answered.
    await fake.customerSends('wmHuman01', { text: '还在吗' })
    await say('wmText01', '运费怎么算', 2) // a later turn of someone else has been processed
    // The handoff reply, then kefu's routing notice (queued, or left a message with its ticket): sent
    // while the API still holds the session, before the transfer.
    expect(sentTo('wmHuman01')).toHaveLength(2)
    expect(textOf(sentTo('wmHuman01')[1])).toMatch(/工单|队列/)
    expect(fake.calls.filter((c) => c.errcode === 95018)).toEqual([])
  })

  it('a reply WeCom no longer accepts (window closed, 95018) becomes a ticket', async () => {
    fake.closeWindow('wmLate01')
    await fake.customerSends('wmLate01', { text: '运费怎么算' })
    await waitFor(() =>
      fake.calls.some((c) => c.errcode === 95018 && (c.body as { touser?: string }).touser === 'wmLate01'),
    )
    let ticket: { category: string; data: Record<string, unknown> } | undefined
    await waitFor(async () => {
      const r = (await (await admin('/tickets?limit=50')).json()) as { tickets: Array<typeof ticket & {}> }
      ticket = r.tickets.find((t) => t.category === 'channel_undelivered' && t.data.externalUserId === 'wmLate01')
      return ticket !== undefined
    })
    expect(ticket?.data).toMatchObject({ channel: 'wecom-kf', undelivered: [expect.stringContaining('99')] })
    expect(sentTo('wmLate01')).toEqual([])
  })

  it("a WeCom customer linked to a shop customer asking 我的订单到哪了 gets that customer's order", async () => {
    const link = await admin('/channels/wecom-kf/customers/wmMapped01', { method: 'PUT', body: { customerId: 'c001' } })
    expect(link.status).toBe(200)
    const reply = await say('wmMapped01', '我的订单到哪了', 1)
    // c001's parcel on its way (docs/demo-shop.md); nobody else's order, no identity check first.
    expect(textOf(reply)).toContain('KF202611240392')
    // The same question from an unlinked user gets no order at all.
    const stranger = await say('wmStranger01', '我的订单到哪了', 1)
    expect(textOf(stranger)).not.toMatch(/KF\d{12}/)
  })
})

describe("WeChat Customer Service with handoffTo=kefu (agents answer from kefu's console)", () => {
  const agent = (path: string, body: unknown = {}) =>
    fetch(`${server.url}/api/v1/admin/agent${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-kefu-agent': 'li' },
      body: JSON.stringify(body),
    })

  it('keeps the WeCom session, relays the agent reply, and tickets it once the 48-hour window has passed', async () => {
    const r = await admin('/channels/wecom-kf', {
      method: 'PUT',
      body: { ...CREDS, apiBaseUrl: fake.url, handoffTo: 'kefu' },
    })
    expect(r.status).toBe(200)
    const transfersBefore = fake.transfers.length
    await say('wmConsole01', '转人工', 1)
    const queued = await fetch(`${server.url}/api/v1/admin/agent/queue`, {
      headers: { authorization: `Bearer ${key}`, 'x-kefu-agent': 'li' },
    })
    const queue = (await queued.json()) as {
      queue: Array<{ conversationId: string; channel: string; lastCustomerMessage: { text: string } | null }>
    }
    const item = queue.queue.find((q) => q.channel === 'wecom-kf' && q.lastCustomerMessage?.text === '转人工')
    expect(item).toBeDefined()
    expect((await agent(`/conversations/${item!.conversationId}/claim`)).status).toBe(200)
    expect(
      (await agent(`/conversations/${item!.conversationId}/messages`, { text: '您好，我是客服小李' })).status,
    ).toBe(201)
    // The handoff reply, the routing notice, "agent joined", the agent's reply.
    await waitFor(() => sentTo('wmConsole01').length === 4)
    expect(textOf(sentTo('wmConsole01')[2])).toMatch(/^人工客服 .+ 已接入/)
    expect(textOf(sentTo('wmConsole01')[3])).toBe('您好，我是客服小李')
    expect(fake.transfers.length).toBe(transfersBefore)

    clock.advance(49 * 3600 * 1000)
    expect((await agent(`/conversations/${item!.conversationId}/messages`, { text: '还需要帮忙吗？' })).status).toBe(
      201,
    )
    let found = false
    await waitFor(async () => {
      const t = (await (await admin('/tickets?limit=50')).json()) as {
        tickets: Array<{ category: string; data: { undelivered?: string[] } }>
      }
      found = t.tickets.some(
        (x) => x.category === 'channel_undelivered' && x.data.undelivered?.[0] === '还需要帮忙吗？',
      )
      return found
    })
    // Not even tried: kefu knew the window was closed.
    expect(sentTo('wmConsole01')).toHaveLength(4)
    expect(
      fake.calls.filter((c) => (c.body as { touser?: string } | undefined)?.touser === 'wmConsole01'),
    ).toHaveLength(4)
  })
})
