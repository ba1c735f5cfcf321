/**
 * Turns kefu replies into as few `kf/send_msg` bodies as possible: WeCom allows 5 messages per
 * customer message, so consecutive texts are joined into one; buttons become one `msgmenu` (click
 * items carrying kefu's payload as their id) or numbered text when they cannot fit; cards are
 * described in text.
 */
import type { Reply } from '../../core/dialogue/types.js'
import type { Locale } from '../../core/domain/schemas.js'

/** Documented limits: text.content ≤ 2048 bytes; msgmenu head/tail ≤ 1024 bytes, item id/content ≤ 128 bytes (keeping within 10 items). */
const TEXT_MAX_BYTES = 2048
const MENU_HEAD_MAX_BYTES = 1024
const MENU_ITEM_MAX_BYTES = 128
const MENU_MAX_ITEMS = 10

export type KfOutgoing =
  | { msgtype: 'text'; text: { content: string } }
  | {
      msgtype: 'msgmenu'
      msgmenu: { head_content?: string; list: Array<{ type: 'click'; click: { id: string; content: string } }> }
    }

const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

/** Cuts `text` into pieces of at most `max` UTF-8 bytes, preferring line breaks. */
export function splitByBytes(text: string, max: number): string[] {
  const out: string[] = []
  let rest = text
  while (bytes(rest) > max) {
    let cut = 0
    let size = 0
    const chars = Array.from(rest)
    while (cut < chars.length && size + bytes(chars[cut] ?? '') <= max) size += bytes(chars[cut++] ?? '')
    const head = chars.slice(0, cut).join('')
    const nl = head.lastIndexOf('\n')
    const piece = nl > head.length / 2 ? head.slice(0, nl) : head
    out.push(piece)
    rest = rest.slice(piece.length).replace(/^\n/, '')
  }
  if (rest) out.push(rest)
  return out
}

function cardText(card: NonNullable<Reply['card']>, locale: Locale): string {
  const d = card.data
  const zh = locale === 'zh'
  const v = (k: string) => (d[k] === undefined || d[k] === null ? '' : String(d[k]))
  switch (card.type) {
    case 'order': {
      const parts = [zh ? `订单 ${v('orderNo')}` : `Order ${v('orderNo')}`, v('status')]
      if (v('carrier') || v('trackingNo')) parts.push(`${v('carrier')} ${v('trackingNo')}`.trim())
      return `【${parts.filter(Boolean).join(' · ')}】`
    }
    case 'product': {
      const price = v('price') ? (zh ? `¥${v('price')}` : `${v('price')}`) : ''
      return `【${[v('title'), v('sku'), price].filter(Boolean).join(' · ')}】`
    }
    case 'return':
      return `【${[zh ? `售后单 ${v('id')}` : `Return ${v('id')}`, v('orderNo'), v('kind')].filter(Boolean).join(' · ')}】`
    case 'ticket':
      return `【${[zh ? `工单 ${v('id')}` : `Ticket ${v('id')}`, v('status')].filter(Boolean).join(' · ')}】`
  }
}

function numbered(buttons: NonNullable<Reply['buttons']>, locale: Locale): string {
  const hint = locale === 'zh' ? '（回复序号或文字即可）' : '(reply with the number or the words)'
  return `${buttons.map((b, i) => `${i + 1}. ${b.label.replace(/^\d+\.\s*/, '')}`).join('\n')}\n${hint}`
}

function menuFits(buttons: NonNullable<Reply['buttons']>): boolean {
  return (
    buttons.length > 0 &&
    buttons.length <= MENU_MAX_ITEMS &&
    buttons.every(
      (b) =>
        b.payload.length > 0 &&
        bytes(b.payload) <= MENU_ITEM_MAX_BYTES &&
        b.label.length > 0 &&
        bytes(b.label) <= MENU_ITEM_MAX_BYTES,
    )
  )
}

/**
 * The send_msg bodies (without touser/open_kfid) for `replies`, in order.
 *
 * @example
 * composeKfMessages([{ text: '请选择', buttons: [{ label: '是的', payload: '是的' }] }], 'zh')
 * // [{ msgtype: 'msgmenu', msgmenu: { head_content: '请选择', list: [{ type: 'click', click: { id: '是的', content: '是的' } }] } }]
 */
export function composeKfMessages(replies: readonly Reply[], locale: Locale): KfOutgoing[] {
  const out: KfOutgoing[] = []
  let pending: string[] = []
  const flushText = () => {
    const text = pending.join('\n\n').trim()
    pending = []
    for (const piece of text ? splitByBytes(text, TEXT_MAX_BYTES) : [])
      out.push({ msgtype: 'text', text: { content: piece } })
  }
  for (const r of replies) {
    const text = [r.text.trim(), r.card ? cardText(r.card, locale) : ''].filter(Boolean).join('\n')
    const buttons = r.buttons ?? []
    if (buttons.length === 0) {
      if (text) pending.push(text)
      continue
    }
    if (!menuFits(buttons)) {
      pending.push([text, numbered(buttons, locale)].filter(Boolean).join('\n'))
      continue
    }
    const head = [...pending, text].filter(Boolean).join('\n\n')
    if (bytes(head) > MENU_HEAD_MAX_BYTES) {
      if (text) pending.push(text)
      flushText()
      out.push({ msgtype: 'msgmenu', msgmenu: { list: menuItems(buttons) } })
    } else {
      pending = []
      out.push({ msgtype: 'msgmenu', msgmenu: { ...(head ? { head_content: head } : {}), list: menuItems(buttons) } })
    }
  }
  flushText()
  return out
}

function menuItems(buttons: NonNullable<Reply['buttons']>) {
  return buttons.map((b) => ({ type: 'click' as const, click: { id: b.payload, content: b.label } }))
}
