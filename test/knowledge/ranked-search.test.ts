import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { faqSchema, faultSchema, productSchema } from '../../src/core/domain/schemas.js'
import { buildKnowledgeBase } from '../../src/core/knowledge/knowledge-base.js'

const lines = (file: string) =>
  readFileSync(new URL(`../../data/demo/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown)

const snapshot = {
  shopId: 'demo',
  faqs: lines('faq.jsonl').map((x) => faqSchema.parse(x)),
  faults: lines('faults.jsonl').map((x) => faultSchema.parse(x)),
  products: lines('products.jsonl').map((x) => productSchema.parse(x)),
}

const QUESTIONS: Array<[string, 'zh' | 'en']> = [
  ['我预算有限，这款降噪蓝牙耳机和轻薄本哪个更适合送给刚上大学的弟弟？', 'zh'],
  ['耳机充不进电怎么办', 'zh'],
  ['你们包邮吗，几天能到', 'zh'],
  ['推荐一款适合打游戏的手机', 'zh'],
  ['which laptop is lighter and is it in stock', 'en'],
  ['how do I return a pair of earbuds that crackle', 'en'],
]

describe('searchRanked', () => {
  it('gives the hits of a search, and cut again the hits of a narrower search', async () => {
    let reads = 0
    const byId = new Map(snapshot.products.map((p) => [p.sku, p]))
    const kb = await buildKnowledgeBase(snapshot, {
      liveProduct: async (sku) => {
        reads++
        return byId.get(sku) ?? null
      },
    })
    for (const [q, locale] of QUESTIONS) {
      const twice = {
        hits: await kb.search(q, { locale, limit: 5 }),
        products: await kb.search(q, { locale, kinds: ['product'], limit: 3 }),
        faqs: await kb.search(q, { locale, kinds: ['faq'], limit: 2 }),
        wide: await kb.search(q, { locale, kinds: ['product'], limit: 20 }),
      }
      const ranked = await kb.searchRanked(q, { locale, limit: 5 })
      expect(ranked.hits, q).toEqual(twice.hits)
      const before = reads
      expect(await ranked.narrow(['product'], 3), q).toEqual(twice.products)
      expect(await ranked.narrow(['faq'], 2), q).toEqual(twice.faqs)
      // A product already among the hits is not read a second time.
      const again = ranked.hits.filter((h) => twice.products.some((p) => p.id === h.id && p.kind === 'product'))
      expect(reads - before, q).toBe(twice.products.length - again.length)
      // A bigger cut draws on a bigger pool: searched anew.
      expect(await ranked.narrow(['product'], 20), q).toEqual(twice.wide)
    }
  })
})
