import { describe, expect, it } from 'vitest'
import { orderSchema } from '../schemas.js'
import { tierRank } from './customer-tier.js'
import { isoInZone, normaliseDateTime } from './normalise-datetime.js'
import { normaliseLocale } from './normalise-locale.js'
import { normaliseNumber } from './normalise-number.js'
import { NormalisationLog, normaliseRow } from './normalise-row.js'

const SH = { timeZone: 'Asia/Shanghai' }

describe('normaliseLocale', () => {
  it('reduces BCP 47 and POSIX tags to the language and keeps the canonical tag', () => {
    expect(normaliseLocale('zh-CN')).toEqual({ locale: 'zh', tag: 'zh-CN' })
    expect(normaliseLocale('zh-Hans')).toEqual({ locale: 'zh', tag: 'zh-Hans' })
    expect(normaliseLocale('zh_TW')).toEqual({ locale: 'zh', tag: 'zh-TW' })
    expect(normaliseLocale('zh-hant-tw')).toEqual({ locale: 'zh', tag: 'zh-Hant-TW' })
    expect(normaliseLocale('en-US')).toEqual({ locale: 'en', tag: 'en-US' })
    expect(normaliseLocale('en_GB.UTF-8')).toEqual({ locale: 'en', tag: 'en-GB' })
    expect(normaliseLocale('EN')).toEqual({ locale: 'en' })
  })

  it('refuses other languages and non-tags', () => {
    expect(normaliseLocale('fr-FR')).toBeNull()
    expect(normaliseLocale('中文')).toBeNull()
    expect(normaliseLocale('zh CN')).toBeNull()
    expect(normaliseLocale('')).toBeNull()
  })
})

describe('normaliseNumber', () => {
  it('reads numbers written as text, with thousands separators', () => {
    expect(normaliseNumber('399.00')).toBe(399)
    expect(normaliseNumber(' 1,299.00 ')).toBe(1299)
    expect(normaliseNumber('12,345,678')).toBe(12345678)
    expect(normaliseNumber('-3')).toBe(-3)
    expect(normaliseNumber('.5')).toBe(0.5)
  })

  it('leaves what is not a number', () => {
    for (const s of ['12 kg', '1,29', '1.2.3', '', 'abc', '1,2345.00', '¥399']) expect(normaliseNumber(s)).toBeNull()
  })
})

describe('normaliseDateTime', () => {
  it('reads a date without time as the start of the day in the shop time zone, or its end for an ETA', () => {
    expect(normaliseDateTime('2026-11-27', SH)).toEqual({ iso: '2026-11-27T00:00:00+08:00', form: 'date' })
    expect(normaliseDateTime('2026-11-27', { ...SH, dateOnly: 'end' })?.iso).toBe('2026-11-27T23:59:59+08:00')
    expect(normaliseDateTime('2026/1/5', { timeZone: 'UTC' })?.iso).toBe('2026-01-05T00:00:00+00:00')
    expect(normaliseDateTime('2026年11月27日', SH)?.iso).toBe('2026-11-27T00:00:00+08:00')
  })

  it('reads local date-times in the shop time zone', () => {
    expect(normaliseDateTime('2026-11-27 18:00', SH)).toEqual({ iso: '2026-11-27T18:00:00+08:00', form: 'datetime' })
    expect(normaliseDateTime('2026/11/27 18:00:00', SH)?.iso).toBe('2026-11-27T18:00:00+08:00')
    expect(normaliseDateTime('2026-11-27T18:00:05.250', SH)?.iso).toBe('2026-11-27T18:00:05.250+08:00')
    // The same wall clock in another zone is another instant; summer and winter offsets differ.
    expect(normaliseDateTime('2026-11-27 18:00', { timeZone: 'America/New_York' })?.iso).toBe(
      '2026-11-27T18:00:00-05:00',
    )
    expect(normaliseDateTime('2026-07-01 09:30', { timeZone: 'America/New_York' })?.iso).toBe(
      '2026-07-01T09:30:00-04:00',
    )
    expect(normaliseDateTime('2026-03-10 08:00', { timeZone: 'Asia/Kolkata' })?.iso).toBe('2026-03-10T08:00:00+05:30')
  })

  it('reads epoch seconds and milliseconds, as numbers or text, as instants shown in the shop time zone', () => {
    const instant = Date.UTC(2026, 10, 27, 10, 0, 0)
    expect(normaliseDateTime(instant / 1000, SH)).toEqual({ iso: '2026-11-27T18:00:00+08:00', form: 'epoch-seconds' })
    expect(normaliseDateTime(instant, SH)).toEqual({ iso: '2026-11-27T18:00:00+08:00', form: 'epoch-milliseconds' })
    expect(normaliseDateTime(String(instant / 1000), { timeZone: 'Europe/London' })?.iso).toBe(
      '2026-11-27T10:00:00+00:00',
    )
    expect(normaliseDateTime(String(instant), { timeZone: 'America/Los_Angeles' })?.iso).toBe(
      '2026-11-27T02:00:00-08:00',
    )
  })

  it('keeps ISO values with an offset and leaves impossible dates to the schema', () => {
    expect(normaliseDateTime('2026-11-27T18:00:00+08:00', SH)).toBeNull()
    expect(normaliseDateTime('2026-11-27T10:00:00Z', SH)).toBeNull()
    for (const bad of ['2026-13-01', '2026-02-30', '2026-11-27 25:00', 'tomorrow', '27/11/2026', '-5']) {
      expect(normaliseDateTime(bad, SH)).toBeNull()
    }
    expect(normaliseDateTime(1.5, SH)).toBeNull()
  })

  it('writes an instant in a zone with its offset', () => {
    expect(isoInZone(Date.UTC(2026, 0, 1, 0, 0, 0), 'Asia/Shanghai')).toBe('2026-01-01T08:00:00+08:00')
  })
})

describe('tierRank', () => {
  it('uses the shop mapping first, then the built-in names, else 0', () => {
    const ranks = { normal: 0, VIP1: 3, 黄金会员: 2 }
    expect(tierRank('VIP1', ranks)).toBe(3)
    expect(tierRank('vip1', ranks)).toBe(3)
    expect(tierRank('黄金会员', ranks)).toBe(2)
    expect(tierRank('gold', ranks)).toBe(2)
    expect(tierRank('vip')).toBe(4)
    expect(tierRank('platinum')).toBe(3)
    expect(tierRank('normal')).toBe(0)
    expect(tierRank(undefined)).toBe(0)
    // A shop may give a built-in name another meaning.
    expect(tierRank('gold', { gold: 9 })).toBe(9)
  })
})

describe('normaliseRow', () => {
  const ctx = { timeZone: 'Asia/Shanghai', tierRanks: {} }

  it('normalises an order export and reports each kind of change once, counted', () => {
    const log = new NormalisationLog()
    const { row, problems } = normaliseRow(
      'orders',
      {
        orderNo: 'HX1',
        customerId: 'c1',
        status: 'shipped',
        items: [
          { sku: 'A', qty: '1', price: '1,299.00' },
          { sku: 'B', qty: 2, price: '39.9' },
        ],
        total: '1,378.80',
        createdAt: '2026-11-20 10:00',
        shipment: {
          carrier: 'SF',
          trackingNo: 'SF1',
          eta: '2026-11-27',
          events: [{ time: 1795140000, description: '已揽收' }],
        },
      },
      { ...ctx, currency: 'CNY' },
      log,
    )
    expect(problems).toEqual([])
    expect(orderSchema.parse(row)).toMatchObject({
      total: 1378.8,
      currency: 'CNY',
      items: [{ qty: 1, price: 1299 }, { price: 39.9 }],
      createdAt: '2026-11-20T10:00:00+08:00',
      shipment: { eta: '2026-11-27T23:59:59+08:00', events: [{ time: '2026-11-20T10:00:00+08:00' }] },
    })
    const notes = log.list()
    expect(notes.find((n) => n.field === 'number')?.count).toBe(4)
    expect(notes.find((n) => n.from === 'date only, end of day')).toMatchObject({
      count: 1,
      example: { from: '2026-11-27', to: '2026-11-27T23:59:59+08:00' },
    })
    expect(notes.find((n) => n.from === 'epoch seconds')?.count).toBe(1)
    expect(notes.find((n) => n.field === 'currency')).toMatchObject({ from: '(missing)', to: 'CNY', count: 1 })
  })

  it('keeps the locale tag and counts locales by spelling', () => {
    const log = new NormalisationLog()
    const a = normaliseRow('faq', { id: '1', locale: 'zh-CN' }, ctx, log).row
    normaliseRow('faq', { id: '2', locale: 'zh-CN' }, ctx, log)
    normaliseRow('faq', { id: '3', locale: 'en_US' }, ctx, log)
    normaliseRow('faq', { id: '4', locale: 'zh' }, ctx, log)
    expect(a).toEqual({ id: '1', locale: 'zh', localeTag: 'zh-CN' })
    expect(log.list()).toEqual([
      { field: 'locale', from: 'zh-CN', to: 'zh', count: 2 },
      { field: 'locale', from: 'en_US', to: 'en', count: 1 },
    ])
  })

  it('leaves what it cannot read for the schema to reject', () => {
    const log = new NormalisationLog()
    const { row } = normaliseRow('products', { price: 'free', locale: 'fr-FR' }, ctx, log)
    expect(row).toEqual({ price: 'free', locale: 'fr-FR' })
    expect(log.list()).toEqual([])
  })

  it('reports shop tiers with their rank, and rejects a tier the shop mapping does not know', () => {
    const log = new NormalisationLog()
    expect(normaliseRow('customers', { tier: 'normal' }, ctx, log).problems).toEqual([])
    expect(normaliseRow('customers', { tier: 'gold' }, ctx, log).problems).toEqual([])
    expect(log.list()).toEqual([{ field: 'tier', from: 'normal', to: 'rank 0', count: 1 }])
    const mapped = { ...ctx, tierRanks: { normal: 0, VIP1: 3 } }
    expect(normaliseRow('customers', { tier: 'VIP1' }, mapped, log).problems).toEqual([])
    expect(normaliseRow('customers', { tier: 'gold' }, mapped, log).problems).toEqual([])
    const bad = normaliseRow('customers', { tier: 'VIP 1' }, mapped, log).problems
    expect(bad).toHaveLength(1)
    expect(bad[0]).toMatchObject({ field: 'tier' })
    expect(bad[0]!.message).toContain("tier 'VIP 1'")
  })
})
