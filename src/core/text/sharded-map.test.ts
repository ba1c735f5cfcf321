import { describe, expect, it } from 'vitest'
import { ShardedMap, ShardedSet } from './sharded-map.js'

describe('ShardedMap / ShardedSet', () => {
  it('behave like a Map and a Set of the same keys', () => {
    const m = new ShardedMap<number>()
    const ref = new Map<string, number>()
    const s = new ShardedSet()
    const refSet = new Set<string>()
    for (let i = 0; i < 5000; i++) {
      const k = i % 3 === 0 ? `词${i % 700}` : `term-${(i * 7919) % 1300}`
      if (i % 5 === 4) {
        expect(m.delete(k)).toBe(ref.delete(k))
        expect(s.delete(k)).toBe(refSet.delete(k))
      } else {
        m.set(k, i)
        ref.set(k, i)
        s.add(k)
        refSet.add(k)
      }
      expect(m.size).toBe(ref.size)
      expect(s.size).toBe(refSet.size)
    }
    for (const k of ['词1', 'term-0', 'absent', '']) {
      expect(m.get(k)).toBe(ref.get(k))
      expect(m.has(k)).toBe(ref.has(k))
      expect(s.has(k)).toBe(refSet.has(k))
    }
    expect([...m.entries()].sort()).toEqual([...ref.entries()].sort())
    expect([...m.keys()].sort()).toEqual([...ref.keys()].sort())
  })
})
