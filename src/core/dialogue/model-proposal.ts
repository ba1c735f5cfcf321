/**
 * A write the model proposed (cancel, address change, return) becomes the dialogue's own task: the
 * proposal is kept as `state.pendingAction`, the intent's skill starts with the proposed order (and new
 * address) in its slots, and the skill asks its usual confirmation question with yes/no buttons. The
 * customer's "yes" then continues that task like any other confirmation, so the skill's verification
 * and ownership rules decide, exactly as for a request the customer typed; "no" or another topic drops
 * the pending action.
 */
import type { Skill, SkillContext, SkillResult } from '../skills/skill-types.js'
import { startTask } from './dialogue-state.js'

/**
 * Runs `skill` for the proposal in `r` and returns its result (its confirmation question, or its
 * refusal: shipped order, verification needed…), with the model's events first.
 *
 * @example
 * if (r.proposal) r = await actOnProposal(sc, r, SKILLS[r.proposal.intent])
 */
export async function actOnProposal(sc: SkillContext, r: SkillResult, skill: Skill): Promise<SkillResult> {
  const p = r.proposal
  if (!p) return r
  const { state } = sc
  if (state.awaiting && state.activeIntent && state.activeIntent !== p.intent && !state.suspended) {
    state.suspended = {
      intent: state.activeIntent,
      awaiting: state.awaiting,
      task: state.task,
      prompt: state.prompt ?? null,
    }
  }
  startTask(state, p.intent)
  state.slots.order = p.orderNo
  if (p.intent === 'modify_order' && p.address)
    state.task = { flow: 'modify_order', field: 'address', newValue: p.address }
  state.pendingAction = { ...p }
  state.lastIntent = p.intent
  // The customer's own words did not answer a question of this task, and name no other order.
  sc.answeredAwaiting = false
  sc.extracted = { ...sc.extracted, order: p.orderNo }
  const out = await skill(sc)
  if (out.done) delete state.pendingAction
  return {
    ...out,
    reason: `llm_proposed:${p.tool};${out.reason}`,
    events: [...(r.events ?? []), ...(out.events ?? [])],
  }
}

/**
 * After a turn: a pending action survives only while its task waits for the customer; once the task
 * is done (executed, declined, refused) or the conversation moved on, it is dropped. An executed one
 * leaves an `llm.write_confirmed` event.
 */
export function settlePendingAction(sc: SkillContext, r: SkillResult): SkillResult {
  const pending = sc.state.pendingAction
  if (!pending) return r
  if (!r.done && sc.state.activeIntent === pending.intent) return r
  delete sc.state.pendingAction
  if (r.action !== 'execute') return r
  const confirmed = { type: 'llm.write_confirmed', data: { tool: pending.tool, orderNo: pending.orderNo } }
  return { ...r, events: [...(r.events ?? []), confirmed] }
}
