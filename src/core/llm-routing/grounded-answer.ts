/**
 * Grounded LLM answers: when kefu's own knowledge cannot answer a message and a language model is
 * configured, ask the model to answer from the shop's facts only, verify the answer against those
 * facts, and hand back either a checked answer or nothing (the caller then falls back exactly as it
 * would without a model). Every attempt leaves an event: `llm.answered`, `llm.rejected` (the answer
 * failed verification or the model declined), `llm.failed` (timeout, provider error) or
 * `llm.skipped` (the per-conversation budget is spent).
 */
import type { DialogueState, TurnContext } from '../dialogue/types.js'
import type { Customer } from '../domain/schemas.js'
import { AppError } from '../errors.js'
import type { KnowledgeBase } from '../knowledge/types.js'
import type { ChatImage, TokenUsage } from '../ports/language-model.js'
import { buildGroundedPrompt } from './build-grounded-prompt.js'
import { collectFacts, type Fact } from './collect-facts.js'
import { generateWithTools } from './generate-with-tools.js'
import type { LlmEvent } from './llm-event.js'
import { llmSettings } from './llm-settings.js'
import {
  budgetExhaustedToldThisMonth,
  costOf,
  LLM_BUDGET_EXHAUSTED_EVENT,
  LLM_USAGE_EVENT,
  monthStart,
  monthToDate,
} from './llm-usage.js'
import { createSentenceGate } from './sentence-gate.js'
import { skillTools } from './skill-tools.js'
import {
  type RejectReason,
  type Verification,
  type VerifyOptions,
  verifyGroundedAnswer,
} from './verify-grounded-answer.js'
import type { WriteProposal } from './write-proposals.js'

export type { LlmEvent }

export type SkipReason =
  | 'not_configured'
  | 'disabled'
  | 'intent_excluded'
  | 'out_of_scope'
  | 'no_question'
  | 'max_calls'
  | 'no_facts'
  | 'already_asked'
  | 'monthly_budget'

export type GroundedAnswer =
  | { status: 'answered'; text: string; factIds: string[]; events: LlmEvent[] }
  | { status: 'skipped'; reason: SkipReason; events: LlmEvent[] }
  | { status: 'rejected'; reason: RejectReason; events: LlmEvent[] }
  | { status: 'failed'; code: string; events: LlmEvent[] }
  /** The model proposed a write: the dialogue asks the customer to confirm it (nothing was written). */
  | { status: 'proposed'; proposal: WriteProposal; events: LlmEvent[] }

/** Intents a model cannot help with: small talk needs no facts, a request for a person needs a person. */
const EXCLUDED_INTENTS = new Set(['greeting', 'human_agent'])

/**
 * Turns whose model attempt was made: a turn routed to the model by need that falls back to the
 * offline skill must not ask the model a second time on the skill's own no-answer path.
 */
const askedThisTurn = new WeakSet<TurnContext>()

/** The state key counting this conversation's model calls (kept in the stored dialogue state). */
export const LLM_CALLS_KEY = 'llmCalls'

type WithGraph = KnowledgeBase & { graph: { findMentions(text: string): Array<{ sku: string }> } }

/**
 * The catalog products a text names, remembered for the turn: the sentence gate, the whole answer
 * and its clauses ask about the same texts again (one graph for the turn).
 */
function productFinder(kb: KnowledgeBase): ((text: string) => string[]) | undefined {
  const g = (kb as Partial<WithGraph>).graph
  if (!g || typeof g.findMentions !== 'function') return undefined
  const seen = new Map<string, string[]>()
  return (text) => {
    let skus = seen.get(text)
    if (!skus) {
      skus = g.findMentions(text).map((m) => m.sku)
      seen.set(text, skus)
    }
    return skus
  }
}

/**
 * Verification of texts against `facts`, the last one remembered: a streamed answer's whole text is
 * checked by the sentence gate at its end and then again as the answer; the facts only ever grow
 * (tool results), so the same text over as many facts has the same verdict.
 */
function lastVerified(facts: Fact[], opts: VerifyOptions): (text: string) => Verification {
  let last: { text: string; facts: number; v: Verification } | undefined
  return (text) => {
    if (last && last.text === text && last.facts === facts.length) return last.v
    const v = verifyGroundedAnswer(text, facts, opts)
    last = { text, facts: facts.length, v }
    return v
  }
}

/**
 * Tries a grounded LLM answer for the turn. Never throws for provider trouble: failures come back
 * as `failed` with an `llm.failed` event.
 *
 * @example
 * const r = await groundedAnswer(ctx, state, { customer })
 * if (r.status === 'answered') reply(r.text) // else fall back as usual, storing r.events
 */
export async function groundedAnswer(
  ctx: TurnContext,
  state: DialogueState,
  opts: {
    customer: Customer | null
    /** Pictures for a vision model: the answer may then rest on tool results alone (catalog search). */
    images?: ChatImage[]
  },
): Promise<GroundedAnswer> {
  const llm = ctx.llm
  if (!llm) return { status: 'skipped', reason: 'not_configured', events: [] }
  const settings = llmSettings(ctx.shop)
  if (!settings.enabled) return { status: 'skipped', reason: 'disabled', events: [] }
  if (EXCLUDED_INTENTS.has(ctx.nlu.intent)) return { status: 'skipped', reason: 'intent_excluded', events: [] }
  if (ctx.nlu.intent === 'out_of_scope' && ctx.nlu.confidence >= settings.outOfScopeConfidence)
    return { status: 'skipped', reason: 'out_of_scope', events: [] }
  if (!/[\p{L}\p{N}]/u.test(ctx.text)) return { status: 'skipped', reason: 'no_question', events: [] }
  const calls = typeof state[LLM_CALLS_KEY] === 'number' ? (state[LLM_CALLS_KEY] as number) : 0
  if (calls >= settings.maxCallsPerConversation) {
    return {
      status: 'skipped',
      reason: 'max_calls',
      events: [{ type: 'llm.skipped', data: { reason: 'max_calls', limit: settings.maxCallsPerConversation } }],
    }
  }

  if (askedThisTurn.has(ctx)) return { status: 'skipped', reason: 'already_asked', events: [] }
  if (settings.monthlyBudget !== undefined) {
    const spent = await monthToDate(ctx.store.events, ctx.shop.id, ctx.now)
    if (spent.cost >= settings.monthlyBudget) {
      const data = { budget: settings.monthlyBudget, spent: spent.cost, currency: settings.currency }
      const events: LlmEvent[] = [{ type: 'llm.skipped', data: { reason: 'monthly_budget', ...data } }]
      if (!(await budgetExhaustedToldThisMonth(ctx.store.events, ctx.shop.id, ctx.now)))
        events.push({ type: LLM_BUDGET_EXHAUSTED_EVENT, data: { month: monthStart(ctx.now).slice(0, 7), ...data } })
      return { status: 'skipped', reason: 'monthly_budget', events }
    }
  }
  askedThisTurn.add(ctx)
  const facts = await collectFacts(ctx, state, { customer: opts.customer })
  const looks = opts.images && opts.images.length > 0 && settings.tools
  if (facts.length === 0 && !looks) return { status: 'skipped', reason: 'no_facts', events: [] }

  state[LLM_CALLS_KEY] = calls + 1
  const base = { provider: llm.provider, model: llm.modelId, factIds: facts.map((f) => f.id) }
  const messages = buildGroundedPrompt({
    shopName: ctx.shop.name,
    locale: ctx.locale,
    question: ctx.text,
    facts,
    history: ctx.history,
  })
  const last = messages[messages.length - 1]
  if (opts.images && opts.images.length > 0 && last?.role === 'user') last.images = opts.images
  const started = performance.now()
  let result: Awaited<ReturnType<typeof llm.generate>>
  let toolEvents: LlmEvent[] = []
  let totalUsage: TokenUsage | undefined
  let proposal: WriteProposal | undefined
  const finder = productFinder(ctx.knowledge)
  const verify = lastVerified(facts, {
    ...(finder ? { findProducts: finder } : {}),
    allowedContacts: shopContacts(ctx.shop.settings),
  })
  try {
    const sink = ctx.onAnswerText
    const run = await generateWithTools(llm, messages, facts, settings.tools ? skillTools(ctx, opts.customer) : null, {
      locale: ctx.locale,
      temperature: settings.temperature,
      maxTokens: settings.maxTokens,
      maxRounds: 2,
      ...(sink ? { stream: { gate: createSentenceGate(verify), emit: sink } } : {}),
    })
    result = run.result
    toolEvents = run.events
    totalUsage = run.usage
    proposal = run.proposal
  } catch (e) {
    const code = AppError.isInstance(e) ? e.code : 'internal'
    const details = AppError.isInstance(e) ? (e.options.details as Record<string, unknown> | undefined) : undefined
    return {
      status: 'failed',
      code,
      events: [
        {
          type: 'llm.failed',
          data: {
            ...base,
            code,
            retryable: AppError.isInstance(e) ? Boolean(e.options.retryable) : false,
            timeout: Boolean(details?.timeout),
            circuitOpen: Boolean(details?.circuitOpen),
            // AppError messages of the adapter carry no secrets and no vendor text.
            message: AppError.isInstance(e) ? e.message : 'unexpected error',
            latencyMs: Math.round(performance.now() - started),
          },
        },
      ],
    }
  }
  const latencyMs = Math.round(performance.now() - started)
  const cost = costOf(totalUsage, settings, [result.modelId, llm.modelId])
  const usage = totalUsage ? { usage: totalUsage, cost } : {}
  const usageEvents = totalUsage ? [usageEvent(state, result.modelId, totalUsage, cost, settings.currency)] : []
  const withUsage = (r: GroundedAnswer): GroundedAnswer => ({
    ...r,
    events: [...toolEvents, ...r.events, ...usageEvents],
  })
  if (proposal) {
    const { tool, intent, orderNo } = proposal
    return withUsage({
      status: 'proposed',
      proposal,
      events: [{ type: 'llm.write_proposed', data: { ...base, tool, intent, orderNo, latencyMs, ...usage } }],
    })
  }
  if (result.finishReason === 'length') return withUsage(rejected('truncated', [], base, latencyMs, usage))
  const v = verify(result.text)
  if (!v.ok) return withUsage(rejected(v.reason, v.offending, base, latencyMs, usage))
  return withUsage({
    status: 'answered',
    text: v.text,
    factIds: v.factIds,
    events: [
      {
        type: 'llm.answered',
        data: { ...base, factIds: v.factIds, given: base.factIds, attempts: result.attempts, latencyMs, ...usage },
      },
    ],
  })
}

/** The state key totalling this conversation's model tokens and cost. */
export const LLM_USAGE_KEY = 'llmUsage'

/** An `llm.usage` event, and the conversation's running totals in its state. */
export function usageEvent(
  state: DialogueState,
  model: string,
  usage: { promptTokens: number; completionTokens: number; totalTokens: number },
  cost: number,
  currency: string,
): LlmEvent {
  const prev = (state[LLM_USAGE_KEY] ?? {}) as Partial<Record<'promptTokens' | 'completionTokens' | 'cost', number>>
  state[LLM_USAGE_KEY] = {
    promptTokens: (prev.promptTokens ?? 0) + usage.promptTokens,
    completionTokens: (prev.completionTokens ?? 0) + usage.completionTokens,
    cost: Math.round(((prev.cost ?? 0) + cost) * 1e6) / 1e6,
  }
  return { type: LLM_USAGE_EVENT, data: { model, ...usage, cost, currency } }
}

/** The contact details the shop configured (`settings.contact`), the only ones an answer may carry. */
function shopContacts(settings: Record<string, unknown>): string[] {
  const c = settings.contact
  if (typeof c !== 'object' || c === null) return []
  return Object.values(c).filter((v): v is string => typeof v === 'string' && v.length > 0)
}

function rejected(
  reason: RejectReason,
  offending: string[],
  base: { provider: string; model: string; factIds: string[] },
  latencyMs: number,
  usage: Record<string, unknown>,
): GroundedAnswer {
  return {
    status: 'rejected',
    reason,
    events: [
      { type: 'llm.rejected', data: { ...base, reason, offending: offending.slice(0, 10), latencyMs, ...usage } },
    ],
  }
}

export type { Fact }
