/**
 * "the robot vacuum", "1.5米那个", "待付款那个", "长袖T恤那个": which of the options the bot listed the
 * customer describes, by the words of each option (item titles, status). Chinese: how many of the
 * message's two-character pieces (fillers such as 那个/订单 removed) the option contains; English: content
 * words shared (plural-insensitive). The single best option wins; a tie or nothing shared gives null.
 */

export type DescribedOption = { id: string; texts: readonly string[] }

const ZH_FILLER = /(那个|这个|那单|这单|那笔|订单|的|是|吧|呢|啊|哦|嗯|要|我|就|单)/g
const EN_STOP = new Set([
  'the',
  'one',
  'ones',
  'with',
  'that',
  'this',
  'order',
  'orders',
  'my',
  'for',
  'and',
  'about',
  'please',
  'pls',
  'what',
  'which',
  'its',
  'it',
  'was',
])

/** Only Chinese characters, digits and dots are read for the Chinese part; the rest is a gap. */
function zhRuns(text: string, numbers: boolean): string {
  const t = text.replace(ZH_FILLER, ' ')
  return numbers ? t.replace(/[^\u4e00-\u9fff0-9.]/g, ' ') : t.replace(/[^\u4e00-\u9fff]/g, ' ')
}

/** Distinct two-character pieces of the message's Chinese (and, with `numbers`, "1.5" style) runs. */
function bigrams(text: string): Set<string> {
  const out = new Set<string>()
  for (const run of text.split(/\s+/)) for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2))
  return out
}

/** "bottles" → "bottle", "watches" → "watch", "glasses" → "glass"; "glass" stays. */
function singular(w: string): string {
  if (w.endsWith('ss')) return w
  if (/(s|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2)
  return w.endsWith('s') ? w.slice(0, -1) : w
}

function enWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z0-9-]*/g) ?? [])
    .map(singular)
    .filter((w) => w.length >= 3 && !EN_STOP.has(w))
}

/** Chinese pieces of the message found in the option, plus 3 per English content word shared. */
function score(text: string, option: DescribedOption, numbers: boolean): number {
  const hay = option.texts.join(' | ').toLowerCase()
  const hayZh = zhRuns(hay, numbers)
  let zh = 0
  for (const b of bigrams(zhRuns(text.toLowerCase(), numbers))) if (hayZh.includes(b)) zh++
  const words = new Set(enWords(hay))
  const en = new Set(enWords(text).filter((w) => words.has(w))).size
  return zh + en * 3
}

/**
 * "不是待付款那个，是已经付了钱的那单", "not the shoes one, the perfume": the option first named is the one
 * turned down, so only the words after it describe the pick.
 */
const REJECTED =
  /(?:^|[\s，,。.!！?？])(?:不是|并不是|并非)[^，,;；。]{1,24}[，,;；。]\s*(?:而是|是|我说的是|我要的是)?|\bnot (?:the |that |this )?[^,;.]{1,40}?(?:[,;.]\s*(?:but |i mean |it'?s |its )?|\s+but\s+)/gi

/** "表带不要了 牛仔裤留着", "drop the band but keep the jeans": the option kept is not the one meant. */
const KEPT =
  /[^\s，,。.;；!！]{1,12}(?:留着|还要|要留着|保留|照常发|正常发)(?:的)?|\b(?:but |and )?keep (?:the )?[^,;.]{1,30}/gi

export function withoutRejected(text: string): string {
  const kept = text.replace(REJECTED, ' ').replace(KEPT, ' ')
  return kept.trim().length > 0 ? kept : text
}

/** The id of the one option the message describes, or null. */
export function pickByDescription(
  text: string,
  options: readonly DescribedOption[],
  opts: {
    numbers?: boolean
    minScore?: number
    maxChars?: number
    /** Breaks a tie at the top when exactly one of the tied options passes it (e.g. the customer's gender). */
    prefer?: (id: string) => boolean
  } = {},
): string | null {
  if (options.length === 0 || text.trim().length === 0 || text.length > (opts.maxChars ?? 60)) return null
  const numbers = opts.numbers ?? true
  const meant = withoutRejected(text)
  const scored = options.map((o) => ({ id: o.id, s: score(meant, o, numbers) })).sort((a, b) => b.s - a.s)
  const top = scored[0]!
  if (top.s < (opts.minScore ?? 1)) return null
  const tied = scored.filter((x) => x.s === top.s)
  if (tied.length === 1) return top.id
  const preferred = opts.prefer ? tied.filter((x) => opts.prefer!(x.id)) : []
  return preferred.length === 1 ? preferred[0]!.id : null
}
