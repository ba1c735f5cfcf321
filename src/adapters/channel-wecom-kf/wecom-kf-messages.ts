/**
 * Maps `kf/sync_msg` items to channel-neutral inbound events. Only the customer's own messages
 * (origin 3) and the system's session events (origin 4) come in; what a servicer typed in WeCom
 * (origin 5) is the human's own conversation and is not a turn.
 */
import type { InboundContent, InboundEvent } from '../../core/ports/channel.js'
import type { KfMessage } from './wecom-kf-api.js'

const ORIGIN_CUSTOMER = 3
const ORIGIN_SYSTEM = 4

/**
 * session_status_change change_type: 1 a servicer took it from the pool, 2 transferred to another
 * servicer, 3 ended, 4 a servicer re-took an ended/transferred session. 1, 2 and 4 mean a person
 * owns the conversation now: kefu stays silent.
 */
function sessionChange(changeType: unknown): InboundContent {
  const detail = `session_status_change:${String(changeType ?? '')}`
  if (changeType === 3) return { type: 'event', event: 'closed', detail }
  if (changeType === 1 || changeType === 2 || changeType === 4)
    return { type: 'event', event: 'handed_to_human', detail }
  return { type: 'event', event: 'other', detail }
}

function contentOf(m: KfMessage): InboundContent | null {
  switch (m.msgtype) {
    case 'text': {
      const text = m.text?.content ?? ''
      const menuId = m.text?.menu_id
      // A click on a msgmenu item comes back as text carrying the item's id (kefu's button payload).
      if (menuId) return { type: 'click', payload: menuId, ...(text ? { label: text } : {}) }
      return { type: 'text', text }
    }
    case 'image':
      return m.image?.media_id ? { type: 'image', mediaRef: m.image.media_id } : null
    case 'voice':
      return m.voice?.media_id ? { type: 'voice', mediaRef: m.voice.media_id } : null
    case 'event': {
      const ev = m.event ?? {}
      switch (ev.event_type) {
        case 'enter_session':
          return { type: 'event', event: 'entered', ...(ev.scene ? { detail: `scene:${ev.scene}` } : {}) }
        case 'session_status_change':
          return sessionChange(ev.change_type)
        default:
          return { type: 'event', event: 'other', detail: String(ev.event_type ?? 'unknown') }
      }
    }
    default:
      // Video, file, location, link, mini program, business card…: kept as an event the bridge may note.
      return { type: 'event', event: 'other', detail: `msgtype:${m.msgtype}` }
  }
}

/**
 * The inbound event for one `msg_list` item, or null when it is not for kefu (a servicer's own
 * message, a message of another kf account, an item without ids). `receivedAt` stands in for a
 * missing `send_time`.
 */
export function toInboundEvent(m: KfMessage, openKfId: string, receivedAt: string): InboundEvent | null {
  if (!m.msgid || typeof m.msgid !== 'string') return null
  const origin = m.origin
  const isEvent = m.msgtype === 'event'
  if (!isEvent && origin !== ORIGIN_CUSTOMER) return null
  if (isEvent && origin !== undefined && origin !== ORIGIN_SYSTEM) return null
  const kfId = (isEvent ? m.event?.open_kfid : undefined) ?? m.open_kfid ?? openKfId
  if (kfId !== openKfId) return null
  const user = (isEvent ? m.event?.external_userid : undefined) ?? m.external_userid
  if (!user || typeof user !== 'string') return null
  const content = contentOf(m)
  if (!content) return null
  const seconds = typeof m.send_time === 'number' && Number.isFinite(m.send_time) ? m.send_time : null
  return {
    externalMessageId: m.msgid,
    externalUserId: user,
    externalThreadId: kfId,
    content,
    sentAt: seconds === null ? receivedAt : new Date(seconds * 1000).toISOString(),
  }
}
