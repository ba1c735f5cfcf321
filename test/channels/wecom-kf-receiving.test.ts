/**
 * The WeCom kf adapter's receiving side against the WeCom fake over real HTTP: URL verification,
 * callbacks, sync_msg paging and cursors, idempotency, message mapping, retries.
 */
import { describe, expect, it } from 'vitest'
import { WxBizMsgCrypt } from '../../src/adapters/channel-wechat-crypto/index.js'
import { cursorKey } from '../../src/adapters/channel-wecom-kf/wecom-kf-inbound.js'
import type { InboundEvent } from '../../src/core/ports/channel.js'
import { waitFor } from '../helpers/wait-for.js'
import { CREDS, SHOP, wecomHarness } from './wecom-kf-harness.js'

const h = wecomHarness()

describe('WeCom kf: receiving', () => {
  it('answers URL verification with the decrypted echostr and refuses a wrong signature', () => {
    const crypt = new WxBizMsgCrypt({
      token: CREDS.token,
      encodingAESKey: CREDS.encodingAESKey,
      receiveId: CREDS.corpId,
    })
    const echostr = crypt.encrypt('8327469153281')
    const q = { timestamp: '1700000000', nonce: 'n0', echostr, msg_signature: crypt.sign('1700000000', 'n0', echostr) }
    expect(h.channel.verifyUrl(q)).toEqual({ ok: true, echo: '8327469153281' })
    expect(h.channel.verifyUrl({ ...q, nonce: 'n1' })).toEqual({ ok: false, reason: 'bad_signature' })
  })

  it('pulls a customer message announced by a callback, with the callback token and a saved cursor', async () => {
    await h.fake.customerSends('wmCustomerA', { text: '我的订单到哪了' })
    await waitFor(() => h.received.length === 1)
    expect(h.received[0]).toMatchObject({
      externalUserId: 'wmCustomerA',
      externalThreadId: CREDS.openKfId,
      content: { type: 'text', text: '我的订单到哪了' },
    })
    const sync = h.fake.calls.find((c) => c.path === '/cgi-bin/kf/sync_msg')
    expect(sync?.body).toMatchObject({ open_kfid: CREDS.openKfId, limit: 1000 })
    expect(String((sync?.body as { token?: string } | undefined)?.token)).toMatch(/^ENC/)
    expect(await h.state.get(SHOP, cursorKey(CREDS.openKfId))).toBe('c1')
    // The next callback starts from the saved cursor: only the new message comes back.
    await h.fake.customerSends('wmCustomerA', { text: '还有一个问题' })
    await waitFor(() => h.received.length === 2)
    const last = h.fake.calls.filter((c) => c.path === '/cgi-bin/kf/sync_msg').at(-1)
    expect(last?.body).toMatchObject({ cursor: 'c1' })
    expect(h.texts()).toEqual(['我的订单到哪了', '还有一个问题'])
  })

  it('hands each msgid over once despite retried callbacks and pages that repeat messages', async () => {
    await h.restartFake({ pageSize: 2 })
    h.fake.duplicateAcrossPages = true
    for (let i = 1; i <= 5; i++) await h.fake.customerSends('wmCustomerB', { text: `消息${i}` }, { notify: false })
    await h.fake.customerSends('wmCustomerB', { text: '消息6' }, { deliveries: 3 })
    await waitFor(() => h.fake.callbackResponses.length === 3 && h.received.length === 6)
    expect(h.texts()).toEqual(['消息1', '消息2', '消息3', '消息4', '消息5', '消息6'])
    // Paged through: the first pull read 3 pages of 2 (the later pages repeating one message each).
    expect(h.fake.count('/cgi-bin/kf/sync_msg')).toBeGreaterThanOrEqual(3)
    expect(new Set(h.received.map((e) => e.externalMessageId)).size).toBe(6)
    await waitFor(() => h.pulls.length === 3)
    // The repeats were there and were dropped: 2 repeated across pages in the first pull, plus the
    // message repeated at the saved cursor by each later pull.
    const duplicates = h.pulls.reduce((n, p) => n + (p.ok ? p.duplicates : 0), 0)
    expect(duplicates).toBeGreaterThanOrEqual(2)
  })

  it('maps clicks, pictures, voice and session events; skips what a servicer typed', async () => {
    h.fake.addMessage({
      origin: 4,
      msgtype: 'event',
      event: { event_type: 'enter_session', open_kfid: CREDS.openKfId, external_userid: 'wmC', scene: 'shop' },
    })
    h.fake.addMessage({
      origin: 5,
      msgtype: 'text',
      external_userid: 'wmC',
      servicer_userid: 'zhangsan',
      text: { content: '人工回复' },
    })
    await h.fake.customerSends('wmC', { text: '是的', menuId: '是的' }, { notify: false })
    await h.fake.customerSends('wmC', { image: 'MEDIA_IMG' }, { notify: false })
    await h.fake.customerSends('wmC', { voice: 'MEDIA_VOICE' }, { notify: false })
    h.fake.addMessage({
      origin: 4,
      msgtype: 'event',
      event: { event_type: 'session_status_change', open_kfid: CREDS.openKfId, external_userid: 'wmC', change_type: 1 },
    })
    h.fake.addMessage({
      origin: 4,
      msgtype: 'event',
      event: { event_type: 'session_status_change', open_kfid: CREDS.openKfId, external_userid: 'wmC', change_type: 3 },
    })
    await h.fake.notify()
    await waitFor(() => h.received.length === 6)
    expect(h.received.map((e) => e.content)).toEqual([
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
    h.channel = h.makeChannel(anyAccount)
    await h.fake.customerSends('wmN', { text: 'hi' })
    await waitFor(() => h.received.length === 1)
    expect(h.received[0]).toMatchObject({ externalThreadId: CREDS.openKfId })
    expect(
      await h.channel.send(
        { shopId: SHOP, externalUserId: 'wmN', externalThreadId: CREDS.openKfId },
        [{ text: 'ok' }],
        'en',
      ),
    ).toMatchObject({ ok: true })
    // A configured account ignores callbacks for another one.
    h.channel = h.makeChannel()
    await h.fake.notify({ openKfId: 'wkSOMEONEELSE' })
    expect(h.fake.count('/cgi-bin/kf/sync_msg')).toBe(1)
  })

  it('retries a message whose handling failed from the saved cursor, and passes over one that keeps failing', async () => {
    for (const t of ['一', '二', '三']) await h.fake.customerSends('wmR', { text: t }, { notify: false })
    const seen: string[] = []
    let failTwo = 1
    const handle = async (e: InboundEvent) => {
      const text = (e.content as { text: string }).text
      if (text === '二' && failTwo-- > 0) throw new Error('database down')
      if (text === '三') throw new Error('poison')
      seen.push(text)
    }
    const cb = { token: '', openKfId: CREDS.openKfId }
    expect(await h.channel.pull(cb, handle)).toMatchObject({ ok: false, delivered: 1 })
    expect(await h.state.get(SHOP, cursorKey(CREDS.openKfId))).toBeNull()
    // Next callbacks: 一 is not handed over again, 二 now goes through, 三 fails (attempts 1 and 2 of 3).
    expect(await h.channel.pull(cb, handle)).toMatchObject({ ok: false, delivered: 1 })
    expect(await h.channel.pull(cb, handle)).toMatchObject({ ok: false, delivered: 0 })
    // Third failure of 三: passed over, the page is done and the cursor moves on.
    expect(await h.channel.pull(cb, handle)).toMatchObject({ ok: true, delivered: 0, failed: 1 })
    expect(seen).toEqual(['一', '二'])
    expect(await h.state.get(SHOP, cursorKey(CREDS.openKfId))).toBe('c3')
  })

  it("does not answer a newly connected account's history, only what was just sent", async () => {
    await h.fake.customerSends('wmOld', { text: '两天前的问题' }, { notify: false })
    h.clock.advance(2 * 3600 * 1000)
    await h.fake.customerSends('wmOld', { text: '一小时前' }, { notify: false })
    h.clock.advance(3600 * 1000)
    await h.fake.customerSends('wmNew', { text: '刚刚的问题' })
    await waitFor(() => h.pulls.length === 1)
    expect(h.texts()).toEqual(['刚刚的问题'])
    expect(h.pulls[0]).toMatchObject({ ok: true, delivered: 1, skipped: 2 })
    // From then on the cursor is saved: a later message is answered whatever its age.
    h.fake.addMessage({
      origin: 3,
      msgtype: 'text',
      external_userid: 'wmOld',
      text: { content: '晚到的' },
      send_time: 1,
    })
    await h.fake.notify()
    await waitFor(() => h.received.length === 2)
    expect(h.texts()).toEqual(['刚刚的问题', '晚到的'])
  })

  it('rejects a forged callback without calling WeCom', async () => {
    await h.fake.customerSends('wmD', { text: 'hi' }, { notify: false })
    const r = await h.fake.notify({ forge: true })
    expect(r.status).toBe(401)
    expect(h.rejected).toEqual(['bad_signature'])
    expect(h.fake.count('/cgi-bin/kf/sync_msg')).toBe(0)
    expect(h.fake.count('/cgi-bin/gettoken')).toBe(0)
    expect(h.received).toEqual([])
  })

  it('pulls without the callback token when WeCom says it is no longer valid (95007)', async () => {
    await h.fake.customerSends('wmE', { text: 'hello' }, { notify: false })
    const r = await h.channel.pull(
      { token: 'ENCexpired', openKfId: CREDS.openKfId },
      async (e) => void h.received.push(e),
    )
    expect(r).toMatchObject({ ok: true, delivered: 1 })
    const bodies = h.fake.calls
      .filter((c) => c.path === '/cgi-bin/kf/sync_msg')
      .map((c) => c.body as Record<string, unknown>)
    expect(bodies[0]?.token).toBe('ENCexpired')
    expect(bodies[1]?.token).toBeUndefined()
  })
})
