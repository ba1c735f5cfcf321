import { describe, expect, it } from 'vitest'
import { asksRestock, ruleIntent } from './detect-intent-rules.js'

describe('ruleIntent', () => {
  it('reads a question about an automatic cancellation as a payment question, not a cancel request', () => {
    expect(ruleIntent('这单还没付款 多长时间会被取消', 'cancel_order')).toBe('invoice_payment')
    expect(ruleIntent("if I don't pay today will my order be cancelled?", 'cancel_order')).toBe('invoice_payment')
    expect(ruleIntent('帮我取消这个订单', 'cancel_order')).toBeNull()
    expect(ruleIntent('cancel my order please', 'cancel_order')).toBeNull()
  })

  it('keeps refund-status and invoice questions out of price answers', () => {
    expect(ruleIntent('鞋子的退款怎么还没到账', 'price_promotion')).toBe('return_refund')
    expect(ruleIntent('any update on my refund for the kettle', 'price_promotion')).toBe('return_refund')
    expect(ruleIntent('发票金额为什么比标价少', 'price_promotion')).toBe('invoice_payment')
    expect(ruleIntent('这个多少钱', 'price_promotion')).toBeNull()
  })

  it('reads "still coming?" as a parcel question and order lists as order status', () => {
    expect(ruleIntent('are my boots still coming?', 'out_of_scope')).toBe('logistics')
    expect(ruleIntent('我那几个订单有哪些还没完成', 'modify_order')).toBe('order_status')
    expect(ruleIntent('好像下了两次单 是不是下重了', 'invoice_payment')).toBe('order_status')
  })

  it('tells a restock question from a stock question', () => {
    expect(asksRestock('这款什么时候补货')).toBe(true)
    expect(asksRestock('when will the white one be back in stock?')).toBe(true)
    expect(asksRestock('这款有货吗')).toBe(false)
  })

  it('reads a device symptom as a fault report unless the customer asks for a return', () => {
    expect(ruleIntent('the tablet i got from you wont turn on anymore', 'complaint')).toBe('after_sales_fault')
    expect(ruleIntent('扫地机老是回不了充 有人能来看看吗', 'return_refund')).toBe('after_sales_fault')
    expect(ruleIntent('我的手环一直充不进电', 'order_status')).toBe('after_sales_fault')
    expect(ruleIntent('手表开不了机 我要退货', 'return_refund')).toBeNull()
    expect(ruleIntent('my speaker has no sound, I want a refund', 'return_refund')).toBeNull()
    expect(ruleIntent('你们服务太差了', 'complaint')).toBeNull()
  })

  it('never overrides an intent the rule does not come from', () => {
    expect(ruleIntent('are my boots still coming?', 'return_refund')).toBeNull()
  })
})
