import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { type FaqEntry, faqSchema } from '../../src/core/domain/schemas.js'
import { buildKnowledgeBase } from '../../src/core/knowledge/knowledge-base.js'

const DEMO: FaqEntry[] = readFileSync(new URL('../../data/demo/faq.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => faqSchema.parse(JSON.parse(l)))

describe('learned FAQ matcher on the demo FAQ', () => {
  it('is trained for both locales of a real-sized FAQ and not for a tiny one', async () => {
    const kb = await buildKnowledgeBase({ shopId: 's', faqs: DEMO, faults: [], products: [] })
    expect(kb.stats.matcher).toEqual(['zh', 'en'])
    const tiny = await buildKnowledgeBase({ shopId: 't', faqs: DEMO.slice(0, 5), faults: [], products: [] })
    expect(tiny.stats.matcher).toEqual([])
    const off = await buildKnowledgeBase(
      { shopId: 'o', faqs: DEMO, faults: [], products: [] },
      { matcher: { enabled: false } },
    )
    expect(off.stats.matcher).toEqual([])
  })

  it('ranks paraphrases first', async () => {
    const kb = await buildKnowledgeBase({ shopId: 's', faqs: DEMO, faults: [], products: [] })
    const cases: Array<[string, string]> = [
      ['寄去乌鲁木齐运费贵不贵', 'faq-zh-005'],
      ['查了物流一周都没变化', 'faq-zh-008'],
      ['发票能不能写成单位名字', 'faq-zh-037'],
      ['the invoice needs my employer name on it', 'faq-en-037'],
      ['what happens to my loyalty points if I send the order back', 'faq-en-027'],
      ['I paid for one order but my bank shows two payments', 'faq-en-034'],
    ]
    for (const [q, id] of cases) {
      const hits = await kb.search(q, { kinds: ['faq'], limit: 3 })
      expect(hits[0]?.id, q).toBe(id)
    }
  })

  it('does not answer questions the FAQ is not about', async () => {
    const kb = await buildKnowledgeBase({ shopId: 's', faqs: DEMO, faults: [], products: [] })
    for (const q of ['明天上海天气怎么样', '你们卖二手车吗', 'who won the football match yesterday']) {
      const a = await kb.answer(q, { kinds: ['faq'] })
      expect(a.status, q).not.toBe('answer')
    }
  })
})
