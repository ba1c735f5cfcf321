import { describe, expect, it } from 'vitest'
import { Int32Chunks } from './int32-chunks.js'

describe('Int32Chunks', () => {
  it('keeps every integer at its position across chunk boundaries', () => {
    const c = new Int32Chunks()
    const n = 3 * 65536 + 17
    for (let i = 0; i < n; i++) expect(c.push(i * 3 - 7)).toBe(i)
    expect(c.length).toBe(n)
    for (const at of [0, 1, 65535, 65536, 65537, 2 * 65536 - 1, 2 * 65536, n - 1]) expect(c.get(at)).toBe(at * 3 - 7)
    // A range that starts in one chunk and ends in the next reads as one run.
    const run: number[] = []
    for (let i = 65530; i < 65542; i++) run.push(c.get(i))
    expect(run).toEqual(Array.from({ length: 12 }, (_, k) => (65530 + k) * 3 - 7))
    expect(c.bytes()).toBe(4 * 65536 * 4)
  })
})
