import { describe, expect, it } from 'vitest'
import type { Product } from '../domain/schemas.js'
import type { CatalogView } from '../knowledge/types.js'
import { readMessage } from '../nlu/message-reading.js'
import { mentionedCategory, shopProducts, skuCategory } from './product-mention.js'
import type { SkillContext } from './skill-types.js'

const product = (sku: string, category: string, title = sku): Product => ({
  sku,
  title,
  category,
  brand: 'B',
  price: 10,
  currency: 'CNY',
  stock: 5,
  attributes: {},
  description: '',
})

/** A shop of `size` products seen through a fake index and a store that records what it is asked. */
function shop(size: number, text: string) {
  const reads: string[] = []
  const rows = new Map<string, Product>([
    ['X9', product('X9', 'electronics/phone', '极光 X9 手机')],
    ['DJ-1', product('DJ-1', 'apparel/down-jacket', '云朵羽绒服')],
  ])
  const view: CatalogView = {
    size,
    categories: () => ['electronics/phone', 'apparel/down-jacket'],
    categoryOf: (sku) => rows.get(sku)?.category ?? (sku.startsWith('G') ? 'apparel/down-jacket' : undefined),
    namedIn: (t) => (t.toLowerCase().includes('x9') ? ['X9'] : []),
  }
  const store = {
    products: {
      get: async (_shop: string, sku: string) => {
        reads.push(`get ${sku}`)
        return rows.get(sku) ?? null
      },
      list: async (_shop: string, page: { limit?: number; offset?: number; category?: string } = {}) => {
        reads.push(`list ${page.category ?? '*'} ${page.limit}`)
        if (page.category) return [rows.get('DJ-1')!]
        return [...rows.values()]
      },
      count: async () => size,
    },
  }
  const sc = {
    ctx: { store, shop: { id: 'shop1' }, knowledge: { catalog: view }, now: new Date(0) },
    understanding: { query: text, read: readMessage(text) },
    state: { slots: {}, candidates: null },
  } as unknown as SkillContext
  return { sc, reads }
}

describe('a turn in a large catalog', () => {
  it('reads the products the message names, not the catalog', async () => {
    const { sc, reads } = shop(100_000, 'X9 多少钱')
    expect((await shopProducts(sc)).map((p) => p.sku)).toEqual(['X9'])
    expect(reads).toEqual(['get X9'])
  })

  it('reads a bounded page of a category the message names', async () => {
    const { sc, reads } = shop(100_000, '羽绒服我穿什么码')
    expect((await shopProducts(sc)).map((p) => p.sku)).toEqual(['DJ-1'])
    expect(reads).toEqual(['list apparel/down-jacket 500'])
    expect((await mentionedCategory(sc))?.categories).toEqual(['apparel/down-jacket'])
    expect((await skuCategory(sc))('G000123')).toBe('apparel/down-jacket')
  })

  it('a catalog counted small that grew since (an import landing) is read a few pages, not whole', async () => {
    const { sc, reads } = shop(300, '羽绒服我穿什么码')
    const store = (sc.ctx as unknown as { store: { products: Record<string, unknown> } }).store
    // 100,000 rows written since the count: every page is full.
    store.products.list = async (_shop: string, page: { limit?: number; offset?: number; category?: string } = {}) => {
      reads.push(`list ${page.category ?? '*'} ${page.limit} @${page.offset ?? 0}`)
      if (page.category) return [product('DJ-1', 'apparel/down-jacket', '云朵羽绒服')]
      const from = page.offset ?? 0
      return Array.from({ length: page.limit ?? 500 }, (_, i) => product(`G${from + i}`, 'apparel/down-jacket'))
    }
    expect((await shopProducts(sc)).map((p) => p.sku)).toEqual(['DJ-1'])
    expect(reads).toEqual([
      'list * 500 @0',
      'list * 500 @500',
      'list * 500 @1000',
      'list * 500 @1500',
      'list * 500 @2000',
      'list apparel/down-jacket 500 @0',
    ])
  })

  it('still reads a small catalog whole', async () => {
    const { sc, reads } = shop(300, 'X9 多少钱')
    expect((await shopProducts(sc)).map((p) => p.sku)).toEqual(['X9', 'DJ-1'])
    expect(reads).toEqual(['list * 500'])
  })
})

describe('categoryMention', () => {
  it('between category words of one length, the first said is the subject', async () => {
    const { categoryMention } = await import('../nlu/detect-category-mention.js')
    const cats = ['electronics/phone', 'electronics/earbuds']
    expect(categoryMention('耳机连不上手机了', cats)?.categories).toEqual(['electronics/earbuds'])
    expect(categoryMention('手机连不上耳机', cats)?.categories).toEqual(['electronics/phone'])
  })
})
