import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { describe, expect, it } from 'vitest'
import { loadSegmentChinese, segmentChinese } from './segment-chinese.js'

describe('segmentChinese loaded ahead of use', () => {
  it('loads the dictionary in slices once, and cuts as jieba loaded at once does', async () => {
    let pauses = 0
    await loadSegmentChinese({ pause: async () => void pauses++ })
    expect(pauses).toBeGreaterThan(0)
    const whole = Jieba.withDict(dict)
    for (const t of ['羽绒服含绒量是多少，会不会钻绒', '耳机连不上蓝牙怎么办', '我想退货，快递已经寄出了'])
      expect(segmentChinese(t)).toEqual(whole.cut(t, true))
    await loadSegmentChinese({ pause: async () => void pauses++ })
    const after = pauses
    await loadSegmentChinese({ pause: async () => void pauses++ })
    expect(pauses).toBe(after)
  })
})
