import { describe, expect, it } from 'vitest'
import { girthsIn } from './extract-girths.js'
import { usualUsShoeSize } from './extract-shoe-size.js'

describe('girthsIn', () => {
  it('reads chest, waist and hip girths in Chinese and English', () => {
    expect(girthsIn('我胸围102 比较壮')).toEqual({ chestCm: 102 })
    expect(girthsIn('腰围70 臀围95 还是M吗')).toEqual({ waistCm: 70, hipCm: 95 })
    expect(girthsIn('bust 86, waist 70')).toEqual({ chestCm: 86, waistCm: 70 })
    expect(girthsIn('my chest is 40 inches')).toEqual({ chestCm: 102 })
  })
  it('reads nothing without a girth word', () => {
    expect(girthsIn('身高170 体重60')).toEqual({})
  })
})

describe('usualUsShoeSize', () => {
  it('reads a US size the customer wears', () => {
    expect(usualUsShoeSize('I wear a US 10. Which size?')).toBe(10)
    expect(usualUsShoeSize('平时穿美码9.5')).toBe(9.5)
    expect(usualUsShoeSize('I wear a 42')).toBeUndefined()
  })
})
