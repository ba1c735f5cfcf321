/** Greetings, thanks, goodbyes and "are you a robot?": short, friendly, no action. */
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'

/** "那你能帮我干啥", "what can you do?": what the assistant helps with, and the way to a person. */
export function capabilitiesSkill(sc: SkillContext): SkillResult {
  const text = say(
    sc.locale,
    '我可以帮您：查订单和物流、修改或取消订单、办理退换货和查退款、查商品参数库存和价格、推荐尺码和商品、算优惠、开发票和解答支付问题、处理商品故障报修。需要真人时说“转人工”即可。',
    'I can: track orders and parcels, change or cancel an order, handle returns, exchanges and refunds, answer product, stock and price questions, recommend sizes and products, work out discounts, help with invoices and payments, and troubleshoot faulty devices. Say "human" any time to reach a person.',
  )
  return done(sc, [{ text }], 'answer', 'capabilities')
}

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
