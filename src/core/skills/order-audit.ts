/** Writes an order change and its audit event in one transaction: both or neither. */
import type { Order } from '../domain/schemas.js'
import type { SkillContext } from './skill-types.js'

/**
 * Applies `patch` to the order and appends an audit event (`type`) naming who changed what. When the
 * system of record returned the order as it now holds it (`platformOrder`), that whole order is
 * written to kefu's mirror instead of the patch.
 */
export async function writeOrderChange(
  sc: SkillContext,
  order: Order,
  patch: Partial<Pick<Order, 'status' | 'address'>>,
  type: string,
  data: Record<string, unknown>,
  platformOrder?: Order,
): Promise<void> {
  const { ctx } = sc
  await ctx.store.transaction(async (tx) => {
    if (platformOrder && platformOrder.orderNo === order.orderNo)
      await tx.orders.upsertMany(ctx.shop.id, [platformOrder])
    else await tx.orders.update(ctx.shop.id, order.orderNo, patch)
    await tx.events.append({
      id: ctx.newId('evt'),
      shopId: ctx.shop.id,
      type,
      conversationId: ctx.conversation.id,
      data: {
        orderNo: order.orderNo,
        by: sc.customer?.id ?? ctx.customer?.id ?? null,
        channel: 'bot',
        ...data,
      },
      createdAt: ctx.now.toISOString(),
    })
  })
}
