import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, nlu, openHarness } from './harness.js'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const order = (value: string) => ({ type: 'order_no' as const, value })

describe('identity', () => {
  it("answers another customer's order number exactly like a number that does not exist", async () => {
    h = await openHarness({ customerId: 'c1' })
    const other = await h.turn('查一下订单 KF20000001', nlu('order_status', { entities: [order('KF20000001')] }))
    await h.close()
    h = await openHarness({ customerId: 'c1' })
    const missing = await h.turn('查一下订单 KF99999999', nlu('order_status', { entities: [order('KF99999999')] }))
    expect(other.reason).toBe('order_not_found')
    expect(other.replies[0]!.text).toBe(missing.replies[0]!.text)
    expect(other.replies).toEqual(missing.replies)
    // Nothing of c2's order (its number, its item's price, its status) appears anywhere in the outcome.
    const all = JSON.stringify(other)
    expect(all).not.toContain('KF20000001')
    expect(all).not.toContain('2026-05-01')
  })

  it('makes an anonymous visitor verify with order number + phone last 4 before showing anything', async () => {
    h = await openHarness({ customerId: null })
    const a = await h.turn('我的快递到哪了', nlu('logistics'))
    expect(a.action).toBe('ask_slot')
    expect(a.state.awaiting).toBe('verify')
    const b = await h.turn('KF10000001', nlu('out_of_scope', { confidence: 0.2, entities: [order('KF10000001')] }))
    expect(b.state.awaiting).toBe('phoneLast4')
    expect(JSON.stringify(b.replies)).not.toContain('顺丰')
    const wrong = await h.turn('0000', nlu('out_of_scope', { confidence: 0.2 }))
    expect(wrong.reason).toBe('verification_failed')
    expect(JSON.stringify(wrong.replies)).not.toContain('顺丰')
    expect(wrong.customerId).toBeUndefined()
    const ok = await h.turn('KF10000001 尾号1234', nlu('logistics', { entities: [order('KF10000001')] }))
    expect(ok.action).toBe('answer')
    expect(ok.customerId).toBe('c1')
    expect(ok.replies[0]!.text).toContain('上海转运中心')
  })

  it('an anonymous visitor with the right phone digits but another order number learns nothing', async () => {
    h = await openHarness({ customerId: null })
    await h.turn('where is my order', nlu('logistics', { locale: 'en' }))
    const r = await h.turn(
      'KF20000001 last 4 digits 1234',
      nlu('logistics', { locale: 'en', entities: [order('KF20000001')] }),
    )
    expect(r.reason).toBe('verification_failed')
    expect(JSON.stringify(r)).not.toContain('AirBeat')
  })
})

describe('order status and logistics', () => {
  it('answers with every open order in a line when the customer has several, then details "the second one"', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await h.turn('我的订单怎么样了', nlu('order_status'))
    expect(a.action).toBe('answer')
    expect(a.reason).toBe('several_orders_summary')
    expect(a.state.awaiting).toBe('order')
    const ids = (a.state.candidates as { ids: string[] }).ids
    for (const id of ids) expect(a.replies[0]!.text).toContain(id)
    const b = await h.turn('第二个', nlu('out_of_scope', { confidence: 0.3 }))
    expect(b.action).toBe('answer')
    expect(b.replies[0]!.text).toContain(ids[1]!)
  })

  it('detects a late parcel and apologises with a next step', async () => {
    h = await openHarness({ customerId: 'c3' })
    const r = await h.turn('我的快递到哪了', nlu('logistics'))
    expect(r.reason).toBe('order_found_shipment_delayed')
    expect(r.events?.map((e) => e.type)).toContain('logistics.delay_detected')
  })
})

describe('modify order', () => {
  it('refuses an address change after shipment and says why', async () => {
    h = await openHarness({ customerId: 'c1' })
    const r = await h.turn('订单KF10000001改一下收货地址', nlu('modify_order', { entities: [order('KF10000001')] }))
    expect(r.reason).toBe('modify_refused_shipped')
    expect(r.replies[0]!.text).toContain('已发货')
    const o = await h.store.orders.get('shop1', 'KF10000001')
    expect(o!.address!.detail).toBe('浦东新区世纪大道 1 号')
  })

  it('changes the address of an unshipped order only after confirmation, with an audit event', async () => {
    h = await openHarness({ customerId: 'c1', locale: 'en' })
    const a = await h.turn(
      'change the address of KF10000002',
      nlu('modify_order', { locale: 'en', entities: [order('KF10000002')] }),
    )
    expect(a.state.awaiting).toBe('newAddress')
    const b = await h.turn(
      '88 Nanjing Road, Room 1203, Shanghai',
      nlu('out_of_scope', { confidence: 0.3, locale: 'en' }),
    )
    expect(b.action).toBe('confirm')
    expect((await h.store.orders.get('shop1', 'KF10000002'))!.address!.detail).toBe('浦东新区世纪大道 1 号')
    const c = await h.turn('yes', nlu('greeting', { confidence: 0.4, locale: 'en' }))
    expect(c.action).toBe('execute')
    expect((await h.store.orders.get('shop1', 'KF10000002'))!.address!.detail).toBe(
      '88 Nanjing Road, Room 1203, Shanghai',
    )
    const audit = await h.store.events.list('shop1', { type: 'order.modified' })
    expect(audit).toHaveLength(1)
    expect(audit[0]!.data).toMatchObject({ orderNo: 'KF10000002', field: 'address', by: 'c1' })
  })
})

describe('cancel order', () => {
  it('cancels a paid order with a refund after confirmation', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await h.turn('取消订单KF10000002', nlu('cancel_order', { entities: [order('KF10000002')] }))
    expect(a.action).toBe('confirm')
    const b = await h.turn('确认', nlu('greeting', { confidence: 0.3 }))
    expect(b.reason).toBe('order_cancelled_refund_started')
    expect((await h.store.orders.get('shop1', 'KF10000002'))!.status).toBe('refunding')
  })

  it('offers refusal or return for a shipped order instead of cancelling', async () => {
    h = await openHarness({ customerId: 'c1' })
    const r = await h.turn('取消KF10000001', nlu('cancel_order', { entities: [order('KF10000001')] }))
    expect(r.reason).toBe('cancel_refused_shipped_offer_refusal_or_return')
    expect((await h.store.orders.get('shop1', 'KF10000001'))!.status).toBe('shipped')
  })
})

describe('returns', () => {
  it('refuses underwear, then creates a return for the lipstick once it is confirmed unopened', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await h.turn('KF10000003 我要退货', nlu('return_refund', { entities: [order('KF10000003')] }))
    expect(a.state.awaiting).toBe('item')
    const b = await h.turn('第二件', nlu('out_of_scope', { confidence: 0.2 }))
    expect(b.state.awaiting).toBe('reason')
    const c = await h.turn('不喜欢', nlu('out_of_scope', { confidence: 0.2 }))
    expect(c.reason).toBe('return_refused_category_apparel/underwear')
    const d = await h.turn('那退口红呢 KF10000003 第一件', nlu('return_refund', { entities: [order('KF10000003')] }))
    expect(d.state.awaiting).toBe('reason')
    const e = await h.turn('尺码不合适', nlu('size_advice', { confidence: 0.3 }))
    expect(e.state.awaiting).toBe('opened')
    const f = await h.turn('没拆封', nlu('out_of_scope', { confidence: 0.2 }))
    expect(f.action).toBe('confirm')
    const g = await h.turn('是的', nlu('greeting', { confidence: 0.3 }))
    expect(g.returnRequest?.id).toBeTruthy()
    const rr = await h.store.returns.get('shop1', g.returnRequest!.id)
    expect(rr).toMatchObject({ orderNo: 'KF10000003', items: [{ sku: 'LIP-2', qty: 1 }], refundAmount: 159 })
  })

  it('refuses a return past every window at once, with the dates, without asking why', async () => {
    h = await openHarness({ customerId: 'c2', locale: 'en' })
    const r = await h.turn('I want to return my order', nlu('return_refund', { locale: 'en' }))
    expect(r.reason).toBe('return_refused_all_windows_expired')
    expect(r.state.awaiting ?? null).toBeNull()
    expect(r.returnRequest).toBeUndefined()
    const text = r.replies.map((x) => x.text).join('\n')
    expect(text).toContain('7-day')
    expect(text).toContain('15-day')
  })
})

describe('fault diagnosis', () => {
  it('a flow that fails every solution creates exactly one ticket in the right queue with all slots', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await h.turn('耳机无法充电', nlu('after_sales_fault'))
    expect(a.state.awaiting).toBe('faultAnswer')
    expect(a.state.slots).toMatchObject({ deviceModel: 'AirBeat Pro 耳机', order: 'KF10000002' })
    const b = await h.turn('不亮', nlu('out_of_scope', { confidence: 0.3 }))
    expect(b.state.awaiting).toBe('feedback')
    const c = await h.turn('还是不行', nlu('complaint', { confidence: 0.4 }))
    expect(c.state.awaiting).toBe('feedback')
    const d = await h.turn('还是不行', nlu('complaint', { confidence: 0.4 }))
    expect(d.ticket).toMatchObject({ queue: 'repair', priority: 'high' })
    const again = await h.turn('还是不行', nlu('complaint', { confidence: 0.4 }))
    expect(again.ticket).toBeUndefined()
    const tickets = await h.store.tickets.list('shop1', {})
    expect(tickets).toHaveLength(1)
    const t = tickets[0]!
    expect(t.queue).toBe('repair')
    expect(t.assignee).toBe('tech-chen')
    expect(t.data).toMatchObject({
      deviceModel: 'AirBeat Pro 耳机',
      symptom: '耳机无法充电',
      faultId: 'F-EB-NOCHARGE',
      orderNo: 'KF10000002',
      inWarranty: true,
      answers: [{ question: '充电盒指示灯亮吗？', answer: '不亮' }],
      triedSolutions: ['清洁充电触点后重新放入充电盒', '更换充电线和充电头再试'],
    })
    expect(t.data.purchaseDate).toBeTruthy()
    expect(new Date(t.slaDueAt).getTime()).toBe(new Date(t.createdAt).getTime() + 8 * 3600_000)
  })

  it('collects device model and purchase date from an anonymous visitor, and stops when a solution works', async () => {
    h = await openHarness({ customerId: null, locale: 'en' })
    const a = await h.turn("my earbuds won't charge", nlu('after_sales_fault', { locale: 'en' }))
    expect(a.state.awaiting).toBe('deviceModel')
    const b = await h.turn('AirBeat Pro', nlu('product_inquiry', { confidence: 0.4, locale: 'en' }))
    expect(b.state.awaiting).toBe('purchase')
    const c = await h.turn(
      '2026-05-01',
      nlu('out_of_scope', { confidence: 0.2, locale: 'en', entities: [{ type: 'date', value: '2026-05-01' }] }),
    )
    expect(c.state.slots).toMatchObject({ deviceModel: 'AirBeat Pro', inWarranty: true })
    expect(c.state.awaiting).toBe('faultAnswer')
    await h.turn('no', nlu('out_of_scope', { confidence: 0.2, locale: 'en' }))
    const e = await h.turn('it worked', nlu('greeting', { confidence: 0.4, locale: 'en' }))
    expect(e.reason).toBe('fault_resolved_by_solution_1')
    expect(await h.store.tickets.list('shop1', {})).toHaveLength(0)
  })
})

describe('state across turns', () => {
  it('re-runs the last question with a new slot on a follow-up ("那红色的呢?")', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await h.turn(
      '纯棉T恤白色L码有货吗',
      nlu('stock_availability', {
        entities: [
          { type: 'product', value: 'TS-1' },
          { type: 'size', value: 'L' },
          { type: 'color', value: 'white' },
        ],
      }),
    )
    expect(a.reason).toBe('stock_available')
    const b = await h.turn(
      '那红色的呢?',
      nlu('product_inquiry', { confidence: 0.35, entities: [{ type: 'color', value: 'red' }] }),
    )
    expect(b.state.lastIntent).toBe('stock_availability')
    expect(b.replies[0]!.text).toContain('红色 L')
  })

  it('returns to the unfinished task after a question in between', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await h.turn('我要取消订单', nlu('cancel_order'))
    expect(a.state.awaiting).toBe('order')
    const b = await h.turn('运费怎么算?', nlu('price_promotion', { confidence: 0.8 }))
    expect(b.replies[0]!.text).toContain('FAQ')
    expect(b.replies.at(-1)!.text).toContain(a.replies[0]!.text.slice(0, 10))
    expect(b.state.activeIntent).toBe('cancel_order')
    expect(b.state.awaiting).toBe('order')
    const c = await h.turn('KF10000002', nlu('out_of_scope', { confidence: 0.2, entities: [order('KF10000002')] }))
    expect(c.action).toBe('confirm')
  })

  it('a correction ("不对，是另一个订单") switches to the other listed order', async () => {
    h = await openHarness({ customerId: 'c1', locale: 'zh' })
    await h.turn('我要退货', nlu('return_refund'))
    const s = await h.turn('不对，是另一个订单', nlu('return_refund', { confidence: 0.6 }))
    expect(['ask_slot', 'confirm', 'answer']).toContain(s.action)
  })

  it('the slots survive being stored and reloaded (a restart) between turns', async () => {
    h = await openHarness({ customerId: 'c1' })
    await h.turn('T恤有货吗', nlu('stock_availability', { entities: [{ type: 'product', value: 'TS-1' }] }))
    const stored = await h.store.conversations.get('shop1', h.conversation.id)
    expect((stored!.state as { slots: Record<string, unknown> }).slots.sku).toBe('TS-1')
    const r = await h.turn('XL呢', nlu('out_of_scope', { confidence: 0.2, entities: [{ type: 'size', value: 'XL' }] }))
    expect(r.replies[0]!.text).toContain('XL')
  })
})

describe('size and stock', () => {
  it('recommends a size from the chart using the profile', async () => {
    h = await openHarness({ customerId: 'c1' })
    const r = await h.turn('纯棉T恤我穿什么码', nlu('size_advice', { entities: [{ type: 'product', value: 'TS-1' }] }))
    expect(r.reason).toMatch(/^size_from_chart/)
    expect(r.state.slots.size).toBe('L')
  })

  it('asks for height and weight when unknown, then answers', async () => {
    h = await openHarness({ customerId: 'c3', locale: 'en' })
    const a = await h.turn(
      'what size should I get of the tshirt',
      nlu('size_advice', { locale: 'en', entities: [{ type: 'product', value: 'TS-1' }] }),
    )
    expect(a.state.awaiting).toBe('body')
    const b = await h.turn("I'm 160cm and 50kg", nlu('size_advice', { locale: 'en', confidence: 0.6 }))
    expect(b.state.slots.size).toBe('S')
  })

  it('suggests an in-stock alternative when out of stock', async () => {
    h = await openHarness({ customerId: 'c1', locale: 'en' })
    const r = await h.turn(
      'is the velvet lipstick in stock',
      nlu('stock_availability', { locale: 'en', entities: [{ type: 'product', value: 'LIP-1' }] }),
    )
    expect(r.reason).toBe('stock_out')
    expect(r.replies[0]!.text).toContain('Matte Lipstick')
  })
})

describe('policy and handoff', () => {
  it('hands off on an explicit request and marks the conversation waiting for a human', async () => {
    h = await openHarness({ customerId: 'c1' })
    const r = await h.turn('转人工', nlu('human_agent'))
    expect(r).toMatchObject({ action: 'handoff', handoff: true, conversationStatus: 'waiting_human' })
  })

  it('hands off an angry customer at the configured threshold, never a calm one', async () => {
    h = await openHarness({ customerId: 'c1', settings: { policy: { emotionHandoffThreshold: 0.8 } } })
    const calm = await h.turn('运费多少?', nlu('price_promotion', { emotion: 0.1 }))
    expect(calm.handoff).toBe(false)
    const annoyed = await h.turn('怎么还没到!!', nlu('logistics', { emotion: 0.75 }))
    expect(annoyed.handoff).toBe(false)
    const angry = await h.turn('什么破服务!!!我要投诉', nlu('complaint', { emotion: 0.85 }))
    expect(angry.handoff).toBe(true)
    expect(angry.reason).toMatch(/^emotion_above_threshold/)
  })

  it('hands off after N consecutive failed turns, and a success resets the count', async () => {
    h = await openHarness({ customerId: 'c1', settings: { policy: { maxFailedTurns: 2 } } })
    const a = await h.turn('asdf qwer', nlu('out_of_scope', { confidence: 0.1 }))
    expect(a.action).toBe('fallback')
    const ok = await h.turn('运费多少', nlu('price_promotion'))
    expect(ok.action).toBe('answer')
    const b = await h.turn('zzzz', nlu('out_of_scope', { confidence: 0.1 }))
    expect(b.handoff).toBe(false)
    const c = await h.turn('答非所问', nlu('complaint', { confidence: 0.5 }))
    expect(c.handoff).toBe(true)
    expect(c.reason).toMatch(/^repeated_failure/)
  })

  it('every turn carries an action and a reason', async () => {
    h = await openHarness({ customerId: 'c1' })
    for (const [t, n] of [
      ['你好', nlu('greeting')],
      ['天气怎么样', nlu('out_of_scope')],
      ['运费', nlu('price_promotion')],
    ] as const) {
      const r = await h.turn(t, n)
      expect(r.action).toBeTruthy()
      expect(r.reason).toBeTruthy()
    }
  })
})
