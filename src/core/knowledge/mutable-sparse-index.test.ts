import { describe, expect, it } from 'vitest'
import { createMutableSparseIndex } from './mutable-sparse-index.js'
import { createSparseIndexBuilder, type SparseEntryInput } from './sparse-index.js'

const entries: SparseEntryInput[] = [
  {
    variants: [
      ['羽绒服', '~羽绒', '黑色'],
      ['down', 'jacket'],
    ],
    body: ['保暖', '鸭绒'],
  },
  { variants: [['耳机', '蓝牙', '降噪']], body: ['续航', '30', '小时'] },
  {
    variants: [
      ['手机', 'x2', 'pro'],
      ['x2', 'pro'],
    ],
    body: ['无线', '充电'],
  },
  { variants: [['羽绒服', '白色', '轻薄']], body: ['鹅绒'] },
]
const queries = [['羽绒服', '黑色'], ['x2', 'pro', '充电'], ['蓝牙', '耳机', '续航'], ['鹅绒', '羽绒服'], ['未知']]

describe('createMutableSparseIndex', () => {
  it('scores exactly like the frozen index when built from the same entries', () => {
    const frozen = createSparseIndexBuilder({ bodyWeight: 0.1 })
    const mutable = createMutableSparseIndex({ bodyWeight: 0.1 })
    for (const e of entries) {
      frozen.add(e)
      mutable.add(e)
    }
    const f = frozen.build()
    for (const q of queries) {
      const a = f.search(q, 5)
      const b = mutable.search(q, 5)
      expect(b.map((c) => c.entry)).toEqual(a.map((c) => c.entry))
      b.forEach((c, i) => {
        expect(c.confidence).toBeCloseTo(a[i]!.confidence, 5)
        expect(c.bm25).toBeCloseTo(a[i]!.bm25, 4)
      })
    }
  })

  it('forgets a removed entry and finds one added later, as if built from the final set', () => {
    const mutable = createMutableSparseIndex()
    const ids = entries.map((e) => mutable.add(e))
    mutable.remove(ids[0]!)
    const replaced = mutable.add({ variants: [['羽绒服', '红色']], body: [] })
    const frozen = createSparseIndexBuilder()
    for (const e of [entries[1]!, entries[2]!, entries[3]!, { variants: [['羽绒服', '红色']], body: [] }]) frozen.add(e)
    const f = frozen.build()
    const toFinal = [ids[1], ids[2], ids[3], replaced]
    for (const q of [...queries, ['红色', '羽绒服']]) {
      const a = f.search(q, 5).map((c) => ({ entry: toFinal[c.entry], confidence: c.confidence.toFixed(5) }))
      const b = mutable.search(q, 5).map((c) => ({ entry: c.entry, confidence: c.confidence.toFixed(5) }))
      expect(b).toEqual(a)
    }
    expect(mutable.size).toBe(4)
    expect(mutable.search(['黑色'])).toEqual([])
  })

  it('compacts postings of many removed entries without losing live ones', () => {
    const mutable = createMutableSparseIndex()
    const keep = mutable.add({ variants: [['common', 'keep']] })
    for (let i = 0; i < 200; i++) mutable.remove(mutable.add({ variants: [['common', `t${i}`]] }))
    expect(mutable.search(['common']).map((c) => c.entry)).toEqual([keep])
    expect(mutable.search(['common']).map((c) => c.entry)).toEqual([keep])
  })

  it('counts the bytes of postings without walking them, and releases what a search compacts', () => {
    const index = createMutableSparseIndex()
    const added = Array.from({ length: 100 }, (_, i) => index.add({ variants: [['common', `u${i}`]] }))
    // 100 entries: 'common' holds 100 postings, each `u…` term one.
    const full = index.bytes()
    for (const e of added.slice(0, 60)) index.remove(e)
    expect(index.bytes()).toBe(full)
    // The search over 'common' compacts its 60 dead postings (8 bytes each).
    expect(index.search(['common'], 100)).toHaveLength(40)
    expect(index.bytes()).toBe(full - 60 * 8)
  })
})
