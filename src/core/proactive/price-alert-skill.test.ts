import { describe, expect, it } from 'vitest'
import { targetPriceIn, wantsCancelAlert, wantsPriceAlert } from '../nlu/detect-price-alert.js'
import { type AlertSubscription, priceTriggers } from './price-alerts.js'

describe('wantsPriceAlert', () => {
  it('recognises alert requests in both languages', () => {
    for (const t of [
      '降价提醒我',
      '降价了通知我一下',
      '便宜了告诉我',
      "tell me when it's cheaper",
      'let me know if the price drops',
      'alert me when it goes on sale',
    ])
      expect(wantsPriceAlert(t), t).toBe(true)
  })
  it('leaves price questions alone', () => {
    for (const t of [
      '这个多少钱',
      '最近有降价活动吗',
      'how much is the X2 Pro',
      'is it on sale?',
      'alert me when my parcel arrives',
    ])
      expect(wantsPriceAlert(t), t).toBe(false)
  })
})

describe('wantsCancelAlert', () => {
  it('recognises a request to stop alerts, and not an order cancellation', () => {
    for (const t of ['取消降价提醒', '不要再发降价通知了', 'stop the price alerts', 'cancel my alert'])
      expect(wantsCancelAlert(t), t).toBe(true)
    for (const t of ['取消订单后会通知我吗', '取消订单', 'cancel my order']) expect(wantsCancelAlert(t), t).toBe(false)
  })
})

describe('targetPriceIn', () => {
  it('reads the price the customer waits for', () => {
    expect(targetPriceIn('降到800提醒我')).toBe(800)
    expect(targetPriceIn('tell me when it drops to $50')).toBe(50)
    expect(targetPriceIn('降价提醒我')).toBeNull()
  })
})

describe('priceTriggers', () => {
  const sub: AlertSubscription = {
    subscriptionId: 'a',
    sku: 'X',
    customerId: 'c1',
    conversationId: null,
    targetPrice: null,
    priceAtSubscribe: 100,
    currency: 'CNY',
    locale: 'zh',
    createdAt: '2026-11-01T00:00:00Z',
  }
  it('fires below the subscribed price, or at/below a target', () => {
    expect(priceTriggers(sub, 100)).toBe(false)
    expect(priceTriggers(sub, 99)).toBe(true)
    expect(priceTriggers({ ...sub, targetPrice: 80 }, 90)).toBe(false)
    expect(priceTriggers({ ...sub, targetPrice: 80 }, 80)).toBe(true)
  })
})
