/**
 * "买两条399的毛衣裙能减多少", "how much off if I buy 2 of them": a question asking the bot to compute
 * what a promotion takes off. Reads the quantity (a number with a measure word, "2 x", "two of"), a
 * unit price the customer names ("399的", "¥399"), several priced items ("269的裤子加一件59的T恤"), an
 * amount already in the cart ("购物车280 还差多少"), an item added to the amount computed before
 * ("加个39的油壶够不够") and a bare new quantity after a computation ("and with four?"). Part of the
 * understanding stage.
 */
import { EN_NUMBER_WORDS, parseNumber, ZH_NUMBER_CHARS } from './parse-number.js'

/** One priced item the customer names; `label` is the words after the price ("269的妈妈裤" → 妈妈裤). */
export type DiscountItem = { quantity: number; unitPrice: number; label?: string; words?: string[] }

export type DiscountQuestion = {
  quantity: number
  unitPrice: number | null
  /** Every priced item named, when there are several ("269的裤子加一件59的T恤"); else empty. */
  items?: DiscountItem[]
  /** An amount already in the cart ("购物车280", "I have 250 in my cart"). */
  cartTotal?: number
  /** Adds to the amount computed before ("加个39的油壶", "if I add a 39 one"). */
  addOn?: boolean
  /**
   * A change to the computation before, nothing else: a new quantity ("and with four?", "那买4个呢"), a
   * coupon ("再用新人券呢") or only one of its items ("那只买裤子呢").
   */
  requantify?: boolean
  /** The customer is newly registered / asks with the welcome coupon ("新人券", "new customer"). */
  newCustomer?: boolean
  /** Only this one of the items computed before ("那只买裤子呢" → 裤子, "just the jeans" → jeans). */
  only?: string
  /** The words of `only` compared with the items' `words` (Chinese characters, English words). */
  onlyWords?: string[]
  /** A quantity was named (not the default one). */
  quantityNamed?: boolean
}

const ASKS =
  /(能|可以|可|会|一共|总共|共)?(减|优惠|便宜|省)(多少|几多|几块)|满减(怎么|咋)算|到手(价|多少)|打完折.{0,3}多少|(满减|减|优惠|活动|打折|折扣)(完|后|之后|以后|下来).{0,4}(多少|几)|(满减|优惠|活动|打折|折扣)(完|后|之后|以后|下来)(呢|的价|价)|(最后|最终|实际|一共|总共)(要|得|需要)?(付|支付|给)多少|实付多少|还差多少|差多少.{0,4}(满减|满|门槛|能减)|(加|凑|再买|添).{1,12}(够不够|够了吗|够吗|能满减)|\bafter (the )?(discount|promotion|promo|deal|offer)s?\b.{0,20}\b(how much|price|cost|total|come to)\b|\b(how much|price|cost|total|come to)\b.{0,30}\bafter (the )?(discount|promotion|promo|deal|offer|spend-and-save|[¥$]?\d+ off)s?\b|\bhow much (off|discount|would i save|do i save|will i save|cheaper)\b|\bwhat('?s| is| would be) the (discount|final price|total after)\b|\bhow much would (it|they|that) (come to|cost) (after|with)\b|\b(do|would|will|can) i (get|qualify for) (the |that )?([¥$]?\d+ off|discount|deal|promo(tion)?|spend-and-save)\b|\bhow much (more|short|else) (do i need|to (spend|add)|until|before|for)\b|\b(with|after) (the |that |this )?([a-z-]+ )?(discount|deals?|promotion|promo|offer|sale)s?\b.{0,30}\b(what|how much)\b.{0,25}\b(pay|cost|come to|total)\b|\bwhat (would|will|do) i (actually |really )?(pay|end up paying)\b|(算上|加上|参加|用上?)(了)?.{0,6}(满减|活动|优惠).{0,6}(多少钱|到手|实际付)/i

const MEASURE = '个件条台支双套瓶盒只副本张'
const ZH_QTY = new RegExp(`([0-9]+|[${ZH_NUMBER_CHARS}]+)\\s*[${MEASURE}]`)
const ZH_IMPLICIT_ONE = new RegExp(`(买|要|拿|入)[${MEASURE}]`)
const EN_QTY = new RegExp(
  `\\b(\\d+|${EN_NUMBER_WORDS})\\s*(more\\s+)?(x\\b|of\\b|pairs?\\b|pieces?\\b|units?\\b|items?\\b|bottles?\\b|ones?\\b)`,
  'i',
)
/** A price the customer names: "399的", "¥399", "399元", "399 yuan". */
const PRICE = /(?:[¥￥]\s*(\d+(?:\.\d+)?))|(\d+(?:\.\d+)?)\s*(?:元|块|的|yuan\b|rmb\b)/i
const PRICES = new RegExp(
  `(?:([0-9]+|[${ZH_NUMBER_CHARS}]+)\\s*[${MEASURE}]\\s*)?(?:[¥￥]\\s*(\\d+(?:\\.\\d+)?)|(\\d+(?:\\.\\d+)?)\\s*(?:元|块|的))(?:的)?(?:([^\\s，,、。？?！!0-9]{1,8}?)(?=加|和|跟|与|再|还有|满|一共|总共|最后|能|可以|、|，|,|\\s|[?？。！!]|$))?`,
  'g',
)
const NEW_CUSTOMER =
  /新人券|新人优惠|新用户|新注册|刚注册|首单|\bnew (customer|user|account|member)s?\b|\bwelcome (coupon|voucher|offer)\b|\bfirst[- ]order\b|\bjust (signed|registered)\b/i
/** "再用新人券呢", "and with the welcome coupon?": the coupon added to the computation before. */
const COUPON_AGAIN =
  /(再|还能|加上|叠加|用上?|再用).{0,4}(新人券|优惠券|券)|(新人券|券)(呢|的话)|\b(with|plus|add|use)\b.{0,12}\b(coupon|voucher)\b/i
const ONLY_ZH = /(只|就|光|单)(买|要|拿)(一?[件条个双]?)([\u4e00-\u9fffA-Za-z]{1,8}?)(的话)?(呢|多少|怎么算|$)/
const ONLY_EN = /\b(?:just|only)(?: buy| get| take)? (?:the )?([a-z][a-z -]{1,20}?)(?: then)?\s*[?.]?$/i
const CART = /(?:购物车|车里|已经?(?:买|加|选)了?|凑了|\bcart\b|\bbasket\b)\D{0,6}?[¥￥$]?\s*(\d+(?:\.\d+)?)/i
const CART_EN = /\b(?:i have|i've got|got)\s+[¥$]?(\d+(?:\.\d+)?)\s+(?:in|worth)\b/i
const ADD_ON = /^(再)?(加|添|凑|再买|再来)|[，,\s](再)?(加|添|再买|再来)(个|一|件|[0-9])|\b(if i )?add(ed|ing)?\b/i
const ZH_REQUANTIFY = new RegExp(
  `^(那|那么|要是|如果)?(我)?(买|要|拿)?([0-9]+|[${ZH_NUMBER_CHARS}]+)\\s*[${MEASURE}](的话)?(呢|怎么算|多少钱?)?[?？。]?$`,
)
const EN_REQUANTIFY = new RegExp(
  `^(and|what about|how about|ok)?\\s*(with|for|if i (buy|get|take))?\\s*(\\d+|${EN_NUMBER_WORDS})(\\s+(of them|pieces|pairs|bottles|units|items))?\\s*[?.]?$`,
  'i',
)

function count(word: string | undefined): number | null {
  if (!word) return null
  const n = /^\d+$/.test(word) ? Number(word) : parseNumber(word)
  return n && n > 0 && n < 1000 ? n : null
}

function quantityIn(text: string): number | null {
  const zh = count(ZH_QTY.exec(text)?.[1])
  if (zh) return zh
  if (ZH_IMPLICIT_ONE.test(text)) return 1
  return count(EN_QTY.exec(text)?.[1])
}

/** Chinese characters and English words (3+ letters, singular) of an item's name. */
export function wordsOf(label: string): string[] {
  const ws = label.toLowerCase().match(/[a-z]{3,}|[\u4e00-\u9fff]/g) ?? []
  return [...new Set(ws.map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)))]
}

function itemsIn(text: string): DiscountItem[] {
  const items: DiscountItem[] = []
  for (const m of text.matchAll(PRICES)) {
    const price = Number(m[2] ?? m[3])
    if (!(price > 0)) continue
    const label = m[4]?.trim()
    items.push({ quantity: count(m[1]) ?? 1, unitPrice: price, ...(label ? { label, words: wordsOf(label) } : {}) })
  }
  return items
}

/** "and with four?", "那买4个呢": a new quantity alone, meaningful only after a computation. */
function requantified(text: string): number | null {
  const t = text.trim()
  const zh = ZH_REQUANTIFY.exec(t)
  if (zh) return count(zh[4])
  const en = EN_REQUANTIFY.exec(t)
  return en && (en[1] || en[2]) ? count(en[4]) : null
}

/** The discount question in a message, or null when it asks for no computation. */
export function discountQuestion(text: string): DiscountQuestion | null {
  const again = requantified(text)
  if (again) return { quantity: again, unitPrice: null, requantify: true, quantityNamed: true }
  const newCustomer = NEW_CUSTOMER.test(text)
  const short = text.trim().length <= 24
  if (short && !ASKS.test(text)) {
    const only = ONLY_ZH.exec(text)?.[4] ?? ONLY_EN.exec(text.trim())?.[1]
    if (only) return { quantity: 1, unitPrice: null, requantify: true, only: only.trim(), onlyWords: wordsOf(only) }
    if (COUPON_AGAIN.test(text) && !/[?？]?(怎么|如何|哪里|在哪|how do|where)/i.test(text))
      return { quantity: 1, unitPrice: null, requantify: true, newCustomer: newCustomer || /新人/.test(text) }
  }
  if (!ASKS.test(text)) return null
  const cartMatch = CART.exec(text) ?? CART_EN.exec(text)
  const cart = cartMatch ? Number(cartMatch[1]) : null
  const rest = cartMatch ? text.replace(cartMatch[0], ' ') : text
  const m = PRICE.exec(rest)
  const price = m ? Number(m[1] ?? m[2]) : null
  const named = quantityIn(rest)
  const items = itemsIn(rest)
  return {
    quantity: named ?? 1,
    unitPrice: price && price > 0 ? price : null,
    ...(items.length > 1 ? { items } : {}),
    ...(cart && cart > 0 ? { cartTotal: cart } : {}),
    ...(ADD_ON.test(rest.trim()) ? { addOn: true } : {}),
    ...(named ? { quantityNamed: true } : {}),
    ...(newCustomer ? { newCustomer: true } : {}),
  }
}
