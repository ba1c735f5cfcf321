/**
 * Asks the model first when the question needs it (src/core/llm-routing/route-by-need.ts): a
 * comparison, advice, a "why", an opinion or several questions. A verified answer is the turn; a
 * rejected, failed or skipped attempt leaves its events and the offline skill answers as it would
 * without a model. Lookups and actions never get here with a `model` route.
 */
import type { LlmEvent } from '../llm-routing/grounded-answer.js'
import { groundedAnswer } from '../llm-routing/grounded-answer.js'
import { llmSettings } from '../llm-routing/llm-settings.js'
import { routeByNeed } from '../llm-routing/route-by-need.js'
import type { Intent } from '../nlu/types.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'

export type ByNeed = { result: SkillResult | null; events: LlmEvent[] }

/**
 * The model's answer for a turn that needs it, or null with the events to keep.
 *
 * @example
 * const byNeed = await answerByNeed(sc, intent)
 * const result = byNeed.result ?? withEvents(await runIntent(sc, intent), byNeed.events)
 */
export async function answerByNeed(sc: SkillContext, intent: Intent): Promise<ByNeed> {
  if (!sc.ctx.llm) return { result: null, events: [] }
  const decision = routeByNeed({
    intent,
    confidence: sc.ctx.nlu.confidence,
    needs: sc.understanding.read.questionNeeds(),
    llmConfigured: true,
    settings: llmSettings(sc.ctx.shop),
    awaiting: sc.state.awaiting,
  })
  // A plain lookup is the common case: nothing to record.
  if (decision.route === 'offline' && decision.needs.length === 0) return { result: null, events: [] }
  const routed: LlmEvent = {
    type: 'llm.routed',
    data: { route: decision.route, reason: decision.reason, needs: decision.needs, intent },
  }
  if (decision.route === 'offline') return { result: null, events: [routed] }
  const attempt = await groundedAnswer(sc.ctx, sc.state, { customer: sc.customer })
  if (attempt.status === 'proposed') return { result: proposed(attempt, [routed]), events: [] }
  if (attempt.status !== 'answered') return { result: null, events: [routed, ...attempt.events] }
  sc.state.lastIntent = intent
  sc.state.failedTurns = 0
  return {
    result: done(
      sc,
      [{ text: attempt.text, source: 'llm', factIds: attempt.factIds }],
      'answer',
      `llm_grounded:${attempt.factIds.join(',')};${decision.reason}`,
      { events: [routed, ...attempt.events] },
    ),
    events: [],
  }
}

/**
 * A write the model proposed, handed to the dialogue (which runs the skill's confirmation step).
 * The result's own replies are empty: the skill writes the question.
 */
export function proposed(
  attempt: Extract<Awaited<ReturnType<typeof groundedAnswer>>, { status: 'proposed' }>,
  before: LlmEvent[] = [],
): SkillResult {
  return {
    replies: [],
    action: 'confirm',
    reason: `llm_proposed:${attempt.proposal.tool}`,
    done: false,
    proposal: attempt.proposal,
    events: [...before, ...attempt.events],
  }
}

/** `result` with `events` recorded before its own. */
export function withEvents(result: SkillResult, events: LlmEvent[]): SkillResult {
  if (events.length === 0) return result
  return { ...result, events: [...events, ...(result.events ?? [])] }
}
