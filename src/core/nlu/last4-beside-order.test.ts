import { describe, expect, it } from 'vitest'
import { extractEntities } from './extract-entities.js'
import { extractSlots } from './extract-slots.js'
import type { NluResult } from './types.js'

const read = (text: string, awaiting: string | null = null) =>
  extractSlots(
    text,
    {
      intent: 'out_of_scope',
      confidence: 0.3,
      candidates: [],
      entities: extractEntities(text),
      emotion: { score: 0, label: 'calm' },
    } as unknown as NluResult,
    awaiting,
  )

describe('phone last four beside an order number', () => {
  it('"KF… 7085" is the order and the last four even before we asked', () => {
    const s = read('KF202611170328 7085')
    expect(s.order).toBe('KF202611170328')
    expect(s.phoneLast4).toBe('7085')
  })
  it('"phone ending 0260" gives the last four', () => {
    expect(read('order KF202611080214, phone ending 0260. I want to return it').phoneLast4).toBe('0260')
  })
  it('other four-digit numbers beside an order are not the phone', () => {
    expect(read('订单KF202611170328 买了1234元').phoneLast4).toBeUndefined()
    expect(read('KF202611170328 要退2件').phoneLast4).toBeUndefined()
  })
})
