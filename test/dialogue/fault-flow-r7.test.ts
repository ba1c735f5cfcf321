/**
 * Round-7 fault turns (issue 9): a message that already meets a repair verdict's condition gets the
 * ticket at once; a visitor asking "is it broken?" is answered before any warranty question; a step
 * reported in the first message counts with what the next one adds.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { TurnOutcome } from '../../src/core/dialogue/types.js'
import type { Fault, Product } from '../../src/core/domain/schemas.js'
import { detectFaultCues } from '../../src/core/nlu/detect-fault-cues.js'
import type { Intent } from '../../src/core/nlu/types.js'
import { type Harness, nlu, openHarness } from './harness.js'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

function turn(text: string, intent: Intent = 'after_sales_fault'): Promise<TurnOutcome> {
  const cues = detectFaultCues(text)
  return h!.turn(text, {
    ...nlu(intent, { entities: [{ type: 'product', text: 'AirBeat', value: 'EB-1', start: 0, end: 7 }] }),
    ...(Object.keys(cues).length > 0 ? { cues } : {}),
  })
}

const flicker: Fault = {
  id: 'F-EB-CRACKLE',
  category: 'electronics/earbuds',
  symptom: 'Earbuds crackle',
  similar: ['crackling sound', 'static in the earbuds'],
  questions: ['Does it crackle in every app?', 'Is it worse when you tap the stem?'],
  solutions: [
    'Update the earbud firmware in the app.',
    'If it crackles even with the case closed, or gets worse when you tap the stem, the speaker is loose and needs a repair.',
  ],
  escalate: { queue: 'repair', priority: 'high' },
  locale: 'en',
}

const slow: Fault = {
  id: 'F-EB-SLOW',
  category: 'electronics/earbuds',
  symptom: 'Earbuds charge slowly',
  similar: ['charging takes hours'],
  questions: ['How many devices are plugged in at once?'],
  solutions: [
    'Use the original cable; other cables charge slower.',
    'Update the earbud firmware in the app.',
    'Charge the case alone on the port: power is shared across ports.',
  ],
  escalate: { queue: 'repair', priority: 'low' },
  locale: 'en',
}

describe('fault flow: round 7', () => {
  it('opens the ticket at once when the message meets a repair verdict', async () => {
    h = await openHarness({ customerId: 'c1', locale: 'en' })
    await h.store.faults.upsertMany('shop1', [flicker])
    const a = await turn('my AirBeat earbuds crackle, and it gets worse when I tap the stem')
    expect(a.action).toBe('execute')
    expect(a.reason).toBe('fault_decisive_symptom_ticket_created')
    expect(a.ticket).toMatchObject({ priority: 'high' })
  })

  it('does not treat the symptom alone as meeting the verdict', async () => {
    h = await openHarness({ customerId: 'c1', locale: 'en' })
    await h.store.faults.upsertMany('shop1', [flicker])
    const a = await turn('my AirBeat earbuds crackle')
    expect(a.ticket).toBeUndefined()
  })

  it('answers a visitor who asks whether it is broken before asking for the purchase', async () => {
    h = await openHarness({ customerId: null, locale: 'en' })
    await h.store.faults.upsertMany('shop1', [slow])
    const a = await turn('my AirBeat case charges slowly whenever my phone is plugged in too. is it broken?')
    expect(a.reason).not.toBe('fault_ask_purchase')
    expect(a.action).toBe('answer')
    expect(a.ticket).toBeUndefined()
  })

  it('counts a step named in the first message with the fixes beyond the guide in the next', async () => {
    h = await openHarness({ customerId: 'c1', locale: 'en' })
    await h.store.faults.upsertMany('shop1', [slow])
    const a = await turn('my AirBeat earbuds charge slowly, using the original cable')
    expect(a.ticket).toBeUndefined()
    const b = await turn('cleaned the port and restarted, still slow')
    expect(b.ticket).toBeDefined()
  })

  it('takes the owned band when the word used is another band\'s alias ("手环")', async () => {
    h = await openHarness({ customerId: 'c1' })
    const band = (sku: string, title: string, aliases: string[]): Product => ({
      sku,
      title,
      category: 'electronics/smartwatch',
      brand: 'LX',
      price: 299,
      currency: 'CNY',
      stock: 5,
      attributes: { warrantyMonths: 12 },
      description: '',
      aliases,
    })
    await h.store.products.upsertMany('shop1', [
      band('BD-1', 'LX Band 8 智能手环', ['手环']),
      band('BD-2', 'LX Band 8 NFC版 智能手环', ['Band 8 NFC']),
    ])
    const [first] = await h.store.orders.listByCustomer('shop1', 'c1')
    await h.store.orders.upsertMany('shop1', [
      {
        ...first!,
        orderNo: 'KF10000099',
        status: 'delivered',
        items: [{ sku: 'BD-2', qty: 1, price: 299, title: 'LX Band 8 NFC版 智能手环' }],
      },
    ])
    await h.store.faults.upsertMany('shop1', [
      {
        id: 'F-W',
        category: 'electronics/smartwatch',
        symptom: '手环屏幕起雾',
        similar: [],
        questions: [],
        solutions: ['擦干后放在通风处。'],
        escalate: { queue: 'repair', priority: 'high' },
        locale: 'zh',
      },
    ])
    const text = '手环屏幕里面起雾了'
    const a = await h.turn(text, {
      ...nlu('after_sales_fault', { entities: [{ type: 'product', text: '手环', value: 'BD-1', start: 0, end: 2 }] }),
    })
    expect(a.reason).not.toBe('fault_ask_purchase')
    expect(a.state.slots.order).toBe('KF10000099')
  })
})
