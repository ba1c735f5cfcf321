/**
 * Invoice and payment questions are answered from the shop's knowledge (policy), but a question that
 * names something the customer ordered ("笔记本那单能开发票吗", "面霜那单还没付 多久会被取消") is about
 * that order: the order is put in the `order` slot and named at the top of the answer, with its status.
 */
import { knowledgeSkill } from './knowledge-answer.js'
import { titledOrders } from './order-item-titles.js'
import { mentionedCategory } from './product-mention.js'
import { orderOfMentionedItem, statusLabel } from './resolve-order.js'
import type { SkillContext, SkillResult } from './skill-types.js'
import { money, say } from './text.js'

/** The invoice / payment skill: the named order line first, then the policy answer. */
export async function invoicePaymentSkill(sc: SkillContext): Promise<SkillResult> {
  const found = await orderOfMentionedItem(sc)
  if (!found) return knowledgeSkill(sc)
  const o = (await titledOrders(sc, [found]))[0]!
  const first = o.items[0]
  const title = first?.title ?? first?.sku ?? ''
  const more = o.items.length > 1 ? say(sc.locale, ` 等${o.items.length}件`, ` +${o.items.length - 1} more`) : ''
  const head = say(
    sc.locale,
    `订单 ${o.orderNo}（${title}${more}，${money(o.total, o.currency)}）：${statusLabel(o.status, sc.locale)}。\n`,
    `Order ${o.orderNo} (${title}${more}, ${money(o.total, o.currency)}): ${statusLabel(o.status, sc.locale)}.\n`,
  )
  // The product named only picks the order: the question itself is one of policy (the FAQ).
  // Asked without the product's words, so they do not pull the FAQ match towards product entries.
  const said = [
    ...sc.ctx.nlu.entities.filter((e) => e.type === 'product').map((e) => e.text),
    (await mentionedCategory(sc))?.word ?? '',
  ].filter((w) => w.length > 0)
  let question = sc.ctx.text
  for (const w of said) question = question.split(w).join(' ')
  return knowledgeSkill(sc, head, { kinds: ['faq'], text: question.trim() || sc.ctx.text })
}
