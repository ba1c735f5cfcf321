import { describe, expect, it } from 'vitest'
import { ruleIntent } from './detect-intent-rules.js'
import { asksAutoCancel, asksReschedule, purchasesQuestion } from './detect-order-intent-rules.js'
import { detectTurnCues } from './detect-turn-cues.js'

describe('order-area wording (issue 9, round 4)', () => {
  it('reads a question about automatic cancellation as about the unpaid order, not a cancel request', () => {
    expect(ruleIntent('这单不付了的话会自己取消吗', 'invoice_payment')).toBe('order_status')
    expect(ruleIntent('and when does it get cancelled if I never pay', 'cancel_order')).toBe('order_status')
    expect(asksAutoCancel('不想等它自动取消了 现在就帮我取消')).toBe(false)
    expect(ruleIntent('不想等它自动取消了 现在就帮我取消', 'cancel_order')).toBeNull()
  })

  it('reads a parcel on its way, coming today or a cancelled flight as a tracking question', () => {
    expect(ruleIntent('台灯还在路上 啥时候能到', 'after_sales_fault')).toBe('logistics')
    expect(ruleIntent('is the lamp coming today?', 'out_of_scope')).toBe('logistics')
    expect(ruleIntent('航班取消了 是不是要改走陆运', 'cancel_order')).toBe('logistics')
    expect(ruleIntent('还在路上就坏了 我要退款', 'return_refund')).toBeNull()
  })

  it('cancels over a change when the message only cancels', () => {
    expect(ruleIntent('麻烦把KF202611250001取消掉', 'modify_order')).toBe('cancel_order')
    expect(ruleIntent('帮我把地址改了', 'modify_order')).toBeNull()
  })

  it('reads unpaid-order questions, purchases and the refund of a cancelled order', () => {
    expect(ruleIntent('我还有没付款的订单吗', 'invoice_payment')).toBe('order_status')
    expect(purchasesQuestion('上个月我都买了什么')).toEqual({ period: 'last_month' })
    expect(purchasesQuestion('what did I buy this month?')).toEqual({ period: 'this_month' })
    expect(purchasesQuestion('这个多少钱')).toBeNull()
    expect(ruleIntent('那单取消了 599块退给我没有', 'cancel_order')).toBe('return_refund')
  })

  it('reads delivery at another time, the same change again, a corrected part and a cancellation taken back', () => {
    expect(asksReschedule('明天家里没人 能改后天送吗')).toBe(true)
    expect(asksReschedule('明天能到吗')).toBe(false)
    expect(detectTurnCues('那个也改成一样的').change.sameAsBefore).toBe(true)
    expect(detectTurnCues('门牌号是1203 不是1302').change.corrects).toEqual({
      right: '1203',
      wrong: '1302',
      replacement: '1203',
    })
    expect(detectTurnCues('是人民路88号 不是66').change.corrects?.replacement).toBe('88')
    expect(detectTurnCues('先别取消了').keepOrder).toBe(true)
    expect(detectTurnCues('剩下那两个呢').meansOthers).toBe(true)
    expect(detectTurnCues('can I add a case to that order?').addsToOrder).toBe(true)
  })
})
