/**
 * The WeCom kf adapter against the WeCom fake over real HTTP: callbacks are received by a small
 * HTTP endpoint that verifies, decrypts and pulls like kefu's route does.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { WxBizMsgCrypt } from '../../src/adapters/channel-wechat-crypto/index.js'
import { WecomKfChannel } from '../../src/adapters/channel-wecom-kf/wecom-kf-channel.js'
import type { WecomKfCredentials } from '../../src/adapters/channel-wecom-kf/wecom-kf-config.js'
import { cursorKey } from '../../src/adapters/channel-wecom-kf/wecom-kf-inbound.js'
import type { InboundEvent } from '../../src/core/ports/channel.js'
import { type ManualClock, manualClock } from '../../src/core/ports/clock.js'
import { memoryChannelState } from '../fakes/wecom/memory-channel-state.js'
import { startWecomFake, type WecomFake } from '../fakes/wecom/wecom-fake.js'
import { waitFor } from '../helpers/wait-for.js'

const CREDS = {
  corpId: 'ww0123456789abcdef',
  secret: 'kf-secret-for-tests',
  token: 'CallbackToken123',
  encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  openKfId: 'wkTESTKFID0001',
} satisfies WecomKfCredentials
const SHOP = 'shop-wecom'

let fake: WecomFake
let clock: ManualClock
let state: ReturnType<typeof memoryChannelState>
let channel: WecomKfChannel
let receiver: Server
let received: InboundEvent[]
let rejected: string[]
let pulls: Array<Awaited<ReturnType<WecomKfChannel['pull']>>>

function makeChannel(creds: WecomKfCredentials = CREDS) {
  return new WecomKfChannel({
    shopId: SHOP,
    credentials: creds,
    state,
    clock,
    http: { baseUrl: fake.url, timeoutMs: 5000 },
  })
}

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x')
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const opened = channel.openCallback(Object.fromEntries(u.searchParams), Buffer.concat(chunks).toString('utf8'))
    if (!opened.ok) {
      rejected.push(opened.reason)
      res.writeHead(401).end()
      return
    }
    res.writeHead(200).end('success')
    if (opened.callback) pulls.push(await channel.pull(opened.callback, async (e) => void received.push(e)))
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
})
afterAll(async () => {
  await new Promise<void>((r) => receiver.close(() => r()))
})

beforeEach(async () => {
  clock = manualClock('2026-03-01T08:00:00Z')
  fake = await startWecomFake({ ...CREDS, pageSize: 1000, now: () => clock.now().getTime() })
  fake.setCallbackUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cb`)
  state = memoryChannelState(clock)
  channel = makeChannel()
  received = []
  rejected = []
  pulls = []
})
afterEach(async () => {
  await fake.close()
})

const texts = () => received.filter((e) => e.content.type === 'text').map((e) => (e.content as { text: string }).text)

describe('WeCom kf: receiving', () => {
  it('answers URL verification with the decrypted echostr and refuses a wrong signature', () => {
    const crypt = new WxBizMsgCrypt({
      token: CREDS.token,
      encodingAESKey: CREDS.encodingAESKey,
      receiveId: CREDS.corpId,
    })
    const echostr = crypt.encrypt('8327469153281')
    const q = { timestamp: '1700000000', nonce: 'n0', echostr, msg_signature: crypt.sign('1700000000', 'n0', echostr) }
    expect(channel.verifyUrl(q)).toEqual({ ok: true, echo: '8327469153281' })
    expect(channel.verifyUrl({ ...q, nonce: 'n1' })).toEqual({ ok: false, reason: 'bad_signature' })
  })

  it('pulls a customer message announced by a callback, with the callback token and a saved cursor', async () => {
    await fake.customerSends('wmCustomerA', { text: '我的订单到哪了' })
    await waitFor(() => received.length === 1)
    expect(received[0]).toMatchObject({
      externalUserId: 'wmCustomerA',
      externalThreadId: CREDS.openKfId,
      content: { type: 'text', text: '我的订单到哪了' },
    })
    const sync = fake.calls.find((c) => c.path === '/cgi-bin/kf/sync_msg')
    expect(sync?.body).toMatchObject({ open_kfid: CREDS.openKfId, limit: 1000 })
    expect(String((sync?.body as { token?: string } | undefined)?.token)).toMatch(/^ENC/)
    expect(await state.get(SHOP, cursorKey(CREDS.openKfId))).toBe('c1')
    // The next callback starts from the saved cursor: only the new message comes back.
    await fake.customerSends('wmCustomerA', { text: '还有一个问题' })
    await waitFor(() => received.length === 2)
    const last = fake.calls.filter((c) => c.path === '/cgi-bin/kf/sync_msg').at(-1)
    expect(last?.body).toMatchObject({ cursor: 'c1' })
    expect(texts()).toEqual(['我的订单到哪了', '还有一个问题'])
  })

  it('hands each msgid over once despite retried callbacks and pages that repeat messages', async () => {
    await fake.close()
    fake = await startWecomFake({ ...CREDS, pageSize: 2, now: () => clock.now().getTime() })
    fake.setCallbackUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cb`)
    channel = makeChannel()
    fake.duplicateAcrossPages = true
    for (let i = 1; i <= 5; i++) await fake.customerSends('wmCustomerB', { text: `消息${i}` }, { notify: false })
    await fake.customerSends('wmCustomerB', { text: '消息6' }, { deliveries: 3 })
    await waitFor(() => fake.callbackResponses.length === 3 && received.length === 6)
    expect(texts()).toEqual(['消息1', '消息2', '消息3', '消息4', '消息5', '消息6'])
    // Paged through: the first pull read 3 pages of 2 (the later pages repeating one message each).
    expect(fake.count('/cgi-bin/kf/sync_msg')).toBeGreaterThanOrEqual(3)
    expect(new Set(received.map((e) => e.externalMessageId)).size).toBe(6)
    await waitFor(() => pulls.length === 3)
    // The repeats were there and were dropped: 2 repeated across pages in the first pull, plus the
    // message repeated at the saved cursor by each later pull.
    const duplicates = pulls.reduce((n, p) => n + (p.ok ? p.duplicates : 0), 0)
    expect(duplicates).toBeGreaterThanOrEqual(2)
  })

  it('maps clicks, pictures, voice and session events; skips what a servicer typed', async () => {
    fake.addMessage({
      origin: 4,
      msgtype: 'event',
      event: { event_type: 'enter_session', open_kfid: CREDS.openKfId, external_userid: 'wmC', scene: 'shop' },
    })
    fake.addMessage({
      origin: 5,
      msgtype: 'text',
      external_userid: 'wmC',
      servicer_userid: 'zhangsan',
      text: { content: '人工回复' },
    })
    await fake.customerSends('wmC', { text: '是的', menuId: '是的' }, { notify: false })
    await fake.customerSends('wmC', { image: 'MEDIA_IMG' }, { notify: false })
    await fake.customerSends('wmC', { voice: 'MEDIA_VOICE' }, { notify: false })
    fake.addMessage({
      origin: 4,
      msgtype: 'event',
      event: { event_type: 'session_status_change', open_kfid: CREDS.openKfId, external_userid: 'wmC', change_type: 1 },
    })
    fake.addMessage({
      origin: 4,
      msgtype: 'event',
      event: { event_type: 'session_status_change', open_kfid: CREDS.openKfId, external_userid: 'wmC', change_type: 3 },
    })
    await fake.notify()
    await waitFor(() => received.length === 6)
    expect(received.map((e) => e.content)).toEqual([
      { type: 'event', event: 'entered', detail: 'scene:shop' },
      { type: 'click', payload: '是的', label: '是的' },
      { type: 'image', mediaRef: 'MEDIA_IMG' },
      { type: 'voice', mediaRef: 'MEDIA_VOICE' },
      { type: 'event', event: 'handed_to_human', detail: 'session_status_change:1' },
      { type: 'event', event: 'closed', detail: 'session_status_change:3' },
    ])
  })

  it('without a configured open_kfid answers the account each callback names', async () => {
    const { openKfId: _kf, ...anyAccount } = CREDS
    channel = makeChannel(anyAccount)
    await fake.customerSends('wmN', { text: 'hi' })
    await waitFor(() => received.length === 1)
    expect(received[0]).toMatchObject({ externalThreadId: CREDS.openKfId })
    expect(
      await channel.send(
        { shopId: SHOP, externalUserId: 'wmN', externalThreadId: CREDS.openKfId },
        [{ text: 'ok' }],
        'en',
      ),
    ).toMatchObject({ ok: true })
    // A configured account ignores callbacks for another one.
    channel = makeChannel()
    await fake.notify({ openKfId: 'wkSOMEONEELSE' })
    expect(fake.count('/cgi-bin/kf/sync_msg')).toBe(1)
  })

  it('retries a message whose handling failed from the saved cursor, and passes over one that keeps failing', async () => {
    for (const t of ['一', '二', '三']) await fake.customerSends('wmR', { text: t }, { notify: false })
    const seen: string[] = []
    let failTwo = 1
    const handle = async (e: InboundEvent) => {
      const text = (e.content as { text: string }).text
      if (text === '二' && failTwo-- > 0) throw new Error('database down')
      if (text === '三') throw new Error('poison')
      seen.push(text)
    }
    const cb = { token: '', openKfId: CREDS.openKfId }
    expect(await channel.pull(cb, handle)).toMatchObject({ ok: false, delivered: 1 })
    expect(await state.get(SHOP, cursorKey(CREDS.openKfId))).toBeNull()
    // Next callbacks: 一 is not handed over again, 二 now goes through, 三 fails (attempts 1 and 2 of 3).
    expect(await channel.pull(cb, handle)).toMatchObject({ ok: false, delivered: 1 })
    expect(await channel.pull(cb, handle)).toMatchObject({ ok: false, delivered: 0 })
    // Third failure of 三: passed over, the page is done and the cursor moves on.
    expect(await channel.pull(cb, handle)).toMatchObject({ ok: true, delivered: 0, failed: 1 })
    expect(seen).toEqual(['一', '二'])
    expect(await state.get(SHOP, cursorKey(CREDS.openKfId))).toBe('c3')
  })

  it("does not answer a newly connected account's history, only what was just sent", async () => {
    await fake.customerSends('wmOld', { text: '两天前的问题' }, { notify: false })
    clock.advance(2 * 3600 * 1000)
    await fake.customerSends('wmOld', { text: '一小时前' }, { notify: false })
    clock.advance(3600 * 1000)
    await fake.customerSends('wmNew', { text: '刚刚的问题' })
    await waitFor(() => pulls.length === 1)
    expect(texts()).toEqual(['刚刚的问题'])
    expect(pulls[0]).toMatchObject({ ok: true, delivered: 1, skipped: 2 })
    // From then on the cursor is saved: a later message is answered whatever its age.
    fake.addMessage({ origin: 3, msgtype: 'text', external_userid: 'wmOld', text: { content: '晚到的' }, send_time: 1 })
    await fake.notify()
    await waitFor(() => received.length === 2)
    expect(texts()).toEqual(['刚刚的问题', '晚到的'])
  })

  it('rejects a forged callback without calling WeCom', async () => {
    await fake.customerSends('wmD', { text: 'hi' }, { notify: false })
    const r = await fake.notify({ forge: true })
    expect(r.status).toBe(401)
    expect(rejected).toEqual(['bad_signature'])
    expect(fake.count('/cgi-bin/kf/sync_msg')).toBe(0)
    expect(fake.count('/cgi-bin/gettoken')).toBe(0)
    expect(received).toEqual([])
  })

  it('pulls without the callback token when WeCom says it is no longer valid (95007)', async () => {
    await fake.customerSends('wmE', { text: 'hello' }, { notify: false })
    const r = await channel.pull({ token: 'ENCexpired', openKfId: CREDS.openKfId }, async (e) => void received.push(e))
    expect(r).toMatchObject({ ok: true, delivered: 1 })
    const bodies = fake.calls
      .filter((c) => c.path === '/cgi-bin/kf/sync_msg')
      .map((c) => c.body as Record<string, unknown>)
    expect(bodies[0]?.token).toBe('ENCexpired')
    expect(bodies[1]?.token).toBeUndefined()
  })
})

describe('WeCom kf: sending', () => {
  const target = (user: string, lastInboundAt?: string) => ({
    shopId: SHOP,
    externalUserId: user,
    externalThreadId: CREDS.openKfId,
    ...(lastInboundAt ? { lastInboundAt } : {}),
  })

  it('joins texts into one send_msg and renders cards as text', async () => {
    await fake.customerSends('wmF', { text: '订单' }, { notify: false })
    const r = await channel.send(
      target('wmF'),
      [
        {
          text: '您的订单已发货。',
          card: { type: 'order', data: { orderNo: 'KF1001', status: 'shipped', carrier: '顺丰', trackingNo: 'SF123' } },
        },
        { text: '还有什么可以帮您？' },
      ],
      'zh',
    )
    expect(r).toEqual({ ok: true, externalMessageIds: [expect.any(String)] })
    expect(fake.sent).toEqual([
      {
        touser: 'wmF',
        open_kfid: CREDS.openKfId,
        msgtype: 'text',
        text: { content: '您的订单已发货。\n【订单 KF1001 · shipped · 顺丰 SF123】\n\n还有什么可以帮您？' },
      },
    ])
  })

  it('sends buttons as a msgmenu of click items, and as numbered text when they cannot fit', async () => {
    await fake.customerSends('wmG', { text: 'x' }, { notify: false })
    await channel.send(
      target('wmG'),
      [
        {
          text: '需要退货吗？',
          buttons: [
            { label: '是的', payload: '是的' },
            { label: '不用了', payload: '不用了' },
          ],
        },
      ],
      'zh',
    )
    expect(fake.sent[0]).toMatchObject({
      msgtype: 'msgmenu',
      msgmenu: {
        head_content: '需要退货吗？',
        list: [
          { type: 'click', click: { id: '是的', content: '是的' } },
          { type: 'click', click: { id: '不用了', content: '不用了' } },
        ],
      },
    })
    const long = 'x'.repeat(200)
    await channel.send(
      target('wmG'),
      [
        {
          text: 'Pick one',
          buttons: [
            { label: 'A', payload: long },
            { label: 'B', payload: 'b' },
          ],
        },
      ],
      'en',
    )
    expect(fake.sent[1]).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining('1. A\n2. B') } })
  })

  it('fetches the access token once, shares it across instances, and refreshes it on 42001', async () => {
    await fake.customerSends('wmH', { text: 'x' }, { notify: false })
    await channel.send(target('wmH'), [{ text: 'one' }], 'en')
    await makeChannel().send(target('wmH'), [{ text: 'two' }], 'en')
    expect(fake.count('/cgi-bin/gettoken')).toBe(1)
    fake.expireTokens()
    const r = await channel.send(target('wmH'), [{ text: 'three' }], 'en')
    expect(r.ok).toBe(true)
    expect(fake.count('/cgi-bin/gettoken')).toBe(2)
    expect(fake.calls.filter((c) => c.path === '/cgi-bin/kf/send_msg').map((c) => c.errcode)).toEqual([0, 0, 42001, 0])
  })

  it('drops the cached token when expires_in (less a margin) has passed', async () => {
    await fake.close()
    fake = await startWecomFake({ ...CREDS, expiresIn: 7200, now: () => clock.now().getTime() })
    channel = makeChannel()
    await fake.customerSends('wmI', { text: 'x' }, { notify: false })
    await channel.send(target('wmI'), [{ text: 'one' }], 'en')
    clock.advance((7200 - 300) * 1000)
    await channel.send(target('wmI'), [{ text: 'two' }], 'en')
    expect(fake.count('/cgi-bin/gettoken')).toBe(2)
    expect(fake.calls.every((c) => c.errcode === 0)).toBe(true)
  })

  it('respects the reply window: 5 messages per customer message, 48 hours, and WeCom 95018', async () => {
    await fake.customerSends('wmJ', { text: 'x' })
    await waitFor(() => received.length === 1)
    for (let i = 1; i <= 5; i++) expect((await channel.send(target('wmJ'), [{ text: `r${i}` }], 'en')).ok).toBe(true)
    const sixth = await channel.send(target('wmJ'), [{ text: 'r6' }], 'en')
    expect(sixth).toMatchObject({ ok: false, kind: 'window_closed' })
    expect(fake.sent).toHaveLength(5)
    expect(fake.calls.every((c) => c.errcode === 0)).toBe(true)
    // The customer writes again: the quota starts over.
    await fake.customerSends('wmJ', { text: 'y' })
    await waitFor(() => received.length === 2)
    expect((await channel.send(target('wmJ'), [{ text: 'again' }], 'en')).ok).toBe(true)
    // 48 hours after their last message nothing is sent.
    const old = new Date(clock.now().getTime() - 49 * 3600 * 1000).toISOString()
    expect(await channel.send(target('wmJ', old), [{ text: 'late' }], 'en')).toMatchObject({
      ok: false,
      kind: 'window_closed',
    })
    expect(fake.sent).toHaveLength(6)
    // WeCom's own verdict counts too.
    fake.closeWindow('wmJ')
    expect(await channel.send(target('wmJ'), [{ text: 'closed' }], 'en')).toMatchObject({
      ok: false,
      kind: 'window_closed',
      detail: expect.stringContaining('95018'),
    })
  })

  it('hands off to the configured servicer (state 3) or else to the waiting pool (state 2)', async () => {
    await fake.customerSends('wmK', { text: 'x' }, { notify: false })
    await fake.customerSends('wmL', { text: 'x' }, { notify: false })
    const info = {
      reason: 'customer asked for a person',
      intent: 'human',
      summary: '客户说：「转人工」',
      locale: 'zh' as const,
    }
    const withServicer = makeChannel({ ...CREDS, servicerUserId: 'zhangsan' })
    expect(await withServicer.handOff(target('wmK'), info)).toEqual({ ok: true, externalMessageIds: [] })
    expect(await channel.handOff(target('wmL'), info)).toEqual({ ok: true, externalMessageIds: [] })
    expect(fake.transfers).toEqual([
      { open_kfid: CREDS.openKfId, external_userid: 'wmK', service_state: 3, servicer_userid: 'zhangsan' },
      { open_kfid: CREDS.openKfId, external_userid: 'wmL', service_state: 2 },
    ])
    // Now a person has it: WeCom refuses bot messages, which the bridge sees as a closed window.
    expect(await channel.send(target('wmK'), [{ text: 'bot' }], 'en')).toMatchObject({
      ok: false,
      kind: 'window_closed',
    })
    // Handing a person's session back to the pool is not allowed: a refusal.
    expect(await channel.handOff(target('wmK'), info)).toMatchObject({ ok: false, kind: 'refused' })
  })

  it('maps an unreachable, slow or oversized WeCom to unavailable without throwing', async () => {
    const slow = createServer((req, res) => {
      if (req.url?.startsWith('/cgi-bin/gettoken')) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ errcode: 0, access_token: 't', expires_in: 7200, padding: 'x'.repeat(4096) }))
      }
      // Anything else never answers.
    })
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r))
    const base = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`
    try {
      const tiny = new WecomKfChannel({
        shopId: SHOP,
        credentials: CREDS,
        state,
        clock,
        http: { baseUrl: base, maxResponseBytes: 1024 },
      })
      expect(await tiny.send(target('wmM'), [{ text: 'x' }], 'en')).toMatchObject({
        ok: false,
        kind: 'unavailable',
        detail: expect.stringContaining('larger than'),
      })
      const hanging = new WecomKfChannel({
        shopId: SHOP,
        credentials: CREDS,
        state,
        clock,
        http: { baseUrl: base, timeoutMs: 300 },
      })
      expect(await hanging.send(target('wmM'), [{ text: 'x' }], 'en')).toMatchObject({
        ok: false,
        kind: 'unavailable',
        detail: expect.stringContaining('timed out'),
      })
      const nowhere = new WecomKfChannel({
        shopId: 'other-shop',
        credentials: CREDS,
        state,
        clock,
        http: { baseUrl: 'http://127.0.0.1:9' },
      })
      expect(
        await nowhere.handOff(target('wmM'), { reason: 'r', intent: null, summary: '', locale: 'en' }),
      ).toMatchObject({
        ok: false,
        kind: 'unavailable',
      })
    } finally {
      slow.closeAllConnections()
      await new Promise<void>((r) => slow.close(() => r()))
    }
  })
})
