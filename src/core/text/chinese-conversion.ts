/**
 * Conversion between simplified and traditional Chinese characters with OpenCC's word-level
 * dictionaries (opencc-js). The converters are built on first use (~60 ms each), so a shop whose
 * customers never write traditional characters never pays for them.
 */
import * as OpenCC from 'opencc-js'

type Convert = (text: string) => string

let simplify: Convert | null = null
const traditional = new Map<'hk' | 'tw', Convert>()

/** The text with traditional characters written simplified; everything else unchanged. */
export function toSimplified(text: string): string {
  const convert: Convert = simplify ?? OpenCC.Converter({ from: 't', to: 'cn' })
  simplify = convert
  return convert(text)
}

/** The text in traditional characters, Hong Kong or Taiwan standard. */
export function toTraditional(text: string, variant: 'hk' | 'tw'): string {
  const known = traditional.get(variant)
  if (known) return known(text)
  const convert: Convert = OpenCC.Converter({ from: 'cn', to: variant })
  traditional.set(variant, convert)
  return convert(text)
}
