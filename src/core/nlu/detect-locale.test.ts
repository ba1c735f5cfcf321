import { describe, expect, it } from 'vitest'
import { detectMessageLocale } from './detect-locale.js'

describe('detectMessageLocale', () => {
  it('reads Chinese sentences that name models as Chinese', () => {
    for (const t of [
      'X2和X2 Pro有啥区别',
      'X2 Pro 支持无线充电吗',
      'buds 2 pro降噪多少分贝 续航多久',
      'KF202611240392 到哪了',
    ])
      expect(detectMessageLocale(t)).toBe('zh')
  })
  it('reads English as English, with a Chinese name or not', () => {
    for (const t of [
      'where is my order?',
      'does the Watch 4 last longer than the Band 8?',
      'is the 羽绒服 in stock in size L please',
    ])
      expect(detectMessageLocale(t)).toBe('en')
  })
  it('falls back for digits and symbols', () => {
    expect(detectMessageLocale('12345', 'en')).toBe('en')
    expect(detectMessageLocale('👍', 'zh')).toBe('zh')
  })
})
