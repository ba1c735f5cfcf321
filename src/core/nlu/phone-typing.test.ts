import { describe, expect, it } from 'vitest'
import { readPhoneTyping } from './phone-typing.js'

describe('readPhoneTyping: pinyin abbreviations', () => {
  it('reads whole abbreviation runs in Chinese messages as the words', () => {
    expect(readPhoneTyping('kf在吗 转rg')).toBe('客服在吗 转人工')
    expect(readPhoneTyping('kf kf 在吗 要rgkf')).toBe('客服 客服 在吗 要人工客服')
    expect(readPhoneTyping('wl四天没动了 qs不了了')).toBe('物流四天没动了 签收不了了')
    expect(readPhoneTyping('tk咋还没到 zfb付的')).toBe('退款咋还没到 支付宝付的')
    expect(readPhoneTyping('两个单能合开一张FP吗')).toBe('两个单能合开一张发票吗')
    expect(readPhoneTyping('hb分3期')).toBe('花呗分3期')
  })

  it('leaves identifiers, other words and English messages alone', () => {
    expect(readPhoneTyping('KF202611240476 到哪了')).toBe('KF202611240476 到哪了')
    expect(readPhoneTyping('运单SF1234567890123')).toBe('运单SF1234567890123')
    expect(readPhoneTyping('帮我查下 KF 2026 1124 0392 到哪了')).toBe('帮我查下 KF 2026 1124 0392 到哪了')
    expect(readPhoneTyping('my X2 Pro 快充不生效')).toBe('my X2 Pro 快充不生效')
    expect(readPhoneTyping('can I pay with hb or tk?')).toBe('can I pay with hb or tk?')
  })
})

describe('readPhoneTyping: dictated digits', () => {
  it('reads an order number and a phone tail dictated as Chinese numerals', () => {
    expect(readPhoneTyping('订单号KF二零二六一一二四零四七六 手机尾号八二四二')).toBe(
      '订单号KF202611240476 手机尾号8242',
    )
    expect(readPhoneTyping('我手机是幺三八零零零零幺二三四')).toBe('我手机是13800001234')
    expect(readPhoneTyping('后四位两五八零')).toBe('后四位2580')
  })

  it('leaves counting words and short numbers as they are', () => {
    expect(readPhoneTyping('一米七四 一百四十斤')).toBe('一米七四 一百四十斤')
    expect(readPhoneTyping('三四天了还没到')).toBe('三四天了还没到')
    expect(readPhoneTyping('买一送一 二三四五都行')).toBe('买一送一 二三四五都行')
  })
})
