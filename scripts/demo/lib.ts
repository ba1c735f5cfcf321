/**
 * Shared helpers for the demo-shop generator: a seeded PRNG (so every run
 * writes byte-identical files), the colour dictionary and size charts.
 */
import type { Product, SizeChart } from '../../src/core/domain/schemas.js'

/** Deterministic PRNG (mulberry32). Same seed → same sequence on every machine. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Stable 32-bit hash of a string (FNV-1a), used to derive per-record values. */
export function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Chinese colour names used in the catalog, with the English name shown to English customers. */
export const COLORS: Record<string, string> = {
  黑色: 'Black',
  白色: 'White',
  米白: 'Off-white',
  象牙白: 'Ivory',
  藏青: 'Navy',
  卡其: 'Khaki',
  军绿: 'Army Green',
  橄榄绿: 'Olive',
  墨绿: 'Forest Green',
  薄荷绿: 'Mint',
  酒红: 'Burgundy',
  红色: 'Red',
  雾霾蓝: 'Haze Blue',
  浅蓝: 'Light Blue',
  深蓝: 'Dark Blue',
  克莱因蓝: 'Klein Blue',
  奶茶色: 'Milk Tea',
  燕麦色: 'Oatmeal',
  焦糖色: 'Caramel',
  咖啡色: 'Coffee',
  杏色: 'Apricot',
  灰色: 'Grey',
  浅灰: 'Light Grey',
  深灰: 'Charcoal',
  花灰: 'Heather Grey',
  樱花粉: 'Sakura Pink',
  粉色: 'Pink',
  香芋紫: 'Taro Purple',
  橙色: 'Orange',
  银色: 'Silver',
  黄色: 'Yellow',
  牛仔蓝: 'Denim Blue',
  水洗蓝: 'Washed Blue',
  复古蓝: 'Vintage Blue',
  浅水洗: 'Light Wash',
  原色: 'Raw Indigo',
  烟灰: 'Smoke Grey',
  碎花: 'Floral Print',
  波点: 'Polka Dot',
  蓝白条纹: 'Blue-White Stripe',
  黑白格: 'Black-White Check',
  曜石黑: 'Obsidian Black',
  冰川白: 'Glacier White',
  远山蓝: 'Mountain Blue',
  晨雾绿: 'Morning Mist Green',
  月光银: 'Moonlight Silver',
  星空灰: 'Space Grey',
  玫瑰金: 'Rose Gold',
  钛金色: 'Titanium',
  青瓷绿: 'Celadon Green',
  奶油白: 'Cream White',
  雾粉: 'Dusty Pink',
  暖灰: 'Warm Grey',
  深空黑: 'Deep Space Black',
  炭黑: 'Carbon Black',
  黑白: 'Black/White',
  白绿: 'White/Green',
  白蓝: 'White/Blue',
  全白: 'Triple White',
  全黑: 'Triple Black',
  荧光黄: 'Volt Yellow',
  棕色: 'Brown',
  透明: 'Clear',
}

/** English names of the given Chinese colours; throws on a colour missing from the dictionary. */
export function colorsEn(colors: readonly string[]): string[] {
  return colors.map((c) => {
    const en = COLORS[c]
    if (!en) throw new Error(`colour ${c} missing from COLORS`)
    return en
  })
}

type Row = SizeChart['rows'][number]
const rows = (list: Row[]): SizeChart => ({ rows: list })

/** Men's tops and outerwear (body measurements, not garment measurements). */
export const MEN_TOPS = rows([
  { size: 'S', heightCm: [160, 167], weightKg: [50, 58], chestCm: [84, 88] },
  { size: 'M', heightCm: [167, 172], weightKg: [58, 66], chestCm: [88, 92] },
  { size: 'L', heightCm: [172, 177], weightKg: [66, 74], chestCm: [92, 96] },
  { size: 'XL', heightCm: [177, 182], weightKg: [74, 82], chestCm: [96, 100] },
  { size: 'XXL', heightCm: [182, 187], weightKg: [82, 90], chestCm: [100, 106] },
  { size: '3XL', heightCm: [185, 192], weightKg: [90, 100], chestCm: [106, 112] },
])

/** Women's tops and outerwear. */
export const WOMEN_TOPS = rows([
  { size: 'XS', heightCm: [148, 155], weightKg: [38, 43], chestCm: [76, 80] },
  { size: 'S', heightCm: [155, 160], weightKg: [43, 48], chestCm: [80, 84] },
  { size: 'M', heightCm: [160, 165], weightKg: [48, 54], chestCm: [84, 88] },
  { size: 'L', heightCm: [165, 170], weightKg: [54, 60], chestCm: [88, 93] },
  { size: 'XL', heightCm: [168, 175], weightKg: [60, 68], chestCm: [93, 98] },
])

/** Unisex cuts run one size larger than the women's chart. */
export const UNISEX_TOPS = rows([
  { size: 'XS', heightCm: [150, 158], weightKg: [40, 48], chestCm: [78, 84] },
  { size: 'S', heightCm: [158, 165], weightKg: [48, 56], chestCm: [84, 88] },
  { size: 'M', heightCm: [165, 172], weightKg: [56, 65], chestCm: [88, 93] },
  { size: 'L', heightCm: [172, 178], weightKg: [65, 74], chestCm: [93, 98] },
  { size: 'XL', heightCm: [178, 184], weightKg: [74, 84], chestCm: [98, 104] },
  { size: 'XXL', heightCm: [183, 190], weightKg: [84, 95], chestCm: [104, 110] },
])

/** Women's dresses: bust, waist and hip matter more than height. */
export const WOMEN_DRESSES = rows([
  { size: 'XS', heightCm: [150, 156], weightKg: [40, 45], chestCm: [76, 80], waistCm: [60, 64], hipCm: [84, 88] },
  { size: 'S', heightCm: [155, 160], weightKg: [45, 50], chestCm: [80, 84], waistCm: [64, 68], hipCm: [88, 92] },
  { size: 'M', heightCm: [160, 165], weightKg: [50, 55], chestCm: [84, 88], waistCm: [68, 72], hipCm: [92, 96] },
  { size: 'L', heightCm: [165, 170], weightKg: [55, 61], chestCm: [88, 93], waistCm: [72, 77], hipCm: [96, 101] },
  { size: 'XL', heightCm: [168, 175], weightKg: [61, 68], chestCm: [93, 98], waistCm: [77, 82], hipCm: [101, 106] },
])

/** Jeans in waist inches; the waist range is the body waist in cm. */
export function jeansChart(gender: 'men' | 'women'): SizeChart {
  const sizes = gender === 'men' ? [28, 29, 30, 31, 32, 33, 34, 36] : [24, 25, 26, 27, 28, 29, 30, 31]
  return rows(
    sizes.map((w, i) => {
      const waist = Math.round(w * 2.54)
      const h0 = gender === 'men' ? 163 + i * 3 : 150 + i * 3
      const w0 = gender === 'men' ? 52 + i * 5 : 40 + i * 3.5
      return {
        size: String(w),
        waistCm: [waist - 1, waist + 1] as [number, number],
        hipCm: [waist + 18, waist + 22] as [number, number],
        heightCm: [h0, h0 + 10] as [number, number],
        weightKg: [Math.round(w0), Math.round(w0 + (gender === 'men' ? 6 : 4))] as [number, number],
      }
    }),
  )
}

/** Shoe sizes (EU labels) with foot length in mm and the US size. */
export function shoeChart(gender: 'men' | 'women' | 'unisex'): SizeChart {
  const all: Row[] = [
    { size: '35', eu: 35, us: 5, footLengthMm: [220, 225] },
    { size: '36', eu: 36, us: 5.5, footLengthMm: [225, 230] },
    { size: '37', eu: 37, us: 6.5, footLengthMm: [230, 235] },
    { size: '38', eu: 38, us: 7, footLengthMm: [235, 240] },
    { size: '39', eu: 39, us: 7.5, footLengthMm: [240, 245] },
    { size: '40', eu: 40, us: 8, footLengthMm: [245, 250] },
    { size: '41', eu: 41, us: 8.5, footLengthMm: [250, 255] },
    { size: '42', eu: 42, us: 9, footLengthMm: [255, 260] },
    { size: '43', eu: 43, us: 9.5, footLengthMm: [260, 265] },
    { size: '44', eu: 44, us: 10, footLengthMm: [265, 270] },
    { size: '45', eu: 45, us: 11, footLengthMm: [270, 275] },
    { size: '46', eu: 46, us: 12, footLengthMm: [275, 280] },
  ]
  // US sizes differ for men's and women's lasts; the `us` column follows the gender of the shoe.
  const women: Record<string, number> = { '35': 5, '36': 5.5, '37': 6.5, '38': 7, '39': 8, '40': 8.5, '41': 9.5 }
  const men: Record<string, number> = {
    '39': 6.5,
    '40': 7,
    '41': 8,
    '42': 8.5,
    '43': 9.5,
    '44': 10,
    '45': 11,
    '46': 12,
  }
  if (gender === 'women') return rows(all.slice(0, 7).map((r) => ({ ...r, us: women[r.size] ?? r.us })))
  if (gender === 'men') return rows(all.slice(4).map((r) => ({ ...r, us: men[r.size] ?? r.us })))
  return rows(all.slice(1, 11).map((r) => ({ ...r, us: men[r.size] ?? r.us })))
}

/** The sizes of a chart, in order. */
export function sizesOf(chart: SizeChart): string[] {
  return chart.rows.map((r) => r.size)
}

/** A product as written in the hand-made catalog, before the generator adds derived fields. */
export type ProductDraft = {
  sku: string
  category: string
  brand: string
  brandEn: string
  zh: string
  en: string
  price: number
  listPrice?: number
  /** When omitted, a stable value is derived from the SKU. */
  stock?: number
  descZh: string
  descEn: string
  aliases?: string[]
  related?: string[]
  attrs: Record<string, unknown>
  sizeChart?: SizeChart
}

/** Turns a draft into an import row: English title/description into attributes, English names into aliases. */
export function finishProduct(d: ProductDraft): Product {
  const stock = d.stock ?? deriveStock(d.sku)
  const aliases = [...new Set([d.en, ...(d.aliases ?? [])])]
  const p: Product = {
    sku: d.sku,
    title: d.zh,
    category: d.category,
    brand: d.brand,
    price: d.price,
    currency: 'CNY',
    stock,
    attributes: { titleEn: d.en, descriptionEn: d.descEn, brandEn: d.brandEn, ...d.attrs },
    description: d.descZh,
    locale: 'zh',
    images: [`/demo/img/${d.sku.toLowerCase()}.jpg`],
    aliases,
  }
  if (d.sizeChart) p.sizeChart = d.sizeChart
  if (d.related?.length) p.related = d.related
  if (d.listPrice !== undefined) p.listPrice = d.listPrice
  return p
}

/** Most products are well stocked; a stable share is low (1–5) or sold out so the demo can show both. */
function deriveStock(sku: string): number {
  const h = hash(sku)
  if (h % 19 === 0) return 0
  if (h % 11 === 0) return 1 + (h % 5)
  return 20 + (h % 480)
}
