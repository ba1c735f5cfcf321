/**
 * How long a refund takes to arrive, from the shop's settings (`returns.refundTiming`, per payment method and
 * language). Orders do not record how they were paid, so a refund line names the timing only for the method the
 * customer said; otherwise it says it depends on the method, never a number the shop did not configure.
 */
import type { PaidWith } from '../nlu/detect-return-facts.js'
import type { SkillContext } from './skill-types.js'
import { say } from './text.js'

const METHOD_NAMES: Record<PaidWith, [string, string]> = {
  alipay: ['支付宝', 'Alipay'],
  wechat: ['微信支付', 'WeChat Pay'],
  huabei: ['花呗', 'Huabei'],
  bank_card: ['银行卡', 'a bank card'],
  credit_card: ['信用卡', 'a credit card'],
}

/** The shop's configured arrival time for one payment method, in the customer's language, or null. */
export function refundTimingText(sc: SkillContext, method: PaidWith | null): string | null {
  if (!method) return null
  const all = (sc.ctx.shop.settings?.returns as { refundTiming?: unknown } | undefined)?.refundTiming
  if (!all || typeof all !== 'object') return null
  const entry = (all as Record<string, unknown>)[method]
  if (!entry || typeof entry !== 'object') return null
  const e = entry as { zh?: unknown; en?: unknown }
  const text = sc.locale === 'zh' ? e.zh : e.en
  return typeof text === 'string' ? text : null
}

/** How long a refund takes for the payment method named, as a sentence, or null. */
export function refundTimingLine(sc: SkillContext, method: PaidWith | null): string | null {
  const text = refundTimingText(sc, method)
  if (!method || !text) return null
  const [zh, en] = METHOD_NAMES[method]
  return say(
    sc.locale,
    `${zh}付款的退款原路退回，退款发出后${text}。`,
    `Paid with ${en}, the refund goes back to it once issued: ${text}.`,
  )
}

/**
 * The arrival part of a cancel's refund line, after "goes back to the original payment method": the configured
 * timing of the method the customer named (this turn or earlier in the conversation), else that it depends on the method.
 * zh: "，一般当天到账" / "，到账时间以支付方式为准"; en: " (usually the same day)" / " (timing depends on the payment method)".
 */
export function refundArrival(sc: SkillContext): string {
  const text = refundTimingText(sc, sc.returnFacts.paidWith ?? sc.state.paidWith ?? null)
  return text
    ? say(sc.locale, `，${text}`, ` (${text})`)
    : say(sc.locale, '，到账时间以支付方式为准', ' (timing depends on the payment method)')
}
