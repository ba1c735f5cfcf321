import { describe, expect, it } from 'vitest'
import { pickSize, sizeKey } from './size-advice.js'

const chart = {
  rows: [
    {
      size: 'L',
      heightCm: [172, 177] as [number, number],
      weightKg: [66, 74] as [number, number],
      chestCm: [92, 96] as [number, number],
    },
    {
      size: 'XL',
      heightCm: [177, 182] as [number, number],
      weightKg: [74, 82] as [number, number],
      chestCm: [96, 100] as [number, number],
    },
    {
      size: 'XXL',
      heightCm: [182, 187] as [number, number],
      weightKg: [82, 90] as [number, number],
      chestCm: [100, 106] as [number, number],
    },
  ],
}

describe('pickSize', () => {
  it('reads height and weight, and a measured chest moves the pick', () => {
    expect(pickSize(chart, { heightCm: 180, weightKg: 78 })?.size).toBe('XL')
    expect(pickSize(chart, { heightCm: 180, weightKg: 78, chestCm: 104 })?.size).toBe('XXL')
    expect(pickSize(chart, { heightCm: 180, weightKg: 78, chestCm: 92 })?.size).toBe('L')
  })
})

describe('sizeKey', () => {
  it('spells XXXL and 3XL alike, and leaves other sizes as they are', () => {
    expect(sizeKey('XXXL')).toBe(sizeKey('3XL'))
    expect(sizeKey('xxl')).toBe(sizeKey('2XL'))
    expect(sizeKey('M')).toBe('M')
    expect(sizeKey('XL')).toBe('XL')
  })
})
