/**
 * What kefu's replies look like on an Official Account: the passive-reply XML (text only), text
 * with buttons degraded to numbered lines (the bridge maps a typed number back to the button), `msgmenu` customer-service messages where buttons stay
 * tappable, and texts split under WeChat's size limit.
 */
import { numberedText } from '../../core/channels/degrade-replies.js'
import type { Reply } from '../../core/dialogue/types.js'
import type { Locale } from '../../core/domain/schemas.js'
import { buildWxXml } from '../channel-wechat-crypto/index.js'

/** WeChat cuts text messages at 2048 bytes; stay below with room for the numbered options. */
export const MAX_TEXT_BYTES = 2000

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8')

/** One reply as plain text: its buttons as numbered lines the customer answers with a number. */
export function replyAsText(reply: Reply, locale: Locale): string {
  return numberedText(reply, locale).trim()
}

/** Several replies as the one text a passive reply can carry. */
export function repliesAsText(replies: Reply[], locale: Locale): string {
  return replies
    .map((r) => replyAsText(r, locale))
    .filter((t) => t.length > 0)
    .join('\n\n')
}

/**
 * Splits `text` into parts of at most `maxBytes` UTF-8 bytes, preferring line breaks, never
 * cutting a character in two.
 */
export function splitText(text: string, maxBytes = MAX_TEXT_BYTES): string[] {
  if (utf8Bytes(text) <= maxBytes) return text.length > 0 ? [text] : []
  const parts: string[] = []
  let current = ''
  const flush = () => {
    if (current.trim().length > 0) parts.push(current.trim())
    current = ''
  }
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line
    if (utf8Bytes(candidate) <= maxBytes) {
      current = candidate
      continue
    }
    flush()
    if (utf8Bytes(line) <= maxBytes) {
      current = line
      continue
    }
    for (const ch of line) {
      if (utf8Bytes(current + ch) > maxBytes) flush()
      current += ch
    }
  }
  flush()
  return parts
}

/** The passive text reply to a message from `openid` to the account `accountId` (its gh_ id). */
export function passiveTextXml(openid: string, accountId: string, text: string, createTime: number): string {
  return buildWxXml({
    ToUserName: openid,
    FromUserName: accountId,
    CreateTime: createTime,
    MsgType: 'text',
    Content: text,
  })
}

export type CustomMessage =
  | { touser: string; msgtype: 'text'; text: { content: string } }
  | {
      touser: string
      msgtype: 'msgmenu'
      msgmenu: { head_content: string; list: Array<{ id: string; content: string }>; tail_content: string }
    }

/** Customer-service text messages for `text`, split under the size limit. */
export function textMessages(openid: string, text: string): CustomMessage[] {
  return splitText(text).map((content) => ({ touser: openid, msgtype: 'text', text: { content } }))
}
