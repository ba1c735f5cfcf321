/**
 * The one-line reason under each recommendation, in the customer's language, and the product's
 * title and brand in that language.
 */
import type { Locale, Product } from '../domain/schemas.js'
import type { RecommendRequest } from '../nlu/parse-recommend-request.js'
import { money } from '../skills/text.js'

export type ReasonCode =
  | 'complements_purchase'
  | 'similar_to_current'
  | 'goes_with_current'
  | 'matches_request'
  | 'gift'
  | 'interest'
  | 'brand_bought'
  | 'on_sale'
  | 'best_seller'
  | 'in_stock'

/** What a reason is written from: the product, why it was picked, and what it relates to. */
export type ReasonInput = {
  p: Product
  reasonCode: ReasonCode
  /** The product it goes with or is an alternative to. */
  anchor?: Product
  /** The customer's size, when one fits and is in stock. */
  size?: string
  /** The profile interest it matches. */
  interest?: string
}

const say = (l: Locale, zh: string, en: string) => (l === 'zh' ? zh : en)

/** The product's title in the customer's language (catalogs keep the English one in attributes). */
export function localTitle(p: Product, locale: Locale): string {
  const en = (p.attributes as Record<string, unknown>).titleEn
  if (locale === 'en' && typeof en === 'string' && en) return en
  return p.title
}

function localBrand(p: Product, locale: Locale): string {
  const en = (p.attributes as Record<string, unknown>).brandEn
  return locale === 'en' && typeof en === 'string' && en ? en : p.brand
}

function featureWords(rq: RecommendRequest, locale: Locale): string {
  const zh: Record<string, string> = {
    anc: '主动降噪',
    wirelessCharging: '支持无线充电',
    waterproof: '防水',
    sport: '适合运动',
  }
  const en: Record<string, string> = {
    anc: 'Active noise cancelling',
    wirelessCharging: 'Wireless charging',
    waterproof: 'Waterproof',
    sport: 'Made for sport',
  }
  const m = locale === 'zh' ? zh : en
  return rq.features
    .map((f) => m[f])
    .filter(Boolean)
    .join(locale === 'zh' ? '、' : ', ')
}

/** One line on why this product, in the customer's language. */
export function reasonText(c: ReasonInput, rq: RecommendRequest, locale: Locale): string {
  const p = c.p
  const price = money(p.price, p.currency)
  const sizeNote = c.size ? say(locale, `，您适合的 ${c.size} 码有货`, `; your size ${c.size} is in stock`) : ''
  const anchor = c.anchor ? localTitle(c.anchor, locale) : ''
  const saving = p.listPrice && p.listPrice > p.price ? money(p.listPrice - p.price, p.currency) : ''
  switch (c.reasonCode) {
    case 'complements_purchase':
      return say(locale, `和您买过的「${anchor}」搭配${sizeNote}`, `Goes with the ${anchor} you bought${sizeNote}`)
    case 'goes_with_current':
      return say(locale, `和您在看的「${anchor}」搭配`, `Goes with the ${anchor} you're looking at`)
    case 'similar_to_current':
      return say(locale, `和「${anchor}」同类，可以对比一下`, `An alternative to the ${anchor}`)
    case 'matches_request': {
      const f = featureWords(rq, locale)
      if (rq.impliedBudget && rq.budgetMax !== undefined && p.price <= rq.budgetMax)
        return f
          ? say(locale, `${f}，更实惠：${price}${sizeNote}`, `${f}, and cheaper: ${price}${sizeNote}`)
          : say(locale, `更实惠：${price}${sizeNote}`, `Cheaper: ${price}${sizeNote}`)
      if (rq.budgetMax !== undefined && p.price <= rq.budgetMax) {
        const b = money(rq.budgetMax, p.currency)
        return f
          ? say(locale, `${f}，${price} 在您 ${b} 的预算内`, `${f}, ${price} is within your ${b} budget`)
          : say(locale, `${price}，在您 ${b} 的预算内${sizeNote}`, `${price}, within your ${b} budget${sizeNote}`)
      }
      return f
        ? say(locale, `${f}，现价 ${price}`, `${f}, now ${price}`)
        : say(locale, `符合您的要求，现价 ${price}`, `Matches what you asked for, now ${price}`)
    }
    case 'gift': {
      const who =
        rq.gift?.recipient === 'female'
          ? say(locale, '送她', 'for her')
          : rq.gift?.recipient === 'male'
            ? say(locale, '送他', 'for him')
            : say(locale, '送人', 'as a gift')
      return rq.budgetMax !== undefined && p.price <= rq.budgetMax
        ? say(locale, `适合${who}，${price} 不超预算`, `A good gift ${who}: ${price}, within budget`)
        : say(locale, `适合${who}的礼物，现价 ${price}`, `A good gift ${who}, now ${price}`)
    }
    case 'interest': {
      const what = c.interest ?? ''
      // A profile written in Chinese should not put Chinese words into an English reply.
      const en = /^[\x20-\x7e]+$/.test(what) ? `Matches your interest in ${what}` : 'Matches your interests'
      return say(locale, `符合您对「${what}」的兴趣${sizeNote}`, `${en}${sizeNote}`)
    }
    case 'brand_bought':
      return say(
        locale,
        `来自您买过的品牌「${localBrand(p, locale)}」${sizeNote}`,
        `From ${localBrand(p, locale)}, a brand you've bought before${sizeNote}`,
      )
    case 'on_sale':
      return say(locale, `正在降价，立省 ${saving}${sizeNote}`, `On sale: save ${saving}${sizeNote}`)
    case 'best_seller':
      return say(locale, `店内热销，库存充足${sizeNote}`, `A best seller, in stock${sizeNote}`)
    default:
      return say(locale, `现货 ${price}${sizeNote}`, `In stock at ${price}${sizeNote}`)
  }
}
