import { describe, expect, it } from 'vitest'
import { parseWxXml } from '../channel-wechat-crypto/index.js'
import { mpDedupKey, toInboundEvent } from './to-inbound-event.js'

const at = new Date('2027-03-01T02:00:00Z')
const fields = (xml: string) => {
  const r = parseWxXml(xml)
  if (!r.ok) throw new Error(r.reason)
  return r.fields
}

describe('toInboundEvent', () => {
  it('keeps a 64-bit MsgId exact and takes the send time from CreateTime', () => {
    const f = fields(
      '<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName>' +
        '<CreateTime>1714037059</CreateTime><MsgType><![CDATA[text]]></MsgType>' +
        '<Content><![CDATA[你好 <b>]]></Content><MsgId>23637352235060880</MsgId></xml>',
    )
    expect(toInboundEvent(f, at)?.event).toEqual({
      externalMessageId: 'm:23637352235060880',
      externalUserId: 'o1',
      sentAt: '2024-04-25T09:24:19.000Z',
      content: { type: 'text', text: '你好 <b>' },
    })
  })

  it('de-duplicates events by FromUserName + CreateTime', () => {
    const f = fields(
      '<xml><FromUserName>o2</FromUserName><CreateTime>1714037059</CreateTime><MsgType>event</MsgType>' +
        '<Event>CLICK</Event><EventKey>K1</EventKey></xml>',
    )
    expect(mpDedupKey(f)).toBe('e:o2:1714037059:CLICK')
    expect(toInboundEvent(f, at)?.event.content).toEqual({ type: 'click', payload: 'K1' })
  })

  it('maps images, voice without recognition, scans, unsubscribes and links', () => {
    const base = '<FromUserName>o3</FromUserName><CreateTime>1714037059</CreateTime>'
    const map = (inner: string) => toInboundEvent(fields(`<xml>${base}${inner}</xml>`), at)?.event.content
    expect(map('<MsgType>image</MsgType><PicUrl>http://p</PicUrl><MediaId>M1</MediaId><MsgId>1</MsgId>')).toEqual({
      type: 'image',
      mediaRef: 'M1',
    })
    expect(map('<MsgType>voice</MsgType><MediaId>M2</MediaId><Recognition></Recognition><MsgId>2</MsgId>')).toEqual({
      type: 'voice',
      mediaRef: 'M2',
    })
    expect(map('<MsgType>event</MsgType><Event>SCAN</Event><EventKey>123</EventKey>')).toEqual({
      type: 'event',
      event: 'entered',
      detail: '123',
    })
    expect(map('<MsgType>event</MsgType><Event>unsubscribe</Event>')).toEqual({
      type: 'event',
      event: 'unsubscribed',
    })
    expect(map('<MsgType>link</MsgType><Url>https://x</Url><MsgId>3</MsgId>')).toEqual({
      type: 'event',
      event: 'other',
      detail: 'link:https://x',
    })
  })

  it('returns null for reports that are not a customer talking (template sends, location reports)', () => {
    const f = fields(
      '<xml><FromUserName>o4</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>TEMPLATESENDJOBFINISH</Event></xml>',
    )
    expect(toInboundEvent(f, at)).toBeNull()
  })

  it('flags a msgmenu tap for payload lookup', () => {
    const f = fields(
      '<xml><FromUserName>o5</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>' +
        '<Content>退货</Content><MsgId>9</MsgId><bizmsgmenuid>0123456789abcdef</bizmsgmenuid></xml>',
    )
    expect(toInboundEvent(f, at)).toEqual({
      event: expect.objectContaining({ content: { type: 'click', payload: '退货', label: '退货' } }),
      menuItemId: '0123456789abcdef',
    })
  })
})
