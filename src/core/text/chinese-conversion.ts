/**
 * Conversion between simplified and traditional Chinese characters with OpenCC's word-level
 * dictionaries (opencc-js). Building a converter is not cheap: simplified → traditional holds
 * OpenCC's phrase dictionary (~400 KB of text, ~0.45 s of CPU and ~40 MB of heap to build), and
 * every simplified message reads it once to tell its script. The Taiwan and Hong Kong conversions
 * share that one trie (each adds only its small variants table), and a server builds them before it
 * listens (`warmChineseConversion`): built on first use, they were one block of 0.5–1.8 s on the
 * thread serving every customer, at a process's first Chinese message.
 */
import * as OpenCC from 'opencc-js'

type Convert = (text: string) => string

let simplify: Convert | null = null
/** Simplified → traditional (OpenCC standard characters), shared by the regional variants. */
let toStandardTraditional: Convert | null = null
const traditional = new Map<'hk' | 'tw', Convert>()

function simplifier(): Convert {
  const convert = simplify ?? OpenCC.Converter({ from: 't', to: 'cn' })
  simplify = convert
  return convert
}

function traditionalizer(variant: 'hk' | 'tw'): Convert {
  const known = traditional.get(variant)
  if (known) return known
  // The same dictionary groups, in the same order, as OpenCC.Converter({ from: 'cn', to: variant }):
  // one trie per group, applied one after the other; only the first (the big one) is shared.
  const standard = toStandardTraditional ?? OpenCC.ConverterFactory(...OpenCC.Locale.from.cn!)
  toStandardTraditional = standard
  const regional = OpenCC.ConverterFactory(...OpenCC.Locale.to[variant]!)
  const convert: Convert = (text) => regional(standard(text))
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
