/**
 * A new shop inherits nothing of the demo: no named agents, no return address, no category
 * exclusions. Where the bot would need what the shop has not configured (a return address), it says
 * an agent will send it and opens a ticket — it never makes one up.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { returnRules, ticketRules } from '../../src/core/skills/shop-rules.js'
import { ensureShop } from '../../src/server/import/ensure-shop.js'
import { type Harness, nlu, openHarness } from './harness.js'

const order = (value: string) => ({ type: 'order_no' as const, value })

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('a new shop', () => {
  it('is created with empty settings and neutral rules', async () => {
    h = await openHarness({ neutral: true })
    const shop = await ensureShop(h.store, 'acme')
    expect(shop.settings).toEqual({})
    expect(shop.name).toBe('acme')
    const returns = returnRules(shop)
    expect(returns.returnAddress).toBeNull()
    expect(returns.nonReturnable).toEqual([])
    const tickets = ticketRules(shop)
    expect(Object.values(tickets.queues).flatMap((q) => q.agents)).toEqual([])
  })

  it('takes a return without inventing an address: an agent sends it, through a ticket', async () => {
    h = await openHarness({ customerId: 'c1', neutral: true })
    await h.turn('KF10000003 我要退货', nlu('return_refund', { entities: [order('KF10000003')] }))
    await h.turn('第一件', nlu('out_of_scope', { confidence: 0.2 }))
    // No category exclusions configured: an opened lipstick is not refused and not even asked about.
    const c = await h.turn('尺码不合适', nlu('size_advice', { confidence: 0.3 }))
    expect(c.action).toBe('confirm')
    const done = await h.turn('是的', nlu('greeting', { confidence: 0.3 }))
    expect(done.returnRequest?.id).toBeTruthy()
    const text = done.replies.map((r) => r.text).join('\n')
    expect(text).not.toMatch(/寄回：|华志路|Qingpu|退货仓/)
    expect(text).toContain('寄回地址将由客服审核后发送给您')
    expect(done.ticket).toMatchObject({ queue: 'after_sales', priority: 'normal' })
    const tickets = await h.store.tickets.list('shop1', {})
    expect(tickets).toHaveLength(1)
    expect(tickets[0]).toMatchObject({ assignee: null, status: 'open', category: 'after_sales' })
    expect(tickets[0]!.data).toMatchObject({ returnId: done.returnRequest!.id, orderNo: 'KF10000003' })
  })

  it('says the same in English', async () => {
    h = await openHarness({ customerId: 'c1', locale: 'en', neutral: true })
    await h.turn(
      'KF10000003 I want to return it',
      nlu('return_refund', { locale: 'en', entities: [order('KF10000003')] }),
    )
    await h.turn('the first one', nlu('out_of_scope', { confidence: 0.2, locale: 'en' }))
    await h.turn("it doesn't fit", nlu('size_advice', { confidence: 0.3, locale: 'en' }))
    const done = await h.turn('yes', nlu('greeting', { confidence: 0.3, locale: 'en' }))
    const text = done.replies.map((r) => r.text).join('\n')
    expect(text).toContain('An agent will send you the return address')
    expect(text).not.toMatch(/Huazhi|Qingpu|Returns Centre/)
  })

  it('queues a fault ticket unassigned instead of giving it to the demo technicians', async () => {
    h = await openHarness({ customerId: 'c1', neutral: true })
    await h.turn('耳机无法充电', nlu('after_sales_fault'))
    await h.turn('不亮', nlu('out_of_scope', { confidence: 0.3 }))
    await h.turn('还是不行', nlu('complaint', { confidence: 0.4 }))
    const d = await h.turn('还是不行', nlu('complaint', { confidence: 0.4 }))
    expect(d.ticket).toMatchObject({ queue: 'repair' })
    const [t] = await h.store.tickets.list('shop1', {})
    expect(t).toMatchObject({ queue: 'repair', assignee: null, status: 'open' })
  })
})
