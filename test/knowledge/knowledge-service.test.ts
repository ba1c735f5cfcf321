import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createKnowledgeService, type KnowledgeService } from '../../src/core/knowledge/knowledge-service.js'
import { createReviewWorkflow, type ReviewWorkflow } from '../../src/core/knowledge/review-workflow.js'
import { tickingNow } from '../helpers/ticking-clock.js'
import { openTestStore, type TestStore } from './fixtures.js'

const editor = { author: 'alice' }

describe('knowledge service over a SQLite store', () => {
  let t: TestStore
  let knowledge: KnowledgeService
  let review: ReviewWorkflow

  beforeEach(async () => {
    t = await openTestStore()
    knowledge = createKnowledgeService({ store: t.store })
    review = createReviewWorkflow({
      store: t.store,
      invalidate: (id) => knowledge.invalidate(id, { change: { scope: 'text' } }),
      now: tickingNow(),
    })
  })
  afterEach(async () => {
    await t.close()
  })

  it('answers a paraphrased FAQ question', async () => {
    const kb = await knowledge.forShop('shop1')
    const a = await kb.answer('请问包邮不？')
    expect(a.status).toBe('answer')
    if (a.status === 'answer') expect(a.hit.id).toBe('faq-shipping-free')
    const en = await kb.answer('is shipping free?', { locale: 'en' })
    expect(en.status).toBe('answer')
    if (en.status === 'answer') expect(en.hit.id).toBe('faq-en-shipping-free')
  })

  it('uses a published entry for the very next message, without a restart', async () => {
    const question = '你们支持花呗分期付款吗？'
    const before = await (await knowledge.forShop('shop1')).answer(question)
    expect(before.status === 'answer' && before.hit.id === 'faq-installments').toBe(false)
    await review.create(
      'shop1',
      {
        id: 'faq-installments',
        question,
        similar: ['能分期吗'],
        answer: '支持花呗3/6/12期。',
        category: 'payment',
        locale: 'zh',
      },
      editor,
    )
    await review.submit('shop1', 'faq-installments', editor)
    // Still in review: a draft or an entry in review never answers.
    const inReview = await (await knowledge.forShop('shop1')).answer(question)
    expect(inReview.status === 'answer' && inReview.hit.id === 'faq-installments').toBe(false)
    await review.publish('shop1', 'faq-installments', editor)
    const after = await (await knowledge.forShop('shop1')).answer(question)
    expect(after.status).toBe('answer')
    if (after.status === 'answer') {
      expect(after.hit.id).toBe('faq-installments')
      expect(after.hit.answer).toBe('支持花呗3/6/12期。')
    }
  })

  it('never answers with a draft', async () => {
    await review.create(
      'shop1',
      { id: 'faq-draft', question: '你们有线下门店吗？', answer: '有，在上海。', category: 'store', locale: 'zh' },
      editor,
    )
    const kb = await knowledge.forShop('shop1')
    const hits = await kb.search('你们有线下门店吗？')
    expect(hits.map((h) => h.id)).not.toContain('faq-draft')
  })

  it('keeps the published text live while an edit is pending, and rollback restores an old version', async () => {
    await review.update('shop1', 'faq-ship-time', { answer: '付款后24小时内发货。' }, editor)
    let a = await (await knowledge.forShop('shop1')).answer('什么时候发货？')
    expect(a.status === 'answer' && a.hit.answer).toBe('付款后48小时内发货。')
    await review.submit('shop1', 'faq-ship-time', editor)
    await review.publish('shop1', 'faq-ship-time', editor)
    a = await (await knowledge.forShop('shop1')).answer('什么时候发货？')
    expect(a.status === 'answer' && a.hit.answer).toBe('付款后24小时内发货。')

    const versions = await review.versions('shop1', 'faq-ship-time')
    // v1 is the baseline of the imported entry; the edit shows up as a diff on the answer.
    expect(versions[0]!.status).toBe('published')
    expect(versions[1]!.diff.map((d) => d.field)).toEqual(['answer', 'status'])
    await review.rollback('shop1', 'faq-ship-time', 1, { author: 'bob', note: 'wrong promise' })
    a = await (await knowledge.forShop('shop1')).answer('什么时候发货？')
    expect(a.status === 'answer' && a.hit.answer).toBe('付款后48小时内发货。')
    const after = await review.versions('shop1', 'faq-ship-time')
    expect(after.at(-1)!.author).toBe('bob')
    expect(after.at(-1)!.note).toBe('wrong promise')
  })

  it('archiving takes an entry offline', async () => {
    await review.archive('shop1', 'faq-invoice', editor)
    const a = await (await knowledge.forShop('shop1')).answer('可以开发票吗？')
    expect(a.status === 'answer' && a.hit.id === 'faq-invoice').toBe(false)
  })

  it('rejects illegal transitions with conflict', async () => {
    await expect(review.publish('shop1', 'faq-invoice', editor)).rejects.toMatchObject({ code: 'conflict' })
    await expect(review.submit('shop1', 'nope', editor)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('answers an attribute question with the live price after a price import', async () => {
    const kb = await knowledge.forShop('shop1')
    const first = await kb.answer('X2 Pro 多少钱？')
    expect(first.status).toBe('answer')
    if (first.status === 'answer') {
      expect(first.hit.kind).toBe('product')
      expect(first.hit.data?.price).toBe(3999)
    }
    const row = (await t.store.products.get('shop1', 'PH-X2P'))!
    await t.store.products.upsertMany('shop1', [{ ...row, price: 3499, stock: 5 }])
    // No invalidate: price and stock are read live.
    const second = await (await knowledge.forShop('shop1')).answer('X2 Pro 多少钱？')
    expect(second.status === 'answer' && second.hit.data?.price).toBe(3499)
    expect(second.status === 'answer' && second.hit.answer).toContain('3499')
  })

  it('answers from the product graph and compares two products', async () => {
    const kb = await knowledge.forShop('shop1')
    const down = await kb.answer('这款羽绒服含绒量多少？', { productSku: 'DJ-001' })
    expect(down.status === 'answer' && down.hit.answer).toContain('90%')
    const wireless = await kb.answer('Does the X2 Pro support wireless charging?', { locale: 'en' })
    expect(wireless.status === 'answer' && wireless.hit.answer).toMatch(/^Galaxy X2 Pro phone: Yes/)
    const cmp = await kb.answer('X2 和 X2 Pro 哪个续航更长？')
    expect(cmp.status).toBe('answer')
    if (cmp.status === 'answer') {
      expect(cmp.hit.data?.compare).toBe(true)
      expect(cmp.hit.answer).toContain('星河 X2 Pro 智能手机续航更长')
    }
  })

  it('matches a fault symptom', async () => {
    const hits = await (await knowledge.forShop('shop1')).search('我的耳机充不上电了', { kinds: ['fault'] })
    expect(hits[0]?.id).toBe('fault-earbuds-no-charge')
  })

  it('does not give a confident wrong answer to an unrelated question', async () => {
    const kb = await knowledge.forShop('shop1')
    for (const q of ['你们老板是谁？', '明天上海天气怎么样', 'What is the capital of France?']) {
      const a = await kb.answer(q)
      expect(a.status, q).not.toBe('answer')
    }
  })

  it('tells listeners about invalidations, except remote ones', async () => {
    const seen: string[] = []
    knowledge.onInvalidate((s) => seen.push(s))
    knowledge.invalidate('shop1')
    knowledge.invalidate('shop1', { remote: true })
    expect(seen).toEqual(['shop1'])
  })

  it('fails with not_found for an unknown shop', async () => {
    await expect(knowledge.forShop('nope')).rejects.toMatchObject({ code: 'not_found' })
  })
})
