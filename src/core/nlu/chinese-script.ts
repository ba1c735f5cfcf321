/**
 * Traditional Chinese and written Cantonese, read as the simplified Mandarin the classifier, the
 * rules and the catalog are written in. A customer from Hong Kong or Taiwan writes "我想退貨 手錶還沒拆封"
 * or "唔該幫我睇下我個鑊幾時發貨": the understanding stage reads "我想退货 手表还没拆封" and
 * "麻烦帮我看下我个锅什么时候发货", and the replies go back in the customer's script
 * (`toCustomerScript`). The conversion itself is src/core/text/chinese-conversion.ts (OpenCC).
 */
import { toSimplified, toTraditional } from '../text/chinese-conversion.js'

export type ChineseScript = 'simplified' | 'traditional'

/** How a message was read: the text to understand, its script (null: no Chinese characters, or only
 * characters written alike in both scripts, such as "好的" — the conversation's earlier script holds). */
export type ScriptReading = {
  text: string
  script: ChineseScript | null
  /** Written Cantonese words were read as Mandarin (replies then use Hong Kong characters). */
  cantonese: boolean
}

const HAN = /\p{Script=Han}/gu

/**
 * Written Cantonese words and their Mandarin reading, longest first where one contains another.
 * Applied only to a message that carries one of CANTONESE_MARKERS, so Mandarin text is never touched.
 * Keys in traditional and simplified characters: customers type either.
 */
const CANTONESE: ReadonlyArray<readonly [string, string]> = [
  ['唔該', '麻烦'],
  ['唔该', '麻烦'],
  ['唔好意思', '不好意思'],
  ['係咪', '是不是'],
  ['系咪', '是不是'],
  ['係唔係', '是不是'],
  ['系唔系', '是不是'],
  ['可唔可以', '可不可以'],
  ['得唔得', '行不行'],
  ['有冇', '有没有'],
  ['幾多錢', '多少钱'],
  ['几多钱', '多少钱'],
  ['幾多', '多少'],
  ['几多', '多少'],
  ['幾時', '什么时候'],
  ['几时', '什么时候'],
  ['聽日', '明天'],
  ['听日', '明天'],
  ['琴日', '昨天'],
  ['尋日', '昨天'],
  ['寻日', '昨天'],
  ['而家', '现在'],
  ['點解', '为什么'],
  ['点解', '为什么'],
  ['點樣', '怎么样'],
  ['点样', '怎么样'],
  ['乜嘢', '什么'],
  ['咩嘢', '什么'],
  ['邊個', '哪个'],
  ['边个', '哪个'],
  ['邊度', '哪里'],
  ['边度', '哪里'],
  ['佢哋', '他们'],
  ['我哋', '我们'],
  ['你哋', '你们'],
  ['睇下', '看下'],
  ['睇吓', '看下'],
  ['仲未', '还没'],
  ['仲有', '还有'],
  ['唔', '不'],
  ['咗', '了'],
  ['嘅', '的'],
  ['睇', '看'],
  ['佢', '他'],
  ['冇', '没有'],
  ['喺', '在'],
  ['係', '是'],
  ['啲', '些'],
  ['咁', '那'],
  ['嚟', '来'],
  ['畀', '给'],
  ['攞', '拿'],
  ['搵', '找'],
  ['揾', '找'],
  ['啱', '对'],
  ['嘢', '东西'],
  ['咩', '什么'],
  ['鑊', '锅'],
  ['镬', '锅'],
  ['喇', '了'],
]

/** Characters found only in written Cantonese: one of them switches the word table on. */
const CANTONESE_MARKERS = /[唔咗嘅睇佢冇喺係啲咁嚟畀攞搵揾啱嘢咩哋]/u

function readCantonese(text: string): string {
  let out = text
  for (const [from, to] of CANTONESE) if (out.includes(from)) out = out.split(from).join(to)
  return out
}

/** Chinese characters a conversion changed: positions compared code point by code point. */
function changedHan(before: string, after: string): number {
  const a = Array.from(before)
  const b = Array.from(after)
  if (a.length !== b.length) return Math.abs(a.length - b.length) + 1
  let n = 0
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++
  return n
}

/**
 * Reads a message's script and gives the text to understand. A message is traditional when the
 * simplifying conversion changes two characters or more, or one in five of its Chinese characters
 * (a lone 著 or 乾 occurs in simplified text too).
 * @example
 * readChineseScript('我想退貨 手錶還沒拆封') // { text: '我想退货 手表还没拆封', script: 'traditional', cantonese: false }
 */
export function readChineseScript(message: string): ScriptReading {
  const han = message.match(HAN)?.length ?? 0
  if (han === 0) return { text: message, script: null, cantonese: false }
  const cantonese = CANTONESE_MARKERS.test(message)
  const simplified = toSimplified(message)
  const changed = changedHan(message, simplified)
  if (changed === 0) return unchangedReading(message, cantonese)
  const script: ChineseScript = changed >= 2 || changed * 5 >= han ? 'traditional' : 'simplified'
  // A simplified message keeps its characters (a lone 著 stays); a traditional one is read simplified.
  const base = script === 'traditional' ? simplified : message
  return { text: cantonese ? readCantonese(base) : base, script, cantonese }
}

/**
 * A message the simplifying conversion leaves as it is: read as written. Whether it shows simplified
 * characters (a conversion to traditional would change it) or none peculiar to either script only
 * decides the replies' script, so that second conversion runs when `script` is first read — after
 * the turn, not on the way to its answer.
 */
function unchangedReading(message: string, cantonese: boolean): ScriptReading {
  let script: ChineseScript | null | undefined
  return {
    text: cantonese ? readCantonese(message) : message,
    get script(): ChineseScript | null {
      if (script === undefined) script = toTraditional(message, 'tw') === message ? null : 'simplified'
      return script
    },
    cantonese,
  }
}

/** The reply in the customer's script: Hong Kong characters after Cantonese, Taiwan ones otherwise. */
export function toCustomerScript(reply: string, reading: { script: ChineseScript | null; cantonese: boolean }): string {
  if (reading.script !== 'traditional') return reply
  return toTraditional(reply, reading.cantonese ? 'hk' : 'tw')
}
