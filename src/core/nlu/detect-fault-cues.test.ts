import { describe, expect, it } from 'vitest'
import { detectFaultCues } from './detect-fault-cues.js'
import { matchTriedSteps } from './match-tried-steps.js'

describe('detectFaultCues: safety symptoms', () => {
  it.each([
    ['充电宝有股焦味', 'burning'],
    ['闻到一股糊味', 'burning'],
    ['it smells burnt when it charges', 'burning'],
    ['the case got really hot while charging and smells kinda burnt??', 'burning'],
    ['there is a burning smell from the charger', 'burning'],
    ['手机电池鼓包了', 'swelling'],
    ['充电宝鼓起来了', 'swelling'],
    ['电池好像膨胀了', 'swelling'],
    ['后盖翘起来了', 'swelling'],
    ['the battery is swollen', 'swelling'],
    ['the back cover is bulging', 'swelling'],
    ['充电头冒烟了', 'smoke'],
    ['the charger started smoking', 'smoke'],
    ['插上就冒火花', 'sparks'],
    ['it sparks when I plug it in', 'sparks'],
    ['充电的时候烫手', 'overheating'],
    ['it is too hot to touch', 'overheating'],
    ['the power bank caught fire', 'fire'],
  ])('%s → %s', (text, safety) => {
    expect(detectFaultCues(text).safety).toBe(safety)
  })

  it('reports the most severe symptom of several', () => {
    expect(detectFaultCues('有焦味，外壳也有点鼓了').safety).toBe('burning')
    expect(detectFaultCues('鼓包了还冒烟').safety).toBe('smoke')
  })

  it.each([
    '没有焦味',
    '没闻到焦味',
    '没有鼓包和冒烟',
    '也没冒烟',
    '手机不烫手',
    '没有闻到焦味 也没鼓包',
    'no burning smell',
    "it doesn't smell burnt",
    'no smoke or sparks',
    'the battery is not swollen',
    "I didn't see any sparks",
  ])('a negated mention does not count: %s', (text) => {
    expect(detectFaultCues(text).safety).toBeUndefined()
  })

  it('a negation in another clause does not cancel the symptom', () => {
    expect(detectFaultCues('没有冒烟，但是有焦味').safety).toBe('burning')
    expect(detectFaultCues('no smoke, but it smells burnt').safety).toBe('burning')
    expect(detectFaultCues('没多久就鼓包了').safety).toBe('swelling')
    expect(detectFaultCues("it won't charge and now it's swollen").safety).toBe('swelling')
  })

  it('ordinary heat, and other words, are not safety symptoms', () => {
    for (const text of ['笔记本打游戏烫得不行', '手机有点发热', 'my phone gets warm', '耳机一边没声音', '充电很慢'])
      expect(detectFaultCues(text).safety).toBeUndefined()
  })

  it('a customer who asks whether it is swollen already suspects it', () => {
    expect(detectFaultCues('电池是不是鼓包了').safety).toBe('swelling')
  })
})

describe('detectFaultCues: repair / replacement now', () => {
  it.each([
    '赶紧给我换一个',
    '直接给我修',
    '帮我报修',
    '我要换货',
    '能给我换一个吗',
    '给我开个工单',
    '派个师傅上门',
    '不想再试了',
    'Please get it repaired or replaced.',
    'just send someone',
    'send me a replacement',
    'I want a replacement',
    'can you open a ticket',
    'no more troubleshooting please',
  ])('%s', (text) => {
    expect(detectFaultCues(text).wantsRepairNow).toBe(true)
  })

  it.each([
    '耳机没声音了，还能换新吗',
    '需要送修吗',
    '换了插头还是不行',
    'how do I fix it',
    'should I replace it?',
    'my phone is broken',
  ])('not a request: %s', (text) => {
    expect(detectFaultCues(text).wantsRepairNow).toBeUndefined()
  })
})

describe('detectFaultCues: already tried', () => {
  it.each([
    '试过了',
    '放回盒子充了十分钟 也重新配对了 还是左边没声',
    '擦干净了 换了插头 还是没反应',
    'tried the original charger, still nothing',
    'cleaned the port, no luck',
    "didn't help",
  ])('%s', (text) => {
    expect(detectFaultCues(text).alreadyTried).toBe(true)
  })

  it('a plain symptom reports nothing tried', () => {
    for (const text of ['耳机一边没声音', 'my phone wont charge', '手表冲不进电'])
      expect(detectFaultCues(text).alreadyTried).toBeUndefined()
  })
})

describe('matchTriedSteps', () => {
  const earbuds = {
    symptom: '耳机一边没有声音',
    questions: ['没声音的那只放回充电盒时指示灯亮吗？', '戴上时是两只都连接上了吗？'],
    solutions: [
      '把两只耳机放回充电盒充电10分钟，确认没声的那只有电。',
      '检查手机“设置-辅助功能-音频平衡”是否在中间位置。',
      '在手机蓝牙里“忘记此设备”，长按背面按键10秒恢复出厂，再重新配对。',
      '用软毛刷轻轻清理出音孔的耳垢。',
    ],
  }
  const phone = {
    symptom: 'Phone won’t charge',
    solutions: [
      'Use the original charger and cable and try a different wall socket.',
      'Power the phone off and gently clean the charging port with a soft brush.',
      'Force-restart by holding Power and Volume Down for 10 seconds, then charge for 30 minutes.',
      'If the battery is completely flat, leave it charging for 30 minutes before turning it on.',
    ],
  }

  it('finds the steps a Chinese customer lists, in other words than the step texts', () => {
    expect(matchTriedSteps('放回盒子充了十分钟 也重新配对了 还是左边没声', earbuds.solutions)).toEqual([0, 2])
    expect(matchTriedSteps('音频平衡看过了，也拿软毛刷刷过', earbuds.solutions)).toEqual([1, 3])
    expect(
      matchTriedSteps('数据线已经换过了', ['换一根USB-C线和充电头给充电盒充电30分钟。', '擦拭金属触点。']),
    ).toEqual([0])
  })

  it('finds the steps an English customer lists', () => {
    expect(
      matchTriedSteps('tried the original charger, cleaned the port, force restarted. still nothing', phone.solutions, {
        ignore: [phone.symptom],
      }),
    ).toEqual([0, 1, 2])
  })

  it('a negated step was not tried', () => {
    expect(matchTriedSteps('没用原装充电器', ['使用原装适配器插在USB-C口'])).toEqual([])
    expect(matchTriedSteps("I haven't cleaned the port yet but tried a different cable", phone.solutions)).toEqual([0])
  })

  it('describing the symptom is not trying a fix', () => {
    expect(matchTriedSteps('耳机一边没声音', earbuds.solutions, { ignore: [earbuds.symptom] })).toEqual([])
    expect(
      matchTriedSteps('my phone keeps restarting', ['Update the system.', 'Restart in safe mode.'], {
        ignore: ['phone keeps restarting'],
      }),
    ).toEqual([])
  })

  it('holding power alone is not the power + volume force restart, nor the recovery-mode combination', () => {
    const noPower = [
      '连接原装充电器充电至少30分钟，再长按电源键10秒开机。',
      '同时长按电源键和音量减键15秒强制重启。',
      '如果卡在开机画面，可长按电源键和音量加键进入恢复模式，选择“重启”。',
    ]
    expect(matchTriedSteps('充了四十分钟 电源键也按住好久了 屏幕还是黑的', noPower)).toEqual([0])
    expect(matchTriedSteps('电源键跟音量下一起按了二十秒 没动静', noPower)).toEqual([1])
    expect(
      matchTriedSteps('held power and volume down together, nothing', [
        'Hold Power and Volume Down for 15 seconds.',
        'Hold Power and Volume Up to enter recovery mode.',
      ]),
    ).toEqual([0])
  })

  it('matches a question the customer already answered', () => {
    expect(matchTriedSteps('耳机一边没声音，指示灯是亮的', earbuds.questions, { ignore: [earbuds.symptom] })).toEqual([
      0,
    ])
  })
})
