import { describe, expect, it } from 'vitest'
import { backoffDelay } from './reconnecting-socket.js'

describe('backoffDelay', () => {
  it('doubles from one second and caps at thirty seconds', () => {
    const max = () => 0.999999
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((a) => backoffDelay(a, max))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ])
  })

  it('spreads reconnects over the upper half of the window', () => {
    expect(backoffDelay(3, () => 0)).toBe(4000)
    expect(backoffDelay(3, () => 0.5)).toBe(6000)
  })
})
