import { describe, expect, it } from 'vitest'
import { nluResult } from './nlu-result.fixture.js'
import { understandTurn } from './understand-turn.js'

const nlu = nluResult

describe('points asked of an order', () => {
  it('is a payment question although "啥时候到账" reads like a parcel arriving', () => {
    const u = understandTurn('耳机那单798 我能拿多少积分 啥时候到账', nlu('price_promotion'), { awaiting: null })
    expect(u.nlu.intent).toBe('invoice_payment')
    expect(
      understandTurn('耳机那单798 我能拿多少积分 啥时候到账', nlu('logistics', 0.8), { awaiting: null }).nlu.intent,
    ).toBe('invoice_payment')
  })

  it('leaves a parcel question without points to tracking', () => {
    const u = understandTurn('耳机那单啥时候到', nlu('logistics', 0.8), { awaiting: null })
    expect(u.nlu.intent).toBe('logistics')
  })
})
