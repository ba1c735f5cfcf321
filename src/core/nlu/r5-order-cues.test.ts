import { describe, expect, it } from 'vitest'
import { dropsRequest } from './detect-drop-request.js'
import { asksGenerally } from './detect-general-question.js'
import { detectReturnFacts } from './detect-return-facts.js'
import { detectTurnCues } from './detect-turn-cues.js'
import type { NluResult } from './types.js'
import { understandTurn } from './understand-turn.js'

const nlu = (intent: NluResult['intent'], confidence = 0.9): NluResult => ({
  intent,
  confidence,
  candidates: [{ intent, confidence }],
  entities: [],
  emotion: { score: 0, label: 'calm' },
  locale: 'zh',
})

describe('a request dropped (round 5)', () => {
  it('reads a change, cancellation or return taken back', () => {
    expect(dropsRequest('那算了 不改了 就34吧')).toBe(true)
    expect(dropsRequest('算了 尺码不用改了')).toBe(true)
    expect(dropsRequest('no wait, keep it. no need to cancel')).toBe(true)
    expect(dropsRequest('never mind, leave it as it is')).toBe(true)
  })
  it('is not a switch to another action nor a plain cancellation', () => {
    expect(dropsRequest('算了不换了 直接退能退多少')).toBe(false)
    expect(dropsRequest("actually nvm, I don't want the jeans anymore")).toBe(false)
    expect(dropsRequest('帮我取消订单')).toBe(false)
  })
  it('"keep it" takes back a cancellation', () => {
    expect(detectTurnCues('no wait, keep it').keepOrder).toBe(true)
    expect(detectTurnCues('no need to cancel').keepOrder).toBe(true)
  })
})

describe('rules asked in general (round 5)', () => {
  it('is a question about no order of the customer own', () => {
    expect(asksGenerally('请问退货寄到哪里呀')).toBe(true)
    expect(asksGenerally('下单以后 最晚什么时候还能改收货地址')).toBe(true)
    expect(asksGenerally('can i return sneakers if i wore them outside once lol')).toBe(true)
    expect(asksGenerally('你们一般发什么快递 能指定顺丰吗')).toBe(true)
  })
  it('points at an own order otherwise', () => {
    expect(asksGenerally('我的快递到哪了')).toBe(false)
    expect(asksGenerally('where is my order?')).toBe(false)
    expect(asksGenerally('KF202611240404 能退吗')).toBe(false)
    expect(asksGenerally('我买的耳机能退吗')).toBe(false)
    expect(asksGenerally('帮我取消订单')).toBe(false)
  })
  it('reads a return-address question', () => {
    expect(detectReturnFacts('请问退货寄到哪里呀').asksAddress).toBe(true)
    expect(detectReturnFacts("what's your returns address?").asksAddress).toBe(true)
    expect(detectReturnFacts('where do I send it back?').asksAddress).toBe(true)
    expect(detectReturnFacts('退款到哪了').asksAddress).toBe(false)
  })
})

describe('where the shop delivers (round 5)', () => {
  it('reads chat-speak places, carriers and shipping fees as shipping policy', () => {
    expect(detectTurnCues('u guys ship to hk?').asksShippingPolicy).toBe(true)
    expect(detectTurnCues('and my cousin in taipei?').asksShippingPolicy).toBe(true)
    expect(detectTurnCues('你们一般发什么快递 能指定顺丰吗').asksShippingPolicy).toBe(true)
    expect(detectTurnCues('我就买一件79的T恤 那运费多少').asksShippingPolicy).toBe(true)
    expect(detectTurnCues('which courier is bringing my dinnerware set?').asksShippingPolicy).toBe(false)
  })
  it('makes a delivery-place question a delivery question', () => {
    const u = understandTurn('西藏能发货吗 要加运费不', nlu('price_promotion', 0.58), { awaiting: null })
    expect(u.nlu.intent).toBe('logistics')
    expect(u.intentSource).toBe('rule')
  })
})

describe('orders looked into or taken together (round 5)', () => {
  it('reads the position of an order line', () => {
    expect(detectTurnCues('这单里第二件是啥来着').itemAt).toBe(2)
    expect(detectTurnCues('订单里第3件是什么').itemAt).toBe(3)
    expect(detectTurnCues("what's the second item in that order?").itemAt).toBe(2)
    expect(detectTurnCues('第二个').itemAt).toBeNull()
    expect(detectTurnCues('the second one please').itemAt).toBeNull()
  })
  it('reads which parcel comes first', () => {
    expect(detectTurnCues('那哪个先到').asksWhichFirst).toBe(true)
    expect(detectTurnCues('which one arrives first?').asksWhichFirst).toBe(true)
    expect(detectTurnCues('先到先得吗').asksWhichFirst).toBe(false)
  })
  it('reads a total over several orders and the group meant', () => {
    expect(detectTurnCues('我还没发货的那两单 一共多少钱来着').ordersTotal).toEqual({ group: 'unshipped' })
    expect(detectTurnCues('没付款的那三单加起来多少').ordersTotal).toEqual({ group: 'unpaid' })
    expect(detectTurnCues('how much are my orders altogether?').ordersTotal).toEqual({ group: 'open' })
    expect(detectTurnCues('买两条399的毛衣裙一共多少钱').ordersTotal).toBeNull()
  })
  it('reads a forgotten payment', () => {
    expect(detectTurnCues('早上下的单忘付钱了 现在还来得及吗').forgotToPay).toBe(true)
    expect(detectTurnCues('I forgot to pay for it').forgotToPay).toBe(true)
  })
  it('makes an order total an order question, not a promotion', () => {
    const u = understandTurn('我还没发货的那两单 一共多少钱来着', nlu('order_status', 0.92), { awaiting: null })
    expect(u.nlu.intent).toBe('order_status')
    const v = understandTurn('这单里第二件是啥来着', nlu('product_inquiry', 0.95), { awaiting: null })
    expect(v.nlu.intent).toBe('order_status')
  })
})
