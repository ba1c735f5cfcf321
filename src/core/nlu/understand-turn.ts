/**
 * The understanding stage of one turn: the classifier's result plus everything the dialogue needs to
 * know about the message — the intent it acts on and where that came from, conversational signals
 * (yes/no, corrections, "the second one"), slot values, return facts and conversational cues. The
 * dialogue manager calls it once per turn; dialogue and skills read only this typed result, never the
 * customer's words (test/architecture/customer-text-patterns.test.ts enforces it).
 */
import { actionCue, angerCue } from './detect-intent-cues.js'
import { ruleIntent } from './detect-intent-rules.js'
import { detectReturnFacts, type ReturnFacts } from './detect-return-facts.js'
import { detectSignals, type Signals } from './detect-signals.js'
import { detectTurnCues, type TurnCues } from './detect-turn-cues.js'
import { type ExtractedSlots, extractSlots } from './extract-slots.js'
import type { Intent, NluResult } from './types.js'

/** Where the intent the dialogue acts on came from, before the dialogue's own context routing. */
export type IntentSource = 'classifier' | 'rule'

export type Understanding = {
  /** The NLU result the dialogue acts on: the final intent (a rule may override the classifier) and emotion. */
  nlu: NluResult
  /** What the classifier said, kept apart from the intent acted on. */
  classifier: { intent: Intent; confidence: number }
  intentSource: IntentSource
  signals: Signals
  returnFacts: ReturnFacts
  slots: ExtractedSlots
  cues: TurnCues
}

/**
 * Understands one message. `awaiting` is what the bot asked for last (it widens what a bare value
 * means: "1234" is the phone's last four digits when the bot asked for them).
 */
export function understandTurn(text: string, nlu: NluResult, opts: { awaiting: string | null }): Understanding {
  let final = nlu
  // Safety net: shouting plus a threat counts as anger even when the emotion model misses it.
  const anger = angerCue(text)
  if (anger > final.emotion.score) final = { ...final, emotion: { score: anger, label: 'angry' } }
  const cue = ruleIntent(text, final.intent) ?? actionCue(text, final)
  if (cue) final = { ...final, intent: cue as Intent, confidence: Math.max(final.confidence, 0.6) }
  return {
    nlu: final,
    classifier: { intent: nlu.intent, confidence: nlu.confidence },
    intentSource: cue ? 'rule' : 'classifier',
    signals: detectSignals(text),
    returnFacts: detectReturnFacts(text),
    slots: extractSlots(text, final, opts.awaiting),
    cues: detectTurnCues(text),
  }
}
