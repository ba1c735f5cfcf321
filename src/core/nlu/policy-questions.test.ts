import { describe, expect, it } from 'vitest'
import { ruleIntent } from './detect-intent-rules.js'
import { paymentQuestion } from './detect-payment-question.js'
import { detectTurnCues } from './detect-turn-cues.js'

describe('policy-area wording', () => {
  it('decides the intent of refund, account, gift-wrap, pushback, activation and stuck-parcel wording', () => {
    expect(ruleIntent('did I ever get the 259 back for those boots?', 'order_status')).toBe('return_refund')
    expect(ruleIntent('把我账号注销掉吧', 'cancel_order')).toBe('out_of_scope')
    expect(ruleIntent('能帮我做个礼品包装吗', 'recommendation')).toBe('out_of_scope')
    expect(ruleIntent('我是她妈妈 这也不行？', 'product_inquiry')).toBe('complaint')
    expect(ruleIntent('只开机看了看 这也算激活吗', 'after_sales_fault')).toBe('return_refund')
    expect(ruleIntent('都超过48小时没更新了吧', 'complaint')).toBe('logistics')
    expect(ruleIntent('can I pick up the package myself from the depot?', 'out_of_scope')).toBe('logistics')
    // An unsure pick of the same intent is made sure by a policy rule.
    expect(ruleIntent('我自己去驿站取可以吗', 'logistics')).toBe('logistics')
  })

  it('reads amounts named, a gap between two of them, and "can I still pay"', () => {
    expect(paymentQuestion('my card shows 198 taken twice').amounts).toEqual([198])
    expect(paymentQuestion('订单KF202611130245 分6期 用5000积分').amounts).toEqual([])
    expect(paymentQuestion('锅不是199吗 发票上怎么是207').amountGap).toBe(true)
    expect(paymentQuestion('199的锅 207的刀').amountGap).toBe(false)
    expect(paymentQuestion('那我现在还能付吗').deadline).toBe(true)
    expect(paymentQuestion('can I still pay for it today?').deadline).toBe(true)
  })

  it('reads a complaint about the courier and a question on hours without an update', () => {
    expect(detectTurnCues('快递员把箱子扔地上就走了').courierComplaint).toBe(true)
    expect(detectTurnCues('the delivery guy was so rude to me').courierComplaint).toBe(true)
    expect(detectTurnCues('快递什么时候到').courierComplaint).toBe(false)
    expect(detectTurnCues('这都多少小时了 还不更新').asksHoursStuck).toBe(true)
  })
})
