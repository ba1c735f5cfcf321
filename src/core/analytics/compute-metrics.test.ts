import { describe, expect, it } from 'vitest'
import { percentile } from './compute-metrics.js'

describe('percentile (nearest rank)', () => {
  it('picks the smallest value with at least p of the data at or below it', () => {
    const v = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    expect(percentile(v, 0.5)).toBe(50)
    expect(percentile(v, 0.9)).toBe(90)
    expect(percentile(v, 0.91)).toBe(100)
    expect(percentile([7], 0.9)).toBe(7)
    expect(percentile([], 0.5)).toBeNull()
  })
})
