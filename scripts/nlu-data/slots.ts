/**
 * Slot pools and surface decorations (greeting prefixes, trailing particles, typos, mixed-in English,
 * casing) used when expanding templates. They are shared by train and test on purpose: they are
 * surface noise, while the sentence skeletons are written separately per split. The word lists are
 * data: data/nlu/sources/<locale>/slots.yaml; this file holds how they are applied.
 */

import { readSource } from '../read-source.js'
import type { Random } from './seeded-random.js'
import type { Locale } from './types.js'

/** Shape of data/nlu/sources/<locale>/slots.yaml. */
type SlotSource = {
  pools: Record<string, string[]>
  prefixes: string[]
  suffixes: string[]
  typos: [string, string][]
  lengthen: Record<'train' | 'test', { preambles: string[]; context?: string[]; closers: string[] }>
}

type SlotFn = (r: Random) => string

const list =
  (...items: string[]): SlotFn =>
  (r) =>
    r.pick(items)

const digits = (r: Random, n: number): string => {
  let s = ''
  for (let i = 0; i < n; i++) s += String(r.int(10))
  return s
}

/** Order numbers in the demo shop's format (KF + date + 4 digits), sometimes a generic long number. */
const orderNo: SlotFn = (r) => {
  if (r.chance(0.15)) return `${r.pick(['3', '2', '1'])}${digits(r, 15)}`
  const month = String(1 + r.int(12)).padStart(2, '0')
  const day = String(1 + r.int(28)).padStart(2, '0')
  const no = `KF2026${month}${day}${String(1 + r.int(300)).padStart(4, '0')}`
  return r.chance(0.08) ? no.toLowerCase() : no
}

const phoneNo: SlotFn = (r) => `1${r.pick(['38', '39', '58', '86', '37', '52', '77'])}${digits(r, 8)}`
const enPhone: SlotFn = (r) =>
  r.pick([`07${digits(r, 3)} ${digits(r, 6)}`, `(${digits(r, 3)}) 555-${digits(r, 4)}`, `+44 7${digits(r, 9)}`])
const trackingNo: SlotFn = (r) =>
  r.pick([`SF${digits(r, 13)}`, `YT${digits(r, 13)}`, `75${digits(r, 12)}`, `JT${digits(r, 13)}`])
const enTracking: SlotFn = (r) =>
  r.pick([`1Z${digits(r, 6)}A${digits(r, 9)}`, `JD${digits(r, 18)}`, `RM${digits(r, 9)}GB`, `SF${digits(r, 13)}`])

const zh = readSource<SlotSource>('nlu/sources/zh/slots.yaml')
const en = readSource<SlotSource>('nlu/sources/en/slots.yaml')

/** Pools of the source file as slots; the generated numbers (order, phone, tracking) are added in code. */
const fromPools = (pools: Record<string, string[]>): Record<string, SlotFn> =>
  Object.fromEntries(Object.entries(pools).map(([name, items]) => [name, list(...items)]))

const zhSlots: Record<string, SlotFn> = { ...fromPools(zh.pools), order: orderNo, phone: phoneNo, tracking: trackingNo }

const enSlots: Record<string, SlotFn> = {
  ...fromPools(en.pools),
  order: (r) => (r.chance(0.15) ? `#${orderNo(r)}` : orderNo(r)),
  phone: enPhone,
  tracking: enTracking,
}

/** Fills `[a|b|c]` alternations and `{slot}` placeholders. Unknown slots are a bug in the fragments. */
export function fillTemplate(template: string, locale: Locale, r: Random): string {
  const slots = locale === 'zh' ? zhSlots : enSlots
  const withAlternatives = template.replace(/\[([^[\]]*)\]/g, (_m, body: string) => r.pick(body.split('|')))
  const filled = withAlternatives.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const fn = slots[name]
    if (!fn) throw new Error(`unknown slot {${name}} in template: ${template}`)
    return fn(r)
  })
  // Empty alternatives leave doubled spaces or a space before a comma; tidy them.
  return filled
    .replace(/ {2,}/g, ' ')
    .replace(/ +([,.!?，。？！])/g, '$1')
    .replace(/([，,])[，,]+/g, '$1')
    .trim()
}

/** Lists every slot name a template uses, so the generator can reject unknown ones early. */
export function slotNames(locale: Locale): string[] {
  return Object.keys(locale === 'zh' ? zhSlots : enSlots)
}

const endsWithPunct = /[\p{P}\p{Extended_Pictographic}]\s*$/u

/** Adds realistic surface noise to a filled template; `rate` scales how much noise is applied. */
export function decorate(text: string, locale: Locale, r: Random): string {
  let out = text
  const typos = locale === 'zh' ? zh.typos : en.typos
  if (r.chance(0.3)) {
    const applicable = typos.filter(([from]) => out.includes(from))
    if (applicable.length > 0) {
      const [from, to] = r.pick(applicable)
      out = out.replace(from, to)
    }
  }
  if (r.chance(0.25)) {
    const prefix = r.pick(locale === 'zh' ? zh.prefixes : en.prefixes)
    if (locale === 'en' && !/^(I |I'|X2)/.test(out)) out = out.charAt(0).toLowerCase() + out.slice(1)
    out = prefix + out
  }
  if (r.chance(0.3) && !endsWithPunct.test(out)) out += r.pick(locale === 'zh' ? zh.suffixes : en.suffixes)
  if (locale === 'en') {
    const c = r.next()
    if (c < 0.25) out = out.toLowerCase()
    else if (c < 0.29) out = out.toUpperCase()
  }
  return out
}

/** Wraps a short request in the rambling context real customers type, giving messages over 100 characters. */
export function lengthen(text: string, locale: Locale, split: 'train' | 'test', r: Random): string {
  const core = text.replace(/[\s\p{P}]+$/u, '')
  if (locale === 'zh') {
    const src = zh.lengthen[split]
    const pre = r.pick(src.preambles)
    const context = r.pick(src.context ?? [])
    const close = r.pick(src.closers)
    return `${pre}${context}${core}${close}`
  }
  const pre = r.pick(en.lengthen[split].preambles)
  const close = r.pick(en.lengthen[split].closers)
  const body = /^(I |I'|X2)/.test(core) ? core : core.charAt(0).toUpperCase() + core.slice(1)
  return `${pre}${body}.${close}`
}
