/**
 * Policy-area turns whose intent the conversation decides: "我是银行卡付的" / "it was paid with my
 * mastercard, how long?" right after a refund was talked about asks how long that refund takes (the
 * classifier hears a payment-methods question).
 */
import type { SkillContext } from '../skills/skill-types.js'

/** The intent the conversation gives this turn in the policy area, or null. */
export function policyContextIntent(sc: SkillContext): string | null {
  const f = sc.returnFacts
  const { state } = sc
  const onRefund = state.lastIntent === 'return_refund' || state.activeIntent === 'return_refund'
  if (f.paidWith && f.reason === null && f.kind === null && onRefund && !sc.extracted.sku) return 'return_refund'
  return null
}
