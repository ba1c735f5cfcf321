/** What a skill sees and returns. Skills mutate the working state; the manager persists it. */

import type { DialoguePolicy } from '../dialogue/default-policy-config.js'
import type { WorkingState } from '../dialogue/dialogue-state.js'
import type { Reply, TurnAction, TurnContext, TurnOutcome } from '../dialogue/types.js'
import type { Customer, Locale } from '../domain/schemas.js'
import type { WriteProposal } from '../llm-routing/write-proposals.js'
import type { ReturnFacts } from '../nlu/detect-return-facts.js'
import type { Signals } from '../nlu/detect-signals.js'
import type { TurnCues } from '../nlu/detect-turn-cues.js'
import type { ExtractedSlots } from '../nlu/extract-slots.js'
import type { Understanding } from '../nlu/understand-turn.js'
import type { TicketServiceDeps } from '../tickets/ticket-service.js'

export type SkillContext = {
  ctx: TurnContext
  state: WorkingState
  locale: Locale
  policy: DialoguePolicy
  signals: Signals
  /** What the message says about a return (reason, condition, kind, a status question): src/core/nlu. */
  returnFacts: ReturnFacts
  extracted: ExtractedSlots
  /** Conversational cues of the message (small talk, pay-order, address-like, alerts…): src/core/nlu. */
  cues: TurnCues
  /** The whole understanding of this turn (src/core/nlu/understand-turn.ts); the fields above are its parts. */
  understanding: Understanding
  /** The signed-in customer, or the one an anonymous visitor verified as (this turn or earlier). */
  customer: Customer | null
  /** True when this turn's message was taken as the answer to what the bot was waiting for. */
  answeredAwaiting: boolean
  /** Ticket hooks from the composition root (webhook mirror, live push). */
  hooks?: Pick<TicketServiceDeps, 'onEvent' | 'notify'>
}

export type SkillResult = {
  replies: Reply[]
  action: TurnAction
  reason: string
  /** False while the skill waits for the customer (state.awaiting set). */
  done: boolean
  handoff?: boolean
  ticket?: TurnOutcome['ticket']
  returnRequest?: TurnOutcome['returnRequest']
  customerId?: string
  events?: NonNullable<TurnOutcome['events']>
  /** A write the model proposed: the dialogue runs its skill, which asks the customer to confirm. */
  proposal?: WriteProposal
}

export type Skill = (sc: SkillContext) => Promise<SkillResult>

/** Builds a result that asks the customer for `slot` and remembers the question for later re-asking. */
export function ask(sc: SkillContext, slot: string, reply: Reply, reason: string): SkillResult {
  sc.state.awaiting = slot
  sc.state.prompt = reply.text
  return { replies: [reply], action: slot === 'confirm' ? 'confirm' : 'ask_slot', reason, done: false }
}

/** A finished skill turn. */
export function done(
  sc: SkillContext,
  replies: Reply[],
  action: TurnAction,
  reason: string,
  extra: Partial<SkillResult> = {},
): SkillResult {
  sc.state.awaiting = null
  sc.state.prompt = null
  return { replies, action, reason, done: true, ...extra }
}
