/**
 * Brute-force protection for anonymous order verification (order number + last 4 phone digits).
 * Failures are stored as `verification.failed` events (shared by every instance through the store)
 * and counted per order number and per client across conversations: after too many failures in the
 * window the order can only be verified through an agent, whatever digits come next. The count is
 * kept by the order number *as typed*, so an order that does not exist locks exactly like one that
 * does — the replies never tell them apart.
 *
 * A visitor's verification also ages: a write on the order (address, phone, cancel, return) needs
 * a verification younger than `verifiedWriteMaxAgeMinutes`, else it is asked again.
 */
import type { DialoguePolicy } from '../dialogue/default-policy-config.js'
import { upperNoSpaceKey } from '../text/match-keys.js'
import type { SkillContext } from './skill-types.js'

export const VERIFICATION_FAILED = 'verification.failed'

/** Why verification is refused before the digits are even compared. */
export type VerificationBlock = 'order' | 'client' | null

/** Order numbers compare case- and space-insensitively ("so2025 001" = "SO2025001"). */
export function orderKey(orderNo: string): string {
  return upperNoSpaceKey(orderNo)
}

function windowStart(sc: SkillContext, policy: DialoguePolicy): string {
  return new Date(sc.ctx.now.getTime() - policy.verificationWindowMinutes * 60_000).toISOString()
}

/**
 * Whether this order number or this client has failed too often in the window.
 *
 * @example
 * if (await verificationBlocked(sc, 'SO1')) return lockedReply(sc)
 */
export async function verificationBlocked(sc: SkillContext, orderNo: string): Promise<VerificationBlock> {
  const p = sc.policy
  const recent = await sc.ctx.store.events.list(sc.ctx.shop.id, {
    type: VERIFICATION_FAILED,
    since: windowStart(sc, p),
    limit: 10_000,
  })
  const key = orderKey(orderNo)
  let forOrder = 0
  let forClient = 0
  for (const e of recent) {
    if (e.data.order === key) forOrder++
    if (sc.ctx.client && e.data.client === sc.ctx.client) forClient++
  }
  if (forOrder >= p.verificationMaxFailuresPerOrder) return 'order'
  if (sc.ctx.client && forClient >= p.verificationMaxFailuresPerClient) return 'client'
  return null
}

/** The event recording one failed attempt (stored with the turn). */
export function verificationFailedEvent(
  sc: SkillContext,
  orderNo: string,
  blocked: VerificationBlock,
): { type: string; data: Record<string, unknown> } {
  return {
    type: VERIFICATION_FAILED,
    data: { order: orderKey(orderNo), ...(sc.ctx.client ? { client: sc.ctx.client } : {}), blocked },
  }
}

/**
 * True when the conversation may write to orders as its customer: a signed-in customer always; a
 * verified visitor only while the verification is younger than the policy's limit.
 */
export function verificationFreshForWrite(sc: SkillContext): boolean {
  // A verified visitor's conversation carries the customer id afterwards; the state remembers how.
  if (!sc.state.verifiedCustomerId) return true
  const at = typeof sc.state.verifiedAt === 'string' ? Date.parse(sc.state.verifiedAt) : Number.NaN
  if (Number.isNaN(at)) return false
  return sc.ctx.now.getTime() - at <= sc.policy.verifiedWriteMaxAgeMinutes * 60_000
}
