import { describe, expect, it } from 'vitest'
import type { Product } from '../domain/schemas.js'
import { parseRecommendRequest } from '../nlu/parse-recommend-request.js'
import { catalogCategories, categoryIs, resolveConcept, SIZED } from './category-concepts.js'
import { recommendProducts } from './recommend-products.js'

/** A merchant whose catalog uses Chinese category paths. */
const ZH_SHOP = [
  '数码/耳机',
  '数码/手机',
  '数码/充电器',
  '服饰/连衣裙',
  '服饰/羽绒服',
  '鞋靴/运动鞋',
  '鞋靴/靴子',
  '美妆/香水',
  '美妆/护肤品',
  '家居/收纳',
]

/** A merchant whose catalog uses other English category paths. */
const EN_SHOP = [
  'audio/headphones',
  'audio/speakers',
  'women/dresses',
  'women/Down-Jackets',
  'men/T-Shirts',
  'footwear',
]

const parse = (text: string, categories: readonly string[]) => parseRecommendRequest(text, { categories }).categories

describe('category words resolve against the shop’s own category paths', () => {
  it('a Chinese catalog: 耳机, headphones, 连衣裙, a dress', () => {
    expect(parse('推荐一款降噪耳机', ZH_SHOP)).toEqual(['数码/耳机'])
    expect(parse('any good headphones?', ZH_SHOP)).toEqual(['数码/耳机'])
    expect(parse('想买条连衣裙', ZH_SHOP)).toEqual(['服饰/连衣裙'])
    expect(parse('show me dresses', ZH_SHOP)).toEqual(['服饰/连衣裙'])
    expect(parse('羽绒服有推荐吗', ZH_SHOP)).toEqual(['服饰/羽绒服'])
  })

  it('an English catalog with other paths: headphones, 耳机, 连衣裙, word parts and plurals', () => {
    expect(parse('recommend headphones under 1000', EN_SHOP)).toEqual(['audio/headphones'])
    expect(parse('耳机推荐', EN_SHOP)).toEqual(['audio/headphones'])
    expect(parse('连衣裙', EN_SHOP)).toEqual(['women/dresses'])
    expect(parse('a warm jacket', EN_SHOP)).toEqual(['women/Down-Jackets'])
    expect(parse('T恤有什么推荐', EN_SHOP)).toEqual(['men/T-Shirts'])
    expect(parse('shoes please', EN_SHOP)).toEqual(['footwear'])
    // "headphones" is not a phone.
    expect(parse('a new phone', EN_SHOP)).toEqual([])
  })

  it('returns the path up to the matching segment, most specific first, without duplicates', () => {
    expect(parse('美妆推荐', ZH_SHOP)).toEqual(['美妆'])
    expect(parse('数码产品', ZH_SHOP)).toEqual(['数码'])
    expect(parse('运动鞋', ZH_SHOP)).toEqual(['鞋靴/运动鞋'])
    // `鞋靴` contains 靴 too, but the shop has a boots category of its own.
    expect(parse('靴子', ZH_SHOP)).toEqual(['鞋靴/靴子'])
    expect(resolveConcept('shoes', ['鞋靴/运动鞋', '鞋靴/靴子'])).toEqual(['鞋靴/运动鞋', '鞋靴'])
  })

  it('an empty catalog (or one without the kind asked for) gives no categories', () => {
    expect(parse('推荐一款降噪耳机', [])).toEqual([])
    expect(parse('a dress for a wedding', [])).toEqual([])
    expect(parse('推荐一款耳机', ['家居/收纳'])).toEqual([])
    expect(catalogCategories([])).toEqual([])
  })

  it('apparel and shoes are sized in any shop, electronics are not', () => {
    for (const c of ['服饰/连衣裙', '鞋靴/运动鞋', 'women/dresses', 'women/Down-Jackets', 'footwear'])
      expect(categoryIs(c, SIZED), c).toBe(true)
    for (const c of ['数码/耳机', 'audio/headphones', '美妆/香水', '家居/收纳'])
      expect(categoryIs(c, SIZED), c).toBe(false)
  })
})

describe('recommendations in a shop with its own category paths', () => {
  let n = 0
  const product = (category: string, p: Partial<Product> = {}): Product => ({
    sku: `Z-${++n}`,
    title: `商品 ${n}`,
    brand: `品牌${n}`,
    price: 300,
    currency: 'CNY',
    stock: 10,
    attributes: {},
    description: '',
    category,
    ...p,
  })
  const perfume = product('美妆/香水', { sku: 'PERFUME', price: 399 })
  const charger = product('数码/充电器', { sku: 'CHARGER', price: 129 })
  const box = product('家居/收纳', { sku: 'BOX', price: 420 })
  const earbuds = product('数码/耳机', { sku: 'EARBUDS', price: 899, attributes: { anc: true } })
  const dress = product('服饰/连衣裙', { sku: 'DRESS', price: 459, attributes: { gender: 'women' } })
  const catalog = [perfume, charger, box, earbuds, dress]
  const categories = catalogCategories(catalog)

  it('a gift for mum: a present of her kind first, no chargers', () => {
    const request = parseRecommendRequest('给妈妈买个生日礼物，500以内', { categories })
    expect(request.gift).toEqual({ recipient: 'female' })
    const r = recommendProducts({ products: catalog, request, locale: 'zh' })
    const skus = r.items.map((i) => i.product.sku)
    expect(skus[0]).toBe('PERFUME')
    expect(skus).not.toContain('CHARGER')
    expect(r.items[0]?.reasonCode).toBe('gift')
  })

  it('keeps to the asked category', () => {
    const r = recommendProducts({
      products: catalog,
      request: parseRecommendRequest('降噪耳机 1000以内', { categories }),
      locale: 'zh',
    })
    expect(r.items.map((i) => i.product.sku)).toEqual(['EARBUDS'])
  })

  it('leaves the other gender’s apparel out, as in the demo shop', () => {
    const r = recommendProducts({
      products: catalog,
      request: parseRecommendRequest('推荐点东西', { categories }),
      locale: 'zh',
      customer: { id: 'c1', name: 'T', phone: '13800000000', tier: 'regular', profile: { gender: 'male' } },
      limit: 5,
    })
    expect(r.items.map((i) => i.product.sku)).not.toContain('DRESS')
  })
})
