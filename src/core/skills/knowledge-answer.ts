/**
 * Answers from the shop's published knowledge (FAQ, product graph). The knowledge layer's calibrated
 * verdict decides: answer, clarify with the top candidates as buttons, or say "I don't know" honestly.
 */

import type { KnowledgeAnswer, KnowledgeKind } from '../knowledge/types.js'
import { groundedAnswer } from '../llm-routing/grounded-answer.js'
import type { Intent } from '../nlu/types.js'
import { proposed } from './answer-by-need.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'

const INTENT_LABELS: Partial<Record<Intent, [string, string, string, string]>> = {
  order_status: ['查订单状态', '我的订单状态', 'Order status', 'What is the status of my order?'],
  logistics: ['查物流', '我的快递到哪了', 'Track my parcel', 'Where is my parcel?'],
  return_refund: ['退货退款', '我要退货', 'Return / refund', 'I want to return an item'],
  cancel_order: ['取消订单', '我要取消订单', 'Cancel an order', 'I want to cancel my order'],
  modify_order: ['修改订单', '我要修改收货地址', 'Change an order', 'I want to change my delivery address'],
  after_sales_fault: ['商品故障/维修', '我的商品坏了', 'Product fault / repair', 'My product is not working'],
  stock_availability: ['查库存', '这个有货吗', 'Stock', 'Is this in stock?'],
  size_advice: ['尺码建议', '我穿什么尺码', 'Size advice', 'Which size should I get?'],
  invoice_payment: ['发票与支付', '怎么开发票', 'Invoices & payment', 'How do I get an invoice?'],
  price_promotion: ['价格与优惠', '有什么优惠', 'Prices & deals', 'Are there any discounts?'],
  human_agent: ['转人工', '转人工', 'Talk to a human', 'I want to talk to a human'],
}

/** Clarifying buttons built from the NLU's top candidates; empty when none is plausible. */
export function intentButtons(sc: SkillContext): Array<{ label: string; payload: string }> {
  return sc.ctx.nlu.candidates
    .filter((c) => c.confidence >= 0.15 && INTENT_LABELS[c.intent])
    .slice(0, 3)
    .map((c) => {
      const l = INTENT_LABELS[c.intent]!
      return sc.locale === 'zh' ? { label: l[0], payload: l[1] } : { label: l[2], payload: l[3] }
    })
}

/** "I don't know" in the customer's language, with a way forward. */
export function fallbackResult(sc: SkillContext, reason: string): SkillResult {
  const buttons = intentButtons(sc)
  const text = say(
    sc.locale,
    '抱歉，这个问题我暂时不知道答案。您可以换个说法，或者选择下面的问题类型；也可以说“转人工”联系人工客服。',
    'Sorry, I don\'t know the answer to that yet. You could rephrase it, pick a topic below, or say "human" to reach an agent.',
  )
  return done(sc, [{ text, ...(buttons.length > 0 ? { buttons } : {}) }], 'fallback', reason)
}

/**
 * Knowledge could not answer: when a language model is configured (and the shop allows it), try a
 * grounded, verified LLM answer; otherwise — or when it fails or is rejected — run `fallback`, the
 * turn kefu gives without a model. The attempt's `llm.*` events ride along either way.
 */
export async function llmOrFallback(
  sc: SkillContext,
  fallback: () => SkillResult | Promise<SkillResult>,
  prefix = '',
): Promise<SkillResult> {
  const attempt = sc.ctx.llm ? await groundedAnswer(sc.ctx, sc.state, { customer: sc.customer }) : null
  if (attempt?.status === 'proposed') return proposed(attempt)
  if (attempt?.status === 'answered') {
    sc.state.lastIntent = sc.ctx.nlu.intent
    return done(
      sc,
      [{ text: prefix + attempt.text, source: 'llm', factIds: attempt.factIds }],
      'answer',
      `llm_grounded:${attempt.factIds.join(',')}`,
      { events: attempt.events },
    )
  }
  const fb = await fallback()
  if (!attempt || attempt.events.length === 0) return fb
  return { ...fb, events: [...(fb.events ?? []), ...attempt.events] }
}

/** Answers `text` from knowledge; `prefix` is prepended to an answer (e.g. an apology for complaints). */
export async function knowledgeSkill(
  sc: SkillContext,
  prefix = '',
  opts: {
    kinds?: KnowledgeKind[]
    text?: string
    /** The skill already knows the topic (e.g. the customer named an order of theirs for an invoice question). */
    topicKnown?: boolean
    /** The product the conversation is about ("does it have 5G?"). */
    productSku?: string
  } = {},
): Promise<SkillResult> {
  const res = await sc.ctx.knowledge.answer(opts.text ?? sc.understanding.query, {
    locale: sc.locale,
    ...(opts.kinds ? { kinds: opts.kinds } : {}),
    ...(opts.productSku ? { productSku: opts.productSku } : {}),
  })
  if (res.status === 'answer') {
    return done(sc, [{ text: prefix + res.hit.answer }], 'answer', `knowledge_${res.hit.kind}:${res.hit.id}`)
  }
  const topicKnown = opts.topicKnown === true
  if (sc.ctx.llm) return llmOrFallback(sc, () => knowledgeFallback(sc, res, prefix, topicKnown), prefix)
  return knowledgeFallback(sc, res, prefix, topicKnown)
}

/** Intents whose questions the FAQ answers (policy, payment, invoices, product facts). */
const ANSWERABLE_INTENTS = new Set([
  'invoice_payment',
  'product_inquiry',
  'price_promotion',
  'logistics',
  'return_refund',
])
/** A leading FAQ entry at or above this score answers a confidently classified question (below: clarify). */
const LEAN_ANSWER_SCORE = 0.5
/** Below it, an entry still answers when it is the only candidate or leads the next by this margin… */
const CLEAR_LEAD = 0.1
/** …and scores at least this. */
const CLEAR_LEAD_MIN_SCORE = 0.3

/** The FAQ entry that clearly fits when the retrieval was not sure enough to answer on its own. */
export function leadingEntry<T extends { kind: string; score: number }>(candidates: readonly T[]): T | undefined {
  const [top, next] = candidates
  if (top?.kind !== 'faq') return undefined
  if (top.score >= LEAN_ANSWER_SCORE) return top
  if (top.score < CLEAR_LEAD_MIN_SCORE) return undefined
  return !next || top.score - next.score >= CLEAR_LEAD ? top : undefined
}

/** A decisive lead: a leading FAQ entry this good… */
const DECISIVE_SCORE = 0.5
/** …this far ahead of the runner-up answers whatever the classifier made of the message. */
const DECISIVE_MARGIN = 0.15

/**
 * The FAQ entry that answers even a message the classifier could not place ("你们有实体店吗 想去试穿一下",
 * "what info do you keep about me"): a good score, well ahead of every other candidate.
 */
export function decisiveEntry<T extends { kind: string; score: number }>(candidates: readonly T[]): T | undefined {
  const [top, next] = candidates
  if (top?.kind !== 'faq' || top.score < DECISIVE_SCORE) return undefined
  return !next || top.score - next.score >= DECISIVE_MARGIN ? top : undefined
}

/** What kefu says when knowledge has no confident answer: clarify between candidates, or "I don't know". */
function knowledgeFallback(sc: SkillContext, res: KnowledgeAnswer, prefix: string, topicKnown = false): SkillResult {
  // A topic the skill already knows (the customer's order named for an invoice / payment question) lets a
  // plausible leading FAQ entry answer: the runners-up stay as buttons.
  const top =
    res.status === 'clarify'
      ? (leadingEntry(res.candidates) ??
        (topicKnown && res.candidates[0]?.kind === 'faq' && res.candidates[0].score >= CLEAR_LEAD_MIN_SCORE
          ? res.candidates[0]
          : undefined))
      : undefined
  const sure = topicKnown || sc.ctx.nlu.confidence >= sc.policy.intentThreshold
  const decisive = res.status === 'clarify' && decisiveEntry(res.candidates) !== undefined
  // A known topic (an account or privacy question) lets a clearly leading entry answer whatever the intent.
  const leads = res.status === 'clarify' && leadingEntry(res.candidates) !== undefined
  if (top && ((ANSWERABLE_INTENTS.has(sc.ctx.nlu.intent) && sure) || (topicKnown && leads) || decisive)) {
    // The customer clearly asks a policy question and one entry fits (a good score, or the only / a clearly
    // leading candidate): answer it and offer the runners-up, instead of answering a question with a question.
    const others = res.status === 'clarify' ? res.candidates.slice(1, 3) : []
    return done(
      sc,
      [
        {
          text: prefix + top.answer,
          ...(others.length > 0 ? { buttons: others.map((c) => ({ label: c.title, payload: c.title })) } : {}),
        },
      ],
      'answer',
      `knowledge_lean_${top.kind}:${top.id}`,
    )
  }
  if (res.status === 'clarify' && res.candidates.length > 0) {
    const buttons = res.candidates.slice(0, 3).map((c) => ({ label: c.title, payload: c.title }))
    return done(
      sc,
      [
        {
          text: prefix + say(sc.locale, '您想问的是下面哪个问题？', 'Did you mean one of these?'),
          buttons,
        },
      ],
      'clarify',
      'knowledge_ambiguous',
    )
  }
  if (prefix) return done(sc, [{ text: prefix.trim() }], 'answer', 'complaint_acknowledged')
  return fallbackResult(sc, 'knowledge_none')
}
