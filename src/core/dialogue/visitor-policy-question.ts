/**
 * An anonymous visitor asking about the shop's rules in general ("请问退货寄到哪里呀", "下单以后最晚什么时候还
 * 能改地址", "can i return sneakers if i wore them outside once") gets the rule from the shop's FAQ, not a
 * request for an order number and phone digits: nothing about an order is shown, so nothing needs
 * verifying. The reply says what to send to act on an order of theirs.
 */
import { leadingEntry } from '../skills/knowledge-answer.js'
import { statedDeliveryWindow } from '../skills/return-rules-answer.js'
import type { SkillContext, SkillResult } from '../skills/skill-types.js'
import { say } from '../skills/text.js'

/** Order intents whose skills verify a visitor before anything else. */
const ORDER_INTENTS = new Set(['order_status', 'logistics', 'modify_order', 'cancel_order', 'return_refund'])

/** The FAQ answer to a visitor's general rules question, or null when this turn is not one. */
export async function visitorPolicyAnswer(sc: SkillContext, intent: string): Promise<SkillResult | null> {
  const { state } = sc
  if (sc.customer || state.verifiedCustomerId || !ORDER_INTENTS.has(intent)) return null
  if (!sc.cues.asksGenerally || sc.extracted.order || typeof state.slots.order === 'string') return null
  if (state.awaiting || sc.ctx.nlu.cues?.safety) return null
  // "我22号签收的 最晚哪天能退": the window's last day from the date stated, no order needed.
  const stated = intent === 'return_refund' ? statedDeliveryWindow(sc) : null
  if (stated) return stated
  const kb = await sc.ctx.knowledge.answer(sc.understanding.query, { locale: sc.locale, kinds: ['faq'] })
  const hit = kb.status === 'answer' ? kb.hit : kb.status === 'clarify' ? leadingEntry(kb.candidates) : undefined
  if (!hit) return null
  const L = sc.locale
  const hint = say(
    L,
    '如需办理您自己的订单，请发我订单号和下单手机号后 4 位。',
    'To act on an order of yours, send me the order number and the last 4 digits of its phone number.',
  )
  state.awaiting = null
  state.prompt = null
  // Where the shop delivers and what it costs concern no order: no hint about verifying.
  const delivery = intent === 'logistics' || intent === 'order_status'
  return {
    replies: [{ text: delivery ? hit.answer : `${hit.answer}\n${hint}` }],
    action: 'answer',
    reason: `visitor_policy_question_${hit.kind}:${hit.id}`,
    done: true,
  }
}
