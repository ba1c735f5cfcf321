/**
 * Maps a WeChat Official Account message or event (already parsed from XML) to kefu's channel-neutral
 * `InboundEvent`. Events that are not a customer talking to the account (template-send reports,
 * automatic location reports, mass-send reports) map to `null`: they are acknowledged, not handled.
 */
import type { InboundEvent } from '../../core/ports/channel.js'
import { type WxXmlFields, wxText } from '../channel-wechat-crypto/index.js'

export type MappedMpMessage = {
  event: InboundEvent
  /**
   * The id of a `msgmenu` item the customer tapped (a text message carrying `bizmsgmenuid`): the
   * channel looks up the button payload it stored when sending the menu.
   */
  menuItemId?: string
}

/** The text fields only (nested ones, such as a scan's `ScanCodeInfo`, are not used). */
function textFields(fields: WxXmlFields): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const k of Object.keys(fields)) out[k] = wxText(fields, k)
  return out
}

const IGNORED_EVENTS = new Set(['location', 'templatesendjobfinish', 'masssendjobfinish', 'view_miniprogram'])

/** The key WeChat's docs recommend for de-duplicating retries: MsgId, else FromUserName + CreateTime. */
export function mpDedupKey(fields: WxXmlFields): string | null {
  const msg = textFields(fields)
  if (msg.MsgId) return `m:${msg.MsgId}`
  if (msg.FromUserName && msg.CreateTime) return `e:${msg.FromUserName}:${msg.CreateTime}:${msg.Event ?? ''}`
  return null
}

/**
 * @example
 * toInboundEvent({ MsgType: 'text', Content: '你好', FromUserName: 'o1', CreateTime: '1714037059', MsgId: '1' })
 * // → { event: { externalMessageId: 'm:1', externalUserId: 'o1', content: { type: 'text', text: '你好' }, … } }
 */
export function toInboundEvent(fields: WxXmlFields, receivedAt: Date): MappedMpMessage | null {
  const msg = textFields(fields)
  const openid = msg.FromUserName
  const id = mpDedupKey(fields)
  if (!openid || !id) return null
  const created = Number(msg.CreateTime)
  const sentAt = Number.isFinite(created) && created > 0 ? new Date(created * 1000) : receivedAt
  const base = { externalMessageId: id, externalUserId: openid, sentAt: sentAt.toISOString() }
  const type = (msg.MsgType ?? '').toLowerCase()
  switch (type) {
    case 'text': {
      const text = msg.Content ?? ''
      if (msg.bizmsgmenuid)
        return {
          event: { ...base, content: { type: 'click', payload: text, label: text } },
          menuItemId: msg.bizmsgmenuid,
        }
      return { event: { ...base, content: { type: 'text', text } } }
    }
    case 'image':
      return { event: { ...base, content: { type: 'image', mediaRef: msg.MediaId ?? msg.PicUrl ?? '' } } }
    case 'voice': {
      const recognition = msg.Recognition?.trim()
      return {
        event: {
          ...base,
          content: { type: 'voice', mediaRef: msg.MediaId ?? '', ...(recognition ? { recognition } : {}) },
        },
      }
    }
    case 'location':
      return { event: { ...base, content: { type: 'event', event: 'other', detail: `location:${msg.Label ?? ''}` } } }
    case 'link':
      return { event: { ...base, content: { type: 'event', event: 'other', detail: `link:${msg.Url ?? ''}` } } }
    case 'event':
      return mapEvent(msg, base)
    default:
      return { event: { ...base, content: { type: 'event', event: 'other', detail: type || 'unknown' } } }
  }
}

function mapEvent(
  msg: Record<string, string | undefined>,
  base: Omit<InboundEvent, 'content'>,
): MappedMpMessage | null {
  const name = (msg.Event ?? '').toLowerCase()
  if (IGNORED_EVENTS.has(name)) return null
  const key = msg.EventKey ?? ''
  switch (name) {
    case 'subscribe':
      return { event: { ...base, content: { type: 'event', event: 'subscribed', ...(key ? { detail: key } : {}) } } }
    case 'unsubscribe':
      return { event: { ...base, content: { type: 'event', event: 'unsubscribed' } } }
    case 'scan':
      return { event: { ...base, content: { type: 'event', event: 'entered', ...(key ? { detail: key } : {}) } } }
    case 'click':
      return { event: { ...base, content: { type: 'click', payload: key } } }
    case 'view':
      return { event: { ...base, content: { type: 'event', event: 'other', detail: `view:${key}` } } }
    default:
      return { event: { ...base, content: { type: 'event', event: 'other', detail: name || 'unknown' } } }
  }
}
