import { describe, expect, it } from 'vitest'
import { createCatalogMatcher, extractEntities } from './extract-entities.js'

const catalog = createCatalogMatcher([
  { sku: 'PH-X2PRO', title: 'X2 Pro 智能手机', brand: 'Kefu', aliases: ['X2 Pro', 'x2pro'] },
  { sku: 'DJ-01', title: '轻薄羽绒服', brand: '北极狐', aliases: ['羽绒服', 'light down jacket'] },
])
// Monday 2 December 2024: "last week" crosses into November.
const ctx = { catalog, referenceDate: '2024-12-02' }
const pick = (text: string, type: string) =>
  extractEntities(text, ctx)
    .filter((e) => e.type === type)
    .map((e) => e.value)

describe('extractEntities', () => {
  it('finds an order number next to a phone number, both with correct offsets', () => {
    const text = '订单KF202411200001，电话13812345678'
    const es = extractEntities(text, ctx)
    expect(es.map((e) => [e.type, e.value])).toEqual([
      ['order_no', 'KF202411200001'],
      ['phone', '+8613812345678'],
    ])
    for (const e of es) expect(text.slice(e.start, e.end)).toBe(e.text)
    expect(pick('KF202411200001 13812345678', 'phone')).toEqual(['+8613812345678'])
  })

  it('takes generic order ids only in order context, in both languages', () => {
    expect(pick('我的订单号是 20241120000112 手机 138-1234-5678', 'order_no')).toEqual(['20241120000112'])
    expect(pick('order #A1234567890 has not arrived', 'order_no')).toEqual(['A1234567890'])
    expect(pick('my number is 20241120000112', 'order_no')).toEqual([])
  })

  it('recognises tracking numbers by carrier format', () => {
    expect(pick('顺丰单号SF1234567890123', 'tracking_no')).toEqual([{ carrier: 'SF', number: 'SF1234567890123' }])
    expect(pick('tracking YT1234567890123 shows nothing', 'tracking_no')).toEqual([
      { carrier: 'YTO', number: 'YT1234567890123' },
    ])
  })

  it('normalises phone numbers, mainland and international', () => {
    expect(pick('call me on +86 138 1234 5678', 'phone')).toEqual(['+8613812345678'])
    expect(pick('my number is +1 415 555 2671', 'phone')).toEqual(['+14155552671'])
  })

  it('reads amounts and currencies in both languages', () => {
    expect(pick('¥199 还是 199元？两百块也行', 'amount')).toEqual([
      { amount: 199, currency: 'CNY' },
      { amount: 199, currency: 'CNY' },
      { amount: 200, currency: 'CNY' },
    ])
    expect(pick('it was $20, or 20 dollars, or 1,299.50 USD', 'amount')).toEqual([
      { amount: 20, currency: 'USD' },
      { amount: 20, currency: 'USD' },
      { amount: 1299.5, currency: 'USD' },
    ])
    expect(pick('我买了一块手表', 'amount')).toEqual([])
  })

  it('reads quantities', () => {
    expect(pick('买3件，再来两双', 'quantity')).toEqual([
      { count: 3, unit: '件' },
      { count: 2, unit: '双' },
    ])
    expect(pick('I bought two pairs and 3 items', 'quantity')).toEqual([
      { count: 2, unit: 'pair' },
      { count: 3, unit: 'item' },
    ])
  })

  it('does not confuse L码 with XL, and reads numeric and shoe sizes', () => {
    expect(pick('L码和XL码有什么区别', 'size')).toEqual(['L', 'XL'])
    expect(pick('我要M的，XL太大了', 'size')).toEqual(['M', 'XL'])
    expect(pick('170/92A 穿38码吗 EU 42 US 9.5', 'size')).toEqual(['170/92A', '38码', 'EU 42', 'US 9.5'])
    expect(pick('I want size L, not the XXL', 'size')).toEqual(['L', 'XXL'])
    expect(pick("I'm sure it's fine", 'size')).toEqual([])
  })

  it('normalises colours to English keys', () => {
    expect(pick('红色的有吗，还有藏青色', 'color')).toEqual(['red', 'navy'])
    expect(pick('do you have it in navy blue or Grey?', 'color')).toEqual(['navy', 'grey'])
    expect(pick('明白了，白天再说', 'color')).toEqual([])
  })

  it('resolves products against the catalog by alias, title and brand', () => {
    expect(pick('X2 Pro 支持无线充电吗', 'product')).toEqual(['PH-X2PRO'])
    expect(pick('is the light down jacket warm?', 'product')).toEqual(['DJ-01'])
    expect(pick('北极狐的衣服怎么样', 'product')).toEqual(['DJ-01'])
    expect(pick('this product is great', 'product')).toEqual([])
  })

  it('recognises device models', () => {
    expect(pick('iPhone 15 Pro Max 能用吗', 'device_model')).toEqual(['iPhone 15 Pro Max'])
    expect(pick('does it work with my Mate 60 or a pixel 8?', 'device_model')).toEqual(['Mate 60', 'Pixel 8'])
  })

  it('reads heights and weights, converting 斤 and lbs to kg', () => {
    expect(pick('身高1米7，体重130斤', 'height')).toEqual([{ cm: 170 }])
    expect(pick('身高1米7，体重130斤', 'weight')).toEqual([{ kg: 65 }])
    expect(pick('身高175，65kg', 'height')).toEqual([{ cm: 175 }])
    expect(pick('I am 5\'9" and 150 lbs', 'height')).toEqual([{ cm: 175 }])
    expect(pick('I am 5\'9" and 150 lbs', 'weight')).toEqual([{ kg: 68 }])
  })

  it('resolves relative and absolute dates against the reference date, across month ends', () => {
    expect(pick('昨天 上周五 11月20号 前天', 'date')).toEqual(['2024-12-01', '2024-11-29', '2024-11-20', '2024-11-30'])
    expect(pick('ordered last Monday, paid yesterday, shipped Nov 3', 'date')).toEqual([
      '2024-11-25',
      '2024-12-01',
      '2024-11-03',
    ])
    expect(extractEntities('昨天', { referenceDate: '2024-03-01' })[0]?.value).toBe('2024-02-29')
    expect(extractEntities('12月28号下的单', { referenceDate: '2025-01-05' })[0]?.value).toBe('2024-12-28')
    expect(pick('3 days ago', 'date')).toEqual(['2024-11-29'])
  })

  it('never throws on junk, emoji or very long text', () => {
    expect(extractEntities('', ctx)).toEqual([])
    expect(() => extractEntities('😀\u0000\uffff'.repeat(2000), ctx)).not.toThrow()
  })
})

describe('height said outright', () => {
  it('takes a child height after 身高/height, an adult one after a bare 高', () => {
    expect(pick('女儿身高118 穿多大', 'height')).toEqual([{ cm: 118 }])
    expect(pick('height 95, what size', 'height')).toEqual([{ cm: 95 }])
    expect(pick('高118', 'height')).toEqual([])
  })
})
