/**
 * Hand-written apparel and footwear for the demo shop: down jackets, T-shirts, jeans, dresses, shoes.
 * The rows are data (data/demo/sources/catalog/apparel/*.yaml); this file turns them into product drafts.
 */
import type { SizeChart } from '../../src/core/domain/schemas.js'
import { readSource } from '../read-source.js'
import {
  colorsEn,
  jeansChart,
  MEN_TOPS,
  type ProductDraft,
  SIZE_CHARTS,
  shoeChart,
  sizesOf,
  UNISEX_TOPS,
  WOMEN_DRESSES,
  WOMEN_TOPS,
} from './lib.js'

type Gender = 'men' | 'women' | 'unisex'
const GENDER_ZH: Record<Gender, string> = { men: '男款', women: '女款', unisex: '男女同款' }
const topsChart = (g: Gender): SizeChart => (g === 'men' ? MEN_TOPS : g === 'women' ? WOMEN_TOPS : UNISEX_TOPS)

const BRANDS = readSource<Record<string, string>>('demo/sources/catalog/apparel/brands.yaml')

type Down = {
  sku: string
  brand: string
  zh: string
  en: string
  g: Gender
  down: string
  downEn: string
  fp: number
  fill: number
  price: number
  list?: number
  colors: string[]
  shell: string
  shellEn: string
  warmth: string
  warmthEn: string
  hl: string
  hlEn: string
  aliases?: string[]
  related?: string[]
  stock?: number
}

const DOWN = readSource<Down[]>('demo/sources/catalog/apparel/down-jackets.yaml')

// Kids' sizes follow height, so DJ-1019 gets its own chart.

function downDrafts(): ProductDraft[] {
  return DOWN.map((d) => {
    const chart = d.sku === 'DJ-1019' ? SIZE_CHARTS.kidsTops : topsChart(d.g)
    const fitZh = d.g === 'unisex' ? '男女同款，女生建议选小一码' : '版型标准，建议按平时尺码选择'
    const fitEn =
      d.g === 'unisex' ? 'Unisex sizing: women usually take one size down' : 'True to size: take your usual size'
    return {
      sku: d.sku,
      category: 'apparel/down-jacket',
      brand: d.brand,
      brandEn: BRANDS[d.brand]!,
      zh: d.zh,
      en: d.en,
      price: d.price,
      ...(d.list ? { listPrice: d.list } : {}),
      ...(d.stock !== undefined ? { stock: d.stock } : {}),
      descZh: `${d.hl}。填充${d.down}，蓬松度${d.fp}FP，充绒量约${d.fill}g；面料为${d.shell}。建议穿着温度${d.warmth}。${fitZh}。`,
      descEn: `${d.hlEn}. Filled with ${d.downEn}, ${d.fp} fill power, about ${d.fill} g of down; ${d.shellEn}. Comfortable from ${d.warmthEn}. ${fitEn}.`,
      aliases: d.aliases ?? [],
      related: d.related ?? [],
      sizeChart: chart,
      attrs: {
        gender: d.g,
        colors: d.colors,
        colorsEn: colorsEn(d.colors),
        sizes: sizesOf(chart),
        material: `面料：${d.shell}；填充物：${d.down}`,
        materialEn: `Shell: ${d.shellEn}; fill: ${d.downEn}`,
        downContent: d.down,
        downContentEn: d.downEn,
        fillPower: d.fp,
        fillWeightG: d.fill,
        warmthRange: d.warmth,
        season: '冬季',
        washCare: '建议专业干洗或使用羽绒专用洗涤剂手洗，勿拧干，低温烘干并拍打恢复蓬松',
        washCareEn:
          'Dry-clean, or hand-wash with a down detergent; do not wring; tumble-dry low and pat to restore loft',
      },
    }
  })
}

type Tee = {
  sku: string
  brand: string
  zh: string
  en: string
  g: Gender
  price: number
  list?: number
  colors: string[]
  material: string
  materialEn: string
  weight: number
  fit: string
  fitEn: string
  hl: string
  hlEn: string
  aliases?: string[]
  related?: string[]
  stock?: number
}

const TEES = readSource<Tee[]>('demo/sources/catalog/apparel/tees.yaml')

function teeDrafts(): ProductDraft[] {
  return TEES.map((t) => {
    const chart = topsChart(t.g)
    const colors = t.colors
    const en = colors.map((c) => (c === '黑白灰组合' ? 'Black/White/Grey' : colorsEn([c])[0]!))
    return {
      sku: t.sku,
      category: 'apparel/t-shirt',
      brand: t.brand,
      brandEn: BRANDS[t.brand]!,
      zh: t.zh,
      en: t.en,
      price: t.price,
      ...(t.list ? { listPrice: t.list } : {}),
      ...(t.stock !== undefined ? { stock: t.stock } : {}),
      descZh: `${t.hl}。面料${t.material}，克重${t.weight}g/㎡，${t.fit}，${GENDER_ZH[t.g]}。`,
      descEn: `${t.hlEn}. ${t.materialEn}, ${t.weight} g/m², ${t.fitEn}.`,
      aliases: t.aliases ?? [],
      related: t.related ?? [],
      sizeChart: chart,
      attrs: {
        gender: t.g,
        colors,
        colorsEn: en,
        sizes: sizesOf(chart),
        material: t.material,
        materialEn: t.materialEn,
        fabricWeightGsm: t.weight,
        fit: t.fit,
        fitEn: t.fitEn,
        washCare: '30℃以下机洗，反面洗涤，勿漂白，平铺晾干',
        washCareEn: 'Machine wash inside out below 30°C, no bleach, dry flat',
      },
    }
  })
}

type Jean = {
  sku: string
  brand: string
  zh: string
  en: string
  g: 'men' | 'women'
  price: number
  list?: number
  colors: string[]
  fit: string
  fitEn: string
  rise: string
  riseEn: string
  stretch: boolean
  hl: string
  hlEn: string
  aliases?: string[]
  related?: string[]
  stock?: number
}

const JEANS = readSource<Jean[]>('demo/sources/catalog/apparel/jeans.yaml')

function jeanDrafts(): ProductDraft[] {
  return JEANS.map((j) => {
    const chart = jeansChart(j.g)
    const stretchZh = j.stretch ? '含2%氨纶，有弹力' : '无弹力'
    const stretchEn = j.stretch ? 'with 2% elastane for stretch' : 'no stretch'
    const material = j.stretch ? '98%棉 2%氨纶' : '100%棉'
    return {
      sku: j.sku,
      category: 'apparel/jeans',
      brand: j.brand,
      brandEn: BRANDS[j.brand]!,
      zh: j.zh,
      en: j.en,
      price: j.price,
      ...(j.list ? { listPrice: j.list } : {}),
      ...(j.stock !== undefined ? { stock: j.stock } : {}),
      descZh: `${j.hl}。${j.rise}${j.fit}版型，${stretchZh}。尺码为腰围英寸码，按平时腰围选择即可。`,
      descEn: `${j.hlEn}. ${j.riseEn[0]!.toUpperCase()}${j.riseEn.slice(1)}, ${j.fitEn} cut, ${stretchEn}. Sizes are waist inches; pick your usual waist size.`,
      aliases: j.aliases ?? [],
      related: j.related ?? [],
      sizeChart: chart,
      attrs: {
        gender: j.g,
        colors: j.colors,
        colorsEn: colorsEn(j.colors),
        sizes: sizesOf(chart),
        material,
        materialEn: j.stretch ? '98% cotton, 2% elastane' : '100% cotton',
        fit: j.fit,
        fitEn: j.fitEn,
        rise: j.rise,
        stretch: j.stretch,
        washCare: '首次单独冷水反面洗涤，避免暴晒，勿烘干',
        washCareEn: 'Wash inside out in cold water, separately the first time; do not tumble-dry',
      },
    }
  })
}

type Dress = {
  sku: string
  brand: string
  zh: string
  en: string
  price: number
  list?: number
  colors: string[]
  material: string
  materialEn: string
  length: string
  lengthEn: string
  season: string
  hl: string
  hlEn: string
  aliases?: string[]
  related?: string[]
  stock?: number
}

const DRESSES = readSource<Dress[]>('demo/sources/catalog/apparel/dresses.yaml')

function dressDrafts(): ProductDraft[] {
  return DRESSES.map((d) => ({
    sku: d.sku,
    category: 'apparel/dress',
    brand: d.brand,
    brandEn: BRANDS[d.brand]!,
    zh: d.zh,
    en: d.en,
    price: d.price,
    ...(d.list ? { listPrice: d.list } : {}),
    ...(d.stock !== undefined ? { stock: d.stock } : {}),
    descZh: `${d.hl}。面料${d.material}，裙长${d.length}，适合${d.season}穿着。尺码请以胸围、腰围为准，在两个尺码之间时建议选大一码。`,
    descEn: `${d.hlEn}. ${d.materialEn[0]!.toUpperCase()}${d.materialEn.slice(1)}; ${d.lengthEn}. Size by bust and waist; if between sizes, size up.`,
    aliases: d.aliases ?? [],
    related: d.related ?? [],
    sizeChart: WOMEN_DRESSES,
    attrs: {
      gender: 'women',
      colors: d.colors,
      colorsEn: colorsEn(d.colors),
      sizes: sizesOf(WOMEN_DRESSES),
      material: d.material,
      materialEn: d.materialEn,
      length: d.length,
      lengthEn: d.lengthEn,
      season: d.season,
      washCare: d.material.includes('丝')
        ? '建议干洗，或冷水手洗，勿拧干，阴凉处晾干'
        : '30℃以下轻柔洗涤，勿漂白，悬挂晾干',
      washCareEn: d.material.includes('丝')
        ? 'Dry-clean, or hand-wash cold; do not wring; dry in the shade'
        : 'Gentle wash below 30°C, no bleach, hang to dry',
    },
  }))
}

type Shoe = {
  sku: string
  brand: string
  zh: string
  en: string
  cat: 'shoes/sneakers' | 'shoes/boots' | 'shoes/casual'
  g: Gender
  price: number
  list?: number
  colors: string[]
  upper: string
  upperEn: string
  sole: string
  soleEn: string
  fitZh: string
  fitEn: string
  hl: string
  hlEn: string
  aliases?: string[]
  related?: string[]
  stock?: number
}

const SHOES = readSource<Shoe[]>('demo/sources/catalog/apparel/shoes.yaml')

// Kids' shoes use Chinese kids' sizes by foot length.

function shoeDrafts(): ProductDraft[] {
  return SHOES.map((s) => {
    const chart = s.sku === 'SN-1013' ? SIZE_CHARTS.kidsShoes : shoeChart(s.g)
    return {
      sku: s.sku,
      category: s.cat,
      brand: s.brand,
      brandEn: BRANDS[s.brand]!,
      zh: s.zh,
      en: s.en,
      price: s.price,
      ...(s.list ? { listPrice: s.list } : {}),
      ...(s.stock !== undefined ? { stock: s.stock } : {}),
      descZh: `${s.hl}。鞋面${s.upper}，${s.sole}。${s.fitZh}；尺码为欧码，对照表含脚长（mm）。`,
      descEn: `${s.hlEn}. Upper: ${s.upperEn}; ${s.soleEn}. ${s.fitEn}. Sizes are EU; the chart lists foot length in mm.`,
      aliases: s.aliases ?? [],
      related: s.related ?? [],
      sizeChart: chart,
      attrs: {
        gender: s.g,
        colors: s.colors,
        colorsEn: colorsEn(s.colors),
        sizes: sizesOf(chart),
        material: `鞋面：${s.upper}；鞋底：${s.sole}`,
        materialEn: `Upper: ${s.upperEn}; sole: ${s.soleEn}`,
        fitNote: s.fitZh,
        fitNoteEn: s.fitEn,
      },
    }
  })
}

/** All apparel and footwear drafts. */
export function apparelDrafts(): ProductDraft[] {
  return [...downDrafts(), ...teeDrafts(), ...jeanDrafts(), ...dressDrafts(), ...shoeDrafts()]
}
