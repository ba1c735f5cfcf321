import { describe, expect, it } from 'vitest'
import {
  openWxEchostr,
  openWxEnvelope,
  parseWxXml,
  sealWxEnvelope,
  signaturesEqual,
  WxBizMsgCrypt,
  wxSignature,
  wxText,
} from './index.js'

// The published WXBizMsgCrypt samples (WeCom sample: Token QDG6eK, corp wx5823bf96d3bd56c7).
const WECOM = {
  token: 'QDG6eK',
  encodingAESKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  receiveId: 'wx5823bf96d3bd56c7',
}
const VERIFY = {
  msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
  timestamp: '1409659589',
  nonce: '263014780',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
}
const MESSAGE = {
  msg_signature: '477715d11cdb4164915debcba66cb864d751f3e6',
  timestamp: '1409659813',
  nonce: '1372623149',
  encrypt:
    'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
}
// The published Official Account sample (Token spamtest, appid wx2c2769f8efd9abc2).
const MP = {
  token: 'spamtest',
  encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  receiveId: 'wx2c2769f8efd9abc2',
  msg_signature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
  timestamp: '1409735669',
  nonce: '1320562132',
  encrypt:
    'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
}

describe('WXBizMsgCrypt against the published samples', () => {
  const crypt = new WxBizMsgCrypt(WECOM)

  it('verifies the WeCom URL-verification sample and decrypts its echostr', () => {
    expect(wxSignature(WECOM.token, VERIFY.timestamp, VERIFY.nonce, VERIFY.echostr)).toBe(VERIFY.msg_signature)
    const r = openWxEchostr(crypt, VERIFY)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.echo).toMatch(/^\d+$/)
  })

  it('verifies and decrypts the WeCom message sample', () => {
    const body = `<xml><ToUserName><![CDATA[${WECOM.receiveId}]]></ToUserName><Encrypt><![CDATA[${MESSAGE.encrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`
    const r = openWxEnvelope(crypt, MESSAGE, body)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.fields).toMatchObject({
      ToUserName: 'wx5823bf96d3bd56c7',
      FromUserName: 'mycreate',
      CreateTime: '1409659813',
      MsgType: 'text',
      Content: 'hello',
      // Kept as text: the id is larger than 2^53.
      MsgId: '4561255354251345929',
      AgentID: '218',
    })
  })

  it('verifies and decrypts the Official Account sample with its app id', () => {
    const mp = new WxBizMsgCrypt(MP)
    const r = mp.open(MP.msg_signature, MP.timestamp, MP.nonce, MP.encrypt)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const inner = parseWxXml(r.message)
    expect(inner.ok).toBe(true)
    if (inner.ok) expect(wxText(inner.fields, 'ToUserName')).toBeTruthy()
    // The same ciphertext under the WeCom receive id is someone else's message.
    const other = new WxBizMsgCrypt({ ...MP, receiveId: 'wx5823bf96d3bd56c7' })
    expect(other.decrypt(MP.encrypt)).toEqual({ ok: false, reason: 'wrong_receiver' })
  })
})

describe('WXBizMsgCrypt refuses what it must', () => {
  const crypt = new WxBizMsgCrypt(WECOM)

  it('refuses a forged signature without decrypting', () => {
    const forged = `${VERIFY.msg_signature.slice(0, -1)}0`
    expect(crypt.open(forged, VERIFY.timestamp, VERIFY.nonce, VERIFY.echostr)).toEqual({
      ok: false,
      reason: 'bad_signature',
    })
    expect(crypt.open(VERIFY.msg_signature, '1409659590', VERIFY.nonce, VERIFY.echostr).ok).toBe(false)
    expect(openWxEchostr(crypt, { ...VERIFY, msg_signature: undefined })).toEqual({
      ok: false,
      reason: 'missing_parameters',
    })
  })

  it('refuses a payload signed with another token', () => {
    const other = new WxBizMsgCrypt({ ...WECOM, token: 'not-the-token' })
    const sealed = sealWxEnvelope(other, '<xml><Content>hi</Content></xml>', '1700000000', 'n1')
    expect(
      openWxEnvelope(crypt, { msg_signature: sealed.signature, timestamp: '1700000000', nonce: 'n1' }, sealed.xml),
    ).toMatchObject({ ok: false, reason: 'bad_signature' })
  })

  it('refuses tampered ciphertext and bad padding', () => {
    const enc = crypt.encrypt('<xml/>', Buffer.alloc(16, 7))
    const bytes = Buffer.from(enc, 'base64')
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff
    expect(crypt.decrypt(bytes.toString('base64')).ok).toBe(false)
    expect(crypt.decrypt('not base64 at all!').ok).toBe(false)
    expect(crypt.decrypt('AAAA').ok).toBe(false)
  })

  it('rejects a malformed EncodingAESKey at construction', () => {
    expect(() => new WxBizMsgCrypt({ ...WECOM, encodingAESKey: 'short' })).toThrow()
  })

  it('compares signatures in constant time, case-insensitively', () => {
    expect(signaturesEqual('ABCDEF', 'abcdef')).toBe(true)
    expect(signaturesEqual('abcdef', 'abcde')).toBe(false)
  })
})

describe('WXBizMsgCrypt round trips and a pinned vector', () => {
  const crypt = new WxBizMsgCrypt(WECOM)

  it('round-trips Chinese text and block-boundary lengths', () => {
    for (const msg of [
      '',
      '你好，我的订单到哪了？',
      'x'.repeat(12),
      'y'.repeat(31),
      'z'.repeat(32),
      'w'.repeat(5000),
    ]) {
      const enc = crypt.encrypt(msg)
      // Padded to 32-byte blocks: 16 random + 4 length + message + corp id.
      const expectedLength = Math.ceil((20 + Buffer.byteLength(msg) + WECOM.receiveId.length + 1) / 32) * 32
      expect(Buffer.from(enc, 'base64').length).toBe(expectedLength)
      expect(crypt.decrypt(enc)).toEqual({ ok: true, message: msg })
    }
  })

  it('pins a derived vector (fixed random prefix)', () => {
    const enc = crypt.encrypt('<xml><Content><![CDATA[hello]]></Content></xml>', Buffer.from('0123456789abcdef'))
    expect(enc).toBe(PINNED_ENCRYPT)
    expect(wxSignature(WECOM.token, '1700000000', 'kefu', enc)).toBe(PINNED_SIGNATURE)
  })

  it('seals an envelope that opens again', () => {
    const plain = '<xml><ToUserName><![CDATA[ww1]]></ToUserName><Token><![CDATA[ENCx]]></Token></xml>'
    const sealed = sealWxEnvelope(crypt, plain, '1700000000', 'abc', { ToUserName: 'ww1' })
    const r = openWxEnvelope(
      crypt,
      { msg_signature: sealed.signature, timestamp: '1700000000', nonce: 'abc' },
      sealed.xml,
    )
    expect(r).toMatchObject({ ok: true, xml: plain, fields: { ToUserName: 'ww1', Token: 'ENCx' } })
  })
})

describe('WeChat XML', () => {
  it('refuses oversized and DOCTYPE documents', () => {
    expect(parseWxXml(`<xml><A>${'a'.repeat(70_000)}</A></xml>`)).toEqual({ ok: false, reason: 'too_large' })
    const bomb = '<!DOCTYPE xml [<!ENTITY a "aaaa">]><xml><A>&a;</A></xml>'
    expect(parseWxXml(bomb)).toEqual({ ok: false, reason: 'malformed' })
    expect(parseWxXml('<notxml/>')).toEqual({ ok: false, reason: 'malformed' })
    expect(parseWxXml('<xml><A>unclosed</xml>').ok).toBe(false)
  })

  it('keeps nested elements and CDATA containing "]]>"', () => {
    const r = parseWxXml('<xml><A><![CDATA[x]]]]><![CDATA[>y]]></A><B><C>1</C></B></xml>')
    expect(r).toEqual({ ok: true, fields: { A: 'x]]>y', B: { C: '1' } } })
  })
})

// Derived independently of this module (openssl enc -aes-256-cbc -nopad over the hand-built plaintext).
const PINNED_ENCRYPT =
  'sKqRbbiSUnDhFHOvPjtUMR44tEbv6oDez3174uSFCrEt2LR+7lfaow/ys2rMQhxenItflJYDjHwMj0Z/qLhDcf9lz1RzWLQSV+0DOGG+mLPhuqQXmaF3nekncw8EAGYO'
const PINNED_SIGNATURE = 'b3f80a27108bf149e5bfd7b41a0a59b0314a9b34'
