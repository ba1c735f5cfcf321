import * as OpenCC from 'opencc-js'
import { describe, expect, it } from 'vitest'
import { compactConverter } from './compact-opencc.js'

type Preset = { normalizationChain?: unknown[][]; segmentation?: unknown; conversionChain: unknown[][] }
const configs = (OpenCC.Locale as unknown as { configs: Record<string, Preset> }).configs

/** Every word of the preset's dictionaries. */
function wordsOf(preset: Preset): string[] {
  const dicts: unknown[] = [
    ...(preset.normalizationChain ?? []).flat(),
    ...(Array.isArray(preset.segmentation) ? preset.segmentation : preset.segmentation ? [preset.segmentation] : []),
    ...preset.conversionChain.flat(),
  ]
  const words = new Set<string>()
  for (const d of dicts) {
    if (typeof d === 'string') for (const e of d.split('|')) words.add(e.split(' ')[0] ?? '')
    else if (Array.isArray(d)) for (const [w] of d as Array<[string, string]>) words.add(w)
  }
  words.delete('')
  return [...words]
}

const SENTENCES = [
  '我想退貨 手錶還沒拆封',
  '唔該幫我睇下我個鑊幾時發貨',
  '我的订单到哪了',
  '羽绒服我穿什么码 我176 70公斤',
  'X2 Pro 支持无线充电吗？多少钱',
  '這個軟體的記憶體不夠，滑鼠也壞了',
  '头发干了以后干活，乾燥的天气里干杯',
  'where is my order? 订单号 KF202611240325',
  '后天去皇后大道，面条和面粉，里面的表里不一',
  '𠮷野家 😀 ⿰氵中 ⿱艹⿰氵可 ⿲丿乚丶',
  '',
  ' ',
  '\ud842',
]

describe('compactConverter', () => {
  for (const [preset, from, to] of [
    ['t2s', 't', 'cn'],
    ['s2tw', 'cn', 'tw'],
    ['s2hk', 'cn', 'hk'],
  ] as const) {
    it(`gives opencc-js's output for ${preset} on every dictionary word, word pairs and sentences`, () => {
      const reference = OpenCC.Converter({ from, to })
      const compact = compactConverter(preset)
      const words = wordsOf(configs[preset]!)
      expect(words.length).toBeGreaterThan(1000)
      const texts = [...SENTENCES]
      for (let i = 0; i < words.length; i++) {
        texts.push(words[i]!)
        // Neighbouring words glued together and inside text: overlaps decide the segmentation.
        texts.push(`${words[i]}${words[(i * 7919 + 13) % words.length]}`)
        if (i % 5 === 0) texts.push(`买了${words[i]}的${words[(i + 1) % words.length]}呢`)
      }
      const differ = texts.filter((t) => compact(t) !== reference(t))
      expect(differ.slice(0, 5)).toEqual([])
    }, 120_000)
  }
})
