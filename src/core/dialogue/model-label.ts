/**
 * The classifier is unsure about a message: when a model is configured, it picks the intent
 * (src/core/llm-routing/classify-with-model.ts) before the dialogue acts. The label is recorded in the
 * state (`intentSource: {source: 'llm', from, to, reason}`), the understanding the skills read carries
 * it, and a request for a person is handed off at once. Without a label the turn takes today's unsure
 * path (knowledge, clarify buttons).
 */
import { decideHandoff, handoffText } from '../handoff/handoff-decision.js'
import { classifyWithModel } from '../llm-routing/classify-with-model.js'
import type { Intent } from '../nlu/types.js'
import type { SkillContext } from '../skills/skill-types.js'
import type { DialoguePolicy } from './default-policy-config.js'
import type { TurnOutcome } from './types.js'

type Events = Array<{ type: string; data: Record<string, unknown> }>

/**
 * The model's label for this unsure turn, or none; `handoff` when the label asks for a person.
 *
 * @example
 * const byModel = await modelLabel(sc, policy)
 * if (byModel.intent) intent = byModel.intent
 */
export async function modelLabel(
  sc: SkillContext,
  policy: DialoguePolicy,
): Promise<{ intent?: Intent; handoff?: TurnOutcome; events: Events }> {
  // A task waiting for the customer keeps today's path: its question is asked again, not replaced.
  if (!sc.ctx.llm || sc.state.awaiting) return { events: [] }
  const byModel = await classifyWithModel(sc.ctx, sc.state)
  if (byModel.status !== 'classified') return { events: byModel.events }
  const label = byModel.intent
  const from = sc.ctx.nlu
  sc.state.intentSource = {
    source: 'llm',
    from: from.intent,
    to: label,
    reason: `classifier_unsure_${from.confidence.toFixed(2)}`,
  }
  sc.ctx = {
    ...sc.ctx,
    nlu: {
      ...from,
      intent: label,
      // The model's out_of_scope is taken as sure: no second model call for a grounded answer.
      confidence: label === 'out_of_scope' ? 1 : Math.max(from.confidence, policy.intentThreshold),
    },
  }
  const asked = label === 'human_agent' ? decideHandoff(policy, sc.ctx.nlu, sc.signals, 0) : null
  if (!asked) return { intent: label, events: byModel.events }
  sc.state.failedTurns = 0
  sc.state.lastIntent = 'human_agent'
  return {
    events: byModel.events,
    handoff: {
      replies: [{ text: handoffText(asked.reason, sc.locale) }],
      state: sc.state,
      action: 'handoff',
      reason: `${asked.reason}: ${asked.detail}`,
      handoff: true,
      conversationStatus: 'waiting_human',
      ...(byModel.events.length > 0 ? { events: byModel.events } : {}),
    },
  }
}
