import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, nlu, openHarness } from './harness.js'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const FEES = {
  shipping: {
    fees: {
      standard: 8,
      freeOver: 99,
      days: '2-4',
      upgrade: { nameZh: '顺丰升级', nameEn: 'SF Express upgrade', fee: 10 },
      regions: {
        tibet: { surcharge: 15, days: '5-7' },
        hong_kong: { flat: 30, days: '3-5', workingDays: true, carrierZh: '顺丰速运', carrierEn: 'SF Express' },
        taiwan: { delivers: false },
      },
    },
  },
}

describe('shipping fee computed from the shop rates', () => {
  it('adds the remote surcharge to the fee below the free line, and keeps it alone above', async () => {
    h = await openHarness({ customerId: null, settings: FEES })
    const a = await h.turn('寄拉萨的话 买一件89的T恤运费多少', nlu('price_promotion', { confidence: 0.4 }))
    expect(a.action).toBe('answer')
    expect(a.reason).toBe('shipping_fee')
    expect(a.replies[0]!.text).toContain('¥23.00')
    // The follow-up keeps the place; the visitor is not asked to verify.
    const b = await h.turn('那我凑到99以上呢', nlu('order_status', { confidence: 0.4 }))
    expect(b.reason).toBe('shipping_fee')
    expect(b.replies[0]!.text).toContain('¥15.00')
    expect(b.replies[0]!.text).not.toContain('¥23.00')
    const c = await h.turn('大概几天能到', nlu('logistics', { confidence: 0.6 }))
    expect(c.reason).toBe('shipping_days')
    expect(c.replies[0]!.text).toContain('5-7')
  })

  it('answers a place with a flat rate, its days on the follow-up, and a place it does not deliver to', async () => {
    h = await openHarness({ customerId: null, locale: 'en', settings: FEES })
    const a = await h.turn('u guys ship to hk?', nlu('logistics', { locale: 'en' }))
    expect(a.replies[0]!.text).toContain('¥30.00')
    const b = await h.turn('how many days tho', nlu('return_refund', { confidence: 0.55, locale: 'en' }))
    expect(b.reason).toBe('shipping_days')
    expect(b.replies[0]!.text).toContain('3-5 working days')
    const c = await h.turn('and my cousin in taipei?', nlu('out_of_scope', { confidence: 0.4, locale: 'en' }))
    expect(c.reason).toBe('shipping_no_delivery')
    expect(c.action).toBe('answer')
  })

  it('declining the paid upgrade keeps the basket asked about', async () => {
    h = await openHarness({ customerId: null, settings: FEES })
    const a = await h.turn('我就买一件79的T恤 那运费多少', nlu('price_promotion', { confidence: 0.5 }))
    expect(a.replies[0]!.text).toContain('¥8.00')
    const b = await h.turn('那不用顺丰了 就普通的吧', nlu('order_status', { confidence: 0.4 }))
    expect(b.action).toBe('answer')
    expect(b.replies[0]!.text).toContain('顺丰升级')
    expect(b.replies[0]!.text).toContain('¥8.00')
  })

  it('leaves a shop without rates to its FAQ answer', async () => {
    h = await openHarness({ customerId: null })
    const a = await h.turn('买一件79的T恤 运费多少', nlu('logistics'))
    expect(a.reason).not.toMatch(/^shipping_/)
  })
})
