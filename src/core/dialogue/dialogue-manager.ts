/**
 * The dialogue manager: state tracking + policy + skills. One call per customer turn; the conversation
 * service stores the returned state on the conversation and the replies as bot messages.
 *
 * Order of decisions each turn (every one leaves `action` + `reason`):
 *  1. hand off (explicit request, emotion ≥ threshold, N failed turns);
 *  2. continue the task the bot is waiting on when the message answers it (slot value, yes/no…),
 *     follow-ups ("and in XL?") and corrections ("不对，是另一个订单") re-run the active task;
 *  3. otherwise a confident intent starts a task (suspending an unfinished one, resumed afterwards);
 *  4. low confidence: knowledge answer / clarify with buttons / honest fallback.
 */
import { decideHandoff, handoffText } from '../handoff/handoff-decision.js'
import type { KnowledgeAnswer } from '../knowledge/types.js'
import type { Signals } from '../nlu/detect-signals.js'
import type { ExtractedSlots } from '../nlu/extract-slots.js'
import type { Intent } from '../nlu/types.js'
import { understandTurn } from '../nlu/understand-turn.js'
import { priceAlertSkill } from '../proactive/price-alert-skill.js'
import { answerByNeed, withEvents } from '../skills/answer-by-need.js'
import { attachmentTurn } from '../skills/attachment-turn.js'
import { cancelOrderSkill } from '../skills/cancel-order.js'
import { faultSkill } from '../skills/fault-diagnosis.js'
import { safetyAdvice } from '../skills/fault-replies.js'
import { greetingSkill } from '../skills/greeting.js'
import { invoicePaymentSkill } from '../skills/invoice-payment.js'
import { fallbackResult, intentButtons, knowledgeSkill, llmOrFallback } from '../skills/knowledge-answer.js'
import { modifyOrderSkill } from '../skills/modify-order.js'
import { orderStatusSkill } from '../skills/order-status.js'
import { isRecommendFollowUp, recommendSkill } from '../skills/recommend.js'
import { pickListedOrder } from '../skills/resolve-order.js'
import { matchCatalog } from '../skills/resolve-product.js'
import { returnSkill } from '../skills/return-refund.js'
import { sizeAdviceSkill } from '../skills/size-advice.js'
import type { Skill, SkillContext, SkillResult } from '../skills/skill-types.js'
import { priceSkill, stockSkill } from '../skills/stock-price.js'
import { say } from '../skills/text.js'
import type { TicketServiceDeps } from '../tickets/ticket-service.js'
import { DEFAULT_POLICY as DEFAULTS, type DialoguePolicy, resolvePolicy } from './default-policy-config.js'
import { normalizeState, startTask, type WorkingState } from './dialogue-state.js'
import { modelLabel } from './model-label.js'
import { actOnProposal, settlePendingAction } from './model-proposal.js'
import { orderedItemIntent } from './ordered-item-intent.js'
import type { DialogueManager, PolicyConfig, TurnContext, TurnOutcome } from './types.js'

/** The policy every shop starts from; `shop.settings.policy` overrides any key. */
export const DEFAULT_POLICY: DialoguePolicy = DEFAULTS

/** Intents with a skill that acts on shop data; the rest are answered from knowledge. */
const SKILLS: Record<string, Skill> = {
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

/** Intents that act on an order the customer names. */
const ORDER_ACTIONS = new Set(['cancel_order', 'modify_order', 'return_refund'])

/** Does this message answer what the bot is waiting for? (Then the active task continues.) */
function answersAwaiting(awaiting: string, sc: SkillContext): boolean {
  const { extracted: x, signals: s, cues, ctx, state } = sc
  const text = ctx.text.trim()
  const confidentOther =
    ctx.nlu.confidence >= 0.85 && ctx.nlu.intent !== state.activeIntent && ctx.nlu.intent !== 'out_of_scope'
  switch (awaiting) {
    case 'order':
      return Boolean(x.order) || (s.ordinal !== null && state.candidates?.kind === 'order') || s.correction
    case 'verify':
      return Boolean(x.order || x.phoneLast4)
    case 'phoneLast4':
      return Boolean(x.phoneLast4 || x.order)
    case 'confirm':
    case 'feedback':
    case 'opened':
      return s.affirm || s.deny || (awaiting === 'opened' && sc.returnFacts.opened !== null)
    case 'newAddress':
      return cues.addressLike && !(s.question && confidentOther)
    case 'newPhone':
      return Boolean(x.phone)
    case 'field':
      return cues.namesChangeField
    case 'returnKind':
      return cues.namesReturnKind
    case 'reason':
    case 'faultAnswer':
    case 'symptom':
      // A message ending in a question mark is the customer asking, not answering.
      return text.length > 0 && !cues.endsWithQuestion && !(s.question && confidentOther)
    case 'deviceModel':
      return Boolean(x.deviceModel || x.sku) || (!s.question && text.length <= 40)
    case 'purchase':
      return Boolean(x.order || x.date || cues.dontKnow) || cues.hasDigit
    case 'product':
      return (
        Boolean(x.sku) ||
        (s.ordinal !== null && state.candidates?.kind === 'product') ||
        (!confidentOther && !s.question)
      )
    case 'body':
      return x.heightCm !== undefined || x.weightKg !== undefined
    case 'item':
      return Boolean(x.sku) || s.ordinal !== null
    default:
      return false
  }
}

/**
 * Does this message continue the active fault flow although it answers nothing the bot asked? A safety
 * symptom, a request for repair / replacement now, a report of what was already tried, anything while
 * an urgent case waits for its one question, and "still broken" once the ticket exists.
 */
function continuesFault(sc: SkillContext): boolean {
  const { state, ctx, signals, policy } = sc
  const cues = ctx.nlu.cues ?? {}
  if (cues.safety || cues.wantsRepairNow) return true
  // "我的快递还是没到" is another topic, not a step that failed.
  const otherTopic =
    ctx.nlu.confidence >= 0.85 && ctx.nlu.intent !== 'after_sales_fault' && ctx.nlu.intent !== 'out_of_scope'
  const tried = Boolean(cues.alreadyTried) && !otherTopic
  if (state.task.ticketId) return signals.deny || tried || ctx.nlu.confidence < policy.intentThreshold
  if (!state.awaiting) return false
  return tried || Boolean(state.task.urgent && !signals.question)
}

function hasSlotValue(x: ExtractedSlots): boolean {
  return Boolean(x.order || x.sku || x.size || x.color || x.deviceModel)
}

/** Copies extracted values into the slots. */
function mergeSlots(state: WorkingState, x: ExtractedSlots, awaiting: string | null): void {
  const s = state.slots
  if (x.order) {
    if (s.order !== x.order) delete state.task.confirmed
    s.order = x.order
  }
  if (x.sku) s.sku = x.sku
  if (x.size) s.size = x.size
  if (x.color) s.color = x.color
  if (x.deviceModel) s.deviceModel = x.deviceModel
  if (x.heightCm !== undefined) s.heightCm = x.heightCm
  if (x.weightKg !== undefined) s.weightKg = x.weightKg
  if (x.phoneLast4) s.phoneLast4 = x.phoneLast4
  if (x.phone && awaiting === 'newPhone') s.phone = x.phone
  if (x.date) s.date = x.date
}

function isFollowUp(sc: SkillContext): boolean {
  const { signals, extracted, ctx, state } = sc
  if (!state.activeIntent || !hasSlotValue(extracted)) return false
  const short = ctx.text.trim().length <= 24
  return (signals.followUp && short) || (short && !signals.question && ctx.nlu.confidence < 0.5)
}

/**
 * Creates the dialogue manager. `opts.policy` overrides the defaults for every shop (tests use it);
 * `shop.settings.policy` still wins for a shop that sets a key.
 */
export function createDialogueManager(
  opts: { policy?: Partial<PolicyConfig>; tickets?: Pick<TicketServiceDeps, 'onEvent' | 'notify'> } = {},
): DialogueManager {
  return async (input: TurnContext): Promise<TurnOutcome> => {
    const policy = resolvePolicy(input.shop, input.policy, opts.policy)
    const state = normalizeState(input.state)
    // The understanding stage: the intent acted on (a rule may override the classifier), signals,
    // slot values and cues. Nothing below reads the customer's words with patterns.
    const understanding = understandTurn(input.text, input.nlu, { awaiting: state.awaiting })
    const { signals, slots: extracted, cues: turnCues } = understanding
    const ctx: TurnContext = { ...input, nlu: understanding.nlu }
    state.turns = (typeof state.turns === 'number' ? state.turns : 0) + 1
    if (understanding.intentSource === 'rule')
      state.intentCue = { from: understanding.classifier.intent, to: understanding.nlu.intent }
    else delete state.intentCue
    delete state.intentSource
    let classified: Array<{ type: string; data: Record<string, unknown> }> = []
    let customer = ctx.customer
    if (!customer && state.verifiedCustomerId)
      customer = await ctx.store.customers.get(ctx.shop.id, state.verifiedCustomerId)
    const sc: SkillContext = {
      ctx,
      state,
      locale: ctx.locale,
      policy,
      signals,
      returnFacts: understanding.returnFacts,
      extracted,
      cues: turnCues,
      understanding,
      customer,
      answeredAwaiting: false,
      ...(opts.tickets ? { hooks: opts.tickets } : {}),
    }

    // 1. Handoff is decided first: a customer who asks for a person or is angry is never kept in a flow.
    const failed = state.failedTurns + (signals.notAnswered ? 1 : 0)
    const h = decideHandoff(policy, ctx.nlu, signals, signals.notAnswered ? failed : 0)
    const cues = ctx.nlu.cues ?? {}
    if (h) {
      state.failedTurns = 0
      state.lastIntent = ctx.nlu.intent
      // A safety symptom still gets the stop-use advice before the person takes over.
      const advice = cues.safety ? [{ text: safetyAdvice(ctx.locale, cues.safety) }] : []
      return {
        replies: [...advice, { text: handoffText(h.reason, ctx.locale) }],
        state,
        action: 'handoff',
        reason: `${h.reason}: ${h.detail}`,
        handoff: true,
        conversationStatus: 'waiting_human',
        // The conversation service stores `handoff.requested` (with this reason) when it sees handoff: true.
      }
    }
    // A picture or a voice message that could not be transcribed (src/core/skills/attachment-turn.ts).
    const media = await attachmentTurn(sc)
    if (media) return finish(sc, media, false)
    if (signals.notAnswered) {
      const buttons = intentButtons(sc)
      state.lastIntent = state.activeIntent
      return finish(
        sc,
        {
          replies: [
            {
              text: say(
                ctx.locale,
                '抱歉没有理解您的问题。能换个说法再描述一下吗？也可以选择下面的问题类型。',
                'Sorry, I misunderstood. Could you put your question another way, or pick a topic below?',
              ),
              ...(buttons.length > 0 ? { buttons } : {}),
            },
          ],
          action: 'clarify',
          reason: 'customer_said_not_answered',
          done: true,
        },
        true,
      )
    }

    // 2. Continue the active task when the message answers it, follows it up or corrects it.
    let intent: string | null = null
    if (state.awaiting === 'order' && !extracted.order && signals.ordinal === null) {
      // "the robot vacuum", "1.5米那个" after a list of orders: the order it describes.
      const picked = await pickListedOrder(sc)
      if (picked) extracted.order = picked
    }
    if (
      state.awaiting === 'order' &&
      extracted.order &&
      ORDER_ACTIONS.has(ctx.nlu.intent) &&
      ctx.nlu.intent !== state.activeIntent &&
      ctx.nlu.confidence >= 0.85
    ) {
      // "1.5米那个不要了" after a list of orders: a new action on the order it names, not the old question.
      state.awaiting = null
      state.prompt = null
    }
    const awaiting = state.awaiting
    // A safety symptom (burning smell, swelling, smoke…) is a fault case whatever else is going on.
    const safetyElsewhere = Boolean(cues.safety) && state.activeIntent !== 'after_sales_fault'
    if (awaiting && state.activeIntent && !safetyElsewhere && answersAwaiting(awaiting, sc)) {
      intent = state.activeIntent
      sc.answeredAwaiting = true
    } else if (state.activeIntent === 'after_sales_fault' && continuesFault(sc)) {
      // "赶紧给我换一个", "tried that too, still nothing", a safety symptom, the ticket already open: the
      // fault flow reads these from the understanding's cues.
      intent = state.activeIntent
    } else if (state.activeIntent && signals.correction && !signals.question) {
      intent = state.activeIntent
      delete state.task.confirmed
      if (!extracted.order && state.candidates?.kind !== 'order') delete state.slots.order
    } else if (isFollowUp(sc)) {
      intent = state.activeIntent
      state.awaiting = null
      state.task = {}
    }
    if (!intent) {
      // A named item the customer ordered makes this turn about that order line (see ordered-item-intent).
      const route = await orderedItemIntent(sc, policy.intentThreshold)
      if (route) {
        intent = route.intent
        state.intentCue = { from: ctx.nlu.intent, to: route.intent, why: route.reason }
        if (route.reason === 'follow_up_on_ordered_item') {
          state.awaiting = null
          state.task = {}
        }
        // The order comes from the item, not from an order carried over from the previous task.
        delete state.slots.order
        delete state.slots.sku
        if (intent !== state.activeIntent) startTask(state, intent)
      }
    }

    // 3. A confident new intent starts a task; an unfinished task is put aside and resumed later.
    const nluIntent = ctx.nlu.intent
    const confident = ctx.nlu.confidence >= policy.intentThreshold
    if (
      !intent &&
      !cues.safety &&
      state.awaiting &&
      state.activeIntent &&
      signals.question &&
      !hasSlotValue(extracted)
    ) {
      // A question answered with a question: answer it from knowledge, then ask ours again.
      const kb = await ctx.knowledge.answer(ctx.text, { locale: ctx.locale })
      if (kb.status === 'answer') {
        state.lastIntent = nluIntent
        const replies = [{ text: kb.hit.answer }]
        if (state.prompt)
          replies.push({
            text: say(ctx.locale, `我们回到刚才的问题：${state.prompt}`, `Back to what we were doing: ${state.prompt}`),
          })
        state.failedTurns = 0
        return {
          replies,
          state,
          action: 'answer',
          reason: `question_while_awaiting_${state.awaiting}_knowledge_${kb.hit.kind}:${kb.hit.id}`,
          handoff: false,
        }
      }
    }
    if (!intent) {
      // A safety symptom goes to the fault flow even when the classifier heard a product question
      // ("X2 Pro Max 后盖翘起来了 感觉电池鼓包了 还能用吗").
      if (cues.safety) intent = 'after_sales_fault'
      // "降价提醒我" is a price-drop subscription whatever the classifier made of it (src/core/proactive).
      else if (turnCues.priceAlert) intent = 'price_promotion'
      else if (isRecommendFollowUp(turnCues, state)) intent = 'recommendation'
      else if (confident) intent = nluIntent
      else {
        // The classifier is unsure: the model may pick the label (model-label.ts).
        const byModel = await modelLabel(sc, policy)
        classified = byModel.events
        if (byModel.handoff) return byModel.handoff
        if (byModel.intent) {
          intent = byModel.intent
        } else {
          // A comparison or advice question the classifier is unsure about still needs the model.
          const byNeed = await answerByNeed(sc, nluIntent)
          if (byNeed.result) return finish(sc, withEvents(byNeed.result, classified), false)
          const low = withEvents(await lowConfidence(sc), [...classified, ...byNeed.events])
          return finish(sc, low, true)
        }
      }
      if (state.awaiting && state.activeIntent && state.activeIntent !== intent && !state.suspended) {
        state.suspended = {
          intent: state.activeIntent,
          awaiting: state.awaiting,
          task: state.task,
          prompt: state.prompt ?? null,
        }
        // Slots survive the detour; the suspended copy keeps only the skill progress.
      }
      if (intent !== state.activeIntent || !state.awaiting) startTask(state, intent)
    }
    mergeSlots(state, extracted, awaiting)
    state.activeIntent = intent
    state.lastIntent = intent

    // Routing by need: a comparison, advice or "why" goes to the model first when one is configured.
    const byNeed = await answerByNeed(sc, intent as Intent)
    const result = withEvents(byNeed.result ?? withEvents(await runIntent(sc, intent), byNeed.events), classified)
    const failedTurn = result.action === 'fallback' && result.reason !== 'out_of_scope'
    return finish(sc, result, failedTurn)
  }
}

async function runIntent(sc: SkillContext, intent: string): Promise<SkillResult> {
  if (intent === 'stock_availability' && sc.cues.asksRestock) return restockAnswer(sc)
  const skill = SKILLS[intent]
  if (skill) return skill(sc)
  if (intent === 'price_promotion') {
    if (sc.state.task.priceAlert || sc.cues.priceAlert) return priceAlertSkill(sc)
    if (
      sc.extracted.sku ||
      (sc.state.slots.sku && (sc.signals.deictic || sc.signals.followUp)) ||
      (await matchCatalog(sc))
    )
      return priceSkill(sc)
    return knowledgeSkill(sc)
  }
  if (intent === 'product_inquiry') return knowledgeSkill(sc)
  if (intent === 'complaint') {
    return knowledgeSkill(sc, say(sc.locale, '非常抱歉给您带来不愉快的体验。', "I'm sorry about your experience. "))
  }
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
    const kb = await sc.ctx.knowledge.answer(sc.ctx.text, { locale: sc.locale })
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
async function restockAnswer(sc: SkillContext): Promise<SkillResult> {
  const r = await stockSkill(sc)
  if (!r.done || !r.reason.startsWith('stock_out')) return r
  const kb = await sc.ctx.knowledge.answer(sc.ctx.text, { locale: sc.locale, kinds: ['faq'] })
  if (kb.status !== 'answer') return r
  return { ...r, replies: [...r.replies, { text: kb.hit.answer }], action: 'answer', reason: `${r.reason}_restock` }
}

/** NLU is unsure: try knowledge, then (when configured) a grounded LLM answer, then clarify, then "I don't know". */
async function lowConfidence(sc: SkillContext): Promise<SkillResult> {
  const kb = await sc.ctx.knowledge.answer(sc.ctx.text, { locale: sc.locale })
  if (kb.status === 'answer') {
    sc.state.lastIntent = sc.ctx.nlu.intent
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
function lowConfidenceFallback(sc: SkillContext, kb: KnowledgeAnswer): SkillResult {
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

/**
 * Builds the outcome; resumes a suspended task when the current one finished. A write the model
 * proposed is first handed to its skill, which asks the customer to confirm (model-proposal.ts).
 */
async function finish(sc: SkillContext, result: SkillResult, failedTurn: boolean): Promise<TurnOutcome> {
  const { state } = sc
  let r = result
  if (r.proposal) {
    const skill = SKILLS[r.proposal.intent]
    if (skill) r = await actOnProposal(sc, r, skill)
    failedTurn = false
  }
  r = settlePendingAction(sc, r)
  state.failedTurns = failedTurn ? state.failedTurns + 1 : 0
  if (failedTurn && state.failedTurns >= sc.policy.maxFailedTurns) {
    // Repeated failure: stop guessing and bring in a person, keeping the state for the agent.
    const detail = `${state.failedTurns} failed turns >= ${sc.policy.maxFailedTurns}`
    state.failedTurns = 0
    return {
      replies: [{ text: handoffText('repeated_failure', sc.locale) }],
      state,
      action: 'handoff',
      reason: `repeated_failure: ${detail}`,
      handoff: true,
      conversationStatus: 'waiting_human',
    }
  }
  const replies = [...r.replies]
  if (r.done && state.suspended && !state.awaiting) {
    const s = state.suspended
    state.suspended = null
    if (s.intent !== state.activeIntent || s.awaiting) {
      state.activeIntent = s.intent
      state.awaiting = s.awaiting
      state.task = s.task
      state.prompt = s.prompt
      if (state.topics[state.topics.length - 1] !== s.intent) state.topics = [...state.topics, s.intent].slice(-10)
      if (s.prompt) {
        replies.push({
          text: say(sc.locale, `我们回到刚才的问题：${s.prompt}`, `Back to what we were doing: ${s.prompt}`),
        })
      }
    }
  }
  const out: TurnOutcome = {
    replies,
    state,
    action: r.action,
    reason: r.reason,
    handoff: Boolean(r.handoff),
  }
  if (r.handoff) out.conversationStatus = 'waiting_human'
  if (r.ticket) out.ticket = r.ticket
  if (r.returnRequest) out.returnRequest = r.returnRequest
  const customerId = r.customerId ?? (sc.customer && !sc.ctx.customer ? sc.customer.id : undefined)
  if (customerId && !sc.ctx.customer) out.customerId = customerId
  if (r.events && r.events.length > 0) out.events = r.events
  return out
}

export type { Signals }
