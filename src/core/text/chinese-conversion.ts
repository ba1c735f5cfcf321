/**
 * Conversion between simplified and traditional Chinese characters with OpenCC's word-level
 * dictionaries (opencc-js's data, run by `compact-opencc.ts`: the same output in a tenth of the
 * memory). Every simplified message reads the simplified → traditional converter once to tell its
 * script, so a server builds the converters before it listens (`warmChineseConversion`): built on
 * first use, they were a block of 0.5–1.8 s on the thread serving every customer, at a process's
 * first Chinese message.
 */
import { type Convert, compactConverter } from './compact-opencc.js'

let simplify: Convert | null = null
const traditional = new Map<'hk' | 'tw', Convert>()

function simplifier(): Convert {
  const convert = simplify ?? compactConverter('t2s')
  simplify = convert
  return convert
}

function traditionalizer(variant: 'hk' | 'tw'): Convert {
  const known = traditional.get(variant)
  if (known) return known
  const convert = compactConverter(variant === 'hk' ? 's2hk' : 's2tw')
  traditional.set(variant, convert)
  return convert
}

/** The text with traditional characters written simplified; everything else unchanged. */
export function toSimplified(text: string): string {
  return simplifier()(text)
}

/** The text in traditional characters, Hong Kong or Taiwan standard. */
export function toTraditional(text: string, variant: 'hk' | 'tw'): string {
  return traditionalizer(variant)(text)
}

/** Builds every converter now (a server does before it listens), not at a customer's message. */
export function warmChineseConversion(): void {
  simplifier()
  traditionalizer('tw')
  traditionalizer('hk')
}
