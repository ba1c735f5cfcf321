/**
 * "那算了 不改了 就34吧", "no wait, keep it" right after a change, cancellation or return was discussed: the
 * request is dropped. Nothing is written, nobody is handed the conversation; the bot says the order stays
 * as it is. (A cancellation waiting for its yes is taken back by the cancel skill itself.)
 */
import type { SkillContext, SkillResult } from '../skills/skill-types.js'
import { say } from '../skills/text.js'
import { noTask } from './task-state.js'

const REQUESTS = new Set(['modify_order', 'cancel_order', 'return_refund'])

/** The reply to a dropped request, or null when the message drops nothing in progress. */
export function dropRequest(sc: SkillContext): SkillResult | null {
  const { state } = sc
  const active = state.activeIntent
  if (!sc.cues.dropsRequest || !active || !REQUESTS.has(active)) return null
  // A cancellation waiting for its yes is taken back by the cancel skill ("等等 先不取消了").
  if (active === 'cancel_order' && state.awaiting === 'confirm' && sc.cues.keepOrder) return null
  // Another order named is a new request about that order, not this one dropped.
  const order = typeof state.slots.order === 'string' ? state.slots.order : null
  if (sc.extracted.order && sc.extracted.order !== order) return null
  const L = sc.locale
  const which = order ? say(L, `订单 ${order} `, `order ${order}`) : say(L, '订单', 'your order')
  const what =
    active === 'modify_order'
      ? say(L, `好的，不改了，${which}保持原样。`, `OK, no change: ${which} stays as it is.`)
      : active === 'cancel_order'
        ? say(L, `好的，不取消了，${which}照常处理。`, `OK, I won't cancel it: ${which} goes ahead as normal.`)
        : say(L, `好的，不退了，${which}不做处理。`, `OK, no return: ${which} stays as it is.`)
  state.task = noTask()
  state.awaiting = null
  state.prompt = null
  state.lastIntent = active
  return {
    replies: [{ text: `${what}${say(L, '还有其他需要帮忙的吗？', ' Anything else I can help with?')}` }],
    action: 'answer',
    reason: `request_dropped_${active}`,
    done: true,
  }
}
