import { describe, expect, it } from 'vitest'
import { productSchema } from '../domain/schemas.js'
import { composeProductAnswer, formatValue, parseProductQuestion } from './answer-product-question.js'
import { buildProductGraph } from './product-graph.js'

const phone = (sku: string, over: Record<string, unknown>) =>
  productSchema.parse({ sku, category: 'electronics/phone', brand: '灵犀', price: 100, stock: 1, ...over })

const x2 = phone('PH-1', {
  title: '灵犀 X2 5G手机',
  price: 3999,
  aliases: ['X2'],
  attributes: { titleEn: 'LINX X2', batteryMah: 5000, wirelessCharging: false, colors: ['黑'], colorsEn: ['Black'] },
})
const x2pro = phone('PH-2', {
  title: '灵犀 X2 Pro 5G手机',
  price: 5499,
  listPrice: 5999,
  aliases: ['X2 Pro'],
  attributes: { titleEn: 'LINX X2 Pro', batteryMah: 5500, wirelessCharging: true, wirelessChargingW: 50 },
})
const charger = phone('CH-1', {
  title: '灵犀 无线充电器',
  category: 'electronics/charger',
  aliases: ['无线充'],
  attributes: {},
})
const graph = buildProductGraph([x2, x2pro, charger])

describe('buildProductGraph', () => {
  it('finds the longest product name and respects model-number boundaries', () => {
    expect(graph.findMentions('X2 Pro 和 X2 哪个好').map((m) => m.sku)).toEqual(['PH-2', 'PH-1'])
    expect(graph.findMentions('X20 怎么样')).toEqual([])
  })

  it('does not take a nickname inside a feature phrase for a product', () => {
    expect(graph.findMentions('支持无线充电吗')).toEqual([])
    expect(graph.findMentions('无线充多少钱').map((m) => m.sku)).toEqual(['CH-1'])
  })

  it('finds names added, renamed and removed after it was built', () => {
    const g = buildProductGraph([x2, charger])
    expect(g.findMentions('灵犀 X2 Pro 有货吗').map((m) => m.sku)).toEqual(['PH-1'])
    g.upsert(x2pro)
    expect(g.findMentions('灵犀 X2 Pro 有货吗').map((m) => m.sku)).toEqual(['PH-2'])
    g.upsert({ ...charger, title: '灵犀 磁吸充电器', aliases: ['磁吸充'] })
    expect(g.findMentions('无线充多少钱')).toEqual([])
    expect(g.findMentions('磁吸充多少钱').map((m) => m.sku)).toEqual(['CH-1'])
    g.remove('PH-1')
    // Another name starting with the same two characters (灵犀 X2 Pro…) is still found.
    expect(g.findMentions('灵犀 X2 Pro 5G手机 呢').map((m) => m.sku)).toEqual(['PH-2'])
    expect(g.findMentions('X2 怎么样')).toEqual([])
  })

  it('links products of the same category as alternatives', () => {
    expect(graph.alternatives('PH-1')).toEqual(['PH-2'])
    expect(graph.byBrand('灵犀')).toHaveLength(3)
  })
})

describe('composeProductAnswer', () => {
  it('answers a yes/no attribute with its detail', () => {
    const q = parseProductQuestion('支持无线充电吗')
    expect(composeProductAnswer(q, [x2pro], 'zh', graph).text).toBe('【灵犀 X2 Pro 5G手机】支持无线充电（50W）。')
    expect(composeProductAnswer(q, [x2], 'zh', graph).text).toBe('【灵犀 X2 5G手机】不支持无线充电。')
  })

  it('compares two products on the asked attribute and names the winner', () => {
    const q = parseProductQuestion('哪个续航更长')
    const a = composeProductAnswer(q, [x2, x2pro], 'zh', graph)
    expect(a.text).toContain('灵犀 X2 Pro 5G手机续航更长')
    expect(a.complete).toBe(true)
  })

  it('uses the English twin of an attribute and the list price in English', () => {
    const colours = composeProductAnswer(parseProductQuestion('what colours'), [x2], 'en', graph)
    expect(colours.text).toBe('LINX X2: Colours: Black.')
    const price = composeProductAnswer(parseProductQuestion('how much is it'), [x2pro], 'en', graph)
    expect(price.text).toBe('LINX X2 Pro: The current price is ¥5499 (was ¥5999).')
  })

  it('says so when the catalog lacks the asked attribute', () => {
    const a = composeProductAnswer(parseProductQuestion('防水吗'), [x2], 'zh', graph)
    expect(a.complete).toBe(false)
  })

  it('formats units from the key suffix', () => {
    expect(formatValue('batteryMah', 5000, 'zh')).toBe('5000mAh')
    expect(formatValue('warrantyMonths', 12, 'en')).toBe('12 months')
    expect(formatValue('batteryHours', 7, 'zh')).toBe('7小时')
  })
})
