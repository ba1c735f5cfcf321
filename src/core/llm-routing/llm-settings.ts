/**
 * Per-shop LLM switch and budget, read from `shop.settings.llm`. The provider is configured per
 * deployment (KEFU_LLM_*); a shop can turn it off, cap it, or pick its own model and key.
 */
import type { Shop } from '../domain/records.js'

export type LlmSettings = {
  /** Default true when the deployment has a provider; `false` keeps this shop LLM-free. */
  enabled: boolean
  /** Model calls allowed per conversation (cost control); later questions fall back. Default 10. */
  maxCallsPerConversation: number
  /** An `out_of_scope` verdict at or above this confidence is not sent to the model. Default 0.8. */
  outOfScopeConfidence: number
  /** Tokens the model may generate per answer. Default 400. */
  maxTokens: number
  /** Sampling temperature; low, the model should restate facts. Default 0.2. */
  temperature: number
  /** This shop's model instead of the deployment's (same provider). */
  model?: string
  /** Name of this shop's API key (the server reads KEFU_LLM_KEY_<NAME>); never the key itself. */
  apiKeyRef?: string
  /** Price per million tokens by model id; a model without a price costs 0 (tokens are still counted). */
  prices: Record<string, { input: number; output: number }>
  /** Label of the prices' currency. Default CNY. */
  currency: string
  /** Spend per UTC calendar month after which the shop is offline-only; absent = no budget. */
  monthlyBudget?: number
  /** Offer kefu's read-only skills as tools (turn off for models without function calling). Default true. */
  tools: boolean
  /** Let the model pick the intent of a message the classifier is unsure about. Default true. */
  classify: boolean
  /** Longest wait for that label before the clarify path. Default 4000 ms. */
  classifyTimeoutMs: number
  /** true: the shop's chat model sees pictures; false: never send pictures; absent: KEFU_LLM_VISION_MODEL. */
  vision?: boolean
}

export const DEFAULT_LLM_SETTINGS: LlmSettings = {
  enabled: true,
  maxCallsPerConversation: 10,
  outOfScopeConfidence: 0.8,
  maxTokens: 400,
  temperature: 0.2,
  prices: {},
  currency: 'CNY',
  tools: true,
  classify: true,
  classifyTimeoutMs: 4_000,
}

const num = (v: unknown, min: number, max: number): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : undefined

/**
 * The shop's LLM settings; unknown or out-of-range values fall back to the defaults.
 *
 * @example
 * // shop.settings = { llm: { enabled: true, maxCallsPerConversation: 3 } }
 * llmSettings(shop).maxCallsPerConversation // 3
 */
export function llmSettings(shop: Shop): LlmSettings {
  const raw = shop.settings.llm
  if (raw === false) return { ...DEFAULT_LLM_SETTINGS, enabled: false }
  const s = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULT_LLM_SETTINGS.enabled,
    maxCallsPerConversation:
      num(s.maxCallsPerConversation, 0, 10_000) !== undefined
        ? Math.floor(s.maxCallsPerConversation as number)
        : DEFAULT_LLM_SETTINGS.maxCallsPerConversation,
    outOfScopeConfidence: num(s.outOfScopeConfidence, 0, 1) ?? DEFAULT_LLM_SETTINGS.outOfScopeConfidence,
    maxTokens: num(s.maxTokens, 16, 8192) ?? DEFAULT_LLM_SETTINGS.maxTokens,
    temperature: num(s.temperature, 0, 2) ?? DEFAULT_LLM_SETTINGS.temperature,
    ...(typeof s.model === 'string' && s.model.trim() ? { model: s.model.trim() } : {}),
    ...(typeof s.apiKeyRef === 'string' && /^[A-Z0-9_]{1,64}$/.test(s.apiKeyRef) ? { apiKeyRef: s.apiKeyRef } : {}),
    prices: prices(s.prices),
    tools: typeof s.tools === 'boolean' ? s.tools : DEFAULT_LLM_SETTINGS.tools,
    classify: typeof s.classify === 'boolean' ? s.classify : DEFAULT_LLM_SETTINGS.classify,
    classifyTimeoutMs: num(s.classifyTimeoutMs, 100, 60_000) ?? DEFAULT_LLM_SETTINGS.classifyTimeoutMs,
    ...(typeof s.vision === 'boolean' ? { vision: s.vision } : {}),
    currency: typeof s.currency === 'string' && s.currency ? s.currency : DEFAULT_LLM_SETTINGS.currency,
    ...(num(s.monthlyBudget, 0, 1e9) !== undefined ? { monthlyBudget: s.monthlyBudget as number } : {}),
  }
}

function prices(v: unknown): LlmSettings['prices'] {
  if (typeof v !== 'object' || v === null) return {}
  const out: LlmSettings['prices'] = {}
  for (const [model, p] of Object.entries(v as Record<string, unknown>)) {
    const q = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>
    const input = num(q.input, 0, 1e6)
    const output = num(q.output, 0, 1e6)
    if (input !== undefined && output !== undefined) out[model] = { input, output }
  }
  return out
}
