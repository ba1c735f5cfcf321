import { describe, expect, it } from 'vitest'
import { extractNumbers } from './extract-numbers.js'
import { factNumbers, withNumbers } from './fact-numbers.js'
import { verifyGroundedAnswer } from './verify-grounded-answer.js'

describe('fact numbers', () => {
  it('are the numbers of the text plus the amounts, read again when the text changes', () => {
    const f = { text: '满 99 元包邮，7 天无理由退货', amounts: [99] }
    const first = factNumbers(f)
    const x = extractNumbers(f.text)
    expect(first.numbers).toEqual([...x.numbers, 99])
    expect(first.amounts).toEqual([...x.amounts, 99])
    expect(factNumbers(f)).toBe(first)
    f.text = '满 199 元包邮'
    expect(factNumbers(f).amounts).toContain(199)
    expect(factNumbers(f).amounts).not.toContain(7)
  })

  it('remembered at collection time are the ones verification checks against', () => {
    const text = '商品：星耀 X2 Pro，当前售价 ¥5499.00，当前库存 12 件'
    const fact = withNumbers(
      { id: 'product:PH-X2', kind: 'product' as const, text, amounts: [5499], sku: 'PH-X2', names: ['星耀 X2 Pro'] },
      extractNumbers(text),
    )
    expect(verifyGroundedAnswer('星耀 X2 Pro 现价 5499 元，库存 12 件 [F1]。', [fact]).ok).toBe(true)
    expect(verifyGroundedAnswer('星耀 X2 Pro 现价 4999 元 [F1]。', [fact])).toMatchObject({
      ok: false,
      reason: 'unsupported_amount',
    })
  })
})
