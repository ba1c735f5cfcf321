/**
 * "咖啡机给我重新发一台", "I still want it, can you send another one?": shipping an order again is
 * arranged by staff (they check the carrier's findings, then reship or refund under the shop's
 * lost / damaged-parcel policy), so the bot names the order and hands the conversation over.
 */
import type { Order } from '../domain/schemas.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'

/** Hands a reship request for `order` to an agent, saying what happens next. */
export function reshipRequest(sc: SkillContext, order: Order, customerId?: string): SkillResult {
  const text = say(
    sc.locale,
    `收到，您希望订单 ${order.orderNo} 重新发货。补发需要客服先和快递核实包裹情况再安排（运输中丢失或损坏的，我们会免费补发或全额退款）。我已为您转接人工客服处理，请稍候。`,
    `Understood: you'd like order ${order.orderNo} sent again. A reship is arranged by our staff once they've checked the parcel with the carrier (a parcel lost or damaged in transit is reshipped free or fully refunded). I've passed you to a human agent to arrange it; please hold on.`,
  )
  return {
    ...done(sc, [{ text }], 'handoff', 'reship_request_to_agent', customerId ? { customerId } : {}),
    handoff: true,
  }
}
