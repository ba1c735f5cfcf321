/**
 * Demo customers: ten hand-written personas (c001–c010) plus generated regulars. The personas and the
 * pools the regulars draw from are data: data/demo/sources/customers.yaml.
 */
import type { Customer } from '../../src/core/domain/schemas.js'
import { readSource } from '../read-source.js'
import { makeRandom } from './lib.js'

type Person = {
  id: string
  name: string
  pinyin: string
  locale: 'zh' | 'en'
  gender: 'female' | 'male'
  phone?: string
  tier?: Customer['tier']
  heightCm?: number
  weightKg?: number
  interests?: string[]
  city?: string
  noProfile?: boolean
}

/** Shape of data/demo/sources/customers.yaml. */
type CustomerSource = {
  /** Personas the demo script refers to by id; see docs/demo-shop.md. */
  personas: Person[]
  zhNames: [string, string, 'female' | 'male'][]
  enNames: [string, 'female' | 'male'][]
  zhInterests: string[]
  enInterests: string[]
  cities: string[]
  zhPrefixes: string[]
  tiers: Customer['tier'][]
}
const SOURCE = readSource<CustomerSource>('demo/sources/customers.yaml')
export const PERSONAS = SOURCE.personas
const ZH_NAMES = SOURCE.zhNames
const EN_NAMES = SOURCE.enNames
const ZH_INTERESTS = SOURCE.zhInterests
const EN_INTERESTS = SOURCE.enInterests
export const CITIES = SOURCE.cities
const ZH_PREFIXES = SOURCE.zhPrefixes
const TIERS = SOURCE.tiers

/** A customer plus the city the order generator ships to. */
export type DemoCustomer = Customer & { city: string }

/** Builds all demo customers deterministically. */
export function buildCustomers(): DemoCustomer[] {
  const rnd = makeRandom(20261126)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const people: Person[] = [...PERSONAS]
  let n = PERSONAS.length
  const next = () => `c${String(++n).padStart(3, '0')}`
  // Interleave languages so both appear throughout the id range.
  const zh = [...ZH_NAMES]
  const en = [...EN_NAMES]
  while (zh.length || en.length) {
    for (let k = 0; k < 3 && zh.length; k++) {
      const [name, pinyin, gender] = zh.shift()!
      people.push({ id: next(), name, pinyin, locale: 'zh', gender, noProfile: rnd() < 0.12 })
    }
    if (en.length) {
      const [name, gender] = en.shift()!
      people.push({
        id: next(),
        name,
        pinyin: name
          .toLowerCase()
          .replace(/[^a-z ]/g, '')
          .replace(' ', '.'),
        locale: 'en',
        gender,
        noProfile: rnd() < 0.12,
      })
    }
  }
  return people.map((p) => {
    const male = p.gender === 'male'
    const heightCm = p.heightCm ?? Math.round(male ? 166 + rnd() * 22 : 152 + rnd() * 20)
    const bmi = 18.5 + rnd() * 6.5
    const weightKg = p.weightKg ?? Math.round(bmi * (heightCm / 100) ** 2)
    const pool = p.locale === 'zh' ? ZH_INTERESTS : EN_INTERESTS
    const interests = p.interests ?? [...new Set([pick(pool), pick(pool)])]
    const phone = p.phone ?? makePhone(p.locale, rnd, pick)
    const c: DemoCustomer = {
      id: p.id,
      name: p.name,
      phone,
      tier: p.tier ?? pick(TIERS),
      locale: p.locale,
      city: p.city ?? pick(CITIES),
    }
    if (rnd() < 0.6 || p.id <= 'c010')
      c.email = `${p.pinyin}${p.locale === 'zh' ? Math.floor(rnd() * 90 + 10) : ''}@example.com`
    if (!p.noProfile) c.profile = { heightCm, weightKg, gender: p.gender, interests }
    return c
  })
}

function makePhone(locale: 'zh' | 'en', rnd: () => number, pick: <T>(xs: readonly T[]) => T): string {
  const digits = (k: number) => Array.from({ length: k }, () => Math.floor(rnd() * 10)).join('')
  if (locale === 'en') {
    const r = rnd()
    // Ofcom and NANP reserve these ranges for fiction, so no real subscriber is listed.
    if (r < 0.35) return `+44 7700 900${digits(3)}`
    if (r < 0.65) return `+1 ${pick(['212', '415', '646', '206'])} 555 01${digits(2)}`
  }
  return `${pick(ZH_PREFIXES)}${digits(8)}`
}
