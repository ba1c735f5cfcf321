/**
 * Hand-written 3C electronics: phones, earbuds, laptops, smartwatches, chargers and accessories.
 * The rows are data (data/demo/sources/catalog/electronics/*.yaml); this file turns them into product drafts.
 */

import { readSource } from '../read-source.js'
import { colorsEn, type ProductDraft } from './lib.js'

const BRANDS = readSource<Record<string, string>>('demo/sources/catalog/electronics/brands.yaml')

type Item = {
  sku: string
  brand: string
  zh: string
  en: string
  price: number
  list?: number
  stock?: number
  colors: string[]
  hl: string
  hlEn: string
  aliases?: string[]
  related?: string[]
  /** Specs; `model` is the name customers use ("X2 Pro"). */
  a: Record<string, unknown>
}

type Phone = Item & {
  a: {
    model: string
    ram: string
    storage: string
    screen: string
    screenEn: string
    batteryMah: number
    chargingW: number
    wirelessCharging: boolean
    wirelessChargingW?: number
    camera: string
    cameraEn: string
    waterResistance: string
    weightG: number
    chip: string
  }
}

const PHONES = readSource<Phone[]>('demo/sources/catalog/electronics/phones.yaml')

function phoneDrafts(): ProductDraft[] {
  return PHONES.map((p) => {
    const a = p.a
    const wlZh = a.wirelessCharging ? `支持${a.wirelessChargingW}W无线充电` : '不支持无线充电'
    const wlEn = a.wirelessCharging ? `${a.wirelessChargingW} W wireless charging` : 'no wireless charging'
    return draft(p, 'electronics/phone', {
      descZh: `${p.hl}。${a.screen}；${a.batteryMah}mAh电池，${a.chargingW}W有线快充，${wlZh}；${a.camera}；防护等级${a.waterResistance}；重约${a.weightG}g。整机保修12个月，电池保修12个月；盒内含充电器与数据线。`,
      descEn: `${p.hlEn}. ${a.screenEn}; ${a.batteryMah} mAh battery with ${a.chargingW} W wired charging and ${wlEn}; ${a.cameraEn}; ${a.waterResistance === '无' ? 'no water-resistance rating' : a.waterResistance}; about ${a.weightG} g. 12-month warranty on the phone and battery; charger and cable in the box.`,
      extra: {
        screenSizeInch: Number.parseFloat(a.screen),
        network: p.sku === 'PH-1008' ? '4G' : '5G',
        nfc: true,
        dualSim: true,
        os: 'LinxOS 5',
        inTheBox: ['手机', `${a.chargingW}W充电器`, 'USB-C数据线', '保护壳', '取卡针'],
        inTheBoxEn: ['phone', `${a.chargingW} W charger`, 'USB-C cable', 'case', 'SIM tool'],
      },
    })
  })
}

const EARBUDS = readSource<Item[]>('demo/sources/catalog/electronics/earbuds.yaml')

function earbudDrafts(): ProductDraft[] {
  return EARBUDS.map((e) => {
    const a = e.a as Record<string, unknown> & { batteryHours: number; batteryHoursWithCase?: number }
    const caseZh = a.batteryHoursWithCase ? `，配合充电盒总续航${a.batteryHoursWithCase}小时` : ''
    const caseEn = a.batteryHoursWithCase ? `, ${a.batteryHoursWithCase} hours with the case` : ''
    const cat = e.sku === 'EB-1006' || e.sku === 'EB-1008' ? 'electronics/headphones' : 'electronics/earbuds'
    return draft(e, cat, {
      descZh: `${e.hl}。${a.type}，蓝牙${a.bluetooth}，${a.anc ? `主动降噪${a.ancDb ? `最高${a.ancDb}dB` : ''}` : '无主动降噪'}；单次续航${a.batteryHours}小时${caseZh}；${a.wirelessCharging ? '支持无线充电' : '不支持无线充电'}。兼容：${a.compatibility}。保修12个月。`,
      descEn: `${e.hlEn}. Bluetooth ${a.bluetooth}, ${a.anc ? `active noise cancelling${a.ancDb ? ` up to ${a.ancDb} dB` : ''}` : 'no active noise cancelling'}; ${a.batteryHours} hours per charge${caseEn}; ${a.wirelessCharging ? 'supports wireless charging' : 'no wireless charging'}. Compatibility: ${a.compatibilityEn}. 12-month warranty.`,
      extra: {},
    })
  })
}

const LAPTOPS = readSource<Item[]>('demo/sources/catalog/electronics/laptops.yaml')

function laptopDrafts(): ProductDraft[] {
  return LAPTOPS.map((l) => {
    const a = l.a as Record<string, string | number>
    return draft(l, 'electronics/laptop', {
      descZh: `${l.hl}。${a.cpu}${a.gpu ? `，${a.gpu}` : ''}，${a.ram}内存，${a.storage}；${a.screen}；${a.batteryWh}Wh电池，官方续航约${a.batteryLifeHours}小时，${a.chargingW}W USB-C充电；重约${a.weightKg}kg。接口：${a.ports}。预装${a.os}，整机保修12个月。`,
      descEn: `${l.hlEn}. ${a.ram} RAM, ${a.storage}${a.gpu ? ', 8 GB discrete GPU' : ''}; ${a.screenEn}; ${a.batteryWh} Wh battery, about ${a.batteryLifeHours} hours rated, ${a.chargingW} W USB-C charging; about ${a.weightKg} kg. Ports: ${a.portsEn}. Windows 11 Home preinstalled; 12-month warranty.`,
      extra: {},
    })
  })
}

const WATCHES = readSource<Item[]>('demo/sources/catalog/electronics/watches.yaml')

function watchDrafts(): ProductDraft[] {
  return WATCHES.map((w) => {
    const a = w.a as Record<string, string | number | boolean>
    return draft(w, 'electronics/smartwatch', {
      descZh: `${w.hl}。${a.screen}，典型续航${a.batteryDays}天，防水${a.waterResistance}，${a.gps ? '内置GPS' : '无独立GPS（连接手机定位）'}，${a.nfc ? '支持NFC' : '不支持NFC'}；${a.chargingNote}。兼容：${a.compatibility}。保修12个月。`,
      descEn: `${w.hlEn}. ${a.screenEn}, up to ${a.batteryDays} days of typical use, ${a.waterResistance} water resistance, ${a.gps ? 'built-in GPS' : 'connected GPS via your phone'}, ${a.nfc ? 'NFC' : 'no NFC'}. Compatibility: ${a.compatibilityEn}. 12-month warranty.`,
      extra: {},
    })
  })
}

const CHARGERS = readSource<Item[]>('demo/sources/catalog/electronics/chargers.yaml')

/** English rendering of the Chinese port notes used in the charger table. */
function portsEn(ports: string): string {
  if (ports === '无线') return 'wireless'
  return `ports: ${ports.replace('无线', 'wireless').replace(' 转 ', ' to ').replace('输入', ' input')}`
}

function chargerDrafts(): ProductDraft[] {
  return CHARGERS.map((c) => {
    const a = c.a as Record<string, string | number>
    const cap = a.capacityMah ? `容量${a.capacityMah}mAh，` : ''
    const capEn = a.capacityMah ? `${a.capacityMah} mAh, ` : ''
    return draft(c, 'electronics/charger', {
      descZh: `${c.hl}。${cap}最大输出${a.outputW}W，接口：${a.ports}，协议：${a.protocols}。兼容：${a.compatibility}。保修12个月。`,
      descEn: `${c.hlEn}. ${capEn ? `${capEn}` : ''}${a.outputW} W maximum output; ${portsEn(String(a.ports))}. Compatibility: ${a.compatibilityEn}. 12-month warranty.`,
      extra: {},
    })
  })
}

const ACCESSORIES = readSource<Item[]>('demo/sources/catalog/electronics/accessories.yaml')

function accessoryDrafts(): ProductDraft[] {
  return ACCESSORIES.map((c) => {
    const a = c.a as Record<string, string>
    return draft(c, 'electronics/accessory', {
      descZh: `${c.hl}。适用：${a.compatibility}。材质：${a.material}。`,
      descEn: `${c.hlEn}. Fits: ${a.compatibilityEn}.`,
      extra: {},
    })
  })
}

function draft(
  i: Item,
  category: string,
  x: { descZh: string; descEn: string; extra: Record<string, unknown> },
): ProductDraft {
  return {
    sku: i.sku,
    category,
    brand: i.brand,
    brandEn: BRANDS[i.brand]!,
    zh: i.zh,
    en: i.en,
    price: i.price,
    ...(i.list ? { listPrice: i.list } : {}),
    ...(i.stock !== undefined ? { stock: i.stock } : {}),
    descZh: x.descZh,
    descEn: x.descEn,
    aliases: i.aliases ?? [],
    related: i.related ?? [],
    attrs: {
      colors: i.colors,
      colorsEn: colorsEn(i.colors),
      ...i.a,
      ...x.extra,
      warrantyMonths: 12,
      returnPolicy: '7天无理由退货（未激活、包装完好）；15天内质量问题可换新',
      returnPolicyEn:
        '7-day no-reason return if not activated and in original packaging; 15-day replacement for defects',
    },
  }
}

/** All electronics drafts. */
export function electronicsDrafts(): ProductDraft[] {
  return [
    ...phoneDrafts(),
    ...earbudDrafts(),
    ...laptopDrafts(),
    ...watchDrafts(),
    ...chargerDrafts(),
    ...accessoryDrafts(),
  ]
}
