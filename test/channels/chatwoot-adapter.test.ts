/**
 * The Chatwoot adapter against the fake Chatwoot: what it posts, how it maps the API's errors
 * (retry once on 429/5xx, refused on 4xx), and which webhook payloads become events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createChatwootAdapter } from '../../src/adapters/channel-chatwoot/chatwoot-channel-adapter.js'
import { parseChatwootWebhook } from '../../src/adapters/channel-chatwoot/chatwoot-webhook.js'
import { type FakeChatwoot, startFakeChatwoot } from '../fakes/chatwoot/fake-chatwoot.js'

let cw: FakeChatwoot
beforeAll(async () => {
  cw = await startFakeChatwoot()
  // Conversations exist in the fake once a customer wrote; the webhook itself goes nowhere here.
  cw.setBotUrl('http://127.0.0.1:1/unused')
  for (const id of [11, 12])
    await cw.customerWrites({ conversationId: id, contactId: id, content: 'hi' }).catch(() => undefined)
})
afterAll(async () => cw.close())

const adapter = (token = cw.botToken) =>
  createChatwootAdapter({
    baseUrl: cw.url,
    accountId: String(cw.accountId),
    botToken: token,
    timeoutMs: 2000,
    retryDelayMs: 1,
  })
const target = (thread: string) => ({ shopId: 's', externalUserId: '1', externalThreadId: thread })

describe('Chatwoot adapter', () => {
  it('posts each reply in order, buttons as numbered text when the inbox type is unknown', async () => {
    const r = await adapter().send(
      target('11'),
      [
        { text: 'first' },
        {
          text: 'Pick one',
          buttons: [
            { label: 'Track', payload: 'p1' },
            { label: 'Return', payload: 'p2' },
          ],
        },
      ],
      'en',
    )
    expect(r.ok).toBe(true)
    expect(cw.publicMessages(11).map((m) => m.content)).toEqual([
      'first',
      'Pick one\n\n1. Track\n2. Return\nReply with a number to choose.',
    ])
  })

  it('retries once on 503 and 429, reports refusals and a wrong token without retrying', async () => {
    cw.failNext(503)
    expect((await adapter().send(target('12'), [{ text: 'after a 503' }], 'en')).ok).toBe(true)
    cw.failNext(429)
    expect((await adapter().send(target('12'), [{ text: 'after a 429' }], 'en')).ok).toBe(true)
    expect(cw.publicMessages(12).map((m) => m.content)).toEqual(['after a 503', 'after a 429'])
    const bad = await adapter('wrong-token-123').send(target('12'), [{ text: 'x' }], 'en')
    expect(bad).toMatchObject({ ok: false, kind: 'refused' })
    expect((await adapter().send(target('99'), [{ text: 'x' }], 'en')).ok).toBe(false)
    expect(await adapter().send({ shopId: 's', externalUserId: '1' }, [{ text: 'x' }], 'en')).toMatchObject({
      ok: false,
      kind: 'refused',
    })
    const down = createChatwootAdapter({
      baseUrl: 'http://127.0.0.1:1',
      accountId: '1',
      botToken: 'x',
      timeoutMs: 500,
      retryDelayMs: 1,
    })
    expect(await down.send(target('12'), [{ text: 'x' }], 'en')).toMatchObject({ ok: false, kind: 'unavailable' })
  })
})

describe('Chatwoot webhook parsing', () => {
  const opts = { receivedAt: '2026-06-10T08:00:00.000Z', deliveryId: 'd1' }
  const msg = (o: Record<string, unknown>) => ({
    event: 'message_created',
    id: 5,
    content: 'hello',
    message_type: 'incoming',
    private: false,
    sender: { id: 9, type: 'contact' },
    conversation: { id: 3, status: 'pending', channel: 'Channel::Telegram' },
    ...o,
  })

  it('takes incoming customer messages and ignores outgoing, private, activity and agent messages', () => {
    expect(parseChatwootWebhook(msg({}), opts)).toMatchObject({
      type: 'event',
      inboxChannel: 'Channel::Telegram',
      event: {
        externalMessageId: 'msg:5',
        externalUserId: '9',
        externalThreadId: '3',
        content: { type: 'text', text: 'hello' },
      },
    })
    for (const o of [
      { message_type: 'outgoing' },
      { message_type: 'activity' },
      { message_type: 'template' },
      { private: true },
      { sender: { id: 1, type: 'user' } },
      { content: '' },
    ]) {
      expect(parseChatwootWebhook(msg(o), opts).type).toBe('ignored')
    }
    expect(parseChatwootWebhook({ event: 'conversation_created', id: 3 }, opts).type).toBe('ignored')
    expect(parseChatwootWebhook({ event: 'webwidget_triggered' }, opts).type).toBe('ignored')
  })

  it('reads pictures, audio and chosen options, and marks messages in open conversations as human-owned', () => {
    const pic = parseChatwootWebhook(
      msg({ content: null, attachments: [{ file_type: 'image', data_url: 'https://cw/p.png' }] }),
      opts,
    )
    expect(pic).toMatchObject({ event: { content: { type: 'image', mediaRef: 'https://cw/p.png' } } })
    const voice = parseChatwootWebhook(
      msg({ content: '', attachments: [{ file_type: 'audio', data_url: 'https://cw/a.ogg' }] }),
      opts,
    )
    expect(voice).toMatchObject({ event: { content: { type: 'voice', mediaRef: 'https://cw/a.ogg' } } })
    const chosen = parseChatwootWebhook(
      msg({ content_attributes: { submitted_values: [{ title: 'Track', value: 'p1' }] } }),
      opts,
    )
    expect(chosen).toMatchObject({ event: { content: { type: 'click', payload: 'p1', label: 'Track' } } })
    const open = parseChatwootWebhook(msg({ conversation: { id: 3, status: 'open' } }), opts)
    expect(open).toMatchObject({ event: { humanOwned: true } })
  })

  it('maps status changes: open → a human has it, pending → back to the bot, resolved → closed', () => {
    const status = (s: string) =>
      parseChatwootWebhook(
        { event: 'conversation_status_changed', id: 3, status: s, meta: { sender: { id: 9 } } },
        opts,
      )
    expect(status('open')).toMatchObject({
      event: { content: { event: 'handed_to_human' }, externalUserId: '9', externalThreadId: '3' },
    })
    expect(status('pending')).toMatchObject({ event: { content: { event: 'returned_to_bot' } } })
    expect(status('resolved')).toMatchObject({
      event: { content: { event: 'closed' }, externalMessageId: 'status:3:resolved:d1' },
    })
    expect(status('snoozed').type).toBe('ignored')
  })
})
