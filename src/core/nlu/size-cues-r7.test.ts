import { describe, expect, it } from 'vitest'
import { detectSignals } from './detect-signals.js'
import { wideOrHighFoot } from './extract-shoe-size.js'
import { extractSlots } from './extract-slots.js'
import { nluResult } from './nlu-result.fixture.js'

describe('round-7 size reading', () => {
  it("reads a second person's height and weight after the customer's own", () => {
    const x = extractSlots('宇航员T恤想买情侣款 我165 62kg 男朋友180 78kg 各拿什么码', nluResult('size_advice'), null)
    expect(x.heightCm).toBe(165)
    expect(x.weightKg).toBe(62)
    expect(x.otherBody).toEqual({ who: '男朋友', heightCm: 180, weightKg: 78 })
    const en = extractSlots("I'm 160cm 50kg and my husband is 182cm 80kg", nluResult('size_advice', 0.7, 'en'), null)
    expect(en.otherBody).toEqual({ who: 'your husband', heightCm: 182, weightKg: 80 })
    expect(extractSlots('我男朋友180 78kg穿多大', nluResult('size_advice'), null).otherBody).toBeUndefined()
  })

  it('hears a wide foot said after the foot length', () => {
    expect(wideOrHighFoot('my foot is 23.3 cm and quite wide')).toBe(true)
    expect(wideOrHighFoot('my feet are pretty wide')).toBe(true)
    expect(wideOrHighFoot('脚型偏宽')).toBe(true)
    expect(wideOrHighFoot('my foot is 23.3 cm')).toBe(false)
  })

  it('takes "and the same foot in …" as a follow-up', () => {
    expect(detectSignals("and the same foot in the women's gym training shoes?").followUp).toBe(true)
    expect(detectSignals('same measurements for the parka?').followUp).toBe(true)
  })
})
