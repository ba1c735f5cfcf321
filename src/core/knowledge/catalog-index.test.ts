import { afterEach, describe, expect, it, vi } from 'vitest'
import { productSchema } from '../domain/schemas.js'
import { buildCatalogIndex } from './catalog-index.js'

const products = Array.from({ length: 400 }, (_, i) =>
  productSchema.parse({
    sku: `P-${i}`,
    title: `测试商品${i}号`,
    category: 'home/test',
    brand: '测试',
    price: 10,
    stock: 1,
  }),
)

/**
 * Builds with a simulated clock: every clock read is 1 ms of work, and each pause lets other
 * work run for `awayMs`. Returns how many pauses the build took.
 */
async function pausesWhenAway(awayMs: number): Promise<number> {
  let now = 0
  vi.spyOn(performance, 'now').mockImplementation(() => {
    now += 1
    return now
  })
  let pauses = 0
  const index = await buildCatalogIndex(products, {
    pause: async () => {
      pauses++
      now += awayMs
    },
  })
  expect(index.size).toBe(products.length)
  return pauses
}

describe('catalog index build slices', () => {
  afterEach(() => vi.restoreAllMocks())

  it('takes longer slices (fewer pauses) when the event loop is busy between them, so the build is not starved', async () => {
    const idle = await pausesWhenAway(0)
    const busy = await pausesWhenAway(75)
    expect(idle).toBeGreaterThan(0)
    expect(busy).toBeLessThan(idle / 2)
  })
})
