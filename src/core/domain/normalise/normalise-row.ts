/**
 * Rewrites one imported row into kefu's canonical form before it is validated: locale tags to the
 * language (the full tag kept in `localeTag`), dates in the shop's time zone to ISO with offset,
 * numbers written as text to numbers, a missing currency to the shop's. What cannot be read is left
 * as it was, so the schema still rejects it naming the field. Every change is returned as a note
 * for the import summary.
 */
import type { ImportKind } from '../schemas.js'
import { isKnownTier, shopTierRanks, tierRank } from './customer-tier.js'
import { type DateForm, DEFAULT_TIME_ZONE, normaliseDateTime } from './normalise-datetime.js'
import { normaliseLocale } from './normalise-locale.js'
import { normaliseNumber } from './normalise-number.js'

export type NormaliseContext = {
  /** IANA time zone dates without an offset are read in (the shop's `settings.timezone`). */
  timeZone: string
  /** The shop's currency: fills a product's or order's missing `currency`. */
  currency?: string
  /** The shop's tier → rank mapping; when set, a tier neither in it nor built in is an error. */
  tierRanks: Readonly<Record<string, number>>
}

/** The normalisation context of a shop: its time zone, currency and tier ranks from its settings. */
export function shopNormaliseContext(settings: Record<string, unknown>): NormaliseContext {
  return {
    timeZone: typeof settings.timezone === 'string' ? settings.timezone : DEFAULT_TIME_ZONE,
    tierRanks: shopTierRanks(settings),
    ...(typeof settings.currency === 'string' ? { currency: settings.currency } : {}),
  }
}

/** One kind of change made to imported values: `count` rows changed `from` → `to`. */
export type Normalisation = {
  field: 'locale' | 'date' | 'number' | 'currency' | 'tier'
  from: string
  to: string
  count: number
  /** The first value changed this way, before and after. */
  example?: { from: string; to: string }
}

export type RowProblem = { field: string; message: string }

type FieldType = 'locale' | 'date' | 'eta' | 'number' | 'currency' | 'tier'

// Paths are dotted; `*` stands for every element of an array.
const FIELDS: Record<ImportKind, ReadonlyArray<readonly [string, FieldType]>> = {
  products: [
    ['price', 'number'],
    ['stock', 'number'],
    ['listPrice', 'number'],
    ['locale', 'locale'],
    ['currency', 'currency'],
  ],
  faq: [['locale', 'locale']],
  customers: [
    ['locale', 'locale'],
    ['tier', 'tier'],
    ['profile.heightCm', 'number'],
    ['profile.weightKg', 'number'],
  ],
  orders: [
    ['total', 'number'],
    ['currency', 'currency'],
    ['items.*.qty', 'number'],
    ['items.*.price', 'number'],
    ['createdAt', 'date'],
    ['paidAt', 'date'],
    ['deliveredAt', 'date'],
    ['shipment.eta', 'eta'],
    ['shipment.events.*.time', 'date'],
  ],
  faults: [['locale', 'locale']],
}

const FORM_LABEL: Record<DateForm, string> = {
  date: 'date only',
  datetime: 'date and time without zone',
  'epoch-seconds': 'epoch seconds',
  'epoch-milliseconds': 'epoch milliseconds',
}

/** Collects notes of one import, merging equal changes into one counted note. */
export class NormalisationLog {
  private readonly byKey = new Map<string, Normalisation>()
  add(field: Normalisation['field'], from: string, to: string, example?: { from: string; to: string }): void {
    const key = `${field}\u0000${from}\u0000${to}`
    const n = this.byKey.get(key)
    if (n) n.count++
    else this.byKey.set(key, { field, from, to, count: 1, ...(example ? { example } : {}) })
  }
  list(): Normalisation[] {
    return [...this.byKey.values()]
  }
}

/**
 * Normalises one row of `kind` in place of a copy; returns the copy and the problems found (a tier
 * the shop's mapping does not know).
 *
 * @example
 * const log = new NormalisationLog()
 * normaliseRow('faq', { id: 'f1', locale: 'zh-CN', … }, { timeZone: 'Asia/Shanghai', tierRanks: {} }, log)
 * // → { row: { id: 'f1', locale: 'zh', localeTag: 'zh-CN', … }, problems: [] }; log: locale zh-CN → zh
 */
export function normaliseRow(
  kind: ImportKind,
  input: Record<string, unknown>,
  ctx: NormaliseContext,
  log: NormalisationLog,
): { row: Record<string, unknown>; problems: RowProblem[] } {
  const row = structuredClone(input)
  const problems: RowProblem[] = []
  for (const [path, type] of FIELDS[kind]) {
    visit(row, path.split('.'), (holder, key) => {
      const v = holder[key]
      switch (type) {
        case 'number':
          if (typeof v === 'string') {
            const n = normaliseNumber(v)
            if (n !== null) {
              holder[key] = n
              log.add('number', 'text', 'number', { from: v, to: String(n) })
            }
          }
          return
        case 'locale':
          if (typeof v === 'string' && v !== 'zh' && v !== 'en') {
            const l = normaliseLocale(v)
            if (!l) return
            holder[key] = l.locale
            if (l.tag && holder.localeTag === undefined) holder.localeTag = l.tag
            log.add('locale', v, l.locale)
          }
          return
        case 'date':
        case 'eta':
          if (typeof v === 'string' || typeof v === 'number') {
            const d = normaliseDateTime(v, { timeZone: ctx.timeZone, dateOnly: type === 'eta' ? 'end' : 'start' })
            if (!d) return
            holder[key] = d.iso
            const end = type === 'eta' && d.form === 'date' ? ', end of day' : ''
            log.add('date', `${FORM_LABEL[d.form]}${end}`, `ISO 8601 in ${ctx.timeZone}`, {
              from: String(v),
              to: d.iso,
            })
          }
          return
        case 'currency':
          if (v === undefined && ctx.currency) {
            holder[key] = ctx.currency
            log.add('currency', '(missing)', ctx.currency)
          }
          return
        case 'tier':
          if (typeof v !== 'string' || v.trim() === '') return
          if (Object.keys(ctx.tierRanks).length > 0 && !isKnownTier(v, ctx.tierRanks)) {
            problems.push({
              field: path,
              message: `tier '${v}' is neither in the shop's settings.customers.tierRanks (${Object.keys(ctx.tierRanks).join(', ')}) nor a built-in tier (regular, silver, gold, platinum, vip)`,
            })
            return
          }
          if (!isKnownTier(v, {}) || ctx.tierRanks[v] !== undefined) {
            log.add('tier', v, `rank ${tierRank(v, ctx.tierRanks)}`)
          }
          return
      }
    })
  }
  return { row, problems }
}

/** Calls `fn` with each object holding the last segment of `path` (whether or not it is set). */
function visit(node: unknown, path: string[], fn: (holder: Record<string, unknown>, key: string) => void): void {
  if (typeof node !== 'object' || node === null) return
  const [head, ...rest] = path
  if (head === undefined) return
  if (head === '*') {
    if (Array.isArray(node)) for (const el of node) visit(el, rest, fn)
    return
  }
  if (Array.isArray(node)) return
  const obj = node as Record<string, unknown>
  if (rest.length === 0) fn(obj, head)
  else visit(obj[head], rest, fn)
}
