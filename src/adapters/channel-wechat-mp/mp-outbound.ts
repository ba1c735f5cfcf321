/**
 * Sends kefu's replies to an Official Account follower through the customer-service message API:
 * text (split under the size limit), and replies with buttons as a `msgmenu` whose items the
 * customer can tap (verified accounts only: when WeChat refuses menus, this instance falls back to
 * numbered text for good). The payload behind each menu item is kept in the channel state, so
 * the tap (a text message carrying `bizmsgmenuid`) maps back to kefu's button payload.
 */
import { createHash } from 'node:crypto'
import type { Reply } from '../../core/dialogue/types.js'
import type { Locale } from '../../core/domain/schemas.js'
import type { ChannelStateStore, SendResult } from '../../core/ports/channel.js'
import type { MpApiClient } from './mp-api-client.js'
import { type CustomMessage, replyAsText, textMessages } from './mp-reply-format.js'

/** Menu items are tappable while the customer-service window is open (48 h); keep payloads a bit longer. */
const MENU_TTL_S = 3 * 24 * 3600
const MENU_HEAD_MAX_BYTES = 1000

export const menuStateKey = (id: string) => `wechat-mp:menu:${id}`

export type MpOutbound = {
  send(openid: string, replies: Reply[], locale: Locale): Promise<SendResult>
  /** The payload behind a tapped `msgmenu` item, if still known. */
  menuPayload(itemId: string): Promise<string | null>
}

export function createMpOutbound(opts: {
  shopId: string
  api: MpApiClient
  state: ChannelStateStore
  /** Send buttons as tappable `msgmenu` messages (default true). */
  menus?: boolean
}): MpOutbound {
  let menus = opts.menus ?? true

  async function menuMessages(openid: string, reply: Reply): Promise<CustomMessage[]> {
    const buttons = reply.buttons ?? []
    const list: Array<{ id: string; content: string }> = []
    for (const b of buttons) {
      const id = createHash('sha1').update(b.payload, 'utf8').digest('hex').slice(0, 16)
      await opts.state.set(opts.shopId, menuStateKey(id), b.payload, MENU_TTL_S)
      list.push({ id, content: b.label })
    }
    const head = reply.text.trim()
    const headFits = Buffer.byteLength(head, 'utf8') <= MENU_HEAD_MAX_BYTES
    const menu: CustomMessage = {
      touser: openid,
      msgtype: 'msgmenu',
      msgmenu: { head_content: headFits ? head : '', list, tail_content: '' },
    }
    return headFits ? [menu] : [...textMessages(openid, head), menu]
  }

  async function sendAll(messages: CustomMessage[]): Promise<SendResult> {
    for (const m of messages) {
      const r = await opts.api.sendCustom(m)
      if (!r.ok) return r
    }
    return { ok: true, externalMessageIds: [] }
  }

  return {
    async send(openid, replies, locale) {
      for (const reply of replies) {
        if (menus && reply.buttons?.length) {
          let r: SendResult
          try {
            r = await sendAll(await menuMessages(openid, reply))
          } catch {
            r = { ok: false, kind: 'unavailable', detail: 'channel state unavailable' }
          }
          if (r.ok) continue
          if (r.kind !== 'refused') return r
          // Unverified accounts and test accounts cannot send menus: numbered text from now on.
          menus = false
        }
        const text = replyAsText(reply, locale)
        if (Buffer.byteLength(text, 'utf8') === 0) continue
        const r = await sendAll(textMessages(openid, text))
        if (!r.ok) return r
      }
      return { ok: true, externalMessageIds: [] }
    },
    async menuPayload(itemId) {
      if (!/^[0-9a-f]{16}$/.test(itemId)) return null
      return opts.state.get(opts.shopId, menuStateKey(itemId))
    },
  }
}
