/**
 * Policy promises in a model's answer — free, refund, return, compensation, lifetime, warranty,
 * discount, "today only". A promise binds the shop, so each one must be backed by the fact the
 * sentence cites: "终身免费退换" is not made true by a fact that says "7 天无理由退货".
 */

export type PromiseKind =
  | 'free'
  | 'refund'
  | 'return'
  | 'compensation'
  | 'lifetime'
  | 'warranty'
  | 'discount'
  | 'time_limited'

type PromiseRule = {
  kind: PromiseKind
  /** The promise as an answer states it. */
  claim: RegExp
  /** What a fact must say to back it (default: `claim`). */
  support?: RegExp
}

const RULES: PromiseRule[] = [
  {
    kind: 'free',
    claim: /免费|包邮|免运费|不要钱|零元|(?<!feel\s)\bfree\b|no\s+charge|at\s+no\s+cost|complimentary/i,
  },
  { kind: 'refund', claim: /退款|退钱|返现|返还|refund|money\s+back|cash\s?back/i },
  { kind: 'return', claim: /退货|退换|换货|无理由|\breturns?\b|\bexchanges?\b/i },
  {
    kind: 'compensation',
    claim: /赔偿|补偿|赔付|赔钱|理赔|优惠券|代金券|红包|compensat|reimburs|voucher|coupon/i,
  },
  { kind: 'lifetime', claim: /终身|永久|永远|一辈子|lifetime|for\s*ever|permanent/i },
  { kind: 'warranty', claim: /保修|质保|包换|保证|warrant|guarantee/i },
  {
    kind: 'discount',
    claim: /打折|折扣|优惠|促销|特价|降价|discount|on\s+sale|\bpromo|\d+\s*折|%\s*off/i,
    support: /原价|打折|折扣|优惠|促销|特价|降价|discount|\bsale\b|promo|\bwas\s|折|off/i,
  },
  { kind: 'time_limited', claim: /今天|今日|今晚|限时|仅限|\btoday\b|\btonight\b|limited[-\s]time|right\s+now/i },
]

/**
 * The promises `sentence` makes that none of `factTexts` backs.
 *
 * @example
 * unsupportedPromises('终身免费退换', ['支持 7 天无理由退货']) // ['free', 'lifetime']
 */
export function unsupportedPromises(sentence: string, factTexts: readonly string[]): PromiseKind[] {
  const out: PromiseKind[] = []
  for (const r of RULES) {
    if (!r.claim.test(sentence)) continue
    const support = r.support ?? r.claim
    if (!factTexts.some((t) => support.test(t))) out.push(r.kind)
  }
  return out
}
