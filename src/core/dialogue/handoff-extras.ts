/**
 * What an angry customer still gets answered before a person takes over: the order's status (so
 * neither customer nor agent has to ask), the shop's hotline when they asked for it ("你们客服电话到底多少"),
 * and the complaint procedure when they asked to lodge one ("I want to file a complaint").
 */
import type { SkillContext } from '../skills/skill-types.js'
import { say } from '../skills/text.js'
import { orderFacts } from './intent-skills.js'

/** The shop's FAQ answer to a known topic, or null. */
async function faqOn(sc: SkillContext, zh: string, en: string): Promise<string | null> {
  const kb = await sc.ctx.knowledge.answer(say(sc.locale, zh, en), { locale: sc.locale, kinds: ['faq'] })
  return kb.status === 'answer' ? kb.hit.answer : null
}

/** Replies to put before the emotion handoff's own text. */
export async function emotionHandoffExtras(sc: SkillContext): Promise<Array<{ text: string }>> {
  const out: Array<{ text: string }> = [...(await orderFacts(sc))]
  // A complaint about the service rather than about an order in progress: how complaints are handled.
  const complaint =
    out.length === 0 && sc.cues.wantsToComplain ? await faqOn(sc, '我要投诉', 'I want to make a complaint.') : null
  if (complaint) out.push({ text: complaint })
  if (sc.cues.asksContact) {
    const contact = await faqOn(sc, '客服电话是多少', 'What is your customer service phone number?')
    if (contact) out.push({ text: contact })
  }
  return out
}
