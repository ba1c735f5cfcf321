/**
 * Turns that carry a picture or a voice message.
 *
 * - Voice: the conversation service transcribed it (`/audio/transcriptions`) and the turn runs on the
 *   transcript like typed text; without a transcriber, or when it failed, the customer is asked to type.
 * - Picture, with a vision-capable model: "是这个吗 / do you have this / is this damaged" is answered by
 *   the model grounded in the catalog (facts plus the catalog tools, checked by the answer guard). An
 *   after-sales message (fault, return, complaint) also opens an after-sales ticket with the picture.
 * - Picture, without one (or when the model could not answer): the picture goes to a ticket (after-sales)
 *   or with a handoff, and the customer is told an agent will look at it.
 *
 * Pictures of the conversation are remembered in `state.pictures` so a ticket created later by the
 * fault or return flow carries them too (the conversation service attaches them).
 */
import { groundedAnswer } from '../llm-routing/grounded-answer.js'
import { knownCustomerId } from './resolve-order.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'
import { ticketsOf } from './tickets-of.js'

/** Intents whose picture belongs on an after-sales ticket. */
const AFTER_SALES = new Set(['after_sales_fault', 'return_refund', 'complaint'])

/**
 * The turn for an attachment, or null when the turn goes on as text (a transcribed voice message).
 *
 * @example
 * const media = await attachmentTurn(sc)
 * if (media) return finish(sc, media, false)
 */
export async function attachmentTurn(sc: SkillContext): Promise<SkillResult | null> {
  const a = sc.ctx.attachment
  if (!a) return null
  const L = sc.locale
  if (a.kind === 'audio') {
    if (a.transcript) return null
    return done(
      sc,
      [
        {
          text: say(
            L,
            '抱歉，我暂时听不了语音消息，麻烦您打字告诉我您的问题。',
            "Sorry, I can't listen to voice messages right now. Could you type your question instead?",
          ),
        },
      ],
      'clarify',
      'voice_not_transcribed',
    )
  }
  sc.state.pictures = [...(sc.state.pictures ?? []), a.id].slice(-10)
  const afterSales = AFTER_SALES.has(sc.ctx.nlu.intent)
  const events: NonNullable<SkillResult['events']> = []
  const vision = sc.ctx.vision
  if (vision) {
    const note = say(L, '（顾客附上了一张图片）', '(the customer attached a picture)')
    const ctx = { ...sc.ctx, llm: vision, text: `${sc.understanding.query}\n${note}`.trim() }
    const attempt = await groundedAnswer(ctx, sc.state, {
      customer: sc.customer,
      images: [{ mime: a.mime, base64: toBase64(a.data) }],
    })
    events.push(...attempt.events)
    if (attempt.status === 'answered') {
      const answer = { text: attempt.text, source: 'llm' as const, factIds: attempt.factIds }
      if (!afterSales)
        return done(sc, [answer], 'answer', `picture_llm_grounded:${attempt.factIds.join(',')}`, { events })
      const ticket = await openPictureTicket(sc, a.id)
      return done(sc, [answer, { text: ticketText(sc, ticket.id) }], 'answer', 'picture_llm_grounded_ticket', {
        events,
        ticket: { id: ticket.id, queue: ticket.queue, priority: ticket.priority },
      })
    }
  }
  if (afterSales) {
    const ticket = await openPictureTicket(sc, a.id)
    return done(sc, [{ text: ticketText(sc, ticket.id) }], 'answer', 'picture_ticket', {
      events,
      ticket: { id: ticket.id, queue: ticket.queue, priority: ticket.priority },
    })
  }
  return {
    ...done(
      sc,
      [
        {
          text: say(
            L,
            '已收到您的图片，我已转给人工客服查看，请稍候，客服会尽快回复您。',
            "Thanks, I've got your picture. I've passed it to a human agent who will take a look and reply shortly.",
          ),
        },
      ],
      'handoff',
      vision ? 'picture_model_unanswered_handoff' : 'picture_no_vision_handoff',
      { events: [...events, { type: 'attachment.handoff', data: { attachmentId: a.id } }] },
    ),
    handoff: true,
  }
}

async function openPictureTicket(sc: SkillContext, attachmentId: string) {
  const tickets = ticketsOf(sc)
  const order = typeof sc.state.slots.order === 'string' ? sc.state.slots.order : null
  return tickets.create(sc.ctx.shop, {
    conversationId: sc.ctx.conversation.id,
    customerId: knownCustomerId(sc),
    category: 'after_sales:picture',
    priority: 'normal',
    subject: (sc.understanding.read.record() || say(sc.locale, '顾客发来的图片', 'Picture from the customer')).slice(
      0,
      120,
    ),
    data: { attachments: [attachmentId], orderNo: order, intent: sc.ctx.nlu.intent },
  })
}

function ticketText(sc: SkillContext, id: string): string {
  return say(
    sc.locale,
    `已为您创建售后工单 ${id}，图片已附在工单里，售后客服会查看后联系您。`,
    `I've opened after-sales ticket ${id} with your picture attached; an agent will look at it and get back to you.`,
  )
}

function toBase64(data: Uint8Array): string {
  let s = ''
  for (let i = 0; i < data.length; i += 0x8000) s += String.fromCharCode(...data.subarray(i, i + 0x8000))
  return btoa(s)
}
