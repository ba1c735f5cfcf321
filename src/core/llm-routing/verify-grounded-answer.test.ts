import { describe, expect, it } from 'vitest'
import type { Fact } from './collect-facts.js'
import { verifyGroundedAnswer } from './verify-grounded-answer.js'

const phone: Fact = {
  id: 'product:PH-1',
  kind: 'product',
  sku: 'PH-1',
  text: '商品：星耀 X2 Pro，SKU PH-1\n当前售价 ¥5499.00\n当前库存 12 件\n参数：batteryMah: 5000',
  amounts: [5499],
}
const shipping: Fact = {
  id: 'faq:F001',
  kind: 'faq',
  text: '问：包邮吗？\n答：订单满 99 元包邮，支持7天无理由退货。',
  amounts: [99],
}
const facts = [phone, shipping]

describe('verifyGroundedAnswer', () => {
  it('accepts an answer whose numbers are all in the facts, whatever their spelling', () => {
    const v = verifyGroundedAnswer('X2 Pro 现价 5,499 元 [F1]，有货（12件）；满九十九元包邮，七天无理由 [F2]。', facts)
    expect(v.ok).toBe(true)
    if (v.ok) {
      expect(v.factIds).toEqual(['product:PH-1', 'faq:F001'])
      expect(v.text).not.toContain('[F')
    }
  })

  it('reads and removes citations however the model writes them', () => {
    for (const a of [
      '满99元包邮【F2】',
      '满99元包邮 (F2)',
      '满99元包邮 [F2, F1]',
      '满99元包邮 [F2][F1]',
      '满99元包邮（F2、1）',
    ]) {
      const v = verifyGroundedAnswer(a, facts)
      expect(v.ok, a).toBe(true)
      if (v.ok) {
        expect(v.text).toBe('满99元包邮')
        expect(v.factIds).toContain('faq:F001')
      }
    }
  })

  it('rejects an invented price', () => {
    const v = verifyGroundedAnswer('这款手机只要 99 元！', [phone])
    expect(v).toEqual({ ok: false, reason: 'unsupported_amount', offending: ['99'] })
  })

  it('rejects a stock count used as a price', () => {
    expect(verifyGroundedAnswer('现在只要 12 元', facts)).toMatchObject({ ok: false, reason: 'unsupported_amount' })
  })

  it('rejects an invented policy number', () => {
    expect(verifyGroundedAnswer('支持30天无理由退货', facts)).toMatchObject({
      ok: false,
      reason: 'unsupported_number',
      offending: ['30'],
    })
    expect(verifyGroundedAnswer('我们提供三年质保', facts)).toMatchObject({ ok: false, reason: 'unsupported_number' })
  })

  it('ignores list numbering but not numbers inside the items', () => {
    expect(verifyGroundedAnswer('1. 满99元包邮\n2. 支持7天无理由退货', facts).ok).toBe(true)
    expect(verifyGroundedAnswer('1. 满99元包邮\n2. 支持15天无理由退货', facts).ok).toBe(false)
  })

  it('rejects a catalog product that is not among the facts', () => {
    const findProducts = (t: string) => (t.includes('云朵羽绒服') ? ['DJ-7'] : t.includes('X2 Pro') ? ['PH-1'] : [])
    expect(verifyGroundedAnswer('推荐您看看 X2 Pro', facts, { findProducts }).ok).toBe(true)
    expect(verifyGroundedAnswer('推荐您看看云朵羽绒服', facts, { findProducts })).toEqual({
      ok: false,
      reason: 'unknown_product',
      offending: ['DJ-7'],
    })
  })

  it('treats the NO_ANSWER sentinel and empty text as no answer', () => {
    expect(verifyGroundedAnswer('NO_ANSWER', facts)).toMatchObject({ ok: false, reason: 'declined' })
    expect(verifyGroundedAnswer('  [F1] ', facts)).toMatchObject({ ok: false, reason: 'empty' })
  })
})
