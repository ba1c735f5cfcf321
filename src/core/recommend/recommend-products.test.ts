import { describe, expect, it } from 'vitest'
import type { Customer, Order, Product } from '../domain/schemas.js'
import { parseBudget, parseRecommendRequest } from '../nlu/parse-recommend-request.js'
import { popularityOf, recommendProducts } from './recommend-products.js'

let n = 0
function makeProduct(p: Partial<Product> & { category: string }): Product {
  n++
  return {
    sku: p.sku ?? `P-${n}`,
    title: p.title ?? `Product ${n}`,
    brand: p.brand ?? `Brand${n}`,
    price: p.price ?? 100,
    currency: 'CNY',
    stock: p.stock ?? 10,
    attributes: p.attributes ?? {},
    description: '',
    ...p,
  }
}

function makeCustomer(profile: Customer['profile'] = {}, locale: Customer['locale'] = 'zh'): Customer {
  return { id: 'c1', name: 'Test', phone: '13800000000', tier: 'regular', locale, profile }
}

function makeOrder(skus: string[], status: Order['status'] = 'completed'): Order {
  return {
    orderNo: `KF${n++}`,
    customerId: 'c1',
    status,
    items: skus.map((sku) => ({ sku, qty: 1, price: 100 })),
    total: 100,
    currency: 'CNY',
    createdAt: '2026-11-01T00:00:00Z',
  }
}

/** The demo shop's category paths. */
const DEMO_CATEGORIES = [
  'apparel/down-jacket',
  'apparel/t-shirt',
  'apparel/jeans',
  'apparel/dress',
  'shoes/sneakers',
  'shoes/boots',
  'shoes/casual',
  'beauty/skincare',
  'beauty/makeup',
  'beauty/perfume',
  'electronics/phone',
  'electronics/earbuds',
  'electronics/headphones',
  'electronics/laptop',
  'electronics/smartwatch',
  'electronics/charger',
  'electronics/accessory',
  'home/bedding',
  'home/kitchen',
  'home/appliance',
]
const request = (text: string) => parseRecommendRequest(text, { categories: DEMO_CATEGORIES })

describe('parseRecommendRequest', () => {
  it('reads category, budget and features from a Chinese request', () => {
    const r = request('给我推荐一款降噪耳机，1000以内')
    expect(r.categories).toContain('electronics/earbuds')
    expect(r.budgetMax).toBe(1000)
    expect(r.features).toEqual(['anc'])
    expect(r.gift).toBeNull()
  })

  it('reads budgets the common ways', () => {
    expect(parseBudget('under $50')).toEqual({ max: 50 })
    expect(parseBudget('300-500元')).toEqual({ min: 300, max: 500 })
    expect(parseBudget('预算2千')).toEqual({ max: 2000 })
    expect(parseBudget('500左右')).toEqual({ min: 350, max: 600 })
    expect(parseBudget('1k以上')).toEqual({ min: 1000 })
    expect(parseBudget('推荐个耳机')).toEqual({})
  })

  it('recognises a gift and its recipient', () => {
    expect(request('想给老婆买个生日礼物').gift).toEqual({ recipient: 'female' })
    expect(request('a birthday gift for my dad').gift).toEqual({ recipient: 'male' })
    expect(request('recommend a laptop').gift).toBeNull()
    // What the recipient likes names the categories when none is named, and is kept as a word.
    const coffee = request('gift for my dad, he loves coffee, around 200 yuan')
    expect(coffee.likes).toEqual(['coffee'])
    expect(coffee.categories.length).toBeGreaterThan(0)
    expect(request('recommend a laptop').likes).toBeUndefined()
  })
})

describe('recommendProducts', () => {
  const anc = makeProduct({ sku: 'EB-ANC', category: 'electronics/earbuds', price: 899, attributes: { anc: true } })
  const ancPricey = makeProduct({
    sku: 'EB-ANC2',
    category: 'electronics/earbuds',
    price: 1299,
    attributes: { anc: true },
  })
  const ancOut = makeProduct({
    sku: 'EB-OUT',
    category: 'electronics/earbuds',
    price: 499,
    stock: 0,
    attributes: { anc: true },
  })
  const plain = makeProduct({
    sku: 'EB-PLAIN',
    category: 'electronics/earbuds',
    price: 199,
    attributes: { anc: false },
  })
  const phone = makeProduct({ sku: 'PH-1', category: 'electronics/phone', price: 3999, related: ['CASE-1'] })
  const phoneCase = makeProduct({ sku: 'CASE-1', category: 'electronics/accessory', price: 49 })
  const catalog = [anc, ancPricey, ancOut, plain, phone, phoneCase]

  it('keeps to the asked category, budget and features, in stock only', () => {
    const r = recommendProducts({ products: catalog, request: request('降噪耳机 1000以内'), locale: 'zh' })
    expect(r.items.map((i) => i.product.sku)).toEqual(['EB-ANC'])
    expect(r.items[0]?.reason).toContain('降噪')
    expect(r.relaxed).toBeNull()
  })

  it('says so when it has to go over budget to suggest anything', () => {
    const r = recommendProducts({ products: catalog, request: request('降噪耳机 500以内'), locale: 'zh' })
    expect(r.relaxed).toBe('budget')
    expect(r.items[0]?.product.sku).toBe('EB-ANC')
  })

  it('suggests a complement of something the customer bought, with the reason in their language', () => {
    const zh = recommendProducts({
      products: catalog,
      request: request('有什么推荐的'),
      locale: 'zh',
      customer: makeCustomer(),
      orders: [makeOrder(['PH-1'])],
    })
    expect(zh.items[0]?.product.sku).toBe('CASE-1')
    expect(zh.items[0]?.reasonCode).toBe('complements_purchase')
    expect(zh.items[0]?.reason).toContain('和您买过的')
    expect(zh.items.map((i) => i.product.sku)).not.toContain('PH-1')
    const en = recommendProducts({
      products: catalog,
      request: request('any recommendations?'),
      locale: 'en',
      customer: makeCustomer({}, 'en'),
      orders: [makeOrder(['PH-1'])],
    })
    expect(en.items[0]?.reason).toMatch(/^Goes with the .* you bought/)
  })

  it('ignores cancelled orders as purchase history', () => {
    const r = recommendProducts({
      products: catalog,
      request: request('recommend something'),
      locale: 'en',
      customer: makeCustomer(),
      orders: [makeOrder(['PH-1'], 'cancelled')],
    })
    expect(r.items.find((i) => i.reasonCode === 'complements_purchase')).toBeUndefined()
  })

  it('follows the profile: interests lead, the other gender’s apparel is left out, sizes must fit', () => {
    const chart = {
      rows: [
        { size: 'M', heightCm: [160, 170] as [number, number], weightKg: [50, 60] as [number, number] },
        { size: 'L', heightCm: [170, 180] as [number, number], weightKg: [60, 75] as [number, number] },
      ],
    }
    const menJacket = makeProduct({
      sku: 'DJ-M',
      category: 'apparel/down-jacket',
      attributes: { gender: 'men' },
      sizeChart: chart,
    })
    const womenJacket = makeProduct({
      sku: 'DJ-W',
      category: 'apparel/down-jacket',
      attributes: { gender: 'women' },
      sizeChart: chart,
    })
    const tinyJacket = makeProduct({
      sku: 'DJ-XS',
      category: 'apparel/down-jacket',
      attributes: { gender: 'men' },
      sizeChart: { rows: [{ size: 'XS', heightCm: [140, 150], weightKg: [35, 40] }] },
    })
    const r = recommendProducts({
      products: [menJacket, womenJacket, tinyJacket, plain],
      request: request('推荐点东西'),
      locale: 'zh',
      customer: makeCustomer({ gender: 'male', heightCm: 175, weightKg: 70, interests: ['户外'] }),
    })
    const skus = r.items.map((i) => i.product.sku)
    expect(skus[0]).toBe('DJ-M')
    expect(r.items[0]?.size).toBe('L')
    expect(r.items[0]?.reason).toContain('户外')
    expect(skus).not.toContain('DJ-W')
    expect(skus).not.toContain('DJ-XS')
  })

  it('diversifies: not three products of one brand when others are available', () => {
    const same = [1, 2, 3].map((i) =>
      makeProduct({ sku: `S-${i}`, brand: 'Solo', category: 'home/kitchen', price: 100 + i, title: `Pan ${i}` }),
    )
    const other = makeProduct({ sku: 'O-1', brand: 'Other', category: 'home/kitchen', price: 90 })
    const r = recommendProducts({
      products: [...same, other],
      request: request('推荐厨房用品'),
      locale: 'zh',
      popularity: new Map([
        ['S-1', 10],
        ['S-2', 9],
        ['S-3', 8],
      ]),
    })
    const brands = r.items.map((i) => i.product.brand)
    expect(brands).toContain('Other')
    expect(r.items).toHaveLength(3)
  })

  it('anonymous visitors get best sellers within the asked category', () => {
    const r = recommendProducts({
      products: catalog,
      request: request('recommend earbuds'),
      locale: 'en',
      popularity: popularityOf([makeOrder(['EB-PLAIN']), makeOrder(['EB-PLAIN']), makeOrder(['EB-ANC'])]),
    })
    expect(r.items[0]?.product.sku).toBe('EB-PLAIN')
    expect(r.items[0]?.reasonCode).toBe('best_seller')
    expect(r.items.every((i) => i.product.category === 'electronics/earbuds' && i.product.stock > 0)).toBe(true)
  })

  it('gift mode uses the recipient, not the shopper: no own-size filter, no cases or chargers', () => {
    const perfume = makeProduct({ sku: 'PF-1', category: 'beauty/perfume', price: 399 })
    const charger = makeProduct({ sku: 'CH-1', category: 'electronics/charger', price: 99 })
    const r = recommendProducts({
      products: [perfume, charger, phoneCase, plain],
      request: request('给老婆买个礼物，500以内'),
      locale: 'zh',
      customer: makeCustomer({ gender: 'male' }),
      orders: [makeOrder(['PH-1'])],
    })
    const skus = r.items.map((i) => i.product.sku)
    expect(skus[0]).toBe('PF-1')
    expect(skus).not.toContain('CH-1')
    expect(skus).not.toContain('CASE-1')
    expect(r.items[0]?.reasonCode).toBe('gift')
  })

  it('a gift for someone who loves coffee puts the product named with it first', () => {
    const wok = makeProduct({ sku: 'KT-WOK', category: 'home/kitchen', price: 199, title: '炒锅 34cm' })
    const pourOver = makeProduct({
      sku: 'KT-PO',
      category: 'home/kitchen',
      price: 189,
      title: '手冲咖啡壶套装',
      aliases: ['Pour-Over Coffee Set'],
    })
    for (const text of ['gift for my dad, he loves coffee, around 200 yuan', '送爸爸的礼物 他爱喝咖啡 200左右']) {
      const r = recommendProducts({ products: [wok, pourOver], request: request(text), locale: 'en', orders: [] })
      expect(r.items[0]?.product.sku, text).toBe('KT-PO')
    }
  })

  it('never suggests excluded products ("换一批")', () => {
    const r = recommendProducts({
      products: catalog,
      request: request('earbuds'),
      locale: 'en',
      exclude: ['EB-ANC', 'EB-PLAIN'],
    })
    expect(r.items.map((i) => i.product.sku)).toEqual(['EB-ANC2'])
  })
})
