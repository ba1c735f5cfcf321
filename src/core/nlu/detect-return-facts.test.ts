import { describe, expect, it } from 'vitest'
import { detectReturnFacts } from './detect-return-facts.js'

describe('detectReturnFacts', () => {
  it('reads the reason, negations included', () => {
    expect(detectReturnFacts('就是尺码不合适，不是质量问题').reason).toBe('size')
    expect(detectReturnFacts('耳机坏了 左边没声音').reason).toBe('quality')
    expect(detectReturnFacts('颜色不喜欢').reason).toBe('dislike')
    expect(detectReturnFacts('发错货了 我买的是黑色').reason).toBe('wrong_item')
    expect(detectReturnFacts("it's too small, nothing wrong with it").reason).toBe('size')
    expect(detectReturnFacts("I changed my mind, it's not broken").reason).toBe('dislike')
    expect(detectReturnFacts('我想退货').reason).toBeNull()
  })

  it('reads the condition and the kind', () => {
    expect(detectReturnFacts('拆开试了一下 颜色太深').opened).toBe(true)
    expect(detectReturnFacts('没拆封 能退吗').opened).toBe(false)
    expect(detectReturnFacts("haven't opened it").opened).toBe(false)
    expect(detectReturnFacts('吊牌还在').opened).toBe(false)
    expect(detectReturnFacts('我要退货').opened).toBeNull()
    expect(detectReturnFacts('M码大了 想换个S').kind).toBe('exchange')
    expect(detectReturnFacts('仅退款就行').kind).toBe('refund_only')
  })

  it('reads use beyond trying on, and a negated quality problem as a no-reason return', () => {
    expect(detectReturnFacts('锅已经炒过菜了 不是质量问题').used).toBe(true)
    expect(detectReturnFacts('锅已经炒过菜了 不是质量问题').reason).toBe('dislike')
    expect(detectReturnFacts('手表绑定过了 能退吗').used).toBe(true)
    expect(detectReturnFacts("I already set it up, I just don't want it").used).toBe(true)
    expect(detectReturnFacts('试穿了一下 有点紧').used).toBe(false)
    expect(detectReturnFacts('试穿了一下 有点紧').reason).toBe('size')
    expect(detectReturnFacts('没用过 吊牌都在').used).toBe(false)
    expect(detectReturnFacts('孩子不爱戴 退了吧').reason).toBe('dislike')
    expect(detectReturnFacts('只试涂了一下').opened).toBe(true)
  })

  it('tells a refund-status question from a return request', () => {
    expect(detectReturnFacts('退款什么时候到账').asksStatus).toBe(true)
    expect(detectReturnFacts('where is my refund').asksStatus).toBe(true)
    expect(detectReturnFacts("what's going on with my kettle refund").asksStatus).toBe(true)
    expect(detectReturnFacts('退的那399退到哪了').asksStatus).toBe(true)
    expect(detectReturnFacts('我要退货').asksStatus).toBe(false)
  })

  it('reads a closing request to return as the return asked for now', () => {
    for (const t of ['照片拍好了 退吧', '那就退了吧', '行 帮我退掉吧', 'photos sent, just return it'])
      expect(detectReturnFacts(t).returnNow).toBe(true)
    for (const t of ['能退吧？', '退吧不太好', '退货要运费吗', 'can I return it?', '不想退'])
      expect(detectReturnFacts(t).returnNow).toBe(false)
  })

  it('reads a window question, the activation rule asked about and the payment method named', () => {
    expect(detectReturnFacts('跑鞋还能退吗 还剩几天').asksWindow).toBe(true)
    expect(detectReturnFacts('最晚什么时候得寄回去').asksWindow).toBe(true)
    expect(detectReturnFacts('how many days do I have left to send it back?').asksWindow).toBe(true)
    expect(detectReturnFacts('我要退货').asksWindow).toBe(false)
    expect(detectReturnFacts('只是开机看了一眼 这也算激活吗').asksActivationRule).toBe(true)
    expect(detectReturnFacts('does switching it on once count as activated?').asksActivationRule).toBe(true)
    expect(detectReturnFacts('我用的储蓄卡付的款').paidWith).toBe('bank_card')
    expect(detectReturnFacts('paid by visa, when does it come back?').paidWith).toBe('credit_card')
    expect(detectReturnFacts('用支付宝付的').paidWith).toBe('alipay')
    expect(detectReturnFacts('能用支付宝吗').paidWith).toBeNull()
  })

  it('reads an unused device and a refund asked about by its amount', () => {
    expect(detectReturnFacts('电脑没开过机 塑封还在').opened).toBe(false)
    expect(detectReturnFacts('never switched it on').opened).toBe(false)
    expect(detectReturnFacts('did I ever get the 259 back for the boots?').asksStatus).toBe(true)
  })
})
