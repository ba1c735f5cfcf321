/**
 * "买两条399的毛衣裙能减多少", "how much off if I buy 2 of them": a question asking the bot to compute
 * what a promotion takes off. Reads the quantity (a number with a measure word, "2 x", "two of") and a
 * unit price the customer names ("399的", "¥399"). Part of the understanding stage.
 */
import { EN_NUMBER_WORDS, parseNumber, ZH_NUMBER_CHARS } from './parse-number.js'

export type DiscountQuestion = { quantity: number; unitPrice: number | null }

const ASKS =
  /(能|可以|可|会|一共|总共|共)?(减|优惠|便宜|省)(多少|几多|几块)|满减(怎么|咋)算|到手(价|多少)|打完折.{0,3}多少|(满减|减|优惠|活动|打折|折扣)(完|后|之后|以后|下来).{0,4}(多少|几)|\bafter (the )?(discount|promotion|promo|deal|offer)s?\b.{0,20}\b(how much|price|cost|total|come to)\b|\b(how much|price|cost|total|come to)\b.{0,30}\bafter (the )?(discount|promotion|promo|deal|offer|spend-and-save)s?\b|\bhow much (off|discount|would i save|do i save|will i save|cheaper)\b|\bwhat('?s| is| would be) the (discount|final price|total after)\b|\bhow much would (it|they|that) (come to|cost) (after|with)\b/i

const MEASURE = '个件条台支双套瓶盒只副本张'
const ZH_QTY = new RegExp(`([0-9]+|[${ZH_NUMBER_CHARS}]+)\\s*[${MEASURE}]`)
const ZH_IMPLICIT_ONE = new RegExp(`(买|要|拿|入)[${MEASURE}]`)
const EN_QTY = new RegExp(`\\b(\\d+|${EN_NUMBER_WORDS})\\s*(x\\b|of\\b|pairs?\\b|pieces?\\b|units?\\b|items?\\b)`, 'i')
/** A price the customer names: "399的", "¥399", "399元", "399 yuan". */
const PRICE = /(?:[¥￥]\s*(\d+(?:\.\d+)?))|(\d+(?:\.\d+)?)\s*(?:元|块|的|yuan\b|rmb\b)/i

function quantityIn(text: string): number {
  const zh = ZH_QTY.exec(text)
  if (zh?.[1]) {
    const n = /^\d+$/.test(zh[1]) ? Number(zh[1]) : parseNumber(zh[1])
    if (n && n > 0 && n < 1000) return n
  }
  if (ZH_IMPLICIT_ONE.test(text)) return 1
  const en = EN_QTY.exec(text)
  if (en?.[1]) {
    const n = parseNumber(en[1])
    if (n && n > 0 && n < 1000) return n
  }
  return 1
}

/** The discount question in a message, or null when it asks for no computation. */
export function discountQuestion(text: string): DiscountQuestion | null {
  if (!ASKS.test(text)) return null
  const m = PRICE.exec(text)
  const price = m ? Number(m[1] ?? m[2]) : null
  return { quantity: quantityIn(text), unitPrice: price && price > 0 ? price : null }
}
