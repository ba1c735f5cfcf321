import { describe, expect, it } from 'vitest'
import { actionCue, angerCue } from './detect-intent-cues.js'
import { detectSignals } from './detect-signals.js'
import { detectTurnCues } from './detect-turn-cues.js'
import { bodyMeasures, extractSlots } from './extract-slots.js'
import { readPurchaseDate } from './read-purchase-date.js'
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

describe('signals', () => {
  it('tells yes, no and corrections apart in both languages', () => {
    expect(detectSignals('是的').affirm).toBe(true)
    expect(detectSignals('yes please').affirm).toBe(true)
    expect(detectSignals('还是不行').deny).toBe(true)
    expect(detectSignals("didn't help").deny).toBe(true)
    const c = detectSignals('不对，是另一个订单')
    expect([c.correction, c.deny, c.affirm]).toEqual([true, false, false])
  })

  it('reads ordinals, follow-ups and "not what I asked"', () => {
    expect(detectSignals('第二个').ordinal).toBe(1)
    expect(detectSignals('the second one').ordinal).toBe(1)
    expect(detectSignals('那红色的呢?').followUp).toBe(true)
    expect(detectSignals('and in XL?').followUp).toBe(true)
    expect(detectSignals('答非所问').notAnswered).toBe(true)
    // A yes followed by what to do is still a yes; a yes with a doubt or a "not" is not.
    for (const t of [
      '对的，改吧',
      '嗯嗯 取消',
      '是的 就这个',
      '好的 帮我退',
      "Yes, that's right",
      'yes please go ahead and cancel it',
      '那就换吧',
      '帮我退',
      'just return it',
      '缺货的话 那就退吧',
    ])
      expect(detectSignals(t).affirm).toBe(true)
    for (const t of [
      '是的 但是不要改地址',
      '好的 那运费怎么算？',
      "yes but don't cancel it",
      '对 不过你确定吗',
      '退不了吧',
      '换个颜色吧',
      '没货吗 那就退吧',
      '贵了 退吧',
    ])
      expect(detectSignals(t).affirm).toBe(false)
    expect(detectSignals("that's not what I asked").notAnswered).toBe(true)
  })
})

describe('slot extraction', () => {
  it('finds order numbers but not a mobile number, and last 4 digits when asked', () => {
    const s = extractSlots('订单KF10000001 手机13800001234', nlu('order_status'), null)
    expect(s.order).toBe('KF10000001')
    expect(s.phone).toBe('13800001234')
    expect(extractSlots('1234', nlu('out_of_scope', 0.1), 'phoneLast4').phoneLast4).toBe('1234')
    expect(extractSlots('1234', nlu('out_of_scope', 0.1), null).phoneLast4).toBeUndefined()
  })

  it('reads heights and weights written the common ways', () => {
    expect(bodyMeasures('1米65，110斤')).toEqual({ heightCm: 165, weightKg: 55 })
    expect(bodyMeasures("I'm 182cm and 80kg")).toEqual({ heightCm: 182, weightKg: 80 })
    expect(bodyMeasures('身高170 体重60')).toEqual({ heightCm: 170, weightKg: 60 })
  })
})

describe('cues', () => {
  it('an action verb overrides an information intent, not a confident action intent', () => {
    expect(actionCue('订单KF10000001我想改一下收货地址', nlu('order_status', 0.54))).toBe('modify_order')
    expect(actionCue('订单KF10000003我要退货', nlu('order_status', 0.8))).toBe('return_refund')
    expect(actionCue('取消订单', nlu('cancel_order'))).toBeNull()
    expect(actionCue('我的快递到哪了', nlu('logistics'))).toBeNull()
  })

  it('shouting with a threat is anger; a calm complaint is not', () => {
    expect(angerCue('什么垃圾服务！！！我要投诉')).toBeGreaterThanOrEqual(0.7)
    expect(angerCue('我想咨询一下投诉流程')).toBeLessThan(0.7)
    expect(angerCue('where is my parcel?')).toBe(0)
  })
})

describe('turn cues', () => {
  it('questions about service hours, capabilities and account deletion', () => {
    expect(detectTurnCues('你们人工一般几点上班').asksAgentHours).toBe(true)
    expect(detectTurnCues('when are your support people available?').asksAgentHours).toBe(true)
    expect(detectTurnCues('转人工 客服几点下班').asksAgentHours).toBe(false)
    expect(detectTurnCues('转人工').asksAgentHours).toBe(false)
    expect(detectTurnCues('你到底能做些什么').asksCapabilities).toBe(true)
    expect(detectTurnCues('so what can u help with').asksCapabilities).toBe(true)
    expect(detectTurnCues('你能帮我查下订单吗').asksCapabilities).toBe(false)
    expect(detectTurnCues('我不想用了 把账号注销掉').asksAccountDeletion).toBe(true)
    expect(detectTurnCues('remove my profile and personal data please').asksAccountDeletion).toBe(true)
    expect(detectTurnCues('帮我删除这个收货地址').asksAccountDeletion).toBe(false)
    expect(detectTurnCues("what's the phone number for your shop").asksContact).toBe(true)
    // "open right now" asks whether the line is open, it does not ask to be put through now.
    expect(detectTurnCues("is your phone line open right now? what's the number").asksAgentHours).toBe(true)
    expect(detectTurnCues("is your phone line open right now? what's the number").asksStaffContact).toBe(false)
    expect(detectTurnCues('把你们老板手机号给我').asksStaffContact).toBe(true)
  })

  it('asking whether a person answers, inside chatter, is not a request for one', () => {
    expect(detectSignals('家人们谁懂啊 你是真人还是AI啊 别整那些虚的').humanRequest).toBe(false)
    expect(detectSignals('lol r u a bot or a real person').humanRequest).toBe(false)
    expect(detectSignals('那给我整个真人 我要问的你答不了').humanRequest).toBe(true)
    expect(detectSignals('你是真人还是AI 给我转人工').humanRequest).toBe(true)
  })

  it('a question whether an accessory fits a device is a product question', () => {
    const two = (intent: NluResult['intent']): NluResult => ({
      ...nlu(intent, 0.4),
      entities: [
        { type: 'product', text: '原装壳', value: 'A', start: 0, end: 3 },
        { type: 'product', text: 'Mate 60', value: 'B', start: 5, end: 12 },
      ],
    })
    expect(actionCue('原装壳 Mate 60能用吗', two('cancel_order'))).toBe('product_inquiry')
    expect(actionCue('原装壳 Mate 60能用吗', two('after_sales_fault'))).toBeNull()
    expect(actionCue('Mate 60 续航能用多久', two('out_of_scope'))).not.toBe('product_inquiry')
  })

  it('small talk, paying, order changes and answers to the bot', () => {
    expect(detectTurnCues('你是机器人吗').greeting).toBe('robot')
    expect(detectTurnCues('thanks a lot').greeting).toBe('thanks')
    expect(detectTurnCues('拜拜').greeting).toBe('bye')
    expect(detectTurnCues('你好').greeting).toBe('hello')
    expect(detectTurnCues('我要付款').payOrder).toBe(true)
    expect(detectTurnCues('支持哪些付款方式').payOrder).toBe(false)
    const change = detectTurnCues('地址改到朝阳区建国路88号').change
    expect(change).toEqual({
      field: 'address',
      newAddress: '朝阳区建国路88号',
      introducesValue: true,
      sameAsBefore: false,
      corrects: null,
    })
    // An address after the request is taken; a message that is all address is taken whole.
    expect(detectTurnCues('精华那单能改寄到我妈家吗 青岛市市北区辽宁路88号3单元302').change.newAddress).toBe(
      '青岛市市北区辽宁路88号3单元302',
    )
    expect(detectTurnCues('88 Nanjing Road, Room 1203, Shanghai').change.newAddress).toBe(
      '88 Nanjing Road, Room 1203, Shanghai',
    )
    expect(detectTurnCues('我想改一下尺码').change.field).toBe('items')
    expect(detectTurnCues('change the phone number').change.field).toBe('phone')
    expect(detectTurnCues('上海市浦东新区世纪大道100号').addressLike).toBe(true)
    expect(detectTurnCues('好的').addressLike).toBe(false)
    expect(detectTurnCues('不记得了').dontKnow).toBe(true)
    expect(detectTurnCues('能退吗？').endsWithQuestion).toBe(true)
    expect(detectTurnCues('换货').namesReturnKind).toBe(true)
  })

  it('recommendations, size questions and price-drop alerts', () => {
    expect(detectTurnCues('换一批').refinesRecommendation).toBe(true)
    expect(detectTurnCues('cheaper ones?').refinesRecommendation).toBe(true)
    expect(detectTurnCues('尺码推荐').mentionsSize).toBe(true)
    expect(detectTurnCues('尺码推荐').namesProductOrGift).toBe(false)
    expect(detectTurnCues('推荐一款降噪耳机').namesProductOrGift).toBe(true)
    expect(detectTurnCues('降到800提醒我')).toMatchObject({ priceAlert: 'subscribe', priceAlertTarget: 800 })
    expect(detectTurnCues('取消降价提醒').priceAlert).toBe('cancel')
    expect(detectTurnCues('有货吗').priceAlert).toBe(null)
  })
})

describe('understandTurn', () => {
  it('keeps the classifier apart from the intent acted on', () => {
    const u = understandTurn('我要付款', nlu('invoice_payment'), { awaiting: null })
    expect(u.classifier.intent).toBe('invoice_payment')
    expect(u.nlu.intent).toBe('order_status')
    expect(u.intentSource).toBe('rule')
    const same = understandTurn('我的订单到哪了', nlu('order_status'), { awaiting: null })
    expect(same.intentSource).toBe('classifier')
    expect(same.nlu.intent).toBe('order_status')
  })

  it('reads slots with what the bot is waiting for', () => {
    expect(understandTurn('1234', nlu('out_of_scope', 0.2), { awaiting: 'phoneLast4' }).slots.phoneLast4).toBe('1234')
    expect(understandTurn('1234', nlu('out_of_scope', 0.2), { awaiting: null }).slots.phoneLast4).toBeUndefined()
    const u = understandTurn('藏青色M码有吗', nlu('stock_availability'), { awaiting: null })
    expect(u.slots.colourWord).toBe('blue')
    expect(u.slots.sizeWord).toBe('M')
  })
})

describe('readPurchaseDate', () => {
  const now = new Date('2026-11-26T04:00:00Z')
  it('reads full and year-month dates, nothing from "I don\'t know"', () => {
    expect(readPurchaseDate('2026-03-15', now)).toBe('2026-03-15T00:00:00.000Z')
    expect(readPurchaseDate('大概2025年3月买的', now)).toBe('2025-03-01T00:00:00.000Z')
    expect(readPurchaseDate('不记得了，2025年3月吧', now)).toBeNull()
    expect(readPurchaseDate('not sure', now)).toBeNull()
  })
})

describe('product questions with a budget or a price asked too', () => {
  it('reads a budget with no product named as a recommendation request', () => {
    expect(understandTurn('两千以内有5G手机吗', nlu('stock_availability'), { awaiting: null }).nlu.intent).toBe(
      'recommendation',
    )
    expect(understandTurn('X2还有货吗', nlu('stock_availability'), { awaiting: null }).nlu.intent).toBe(
      'stock_availability',
    )
  })
  it('notes a price asked along with another question', () => {
    expect(detectTurnCues('这个充电站能给笔记本满速充吗 多少钱').asksPrice).toBe(true)
    expect(detectTurnCues('does it fit the Watch 3? and how much is it').asksPrice).toBe(true)
    expect(detectTurnCues('能给笔记本满速充吗').asksPrice).toBe(false)
  })
  it('reads a chest measurement and a US shoe size into the slots', () => {
    const u = understandTurn('I wear a US 10, chest 102', nlu('size_advice'), { awaiting: null })
    expect(u.slots.usShoeSize).toBe(10)
    expect(u.slots.chestCm).toBe(102)
  })
})
