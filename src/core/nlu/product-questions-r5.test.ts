import { describe, expect, it } from 'vitest'
import { parseProductQuestion } from '../knowledge/answer-product-question.js'
import { canonicalColour, colourInText } from './colours.js'
import { discountQuestion } from './detect-discount-question.js'
import { detectTurnCues } from './detect-turn-cues.js'
import { parseRecommendRequest, priceRankIn } from './parse-recommend-request.js'

describe('cheapest / most expensive of a kind', () => {
  it.each([
    ['你们家最便宜的羽绒服多少钱', 'lowest'],
    ['whats the cheapest phone u sell', 'lowest'],
    ["what's the most expensive phone you've got?", 'highest'],
    ['最贵的笔记本是哪款', 'highest'],
  ])('%s → %s', (t, rank) => {
    expect(priceRankIn(t)).toBe(rank)
    expect(detectTurnCues(t).priceRank).toBe(rank)
    expect(parseRecommendRequest(t, { categories: ['electronics/phone', 'apparel/down-jacket'] }).rank).toBe(rank)
  })
  it('needs a kind of product named, and is not "cheaper"', () => {
    expect(detectTurnCues('最便宜多少钱能买到').priceRank).toBeNull()
    expect(priceRankIn('有没有便宜点的')).toBeNull()
    expect(priceRankIn('any cheaper ones?')).toBeNull()
  })
})

describe('product facts asked after a product', () => {
  it('5G / 4G is the network attribute, cold words the warmth', () => {
    expect(parseProductQuestion('does it have 5G?').concepts).toContain('network')
    expect(parseProductQuestion('零下十度穿够不够').concepts).toContain('thickness')
    expect(parseProductQuestion('is it warm enough for -10?').concepts).toContain('thickness')
  })
  it('titanium is a colour of its own, not gold', () => {
    expect(canonicalColour('钛金色')).toBe('titanium')
    expect(canonicalColour('Titanium')).toBe('titanium')
    expect(colourInText('does it come in titanium?')).toBe('titanium')
    expect(canonicalColour('金色')).toBe('gold')
  })
})

describe('the price with a running promotion', () => {
  it.each(['so with the year-end discount what would I actually pay', '算上年终满减多少钱'])('%s', (t) =>
    expect(discountQuestion(t)).not.toBeNull(),
  )
  it('a plain price question is not one', () => expect(discountQuestion('is the raybook 14 on sale rn?')).toBeNull())
})
