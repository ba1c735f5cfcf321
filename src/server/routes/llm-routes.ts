/**
 * The shop's LLM usage for its admin: month-to-date calls, tokens and cost (from `llm.usage` events,
 * priced with `settings.llm.prices`), the monthly budget and whether it is spent (the shop is then
 * offline-only until the month turns), and the provider circuit's state.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Shop } from '../../core/domain/records.js'
import type { CircuitState } from '../../core/llm-routing/circuit-breaker.js'
import { llmSettings } from '../../core/llm-routing/llm-settings.js'
import { monthStart, monthToDate } from '../../core/llm-routing/llm-usage.js'
import type { Store } from '../../core/ports/store.js'

export type LlmRouteDeps = {
  store: Store
  authShop: (req: FastifyRequest) => Promise<Shop>
  now: () => Date
  /** Absent when no LLM is configured. */
  circuit: (() => CircuitState) | undefined
}

export function registerLlmRoutes(app: FastifyInstance, deps: LlmRouteDeps): void {
  app.get('/api/v1/admin/llm/usage', async (req) => {
    const shop = await deps.authShop(req)
    const now = deps.now()
    const settings = llmSettings(shop)
    const totals = await monthToDate(deps.store.events, shop.id, now)
    const budget = settings.monthlyBudget ?? null
    return {
      month: monthStart(now).slice(0, 7),
      configured: deps.circuit !== undefined,
      enabled: settings.enabled,
      ...totals,
      currency: settings.currency,
      budget,
      exhausted: budget !== null && totals.cost >= budget,
      circuit: deps.circuit ? deps.circuit() : null,
    }
  })
}

export const llmOpenApi: Record<string, unknown> = {
  '/api/v1/admin/llm/usage': {
    get: {
      summary: "This month's LLM calls, tokens, cost, budget and circuit state (shop API key)",
      security: [{ shopApiKey: [] }],
      responses: {
        '200': {
          description:
            '{month, configured, enabled, calls, promptTokens, completionTokens, cost, currency, budget, exhausted, circuit}',
        },
        '401': { description: 'bad key' },
      },
    },
  },
}
