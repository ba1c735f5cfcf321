/** The one place a customer's cancel reaches the shop's system of record and kefu's own record. */
import type { Order } from '../domain/schemas.js'
import { actOnOrder, commerceOf, platformFailure } from './commerce-action.js'
import { writeOrderChange } from './order-audit.js'
import type { SkillContext, SkillResult } from './skill-types.js'

/**
 * Cancels one order on the shop's system of record, then records it (status, event, refund amount):
 * null when done, else the platform's failure as the turn's result. Used by one and several cancels.
 */
export async function cancelOnPlatform(
  sc: SkillContext,
  fresh: Order,
  extra?: Parameters<typeof platformFailure>[4]['extra'],
): Promise<SkillResult | null> {
  const wasPaid = fresh.status === 'paid'
  const reason = 'customer_request'
  const result = await actOnOrder(sc, (c) => c.cancelOrder(fresh, { reason }))
  if (!result.ok) return platformFailure(sc, fresh, 'cancel', result, { requested: { reason, refund: wasPaid }, extra })
  await writeOrderChange(
    sc,
    fresh,
    { status: wasPaid ? 'refunding' : 'cancelled' },
    'order.cancelled',
    { previousStatus: fresh.status, refundAmount: wasPaid ? fresh.total : 0, platform: commerceOf(sc).platform },
    result.order,
  )
  return null
}
