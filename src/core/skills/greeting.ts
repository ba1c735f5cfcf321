/** Greetings, thanks, goodbyes and "are you a robot?": short, friendly, no action. */
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'

/** The greeting skill. */
export async function greetingSkill(sc: SkillContext): Promise<SkillResult> {
  const kind = sc.cues.greeting
  const L = sc.locale
  const shop = sc.ctx.shop.name
  let reply: string
  let reason: string
  if (kind === 'robot') {
    reply = say(
      L,
      `我是${shop}的智能客服，可以帮您查订单、物流、退换货、库存尺码和售后问题；需要人工时说“转人工”即可。`,
      `I'm ${shop}'s virtual assistant. I can check orders and deliveries, handle returns, stock, sizes and after-sales problems; say "human" any time to reach a person.`,
    )
    reason = 'greeting_robot_question'
  } else if (kind === 'thanks') {
    reply = say(L, '不客气，还有其他可以帮您的吗？', "You're welcome! Anything else I can help with?")
    reason = 'greeting_thanks'
  } else if (kind === 'bye') {
    reply = say(L, '感谢您的咨询，祝您购物愉快，再见！', 'Thanks for chatting, have a great day!')
    reason = 'greeting_goodbye'
  } else {
    reply = say(
      L,
      `您好，欢迎来到${shop}！请问有什么可以帮您？可以问我订单物流、退换货、商品库存和尺码、售后维修等问题。`,
      `Hello, welcome to ${shop}! How can I help? I can check orders and deliveries, returns, stock and sizes, and after-sales repairs.`,
    )
    reason = 'greeting_hello'
  }
  return done(sc, [{ text: reply }], 'answer', reason)
}
