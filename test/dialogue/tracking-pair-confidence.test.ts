/**
 * A classifier split between logistics and order status (one tracking answer serves both) is sure enough of
 * the pair: the order is looked up instead of a "did you mean" list. A split between unrelated intents is not.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, nlu, openHarness } from './harness.js'

let h: Harness
afterEach(async () => {
  await h?.close()
})

const split = (candidates: Array<[string, number]>) => {
  const base = nlu(candidates[0]![0] as never, { confidence: candidates[0]![1] })
  return { ...base, candidates: candidates.map(([intent, confidence]) => ({ intent: intent as never, confidence })) }
}

describe('tracking pair confidence', () => {
  it('logistics 0.34 + order status 0.30 acts on the order', async () => {
    h = await openHarness({ customerId: 'c1' })
    const out = await h.turn(
      '麻烦你看看到哪里了',
      split([
        ['logistics', 0.34],
        ['order_status', 0.3],
        ['cancel_order', 0.2],
      ]),
    )
    expect(out.reason).not.toMatch(/^low_intent_confidence/)
    expect(out.action).not.toBe('clarify')
  })

  it('logistics 0.34 beside unrelated intents is still unsure', async () => {
    h = await openHarness({ customerId: 'c1' })
    const out = await h.turn(
      '嗯嗯',
      split([
        ['logistics', 0.34],
        ['cancel_order', 0.3],
        ['complaint', 0.2],
      ]),
    )
    expect(out.reason).toMatch(/^low_intent_confidence/)
  })
})
