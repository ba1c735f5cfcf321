/**
 * How a skill acts on an order through the commerce port: call the shop's system of record first,
 * and only when it accepted write kefu's mirror and confirm. A refusal or an unreachable platform is
 * told to the customer honestly (nothing claimed), and becomes a ticket carrying the platform's
 * detail so an agent follows up.
 */

import { embeddedCommerce } from '../commerce/embedded-commerce.js'
import { noTask } from '../dialogue/task-state.js'
import type { Order } from '../domain/schemas.js'
import type { CommerceActionKind, CommerceActionResult, CommerceActions } from '../ports/commerce.js'
import { knownCustomerId } from './resolve-order.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'
import { ticketsOf } from './tickets-of.js'

/** The shop's commerce actions for this turn (embedded when the turn carries none). */
export function commerceOf(sc: SkillContext): CommerceActions {
  return sc.ctx.commerce ?? embeddedCommerce
}

/** Runs one action on the system of record; a thrown error (a broken adapter) counts as unavailable. */
export async function actOnOrder(
  sc: SkillContext,
  call: (c: CommerceActions) => Promise<CommerceActionResult>,
): Promise<CommerceActionResult> {
  try {
    return await call(commerceOf(sc))
  } catch (e) {
    return { ok: false, kind: 'unavailable', detail: e instanceof Error ? e.message.slice(0, 300) : 'unknown error' }
  }
}

const WHAT: Record<CommerceActionKind, [string, string]> = {
  cancel: ['取消', 'cancellation'],
  address: ['收货信息修改', 'delivery change'],
  return: ['退换申请', 'return request'],
}

/**
 * The honest answer to a refused or failed action, plus the ticket an agent follows up on. The
 * platform's own text goes into the ticket and the event, never into the customer's reply.
 */
export async function platformFailure(
  sc: SkillContext,
  order: Order,
  action: CommerceActionKind,
  result: Extract<CommerceActionResult, { ok: false }>,
  opts: { requested: Record<string, unknown>; extra?: Partial<SkillResult> },
): Promise<SkillResult> {
  const L = sc.locale
  const platform = commerceOf(sc).platform
  const no = order.orderNo
  const [zhWhat, enWhat] = WHAT[action]
  const tickets = ticketsOf(sc)
  const ticket = await tickets.create(sc.ctx.shop, {
    conversationId: sc.ctx.conversation.id,
    customerId: knownCustomerId(sc) ?? null,
    category: 'order_action',
    priority: 'high',
    subject: `${result.kind === 'refused' ? 'Refused' : 'Failed'} ${enWhat}: order ${no} (${platform})`,
    data: {
      orderNo: no,
      action,
      platform,
      result: result.kind,
      detail: result.detail.slice(0, 2000),
      requested: opts.requested,
      locale: L,
    },
  })
  const text =
    result.kind === 'refused'
      ? say(
          L,
          `抱歉，店铺的订单系统没有接受订单 ${no} 的${zhWhat}，订单目前保持不变。我已为您创建工单 ${ticket.id}，客服会尽快跟进处理。`,
          `Sorry, the shop's order system did not accept the ${enWhat} for order ${no}, so nothing has changed yet. I've opened ticket ${ticket.id} and an agent will follow up with you.`,
        )
      : say(
          L,
          `抱歉，店铺的订单系统暂时无法连接，订单 ${no} 的${zhWhat}还没有完成。我已为您创建工单 ${ticket.id}，客服会尽快跟进处理。`,
          `Sorry, the shop's order system can't be reached right now, so the ${enWhat} for order ${no} has not gone through. I've opened ticket ${ticket.id} and an agent will follow up with you.`,
        )
  sc.state.task = noTask()
  return done(sc, [{ text }], 'answer', `${action}_${result.kind}_by_platform`, {
    ...opts.extra,
    ticket: { id: ticket.id, queue: ticket.queue, priority: ticket.priority },
    events: [
      {
        type: 'commerce.action_failed',
        data: { orderNo: no, action, platform, result: result.kind, ticketId: ticket.id },
      },
    ],
  })
}
