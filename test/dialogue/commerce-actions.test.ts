/**
 * Skills act through the commerce port: the system of record is asked first; kefu's copy changes
 * and the customer hears "done" only when it accepted. A refusal or an unreachable platform is told
 * honestly (zh/en), nothing is claimed or written, and a ticket carries the platform's detail.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Address, Order } from '../../src/core/domain/schemas.js'
import type { CommerceActionResult, CommerceActions, ReturnRequestInput } from '../../src/core/ports/commerce.js'
import { type Harness, nlu, openHarness } from './harness.js'

const order = (value: string) => ({ type: 'order_no' as const, value })

type Call =
  | { action: 'cancel'; order: Order; reason: string }
  | { action: 'address'; order: Order; address: Address }
  | { action: 'return'; order: Order; input: ReturnRequestInput }

function recordingCommerce(answer: (c: Call) => CommerceActionResult): CommerceActions & { calls: Call[] } {
  const calls: Call[] = []
  const run = async (c: Call) => {
    calls.push(c)
    return answer(c)
  }
  return {
    specificationVersion: 'v1',
    platform: 'shopify',
    calls,
    cancelOrder: (o, input) => run({ action: 'cancel', order: o, reason: input.reason }),
    updateShippingAddress: (o, address) => run({ action: 'address', order: o, address }),
    requestReturn: (o, input) => run({ action: 'return', order: o, input }),
  }
}

let h: Harness
afterEach(async () => {
  await h?.close()
})

describe('order actions through the commerce port', () => {
  it('an accepted cancellation writes the order as the platform returned it', async () => {
    const commerce = recordingCommerce((c) => ({ ok: true, order: { ...c.order, status: 'cancelled' } }))
    h = await openHarness({ customerId: 'c1', commerce })
    await h.turn('取消订单KF10000002', nlu('cancel_order', { entities: [order('KF10000002')] }))
    expect(commerce.calls).toHaveLength(0)
    const b = await h.turn('确认', nlu('greeting', { confidence: 0.3 }))
    expect(commerce.calls).toMatchObject([{ action: 'cancel', order: { orderNo: 'KF10000002', status: 'paid' } }])
    expect(b.reason).toBe('order_cancelled_refund_started')
    expect((await h.store.orders.get('shop1', 'KF10000002'))!.status).toBe('cancelled')
    const audit = await h.store.events.list('shop1', { type: 'order.cancelled' })
    expect(audit[0]!.data).toMatchObject({ orderNo: 'KF10000002', platform: 'shopify' })
  })

  it('a refused cancellation is said honestly, ticketed with the detail, and nothing changes', async () => {
    const commerce = recordingCommerce(() => ({ ok: false, kind: 'refused', detail: 'HTTP 422: order is locked' }))
    h = await openHarness({ customerId: 'c1', commerce })
    await h.turn('取消订单KF10000002', nlu('cancel_order', { entities: [order('KF10000002')] }))
    const b = await h.turn('确认', nlu('greeting', { confidence: 0.3 }))
    expect(b.reason).toBe('cancel_refused_by_platform')
    expect(b.action).not.toBe('execute')
    expect(b.replies[0]!.text).toContain('没有接受')
    expect(b.replies[0]!.text).not.toContain('已取消')
    expect(b.replies[0]!.text).not.toContain('locked')
    expect((await h.store.orders.get('shop1', 'KF10000002'))!.status).toBe('paid')
    expect(await h.store.events.list('shop1', { type: 'order.cancelled' })).toHaveLength(0)
    const ticket = await h.store.tickets.get('shop1', b.ticket!.id)
    expect(ticket).toMatchObject({
      category: 'order_action',
      priority: 'high',
      customerId: 'c1',
      data: {
        orderNo: 'KF10000002',
        action: 'cancel',
        platform: 'shopify',
        result: 'refused',
        detail: 'HTTP 422: order is locked',
      },
    })
    expect(b.events).toEqual([expect.objectContaining({ type: 'commerce.action_failed' })])
  })

  it('an address change the platform cannot take (unavailable) is not claimed, in English', async () => {
    const commerce = recordingCommerce(() => ({
      ok: false,
      kind: 'unavailable',
      detail: 'Shopify: timed out after 15000 ms',
    }))
    h = await openHarness({ customerId: 'c1', locale: 'en', commerce })
    await h.turn(
      'change the address of KF10000002',
      nlu('modify_order', { locale: 'en', entities: [order('KF10000002')] }),
    )
    await h.turn('88 Nanjing Road, Room 1203, Shanghai', nlu('out_of_scope', { confidence: 0.3, locale: 'en' }))
    const c = await h.turn('yes', nlu('greeting', { confidence: 0.4, locale: 'en' }))
    expect(commerce.calls).toMatchObject([
      { action: 'address', address: { detail: '88 Nanjing Road, Room 1203, Shanghai' } },
    ])
    expect(c.reason).toBe('address_unavailable_by_platform')
    expect(c.replies[0]!.text).toContain("can't be reached")
    expect(c.replies[0]!.text).toContain(c.ticket!.id)
    expect((await h.store.orders.get('shop1', 'KF10000002'))!.address!.detail).toBe('浦东新区世纪大道 1 号')
    expect(await h.store.events.list('shop1', { type: 'order.modified' })).toHaveLength(0)
  })

  it('a return request goes to the platform with kefu’s return number; refused → no return record', async () => {
    let refuse = true
    const commerce = recordingCommerce(() =>
      refuse
        ? { ok: false, kind: 'refused', detail: 'line already refunded' }
        : { ok: true, externalId: 'kefu-return-x' },
    )
    h = await openHarness({ customerId: 'c1', commerce })
    const steps: Array<[string, ReturnType<typeof nlu>]> = [
      ['KF10000003 我要退货', nlu('return_refund', { entities: [order('KF10000003')] })],
      ['第一件', nlu('out_of_scope', { confidence: 0.2 })],
      ['尺码不合适', nlu('size_advice', { confidence: 0.3 })],
      ['没拆封', nlu('out_of_scope', { confidence: 0.2 })],
    ]
    for (const [t, n] of steps) await h.turn(t, n)
    const refused = await h.turn('是的', nlu('greeting', { confidence: 0.3 }))
    expect(refused.reason).toBe('return_refused_by_platform')
    expect(refused.returnRequest).toBeUndefined()
    expect(await h.store.returns.listByOrder('shop1', 'KF10000003')).toHaveLength(0)
    const sent = commerce.calls[0]
    expect(sent).toMatchObject({ action: 'return', input: { items: [{ sku: 'LIP-2', quantity: 1 }], kind: 'return' } })

    refuse = false
    for (const [t, n] of steps) await h.turn(t, n)
    const ok = await h.turn('是的', nlu('greeting', { confidence: 0.3 }))
    expect(ok.returnRequest?.id).toBeTruthy()
    const last = commerce.calls.at(-1) as Extract<Call, { action: 'return' }>
    expect(last.input.kefuReturnId).toBe(ok.returnRequest!.id)
    const events = await h.store.events.list('shop1', { type: 'return.requested' })
    expect(events[0]!.data).toMatchObject({ platform: 'shopify', externalId: 'kefu-return-x' })
  })
})
