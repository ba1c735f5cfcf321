/** WXBizMsgCrypt and the WeChat XML envelope, shared by the WeCom and Official Account channels. */
export {
  decodeEncodingAESKey,
  signaturesEqual,
  WxBizMsgCrypt,
  type WxCryptConfig,
  type WxOpenFailure,
  type WxOpenResult,
  wxSignature,
} from './wx-biz-msg-crypt.js'
export {
  openWxEchostr,
  openWxEnvelope,
  sealWxEnvelope,
  type WxEnvelopeResult,
  type WxSignedQuery,
} from './wx-envelope.js'
export {
  buildWxXml,
  parseWxXml,
  WX_XML_MAX_BYTES,
  type WxXmlFields,
  type WxXmlParseResult,
  type WxXmlValue,
  wxText,
} from './wx-xml.js'
