import { describe, expect, it } from 'vitest'
import { ruleIntent } from './detect-intent-rules.js'

describe('order-area wording (issue 9, round 6)', () => {
  it('reads undoing a cancellation as about the order, not a new cancel request', () => {
    expect(ruleIntent('can you just un-cancel my t-shirt order from the 7th?', 'cancel_order')).toBe('order_status')
    expect(ruleIntent('please restore my order, I still want it', 'cancel_order')).toBe('order_status')
    expect(ruleIntent('取消的那单能恢复吗', 'cancel_order')).toBe('order_status')
    expect(ruleIntent('帮我把这单取消了', 'cancel_order')).toBeNull()
  })

  it('reads "which order is the item in" as about the orders, not stock', () => {
    expect(ruleIntent('which of my orders are the grey snow boots in?', 'stock_availability')).toBe('order_status')
    expect(ruleIntent('雪地靴在哪个订单里', 'stock_availability')).toBe('order_status')
    expect(ruleIntent('do you have the grey snow boots in 38?', 'stock_availability')).toBeNull()
  })

  it('reads a detail of an earlier purchase as about the order, not a return', () => {
    expect(ruleIntent('上回在你们家买的遮瑕是啥色号来着 想回购', 'return_refund')).toBe('order_status')
    expect(ruleIntent('上次买的那双鞋是多大码', 'product_inquiry')).toBe('order_status')
    expect(ruleIntent('上次买的遮瑕是啥色号 我想退货', 'return_refund')).toBeNull()
  })
})
