import { describe, expect, it } from 'vitest'
import { asksAccountPolicy } from './detect-account-question.js'
import { asksExchangeLater } from './detect-exchange-question.js'
import { bodyMeasures } from './extract-body-measures.js'
import { footLengthMm, readFitNote, usualShoeSize, wideOrHighFoot } from './extract-shoe-size.js'
import { budgetOnly, parseBudget } from './parse-recommend-request.js'

describe('account and privacy questions', () => {
  it.each([
    '以前的号码注销了 登录手机怎么换绑',
    '我的个人数据能下载一份吗',
    'do you sell my data to advertisers?',
    'what personal data do you store about me',
    '不想再收到促销短信',
    '我换手机号了 帮我把账号绑定的手机号改成13700001111',
    '你们会不会把我的手机号卖给别人啊',
  ])('recognises %s', (t) => expect(asksAccountPolicy(t)).toBe(true))
  it.each(['手机号改成13912345678', '我的订单到哪了', 'is this phone waterproof?'])('ignores %s', (t) =>
    expect(asksAccountPolicy(t)).toBe(false),
  )
})

describe('exchange once it arrives', () => {
  it.each(['could I exchange it for a 38 once they arrive?', '收到以后还能换大一码吗'])('recognises %s', (t) =>
    expect(asksExchangeLater(t)).toBe(true),
  )
  it.each(['I want to exchange this jacket', '什么时候到'])('ignores %s', (t) =>
    expect(asksExchangeLater(t)).toBe(false),
  )
})

describe('body measures in Chinese numerals', () => {
  const values = (t: string) => bodyMeasures(t).map((m) => [m.type, m.value])
  it('reads 一米七二 and 六十五公斤', () => {
    expect(values('一米七二 六十五公斤')).toEqual([
      ['height', { cm: 172 }],
      ['weight', { kg: 65 }],
    ])
  })
})

describe('shoe sizes', () => {
  it('reads foot lengths in mm and cm', () => {
    expect(footLengthMm('孩子脚长21.5 穿多大')).toBe(215)
    expect(footLengthMm('measured my feet: 251mm')).toBe(251)
    expect(footLengthMm('my foot, it is 24.1cm')).toBe(241)
    expect(footLengthMm('身高170')).toBeUndefined()
  })
  it('reads the usual size', () => {
    expect(usualShoeSize('平时穿39码')).toBe(39)
    expect(usualShoeSize("she's usually a 37")).toBe(37)
    expect(usualShoeSize("he's 42 years old")).toBeUndefined()
  })
  it('reads fit notes', () => {
    expect(readFitNote('Thick lining: size up one')).toEqual({ shift: 1, allowanceMm: 0, onlyWideFoot: false })
    expect(readFitNote('脚长加4-8mm选码')).toEqual({ shift: 0, allowanceMm: 6, onlyWideFoot: false })
    expect(readFitNote('脚背高建议选大半码到一码')?.onlyWideFoot).toBe(true)
    expect(readFitNote('尺码偏大半码，建议选小半码')).toBeNull()
    expect(wideOrHighFoot('I have wide feet')).toBe(true)
  })
})

describe('budgets in Chinese numerals', () => {
  it('reads 两千以内 and a budget-only reply', () => {
    expect(parseBudget('两千以内')).toEqual({ max: 2000 })
    expect(parseBudget('三百左右')).toEqual({ min: 210, max: 360 })
    expect(budgetOnly('八百以内吧')).toBe(true)
    expect(budgetOnly('给我推荐一款800以内的降噪耳机吧')).toBe(false)
  })
})
