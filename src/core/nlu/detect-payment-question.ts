/**
 * Payment questions the bot answers with a computed figure rather than the policy text alone: what one
 * instalment comes to ("花呗分6期 一期多少", "split it into 3 monthly payments?"), the latest time to pay an
 * unpaid order ("最晚几点之前要付", "how long do I have to pay"), and how much points can take off an
 * amount ("199的面霜最多能用多少积分抵") or how many an order earns ("耳机那单能拿多少积分"). Part of the understanding stage: the payment skill reads these
 * typed facts, never the message.
 */
import { asksAutoCancel } from './detect-order-intent-rules.js'
import { asksShipBy } from './detect-order-reference.js'
import { EN_NUMBER_WORDS, parseNumber, ZH_NUMBER_CHARS } from './parse-number.js'

export type PaymentQuestion = {
  /** Asks about paying in instalments; `count` is the number of instalments named, if any. */
  instalments: { count: number | null; amount: number | null } | null
  /** Asks until when an unpaid order can be paid (or when it is cancelled for not being paid). */
  deadline: boolean
  /** Asks how much points can take off; `amount` is the price named, if any. */
  points: { amount: number | null } | null
  /** Asks how many points an order or amount earns ("那单能拿多少积分", "how many points will I get"). */
  earns: boolean
  /**
   * "油壶不是39吗 发票上怎么是47", "the invoice says 47 but the oil bottle was 39": two amounts named and
   * asked why they differ (the order's breakdown answers: items, shipping, discounts).
   */
  amountGap: boolean
  /** Amounts of money the message names ("198 taken twice"): an order of that total is the one meant. */
  amounts: number[]
}

const INSTALMENT_ASK =
  /(分期|花呗分|分\s*[0-9一二三两六十]+\s*期|[0-9一二三六十]+\s*期(免息|有息|手续费)?|每期|一期多少|月供|\binstal+ments?\b|\bmonthly payments?\b|\bpay (it )?monthly\b|\bsplit (it|the payment|the cost|.{1,30}) into\b|\bpay in \d+\b)/i
const ZH_COUNT = new RegExp(`(?:分|分成)?\\s*([0-9]+|[${ZH_NUMBER_CHARS}]+)\\s*期`)
const EN_COUNT = new RegExp(
  `\\b(\\d+|${EN_NUMBER_WORDS})[- ](?:monthly )?(?:instal+ments?|months?|payments?)\\b|\\bsplit .{0,30}?into (\\d+|${EN_NUMBER_WORDS})\\b`,
  'i',
)

const DEADLINE =
  /((现在|今天|这会儿?)?还(能|可以|来得及)(付|支付|付款|交钱)(吗|吧|么|不|啊)?|\bcan i still pay\b|\bstill (time to )?pay (for )?(it|the order)\b|(最晚|最迟|截止|几点(之|以)?前|什么时候(之|以)?前|多久(之|以)?内|还有多(久|长时间)).{0,6}(付|支付|付款|交钱)|(付|支付|付款).{0,6}(最晚|最迟|截止|期限|几点前|deadline)|(多久|什么时候|几点)(会)?(被)?(自动)?取消|\bpay (it )?(by|before) when\b|\b(deadline|last time|latest time) (to|for) (pay|payment)\b|\bhow long (do i have|have i got|until) .{0,30}(pay|cancel+ed)\b|\bwhen (is|will) .{0,30}(cancel+ed|auto[- ]?cancel+ed)\b|\bby when (do|must|should) i pay\b|(再|才|以后|之后)(去)?(付|支付|付款|交钱).{0,4}(来得及|赶得上|行不行|可以吗|还行吗)|\b(pay|paying) (it )?(after|at|around|tonight|tomorrow|later)\b.{0,30}\b(ok|okay|in time|too late|still (fine|work))\b)/i

const POINTS_ASK =
  /(积分.{0,10}(最多|能抵|可以抵|抵多少|用多少|能用多少|可以用多少|上限)|(最多|能|可以).{0,8}(用|抵).{0,6}积分|\bhow many points\b|\bpoints?\b.{0,30}\b(max(imum)?|at most|can i use|cap|limit)\b|\b(max(imum)?|most) .{0,20}\bpoints\b|\b(pay|cover)\b.{0,30}\b(entirely|fully|completely|only|all)\b.{0,15}\b(points|them)\b|\b(pay|cover)\b.{0,30}\b(all|only) (in|with|by) points\b|(全(部|额)?|只)用积分(付|抵|支付|买)|积分(全额|全部)(抵扣|支付|付))/i
const POINTS_EARN =
  /((能|可以|会|可)?(拿|得|获得|攒|返|赚|送|给)(到)?(我)?多少(个)?积分|积分(能|可以|会)?(拿|得|返|给|送)(我)?多少|多少积分(到账|能到|会到)|\bhow many (reward |loyalty )?points (will|would|do|does|can|should) (i|this|it|that|the order)\b.{0,20}\b(get|earn|give|make)\b|\bpoints (will|would|do|can) i (get|earn)\b|\b(earn|get) .{0,10}\bpoints (on|for|from)\b)/i
const PRICE =
  /(?:[¥￥$]\s*(\d+(?:\.\d+)?))|(\d+(?:\.\d+)?)\s*(?:元|块|的|yuan\b|rmb\b)|\b(?:costs?|priced at|for|of) (\d+(?:\.\d+)?)\b/i

function instalmentCount(text: string): number | null {
  const zh = ZH_COUNT.exec(text)
  const raw =
    zh?.[1] ??
    (() => {
      const en = EN_COUNT.exec(text)
      return en?.[1] ?? en?.[2]
    })()
  if (!raw) return null
  const n = /^\d+$/.test(raw) ? Number(raw) : parseNumber(raw)
  return n && n >= 2 && n <= 36 ? n : null
}

const GAP_WORDS =
  /(怎么(是|变成|成了|多了|少了)|为(什么|啥)(是|多|少)|咋(是|多|少)|不是.{0,8}(吗|么)|多(收|扣|付)了|\bwhy\b|\binstead of\b|\bbut (it|the invoice|the receipt|my card|the charge)\b|\b(more|less) than\b)/i

/** Amounts named: numbers of 2 to 6 digits, not part of an order number, phone or count ("6期", "5000积分"). */
function namedAmounts(text: string): number[] {
  const t = text.replace(/[A-Z]{2}\d{8,}|\d{7,}/gi, ' ')
  const out = new Set<number>()
  for (const m of t.matchAll(
    /(?<![\d.])(\d{2,6}(?:\.\d{1,2})?)(?![\d.]|\s*(期|积分|个?月|%|点|号|码|cm|kg|斤|岁|g\b|ml|w\b|mah|寸|inch|months?|points?))/gi,
  ))
    out.add(Number(m[1]))
  return [...out]
}

/** Two different amounts in the message, asked why they differ. */
function asksAmountGap(text: string): boolean {
  return namedAmounts(text).length >= 2 && GAP_WORDS.test(text)
}

/** The payment computation a message asks for; every part null / false when it asks none. */
export function paymentQuestion(text: string): PaymentQuestion {
  const earns = POINTS_EARN.test(text)
  const points = !earns && POINTS_ASK.test(text)
  const m = PRICE.exec(text.replace(/分\s*[0-9]+\s*期|[0-9]+\s*期/g, ' '))
  const named = m ? Number(m[1] ?? m[2] ?? m[3]) : null
  const amount = named && named > 0 ? named : null
  return {
    instalments: INSTALMENT_ASK.test(text) ? { count: instalmentCount(text), amount } : null,
    // "付了的那单最晚哪天能发": the latest ship time of a paid order, not a payment deadline.
    deadline: (DEADLINE.test(text) && !asksShipBy(text)) || asksAutoCancel(text),
    points: points ? { amount } : null,
    earns,
    amountGap: asksAmountGap(text),
    amounts: namedAmounts(text),
  }
}

/** True when the message asks any payment computation. */
export function asksPaymentFigure(q: PaymentQuestion): boolean {
  return q.instalments !== null || q.deadline || q.points !== null || q.earns
}
