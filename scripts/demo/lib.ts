/**
 * Shared helpers for the demo-shop generator: a seeded PRNG (so every run
 * writes byte-identical files), the colour dictionary and size charts (data/demo/sources/colors.yaml,
 * size-charts.yaml; the jeans and shoe charts are computed here).
 */
import type { Product, SizeChart } from '../../src/core/domain/schemas.js'
import { readSource } from '../read-source.js'

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

/** Chinese colour names used in the catalog, with the English name shown to English customers (data/demo/sources/colors.yaml). */
export const COLORS = readSource<Record<string, string>>('demo/sources/colors.yaml')

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

/** Fixed size charts (data/demo/sources/size-charts.yaml): body measurements, not garment measurements. */
export const SIZE_CHARTS = readSource<
  Record<'menTops' | 'womenTops' | 'unisexTops' | 'womenDresses' | 'kidsTops' | 'kidsShoes', SizeChart>
>('demo/sources/size-charts.yaml')
export const MEN_TOPS = SIZE_CHARTS.menTops
export const WOMEN_TOPS = SIZE_CHARTS.womenTops
export const UNISEX_TOPS = SIZE_CHARTS.unisexTops
export const WOMEN_DRESSES = SIZE_CHARTS.womenDresses

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
