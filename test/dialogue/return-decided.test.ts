/**
 * "对 没拆封 退吧": the answer to the last question about a return that also tells us to go ahead files
 * the return; a bare answer ("没拆封") still gets the confirmation with the amount first.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, nlu, openHarness } from './harness.js'

const order = (value: string) => ({ type: 'order_no' as const, value })
let h: Harness | undefined
afterEach(async () => {
  await h?.close()
})

async function upToOpened(harness: Harness) {
  await harness.turn('KF10000003 我要退货', nlu('return_refund', { entities: [order('KF10000003')] }))
  await harness.turn('第一件', nlu('out_of_scope', { confidence: 0.2 }))
  await harness.turn('尺码不合适', nlu('size_advice', { confidence: 0.3 }))
}

describe('return: an answer that decides', () => {
  it('"没拆封 退吧" to the opened question files the return', async () => {
    h = await openHarness({ customerId: 'c1' })
    await upToOpened(h)
    const r = await h.turn('对 没拆封 退吧', nlu('return_refund', { confidence: 0.5 }))
    expect(r.action).toBe('execute')
    expect(r.returnRequest?.id).toBeTruthy()
  })

  it('a bare "没拆封" still asks to confirm first', async () => {
    h = await openHarness({ customerId: 'c1' })
    await upToOpened(h)
    const r = await h.turn('没拆封', nlu('out_of_scope', { confidence: 0.2 }))
    expect(r.reason).toBe('return_confirm')
    expect(r.returnRequest).toBeUndefined()
  })
})
