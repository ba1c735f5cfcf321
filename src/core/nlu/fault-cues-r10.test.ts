import { describe, expect, it } from 'vitest'
import type { Fault } from '../domain/schemas.js'
import { detectFaultCues } from './detect-fault-cues.js'
import { ruleIntent } from './detect-intent-rules.js'
import { faultScore, uncoveredConcepts } from './fault-score.js'
import { matchTriedSteps } from './match-tried-steps.js'

describe('detectFaultCues: the problem is gone', () => {
  it.each([
    '关了佩戴检测就好了 谢谢啊',
    '重启一下就正常了',
    '问题解决了',
    'that fixed it, thanks',
    "it's working fine now",
  ])('%s → fixed', (text) => {
    expect(detectFaultCues(text).fixed).toBe(true)
  })
  it.each([
    '等定位好了才开始跑的 也在空旷的地方试了 还是飘',
    '还是没好',
    '重启了还是不行',
    '这样就好了吗？',
    "that didn't fix it",
    'still not working',
  ])('%s → not fixed', (text) => {
    expect(detectFaultCues(text).fixed).toBeUndefined()
  })
})

describe('matchTriedSteps: round-10 wording', () => {
  const wireless = [
    'Check that your model supports wireless charging and that "Wireless charging" is on in Settings > Battery.',
    'Remove thick cases, metal rings or cards, and place the centre of the phone on the charger’s coil.',
    'Power the wireless charger with the original adapter; a weak plug makes charging start and stop.',
  ]
  it('"took the case off" covers the remove-cases step', () => {
    expect(matchTriedSteps('took the case off and tried a different pad, same thing', wireless)).toEqual([1])
  })
  it('closed background apps and lowered brightness cover the two battery steps', () => {
    const steps = [
      '在“设置-电池”查看耗电排行，对异常耗电的应用关闭后台运行或卸载重装。',
      '降低屏幕刷新率和亮度，关闭不需要的定位、蓝牙和5G（信号弱时5G更耗电）。',
      '在“电池健康”中查看最大容量，低于80%且在保修期内可送修检测更换电池。',
    ]
    expect(matchTriedSteps('后台都关了 亮度也调低了 还是掉得飞快', steps)).toEqual([0, 1])
  })
  it('waiting for the GPS fix covers the wait-for-a-fix step', () => {
    const steps = ['运动前在开阔处静止等待定位成功（图标变绿）再出发。', '在App中同步一次（会更新星历数据）。']
    expect(matchTriedSteps('等定位好了才开始跑的 还是飘', steps)).toEqual([0])
  })
})

describe('fault scores: round-10 wording', () => {
  const fault = (id: string, symptom: string, similar: string[]): Fault => ({
    id,
    category: 'electronics/phone',
    symptom,
    similar,
    questions: [],
    solutions: [],
    escalate: { queue: 'repair', priority: 'normal' },
    locale: 'en',
  })
  it('a wireless-pad message is not covered by the plain "won\'t charge" fault', () => {
    const plain = fault('a', "Phone won't charge", ['phone not charging', 'stopped charging'])
    const wireless = fault('b', 'Wireless charging doesn’t work', ['phone not charging on the wireless pad'])
    const msg = "my X2 doesn't charge on my wireless pad, is it broken?"
    expect(uncoveredConcepts(msg, plain)).toBe(1)
    expect(uncoveredConcepts(msg, wireless)).toBe(0)
  })
  it('"charges three times a day" is battery drain', () => {
    const drain = { ...fault('d', '手机耗电快，续航变差', ['一天要充好几次', '手机很费电']), locale: 'zh' as const }
    expect(faultScore('新买的手机一天要充三次电 正常吗', drain)).toBeGreaterThanOrEqual(0.65)
  })
})

describe('ruleIntent: a drifting workout route is a device fault', () => {
  it('reads GPS drift as a fault, not parcel tracking', () => {
    expect(ruleIntent('手表跑步的轨迹乱飘 明明在操场跑 显示跑到马路上去了', 'logistics')).toBe('after_sales_fault')
    expect(ruleIntent('my running route on the watch is all over the place', 'out_of_scope')).toBe('after_sales_fault')
    expect(ruleIntent('物流轨迹一直不更新', 'logistics')).toBeNull()
    expect(ruleIntent('快递的轨迹乱跳 包裹到底在哪', 'logistics')).toBeNull()
  })
})
