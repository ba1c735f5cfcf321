/**
 * The summary a platform's human receives with a handoff: extractive (the customer's own recent
 * words, newest last), short, in the conversation's language. Nothing is invented.
 */
import type { Message } from '../domain/records.js'
import type { Locale } from '../domain/schemas.js'
import { collapseSpaces } from '../text/match-keys.js'

const MAX_QUOTES = 5
const MAX_QUOTE_CHARS = 120

/** Cuts `text` to `max` code points, marking the cut with "…". */
function clip(text: string, max: number): string {
  const chars = Array.from(collapseSpaces(text))
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/**
 * @example
 * handoffSummary(messages, 'zh') // '客户说：「我的订单到哪了」「怎么还没到，太慢了」'
 */
export function handoffSummary(messages: readonly Message[], locale: Locale): string {
  const quotes = messages
    .filter((m) => m.role === 'customer' && m.text.trim())
    .slice(-MAX_QUOTES)
    .map((m) => clip(m.text, MAX_QUOTE_CHARS))
  if (quotes.length === 0) return locale === 'zh' ? '（客户尚未留言）' : '(no customer message yet)'
  return locale === 'zh'
    ? `客户说：${quotes.map((q) => `「${q}」`).join('')}`
    : `Customer said: ${quotes.map((q) => `"${q}"`).join(' / ')}`
}
