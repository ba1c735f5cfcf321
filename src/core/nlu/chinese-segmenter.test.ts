import { describe, expect, it } from 'vitest'
import { createChineseSegmenter, loadChineseSegmenter } from './chinese-segmenter.js'

const TEXTS = [
  '我想问一下这个羽绒服有没有大码的，发货快不快，能不能开发票',
  '上周五买的星耀X9还没发货',
  '云朵轻暖羽绒服和星耀X9哪个好',
]

describe('Chinese segmenter loaded in slices', () => {
  it('cuts exactly as the one loaded at once, pausing between pieces of the dictionary', async () => {
    let pauses = 0
    const sliced = await loadChineseSegmenter({ pause: async () => void pauses++, sliceMs: 0 })
    const whole = createChineseSegmenter()
    for (const t of TEXTS) expect(sliced(t)).toEqual(whole(t))
    expect(pauses).toBeGreaterThan(10)
  })

  it('keeps words added later whole, as a segmenter built with them does', async () => {
    const words = ['星耀X9', '云朵轻暖羽绒服']
    const grown = await loadChineseSegmenter()
    expect(grown(TEXTS[2]!)).not.toContain('云朵轻暖羽绒服')
    grown.addWords(words)
    const built = createChineseSegmenter(words)
    for (const t of TEXTS) expect(grown(t)).toEqual(built(t))
    expect(grown(TEXTS[2]!)).toContain('云朵轻暖羽绒服')
  })
})
