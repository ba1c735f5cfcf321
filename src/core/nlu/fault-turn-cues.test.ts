import { describe, expect, it } from 'vitest'
import { detectFaultCues } from './detect-fault-cues.js'
import { symptomConcepts } from './fault-score.js'
import { matchTriedSteps, triedBeyondSteps } from './match-tried-steps.js'

describe('detectFaultCues: round-5 fault wording', () => {
  it.each([
    ['充电头插上以后一直噼里啪啦的', 'sparks'],
    ['插座那里滋滋响还冒了一股白烟', 'smoke'],
    ['电源适配器刚才冒了点烟', 'smoke'],
  ])('%s → %s', (text, safety) => {
    expect(detectFaultCues(text).safety).toBe(safety)
  })

  it('does not take an audio crackle of earbuds for sparks', () => {
    expect(detectFaultCues('耳机里有噼啪的杂音').safety).toBeUndefined()
  })

  it('reads tried steps said with 过 and 也不行', () => {
    expect(detectFaultCues('插头换过，触点也擦过').alreadyTried).toBe(true)
    expect(detectFaultCues('恢复出厂也不行').alreadyTried).toBe(true)
    expect(detectFaultCues('完了 电脑进水了').alreadyTried).toBeUndefined()
  })

  it('tells policy questions, hypotheticals, replacement and keep-using questions', () => {
    expect(detectFaultCues('修一次大概要几天').asksPolicy).toBe(true)
    expect(detectFaultCues('is it a replacement or a repair in that case?').asksPolicy).toBe(true)
    expect(detectFaultCues('要是收到以后有故障怎么处理').hypothetical).toBe(true)
    expect(detectFaultCues('what if the speaker arrives broken?').hypothetical).toBe(true)
    expect(detectFaultCues('可以给我换个新的吗').asksReplacement).toBe(true)
    expect(detectFaultCues('我还能继续充电吗').asksKeepUsing).toBe(true)
    expect(detectFaultCues('can I still use it until the courier comes?').asksKeepUsing).toBe(true)
    expect(detectFaultCues('手机充电很慢').asksPolicy).toBeUndefined()
  })

  it('reads a missing 5G', () => {
    expect(detectFaultCues('信号栏只有4G，看不到5G').missingNetwork).toBe('5G')
    expect(detectFaultCues('my phone never shows 5G').missingNetwork).toBe('5G')
    expect(detectFaultCues('5G信号很好').missingNetwork).toBeUndefined()
  })
})

describe('symptomConcepts: battery that lasts N hours', () => {
  it.each(['充满电只能用三个小时', '耳机充满了才听一个多小时', 'they only last 2 hours now'])('%s is a drain', (t) => {
    expect(symptomConcepts(t).has('drain')).toBe(true)
  })
})

describe('matchTriedSteps: settings, force restarts, system versions, spills', () => {
  const watch = [
    '在“设置-显示”中开启“抬腕亮屏”，并关闭“勿扰模式”和“睡眠模式”。',
    '长按侧边按键10秒强制重启手表。',
    '擦干屏幕上的水；屏幕碎裂或按键也无法点亮时需要送修。',
  ]
  const symptom = ['手表抬腕不亮屏或屏幕无反应']

  it('a setting said to be on covers the step that turns it on, though named after the symptom', () => {
    expect(matchTriedSteps('抬腕亮屏那个开关是开着的', watch, { ignore: symptom })).toEqual([0])
  })

  it('a plain restart covers a watch force restart (no volume keys involved)', () => {
    expect(matchTriedSteps('重启过了', watch, { ignore: symptom })).toEqual([1])
  })

  it('a setting turned off covers the step that turns it off (hyphenated or not)', () => {
    const steps = ['Turn off auto-brightness and adaptive refresh rate, then update the system.']
    expect(matchTriedSteps('I turned off auto brightness already', steps)).toEqual([0])
  })

  it('a system version answers a version requirement', () => {
    const steps = ['确认手机系统满足要求：Android 8.0及以上或iOS 13及以上。']
    expect(matchTriedSteps('我是安卓13', steps)).toEqual([0])
  })

  it('a spill answers the spill question but covers no step', () => {
    const question = ['键盘有没有洒过水或饮料？']
    const steps = ['如洒了液体，请立即关机、断电并倒扣晾干，不要开机，尽快申请送修。']
    expect(matchTriedSteps('奶茶泼到键盘上了', question, { answers: true })).toEqual([0])
    expect(matchTriedSteps('奶茶泼到键盘上了', steps)).toEqual([])
  })

  it('counts fixes tried beyond the guide', () => {
    const steps = ['Turn off auto-brightness and adaptive refresh rate.']
    expect(triedBeyondSteps('rebooted it and turned off auto brightness', steps)).toBe(1)
    expect(triedBeyondSteps('turned off auto brightness', steps)).toBe(0)
  })
})
