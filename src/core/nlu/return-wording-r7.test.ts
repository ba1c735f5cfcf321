import { describe, expect, it } from 'vitest'
import { asksGenerally } from './detect-general-question.js'
import { ruleIntent } from './detect-intent-rules.js'
import { detectReturnFacts } from './detect-return-facts.js'

describe('return wording (round 7)', () => {
  it('reads sending an item back as a return, whatever "still" or a product name suggests', () => {
    expect(ruleIntent('the sunscreen is still sealed though, can that one go back?', 'stock_availability')).toBe(
      'return_refund',
    )
    expect(ruleIntent('which of my orders can I still send back?', 'stock_availability')).toBe('return_refund')
    expect(ruleIntent('can I send the blender back?', 'product_inquiry')).toBe('return_refund')
    expect(
      ruleIntent('got two of the blue bottles but I only need one. can I send one back?', 'stock_availability'),
    ).toBe('return_refund')
    expect(ruleIntent('is the blender still in stock?', 'stock_availability')).not.toBe('return_refund')
  })

  it('reads a question for the orders still returnable', () => {
    expect(detectReturnFacts('which of my orders can I still send back?').asksWhichReturnable).toBe(true)
    expect(detectReturnFacts('我哪些单还能退').asksWhichReturnable).toBe(true)
    expect(detectReturnFacts('这件还能退吗').asksWhichReturnable).toBe(false)
  })

  it('reads a bare "退" before a question as the decision to return', () => {
    expect(detectReturnFacts('退 上门取件要钱不').returnNow).toBe(true)
    expect(detectReturnFacts('那就退吧 运费谁出').returnNow).toBe(true)
    expect(detectReturnFacts('退货要运费吗').returnNow).toBe(false)
    expect(detectReturnFacts('能退吗').returnNow).toBe(false)
    expect(detectReturnFacts('好吧 那防晒还没拆 把防晒退了').returnNow).toBe(true)
  })

  it('reads "from which day" as a general rules question', () => {
    expect(asksGenerally('七天无理由是从哪天开始算啊')).toBe(true)
    expect(asksGenerally('我的订单哪天到')).toBe(false)
  })
})
