import { describe, expect, it } from 'vitest'
import { DEFAULT_FEATURE_OPTIONS, featurize } from './featurize.js'

const keys = (text: string, opts = DEFAULT_FEATURE_OPTIONS) => [...featurize(text, opts, undefined).keys()]

describe('featurize', () => {
  it('adds character 4-grams across English word boundaries, and only those', () => {
    const phrase = keys('has it gone').filter((k) => k.startsWith('x:'))
    expect(phrase).toContain('x:s it')
    expect(phrase).toContain('x:t go')
    expect(phrase.length).toBeGreaterThan(0)
    expect(phrase.every((k) => k.length === 6 && k.slice(2).includes(' '))).toBe(true)
    expect(phrase).not.toContain('x:gone')
  })

  it('shapes digits in phrase grams like everywhere else', () => {
    expect(keys('order 12345 late').filter((k) => k.startsWith('x:'))).toContain('x:r # ')
  })

  it('emits no phrase grams for options saved before they existed (old models featurise as trained)', () => {
    const { phraseMin: _min, phraseMax: _max, ...old } = { ...DEFAULT_FEATURE_OPTIONS, charMax: 5 }
    expect(keys('has it gone', old).some((k) => k.startsWith('x:'))).toBe(false)
    expect(keys('has it gone', old)).toContain('c:<gone')
  })
})
