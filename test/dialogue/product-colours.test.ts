import { afterEach, describe, expect, it } from 'vitest'
import { displayColour } from '../../src/core/skills/product-colours.js'
import { type Harness, nlu, openHarness } from './harness.js'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const tee = { type: 'product' as const, value: 'TS-1' }

describe('colours of the product in context', () => {
  it('lists the catalogue colours when asked which colours there are', async () => {
    h = await openHarness({ customerId: 'c1' })
    await h.turn('纯棉T恤有货吗', nlu('stock_availability', { entities: [tee] }))
    const r = await h.turn('都有什么颜色', nlu('stock_availability', { confidence: 0.6 }))
    expect(r.reason).toBe('stock_colours_listed')
    for (const c of ['白色', '黑色', '红色']) expect(r.replies[0]!.text).toContain(c)
  })

  it('lists them in English with the catalogue names', async () => {
    h = await openHarness({ customerId: 'c1', locale: 'en' })
    const r = await h.turn(
      'what colours does the 纯棉T恤 come in?',
      nlu('stock_availability', { entities: [tee], locale: 'en' }),
    )
    expect(r.reason).toBe('stock_colours_listed')
  })
})

describe('a colour named by the catalogue’s own name', () => {
  it('is that colour, not the first of the same family', () => {
    const jeans = {
      sku: 'J-1',
      title: '直筒牛仔裤',
      category: 'apparel/jeans',
      brand: 'B',
      price: 299,
      currency: 'CNY',
      stock: 10,
      attributes: { colors: ['牛仔蓝', '深蓝'], colorsEn: ['Denim Blue', 'Dark Blue'] },
      description: '',
    }
    expect(displayColour(jeans, 'dark blue', 'en')).toBe('Dark Blue')
    expect(displayColour(jeans, '深蓝', 'zh')).toBe('深蓝')
    expect(displayColour(jeans, 'blue', 'en')).toBe('Denim Blue')
  })
})
