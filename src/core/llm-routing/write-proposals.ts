/**
 * Writes the model may propose but never performs: cancel an order, change its delivery address,
 * request a return. A call to one of these tools does not touch the order: it becomes a proposal that
 * the dialogue turns into its own confirmation step (the skill's question with yes/no buttons, in the
 * customer's language), and only the customer's "yes" runs the skill, through the same verification
 * and ownership rules as a request the customer typed. A signed-in or verified customer's proposal
 * for an order that is not theirs answers `not_found`, exactly like a number that does not exist.
 */
import { z } from 'zod'
import type { TurnContext } from '../dialogue/types.js'
import type { Customer } from '../domain/schemas.js'

export const WRITE_SCHEMAS = {
  cancel_order: z.object({ orderNo: z.string().trim().min(4).max(40) }).strict(),
  change_address: z
    .object({ orderNo: z.string().trim().min(4).max(40), address: z.string().trim().min(6).max(200) })
    .strict(),
  request_return: z
    .object({ orderNo: z.string().trim().min(4).max(40), reason: z.string().trim().max(200).optional() })
    .strict(),
}
export type WriteToolName = keyof typeof WRITE_SCHEMAS

export const WRITE_DESCRIPTIONS: Record<WriteToolName, string> = {
  cancel_order:
    "Propose cancelling one of the current customer's orders. Does NOT cancel: the customer is asked to confirm first. Call it only when the customer asks for a cancellation.",
  change_address:
    "Propose a new delivery address for one of the current customer's orders. Does NOT change it: the customer is asked to confirm first.",
  request_return:
    "Propose a return request for one of the current customer's orders. Does NOT submit it: the customer is asked to confirm first.",
}

/** The intent whose skill carries out each write (its own confirmation step included). */
const INTENT_OF: Record<WriteToolName, 'cancel_order' | 'modify_order' | 'return_refund'> = {
  cancel_order: 'cancel_order',
  change_address: 'modify_order',
  request_return: 'return_refund',
}

/** A write the model proposed, waiting to be put to the customer. Stored as `state.pendingAction`. */
export type WriteProposal = {
  source: 'llm'
  tool: WriteToolName
  intent: 'cancel_order' | 'modify_order' | 'return_refund'
  orderNo: string
  address?: string
  reason?: string
}

export const isWriteTool = (name: string): name is WriteToolName => name in WRITE_SCHEMAS

/**
 * Checks one proposal: the order must exist and, for a known customer, be theirs. An anonymous
 * visitor's proposal goes on to the skill, which asks them to verify before anything else.
 *
 * @example
 * const p = await proposeWrite(ctx, customer, 'cancel_order', { orderNo: 'KF1' })
 * if (typeof p === 'string') toolError(p) // 'not_found'
 */
export async function proposeWrite(
  ctx: TurnContext,
  customer: Customer | null,
  name: WriteToolName,
  args: unknown,
): Promise<WriteProposal | 'not_found'> {
  const parsed = WRITE_SCHEMAS[name].parse(args) as { orderNo: string; address?: string; reason?: string }
  const orderNo = parsed.orderNo.replace(/\s+/g, '').toUpperCase()
  const order = await ctx.store.orders.get(ctx.shop.id, orderNo)
  if (!order || (customer && order.customerId !== customer.id)) return 'not_found'
  return {
    source: 'llm',
    tool: name,
    intent: INTENT_OF[name],
    orderNo,
    ...(parsed.address ? { address: parsed.address } : {}),
    ...(parsed.reason ? { reason: parsed.reason } : {}),
  }
}
