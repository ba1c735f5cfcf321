import { describe, expect, it } from 'vitest'
import { readChineseScript, toCustomerScript } from './chinese-script.js'

describe('readChineseScript', () => {
  it('reads traditional characters as simplified and says so', () => {
    expect(readChineseScript('我想退貨 手錶還沒拆封')).toEqual({
      text: '我想退货 手表还没拆封',
      script: 'traditional',
      cantonese: false,
    })
    expect(readChineseScript('訂單KF202611230241 手機後四碼2014').text).toBe('订单KF202611230241 手机后四码2014')
  })

  it('leaves simplified text alone, a lone 著 included', () => {
    expect(readChineseScript('这个牌子很著名吗，发货了没有')).toEqual({
      text: '这个牌子很著名吗，发货了没有',
      script: 'simplified',
      cantonese: false,
    })
  })

  it('tells simplified text from text written alike, whenever the script is read', () => {
    const simplified = readChineseScript('我要退货')
    expect(simplified.text).toBe('我要退货')
    expect(simplified.script).toBe('simplified')
    expect(simplified.script).toBe('simplified')
    const alike = readChineseScript('好的，可以')
    expect(alike.script).toBeNull()
    expect(alike.script).toBeNull()
    expect({ ...readChineseScript('我要退货') }).toEqual({ text: '我要退货', script: 'simplified', cantonese: false })
  })

  it('gives no script for text written alike in both scripts or without Chinese', () => {
    expect(readChineseScript('好的').script).toBeNull()
    expect(readChineseScript('KF202611230241 2014').script).toBeNull()
  })

  it('reads written Cantonese as Mandarin', () => {
    const r = readChineseScript('唔該幫我睇下我個鑊幾時發貨呀，等咗兩日喇')
    expect(r.cantonese).toBe(true)
    expect(r.script).toBe('traditional')
    expect(r.text).toBe('麻烦帮我看下我个锅什么时候发货呀，等了两日了')
    expect(readChineseScript('咁听日会唔会到').text).toBe('那明天会不会到')
  })

  it('never rewrites Mandarin words that look like Cantonese ones', () => {
    expect(readChineseScript('我要看一下订单，几点发货').text).toBe('我要看一下订单，几点发货')
  })
})

describe('toCustomerScript', () => {
  it('writes a reply in traditional characters for a traditional reader', () => {
    const reply = '订单 KF202611230241 里有多件商品，要退哪一件？'
    expect(toCustomerScript(reply, { script: 'traditional', cantonese: false })).toBe(
      '訂單 KF202611230241 裡有多件商品，要退哪一件？',
    )
    expect(toCustomerScript(reply, { script: 'simplified', cantonese: false })).toBe(reply)
    expect(toCustomerScript(reply, { script: null, cantonese: false })).toBe(reply)
  })
})
