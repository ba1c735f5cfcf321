/**
 * "please delete my account and all my data", "帮我注销账号": the shop's deletion rule (its FAQ entry) and,
 * for a known customer, the open orders and after-sales cases that have to finish first — so the customer
 * knows what stands in the way instead of an out-of-scope apology.
 */
import type { Order } from '../domain/schemas.js'
import { knowledgeSkill } from './knowledge-answer.js'
import { knownCustomerId, statusLabel } from './resolve-order.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'

/** Orders that are finished: nothing more happens to them. */
const FINISHED: ReadonlySet<Order['status']> = new Set(['completed', 'cancelled', 'refunded'])

export async function accountDeletionSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  // The shop's own entry on deleting an account, looked up by the topic rather than the customer's words
  // ("…and erase my personal data" pulls towards the privacy entries).
  const topic = say(L, '怎么注销账号', 'How do I delete my account?')
  const rule = await knowledgeSkill(sc, '', { kinds: ['faq'], text: topic, topicKnown: true })
  const custId = knownCustomerId(sc)
  const orders = custId ? await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId) : []
  const open = orders.filter((o) => !FINISHED.has(o.status))
  const lines: string[] = rule.action === 'answer' ? rule.replies.map((r) => r.text) : []
  if (open.length > 0) {
    const list = open.map((o) => `${o.orderNo}（${statusLabel(o.status, L)}）`).join(say(L, '、', ', '))
    lines.push(
      say(
        L,
        `您目前还有未完成的订单或售后：${list}，需要处理完成后才能注销。`,
        `You still have open orders or after-sales cases: ${list.replaceAll('（', ' (').replaceAll('）', ')')}. They must be finished before the account can be deleted.`,
      ),
    )
  } else if (custId) {
    lines.push(
      say(
        L,
        '您目前没有未完成的订单，可以直接提交注销申请。',
        'You have no open orders, so you can submit the request now.',
      ),
    )
  }
  if (lines.length === 0) return rule
  return done(sc, [{ text: lines.join('\n') }], 'answer', `account_deletion${open.length > 0 ? '_blocked' : ''}`)
}
