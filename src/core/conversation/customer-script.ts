/**
 * The script a turn's replies are written in. A customer who writes traditional characters reads
 * the replies in traditional characters, for as long as their messages say nothing else: "好的" or an
 * order number alone keeps the script of their last message that showed one.
 */

import type { Reply } from '../dialogue/types.js'
import type { Message } from '../domain/records.js'
import { readChineseScript, type ScriptReading, toCustomerScript } from '../nlu/chinese-script.js'

/** How many earlier customer messages are looked at for the script when this one shows none. */
const LOOK_BACK = 6

export type ReplyScript = Pick<ScriptReading, 'script' | 'cantonese'>

/** The script of this message, or of the customer's latest earlier message that shows one. */
export function replyScript(reading: ScriptReading, history: readonly Message[]): ReplyScript {
  if (reading.script !== null) return reading
  let seen = 0
  for (let i = history.length - 1; i >= 0 && seen < LOOK_BACK; i--) {
    const m = history[i]
    if (m?.role !== 'customer') continue
    seen++
    const earlier = readChineseScript(m.text)
    if (earlier.script !== null) return earlier
  }
  return reading
}

/** The replies with their text and button labels in the customer's script. */
export function repliesInScript(replies: readonly Reply[], script: ReplyScript): Reply[] {
  if (script.script !== 'traditional') return [...replies]
  return replies.map((r) => ({
    ...r,
    text: toCustomerScript(r.text, script),
    ...(r.buttons ? { buttons: r.buttons.map((b) => ({ ...b, label: toCustomerScript(b.label, script) })) } : {}),
  }))
}
