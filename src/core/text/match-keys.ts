/**
 * Comparison keys: the forms two strings are compared in (product names, order numbers, phone numbers),
 * so modules outside the text and understanding layers need no patterns of their own.
 */

/** Lower case without spaces, hyphens or underscores: `X2-Pro Max` → `x2promax`. */
export function compactKey(text: string): string {
  return text.toLowerCase().replace(/[\s\-_]+/g, '')
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
