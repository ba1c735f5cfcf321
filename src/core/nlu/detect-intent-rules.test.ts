import { describe, expect, it } from 'vitest'
import { asksRestock, describesDeviceFault, ruleIntent } from './detect-intent-rules.js'

describe('ruleIntent', () => {
  it("reads a question about an automatic cancellation as about the unpaid order's status, not a cancel request", () => {
    expect(ruleIntent('这单还没付款 多长时间会被取消', 'cancel_order')).toBe('order_status')
    expect(ruleIntent("if I don't pay today will my order be cancelled?", 'cancel_order')).toBe('order_status')
    expect(ruleIntent('帮我取消这个订单', 'cancel_order')).toBeNull()
    expect(ruleIntent('cancel my order please', 'cancel_order')).toBeNull()
  })

  it('keeps an explicit cancel request a cancel request when the message also talks about prices', () => {
    expect(ruleIntent('cancel my tablet order, is it cheaper somewhere else?', 'price_promotion')).toBe('cancel_order')
    expect(ruleIntent('帮我把耳机那单取消了 别家更便宜', 'price_promotion')).toBe('cancel_order')
    expect(ruleIntent('will the price drop? the order got cancelled', 'price_promotion')).toBeNull()
    expect(ruleIntent('订单为什么被取消了', 'out_of_scope')).toBeNull()
  })

  it('keeps refund-status and invoice questions out of price answers', () => {
    expect(ruleIntent('鞋子的退款怎么还没到账', 'price_promotion')).toBe('return_refund')
    expect(ruleIntent('any update on my refund for the kettle', 'price_promotion')).toBe('return_refund')
    expect(ruleIntent('发票金额为什么比标价少', 'price_promotion')).toBe('invoice_payment')
    expect(ruleIntent('这个多少钱', 'price_promotion')).toBeNull()
    expect(ruleIntent('returned the boots last week, when will I get my money?', 'invoice_payment')).toBe(
      'return_refund',
    )
    expect(ruleIntent('I cancelled it ages ago and never got my 120 back', 'cancel_order')).toBe('return_refund')
    expect(ruleIntent('cancel my order please', 'cancel_order')).toBeNull()
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

  it('reads a call-audio symptom as a fault, not a request for a person', () => {
    expect(ruleIntent('打电话对方老说听不清我说话 刚买的手机', 'human_agent')).toBe('after_sales_fault')
    expect(ruleIntent('打电话对方听不清 转人工吧', 'human_agent')).toBeNull()
    expect(describesDeviceFault('is it normal that my X2 Pro gets warm when I game for an hour?')).toBe(true)
    expect(describesDeviceFault('is the X2 Pro good for gaming?')).toBe(false)
  })

  it('reads fan noise and a dark indicator light as a fault report', () => {
    expect(ruleIntent('笔记本风扇呼呼响 越来越吵', 'return_refund')).toBe('after_sales_fault')
    expect(ruleIntent('充电盒插上电 指示灯也不亮', 'complaint')).toBe('after_sales_fault')
    expect(ruleIntent('the fan on my laptop got really loud', 'return_refund')).toBe('after_sales_fault')
    expect(ruleIntent('风扇太吵了 想退货', 'return_refund')).toBeNull()
  })

  it('reads a failed payment or a double charge as a payment question', () => {
    expect(ruleIntent('耳机那单支付老是失败', 'after_sales_fault')).toBe('invoice_payment')
    expect(ruleIntent('我被扣了两次钱', 'return_refund')).toBe('invoice_payment')
    expect(ruleIntent('my visa got declined twice at checkout', 'complaint')).toBe('invoice_payment')
    expect(ruleIntent('耳机连接失败', 'after_sales_fault')).toBeNull()
  })

  it('reads a points question as a payment question, not small talk', () => {
    expect(ruleIntent('那积分呢', 'greeting')).toBe('invoice_payment')
    expect(ruleIntent('what happens to my points', 'out_of_scope')).toBe('invoice_payment')
  })

  it('reads "can I send it back?" as a return, not a reship', () => {
    expect(ruleIntent('the cream gave me a rash, can I send it back?', 'return_refund')).toBeNull()
  })

  it('reads whether a size fits as size advice unless a return or exchange is asked for', () => {
    expect(ruleIntent('上周买的连帽卫衣是XL 是不是太大了', 'return_refund')).toBe('size_advice')
    expect(ruleIntent('我拿的42码的靴子 会小吗', 'modify_order')).toBe('size_advice')
    expect(ruleIntent('got the 38 in those sneakers, wrong size?', 'return_refund')).toBe('size_advice')
    expect(ruleIntent('XL是不是太大了 帮我换一件M', 'return_refund')).toBeNull()
    expect(ruleIntent('the shoes are too small, I want to exchange them', 'return_refund')).toBeNull()
  })
  it('never overrides an intent the rule does not come from', () => {
    expect(ruleIntent('are my boots still coming?', 'return_refund')).toBeNull()
  })
})
