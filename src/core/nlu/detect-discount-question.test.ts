import { describe, expect, it } from 'vitest'
import type { Shop } from '../domain/records.js'
import { activePromotions, promotionDiscount, shopCoupons } from '../skills/shop-rules.js'
import { discountQuestion } from './detect-discount-question.js'

describe('discountQuestion', () => {
  it('reads the quantity and the price the customer names', () => {
    expect(discountQuestion('买两条399的裙子能减多少')).toMatchObject({ quantity: 2, unitPrice: 399 })
    expect(discountQuestion('我买个2299的羽绒服能减多少')).toMatchObject({ quantity: 1, unitPrice: 2299 })
    expect(discountQuestion('how much off if I buy 3 x ¥120 mugs')).toMatchObject({ quantity: 3, unitPrice: 120 })
    expect(discountQuestion('how much would I save on two of them')).toMatchObject({ quantity: 2, unitPrice: null })
  })
  it('reads a question for the price after the promotion', () => {
    expect(discountQuestion('拿三条159的打底裤 减完多少钱')).toMatchObject({ quantity: 3, unitPrice: 159 })
    expect(discountQuestion('这件满减后多少')).toMatchObject({ quantity: 1, unitPrice: null })
    expect(discountQuestion("what's it come to after the discount for 2 pairs")).toMatchObject({
      quantity: 2,
      unitPrice: null,
    })
  })
  it('reads a cart amount, an item added to it, several priced items and a new quantity', () => {
    expect(discountQuestion('购物车里有280 还差多少才能满减')).toMatchObject({ cartTotal: 280, unitPrice: null })
    expect(discountQuestion('I have 250 in my cart, how much more do I need for the deal?')).toMatchObject({
      cartTotal: 250,
    })
    expect(discountQuestion('再加一个45的杯子 够不够')).toMatchObject({ addOn: true, unitPrice: 45 })
    expect(discountQuestion('一件199的卫衣和两条99的裤子 最后付多少')?.items).toMatchObject([
      { quantity: 1, unitPrice: 199, label: '卫衣' },
      { quantity: 2, unitPrice: 99, label: '裤子' },
    ])
    expect(discountQuestion('what about five?')).toMatchObject({ quantity: 5, requantify: true })
    expect(discountQuestion('那买3个呢')).toMatchObject({ quantity: 3, requantify: true })
    expect(discountQuestion('would I get the 30 off with 2 pairs?')).toMatchObject({ quantity: 2 })
    expect(discountQuestion('这双鞋满减完呢')).toMatchObject({ quantity: 1 })
  })
  it('reads the welcome coupon and one item alone as changes to the computation before', () => {
    expect(discountQuestion('新用户买一件199的和一件59的 满减加券最后付多少')).toMatchObject({ newCustomer: true })
    expect(discountQuestion('我是新人 再用新人券呢')).toMatchObject({ requantify: true, newCustomer: true })
    expect(discountQuestion('那只买卫衣呢')).toMatchObject({ requantify: true, only: '卫衣' })
    expect(discountQuestion('just the hoodie then?')).toMatchObject({ requantify: true, only: 'hoodie' })
    expect(discountQuestion('新人券怎么领')).toBeNull()
  })
  it('is null when nothing is to be computed', () => {
    expect(discountQuestion('5')).toBeNull()
    expect(discountQuestion('尺码够不够大')).toBeNull()
    expect(discountQuestion('满减活动什么时候结束')).toBeNull()
    expect(discountQuestion('399的裙子有M码吗')).toBeNull()
    expect(discountQuestion('how much is it')).toBeNull()
  })
})

describe('promotions', () => {
  const shop = {
    settings: {
      promotions: [
        {
          nameZh: '大促',
          nameEn: 'Sale',
          from: '2026-11-25T00:00:00+08:00',
          until: '2026-12-12T23:59:59+08:00',
          everyAmount: 300,
          off: 30,
        },
        {
          nameZh: '旧',
          nameEn: 'Old',
          from: '2026-01-01T00:00:00Z',
          until: '2026-02-01T00:00:00Z',
          everyAmount: 100,
          off: 50,
        },
      ],
    },
  } as unknown as Shop
  it('runs only inside its window and takes off per full step, with an optional cap', () => {
    const now = activePromotions(shop, new Date('2026-11-26T04:00:00Z'))
    expect(now.map((p) => p.nameEn)).toEqual(['Sale'])
    expect(promotionDiscount(now[0]!, 798)).toBe(60)
    expect(promotionDiscount(now[0]!, 299)).toBe(0)
    expect(promotionDiscount({ ...now[0]!, maxOff: 100 }, 3000)).toBe(100)
    expect(activePromotions(shop, new Date('2026-12-13T00:00:00Z'))).toEqual([])
    expect(activePromotions({ settings: {} } as unknown as Shop, new Date('2026-11-26T04:00:00Z'))).toEqual([])
  })
})

describe('shopCoupons', () => {
  it('reads the shop coupons, none by default', () => {
    expect(shopCoupons(null)).toEqual([])
    const shop = {
      settings: { coupons: [{ nameZh: '新人券', nameEn: 'welcome', minSpend: 99, off: 20, newCustomersOnly: true }] },
    }
    expect(shopCoupons(shop as unknown as Shop)).toEqual([
      { nameZh: '新人券', nameEn: 'welcome', minSpend: 99, off: 20, newCustomersOnly: true },
    ])
  })
})
