/**
 * Explicit action verbs beat information intents. A message like "订单KF…我想改一下收货地址" names an
 * order (which pulls a classifier towards `order_status`) but asks for an action; when the classifier is
 * unsure or picked an information intent, a clear verb for cancel / return / modify wins. The override
 * is recorded in `state.intentCue` ({from, to}).
 */
import { parseProductQuestion } from '../knowledge/answer-product-question.js'
import { parcelSentBack } from './detect-intent-rules.js'
import { asksToPayOrder } from './detect-turn-cues.js'
import type { NluResult } from './types.js'

/** "穿多大", "什么尺码", "what size": a question about which size to take. */
const SIZE_QUESTION = /(穿什么码|穿多大|什么尺码|多大码|选什么码|哪个码|\bwhich size\b|\bwhat size\b)/i

const CUES: Array<{ intent: string; re: RegExp }> = [
  // "航班取消了" is the carrier's flight, "自动取消" the shop's rule for unpaid orders: not cancel requests.
  {
    intent: 'cancel_order',
    re: /((?<!航班|航班被|班机|航线|飞机|自动|自己|自行|被|后来|已经|早就)取消|不要了这个订单|\bcancel(?! ?led flight))/i,
  },
  {
    intent: 'modify_order',
    re: /(改.{0,4}(地址|电话|手机|号码)|修改|换个?(颜色|尺码|码)|\bmodify\b|\bchange (the |my )?(delivery )?(address|phone|number))/i,
  },
  { intent: 'return_refund', re: /(退货|退款|退换|换货|(?<!不)退(?!出)|\breturn\b|\brefund|\bexchange\b)/i },
  { intent: 'size_advice', re: SIZE_QUESTION },
  { intent: 'price_promotion', re: /(多少钱|什么价|价格是|\bhow much (is|are|does)\b|\bprice of\b)/i },
]

/** "先别退回去 等我回来再送", "don't send it back": keep the parcel from going back to the shop. */
const HOLD_PARCEL =
  /((别|不要|先别|不用)(给我)?(退回|退走)|\b(don'?t|do not) (send|return) (it|the parcel|the package) back\b)/i

/** Intents that describe rather than act; an action cue may override them. */
const INFORMATION = new Set(['order_status', 'logistics', 'product_inquiry', 'out_of_scope', 'greeting'])

const COMPARE =
  /(哪个|哪款|哪一个|区别|对比|比较|差别|差异|有什么不同|\bvs\.?\b|\bversus\b|\bcompare|\bdifference\b|\bwhich (one|is|has|of)\b|\bbetter\b)/i
const CONJ = /(和|跟|与|还是|\bvs\.?\b|\bversus\b|\bor\b|\band\b)/i
/** Model names like "X2 Pro", "Watch 4", "Buds 2", "RayBook 14". */
const MODEL = /(?<![A-Za-z0-9])[A-Za-z]+\s?\d+[A-Za-z]*(?:\s?(?:Pro|Max|Ultra|Plus|Lite|Mini|SE)\b)?/g
const AVAILABLE_IN =
  /(有没有|有没|有.{0,4}[色码]|什么颜色|哪些颜色|几种颜色|\bcome in\b|\bavailable in\b|\bin (a )?(size|colou?r)\b|\bdo you have (it|this|that|one|them)? ?in\b)/i

function namedProducts(text: string, nlu: NluResult): number {
  const ents = nlu.entities.filter((e) => e.type === 'product' || e.type === 'device_model')
  const spans = new Set(ents.map((e) => e.text.toLowerCase().replace(/\s+/g, '')))
  for (const m of text.match(MODEL) ?? []) spans.add(m.toLowerCase().replace(/\s+/g, ''))
  // "X2 Pro" and "X2" are two models; only a name inside a longer one of the *same* span is a duplicate.
  return spans.size
}

/**
 * Product questions the classifier tends to file under recommendation: "X2 Pro 和 X2 哪个续航长" is a
 * comparison of two named products (answered from the product graph), "X2 Pro 有没有白色的" asks
 * for a variant of a named product (stock). Null when neither applies.
 */
function productQuestionCue(text: string, nlu: NluResult): string | null {
  if (
    !['recommendation', 'product_inquiry', 'stock_availability', 'price_promotion', 'out_of_scope'].includes(nlu.intent)
  )
    return null
  const named = namedProducts(text, nlu)
  if (named >= 2 && COMPARE.test(text) && CONJ.test(text)) return 'product_inquiry'
  const variant = nlu.entities.some((e) => e.type === 'color' || e.type === 'size')
  if (named >= 1 && variant && AVAILABLE_IN.test(text) && ['recommendation', 'product_inquiry'].includes(nlu.intent))
    return 'stock_availability'
  return null
}

/**
 * "那个无线充能给我的X2充吗", "will the X2 Pro case fit my X2 Pro Max", "折叠屏那单里的钢化膜能贴F1吗": whether
 * one named thing fits or works with another is a product question (the accessory's compatibility),
 * whatever order, fault or out-of-scope intent the classifier saw in it. A fault report stays one.
 */
function asksFit(text: string, nlu: NluResult): boolean {
  if (nlu.intent === 'human_agent' || nlu.intent === 'after_sales_fault') return false
  return parseProductQuestion(text).fit && namedProducts(text, nlu) >= 2
}

/** The action intent the message's wording demands over the NLU's pick, or null. */
export function actionCue(text: string, nlu: NluResult): string | null {
  if (asksToPayOrder(text) && ['invoice_payment', 'price_promotion', 'out_of_scope'].includes(nlu.intent))
    return 'order_status'
  // Returned even when the classifier agreed, so that the intent counts as decided by the wording.
  if (asksFit(text, nlu)) return 'product_inquiry'
  const product = productQuestionCue(text, nlu)
  if (product) return product === nlu.intent ? null : product
  // "那个复古水洗T恤我穿多大": a size question in so many words makes the classifier's unsure size pick sure.
  if (nlu.intent === 'size_advice' && nlu.confidence < 0.6 && SIZE_QUESTION.test(text)) return 'size_advice'
  if (!INFORMATION.has(nlu.intent) && nlu.confidence >= 0.6) return null
  for (const c of CUES) {
    // "怎么显示退回了": the carrier sent the parcel back; a tracking question, not a return request.
    if (c.intent === 'return_refund' && (parcelSentBack(text) || HOLD_PARCEL.test(text))) continue
    if (c.intent !== nlu.intent && c.re.test(text)) return c.intent
  }
  return null
}

/** A conservative anger signal for when the NLU gives none: shouting plus a complaint or threat. */
export function angerCue(text: string): number {
  const bangs = (text.match(/[!！]/g) ?? []).length
  const threat =
    /(投诉|举报|12315|垃圾|骗子|差评|报警|退钱|report you|complain|lawyer|scam|ridiculous|useless|worst|unacceptable)/i.test(
      text,
    )
  const caps = (text.match(/[A-Z]{4,}/g) ?? []).join('').length >= 8
  if (threat && (bangs >= 3 || caps)) return 0.85
  if (threat && bangs >= 1) return 0.6
  return 0
}
