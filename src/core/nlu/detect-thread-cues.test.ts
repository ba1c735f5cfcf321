import { describe, expect, it } from 'vitest'
import { continuesThread, meansAll } from './detect-thread-cues.js'

describe('thread cues', () => {
  it('reads an acknowledgement or a "then" lead followed by something of its own as carrying on', () => {
    for (const t of [
      '对 都要',
      '好 明天就去办',
      '那我再买一个',
      '那我买到100块以上呢',
      'ok so I should just wait?',
      'yes the station near my office, I can pick it up friday',
      'so I have to place it again?',
    ])
      expect(continuesThread(t), t).toBe(true)
  })

  it('leaves small talk, bare acknowledgements and new openings alone', () => {
    for (const t of [
      '好的谢谢',
      '好的 没问题',
      'ok got it',
      '你好',
      '好',
      'ok',
      '那',
      'hello there',
      'thanks so much',
      '我的快递到哪了',
    ])
      expect(continuesThread(t), t).toBe(false)
  })

  it('reads "all of them" as every order meant', () => {
    expect(meansAll('没付的那些全部取消')).toBe(true)
    expect(meansAll('都取消吧')).toBe(true)
    expect(meansAll('cancel all of them')).toBe(true)
    expect(meansAll('both please')).toBe(true)
    expect(meansAll('取消这个订单')).toBe(false)
    expect(meansAll('cancel the second one')).toBe(false)
  })
})
