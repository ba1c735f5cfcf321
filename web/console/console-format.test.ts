import { describe, expect, it } from 'vitest'
import { emotionLevel, formatDuration, formatValue, initials } from './console-format.js'
import { consoleStrings, pickLocale } from './console-i18n.js'

describe('console helpers', () => {
  it('formats waits compactly', () => {
    expect(formatDuration(-5)).toBe('0s')
    expect(formatDuration(45_000)).toBe('45s')
    expect(formatDuration(3 * 60_000 + 10_000)).toBe('3m')
    expect(formatDuration(65 * 60_000)).toBe('1h 05m')
    expect(formatDuration(50 * 3_600_000)).toBe('2d 2h')
  })

  it('maps emotion scores to the four colours, with the handoff threshold as angry', () => {
    expect(emotionLevel(undefined)).toBe('calm')
    expect(emotionLevel(0.2)).toBe('neutral')
    expect(emotionLevel(0.5)).toBe('frustrated')
    expect(emotionLevel(0.7)).toBe('angry')
  })

  it('shows slot values of any shape', () => {
    expect(formatValue('KF1')).toBe('KF1')
    expect(formatValue({ amount: 199, currency: 'CNY', note: null })).toBe('amount: 199, currency: CNY')
    expect(formatValue(['XL', 'red'])).toBe('XL, red')
  })

  it('derives initials and agent ids from display names', () => {
    expect(initials('李娜')).toBe('李')
    expect(initials('Lina  Chen')).toBe('LC')
  })

  it('picks the saved language, else the browser one', () => {
    expect(pickLocale('en', 'zh-CN')).toBe('en')
    expect(pickLocale(null, 'zh-TW')).toBe('zh')
    expect(pickLocale('fr', 'de-DE')).toBe('en')
  })

  it('has the same UI strings in both languages', () => {
    const keys = (o: object) => Object.keys(o).sort()
    expect(keys(consoleStrings.en)).toEqual(keys(consoleStrings.zh))
    for (const k of ['intents', 'reasons', 'status', 'orderStatus', 'ticketStatus', 'entities'] as const) {
      expect(keys(consoleStrings.en[k]), k).toEqual(keys(consoleStrings.zh[k]))
    }
  })
})
