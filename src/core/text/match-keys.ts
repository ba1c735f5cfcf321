/**
 * Comparison keys: the forms two strings are compared in (product names, order numbers, phone numbers),
 * so modules outside the text and understanding layers need no patterns of their own.
 */

/**
 * Keys of strings seen before. Product titles and aliases are compacted for every product on every
 * turn that looks for a named product (the whole catalog of a small shop): ~7 % of a turn's CPU
 * (issue 16). The catalog's strings repeat turn after turn, so their keys are remembered; the map
 * is emptied when it grows past its bound (a shop with more names, or many distinct messages).
 */
const compactKeys = new Map<string, string>()
const MAX_COMPACT_KEYS = 20_000
/** Longer strings (messages, descriptions) are compacted every time: they rarely repeat. */
const MAX_REMEMBERED_LENGTH = 200

/** Lower case without spaces, hyphens or underscores: `X2-Pro Max` → `x2promax`. */
export function compactKey(text: string): string {
  const known = compactKeys.get(text)
  if (known !== undefined) return known
  const key = text.toLowerCase().replace(/[\s\-_]+/g, '')
  if (text.length <= MAX_REMEMBERED_LENGTH) {
    if (compactKeys.size >= MAX_COMPACT_KEYS) compactKeys.clear()
    compactKeys.set(text, key)
  }
  return key
}

/** Only the digits: `138-1234 5678` → `13812345678`; `undefined` → `''`. */
export function digitsOnly(text: string | undefined): string {
  return (text ?? '').replace(/\D/g, '')
}

/** Upper case without whitespace: order numbers compare so (`so2025 001` = `SO2025001`). */
export function upperNoSpaceKey(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase()
}

/** One space between words, trimmed: for quoting text, not for matching it. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
