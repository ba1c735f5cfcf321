/**
 * Questions about the customer's orders taken together or looked into (round 5): the item at a position
 * in an order ("这单里第二件是啥来着", "what's the 3rd item in that order?"), which of two parcels comes
 * first ("那哪个先到", "which one arrives first?"), the total of several orders ("我还没发货的那两单 一共多少钱",
 * "how much are my unpaid orders altogether?") and an order the customer forgot to pay ("早上下的单忘付钱了").
 * Part of the understanding stage: skills read the typed result.
 */

const NUM: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const EN_NUM: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6 }

const ITEM_AT_ZH =
  /第\s*([一二三四五六七八九]|\d)\s*(件|个|样|款)(商品|东西|宝贝)?\s*(是|叫|是个)?\s*(啥|什么|哪个|哪件|什么东西)/
const ITEM_AT_ZH_IN_ORDER = /(单|订单|包裹)(里|中|里面)的?第\s*([一二三四五六七八九]|\d)\s*(件|个|样|款)/
const ITEM_AT_EN =
  /\b(?:the )?(first|second|third|fourth|fifth|sixth|([1-6])(?:st|nd|rd|th))\s+(item|thing|product|one)\s+(in|of|on) (the|that|this|my) (order|parcel|package)\b/i
const ITEM_AT_EN_ASK = /\b(what|which)('?s| is| was)?\b/i

/** 1-based position of the order line the customer asks about, or null. */
export function itemAt(text: string): number | null {
  const zh = ITEM_AT_ZH.exec(text)
  if (zh) return NUM[zh[1]!] ?? Number(zh[1])
  const inOrder = ITEM_AT_ZH_IN_ORDER.exec(text)
  if (inOrder) return NUM[inOrder[3]!] ?? Number(inOrder[3])
  const en = ITEM_AT_EN.exec(text)
  if (en && ITEM_AT_EN_ASK.test(text)) return en[2] ? Number(en[2]) : (EN_NUM[en[1]!.toLowerCase()] ?? null)
  return null
}

const WHICH_FIRST =
  /((哪个|哪一个|哪单|哪一单|哪个包裹|哪件|谁)(会)?(先|早)(到|送到|送达|来|到货)|先到的是哪|\bwhich (one|order|parcel|package)?\s*(will |would |is going to )?(arrives?|comes?|gets? (here|there)|be delivered|lands?) (first|sooner|earlier)\b|\bwhich (one|order|parcel|package) (is )?(arriving|coming) (first|sooner)\b)/i

/** "那哪个先到", "which one arrives first?": which of the parcels in question is due first. */
export function asksWhichFirst(text: string): boolean {
  return WHICH_FIRST.test(text)
}

/** Which of the customer's orders a total is asked over. */
export type OrdersTotal = { group: 'unshipped' | 'unpaid' | 'open' }

const TOTAL =
  /(一共|总共|加起来|合计|总计|加一起|一起)(是|要|得)?(多少钱?|多少|几多钱)|\b(in total|altogether|all together|combined|total)\b/i
const SEVERAL_ORDERS =
  /(([两俩二三四五几]|\d)\s*(个)?(单|笔|个订单|个单子)|这(几|些)(单|个订单|笔)|那(几|些)(单|个订单|笔)|(所有|全部)的?(订单|单子)|\b(both|all( of)?( my)?|my|these|those|the)\s+(\w+\s+)?(orders|parcels)\b)/i
const UNSHIPPED =
  /((还)?(没|未|没有)(发货|发出|发)|待发货|\b(not|haven'?t|hasn'?t|not yet) (been )?shipped\b|\bunshipped\b)/i
const UNPAID = /((还)?(没|未|没有)(付|付款|付钱|支付)|待付款|\bunpaid\b|\b(not|haven'?t|not yet) (been )?paid\b)/i

/** "我还没发货的那两单 一共多少钱", "how much are my unpaid orders altogether?", or null. */
export function ordersTotal(text: string): OrdersTotal | null {
  if (!TOTAL.test(text) || !SEVERAL_ORDERS.test(text)) return null
  if (UNSHIPPED.test(text)) return { group: 'unshipped' }
  if (UNPAID.test(text)) return { group: 'unpaid' }
  return { group: 'open' }
}

const FORGOT_TO_PAY =
  /(忘(了|记)?(了)?(付|付款|付钱|支付)|\bforgot (to pay|paying)\b|\bdidn'?t get (round|around) to pay(ing)?\b)/i

/** "早上下的单忘付钱了", "I forgot to pay for it": the order meant is the unpaid one. */
export function forgotToPay(text: string): boolean {
  return FORGOT_TO_PAY.test(text)
}
