import { describe, expect, it } from 'vitest'
import { detectLocale } from './detect-locale.js'
import { normalizeText } from './normalize-text.js'
import { createSynonymMatcher } from './synonym-matcher.js'
import { createTokenizer } from './tokenizer.js'

describe('normalizeText', () => {
  it('folds full-width characters, case and spaces', () => {
    expect(normalizeText('  ＸＹ－２　Ｐｒｏ？ ')).toBe('xy-2 pro?')
  })
})

describe('detectLocale', () => {
  it('treats a Chinese sentence with an English model name as zh', () => {
    expect(detectLocale('X2 Pro 支持无线充电吗')).toBe('zh')
  })
  it('detects English', () => {
    expect(detectLocale('Does the X2 Pro support wireless charging?')).toBe('en')
  })
  it('falls back when there are no letters', () => {
    expect(detectLocale('123 ???', 'en')).toBe('en')
  })
})

describe('createTokenizer', () => {
  it('keeps user-dictionary words whole that jieba would split', () => {
    const plain = createTokenizer().words('云朵轻暖羽绒服')
    expect(plain).not.toContain('云朵轻暖')
    const shop = createTokenizer({ userWords: ['云朵轻暖'] }).words('云朵轻暖羽绒服')
    expect(shop).toEqual(['云朵轻暖', '羽绒服'])
  })

  it('drops stop words and adds character bigrams for Chinese', () => {
    const terms = createTokenizer().terms('请问你们包邮吗')
    expect(terms).toContain('包邮')
    expect(terms).toContain('~包邮')
    expect(terms).not.toContain('请问')
    expect(terms).not.toContain('吗')
    expect(terms.some((t) => t.includes('吗'))).toBe(false)
  })

  it('stems English words and drops English stop words', () => {
    const terms = createTokenizer().terms('Does the phone support wireless charging?')
    expect(terms).toEqual(['phone', 'support', 'wireless', 'charg'])
    expect(createTokenizer().terms('batteries')).toEqual(createTokenizer().terms('battery'))
  })

  it('keeps model numbers as written inside Chinese text', () => {
    expect(createTokenizer().words('X2 Pro 支持无线充电吗')).toEqual(['x2', 'pro', '支持', '无线', '充电'])
  })

  it('emits the same synonym concept for every phrase of a group', () => {
    const synonyms = createSynonymMatcher([['包邮', '免运费', 'free shipping']])
    const t = createTokenizer({ synonyms })
    const concept = (s: string) => t.terms(s).filter((x) => x.startsWith('#'))
    expect(concept('你们包邮吗')).toEqual(['#0'])
    expect(concept('是否免运费')).toEqual(['#0'])
    expect(concept('Do you offer free shipping?')).toEqual(['#0'])
    expect(concept('Is shipping free?')).toEqual([])
  })

  it('merges synonym groups that share a phrase', () => {
    const m = createSynonymMatcher([
      ['包邮', '免运费'],
      ['免运费', '免邮'],
    ])
    expect(m.groups).toBe(1)
    expect(m.match('免邮吗')).toEqual(['#0'])
  })
})
