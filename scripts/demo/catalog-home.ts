/**
 * Hand-written home products: bedding, kitchen and small appliances.
 * The rows are data (data/demo/sources/catalog/home/*.yaml); this file turns them into product drafts.
 */

import { readSource } from '../read-source.js'
import { colorsEn, type ProductDraft } from './lib.js'

const BRANDS = readSource<Record<string, string>>('demo/sources/catalog/home/brands.yaml')

type Home = {
  sku: string
  cat: 'home/bedding' | 'home/kitchen' | 'home/appliance'
  brand: string
  zh: string
  en: string
  price: number
  list?: number
  stock?: number
  colors: string[]
  sizes?: string[]
  sizesEn?: string[]
  material: string
  materialEn: string
  d: string
  dEn: string
  aliases?: string[]
  related?: string[]
  a?: Record<string, unknown>
}

const HOME = readSource<Home[]>('demo/sources/catalog/home/home.yaml')

/** All home drafts. */
export function homeDrafts(): ProductDraft[] {
  return HOME.map((h) => ({
    sku: h.sku,
    category: h.cat,
    brand: h.brand,
    brandEn: BRANDS[h.brand]!,
    zh: h.zh,
    en: h.en,
    price: h.price,
    ...(h.list ? { listPrice: h.list } : {}),
    ...(h.stock !== undefined ? { stock: h.stock } : {}),
    descZh: `${h.d}材质：${h.material}。${h.cat === 'home/appliance' ? '整机保修12个月。' : ''}`,
    descEn: `${h.dEn} Material: ${h.materialEn}.${h.cat === 'home/appliance' ? ' 12-month warranty.' : ''}`,
    aliases: h.aliases ?? [],
    related: h.related ?? [],
    attrs: {
      colors: h.colors,
      colorsEn: colorsEn(h.colors),
      ...(h.sizes ? { sizes: h.sizes, sizesEn: h.sizesEn } : {}),
      material: h.material,
      materialEn: h.materialEn,
      ...h.a,
    },
  }))
}
