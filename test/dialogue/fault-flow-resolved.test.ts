/**
 * A customer who says the problem is gone ("换了根线就好了", "that fixed it") closes the fault flow with
 * no ticket, whether they answer a question or a proposed step; "still" keeps the flow going (issue 9).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { TurnOutcome } from '../../src/core/dialogue/types.js'
import { detectFaultCues } from '../../src/core/nlu/detect-fault-cues.js'
import type { Intent } from '../../src/core/nlu/types.js'
import { type Harness, nlu, openHarness } from './harness.js'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

function turn(text: string, intent: Intent, opts: Parameters<typeof nlu>[1] = {}): Promise<TurnOutcome> {
  const cues = detectFaultCues(text)
  return h!.turn(text, { ...nlu(intent, opts), ...(Object.keys(cues).length > 0 ? { cues } : {}) })
}

describe('fault flow: the customer reports it fixed', () => {
  it('a fix of their own while a question waits closes the flow without a ticket (zh)', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await turn('耳机无法充电', 'after_sales_fault')
    expect(a.reason).toBe('fault_question_1_of_1')
    const b = await turn('换了根充电线就好了 谢谢啊', 'after_sales_fault', { confidence: 0.6 })
    expect(b.action).toBe('answer')
    expect(b.reason).toBe('fault_resolved_by_solution_2')
    expect(b.ticket).toBeUndefined()
    expect(await h.store.tickets.list('shop1', {})).toHaveLength(0)
  })

  it('"that fixed it" after a proposed step closes the flow (en)', async () => {
    h = await openHarness({ customerId: 'c2', locale: 'en' })
    await turn("my earbuds won't charge", 'after_sales_fault', { locale: 'en' })
    const b = await turn('no', 'out_of_scope', { confidence: 0.2, locale: 'en' })
    expect(b.reason).toBe('fault_solution_1_of_2')
    const c = await turn('cleaned them and that fixed it, thanks', 'after_sales_fault', {
      confidence: 0.5,
      locale: 'en',
    })
    expect(c.action).toBe('answer')
    expect(c.reason).toMatch(/^fault_resolved/)
    expect(await h.store.tickets.list('shop1', {})).toHaveLength(0)
  })

  it('"still" is no fix: the steps go on (zh)', async () => {
    h = await openHarness({ customerId: 'c1' })
    await turn('耳机无法充电', 'after_sales_fault')
    const b = await turn('擦干净了 还是没好', 'after_sales_fault', { confidence: 0.6 })
    expect(b.reason).not.toMatch(/^fault_resolved/)
  })
})
