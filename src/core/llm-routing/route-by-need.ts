/**
 * Routing by need: per turn, does kefu's offline answer suffice, or does the question need the model?
 * A comparison, advice for a person or purpose, a "why", an opinion on a product (whose offline answer
 * would only restate its price card) or several questions in one message go to the model when one is
 * configured and the intent is an information question; lookups ("多少钱", "有货吗") and actions
 * (orders, returns, address changes, sizes, faults) stay offline: fast, free and exact. The decision
 * and its reason are recorded (`llm.routed`) and the answered turn's `reason` names the need.
 */

import type { QuestionNeed, QuestionNeeds } from '../nlu/detect-question-needs.js'
import type { Intent } from '../nlu/types.js'
import type { LlmSettings } from './llm-settings.js'

/** Information intents: the ones whose answer is words, not an action on the customer's data. */
const INFORMATION_INTENTS = new Set<Intent>([
  'product_inquiry',
  'price_promotion',
  'stock_availability',
  'recommendation',
  'invoice_payment',
  'out_of_scope',
])

export type OfflineReason =
  | 'no_provider'
  | 'disabled'
  | 'no_need'
  | 'action_intent'
  | 'awaiting_answer'
  | 'out_of_scope'

export type NeedRoute =
  | { route: 'model'; needs: QuestionNeed[]; reason: `need:${string}` }
  | { route: 'offline'; needs: QuestionNeed[]; reason: OfflineReason }

export type RouteInput = {
  intent: Intent
  confidence: number
  needs: QuestionNeeds
  llmConfigured: boolean
  settings: LlmSettings
  /** The slot a running task waits for; the customer's answer to it is not a question for the model. */
  awaiting: string | null
}

/**
 * Decides the route of one turn.
 *
 * @example
 * routeByNeed({ intent: 'recommendation', confidence: 0.9, needs: detectQuestionNeeds(text),
 *               llmConfigured: true, settings, awaiting: null })
 * // { route: 'model', needs: ['comparison', 'advice'], reason: 'need:comparison+advice' }
 */
export function routeByNeed(input: RouteInput): NeedRoute {
  const needs = input.needs.needs
  if (!input.llmConfigured) return { route: 'offline', needs, reason: 'no_provider' }
  if (!input.settings.enabled) return { route: 'offline', needs, reason: 'disabled' }
  if (needs.length === 0) return { route: 'offline', needs, reason: 'no_need' }
  if (input.awaiting) return { route: 'offline', needs, reason: 'awaiting_answer' }
  if (!INFORMATION_INTENTS.has(input.intent)) return { route: 'offline', needs, reason: 'action_intent' }
  if (input.intent === 'out_of_scope' && input.confidence >= input.settings.outOfScopeConfidence)
    return { route: 'offline', needs, reason: 'out_of_scope' }
  return { route: 'model', needs, reason: `need:${needs.join('+')}` }
}
