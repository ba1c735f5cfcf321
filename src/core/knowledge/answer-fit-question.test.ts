import { describe, expect, it } from 'vitest'
import { type Product, productSchema } from '../domain/schemas.js'
import { composeFitAnswer } from './answer-fit-question.js'
import { buildProductGraph } from './product-graph.js'

const row = (sku: string, over: Record<string, unknown>) =>
  productSchema.parse({ sku, category: 'electronics/phone', brand: '星河', price: 100, stock: 1, ...over })

const nova = row('P-1', { title: '星河 Nova 7 手机', aliases: ['Nova 7'], attributes: { chargingW: 33 } })
const novaUltra = row('P-2', {
  title: '星河 Nova 7 Ultra 手机',
  aliases: ['Nova 7 Ultra'],
  attributes: { chargingW: 120, titleEn: 'Xinghe Nova 7 Ultra Phone' },
})
const shell = row('A-1', {
  title: '星河 Nova 7 Ultra 磨砂防摔保护壳',
  category: 'electronics/accessory',
  attributes: {
    titleEn: 'Xinghe Nova 7 Ultra Frosted Rugged Case',
    compatibility: '只适用于星河 Nova 7 Ultra；不适用于 Nova 7',
    compatibilityEn: 'Nova 7 Ultra only; not the Nova 7',
  },
})
const brick = row('C-1', {
  title: '星河 45W 快充充电头',
  category: 'electronics/charger',
  aliases: ['45W充电头'],
  attributes: { titleEn: 'Xinghe 45W Fast Charger', compatibility: 'USB-C PD 手机最高45W' },
})
const all = [nova, novaUltra, shell, brick]
const graph = buildProductGraph(all)
const live = async (sku: string): Promise<Product | null> => all.find((p) => p.sku === sku) ?? null

async function ask(text: string, locale: 'zh' | 'en' = 'zh') {
  return composeFitAnswer(text, graph.findMentions(text), graph, live, locale, null)
}

describe('composeFitAnswer', () => {
  it('finds a described accessory and says the device it excludes', async () => {
    const a = await ask('Nova 7 Ultra那个磨砂壳 我的Nova 7能用吗')
    expect(a?.skus).toEqual(['A-1'])
    expect(a?.verdicts).toEqual(['no'])
    const b = await ask('will the frosted rugged case fit my Nova 7 Ultra', 'en')
    expect(b?.verdicts).toEqual(['yes'])
  })

  it('adds the device charging power for a charger, and says when it is below full speed', async () => {
    const a = await ask('45W充电头给Nova 7 Ultra充 能满速吗')
    expect(a?.skus).toEqual(['C-1'])
    expect(a?.text).toContain('120W')
    expect(a?.text).toContain('达不到满速')
  })

  it('is null when no accessory is named or described', async () => {
    expect(await ask('Nova 7 和 Nova 7 Ultra 能一起用吗')).toBeNull()
  })
})
