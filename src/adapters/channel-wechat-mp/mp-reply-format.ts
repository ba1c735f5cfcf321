/**
 * What kefu's replies look like on an Official Account: the passive-reply XML (text only), text
 * with buttons degraded to numbered lines, `msgmenu` customer-service messages where buttons stay
 * tappable, and texts split under WeChat's size limit.
 */
import type { Reply, ReplyButton } from '../../core/dialogue/types.js'
import { buildWxXml } from '../channel-wechat-crypto/index.js'

/** WeChat cuts text messages at 2048 bytes; stay below with room for the numbered options. */
export const MAX_TEXT_BYTES = 2000

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8')

/** A button label as a numbered line, unless the label is already numbered ("1. 2027…"). */
function numbered(b: ReplyButton, i: number): string {
  return /^\d+[.、]/.test(b.label.trim()) ? b.label : `${i + 1}. ${b.label}`
}

/** One reply as plain text: its text, then its buttons as numbered lines. */
export function replyAsText(reply: Reply): string {
  const lines = [reply.text.trim()]
  if (reply.buttons?.length) lines.push(reply.buttons.map(numbered).join('\n'))
  return lines.filter((l) => l.length > 0).join('\n')
}

/** Several replies as the one text a passive reply can carry. */
export function repliesAsText(replies: Reply[]): string {
  return replies
    .map(replyAsText)
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
