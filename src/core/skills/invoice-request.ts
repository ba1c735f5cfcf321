/**
 * An electronic general invoice requested for an order ("扫地机那单开个发票 个人的", "抬头…有限公司" then "税号…",
 * "the invoice has my name on it, I need it under my company, can you redo it"): the order, then the title
 * (personal, or a company with its tax ID), then one billing ticket with everything an agent needs, and the
 * amount (what was paid, shipping included). Special VAT invoices stay with the FAQ (their many fields).
 */
import { noTask, taskOf } from '../dialogue/task-state.js'
import type { Order } from '../domain/schemas.js'
import { orderOfMentionedItem, resolveOrder, statusLabel } from './resolve-order.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { money, say } from './text.js'
import { ticketsOf } from './tickets-of.js'

const AWAITING = new Set(['invoiceTitle', 'taxId'])

/** True when this turn is part of an invoice request the flow handles. */
export function isInvoiceRequest(sc: SkillContext): boolean {
  const inv = sc.cues.invoice
  if (sc.state.task.flow === 'invoice' && AWAITING.has(sc.state.awaiting ?? '')) return true
  if (inv.special) return false
  // "可以开公司抬头吗？需要提供什么资料": the shop's rule (its FAQ), asked before any order is named.
  if (inv.asksWhatNeeded && !inv.company && !inv.taxId && !sc.extracted.order) return false
  return (
    (inv.asks && inv.title !== null) || (inv.asks && inv.reissue) || (inv.title === 'company' && inv.company !== null)
  )
}

const live = (o: Order) => o.status !== 'refunded' && o.status !== 'refunding' && o.status !== 'cancelled'

/** The invoice request flow. */
export async function invoiceRequestSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const inv = sc.cues.invoice
  const t = taskOf(sc.state, 'invoice')
  if (inv.title) t.title = inv.title
  if (inv.company) {
    t.company = inv.company
    t.title = 'company'
  }
  if (inv.taxId) t.taxId = inv.taxId
  if (inv.reissue) t.reissue = true

  // 1. The order: the one named by its item, else the one in the flow or the conversation, else ask.
  const named = await orderOfMentionedItem(sc, live)
  if (named) t.order = named.orderNo
  else if (!t.order && typeof sc.state.slots.order === 'string') t.order = sc.state.slots.order
  if (t.order) sc.state.slots.order = t.order
  const r = await resolveOrder(sc, {
    purpose: 'invoice',
    prefer: (o) => o.status === 'delivered' || o.status === 'completed',
    byItem: true,
  })
  if ('result' in r) return r.result
  const order = r.order
  t.order = order.orderNo
  const no = order.orderNo
  const extra = r.customerId ? { customerId: r.customerId } : {}
  if (order.status === 'pending_payment' || order.status === 'cancelled' || order.status === 'refunded') {
    sc.state.task = noTask()
    return done(
      sc,
      [
        {
          text: say(
            L,
            `订单 ${no} 当前状态为“${statusLabel(order.status, L)}”，没有实付金额，不能开具发票。`,
            `Order ${no} is ${statusLabel(order.status, L)}: nothing was paid on it, so no invoice can be issued.`,
          ),
        },
      ],
      'answer',
      `invoice_not_possible_${order.status}`,
      extra,
    )
  }

  // 2. The title: personal, or a company with its tax ID.
  if (!t.title)
    return ask(
      sc,
      'invoiceTitle',
      {
        text: say(
          L,
          `订单 ${no} 可以开电子普通发票，金额 ${money(order.total, order.currency)}（实付金额，含运费）。请问开个人抬头还是公司抬头？公司抬头请提供公司名称和税号。`,
          `Order ${no} can have an electronic invoice for ${money(order.total, order.currency)} (the amount paid, shipping included). Personal or company title? For a company, please send its name and tax ID.`,
        ),
        buttons:
          L === 'zh'
            ? [
                { label: '个人', payload: '个人抬头' },
                { label: '公司', payload: '公司抬头' },
              ]
            : [
                { label: 'Personal', payload: 'personal title' },
                { label: 'Company', payload: 'company title' },
              ],
      },
      'invoice_ask_title',
    )
  if (t.title === 'company' && !t.taxId)
    return ask(
      sc,
      'taxId',
      {
        text: say(
          L,
          `好的，公司抬头${t.company ? `“${t.company}”` : ''}。请提供公司税号（纳税人识别号），${t.company ? '' : '以及公司名称，'}我来为订单 ${no} 登记开票。`,
          `OK, a company title${t.company ? ` (${t.company})` : ''}. Please send the company's tax ID${t.company ? '' : ' and its name'} and I'll log the invoice for order ${no}.`,
        ),
      },
      'invoice_ask_tax_id',
    )

  // 3. One billing ticket with everything collected.
  const tickets = ticketsOf(sc)
  const title =
    t.title === 'personal' ? say(L, '个人', 'personal') : `${t.company ?? say(L, '公司', 'company')}（${t.taxId}）`
  const ticket = await tickets.create(sc.ctx.shop, {
    conversationId: sc.ctx.conversation.id,
    customerId: order.customerId,
    category: 'billing',
    priority: 'normal',
    subject: `${t.reissue ? say(L, '重开发票', 'Reissue invoice') : say(L, '开具电子普通发票', 'Issue e-invoice')}: ${no}`,
    data: {
      orderNo: no,
      title: t.title,
      company: t.company ?? null,
      taxId: t.taxId ?? null,
      amount: order.total,
      currency: order.currency,
      reissue: Boolean(t.reissue),
      locale: L,
    },
  })
  sc.state.task = noTask()
  const received = order.status === 'delivered' || order.status === 'completed'
  const when = received
    ? say(
        L,
        '电子发票会在 24 小时内开具，可在订单详情中下载。',
        'The e-invoice is issued within 24 hours; you can download it from the order page.',
      )
    : say(
        L,
        '订单签收后 24 小时内开具电子发票，可在订单详情中下载。',
        'The e-invoice is issued within 24 hours after delivery; you can download it from the order page.',
      )
  return done(
    sc,
    [
      {
        text: say(
          L,
          `已为订单 ${no} 登记${t.reissue ? '重开' : '开具'}电子普通发票（工单 ${ticket.id}）：抬头 ${title}，金额 ${money(order.total, order.currency)}（实付金额，含运费）。${when}`,
          `I've logged ${t.reissue ? 'a reissued' : 'an'} e-invoice for order ${no} (ticket ${ticket.id}): title ${title}, amount ${money(order.total, order.currency)} (the amount paid, shipping included). ${when}`,
        ),
      },
    ],
    'execute',
    t.reissue ? 'invoice_reissue_requested' : 'invoice_requested',
    { ...extra, ticket: { id: ticket.id, queue: ticket.queue, priority: ticket.priority } },
  )
}
