import { describe, expect, it } from 'vitest'
import { extractNumbers } from './extract-numbers.js'

describe('extractNumbers', () => {
  it('reads the same price written five ways as one amount', () => {
    for (const s of ['¥5,499.00', '5499元', 'RMB 5499', '￥５４９９', '5,499 yuan']) {
      expect(extractNumbers(s), s).toEqual({ numbers: [5499], amounts: [5499] })
    }
  })

  it('reads Chinese numerals before a measure word, not in ordinary words', () => {
    expect(extractNumbers('支持七天无理由退货').numbers).toEqual([7])
    expect(extractNumbers('二十四小时内发货').numbers).toEqual([24])
    expect(extractNumbers('百分之二十的折扣').numbers).toEqual([20])
    expect(extractNumbers('九十九元').amounts).toEqual([99])
    expect(extractNumbers('您可以一起看一下，统一处理').numbers).toEqual([])
  })

  it('reads English number words before a unit', () => {
    expect(extractNumbers('returns within seven days').numbers).toEqual([7])
    expect(extractNumbers('a thirty-day warranty').numbers).toEqual([30])
    expect(extractNumbers('one of our agents').numbers).toEqual([])
  })

  it('keeps numbers and money apart', () => {
    const x = extractNumbers('库存 99 件，售价 ¥199，满 299 元包邮，8折')
    expect(x.amounts.sort((a, b) => a - b)).toEqual([199, 299])
    expect(x.numbers.sort((a, b) => a - b)).toEqual([8, 99, 199, 299])
  })

  it('does not glue a Chinese comma into a thousands separator', () => {
    expect(extractNumbers('共3件，100元').numbers.sort((a, b) => a - b)).toEqual([3, 100])
  })
})
