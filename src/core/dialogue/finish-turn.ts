/** The end of a turn: proposals confirmed, failed-turn handoff, the suspended task resumed, the outcome built. */
import { handoffText } from '../handoff/handoff-decision.js'
import type { SkillContext, SkillResult } from '../skills/skill-types.js'
import { say } from '../skills/text.js'
import { SKILLS } from './intent-skills.js'
import { actOnProposal, settlePendingAction } from './model-proposal.js'
import type { TurnOutcome } from './types.js'

/**
 * Builds the outcome; resumes a suspended task when the current one finished. A write the model
 * proposed is first handed to its skill, which asks the customer to confirm (model-proposal.ts).
 */
export async function finish(sc: SkillContext, result: SkillResult, failedTurn: boolean): Promise<TurnOutcome> {
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
