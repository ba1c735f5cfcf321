import { describe, expect, it } from 'vitest'
import { shippingQuestion } from './detect-shipping-question.js'

describe('shippingQuestion', () => {
  it('reads the place, the price and what is asked', () => {
    expect(shippingQuestion('寄拉萨的话 买一件89的T恤运费多少')).toMatchObject({
      region: 'tibet',
      amount: 89,
      asksFee: true,
    })
    expect(shippingQuestion('那我凑到99以上呢')).toMatchObject({ region: null, amount: 99, amountOrMore: true })
    expect(shippingQuestion('can I send a gift to my aunt in Macau? how much')).toMatchObject({ region: 'macau' })
    expect(shippingQuestion('how many days tho')).toMatchObject({ asksDays: true, amount: null })
    expect(shippingQuestion('那不用顺丰了 就普通的吧')).toMatchObject({ standardCarrier: true })
  })

  it('does not read days, counts or order numbers as a price', () => {
    expect(shippingQuestion('偏远地区5-7天能到吗')?.amount ?? null).toBeNull()
    expect(shippingQuestion('KF202611240392 运费多少')?.amount ?? null).toBeNull()
    expect(shippingQuestion('你好')).toBeNull()
  })
})
