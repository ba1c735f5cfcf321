import { describe, expect, it } from 'vitest'
import { categoryMention } from './detect-category-mention.js'
import { detectFaultCues } from './detect-fault-cues.js'
import { matchTriedSteps, metRepairVerdicts } from './match-tried-steps.js'

const cats = ['electronics/smartwatch', 'electronics/charger', 'electronics/laptop']

describe('round-7 fault reading', () => {
  it('reads a watch charging dock as a charger, the head noun after the watch', () => {
    expect(categoryMention('手表充电底座插上烫得不行', cats)?.categories[0]).toBe('electronics/charger')
    expect(categoryMention('the watch charging dock smells burnt', cats)?.categories[0]).toBe('electronics/charger')
  })

  it('answers a hot-water or several-devices question from the symptom message', () => {
    expect(
      matchTriedSteps('手环洗热水澡戴着 现在屏幕里面起雾了', ['是否在热水淋浴、泡温泉或蒸桑拿时佩戴？'], {
        answers: true,
      }),
    ).toEqual([0])
    expect(
      matchTriedSteps(
        'charges my laptop slowly whenever my phone is plugged in too',
        ['How many devices are plugged in at once?'],
        {
          answers: true,
        },
      ),
    ).toEqual([0])
    // A condition never covers a fix to try.
    expect(matchTriedSteps('泡温泉戴着的', ['5ATM防水不适用于热水、桑拿；请送修检测密封。'])).toEqual([])
  })

  it('finds the repair verdict whose condition the message meets, one alternative is enough', () => {
    const steps = [
      'Turn off content-adaptive brightness and set the refresh rate to 60 Hz.',
      'If it flickers on the start-up logo too, or gets worse when you move the lid, the display cable is usually at fault and needs a repair.',
    ]
    const ignore = ['Laptop screen flickers or glitches']
    expect(
      metRepairVerdicts('screen flickers even on the boot logo and gets worse when I move the lid', steps, { ignore }),
    ).toEqual([1])
    expect(metRepairVerdicts('my screen flickers', steps, { ignore })).toEqual([])
    const zh = ['开机logo阶段也闪、或开合屏幕时加重，通常是屏幕排线问题，需要送修。']
    expect(metRepairVerdicts('开机logo的时候也闪', zh, { ignore: ['笔记本屏幕闪烁或花屏'] })).toEqual([0])
    // Sharing a phrase with a long condition is not meeting it.
    expect(
      metRepairVerdicts('风扇声音越来越大', ['使用半年以上风扇噪音越来越大，可能是积灰，保修期内可送修免费清灰。']),
    ).toEqual([])
  })

  it('hears "is it broken?" and "using the original charger"', () => {
    expect(detectFaultCues('charges slowly, is it broken?').asksIfFaulty).toBe(true)
    expect(detectFaultCues('充电很慢 是坏了吗').asksIfFaulty).toBe(true)
    expect(detectFaultCues('充电很慢').asksIfFaulty).toBeUndefined()
    expect(detectFaultCues('my X2 Pro 快充不生效, using the original charger and cable').alreadyTried).toBe(true)
  })
})
