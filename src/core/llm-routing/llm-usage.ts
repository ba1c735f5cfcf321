/**
 * Tokens and cost of model calls. Every call that reports usage leaves an `llm.usage` event (with the
 * conversation, in the turn's transaction): model, tokens, cost from the shop's price table
 * (`settings.llm.prices`, per million tokens). A shop's month-to-date spend is the sum of those events
 * since the start of the UTC month on the injected clock; at `settings.llm.monthlyBudget` the shop
 * answers offline only, and one `llm.budget_exhausted` event per month tells the admin.
 */

import type { TokenUsage } from '../ports/language-model.js'
import type { Store } from '../ports/store.js'
import type { LlmSettings } from './llm-settings.js'

export const LLM_USAGE_EVENT = 'llm.usage'
export const LLM_BUDGET_EXHAUSTED_EVENT = 'llm.budget_exhausted'

export type UsageTotals = { calls: number; promptTokens: number; completionTokens: number; cost: number }

/** Cost of one call: the first of `modelIds` with a price (the answering model, then the configured one). */
export function costOf(usage: TokenUsage | undefined, settings: LlmSettings, modelIds: string[]): number {
  if (!usage) return 0
  const price = modelIds.map((m) => settings.prices[m]).find((p) => p !== undefined)
  if (!price) return 0
  return round((usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000)
}

/** The first instant of `now`'s UTC month, as an ISO string. */
export function monthStart(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString()
}

/**
 * A shop's model usage since the start of the current month.
 *
 * @example
 * const { cost } = await monthToDate(store.events, shop.id, ctx.now)
 */
export async function monthToDate(
  events: Pick<Store['events'], 'list'>,
  shopId: string,
  now: Date,
): Promise<UsageTotals> {
  const since = monthStart(now)
  const totals: UsageTotals = { calls: 0, promptTokens: 0, completionTokens: 0, cost: 0 }
  const limit = 5_000
  for (let offset = 0; ; offset += limit) {
    const page = await events.list(shopId, { type: LLM_USAGE_EVENT, since, limit, offset })
    for (const e of page) {
      totals.calls++
      totals.promptTokens += numberOr0(e.data.promptTokens)
      totals.completionTokens += numberOr0(e.data.completionTokens)
      totals.cost += numberOr0(e.data.cost)
    }
    if (page.length < limit) break
  }
  totals.cost = round(totals.cost)
  return totals
}

/** Whether the admin was already told this month that the budget is spent. */
export async function budgetExhaustedToldThisMonth(
  events: Pick<Store['events'], 'list'>,
  shopId: string,
  now: Date,
): Promise<boolean> {
  const told = await events.list(shopId, { type: LLM_BUDGET_EXHAUSTED_EVENT, since: monthStart(now), limit: 1 })
  return told.length > 0
}

const numberOr0 = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0)
const round = (x: number) => Math.round(x * 1e6) / 1e6
