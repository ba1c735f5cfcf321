/**
 * An order action with a policy question in the same message ("cancel my tablet order — or can you
 * match the other site's price?"): the wording made the turn an order action (a rule overrode the
 * classifier), but the classifier heard a policy question in it (at the shop's intent threshold) and the
 * FAQ answers it with confidence. The action's reply
 * (a confirmation, a refusal) is kept and the shop's FAQ answer to that question goes in front of it,
 * so neither question is dropped.
 */
import type { SkillContext, SkillResult } from '../skills/skill-types.js'

/** Order actions a policy question can ride along with. */
const ACTIONS = new Set(['cancel_order', 'modify_order'])
/** Classifier topics the FAQ answers. */
const POLICY_TOPICS = new Set(['price_promotion', 'invoice_payment'])

/** The result with the FAQ answer to the message's other question in front, when there is one. */
export async function withSideAnswer(sc: SkillContext, intent: string, result: SkillResult): Promise<SkillResult> {
  const u = sc.understanding
  if (u.intentSource !== 'rule' || !ACTIONS.has(intent) || result.handoff) return result
  if (!POLICY_TOPICS.has(u.classifier.intent) || u.classifier.confidence < sc.policy.intentThreshold) return result
  const kb = await sc.ctx.knowledge.answer(u.query, { locale: sc.locale, kinds: ['faq'] })
  if (kb.status !== 'answer' || result.replies.some((r) => r.text.includes(kb.hit.answer))) return result
  return {
    ...result,
    replies: [{ text: kb.hit.answer }, ...result.replies],
    reason: `${result.reason}+knowledge_${kb.hit.kind}:${kb.hit.id}`,
  }
}
