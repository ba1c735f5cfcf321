import type { Normalisation } from '../../core/domain/normalise/normalise-row.js'

const NOUN: Record<Normalisation['field'], [string, string]> = {
  locale: ['locale', 'locales'],
  date: ['date', 'dates'],
  number: ['number written as text', 'numbers written as text'],
  currency: ['missing currency', 'missing currencies'],
  tier: ['customer tier', 'customer tiers'],
}

/**
 * One line of the import summary for a normalisation.
 *
 * @example
 * describeNormalisation({ field: 'locale', from: 'zh-CN', to: 'zh', count: 27 })
 * // → 'normalised 27 locales zh-CN → zh'
 */
export function describeNormalisation(n: Normalisation): string {
  const noun = NOUN[n.field][n.count === 1 ? 0 : 1]
  const eg = n.example ? ` (e.g. ${n.example.from} → ${n.example.to})` : ''
  switch (n.field) {
    case 'locale':
      return `normalised ${n.count} ${noun} ${n.from} → ${n.to}`
    case 'date':
      return `normalised ${n.count} ${noun} (${n.from}) → ${n.to}${eg}`
    case 'number':
      return `normalised ${n.count} ${noun} → numbers${eg}`
    case 'currency':
      return `filled ${n.count} ${noun} with the shop's ${n.to}`
    case 'tier':
      return `kept ${n.count} shop-defined ${noun} '${n.from}' (${n.to} for the rules)`
  }
}
