/**
 * A cancel's refund line says when the money arrives only from the shop's settings (`returns.refundTiming`,
 * per payment method): the method the customer named gets its configured timing; otherwise the reply says
 * it depends on the method — never a fixed "1-3 business days" the shop did not configure.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, nlu, openHarness, STORY_SHOP_SETTINGS } from './harness.js'

const order = (value: string) => ({ type: 'order_no' as const, value })
const returns = STORY_SHOP_SETTINGS.returns as Record<string, unknown>
const settings = {
  returns: {
    ...returns,
    refundTiming: {
      alipay: { zh: '一般当天到账', en: 'usually the same day' },
      bank_card: { zh: '2-5 个工作日到账', en: '2-5 business days' },
    },
  },
}

let h: Harness
afterEach(async () => {
  await h?.close()
})

describe('cancel refund timing from the shop settings', () => {
  it('names the configured timing of the payment method the customer said (zh)', async () => {
    h = await openHarness({ customerId: 'c1', settings })
    const a = await h.turn(
      '我是支付宝付的，取消订单KF10000002',
      nlu('cancel_order', { entities: [order('KF10000002')] }),
    )
    expect(a.replies[0]!.text).toContain('一般当天到账')
    expect(a.replies[0]!.text).not.toContain('1-3')
    const b = await h.turn('确认', nlu('greeting', { confidence: 0.3 }))
    expect(b.reason).toBe('order_cancelled_refund_started')
    expect(b.replies[0]!.text).toContain('一般当天到账')
  })

  it('without a named method it says the timing depends on it (en), no invented number', async () => {
    h = await openHarness({ customerId: 'c1', settings, locale: 'en' })
    const a = await h.turn(
      'please cancel order KF10000002',
      nlu('cancel_order', { entities: [order('KF10000002')], locale: 'en' }),
    )
    expect(a.replies[0]!.text).toContain('depends on the payment method')
    expect(a.replies[0]!.text).not.toMatch(/\d-\d business days/)
  })

  it('a bank card named uses the bank card line', async () => {
    h = await openHarness({ customerId: 'c1', settings })
    const a = await h.turn('银行卡付的 帮我取消KF10000002', nlu('cancel_order', { entities: [order('KF10000002')] }))
    expect(a.replies[0]!.text).toContain('2-5 个工作日到账')
  })
})
