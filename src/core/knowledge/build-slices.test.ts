import { afterEach, describe, expect, it, vi } from 'vitest'
import { createBuildSlices } from './build-slices.js'

/** A simulated clock: `work(ms)` advances it; each pause lets other work run for `awayMs`. */
function simulated(awayMs: number) {
  let now = 0
  vi.spyOn(performance, 'now').mockImplementation(() => now)
  const slices = createBuildSlices({
    pause: async () => {
      now += awayMs
    },
  })
  return { slices, work: (ms: number) => (now += ms) }
}

describe('build slices', () => {
  afterEach(() => vi.restoreAllMocks())

  it('yields when the slice budget is used, and before a block only past half of it', async () => {
    const { slices, work } = simulated(0)
    for (let i = 0; i < 8; i++) {
      work(0.5)
      await slices.step()
    }
    expect(slices.pauses).toBe(0) // 4 ms of an 8 ms slice
    await slices.beforeBlock()
    expect(slices.pauses).toBe(1) // half used: the page read starts a new slice
    await slices.beforeBlock()
    expect(slices.pauses).toBe(1) // a fresh slice: read on
    for (let i = 0; i < 16; i++) {
      work(1)
      await slices.step()
    }
    expect(slices.pauses).toBe(3) // 16 ms more in 8 ms slices
  })

  it('takes half the time the loop was busy as its next slice, at most 100 ms, so a busy loop cannot starve it', async () => {
    const count = async (awayMs: number) => {
      const { slices, work } = simulated(awayMs)
      for (let i = 0; i < 800; i++) {
        work(0.5)
        await slices.step()
      }
      vi.restoreAllMocks()
      return slices.pauses
    }
    const idle = await count(0) // 400 ms of work in 8 ms slices
    const busy = await count(40) // 20 ms slices
    const backlog = await count(120) // 60 ms slices
    const veryBusy = await count(1000) // capped at 100 ms
    expect(idle).toBe(50)
    expect(busy).toBe(20)
    expect(backlog).toBe(7) // 8 ms, then 60 ms slices: still a third of the thread
    expect(veryBusy).toBe(4) // 8 ms, then 100 ms slices
  })
})
