import { describe, expect, it } from 'vitest'
import { ruleIntent } from './detect-intent-rules.js'
import { asksAutoCancel } from './detect-order-intent-rules.js'
import { cancelsOneLine } from './detect-order-reference.js'
import { paymentQuestion } from './detect-payment-question.js'
import { detectTurnCues } from './detect-turn-cues.js'
import { withoutRejected } from './pick-by-description.js'

describe('order and payment wording (round 7)', () => {
  it('reads "which orders are not finished" as a question about the orders', () => {
    expect(ruleIntent('我现在有哪些单还没弄完', 'stock_availability')).toBe('order_status')
  })

  it('reads a country on an invoice as an invoice question, not a delivery one', () => {
    const text = "can the invoice be made out to my UK company? we don't have a Chinese tax number"
    expect(ruleIntent(text, 'logistics')).toBe('invoice_payment')
    expect(detectTurnCues(text).asksShippingPolicy).toBe(false)
    expect(detectTurnCues('do you deliver to the UK?').asksShippingPolicy).toBe(true)
    expect(ruleIntent('运单号能打印在发票上吗', 'logistics')).not.toBe('invoice_payment')
  })

  it('reads "does it cancel by itself" as the automatic cancellation', () => {
    expect(
      asksAutoCancel("if I just don't pay for an order does it cancel by itself or do I have to do something?"),
    ).toBe(true)
    expect(asksAutoCancel('please cancel my order')).toBe(false)
  })

  it('reads paying a whole order with points as a points question', () => {
    expect(
      paymentQuestion("I've got loads of points - can I pay for my next order entirely with them?").points,
    ).not.toBe(null)
    expect(paymentQuestion('能全部用积分付吗').points).not.toBe(null)
  })
})

describe('one line of an order dropped, the rest kept', () => {
  it('reads "X不要了 Y留着" as cancelling one line', () => {
    expect(cancelsOneLine('表带不要了 牛仔裤留着')).toBe(true)
    expect(cancelsOneLine('牛仔裤留着 表带不要了')).toBe(true)
    expect(cancelsOneLine('drop the band but keep the jeans')).toBe(true)
    expect(cancelsOneLine('表带不要了')).toBe(false)
  })
})

describe('the line kept is not the line meant', () => {
  it('drops "Y留着" and "keep the Y" from the description', () => {
    expect(withoutRejected('表带不要了 牛仔裤留着')).not.toContain('牛仔裤')
    expect(withoutRejected('drop the band but keep the jeans')).not.toContain('jeans')
    expect(withoutRejected('不是待付款那个，是已经付了钱的那单')).toContain('付了钱')
  })
})
