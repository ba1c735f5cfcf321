/**
 * The WeChat Official Account channel against the WeChat fake over real HTTP: verification,
 * plaintext and safe-mode callbacks, the 5-second rule (passive reply vs `success` + custom/send),
 * WeChat's retries, menus, the access token, and error mapping.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mpSignature } from '../../src/adapters/channel-wechat-mp/mp-signature.js'
import type { WechatMpChannelOptions } from '../../src/adapters/channel-wechat-mp/wechat-mp-channel.js'
import type { Reply } from '../../src/core/dialogue/types.js'
import type { InboundEvent } from '../../src/core/ports/channel.js'
import { manualClock } from '../../src/core/ports/clock.js'
import { type FakeWechatMp, nextMsgId, startFakeWechatMp, xmlField } from '../fakes/wechat-mp/fake-wechat-mp.js'
import { memoryChannelState } from '../helpers/memory-channel-state.js'
import { waitFor } from '../helpers/wait-for.js'
import { type MpTestHost, startMpTestHost } from './mp-test-host.js'

const account = {
  appId: 'wx1234567890abcdef',
  appSecret: 'fake-app-secret-0123456789abcdef',
  token: 'kefuToken2027',
  encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
}

let failures = 0

/** What the scripted bridge answers: echoes text, names clicks, offers buttons on "menu", a long text on "long". */
function script(e: InboundEvent): Reply[] {
  const c = e.content
  if (c.type === 'text' && c.text === 'fail once' && failures++ === 0) throw new Error('store unavailable')
  if (c.type === 'text' && c.text === 'menu')
    return [
      {
        text: '请选择',
        buttons: [
          { label: '查订单', payload: '我的订单到哪了' },
          { label: '退货', payload: '我要退货' },
        ],
      },
    ]
  if (c.type === 'text' && c.text === 'long') return [{ text: '长'.repeat(900) }]
  if (c.type === 'text') return [{ text: `收到：${c.text}` }]
  if (c.type === 'click') return [{ text: `点击：${c.payload}` }]
  if (c.type === 'voice') return [{ text: `语音：${c.recognition ?? '无识别'}` }]
  if (c.type === 'event' && c.event === 'subscribed') return [{ text: '欢迎关注' }]
  return []
}

let fake: FakeWechatMp
const hosts: MpTestHost[] = []
const clock = manualClock('2027-03-01T02:00:00Z')

async function host(extra: Partial<WechatMpChannelOptions> = {}, state = memoryChannelState(clock)) {
  const h = await startMpTestHost(
    { shopId: 'shop-mp', credentials: account, state, clock, apiBaseUrl: fake.url, ...extra },
    script,
  )
  hosts.push(h)
  return h
}

beforeAll(async () => {
  fake = await startFakeWechatMp(account)
})
afterAll(async () => {
  await fake.close()
})
afterEach(async () => {
  for (const h of hosts.splice(0)) {
    h.release()
    await h.channel.idle()
    await h.close()
  }
  fake.sent.length = 0
  fake.allowMenus(true)
})

const text = (openid: string, content: string) => ({ FromUserName: openid, MsgType: 'text', Content: content })

describe('WeChat MP channel', () => {
  it('answers the server verification with echostr and refuses a forged one', async () => {
    const h = await host()
    const ok = await fake.verifyServer(h.url)
    expect(ok).toMatchObject({ status: 200, body: ok.echostr })
    const forged = await fake.verifyServer(h.url, { forge: true })
    expect(forged.status).toBe(401)
    expect(forged.body).not.toContain(forged.echostr)
  })

  it('answers a text message with a passive XML reply and calls no API', async () => {
    const h = await host()
    const calls = fake.calls.length
    const d = await fake.deliver(h.url, text('o-text', '我的订单到哪了'))
    expect(d.attempts).toHaveLength(1)
    expect(d.replyText).toBe('收到：我的订单到哪了')
    expect(xmlField(d.answer ?? '', 'ToUserName')).toBe('o-text')
    expect(xmlField(d.answer ?? '', 'FromUserName')).toBe(fake.account.accountId)
    expect(h.events[0]).toMatchObject({ externalUserId: 'o-text', content: { type: 'text', text: '我的订单到哪了' } })
    expect(fake.calls.length).toBe(calls)
  })

  it('answers success when the turn outlasts the budget, then sends through custom/send', async () => {
    const h = await host({ passiveBudgetMs: 150 })
    h.hold()
    const d = await fake.deliver(h.url, text('o-slow', '慢一点的问题'))
    expect(d.answer).toBe('success')
    expect(fake.sent.filter((m) => m.touser === 'o-slow')).toHaveLength(0)
    h.release()
    await waitFor(() => h.sendResults.length === 1, { what: 'custom/send' })
    expect(fake.sent.filter((m) => m.touser === 'o-slow')).toEqual([
      { touser: 'o-slow', msgtype: 'text', text: { content: '收到：慢一点的问题' } },
    ])
    expect(h.sendResults).toEqual([{ ok: true, externalMessageIds: [] }])
  })

  it('runs a turn once when WeChat retries a callback it got no answer to', async () => {
    const h = await host()
    h.hold()
    // WeChat hangs up after its timeout and retries; kefu's budget (4 s) is longer than this fake's patience.
    const d = await fake.deliver(h.url, text('o-retry', '重试'), { timeoutMs: 200, retries: 3 })
    expect(d.attempts.map((a) => a.timedOut)).toEqual([true, true, true, true])
    expect(h.posts()).toBe(4)
    await waitFor(() => h.hangups() === 4, { what: 'kefu to notice the hang-ups' })
    h.release()
    await waitFor(() => fake.sent.some((m) => m.touser === 'o-retry'), { what: 'custom/send' })
    await h.channel.idle()
    expect(h.events).toHaveLength(1)
    expect(fake.sent.filter((m) => m.touser === 'o-retry')).toHaveLength(1)
  })

  it('gives the passive reply to a retry that arrives while the turn is still running', async () => {
    const h = await host()
    h.hold()
    // WeChat hangs up on the first attempt once the turn has started, and waits on the retry.
    const delivery = fake.deliver(h.url, text('o-join', '加入'), {
      retries: 3,
      hangUp: (attempt) =>
        attempt === 0 ? waitFor(() => h.events.length === 1, { what: 'the turn' }) : new Promise<void>(() => {}),
    })
    await waitFor(() => h.posts() >= 2, { what: 'the first retry' })
    h.release()
    const d = await delivery
    expect(d.attempts.map((a) => a.timedOut)).toEqual([true, false])
    expect(d.replyText).toBe('收到：加入')
    expect(h.events).toHaveLength(1)
    expect(fake.sent.filter((m) => m.touser === 'o-join')).toHaveLength(0)
  })

  it('answers a repeated delivery of a finished message with success, once', async () => {
    const h = await host()
    const msg = { ...text('o-dup', '重复'), MsgId: nextMsgId() }
    const first = await fake.deliver(h.url, msg)
    const second = await fake.deliver(h.url, msg)
    expect(first.replyText).toBe('收到：重复')
    expect(second.answer).toBe('success')
    expect(h.events).toHaveLength(1)
  })

  it('rejects a forged signature without processing', async () => {
    const h = await host()
    const d = await fake.deliver(h.url, text('o-forged', '伪造'), { forge: 'signature', retries: 0 })
    expect(d.attempts[0]?.status).toBe(401)
    const e = await fake.deliver(h.url, text('o-forged', '伪造'), {
      encrypted: true,
      forge: 'msg_signature',
      retries: 0,
    })
    expect(e.attempts[0]?.status).toBe(401)
    expect(h.events).toHaveLength(0)
  })

  it('refuses a correctly signed callback whose timestamp is stale (a replay)', async () => {
    const h = await host()
    const timestamp = String(Math.floor(Date.now() / 1000) - 3600)
    const nonce = '424242'
    const url = new URL(h.url)
    url.searchParams.set('signature', mpSignature(account.token, timestamp, nonce))
    url.searchParams.set('timestamp', timestamp)
    url.searchParams.set('nonce', nonce)
    const body = `<xml><ToUserName>gh_fake0001</ToUserName><FromUserName>o-replay</FromUserName><CreateTime>${timestamp}</CreateTime><MsgType>text</MsgType><Content>hi</Content><MsgId>${nextMsgId()}</MsgId></xml>`
    const res = await fetch(url, { method: 'POST', body })
    expect(res.status).toBe(401)
    expect(h.events).toHaveLength(0)
  })

  it('round-trips a safe-mode (AES) message: decrypted in, encrypted passive reply out', async () => {
    const h = await host()
    const d = await fake.deliver(h.url, text('o-safe', '加密消息'), { encrypted: true })
    expect(d.attempts[0]?.body).toContain('<Encrypt>')
    expect(d.attempts[0]?.body).not.toContain('加密消息')
    expect(d.replyText).toBe('收到：加密消息')
    expect(h.events[0]?.content).toEqual({ type: 'text', text: '加密消息' })
  })

  it('handles a menu CLICK event, subscribe, and a voice message with recognition', async () => {
    const h = await host()
    const click = await fake.deliver(h.url, {
      FromUserName: 'o-menu',
      MsgType: 'event',
      Event: 'CLICK',
      EventKey: 'ORDER_STATUS',
    })
    expect(click.replyText).toBe('点击：ORDER_STATUS')
    const sub = await fake.deliver(h.url, { FromUserName: 'o-menu', MsgType: 'event', Event: 'subscribe' })
    expect(sub.replyText).toBe('欢迎关注')
    const voice = await fake.deliver(h.url, {
      FromUserName: 'o-menu',
      MsgType: 'voice',
      MediaId: 'media-1',
      Format: 'amr',
      Recognition: '退货',
    })
    expect(voice.replyText).toBe('语音：退货')
    expect(h.events.map((e) => e.content)).toEqual([
      { type: 'click', payload: 'ORDER_STATUS' },
      { type: 'event', event: 'subscribed' },
      { type: 'voice', mediaRef: 'media-1', recognition: '退货' },
    ])
  })

  it('degrades buttons to numbered lines in a passive reply', async () => {
    const h = await host()
    const d = await fake.deliver(h.url, text('o-btn', 'menu'))
    expect(d.replyText).toBe('请选择\n\n1. 查订单\n2. 退货\n回复数字即可选择。')
  })

  it('sends buttons as a tappable msgmenu, and a tap comes back as the button payload', async () => {
    const h = await host({ passiveBudgetMs: 100 })
    h.hold()
    await fake.deliver(h.url, text('o-msgmenu', 'menu'))
    h.release()
    await waitFor(() => fake.sent.some((m) => m.touser === 'o-msgmenu'), { what: 'msgmenu' })
    const menu = fake.sent.find((m) => m.touser === 'o-msgmenu')
    expect(menu?.msgtype).toBe('msgmenu')
    const list = (menu as { msgmenu: { head_content: string; list: Array<{ id: string; content: string }> } }).msgmenu
    expect(list.head_content).toBe('请选择')
    expect(list.list.map((i) => i.content)).toEqual(['查订单', '退货'])
    const tap = await fake.deliver(h.url, { ...text('o-msgmenu', '退货'), bizmsgmenuid: list.list[1]?.id ?? '' })
    expect(tap.replyText).toBe('点击：我要退货')
    expect(h.events[1]?.content).toEqual({ type: 'click', payload: '我要退货', label: '退货' })
  })

  it('falls back to numbered text when the account may not send menus', async () => {
    const h = await host({ passiveBudgetMs: 100 })
    fake.allowMenus(false)
    h.hold()
    await fake.deliver(h.url, text('o-nomenu', 'menu'))
    h.release()
    await waitFor(() => fake.sent.some((m) => m.touser === 'o-nomenu'), { what: 'text fallback' })
    expect(fake.sent.filter((m) => m.touser === 'o-nomenu')).toEqual([
      { touser: 'o-nomenu', msgtype: 'text', text: { content: '请选择\n\n1. 查订单\n2. 退货\n回复数字即可选择。' } },
    ])
  })

  it('sends a reply too long for one passive answer through custom/send in parts', async () => {
    const h = await host()
    const d = await fake.deliver(h.url, text('o-long', 'long'))
    expect(d.answer).toBe('success')
    await waitFor(() => fake.sent.filter((m) => m.touser === 'o-long').length >= 2, { what: 'two parts' })
    const parts = fake.sent.filter((m) => m.touser === 'o-long') as Array<{ text: { content: string } }>
    expect(parts.map((p) => p.text.content).join('')).toBe('长'.repeat(900))
    for (const p of parts) expect(Buffer.byteLength(p.text.content)).toBeLessThanOrEqual(2048)
  })

  it('reports window_closed when the 48-hour window is over (45015)', async () => {
    const h = await host()
    fake.closeWindow('o-closed')
    const r = await h.channel.adapter.send(
      { shopId: 'shop-mp', externalUserId: 'o-closed' },
      [{ text: '人工回复' }],
      'zh',
    )
    expect(r).toMatchObject({ ok: false, kind: 'window_closed' })
  })

  it('caches the access token across instances and refreshes it when WeChat says it expired', async () => {
    const state = memoryChannelState(clock)
    const a = await host({}, state)
    const b = await host({}, state)
    const before = fake.tokensIssued()
    const target = { shopId: 'shop-mp', externalUserId: 'o-token' }
    expect(await a.channel.adapter.send(target, [{ text: 'one' }], 'zh')).toMatchObject({ ok: true })
    expect(await b.channel.adapter.send(target, [{ text: 'two' }], 'zh')).toMatchObject({ ok: true })
    expect(fake.tokensIssued() - before).toBe(1)
    fake.expireTokens()
    expect(await a.channel.adapter.send(target, [{ text: 'three' }], 'zh')).toMatchObject({ ok: true })
    expect(fake.tokensIssued() - before).toBe(2)
    expect(fake.calls.some((c) => c.errcode === 42001)).toBe(true)
    // The clock passing the token's lifetime fetches a new one without a failed call.
    clock.advance(7200 * 1000)
    expect(await b.channel.adapter.send(target, [{ text: 'four' }], 'zh')).toMatchObject({ ok: true })
    expect(fake.tokensIssued() - before).toBe(3)
    expect(fake.sent.filter((m) => m.touser === 'o-token')).toHaveLength(4)
  })

  it("refetches the token when WeChat's clock says it expired before kefu's does", async () => {
    let skew = 0
    const early = await startFakeWechatMp(account, { tokenTtlS: 7200, now: () => Date.now() + skew })
    try {
      const h = await host({ apiBaseUrl: early.url })
      const target = { shopId: 'shop-mp', externalUserId: 'o-skew' }
      expect(await h.channel.adapter.send(target, [{ text: 'one' }], 'zh')).toMatchObject({ ok: true })
      skew = 7200 * 1000
      expect(await h.channel.adapter.send(target, [{ text: 'two' }], 'zh')).toMatchObject({ ok: true })
      expect(early.calls.map((c) => c.errcode)).toEqual([0, 0, 42001, 0, 0])
      expect(early.tokensIssued()).toBe(2)
    } finally {
      await early.close()
    }
  })

  it('maps API failures: a rejected secret is refused, a busy system is unavailable', async () => {
    const h = await host({ credentials: { ...account, appSecret: 'wrong-secret-0123456789abcdef' } })
    const r = await h.channel.adapter.send({ shopId: 'shop-mp', externalUserId: 'o-x' }, [{ text: 'x' }], 'zh')
    expect(r).toMatchObject({ ok: false, kind: 'refused' })
    const ok = await host()
    fake.failNextSends(-1)
    const busy = await ok.channel.adapter.send({ shopId: 'shop-mp', externalUserId: 'o-x' }, [{ text: 'x' }], 'zh')
    expect(busy).toMatchObject({ ok: false, kind: 'unavailable' })
  })

  it('times out a WeChat API call that does not answer', async () => {
    const h = await host({ apiTimeoutMs: 100 })
    fake.delaySends(1000)
    try {
      const r = await h.channel.adapter.send({ shopId: 'shop-mp', externalUserId: 'o-t' }, [{ text: 'x' }], 'zh')
      expect(r).toMatchObject({ ok: false, kind: 'unavailable' })
    } finally {
      fake.delaySends(0)
    }
  })

  it('tells the customer in their language that an agent will reply here on handoff', async () => {
    const h = await host()
    const target = { shopId: 'shop-mp', externalUserId: 'o-handoff' }
    const info = { reason: 'customer asked', intent: null, summary: '', locale: 'en' as const }
    expect(await h.channel.adapter.handOff(target, info)).toMatchObject({ ok: true })
    const sent = fake.sent.find((m) => m.touser === 'o-handoff') as { text: { content: string } }
    expect(sent.text.content).toMatch(/agent will reply to you here/)
  })

  it('answers 503 and handles the redelivery when a turn fails before replying', async () => {
    const h = await host()
    const msg = { ...text('o-fail', 'fail once'), MsgId: nextMsgId() }
    const first = await fake.deliver(h.url, msg, { retries: 0 })
    expect(first.attempts[0]?.status).toBe(503)
    const again = await fake.deliver(h.url, msg, { retries: 0 })
    expect(again.replyText).toBe('收到：fail once')
    expect(h.events).toHaveLength(2)
  })

  it('refuses an oversized or malformed body', async () => {
    const h = await host({ maxBodyBytes: 2048 })
    const big = await fake.deliver(h.url, text('o-big', 'x'.repeat(4000)), { retries: 0 })
    expect(big.attempts[0]?.status).toBe(413)
    expect(h.events).toHaveLength(0)
  })
})
