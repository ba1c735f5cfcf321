import * as OpenCC from 'opencc-js'
import { describe, expect, it } from 'vitest'
import { toSimplified, toTraditional, warmChineseConversion } from './chinese-conversion.js'

const TEXTS = [
  '我想退货 手表还没拆封',
  '麻烦帮我看下我个锅什么时候发货',
  '这个软件的内存和硬盘支持吗',
  '头发里面的发现，后来皇后出发了',
  '台湾的鼠标和网络打印机，里面的面条',
  '我们的信息安全和数据库服务器 Order KF202611240392',
]

describe('chinese conversion', () => {
  it('converts like OpenCC’s own converters, built ahead by warmChineseConversion', () => {
    warmChineseConversion()
    const tw = OpenCC.Converter({ from: 'cn', to: 'tw' })
    const hk = OpenCC.Converter({ from: 'cn', to: 'hk' })
    for (const t of TEXTS) {
      expect(toTraditional(t, 'tw')).toBe(tw(t))
      expect(toTraditional(t, 'hk')).toBe(hk(t))
      expect(toSimplified(toTraditional(t, 'tw'))).toBe(OpenCC.Converter({ from: 't', to: 'cn' })(tw(t)))
    }
    expect(toTraditional('台湾的鼠标', 'tw')).toBe('臺灣的鼠標')
    expect(toTraditional('台湾的鼠标', 'hk')).toBe('台灣的鼠標')
  })
})
