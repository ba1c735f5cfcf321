/**
 * The fault flow's ticket: exactly one, with everything collected, dispatched to the fault's escalation
 * queue; and what the customer hears once it exists.
 */
import type { FaultTask } from '../dialogue/task-state.js'
import type { Reply } from '../dialogue/types.js'
import type { Fault } from '../domain/schemas.js'
import { isActionStep } from '../nlu/match-tried-steps.js'
import type { FaultCues } from '../nlu/types.js'
import { calendarDaysSince, faultPolicyText, pastReplacementLine } from './fault-policy.js'
import {
  coverageLine,
  type EscalationKind,
  keepUsingAnswer,
  meanwhileLine,
  safetyAdvice,
  safetyName,
  stepList,
  ticketIntro,
  triedLine,
} from './fault-replies.js'
import { knownCustomerId } from './resolve-order.js'
import { returnRules } from './shop-rules.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { day, say, shopTimeZone } from './text.js'
import { ticketsOf } from './tickets-of.js'

/** The ticket exists: point to it (a safety symptom reported now is added to it for the agent). */
export async function ticketExists(sc: SkillContext, t: FaultTask, cues: FaultCues): Promise<SkillResult> {
  const L = sc.locale
  const replies = [
    {
      text: say(
        L,
        `您的问题已登记工单 ${t.ticketId}，技术支持会尽快联系您，工单状态变化时会通知您。`,
        `Your problem is logged as ticket ${t.ticketId}; our support team will contact you and you'll be notified of every update.`,
      ),
    },
  ]
  // "这种是换新还是寄修", "寄修要多久": the policy for the device, then the ticket.
  if (!cues.safety && cues.asksPolicy) {
    const slots = sc.state.slots
    const order = typeof slots.order === 'string' ? await sc.ctx.store.orders.get(sc.ctx.shop.id, slots.order) : null
    const own = order && order.customerId === knownCustomerId(sc) ? order : null
    const p = typeof slots.sku === 'string' ? await sc.ctx.store.products.get(sc.ctx.shop.id, slots.sku) : null
    replies.unshift({ text: await faultPolicyText(sc, p, own) })
    return done(sc, replies, 'answer', 'fault_ticket_exists_policy')
  }
  // "还能先插电用着吗": not while the safety case is open — the stop-use advice again, then the ticket.
  if (!cues.safety && t.urgent && cues.asksKeepUsing) {
    replies.unshift({ text: keepUsingAnswer(L, t.urgent) })
    return done(sc, replies, 'answer', 'fault_safety_keep_using_advice')
  }
  if (cues.safety) {
    replies.unshift({ text: safetyAdvice(L, cues.safety) })
    const tickets = ticketsOf(sc)
    await tickets.comment(
      sc.ctx.shop.id,
      t.ticketId!,
      'system',
      `Customer now reports a safety symptom (${safetyName(cues.safety, 'en')}): treat as urgent.`,
    )
  }
  return done(sc, replies, 'answer', cues.safety ? 'fault_ticket_exists_safety_noted' : 'fault_ticket_exists')
}

const ESCALATION_REASON: Record<EscalationKind, string> = {
  safety: 'fault_safety_urgent_ticket_created',
  requested: 'fault_requested_ticket_created',
  tried: 'fault_tried_steps_ticket_created',
  decisive: 'fault_decisive_symptom_ticket_created',
  unresolved: 'fault_unresolved_ticket_created',
}

export async function createFaultTicket(
  sc: SkillContext,
  t: FaultTask,
  fault: Fault | null,
  kind: EscalationKind,
): Promise<SkillResult> {
  const L = sc.locale
  const { shop } = sc.ctx
  const slots = sc.state.slots
  const tickets = ticketsOf(sc)
  const purchase = typeof slots.purchaseDate === 'string' ? slots.purchaseDate : null
  const reported = t.reported ?? []
  const symptom = fault?.symptom ?? slots.symptom ?? ''
  const ticket = await tickets.create(shop, {
    conversationId: sc.ctx.conversation.id,
    customerId: knownCustomerId(sc),
    category: fault ? `fault:${fault.category}` : 'fault:unknown',
    priority: t.urgent ? 'urgent' : (fault?.escalate.priority ?? 'normal'),
    ...(fault ? { queue: fault.escalate.queue } : {}),
    subject: `${t.urgent ? `[${safetyName(t.urgent, L)}] ` : ''}${slots.deviceModel ?? ''} ${String(symptom)}`.trim(),
    data: {
      deviceModel: slots.deviceModel ?? null,
      sku: slots.sku ?? null,
      symptom: slots.symptom ?? fault?.symptom ?? null,
      faultId: fault?.id ?? null,
      orderNo: slots.order ?? null,
      purchaseDate: purchase,
      inWarranty: typeof slots.inWarranty === 'boolean' ? slots.inWarranty : null,
      warrantyUntil: slots.warrantyUntil ?? null,
      answers: t.answers ?? [],
      triedSolutions: t.tried ?? [],
      reportedTried: fault ? reported.map((i) => fault.solutions[i] ?? '') : [],
      safety: t.urgent ?? null,
      requestedByCustomer: Boolean(t.requested),
      locale: L,
    },
  })
  t.ticketId = ticket.id
  sc.state.awaiting = null
  sc.state.prompt = null

  const parts = [
    ticketIntro(kind, L, {
      id: ticket.id,
      priority: ticket.priority,
      due: day(ticket.slaDueAt, shopTimeZone(sc.ctx.shop)),
    }),
  ]
  const tried = t.sDone ?? []
  if (fault && tried.length > 0 && (reported.length > 0 || kind === 'requested'))
    parts.push(triedLine(L, stepList(fault.solutions, tried, L)))
  const coverage = {
    inWarranty: typeof slots.inWarranty === 'boolean' ? slots.inWarranty : null,
    deliveredDaysAgo: await deliveredDaysAgo(sc),
    qualityIssueDays: returnRules(shop).qualityIssueDays,
  }
  // "能直接换新吗" past the replacement window: say why it is a repair, and how the repair goes.
  const pastReplacement = sc.ctx.nlu.cues?.asksReplacement ? await pastReplacementLine(sc, coverage) : null
  parts.push(pastReplacement ?? coverageLine(L, coverage))
  if (fault && kind === 'tried') {
    const rest = fault.solutions
      .map((_, i) => i)
      .filter((i) => !(t.sDone ?? []).includes(i) && isActionStep(fault.solutions[i]!))
    if (rest.length > 0) parts.push(meanwhileLine(L, stepList(fault.solutions, rest, L)))
  }
  parts.push(say(L, '工单状态有变化时会通知您。', "You'll be notified whenever the ticket status changes."))
  const replies: Reply[] = [
    {
      text: parts.filter(Boolean).join(say(L, '', ' ')),
      card: {
        type: 'ticket',
        data: { id: ticket.id, queue: ticket.queue, priority: ticket.priority, slaDueAt: ticket.slaDueAt },
      },
    },
  ]
  // A safety case reads the stop-use advice first, unless it was given with the purchase question.
  if (t.urgent && !t.adviceGiven) replies.unshift({ text: safetyAdvice(L, t.urgent) })
  return {
    replies,
    action: 'execute',
    reason: fault || kind !== 'unresolved' ? ESCALATION_REASON[kind] : 'fault_unmatched_ticket_created',
    done: true,
    ticket: { id: ticket.id, queue: ticket.queue, priority: ticket.priority },
  }
}

/** Days since the flow's order was delivered to this customer, or null when unknown. */
async function deliveredDaysAgo(sc: SkillContext): Promise<number | null> {
  const orderNo = sc.state.slots.order
  const custId = knownCustomerId(sc)
  if (typeof orderNo !== 'string' || !custId) return null
  const o = await sc.ctx.store.orders.get(sc.ctx.shop.id, orderNo)
  if (!o || o.customerId !== custId || !o.deliveredAt) return null
  return calendarDaysSince(sc, o.deliveredAt)
}
