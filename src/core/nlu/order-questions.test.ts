import { describe, expect, it } from 'vitest'
import { categoryMentions } from './detect-category-mention.js'
import { actionCue } from './detect-intent-cues.js'
import { asksReship, asksWhatIfLost, parcelSentBack, ruleIntent } from './detect-intent-rules.js'
import { detectReturnFacts } from './detect-return-facts.js'
import { detectTurnCues } from './detect-turn-cues.js'
import { extractSlots } from './extract-slots.js'
import { readMessage } from './message-reading.js'
import type { NluResult } from './types.js'

const nlu = (intent: NluResult['intent'], confidence = 0.9): NluResult => ({
  intent,
  confidence,
  candidates: [{ intent, confidence }],
  entities: [],
  emotion: { score: 0, label: 'calm' },
  locale: 'zh',
})

const CATS = ['electronics/laptop', 'electronics/charger', 'electronics/phone', 'electronics/accessory', 'home/bedding']

describe('order and parcel questions (issue 9)', () => {
  it('reads a parcel that has not moved, or which parcel comes first, as a tracking question', () => {
    expect(ruleIntent('the duvet has not moved since monday, what is going on', 'out_of_scope')).toBe('logistics')
    expect(ruleIntent('物流好几天都不更新了', 'out_of_scope')).toBe('logistics')
    expect(ruleIntent('which one will arrive first, the lamp or the rug?', 'product_inquiry')).toBe('logistics')
    expect(ruleIntent('两个包裹哪个先到', 'product_inquiry')).toBe('logistics')
    expect(ruleIntent('这个灯不动了', 'after_sales_fault')).toBeNull()
  })

  it('reads a parcel sent back by the carrier as tracking, not as a return request', () => {
    expect(parcelSentBack('为什么物流显示退回了 我人在家啊')).toBe(true)
    expect(parcelSentBack('why was my parcel returned to sender?')).toBe(true)
    expect(parcelSentBack('钱什么时候退回来')).toBe(false)
    expect(ruleIntent('为什么物流显示退回了 我人在家啊', 'return_refund')).toBe('logistics')
    expect(actionCue('为什么物流显示退回了', nlu('logistics', 0.7))).toBeNull()
    expect(actionCue('这件我想退了', nlu('logistics', 0.7))).toBe('return_refund')
  })

  it('tells a reship request from an invoice reissue or an exchange', () => {
    expect(asksReship('那再给我寄一个吧')).toBe(true)
    expect(asksReship('能不能重新发一个给我')).toBe(true)
    expect(asksReship('could you resend it?')).toBe(true)
    expect(asksReship('发票能补发吗')).toBe(false)
    expect(asksReship('the serum gave me a rash. can I send it back?')).toBe(false)
    expect(ruleIntent('the serum gave me a rash. can I send it back?', 'return_refund')).toBeNull()
    expect(asksReship('能换货重新发一个吗')).toBe(false)
    expect(ruleIntent('坏的那个给我重新发一个', 'after_sales_fault')).toBe('logistics')
  })

  it('reads "what if it gets lost" as the lost-parcel policy question', () => {
    expect(asksWhatIfLost('万一寄丢了怎么赔')).toBe(true)
    expect(asksWhatIfLost('what happens if the package goes missing?')).toBe(true)
    expect(asksWhatIfLost('我的快递到哪了')).toBe(false)
    expect(ruleIntent('万一寄丢了怎么赔', 'out_of_scope')).toBe('logistics')
  })

  it('reads when an order was signed for as its status', () => {
    expect(ruleIntent('那个包裹几号签收的', 'logistics')).toBe('order_status')
    expect(ruleIntent('when did my parcel get delivered?', 'logistics')).toBe('order_status')
    expect(ruleIntent('包裹到哪了', 'logistics')).toBeNull()
  })

  it('asks about delivery to a region as policy, not about an own order', () => {
    expect(detectTurnCues('新疆能发吗 运费加多少').asksShippingPolicy).toBe(true)
    expect(detectTurnCues('do you ship to Japan?').asksShippingPolicy).toBe(true)
    expect(detectTurnCues('我的订单寄到新疆要多久').asksShippingPolicy).toBe(false)
    expect(detectTurnCues('where is my order').asksShippingPolicy).toBe(false)
  })

  it('reads an item swap as an item change and "send it to <address>" as an address change', () => {
    expect(detectTurnCues('能换成大一号的吗 差价我来付').change.field).toBe('items')
    expect(detectTurnCues('can you swap it for the blue one?').change.field).toBe('items')
    const c = detectTurnCues('please ship the order to 5 Park Road, Room 12, Hangzhou instead')
    expect(c.change.field).toBe('address')
    expect(c.change.newAddress).toContain('Park Road')
  })

  it('asks a refund question about the money not having arrived', () => {
    expect(detectReturnFacts('退的那两件钱到了没').asksStatus).toBe(true)
    expect(detectReturnFacts('has the refund come through yet').asksStatus).toBe(true)
    expect(detectReturnFacts('我要退货').asksStatus).toBe(false)
  })

  it('finds every kind of product a message names, once each, longest word first', () => {
    expect(categoryMentions('电脑和充电器两个快递 哪个先到', CATS).map((m) => m.categories[0])).toEqual([
      'electronics/laptop',
      'electronics/charger',
    ])
    expect(categoryMentions('手机壳到了没', CATS).map((m) => m.categories[0])).toEqual(['electronics/accessory'])
    expect(categoryMentions('毛毯到哪了', CATS).map((m) => m.categories[0])).toEqual(['home/bedding'])
    expect(categoryMentions('我的订单到哪了', CATS)).toEqual([])
  })

  it('reads the phone digits said before the words, and the numbers an order may be named by', () => {
    expect(extractSlots("4321 is my phone's last 4, order KF202611250827", nlu('order_status'), null).phoneLast4).toBe(
      '4321',
    )
    expect(extractSlots('1234是我手机尾号', nlu('order_status'), null).phoneLast4).toBe('1234')
    expect(extractSlots('order KF202611240343, phone ends 7144', nlu('return_refund'), null).phoneLast4).toBe('7144')
    expect(extractSlots('my number ends in 0182', nlu('order_status'), null).phoneLast4).toBe('0182')
    expect(
      extractSlots('I placed 2024 orders in the last 4 years', nlu('order_status'), null).phoneLast4,
    ).toBeUndefined()
    // A whole number given as who they are holds the last four; a new number to change to does not.
    expect(
      extractSlots('订单KF202611200520，手机15194775761，帮我看看到哪了', nlu('order_status'), null).phoneLast4,
    ).toBe('5761')
    expect(extractSlots('我手机号18887982014 帮我查下订单', nlu('order_status'), null).phoneLast4).toBe('2014')
    expect(extractSlots('my phone is 13800001234, order KF202611240343', nlu('order_status'), null).phoneLast4).toBe(
      '1234',
    )
    expect(extractSlots('电话改成13800001234', nlu('order_status'), null).phoneLast4).toBeUndefined()
    expect(extractSlots('new phone number 13800001234', nlu('order_status'), null).phoneLast4).toBeUndefined()
    expect(extractSlots('收货电话13800001234', nlu('modify_order'), null).phoneLast4).toBeUndefined()
    expect(readMessage('6598那单发货了吗').numbersSaid()).toEqual([6598])
    expect(readMessage('the ¥1,599 one, KF202611220290').numbersSaid()).toEqual([1599])
  })
})

describe('delivery of an order not placed yet (issue 9)', () => {
  it('is the shop’s shipping times, not the status of an order', () => {
    expect(ruleIntent('明天下单 周五之前能到成都吗', 'order_status')).toBe('logistics')
    expect(ruleIntent('晚上八点付款的话明天能发吗', 'order_status')).toBe('logistics')
    expect(ruleIntent('if I order now will it arrive by monday?', 'order_status')).toBe('logistics')
    expect(ruleIntent('我的订单今天能到吗', 'order_status')).toBeNull()
    expect(detectTurnCues('寄广州要几天').asksShippingPolicy).toBe(true)
    expect(detectTurnCues('how long does delivery to Wuhan take?').asksShippingPolicy).toBe(true)
    expect(detectTurnCues('我的快递寄广州几天到').asksShippingPolicy).toBe(false)
    expect(detectTurnCues('发货后几天到').asksShippingPolicy).toBe(false)
  })
})
