/**
 * Numbers written as text, as spreadsheets and many exports write them: `"399.00"`, `"1,299.00"`,
 * `" 12 "`. Anything else is left alone so the schema reports it with its field.
 */

const PLAIN = /^[+-]?(\d+(\.\d+)?|\.\d+)$/
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/

/**
 * The number a text holds, or null when it is not one.
 *
 * @example
 * normaliseNumber('1,299.00') // → 1299
 * normaliseNumber('12 kg')    // → null
 */
export function normaliseNumber(raw: string): number | null {
  const t = raw.trim()
  if (PLAIN.test(t)) return Number(t)
  if (GROUPED.test(t)) return Number(t.replace(/,/g, ''))
  return null
}
