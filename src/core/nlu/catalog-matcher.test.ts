import { describe, expect, it } from 'vitest'
import { type CatalogItem, createCatalogMatcher, createMutableCatalogMatcher } from './catalog-matcher.js'
import { extractEntities } from './extract-entities.js'

const ITEMS: CatalogItem[] = [
  { sku: 'X2-PRO', title: '星耀X2 Pro', brand: 'Aurora', aliases: ['x2pro'] },
  { sku: 'X3', title: '星耀X3', brand: 'Aurora' },
  { sku: 'DJ-1', title: '轻暖羽绒服', brand: 'Nordica', aliases: ['羽绒服A款'] },
]

const products = (m: ReturnType<typeof createMutableCatalogMatcher>, text: string) =>
  extractEntities(text, { catalog: m })
    .filter((e) => e.type === 'product')
    .map((e) => e.value)

/** Everything a matcher answers from, as plain data. */
const snapshot = (m: ReturnType<typeof createMutableCatalogMatcher>) => ({
  names: [...m.names.entries()]
    .map(([k, e]) => (typeof e === 'string' ? [k, [e], false] : [k, [...e.skus].sort(), e.brand]))
    .sort(),
  byFirst: [...m.byFirst.entries()].sort(),
})

describe('catalog matcher kept current product by product', () => {
  it('filled one product at a time equals one compiled from the whole catalog', () => {
    const m = createMutableCatalogMatcher()
    for (const it of ITEMS) m.upsert(it)
    expect(snapshot(m)).toEqual(snapshot(createCatalogMatcher(ITEMS)))
    expect(m.size).toBe(3)
  })

  it('names a product added after the build in the next message', () => {
    const m = createCatalogMatcher(ITEMS)
    expect(products(m, '极光Z9有货吗')).toEqual([])
    expect(m.upsert({ sku: 'Z9', title: '极光Z9', brand: 'Aurora' })).toBe(true)
    expect(products(m, '极光Z9有货吗')).toEqual(['Z9'])
  })

  it('a renamed product answers to its new name only; a deleted one to none', () => {
    const m = createCatalogMatcher(ITEMS)
    m.upsert({ sku: 'DJ-1', title: '云朵羽绒服', brand: 'Nordica' })
    expect(products(m, '轻暖羽绒服还有吗')).toEqual([])
    expect(products(m, '云朵羽绒服还有吗')).toEqual(['DJ-1'])
    m.remove('DJ-1')
    expect(products(m, '云朵羽绒服还有吗')).toEqual([])
    expect(products(m, 'nordica的衣服')).toEqual([])
    // What is left is exactly what a build without the product gives.
    expect(snapshot(m)).toEqual(snapshot(createCatalogMatcher(ITEMS.slice(0, 2))))
  })

  it('a shared brand keeps naming the products that remain', () => {
    const m = createCatalogMatcher(ITEMS)
    expect(products(m, 'aurora的手机')).toEqual([{ skus: ['X2-PRO', 'X3'] }])
    m.remove('X3')
    expect(products(m, 'aurora的手机')).toEqual(['X2-PRO'])
  })

  it('a change that keeps the names (price, stock) leaves the matcher as it was', () => {
    const m = createCatalogMatcher(ITEMS)
    const before = snapshot(m)
    const lengths = m.byFirst.get('星')
    expect(m.upsert({ ...ITEMS[0]! })).toBe(false)
    expect(snapshot(m)).toEqual(before)
    expect(m.byFirst.get('星')).toBe(lengths)
  })
})
