/**
 * The WeCom kf adapter's sending side against the WeCom fake over real HTTP: reply composition,
 * the access token, the reply window, handoff, and failures mapped to values.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { WecomKfChannel } from '../../src/adapters/channel-wecom-kf/wecom-kf-channel.js'
import { waitFor } from '../helpers/wait-for.js'
import { CREDS, SHOP, wecomHarness } from './wecom-kf-harness.js'

const h = wecomHarness()

describe('WeCom kf: sending', () => {
  const target = (user: string, lastInboundAt?: string) => ({
    shopId: SHOP,
    externalUserId: user,
    externalThreadId: CREDS.openKfId,
    ...(lastInboundAt ? { lastInboundAt } : {}),
  })

  it('joins h.texts into one send_msg and renders cards as text', async () => {
    await h.fake.customerSends('wmF', { text: '订单' }, { notify: false })
    const r = await h.channel.send(
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
    expect(h.fake.sent).toEqual([
      {
        touser: 'wmF',
        open_kfid: CREDS.openKfId,
        msgtype: 'text',
        text: { content: '您的订单已发货。\n【订单 KF1001 · shipped · 顺丰 SF123】\n\n还有什么可以帮您？' },
      },
    ])
  })

  it('sends buttons as a msgmenu of click items, and as numbered text when they cannot fit', async () => {
    await h.fake.customerSends('wmG', { text: 'x' }, { notify: false })
    await h.channel.send(
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
    expect(h.fake.sent[0]).toMatchObject({
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
    await h.channel.send(
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
    expect(h.fake.sent[1]).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining('1. A\n2. B') } })
  })

  it('fetches the access token once, shares it across instances, and refreshes it on 42001', async () => {
    await h.fake.customerSends('wmH', { text: 'x' }, { notify: false })
    await h.channel.send(target('wmH'), [{ text: 'one' }], 'en')
    await h.makeChannel().send(target('wmH'), [{ text: 'two' }], 'en')
    expect(h.fake.count('/cgi-bin/gettoken')).toBe(1)
    h.fake.expireTokens()
    const r = await h.channel.send(target('wmH'), [{ text: 'three' }], 'en')
    expect(r.ok).toBe(true)
    expect(h.fake.count('/cgi-bin/gettoken')).toBe(2)
    expect(h.fake.calls.filter((c) => c.path === '/cgi-bin/kf/send_msg').map((c) => c.errcode)).toEqual([
      0, 0, 42001, 0,
    ])
  })

  it('drops the cached token when expires_in (less a margin) has passed', async () => {
    await h.restartFake({ expiresIn: 7200 })
    await h.fake.customerSends('wmI', { text: 'x' }, { notify: false })
    await h.channel.send(target('wmI'), [{ text: 'one' }], 'en')
    h.clock.advance((7200 - 300) * 1000)
    await h.channel.send(target('wmI'), [{ text: 'two' }], 'en')
    expect(h.fake.count('/cgi-bin/gettoken')).toBe(2)
    expect(h.fake.calls.every((c) => c.errcode === 0)).toBe(true)
  })

  it('respects the reply window: 5 messages per customer message, 48 hours, and WeCom 95018', async () => {
    await h.fake.customerSends('wmJ', { text: 'x' })
    await waitFor(() => h.received.length === 1)
    for (let i = 1; i <= 5; i++) expect((await h.channel.send(target('wmJ'), [{ text: `r${i}` }], 'en')).ok).toBe(true)
    const sixth = await h.channel.send(target('wmJ'), [{ text: 'r6' }], 'en')
    expect(sixth).toMatchObject({ ok: false, kind: 'window_closed' })
    expect(h.fake.sent).toHaveLength(5)
    expect(h.fake.calls.every((c) => c.errcode === 0)).toBe(true)
    // The customer writes again: the quota starts over.
    await h.fake.customerSends('wmJ', { text: 'y' })
    await waitFor(() => h.received.length === 2)
    expect((await h.channel.send(target('wmJ'), [{ text: 'again' }], 'en')).ok).toBe(true)
    // 48 hours after their last message nothing is sent.
    const old = new Date(h.clock.now().getTime() - 49 * 3600 * 1000).toISOString()
    expect(await h.channel.send(target('wmJ', old), [{ text: 'late' }], 'en')).toMatchObject({
      ok: false,
      kind: 'window_closed',
    })
    expect(h.fake.sent).toHaveLength(6)
    // WeCom's own verdict counts too.
    h.fake.closeWindow('wmJ')
    expect(await h.channel.send(target('wmJ'), [{ text: 'closed' }], 'en')).toMatchObject({
      ok: false,
      kind: 'window_closed',
      detail: expect.stringContaining('95018'),
    })
  })

  it('hands off to the configured servicer (h.state 3) or else to the waiting pool (h.state 2)', async () => {
    await h.fake.customerSends('wmK', { text: 'x' }, { notify: false })
    await h.fake.customerSends('wmL', { text: 'x' }, { notify: false })
    const info = {
      reason: 'customer asked for a person',
      intent: 'human',
      summary: '客户说：「转人工」',
      locale: 'zh' as const,
    }
    const withServicer = h.makeChannel({ ...CREDS, servicerUserId: 'zhangsan' })
    expect(await withServicer.handOff(target('wmK'), info)).toEqual({ ok: true, externalMessageIds: [] })
    expect(await h.channel.handOff(target('wmL'), info)).toEqual({ ok: true, externalMessageIds: [] })
    expect(h.fake.transfers).toEqual([
      { open_kfid: CREDS.openKfId, external_userid: 'wmK', service_state: 3, servicer_userid: 'zhangsan' },
      { open_kfid: CREDS.openKfId, external_userid: 'wmL', service_state: 2 },
    ])
    // Now a person has it: WeCom refuses bot messages, which the bridge sees as a closed window.
    expect(await h.channel.send(target('wmK'), [{ text: 'bot' }], 'en')).toMatchObject({
      ok: false,
      kind: 'window_closed',
    })
    // Handing a person's session back to the pool is not allowed: a refusal.
    expect(await h.channel.handOff(target('wmK'), info)).toMatchObject({ ok: false, kind: 'refused' })
  })

  it('maps WeCom refusals: frequency limit and busy are unavailable, a bad request is refused', async () => {
    await h.fake.customerSends('wmErr', { text: 'x' }, { notify: false })
    h.fake.failNext('/cgi-bin/kf/send_msg', 45009)
    expect(await h.channel.send(target('wmErr'), [{ text: 'a' }], 'en')).toMatchObject({
      ok: false,
      kind: 'unavailable',
    })
    h.fake.failNext('/cgi-bin/kf/send_msg', -1)
    expect(await h.channel.send(target('wmErr'), [{ text: 'b' }], 'en')).toMatchObject({
      ok: false,
      kind: 'unavailable',
    })
    h.fake.failNext('/cgi-bin/kf/send_msg', 40008)
    expect(await h.channel.send(target('wmErr'), [{ text: 'c' }], 'en')).toMatchObject({
      ok: false,
      kind: 'refused',
      detail: expect.stringContaining('40008'),
    })
    h.fake.failNext('/cgi-bin/kf/service_state/trans', 45009)
    const info = { reason: 'r', intent: null, summary: '', locale: 'en' as const }
    expect(await h.channel.handOff(target('wmErr'), info)).toMatchObject({ ok: false, kind: 'unavailable' })
    // None of it touched the quota: the customer can still get all 5 messages.
    for (let i = 0; i < 5; i++)
      expect((await h.channel.send(target('wmErr'), [{ text: `ok${i}` }], 'en')).ok).toBe(true)
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
        state: h.state,
        clock: h.clock,
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
        state: h.state,
        clock: h.clock,
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
        state: h.state,
        clock: h.clock,
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
