import { describe, expect, it } from 'vitest'
import { actionCue } from './detect-intent-cues.js'
import { ruleIntent } from './detect-intent-rules.js'
import { nluResult } from './nlu-result.fixture.js'

const nlu = nluResult

describe('size questions', () => {
  it('"would 3XL be too baggy?" asks whether a size fits', () => {
    expect(ruleIntent('would 3XL be too baggy?', 'out_of_scope')).toBe('size_advice')
    expect(ruleIntent('would an M be too tight?', 'product_inquiry')).toBe('size_advice')
  })

  it('"should I go up one?", "要不要买大一码": whether to size up or down is size advice; asking for it is not', () => {
    expect(ruleIntent('he grows fast tho, should I go up one?', 'out_of_scope')).toBe('size_advice')
    expect(ruleIntent('should I size down?', 'product_inquiry')).toBe('size_advice')
    expect(ruleIntent('要不要买大一码', 'stock_availability')).toBe('size_advice')
    expect(ruleIntent('帮我换大一码', 'modify_order')).toBeNull()
    expect(ruleIntent('the price went up one yuan?', 'out_of_scope')).toBeNull()
  })

  it('a size question in so many words makes an unsure size pick sure', () => {
    expect(actionCue('那个复古水洗T恤我穿多大', nlu('size_advice', 0.495))).toBe('size_advice')
    expect(actionCue('那个复古水洗T恤我穿多大', nlu('size_advice', 0.9))).toBeNull()
    expect(actionCue('复古水洗T恤怎么洗', nlu('size_advice', 0.45))).toBeNull()
  })
})
