import { describe, expect, it } from 'vitest'
import type { Fact } from './collect-facts.js'
import { verifyGroundedAnswer } from './verify-grounded-answer.js'

const phone: Fact = {
  id: 'product:PH-1',
  kind: 'product',
  sku: 'PH-1',
  names: ['星耀 X2 Pro', 'X2 Pro'],
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
    expect(verifyGroundedAnswer('1. 满99元包邮 [F2]\n2. 支持7天无理由退货 [F2]', facts).ok).toBe(true)
    expect(verifyGroundedAnswer('1. 满99元包邮 [F2]\n2. 支持15天无理由退货 [F2]', facts).ok).toBe(false)
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

  const watch: Fact = {
    id: 'product:WT-1',
    kind: 'product',
    sku: 'WT-1',
    names: ['极光手表', 'Aurora watch'],
    text: '商品：极光手表，SKU WT-1\n当前售价 ¥999.00',
    amounts: [999],
  }
  const band: Fact = {
    id: 'product:BD-1',
    kind: 'product',
    sku: 'BD-1',
    names: ['运动手环'],
    text: '商品：运动手环，SKU BD-1\n当前售价 ¥599.00',
    amounts: [599],
  }
  const oneYuan: Fact = {
    id: 'faq:F9',
    kind: 'faq',
    text: '问：怎么开发票？\n答：纸质发票另收 1 元邮费。',
    amounts: [1],
  }

  it("rejects another product's price next to a product name", () => {
    expect(verifyGroundedAnswer('极光手表现在只要 599 元 [F1][F2]', [watch, band])).toMatchObject({
      ok: false,
      reason: 'wrong_product_price',
    })
    expect(verifyGroundedAnswer('极光手表 999 元 [F1]，运动手环 599 元 [F2]。', [watch, band]).ok).toBe(true)
  })

  it('checks amounts against the fact the sentence cites, not any fact', () => {
    expect(verifyGroundedAnswer('这款手机只要1元 [F1]', [phone, oneYuan])).toMatchObject({ ok: false })
    expect(verifyGroundedAnswer('只要1元', [phone, oneYuan])).toMatchObject({ ok: false, reason: 'uncited_claim' })
    expect(verifyGroundedAnswer('纸质发票另收 1 元邮费 [F2]', [phone, oneYuan]).ok).toBe(true)
  })

  it('rejects promises no cited fact makes', () => {
    for (const a of ['Returns are free today [F2]', '我们提供终身免费退换 [F2]', '给您补偿一张优惠券 [F2]']) {
      expect(verifyGroundedAnswer(a, facts), a).toMatchObject({ ok: false, reason: 'unsupported_promise' })
    }
    expect(verifyGroundedAnswer('满99元包邮，支持7天无理由退货 [F2]', facts).ok).toBe(true)
  })

  it('rejects links, e-mail, phone numbers and handles unless they are the shop own', () => {
    for (const a of [
      '详情请看 http://evil.example.com/pay [F2]',
      '请访问 shop-refund.top 办理 [F2]',
      '联系 refund@evil.com [F2]',
      '请拨打 138 0013 8000 [F2]',
      '请拨打一三八零零一三八零零零 [F2]',
      'call one three eight zero zero one three eight zero zero zero [F2]',
      '加微信 kefu_8888 办理 [F2]',
      'message @refund_desk on Telegram [F2]',
    ]) {
      expect(verifyGroundedAnswer(a, facts), a).toMatchObject({ ok: false, reason: 'contact' })
    }
    expect(verifyGroundedAnswer('请拨打 400-800-1234 [F2]', facts, { allowedContacts: ['400-800-1234'] }).ok).toBe(true)
  })

  it('strips bidi controls before checking and from what the customer sees', () => {
    // U+202E makes "¥001" display as "¥100"
    expect(verifyGroundedAnswer('现价 \u202e¥001\u202c [F1]', facts)).toMatchObject({ ok: false })
    const v = verifyGroundedAnswer('现价\u200b 5499 元 [F1]', facts)
    expect(v).toMatchObject({ ok: true, text: '现价 5499 元' })
  })
})
