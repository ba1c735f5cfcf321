import { describe, expect, it } from 'vitest'
import { symptomConcepts } from './fault-score.js'
import { matchTriedSteps, triedBeyondSteps } from './match-tried-steps.js'

const earbudsDisconnect = {
  questions: ['手机放在哪里？放在裤子后口袋或背包里时更容易断吗？', '是否开启了双设备连接或高清音质模式？'],
  solutions: [
    '把手机放在与耳机同侧、较近的位置，远离微波炉、路由器等干扰源。',
    '在App中关闭“双设备连接”，把音质模式从“高清优先”改为“连接优先”。',
    '在手机蓝牙里“忘记此设备”，恢复出厂后重新配对，并更新耳机固件。',
  ],
}
const earbudsDisconnectEn = [
  'Keep the phone on the same side of your body and close by, away from microwaves and routers.',
  'In the app, turn off multipoint and switch audio from "Quality first" to "Connection first".',
  'Forget and reset the earbuds, pair again and update the earbud firmware.',
]
const heartRate = {
  questions: ['手表戴在什么位置？松紧合适吗？', '手腕上是否有纹身或毛发较多？'],
  solutions: [
    '把手表戴在腕骨上方一指宽处，松紧以能插入一根手指为宜，测量时保持手臂静止。',
    '擦干净手表背面的传感器窗口。',
    '在App中开启“连续心率监测”并更新固件；传感器灯不亮或始终测不出，需要送修。',
  ],
}
const heartRateEn = [
  'Wear the watch one finger-width above the wrist bone, snug enough that one finger fits under the strap, and keep your arm still while measuring.',
  'Wipe the sensor window on the back of the watch clean.',
  'Turn on continuous heart-rate monitoring in the app and update the firmware; if it never gets a reading, it needs a repair.',
]

describe('matchTriedSteps: earbuds that keep cutting out', () => {
  it('reads multipoint off (多点连接 = 双设备连接) and the phone kept close as steps tried', () => {
    expect(matchTriedSteps('手机就在前面口袋里 多点连接也关了 还是断', earbudsDisconnect.solutions)).toEqual([0, 1])
    expect(
      matchTriedSteps('phone is in my front pocket and multipoint is off, still cuts out', earbudsDisconnectEn),
    ).toEqual([0, 1])
  })
})

describe('matchTriedSteps: heart-rate readings', () => {
  it('worn tight covers the fit step; the other wrist is a test beyond the guide', () => {
    const t = '戴得挺紧的 手腕没纹身 换左手戴也一样'
    expect(matchTriedSteps(t, heartRate.solutions)).toEqual([0])
    expect(triedBeyondSteps(t, heartRate.solutions)).toBe(1)
    expect(matchTriedSteps('worn snug, tried the other wrist too', heartRateEn)).toEqual([0])
    expect(triedBeyondSteps('worn snug, tried the other wrist too', heartRateEn)).toBe(1)
  })
  it('a new phone is not the other wrist', () => {
    expect(triedBeyondSteps('换了手机也一样', heartRate.solutions)).toBe(0)
  })
})

describe('symptomConcepts: cutting out', () => {
  it('"听着听着就断 一会又连上" is a disconnect; 降噪耳机 names the product, not a noise symptom', () => {
    const c = symptomConcepts('降噪耳机听着听着就断 一会又连上')
    expect(c.has('disconnect')).toBe(true)
    expect(c.has('noise')).toBe(false)
    expect(symptomConcepts('降噪没效果').has('noise')).toBe(true)
    expect(symptomConcepts('突然就断电了').has('disconnect')).toBe(false)
  })
})
