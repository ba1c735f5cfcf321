import { describe, expect, it } from 'vitest'
import { actionCue, angerCue } from './detect-intent-cues.js'
import { detectSignals } from './detect-signals.js'
import { bodyMeasures, extractSlots } from './extract-slots.js'
import type { NluResult } from './types.js'

const nlu = (intent: NluResult['intent'], confidence = 0.9): NluResult => ({
  intent,
  confidence,
  candidates: [{ intent, confidence }],
  entities: [],
  emotion: { score: 0, label: 'calm' },
  locale: 'zh',
})

describe('signals', () => {
  it('tells yes, no and corrections apart in both languages', () => {
    expect(detectSignals('是的').affirm).toBe(true)
    expect(detectSignals('yes please').affirm).toBe(true)
    expect(detectSignals('还是不行').deny).toBe(true)
    expect(detectSignals("didn't help").deny).toBe(true)
    const c = detectSignals('不对，是另一个订单')
    expect([c.correction, c.deny, c.affirm]).toEqual([true, false, false])
  })

  it('reads ordinals, follow-ups and "not what I asked"', () => {
    expect(detectSignals('第二个').ordinal).toBe(1)
    expect(detectSignals('the second one').ordinal).toBe(1)
    expect(detectSignals('那红色的呢?').followUp).toBe(true)
    expect(detectSignals('and in XL?').followUp).toBe(true)
    expect(detectSignals('答非所问').notAnswered).toBe(true)
    // A yes followed by what to do is still a yes; a yes with a doubt or a "not" is not.
    for (const t of [
      '对的，改吧',
      '嗯嗯 取消',
      '是的 就这个',
      '好的 帮我退',
      "Yes, that's right",
      'yes please go ahead and cancel it',
    ])
      expect(detectSignals(t).affirm).toBe(true)
    for (const t of ['是的 但是不要改地址', '好的 那运费怎么算？', "yes but don't cancel it", '对 不过你确定吗'])
      expect(detectSignals(t).affirm).toBe(false)
    expect(detectSignals("that's not what I asked").notAnswered).toBe(true)
  })
})

describe('slot extraction', () => {
  it('finds order numbers but not a mobile number, and last 4 digits when asked', () => {
    const s = extractSlots('订单KF10000001 手机13800001234', nlu('order_status'), null)
    expect(s.order).toBe('KF10000001')
    expect(s.phone).toBe('13800001234')
    expect(extractSlots('1234', nlu('out_of_scope', 0.1), 'phoneLast4').phoneLast4).toBe('1234')
    expect(extractSlots('1234', nlu('out_of_scope', 0.1), null).phoneLast4).toBeUndefined()
  })

  it('reads heights and weights written the common ways', () => {
    expect(bodyMeasures('1米65，110斤')).toEqual({ heightCm: 165, weightKg: 55 })
    expect(bodyMeasures("I'm 182cm and 80kg")).toEqual({ heightCm: 182, weightKg: 80 })
    expect(bodyMeasures('身高170 体重60')).toEqual({ heightCm: 170, weightKg: 60 })
  })
})

describe('cues', () => {
  it('an action verb overrides an information intent, not a confident action intent', () => {
    expect(actionCue('订单KF10000001我想改一下收货地址', nlu('order_status', 0.54))).toBe('modify_order')
    expect(actionCue('订单KF10000003我要退货', nlu('order_status', 0.8))).toBe('return_refund')
    expect(actionCue('取消订单', nlu('cancel_order'))).toBeNull()
    expect(actionCue('我的快递到哪了', nlu('logistics'))).toBeNull()
  })

  it('shouting with a threat is anger; a calm complaint is not', () => {
    expect(angerCue('什么垃圾服务！！！我要投诉')).toBeGreaterThanOrEqual(0.7)
    expect(angerCue('我想咨询一下投诉流程')).toBeLessThan(0.7)
    expect(angerCue('where is my parcel?')).toBe(0)
  })
})
