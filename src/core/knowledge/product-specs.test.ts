import { describe, expect, it } from 'vitest'
import { productSchema } from '../domain/schemas.js'
import { composeProductAnswer, parseProductQuestion } from './answer-product-question.js'
import { buildProductGraph } from './product-graph.js'

const product = (sku: string, over: Record<string, unknown>) =>
  productSchema.parse({ sku, category: 'home/appliance', brand: '小暖', price: 100, stock: 1, ...over })

const espresso = product('AP-5', {
  title: '小暖 意式半自动咖啡机',
  price: 1199,
  attributes: { titleEn: 'Espresso Machine', powerW: 1350, pressureBar: 20, voltage: '220V' },
})
const fryer = product('AP-1', { title: '小暖 空气炸锅 5.5L', attributes: { capacity: '5.5L', powerW: 1500 } })
const charger = product('CH-2', {
  title: '灵犀 65W 氮化镓充电器',
  category: 'electronics/charger',
  attributes: { outputW: 65 },
})
const phone = (sku: string, title: string, batteryMah: number, weightG: number, storage: string) =>
  product(sku, { title, category: 'electronics/phone', attributes: { batteryMah, weightG, storage, chargingW: 100 } })
const x2pro = phone('PH-3', '灵犀 X2 Pro', 5500, 215, '256GB')
const o9 = phone('PH-11', '曜石 O9 Ultra', 5600, 224, '512GB')
const graph = buildProductGraph([espresso, fryer, charger, x2pro, o9])

describe('spec questions answered from the catalog attributes', () => {
  it('pressure and power of an appliance, both asked in one message', () => {
    const q = parseProductQuestion('你们那个意式咖啡机压力多少bar 功率多大')
    expect(q.concepts).toEqual(expect.arrayContaining(['pressure', 'power']))
    const text = composeProductAnswer(q, [espresso], 'zh', graph).text
    expect(text).toContain('20bar')
    expect(text).toContain('1350W')
  })

  it('watts of a charger is its output; of a phone, its charging power', () => {
    expect(composeProductAnswer(parseProductQuestion('这个充电器多少瓦'), [charger], 'zh', graph).text).toContain('65W')
    const a = composeProductAnswer(parseProductQuestion('how many watts does it charge at'), [x2pro], 'en', graph)
    expect(a.text).toContain('100')
    expect(a.complete).toBe(true)
  })

  it('capacity is litres for a fryer and storage for a phone', () => {
    expect(composeProductAnswer(parseProductQuestion('容量多大'), [fryer], 'zh', graph).text).toContain('5.5L')
    expect(composeProductAnswer(parseProductQuestion('容量多大'), [o9], 'zh', graph).text).toContain('512GB')
  })

  it('two facts compared in one question: the bigger battery and the lighter phone', () => {
    const q = parseProductQuestion('x2 pro和o9 ultra哪个电池大 哪个轻一点')
    expect(q.concepts).toEqual(expect.arrayContaining(['battery', 'weight']))
    const text = composeProductAnswer(q, [x2pro, o9], 'zh', graph).text
    expect(text).toContain('5600')
    expect(text).toContain('215')
  })

  it('a price comparison says how much cheaper the cheaper one is', () => {
    const cheap = phone('PH-1', '灵犀 X2', 5000, 200, '256GB')
    const q = parseProductQuestion('X2 vs X2 Pro - how much more is the pro?')
    const text = composeProductAnswer(
      { ...q, concepts: ['price'] },
      [
        { ...cheap, price: 3999 },
        { ...x2pro, price: 5499 },
      ],
      'en',
      graph,
    ).text
    expect(text).toContain('cheaper, by ¥1500')
  })
})
