import type { KnowledgeAnswer } from '../knowledge/types.js'
import { priceAlertSkill } from '../proactive/price-alert-skill.js'
import { cancelOrderSkill } from '../skills/cancel-order.js'
import { complaintSkill } from '../skills/complaint.js'
import { faultSkill } from '../skills/fault-diagnosis.js'
import { greetingSkill } from '../skills/greeting.js'
import { invoicePaymentSkill } from '../skills/invoice-payment.js'
import {
  decisiveEntry,
  fallbackResult,
  intentButtons,
  knowledgeSkill,
  llmOrFallback,
} from '../skills/knowledge-answer.js'
import { modifyOrderSkill } from '../skills/modify-order.js'
import { orderStatusSkill } from '../skills/order-status.js'
import { priceRankSkill } from '../skills/price-rank.js'
import { withPriceAsked } from '../skills/product-answer-price.js'
import { pricePolicySkill, promotionSkill } from '../skills/promotion.js'
import { recommendSkill } from '../skills/recommend.js'
import { orderOfMentionedItem } from '../skills/resolve-order.js'
import { matchCatalog } from '../skills/resolve-product.js'
import { returnSkill } from '../skills/return-refund.js'
import { sizeAdviceSkill } from '../skills/size-advice.js'
import type { Skill, SkillContext, SkillResult } from '../skills/skill-types.js'
import { priceSkill, stockSkill } from '../skills/stock-price.js'
import { say } from '../skills/text.js'

/** Intents with a skill that acts on shop data; the rest are answered from knowledge. */
export const SKILLS: Record<string, Skill> = {
  greeting: greetingSkill,
  order_status: orderStatusSkill,
  logistics: orderStatusSkill,
  modify_order: modifyOrderSkill,
  cancel_order: cancelOrderSkill,
  return_refund: returnSkill,
  stock_availability: stockSkill,
  size_advice: sizeAdviceSkill,
  recommendation: recommendSkill,
  after_sales_fault: faultSkill,
  invoice_payment: invoicePaymentSkill,
}

/** The order status a signed-in customer's delivery or order question gets, when it answers without asking. */
export async function orderFacts(sc: SkillContext): Promise<Array<{ text: string }>> {
  const intent = sc.ctx.nlu.intent
  if ((intent !== 'logistics' && intent !== 'order_status') || !sc.customer) return []
  const saved = { ...sc.state, slots: { ...sc.state.slots }, task: { ...sc.state.task } }
  const r = await orderStatusSkill(sc)
  Object.assign(sc.state, saved)
  return r.action === 'ask_slot' || r.action === 'clarify' ? [] : r.replies.map((x) => ({ text: x.text }))
}

/**
 * "does it have 5G?", "零下十度穿够不够" right after a product was answered: a product question naming no product is
 * about the product in context (the knowledge layer answers it only when the message asks one of its facts).
 */
export function contextProduct(sc: SkillContext): { productSku?: string } {
  const sku = sc.state.slots.sku
  return !sc.extracted.sku && typeof sku === 'string' ? { productSku: sku } : {}
}

export async function runIntent(sc: SkillContext, intent: string): Promise<SkillResult> {
  if (intent === 'stock_availability' && sc.cues.asksRestock) return restockAnswer(sc)
  const skill = SKILLS[intent]
  if (skill) return skill(sc)
  if (intent === 'price_promotion') {
    if (sc.state.task.flow === 'price_alert' || sc.cues.priceAlert) return priceAlertSkill(sc)
    if (sc.cues.discount) return promotionSkill(sc)
    if (sc.cues.pricePolicy) return pricePolicySkill(sc)
    if (
      sc.extracted.sku ||
      (sc.state.slots.sku && (sc.signals.deictic || sc.signals.followUp)) ||
      (await matchCatalog(sc))
    )
      return priceSkill(sc)
    return knowledgeSkill(sc)
  }
  if (intent === 'product_inquiry') {
    // "你们家最便宜的羽绒服多少钱": the cheapest / dearest of the kind in stock.
    const ranked = sc.cues.priceRank ? await priceRankSkill(sc) : null
    if (ranked) return ranked
    // A product question naming something the customer ordered ("折叠屏那单里的钢化膜能贴F1吗") is about
    // that order too: it is kept in the `order` slot for what follows ("那膜给我退了吧").
    await orderOfMentionedItem(sc)
    return withPriceAsked(sc, await knowledgeSkill(sc, '', contextProduct(sc)))
  }
  if (intent === 'complaint') return complaintSkill(sc)
  if (intent === 'human_agent') {
    // Reached only when the shop turned handoff-on-request off.
    return {
      replies: [
        {
          text: say(
            sc.locale,
            '当前人工客服不在线，我会尽力帮您解决；您也可以留言，客服上线后会回复您。',
            "No human agent is available right now. I'll do my best to help, or leave a message and an agent will reply later.",
          ),
        },
      ],
      action: 'answer',
      reason: 'handoff_disabled_by_policy',
      done: true,
    }
  }
  if (intent === 'out_of_scope') {
    const kb = await sc.ctx.knowledge.answer(sc.understanding.query, { locale: sc.locale })
    if (kb.status === 'answer') return knowledgeSkill(sc)
    const outOfScope = (): SkillResult => ({
      replies: [
        {
          text: say(
            sc.locale,
            '抱歉，这个问题超出了我能帮忙的范围。我可以帮您查订单物流、退换货、商品库存尺码和售后问题。',
            "Sorry, that's outside what I can help with. I can help with orders and deliveries, returns, stock and sizes, and after-sales problems.",
          ),
        },
      ],
      action: 'fallback',
      reason: 'out_of_scope',
      done: true,
    })
    // A grounded LLM answer is tried only for a doubtful out-of-scope verdict (see llm-routing).
    return sc.ctx.llm ? llmOrFallback(sc, outOfScope) : outOfScope()
  }
  return knowledgeSkill(sc)
}

/** "那啥时候补货": the stock answer, and for a sold-out product the shop's restock policy (FAQ) with it. */
export async function restockAnswer(sc: SkillContext): Promise<SkillResult> {
  const r = await stockSkill(sc)
  if (!r.done || !r.reason.startsWith('stock_out')) return r
  const kb = await sc.ctx.knowledge.answer(sc.understanding.query, { locale: sc.locale, kinds: ['faq'] })
  if (kb.status !== 'answer') return r
  return { ...r, replies: [...r.replies, { text: kb.hit.answer }], action: 'answer', reason: `${r.reason}_restock` }
}

/** NLU is unsure: try knowledge, then (when configured) a grounded LLM answer, then clarify, then "I don't know". */
export async function lowConfidence(sc: SkillContext): Promise<SkillResult> {
  const kb = await sc.ctx.knowledge.answer(sc.understanding.query, { locale: sc.locale, ...contextProduct(sc) })
  if (kb.status === 'answer') {
    // "零下十度穿够不够" about the product in context: answered as the product question it is.
    sc.state.lastIntent = kb.hit.kind === 'product' ? 'product_inquiry' : sc.ctx.nlu.intent
    return {
      replies: [{ text: kb.hit.answer }],
      action: 'answer',
      reason: `low_intent_confidence_knowledge_${kb.hit.kind}:${kb.hit.id}`,
      done: true,
    }
  }
  if (sc.ctx.llm) return llmOrFallback(sc, () => lowConfidenceFallback(sc, kb))
  return lowConfidenceFallback(sc, kb)
}

/** The no-answer half of lowConfidence: clarify between candidates or intents, else "I don't know". */
export function lowConfidenceFallback(sc: SkillContext, kb: KnowledgeAnswer): SkillResult {
  const decisive = kb.status === 'clarify' ? decisiveEntry(kb.candidates) : undefined
  if (decisive) {
    // The classifier could not place the message, but one FAQ entry clearly fits it: answer, offer the rest.
    sc.state.lastIntent = sc.ctx.nlu.intent
    const others = kb.status === 'clarify' ? kb.candidates.slice(1, 3) : []
    return {
      replies: [
        {
          text: decisive.answer,
          ...(others.length > 0 ? { buttons: others.map((c) => ({ label: c.title, payload: c.title })) } : {}),
        },
      ],
      action: 'answer',
      reason: `low_intent_confidence_knowledge_lead_${decisive.kind}:${decisive.id}`,
      done: true,
    }
  }
  sc.state.lastIntent = null
  if (kb.status === 'clarify' && kb.candidates.length > 0) {
    return {
      replies: [
        {
          text: say(sc.locale, '您想问的是下面哪个问题？', 'Did you mean one of these?'),
          buttons: kb.candidates.slice(0, 3).map((c) => ({ label: c.title, payload: c.title })),
        },
      ],
      action: 'clarify',
      reason: 'low_intent_confidence_knowledge_ambiguous',
      done: true,
    }
  }
  const buttons = intentButtons(sc)
  if (buttons.length >= 2) {
    return {
      replies: [
        { text: say(sc.locale, '我不太确定您的意思，您是想：', "I'm not sure what you mean. Is it about:"), buttons },
      ],
      action: 'clarify',
      reason: `low_intent_confidence_${sc.ctx.nlu.confidence.toFixed(2)}`,
      done: true,
    }
  }
  return fallbackResult(sc, `low_intent_confidence_${sc.ctx.nlu.confidence.toFixed(2)}`)
}
