import { describe, expect, it } from 'vitest'
import type { Order, Product } from '../domain/schemas.js'
import { withItemTitles } from './order-item-titles.js'

const product = (sku: string, title: string, titleEn?: string): Product => ({
  sku,
  title,
  category: 'food/tea',
  brand: 'B',
  price: 1,
  currency: 'CNY',
  stock: 1,
  attributes: titleEn ? { titleEn } : {},
  description: '',
})

const order = (orderNo: string, items: Order['items']): Order => ({
  orderNo,
  customerId: 'c1',
  status: 'paid',
  items,
  total: 1,
  currency: 'CNY',
  createdAt: '2026-11-20T10:00:00+08:00',
})

function catalog(products: Product[]) {
  const reads: string[] = []
  return {
    reads,
    get: async (_shopId: string, sku: string) => {
      reads.push(sku)
      return products.find((p) => p.sku === sku) ?? null
    },
  }
}

describe('withItemTitles', () => {
  it("fills untitled lines with the catalog title in the customer's language, reading each SKU once", async () => {
    const c = catalog([product('T1', '龙井', 'Longjing tea'), product('T2', '红茶')])
    const orders = [
      order('O1', [
        { sku: 'T1', qty: 1, price: 1 },
        { sku: 'T2', qty: 1, price: 1, title: '商家写的标题' },
      ]),
      order('O2', [
        { sku: 'T1', qty: 2, price: 1 },
        { sku: 'GONE', qty: 1, price: 1 },
      ]),
    ]
    const zh = await withItemTitles(c, 's', 'zh', orders)
    expect(zh.map((o) => o.items.map((i) => i.title))).toEqual([
      ['龙井', '商家写的标题'],
      ['龙井', '未知商品 GONE'],
    ])
    expect(c.reads.sort()).toEqual(['GONE', 'T1'])
    const en = await withItemTitles(c, 's', 'en', orders)
    expect(en[1]!.items.map((i) => i.title)).toEqual(['Longjing tea', 'unknown item GONE'])
    // The stored orders are not changed.
    expect(orders[0]!.items[0]!.title).toBeUndefined()
  })

  it('reads nothing when every line has a title, and shares a cache across calls', async () => {
    const c = catalog([product('T1', '龙井')])
    const titled = [order('O1', [{ sku: 'T1', qty: 1, price: 1, title: 'x' }])]
    expect(await withItemTitles(c, 's', 'zh', titled)).toBe(titled)
    const cache = new Map()
    await withItemTitles(c, 's', 'zh', [order('O2', [{ sku: 'T1', qty: 1, price: 1 }])], cache)
    await withItemTitles(c, 's', 'zh', [order('O3', [{ sku: 'T1', qty: 1, price: 1 }])], cache)
    expect(c.reads).toEqual(['T1'])
  })
})
