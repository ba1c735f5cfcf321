/**
 * A complaint: answered, never met with a menu of FAQ titles. The shop's FAQ answers when it clearly
 * fits; a complaint naming something the customer ordered ("七千多的手机在青岛卡了四天了") gets that
 * order's status under the apology; a complaint about the courier ("he threw my parcel on the floor") is
 * logged as a logistics ticket with the parcel's order; otherwise it is acknowledged and the customer
 * asked what happened.
 */

import { knowledgeSkill } from './knowledge-answer.js'
import { orderStatusSkill } from './order-status.js'
import { knownCustomerId, orderOfMentionedItem } from './resolve-order.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'
import { ticketsOf } from './tickets-of.js'

/** The parcel a courier complaint is about: the customer's one order on its way, else the one delivered last. */
async function parcelOrder(sc: SkillContext) {
  const custId = knownCustomerId(sc)
  if (!custId) return null
  const slot = sc.state.slots.order
  const mine = await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId)
  const inSlot = typeof slot === 'string' ? mine.find((o) => o.orderNo === slot && o.shipment) : undefined
  if (inSlot) return inSlot
  const shipped = mine.filter((o) => o.status === 'shipped')
  if (shipped.length === 1) return shipped[0]!
  const delivered = mine
    .filter((o) => o.deliveredAt && o.status === 'delivered')
    .sort((a, b) => (b.deliveredAt ?? '').localeCompare(a.deliveredAt ?? ''))
  return shipped.length === 0 ? (delivered[0] ?? null) : null
}

/** The complaint skill. */
export async function complaintSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const sorry = say(L, '非常抱歉给您带来不愉快的体验。', "I'm sorry about your experience. ")
  if (sc.cues.courierComplaint) {
    const order = await parcelOrder(sc)
    const ticket = await ticketsOf(sc).create(sc.ctx.shop, {
      conversationId: sc.ctx.conversation.id,
      customerId: order?.customerId ?? knownCustomerId(sc) ?? null,
      category: 'logistics',
      priority: 'high',
      subject: `${say(L, '投诉快递员', 'Complaint about the courier')}${order ? `: ${order.orderNo}` : ''}`,
      data: { orderNo: order?.orderNo ?? null, carrier: order?.shipment?.carrier ?? null, locale: L },
    })
    if (order) sc.state.slots.order = order.orderNo
    const carrier = order?.shipment?.carrier
    const text = say(
      L,
      `非常抱歉，快递员这样对待您和您的包裹是不应该的。我已登记投诉（工单 ${ticket.id}${order ? `，订单 ${order.orderNo}${carrier ? `，${carrier}` : ''}` : ''}），我们会向快递公司反馈并跟进处理结果。如果包裹里的商品有损坏，请拍照发给我们，可以为您补发或退款。`,
      `I'm very sorry: the courier should never treat you or your parcel like that. I've logged your complaint (ticket ${ticket.id}${order ? `, order ${order.orderNo}${carrier ? `, ${carrier}` : ''}` : ''}); we'll take it up with the carrier and follow up with you. If anything inside was damaged, send us photos and we'll reship or refund it.`,
    )
    return done(sc, [{ text }], 'execute', 'complaint_courier_ticket_created', {
      ticket: { id: ticket.id, queue: ticket.queue, priority: ticket.priority },
    })
  }
  // "七千多的手机在青岛卡了四天了 你们就这么对客户？": the order of the item named, with its status.
  // An order still on its way is what a complaint is usually about; a refunded one is done with.
  const named = await orderOfMentionedItem(sc, (o) => o.status === 'shipped')
  if (named) {
    const r = await orderStatusSkill(sc)
    if (r.action !== 'ask_slot' && r.action !== 'clarify') {
      const [first, ...rest] = r.replies
      return first ? { ...r, replies: [{ ...first, text: sorry + first.text }, ...rest] } : r
    }
  }
  const kb = await knowledgeSkill(sc, sorry)
  if (kb.action === 'answer' || kb.action === 'fallback') return kb
  // No entry clearly fits: acknowledge, instead of a menu of FAQ titles — pushing back on what was just
  // said about the order in context ("就超了一天 通融一下呗") gets where the customer can go from here.
  const no = sc.state.slots.order
  if (typeof no === 'string')
    return done(
      sc,
      [
        {
          text: say(
            L,
            `非常抱歉让您失望了。订单 ${no} 的结果是按店铺规则给出的，我这边没有办法更改；如果商品有质量问题，仍可按质量问题为您处理，您也可以说“转人工”，请客服再帮您看一下。`,
            `I'm sorry to disappoint you. The answer on order ${no} follows the shop's rules and I can't change it myself; if the item has a quality problem it can still be handled as one, or say "human" and an agent will take another look.`,
          ),
        },
      ],
      'answer',
      'complaint_pushback_acknowledged',
    )
  // No entry clearly fits: acknowledge and ask what happened, instead of a menu of FAQ titles.
  return done(
    sc,
    [
      {
        text: say(
          L,
          '非常抱歉给您带来不愉快的体验。能具体说说是哪个订单、发生了什么吗？我来帮您处理；需要的话也可以说“转人工”。',
          'I\'m sorry about your experience. Could you tell me which order it is and what happened? I\'ll sort it out, or say "human" to reach an agent.',
        ),
      },
    ],
    'answer',
    'complaint_acknowledged',
  )
}
