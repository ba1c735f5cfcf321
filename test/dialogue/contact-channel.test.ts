/**
 * Asking how to reach the shop (its e-mail to complain to, whether one can phone) is answered with the
 * channel, not handed over: the customer picked how they want to talk (issue 9).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, nlu, openHarness } from './harness.js'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('contact channel questions', () => {
  it('gives the e-mail to an upset customer who wants to write a complaint', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await h.turn('你们邮箱是多少 我想写邮件投诉', nlu('complaint', { emotion: 0.7 }))
    expect(a.handoff).toBeFalsy()
    expect(a.action).toBe('answer')
    expect(a.reason).toMatch(/^shop_contact/)
  })

  it('answers "can I phone you" instead of handing over', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await h.turn('小姑娘 我打字太慢了 能不能打电话说', nlu('human_agent', { confidence: 0.8 }))
    expect(a.handoff).toBeFalsy()
    expect(a.reason).toMatch(/^shop_contact/)
  })

  it('still hands over an angry customer who asks for a person', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await h.turn('转人工 我要投诉', nlu('complaint', { emotion: 0.8 }))
    expect(a.handoff).toBe(true)
  })
})
