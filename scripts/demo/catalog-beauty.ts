/**
 * Hand-written beauty products: skincare, makeup and perfume. Opened beauty items are not returnable.
 * The rows are data (data/demo/sources/catalog/beauty/*.yaml); this file turns them into product drafts.
 */

import { readSource } from '../read-source.js'
import type { ProductDraft } from './lib.js'

const BRANDS = readSource<Record<string, string>>('demo/sources/catalog/beauty/brands.yaml')

/** Skin type key → [Chinese, English] wording. */
const SKIN = readSource<Record<string, [string, string]>>('demo/sources/catalog/beauty/skin-types.yaml')

type Care = {
  sku: string
  brand: string
  zh: string
  en: string
  type: string
  price: number
  list?: number
  volume: string
  skin: (keyof typeof SKIN)[]
  ing: string
  ingEn: string
  hl: string
  hlEn: string
  use: string
  useEn: string
  aliases?: string[]
  related?: string[]
  stock?: number
  extra?: Record<string, unknown>
}

const SKINCARE = readSource<Care[]>('demo/sources/catalog/beauty/skincare.yaml')

/** "a", "a and b", "a, b and c". */
function andList(xs: string[]): string {
  return xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`
}

/** "oily and dry skin", "all skin types", "all skin types, including sensitive skin". */
function skinPhrase(skinEn: string[]): string {
  const others = skinEn.filter((x) => x !== 'all skin types')
  if (others.length === skinEn.length) return `${andList(others)} skin`
  return others.length ? `all skin types, including ${andList(others)} skin` : 'all skin types'
}

function careDrafts(): ProductDraft[] {
  return SKINCARE.map((c) => {
    const skinZh = c.skin.map((k) => SKIN[k]![0])
    const skinEn = c.skin.map((k) => SKIN[k]![1])
    return {
      sku: c.sku,
      category: 'beauty/skincare',
      brand: c.brand,
      brandEn: BRANDS[c.brand]!,
      zh: c.zh,
      en: c.en,
      price: c.price,
      ...(c.list ? { listPrice: c.list } : {}),
      ...(c.stock !== undefined ? { stock: c.stock } : {}),
      descZh: `${c.hl}。规格${c.volume}，适合${skinZh.join('、')}肌肤。主要成分：${c.ing}。用法：${c.use}。开封后不支持7天无理由退货。`,
      descEn: `${c.hlEn}. Size ${c.volume}, for ${skinPhrase(skinEn)}. Key ingredients: ${c.ingEn}. How to use: ${c.useEn}. Opened items cannot be returned without a quality issue.`,
      aliases: c.aliases ?? [],
      related: c.related ?? [],
      attrs: {
        productType: c.type,
        volume: c.volume,
        skinType: skinZh,
        skinTypeEn: skinEn,
        keyIngredients: c.ing,
        keyIngredientsEn: c.ingEn,
        usage: c.use,
        usageEn: c.useEn,
        shelfLifeMonths: 36,
        paoMonths: 12,
        openedReturnable: false,
        ...c.extra,
      },
    }
  })
}

type Makeup = {
  sku: string
  brand: string
  zh: string
  en: string
  type: string
  price: number
  list?: number
  volume: string
  shades: [string, string][]
  finish: string
  finishEn: string
  hl: string
  hlEn: string
  aliases?: string[]
  related?: string[]
  stock?: number
}

const MAKEUP = readSource<Makeup[]>('demo/sources/catalog/beauty/makeup.yaml')

function makeupDrafts(): ProductDraft[] {
  return MAKEUP.map((m) => ({
    sku: m.sku,
    category: 'beauty/makeup',
    brand: m.brand,
    brandEn: BRANDS[m.brand]!,
    zh: m.zh,
    en: m.en,
    price: m.price,
    ...(m.list ? { listPrice: m.list } : {}),
    ...(m.stock !== undefined ? { stock: m.stock } : {}),
    descZh: `${m.hl}。规格${m.volume}，妆效${m.finish}，可选：${m.shades.map((s) => s[0]).join('、')}。开封或试用后不支持7天无理由退货。`,
    descEn: `${m.hlEn}. ${m.volume}, ${m.finishEn} finish, available in ${m.shades.map((s) => s[1]).join(', ')}. Opened or used items cannot be returned without a quality issue.`,
    aliases: m.aliases ?? [],
    related: m.related ?? [],
    attrs: {
      productType: m.type,
      volume: m.volume,
      colors: m.shades.map((s) => s[0]),
      colorsEn: m.shades.map((s) => s[1]),
      finish: m.finish,
      finishEn: m.finishEn,
      shelfLifeMonths: 36,
      paoMonths: 12,
      openedReturnable: false,
      ...(m.sku === 'MU-1013' ? { customisable: true } : {}),
    },
  }))
}

type Perfume = {
  sku: string
  brand: string
  zh: string
  en: string
  price: number
  list?: number
  volume: string
  family: string
  familyEn: string
  notes: [string, string, string]
  notesEn: [string, string, string]
  concentration: string
  aliases?: string[]
  related?: string[]
  stock?: number
}

const PERFUMES = readSource<Perfume[]>('demo/sources/catalog/beauty/perfumes.yaml')

function perfumeDrafts(): ProductDraft[] {
  return PERFUMES.map((p) => {
    const isHome = p.concentration === '香薰' || p.concentration === '香氛蜡烛'
    return {
      sku: p.sku,
      category: 'beauty/perfume',
      brand: p.brand,
      brandEn: BRANDS[p.brand]!,
      zh: p.zh,
      en: p.en,
      price: p.price,
      ...(p.list ? { listPrice: p.list } : {}),
      ...(p.stock !== undefined ? { stock: p.stock } : {}),
      descZh: `${p.family}。前调：${p.notes[0]}；中调：${p.notes[1]}；后调：${p.notes[2]}。规格${p.volume}${isHome ? '' : `，浓度${p.concentration}`}。拆封后不支持7天无理由退货，可先购买小样试香。`,
      descEn: `${/^[aeiou]/.test(p.familyEn) ? 'An' : 'A'} ${p.familyEn} scent. Top: ${p.notesEn[0]}; heart: ${p.notesEn[1]}; base: ${p.notesEn[2]}. ${p.volume}${isHome ? '' : `, ${p.concentration}`}. Once unsealed it cannot be returned without a quality issue; try the discovery set first.`,
      aliases: p.aliases ?? [],
      related: p.related ?? [],
      attrs: {
        volume: p.volume,
        scentFamily: p.family,
        scentFamilyEn: p.familyEn,
        topNotes: p.notes[0],
        middleNotes: p.notes[1],
        baseNotes: p.notes[2],
        notesEn: p.notesEn,
        concentration: p.concentration,
        shelfLifeMonths: 36,
        openedReturnable: false,
      },
    }
  })
}

/** All beauty drafts. */
export function beautyDrafts(): ProductDraft[] {
  return [...careDrafts(), ...makeupDrafts(), ...perfumeDrafts()]
}
