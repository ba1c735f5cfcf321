import { describe, expect, it } from 'vitest'
import { detectEmotion } from './detect-emotion.js'

describe('detectEmotion', () => {
  it.each([
    '你好，请问这件衣服有L码吗',
    'where is my parcel?',
    'Can I get an invoice for order KF202411200001?',
    '谢谢，收到了',
  ])('scores calm messages at 0: %s', (text) => {
    expect(detectEmotion(text)).toEqual({ score: 0, label: 'calm' })
  })

  it.each([
    '这已经是我第三次问了！！！再不处理我就投诉到12315',
    '垃圾客服，骗子',
    'THIS IS THE THIRD TIME I ASK WHERE IS MY ORDER???',
    'You are scammers, I will report you and file a chargeback',
    'damn you, this is the worst shop ever',
  ])('scores angry messages at or above the 0.7 handoff threshold: %s', (text) => {
    const e = detectEmotion(text)
    expect(e.score).toBeGreaterThanOrEqual(0.7)
    expect(e.label).toBe('angry')
  })

  it('puts waiting complaints and sarcasm between calm and angry', () => {
    for (const text of [
      '怎么还没发货',
      'why is it taking so long',
      '呵呵，真是谢谢你了',
      'thanks for nothing',
      // A mild expletive alone is disappointment: "damn. is the smaller size sold out?"
      'damn. is the blue one sold out too',
    ]) {
      const e = detectEmotion(text)
      expect(e.score).toBeGreaterThan(0.15)
      expect(e.score).toBeLessThan(0.7)
    }
  })

  it('does not read a hotline number inside a phone number as a threat', () => {
    expect(detectEmotion('13912345678').score).toBe(0)
    expect(detectEmotion('我的手机号是 18612315000').score).toBe(0)
    expect(detectEmotion('再不处理我就打12345').score).toBeGreaterThanOrEqual(0.7)
  })

  it('reads "妈的" after a family word as possession, not a curse', () => {
    expect(detectEmotion('手机买给我妈的 她嫌字小').score).toBe(0)
    expect(detectEmotion('妈的 又坏了').score).toBeGreaterThanOrEqual(0.7)
    expect(detectEmotion('你妈的什么破手机').score).toBeGreaterThanOrEqual(0.7)
  })

  it('keeps "坑人" about a fee below the handoff threshold', () => {
    const e = detectEmotion('怎么还有手续费 不是说免息吗 坑人啊')
    expect(e.score).toBeGreaterThan(0.4)
    expect(e.score).toBeLessThan(0.7)
  })
})
