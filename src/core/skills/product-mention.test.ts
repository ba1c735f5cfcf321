import { describe, expect, it } from 'vitest'
import type { Order, Product } from '../domain/schemas.js'
import { categoryMention, genderOf, itemInOrders, topInCategory } from './product-mention.js'

const CATS = [
  'apparel/down-jacket',
  'apparel/t-shirt',
  'electronics/earbuds',
  'electronics/headphones',
  'electronics/phone',
]

function makeProduct(sku: string, category: string, extra: Partial<Product> = {}): Product {
  return {
    sku,
    title: sku,
    category,
    brand: 'b',
    price: 1,
    currency: 'CNY',
    stock: 10,
    attributes: {},
    ...extra,
  } as Product
}

function makeOrder(orderNo: string, createdAt: string, skus: string[], status: Order['status'] = 'delivered'): Order {
  return {
    orderNo,
    customerId: 'c1',
    status,
    createdAt,
    items: skus.map((sku) => ({ sku, qty: 1, price: 1 })),
    total: 1,
    currency: 'CNY',
  } as Order
}

describe('categoryMention', () => {
  it('maps zh and en category words to the shop categories, best first', () => {
    expect(categoryMention('羽绒服我穿什么码', CATS)).toEqual({ word: '羽绒服', categories: ['apparel/down-jacket'] })
    expect(categoryMention('I want to return the earbuds', CATS)?.categories).toEqual([
      'electronics/earbuds',
      'electronics/headphones',
    ])
    expect(categoryMention('T恤穿多大', CATS)?.categories).toEqual(['apparel/t-shirt'])
  })

  it('ignores categories the shop does not have, and phone numbers', () => {
    expect(categoryMention('笔记本能退吗', CATS)).toBeNull()
    expect(categoryMention('我要改手机号', CATS)).toBeNull()
    expect(categoryMention('change my phone number', CATS)).toBeNull()
  })

  it("reads the shop's own category segments as English words", () => {
    expect(categoryMention('any t-shirts?', CATS)?.categories).toEqual(['apparel/t-shirt'])
  })
})

describe('itemInOrders', () => {
  it('takes the most recent item of the category and skips cancelled orders', () => {
    const m = categoryMention('耳机', CATS)!
    const cat = (sku: string) => (sku.startsWith('EB') ? 'electronics/earbuds' : 'apparel/t-shirt')
    const orders = [
      makeOrder('A', '2026-11-01T00:00:00Z', ['EB-1']),
      makeOrder('B', '2026-11-10T00:00:00Z', ['EB-2'], 'cancelled'),
      makeOrder('C', '2026-11-05T00:00:00Z', ['TS-1', 'EB-3']),
    ]
    expect(itemInOrders(orders, m, cat)).toMatchObject({ sku: 'EB-3' })
  })
})

describe('topInCategory', () => {
  it('offers in-stock products of the customer gender and adult sizes first', () => {
    const m = categoryMention('羽绒服', CATS)!
    const ps = [
      makeProduct('W', 'apparel/down-jacket', { stock: 500, attributes: { gender: 'women' } }),
      makeProduct('K', 'apparel/down-jacket', { stock: 400, title: '儿童款羽绒服' }),
      makeProduct('M', 'apparel/down-jacket', { stock: 5, attributes: { gender: 'men' } }),
      makeProduct('X', 'apparel/down-jacket', { stock: 0, attributes: { gender: 'men' } }),
    ]
    expect(topInCategory(ps, m, { gender: 'men' }).map((p) => p.sku)).toEqual(['M', 'W', 'K'])
    expect(genderOf('女款羽绒服', 'male')).toBe('women')
  })
})
