import { describe, expect, it } from 'vitest'
import { asksShipBy, asksWhatNow, orderStatusRef } from './detect-order-reference.js'
import { extractEntities } from './extract-entities.js'
import { containsKey } from './message-reading.js'
import { withoutRejected } from './pick-by-description.js'

describe('orderStatusRef', () => {
  it('reads the status an order is named by, after a turned-down one', () => {
    expect(orderStatusRef('不是没付款的那个，是付过款的那单')).toBe('paid')
    expect(orderStatusRef('付完钱的那笔什么时候发')).toBe('paid')
    expect(orderStatusRef('还没付的那个我不要了')).toBe('pending_payment')
    expect(orderStatusRef('发了货的那单到哪了')).toBe('shipped')
    expect(orderStatusRef('no, the unpaid one')).toBe('pending_payment')
    expect(orderStatusRef('the one I already paid for')).toBe('paid')
  })

  it('reads nothing from a plain status question', () => {
    expect(orderStatusRef('我的订单发货了吗')).toBeNull()
    expect(orderStatusRef('has my order shipped yet')).toBeNull()
    expect(orderStatusRef('我付了钱怎么还不发货')).toBeNull()
  })
})

describe('asksShipBy / asksWhatNow', () => {
  it('reads when a paid order ships', () => {
    expect(asksShipBy('最迟几号能发出去')).toBe(true)
    expect(asksShipBy('今天能发货吗')).toBe(true)
    expect(asksShipBy('when will it ship at the latest?')).toBe(true)
    expect(asksShipBy('最晚几点前要付款')).toBe(false)
  })

  it('reads "what do I do now"', () => {
    expect(asksWhatNow('那我该怎么办啊')).toBe(true)
    expect(asksWhatNow('so what do I do now?')).toBe(true)
    expect(asksWhatNow('到哪了')).toBe(false)
  })
})

describe('order references in the words', () => {
  it('drops the option turned down', () => {
    expect(withoutRejected('不是鞋子那单，是外套那单').trim()).toBe('外套那单')
    expect(withoutRejected('not the blanket one, the kettle').trim()).toBe('the kettle')
    expect(withoutRejected('1.5米那个不要了')).toBe('1.5米那个不要了')
  })

  it('reads an order number typed in groups', () => {
    const at = (t: string) => extractEntities(t, { orderPrefixes: ['KF'] }).find((e) => e.type === 'order_no')?.value
    expect(at('单号 KF 2026 1120 0436')).toBe('KF202611200436')
    expect(at('order KF-20261120-0436 please')).toBe('KF202611200436')
    expect(at('KF 12 34')).toBeUndefined()
  })

  it('finds a name ending in digits only at digit edges', () => {
    expect(containsKey('myphoneis+12125550199', '501')).toBe(false)
    expect(containsKey('levis501jeans', '501')).toBe(true)
    expect(containsKey('x2pro', 'x2')).toBe(true)
  })
})
