/**
 * A short turn that carries on the task on the table: "对 全部" after "which of your orders?", "好 今天就申请"
 * after the replacement rule, "那我凑到99以上呢" after a shipping fee, "ok so I just wait?" after a payment
 * answer. Read alone the classifier files these under greeting or out of scope (an acknowledgement opens
 * them) or is unsure; in the conversation they belong to the task in progress. The understanding stage
 * decides the form (`cues.continuesThread`: a lead, then something of its own, no small talk); this module
 * decides that the active task takes the turn.
 */
import type { Intent } from '../nlu/types.js'
import type { SkillContext } from '../skills/skill-types.js'

/** Topics that are not tasks to carry on. */
const NOT_TASKS: ReadonlySet<string> = new Set(['greeting', 'out_of_scope', 'human_agent'])
/** Classifier readings a continuation is misfiled under. */
const MISREAD: ReadonlySet<Intent> = new Set<Intent>(['greeting', 'out_of_scope'])

/** The task this turn carries on, or null when it is a new topic (or small talk). */
export function threadIntent(sc: SkillContext): string | null {
  const active = sc.state.activeIntent
  if (!active || NOT_TASKS.has(active) || !sc.cues.continuesThread) return null
  const nlu = sc.ctx.nlu
  // A safety symptom, or a shop-policy question of its own ("那要是丢了怎么办"), is not the task's next step.
  if (sc.ctx.nlu.cues?.safety || sc.cues.asksShippingPolicy) return null
  const unsure = MISREAD.has(nlu.intent) || nlu.confidence < sc.policy.intentThreshold
  return unsure ? active : null
}
