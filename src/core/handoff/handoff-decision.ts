/**
 * When the bot steps aside: an explicit request, an angry customer (emotion ≥ threshold) or repeated
 * failure. A calm question never hands off.
 */

import type { DialoguePolicy } from '../dialogue/default-policy-config.js'
import type { Locale } from '../domain/schemas.js'
import type { Signals } from '../nlu/detect-signals.js'
import type { NluResult } from '../nlu/types.js'

export type HandoffReason = 'customer_requested_human' | 'emotion_above_threshold' | 'repeated_failure'

/**
 * Decides whether this turn hands off. `failedTurns` is the count including this turn's failure when
 * the customer said the last answer missed ("答非所问").
 */
export function decideHandoff(
  policy: DialoguePolicy,
  nlu: NluResult,
  signals: Signals,
  failedTurns: number,
): { reason: HandoffReason; detail: string } | null {
  const asked =
    (nlu.intent === 'human_agent' && nlu.confidence >= Math.min(policy.intentThreshold, 0.5)) || signals.humanRequest
  if (asked && policy.handoffOnRequest) return { reason: 'customer_requested_human', detail: 'human_agent' }
  if (nlu.emotion.score >= policy.emotionHandoffThreshold)
    return {
      reason: 'emotion_above_threshold',
      detail: `emotion ${nlu.emotion.score.toFixed(2)} >= ${policy.emotionHandoffThreshold}`,
    }
  if (failedTurns >= policy.maxFailedTurns)
    return { reason: 'repeated_failure', detail: `${failedTurns} failed turns >= ${policy.maxFailedTurns}` }
  return null
}

/** What the customer is told when the conversation goes to a human. */
export function handoffText(reason: HandoffReason, locale: Locale): string {
  if (locale === 'zh') {
    if (reason === 'emotion_above_threshold')
      return '非常抱歉给您带来不好的体验，我已为您转接人工客服，请稍候，客服马上为您处理。'
    if (reason === 'repeated_failure') return '抱歉没能帮您解决问题，我已为您转接人工客服，请稍候。'
    return '好的，正在为您转接人工客服，请稍候，您之前提供的信息客服都能看到。'
  }
  if (reason === 'emotion_above_threshold')
    return "I'm really sorry about this. I've passed you to a human agent who will be with you shortly."
  if (reason === 'repeated_failure')
    return "Sorry I couldn't sort this out. I've passed you to a human agent; please hold on."
  return "Sure, I'm connecting you to a human agent now. They'll see everything you've told me."
}
