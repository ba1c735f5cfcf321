import { describe, expect, it } from 'vitest'
import { readMessage } from './message-reading.js'
import { understandTurn } from './understand-turn.js'

const orders = [
  { id: 'A', texts: ['眠眠 60支长绒棉四件套 1.8m床', '待付款'] },
  { id: 'B', texts: ['眠眠 60支长绒棉四件套 1.5m床', '已发货'] },
]

describe('readings of a message (computed when a skill asks, with shop data passed in)', () => {
  it('picks the listed option the message describes, optionally ignoring the category word', () => {
    expect(readMessage('1.5m那个').pickByDescription(orders)).toBe('B')
    expect(readMessage('好的').pickByDescription(orders)).toBeNull()
    // Without "四件套" the message still names the 1.8m set; the word alone would tie.
    expect(readMessage('1.8m的四件套').pickByDescription(orders, {}, '四件套')).toBe('A')
  })

  it('tells whether the message names a product, ignoring spacing, hyphens and case', () => {
    const r = readMessage('Aurora-X9 多少钱？')
    expect(r.names('aurora x9')).toBe(true)
    expect(r.names('Aurora X10')).toBe(false)
    expect(readMessage(' - ').hasWords()).toBe(false)
    expect(readMessage('X9').hasWords()).toBe(true)
  })

  it('keeps the words for a record trimmed and cut, and asks knowledge without the words that only named the order', () => {
    const r = readMessage('  笔记本那单能开发票吗  ')
    expect(r.record()).toBe('笔记本那单能开发票吗')
    expect(r.record(3)).toBe('笔记本')
    expect(r.queryWithout(['笔记本'])).toBe('那单能开发票吗')
    expect(readMessage('笔记本').queryWithout(['笔记本'])).toBe('笔记本')
  })

  it('reads the purchase date from the date the slots found, else from the words, with the turn clock', () => {
    const now = new Date('2026-06-10T08:00:00.000Z')
    expect(readMessage('买了很久了', { date: '2026-03-15' }).purchaseDate(now)).toMatch(/^2026-03-15/)
    expect(readMessage('2025年3月买的').purchaseDate(now)).toMatch(/^2025-03-01/)
    expect(readMessage('没说日期').purchaseDate(now)).toBeNull()
  })

  it('is part of the understanding of a turn, with the knowledge query and the length', () => {
    const nlu = {
      intent: 'recommendation' as const,
      confidence: 0.9,
      candidates: [],
      entities: [],
      emotion: { score: 0, label: 'calm' as const },
      locale: 'zh' as const,
    }
    const u = understandTurn(' 推荐一款300以内的耳机 ', nlu, { awaiting: null })
    expect(u.query).toBe(' 推荐一款300以内的耳机 ')
    expect(u.chars).toBe(12)
    const req = u.read.recommendRequest({ categories: ['electronics/earbuds', 'apparel/tshirt'] })
    expect(req.categories).toEqual(['electronics/earbuds'])
    expect(req.budgetMax).toBe(300)
  })
})
