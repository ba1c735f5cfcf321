/**
 * Conversion between simplified and traditional Chinese characters with OpenCC's word-level
 * dictionaries (opencc-js's data, run by `compact-opencc.ts`: the same output in a tenth of the
 * memory). The converters are built on first use, so a shop whose customers never write traditional
 * characters never pays for them.
 */
import { type Convert, compactConverter } from './compact-opencc.js'

let simplify: Convert | null = null
const traditional = new Map<'hk' | 'tw', Convert>()

/** The text with traditional characters written simplified; everything else unchanged. */
export function toSimplified(text: string): string {
  const convert: Convert = simplify ?? compactConverter('t2s')
  simplify = convert
  return convert(text)
}

/** The text in traditional characters, Hong Kong or Taiwan standard. */
export function toTraditional(text: string, variant: 'hk' | 'tw'): string {
  const known = traditional.get(variant)
  if (known) return known(text)
  const convert: Convert = compactConverter(variant === 'hk' ? 's2hk' : 's2tw')
  traditional.set(variant, convert)
  return convert(text)
}
