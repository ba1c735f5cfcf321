/**
 * Key used to detect duplicates and train/test overlap: lower-cased, NFKC, with whitespace,
 * punctuation, symbols and emoji removed, so "Refund?" and "refund !!" collide. A message made only
 * of emoji or punctuation keeps those characters (minus whitespace) so "👋" stays a valid key.
 */
export function normalizeKey(text: string): string {
  const base = text.normalize('NFKC').toLowerCase()
  const stripped = base.replace(/[\p{P}\p{S}\p{Z}\s\p{Extended_Pictographic}]|\u{FE0F}|\u{200D}/gu, '')
  return stripped.length > 0 ? stripped : base.replace(/\s+/g, '')
}
