/**
 * Replies for platforms that cannot show kefu's buttons or cards: buttons become a numbered list
 * (the customer answers with the number; the bridge maps it back to the button), cards are already
 * described in the reply text. Adapters call this for whatever their platform cannot render.
 */
import type { Reply, ReplyButton } from '../dialogue/types.js'
import type { Locale } from '../domain/schemas.js'
import { listNumber } from '../nlu/list-choice.js'

/** The reply as plain text, its buttons numbered from 1. */
export function numberedText(reply: Reply, locale: Locale): string {
  const buttons = reply.buttons ?? []
  if (buttons.length === 0) return reply.text
  const hint = locale === 'zh' ? '回复数字即可选择。' : 'Reply with a number to choose.'
  // A reply that already lists the options in order (1. …, 2. …) only needs the hint.
  if (buttons.every((b, i) => reply.text.includes(`${i + 1}. ${b.label}`))) return `${reply.text}\n${hint}`
  const list = buttons.map((b, i) => `${i + 1}. ${b.label}`).join('\n')
  return `${reply.text}\n\n${list}\n${hint}`
}

/** The last buttons offered in a conversation, oldest reply first (what a typed number refers to). */
export function lastButtons(replies: readonly Reply[]): ReplyButton[] {
  for (let i = replies.length - 1; i >= 0; i--) {
    const b = replies[i]!.buttons
    if (b && b.length > 0) return b
  }
  return []
}

/**
 * The button a reply picks from `buttons`: a bare number ("2", "２") or exactly a button's label (what
 * a platform sends when the customer taps an option it rendered), else null.
 */
export function pickButton(text: string, buttons: readonly ReplyButton[]): ReplyButton | null {
  const said = text.trim().toLowerCase()
  const byLabel = buttons.find((b) => b.label.trim().toLowerCase() === said)
  if (byLabel) return byLabel
  const n = listNumber(text)
  if (n === null) return null
  return n >= 1 && n <= buttons.length ? buttons[n - 1]! : null
}
