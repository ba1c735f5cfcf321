/**
 * The encrypted envelope of a WeChat callback (`<xml><ToUserName/><Encrypt/>…</xml>` with
 * `msg_signature`, `timestamp`, `nonce` in the query), and the envelope of an encrypted reply.
 */
import type { WxBizMsgCrypt, WxOpenFailure } from './wx-biz-msg-crypt.js'
import { buildWxXml, parseWxXml, type WxXmlFields, wxText } from './wx-xml.js'

export type WxSignedQuery = { msg_signature?: unknown; timestamp?: unknown; nonce?: unknown }

export type WxEnvelopeResult =
  | { ok: true; xml: string; fields: WxXmlFields }
  | { ok: false; reason: WxOpenFailure | 'missing_parameters' | 'too_large' | 'malformed' }

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined)

/**
 * Verifies and decrypts a POSTed callback: the query's signature over the body's `<Encrypt>`, then
 * the inner XML parsed. Nothing is decrypted when the signature does not match.
 *
 * @example
 * const r = openWxEnvelope(crypt, request.query, rawBody)
 * if (!r.ok) return reply.code(401)…
 * r.fields.MsgType
 */
export function openWxEnvelope(crypt: WxBizMsgCrypt, query: WxSignedQuery, body: string): WxEnvelopeResult {
  const signature = str(query.msg_signature)
  const timestamp = str(query.timestamp)
  const nonce = str(query.nonce)
  if (!signature || !timestamp || !nonce) return { ok: false, reason: 'missing_parameters' }
  const outer = parseWxXml(body)
  if (!outer.ok) return { ok: false, reason: outer.reason }
  const encrypted = wxText(outer.fields, 'Encrypt')
  if (!encrypted) return { ok: false, reason: 'malformed' }
  const opened = crypt.open(signature, timestamp, nonce, encrypted)
  if (!opened.ok) return opened
  const inner = parseWxXml(opened.message)
  if (!inner.ok) return { ok: false, reason: inner.reason }
  return { ok: true, xml: opened.message, fields: inner.fields }
}

/**
 * Verifies and decrypts a URL-verification `echostr` (WeCom: `GET ?msg_signature&timestamp&nonce&echostr`);
 * the decrypted text is what the endpoint must answer, as plain text.
 */
export function openWxEchostr(
  crypt: WxBizMsgCrypt,
  query: WxSignedQuery & { echostr?: unknown },
): { ok: true; echo: string } | { ok: false; reason: WxOpenFailure | 'missing_parameters' } {
  const signature = str(query.msg_signature)
  const timestamp = str(query.timestamp)
  const nonce = str(query.nonce)
  const echostr = str(query.echostr)
  if (!signature || !timestamp || !nonce || !echostr) return { ok: false, reason: 'missing_parameters' }
  const opened = crypt.open(signature, timestamp, nonce, echostr)
  return opened.ok ? { ok: true, echo: opened.message } : opened
}

/**
 * Encrypts `plainXml` into a signed envelope (`Encrypt`, `MsgSignature`, `TimeStamp`, `Nonce`):
 * a passive encrypted reply, or what a platform (or its test fake) POSTs to a callback URL with
 * `ToUserName` added.
 */
export function sealWxEnvelope(
  crypt: WxBizMsgCrypt,
  plainXml: string,
  timestamp: string,
  nonce: string,
  extra: Record<string, string> = {},
): { xml: string; signature: string; encrypted: string } {
  const encrypted = crypt.encrypt(plainXml)
  const signature = crypt.sign(timestamp, nonce, encrypted)
  const ts = /^\d{1,15}$/.test(timestamp) ? Number(timestamp) : timestamp
  const xml = buildWxXml({ ...extra, Encrypt: encrypted, MsgSignature: signature, TimeStamp: ts, Nonce: nonce })
  return { xml, signature, encrypted }
}
