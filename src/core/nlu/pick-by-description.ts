/**
 * "the robot vacuum", "1.5米那个", "待付款那个", "长袖T恤那个": which of the options the bot listed the
 * customer describes, by the words of each option (item titles, status). Chinese: the longest run of
 * characters shared with an option (at least two, fillers such as 那个/订单 removed); English: content
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

/** Only Chinese characters, digits and dots take part in the shared-run match; the rest is a gap. */
function zhRuns(text: string): string {
  return text.replace(ZH_FILLER, ' ').replace(/[^\u4e00-\u9fff0-9.]/g, ' ')
}

function longestShared(a: string, b: string): number {
  // Longest common substring over CJK / digits / dots, O(|a|·|b|) on short strings.
  let best = 0
  const prev = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    let diag = 0
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!
      const ch = a[i - 1]!
      prev[j] = ch === b[j - 1] && ch !== ' ' ? diag + 1 : 0
      if (prev[j]! > best) best = prev[j]!
      diag = tmp
    }
  }
  return best
}

function enWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z0-9-]*/g) ?? [])
    .map((w) => w.replace(/(es|s)$/, ''))
    .filter((w) => w.length >= 3 && !EN_STOP.has(w))
}

function score(text: string, option: DescribedOption): number {
  const hay = option.texts.join(' | ')
  const zh = longestShared(zhRuns(text.toLowerCase()), zhRuns(hay.toLowerCase()))
  const words = new Set(enWords(hay))
  const en = enWords(text).filter((w) => words.has(w)).length
  return (zh >= 2 ? zh : 0) + en * 3
}

/** The id of the one option the message describes, or null. */
export function pickByDescription(text: string, options: readonly DescribedOption[]): string | null {
  if (options.length === 0 || text.trim().length === 0 || text.length > 60) return null
  const scored = options.map((o) => ({ id: o.id, s: score(text, o) })).sort((a, b) => b.s - a.s)
  const top = scored[0]!
  if (top.s <= 0) return null
  if (scored[1] && scored[1].s === top.s) return null
  return top.id
}
