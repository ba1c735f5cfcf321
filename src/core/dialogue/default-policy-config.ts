/** Per-shop dialogue policy: defaults plus the merge with `shop.settings.policy`. */
import type { Shop } from '../domain/records.js'
import type { PolicyConfig } from './types.js'

/** Policy knobs beyond the contract's three; all optional in shop settings. */
export type DialoguePolicy = PolicyConfig & {
  /** Knowledge answers below this NLU confidence still answer when retrieval is sure. */
  knowledgeFirstIntents: string[]
  /** An explicit `human_agent` intent hands off (a shop may turn this off outside office hours). */
  handoffOnRequest: boolean
  /** Anonymous visitors must verify (order number + last 4 phone digits) before order details. */
  requireVerification: boolean
  /** Failed verifications of one order number (any conversation) before only an agent can verify it. */
  verificationMaxFailuresPerOrder: number
  /** Failed verifications from one client (any order, any conversation) before it is refused. */
  verificationMaxFailuresPerClient: number
  /** The window the failures above are counted in. */
  verificationWindowMinutes: number
  /** A visitor's verification older than this must be repeated before a write on the order. */
  verifiedWriteMaxAgeMinutes: number
}

/** The defaults every shop starts from. */
export const DEFAULT_POLICY: DialoguePolicy = {
  intentThreshold: 0.5,
  emotionHandoffThreshold: 0.7,
  maxFailedTurns: 3,
  knowledgeFirstIntents: ['product_inquiry', 'price_promotion', 'recommendation', 'invoice_payment', 'complaint'],
  handoffOnRequest: true,
  requireVerification: true,
  verificationMaxFailuresPerOrder: 5,
  verificationMaxFailuresPerClient: 20,
  verificationWindowMinutes: 60,
  verifiedWriteMaxAgeMinutes: 15,
}

function pickNumber(v: unknown, min: number, max: number): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : undefined
}

/**
 * Merges policy layers, later ones winning: defaults, then `override` (e.g. the caller's
 * `PolicyConfig`), then `shop.settings.policy`. Invalid values in settings are ignored so a typo in a
 * shop's settings cannot switch handoff off by accident.
 */
export function resolvePolicy(
  shop: Shop | null,
  ...overrides: Array<Partial<PolicyConfig> | undefined>
): DialoguePolicy {
  const out: DialoguePolicy = { ...DEFAULT_POLICY }
  const layers: Array<Record<string, unknown>> = [...overrides.filter((o) => o !== undefined)]
  const fromShop = shop?.settings?.policy
  if (fromShop && typeof fromShop === 'object') layers.push(fromShop as Record<string, unknown>)
  for (const layer of layers) {
    const t = pickNumber(layer.intentThreshold, 0, 1)
    if (t !== undefined) out.intentThreshold = t
    const e = pickNumber(layer.emotionHandoffThreshold, 0, 1)
    if (e !== undefined) out.emotionHandoffThreshold = e
    const m = pickNumber(layer.maxFailedTurns, 1, 100)
    if (m !== undefined) out.maxFailedTurns = Math.floor(m)
    if (Array.isArray(layer.knowledgeFirstIntents))
      out.knowledgeFirstIntents = layer.knowledgeFirstIntents.filter((x): x is string => typeof x === 'string')
    if (typeof layer.handoffOnRequest === 'boolean') out.handoffOnRequest = layer.handoffOnRequest
    if (typeof layer.requireVerification === 'boolean') out.requireVerification = layer.requireVerification
    for (const k of [
      'verificationMaxFailuresPerOrder',
      'verificationMaxFailuresPerClient',
      'verificationWindowMinutes',
      'verifiedWriteMaxAgeMinutes',
    ] as const) {
      const v = pickNumber(layer[k], 1, 100_000)
      if (v !== undefined) out[k] = Math.floor(v)
    }
  }
  return out
}
