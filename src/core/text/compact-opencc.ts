/**
 * OpenCC's conversions (opencc-js's dictionaries and configs) with a compact dictionary: the same
 * output as `OpenCC.Converter`, in a tenth of the memory. opencc-js keeps every dictionary as a trie
 * with one `Map` per character: the simplified → Taiwan converter alone held ~185,000 Maps
 * (~42 MB of live heap, the same again for Hong Kong), which every full garbage collection had to
 * mark. Here a dictionary is one `Map` from word to replacement plus the longest word per first
 * character, and a match tries the lengths from that longest down — the longest word that starts
 * at the position, which is what opencc-js's trie walk returns.
 *
 * The pipeline is opencc-js's (1.4): normalization chain, then segmentation into words by the
 * segmentation dictionaries, then each conversion group applied to every segment in turn. Dictionary
 * groups load their last dictionary first, so an earlier dictionary's entry wins; ideographic
 * description sequences are skipped whole when no word starts on them.
 * `src/core/text/compact-opencc.test.ts` checks the output against opencc-js itself.
 */
import * as OpenCC from 'opencc-js'

type DictLike = string | ReadonlyArray<readonly [string, string]>
type DictGroup = readonly DictLike[]
type Preset = {
  normalizationChain?: readonly DictGroup[]
  segmentation?: DictLike | DictGroup
  conversionChain: readonly DictGroup[]
}

export type Convert = (text: string) => string

/** UTF-16 units of the code point at `i`. */
const width = (s: string, i: number): number => ((s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1)

/** Operands of an ideographic description character (U+2FF0–U+2FFF), 0 for any other. */
function idsArity(cp: number | undefined): number {
  if (cp === undefined) return 0
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2
  return 0
}

/** The end of the ideographic description sequence starting at `i`, or 0 when none does. */
function idsEnd(s: string, i: number): number {
  const arity = idsArity(s.codePointAt(i))
  if (arity === 0) return 0
  let at = i + width(s, i)
  for (let k = 0; k < arity; k++) {
    if (at >= s.length) return 0
    at = idsEnd(s, at) || at + width(s, at)
  }
  return at
}

/** How far to step past an unmatched position: a whole description sequence, else one code point. */
function step(s: string, i: number): number {
  const end = idsEnd(s, i)
  return end > i ? end - i : width(s, i)
}

class Dictionary {
  private readonly words = new Map<string, string>()
  /** Longest word (UTF-16 units) per first UTF-16 unit. */
  private readonly longest = new Map<number, number>()

  loadDict(dict: DictLike): void {
    if (typeof dict === 'string') {
      for (const entry of dict.split('|')) {
        const [word, replacement] = entry.split(' ')
        if (typeof replacement !== 'string') throw new TypeError(`invalid OpenCC dictionary entry: ${entry}`)
        this.add(word ?? '', replacement)
      }
    } else for (const [word, replacement] of dict) this.add(word, replacement)
  }

  /** The group's last dictionary first, so an earlier one's entry wins (as opencc-js). */
  loadDictGroup(group: DictGroup): void {
    for (let i = group.length - 1; i >= 0; i--) this.loadDict(group[i]!)
  }

  private add(word: string, replacement: string): void {
    if (word === '') return // never matched: a match is at least one character
    this.words.set(word, replacement)
    const first = word.charCodeAt(0)
    if ((this.longest.get(first) ?? 0) < word.length) this.longest.set(first, word.length)
  }

  /** The longest word starting at `i`: its end and replacement, or -1. */
  private match(s: string, i: number): { end: number; value: string } | null {
    const longest = this.longest.get(s.charCodeAt(i))
    if (longest === undefined) return null
    for (let n = Math.min(longest, s.length - i); n > 0; n--) {
      const value = this.words.get(s.slice(i, i + n))
      if (value !== undefined) return { end: i + n, value }
    }
    return null
  }

  private walk(s: string, emit: (from: number, to: number, value: string) => string): string[] {
    const out: string[] = []
    let plain: number | null = null
    for (let i = 0; i < s.length; ) {
      const m = this.match(s, i)
      if (m) {
        if (plain !== null) {
          out.push(s.slice(plain, i))
          plain = null
        }
        out.push(emit(i, m.end, m.value))
        i = m.end
      } else {
        if (plain === null) plain = i
        i += step(s, i)
      }
    }
    if (plain !== null) out.push(s.slice(plain))
    return out
  }

  convert(s: string): string {
    return this.walk(s, (_from, _to, value) => value).join('')
  }

  segment(s: string): string[] {
    return this.walk(s, (from, to) => s.slice(from, to))
  }
}

const isGroupOfDicts = (v: unknown): v is DictGroup =>
  Array.isArray(v) && v.every((d) => typeof d === 'string' || Array.isArray(d))

function groupDictionary(group: DictGroup): Dictionary {
  const d = new Dictionary()
  d.loadDictGroup(group)
  return d
}

/** A converter for one of opencc-js's presets (`s2tw`, `t2s`, …), as `OpenCC.Converter` builds it. */
export function compactConverter(preset: string): Convert {
  const configs = (OpenCC.Locale as unknown as { configs: Record<string, Preset> }).configs
  const config = configs[preset]
  if (!config) throw new Error(`unknown OpenCC preset: ${preset}`)
  let segmenter: Dictionary | null = null
  if (config.segmentation) {
    segmenter = new Dictionary()
    const seg = config.segmentation
    if (Array.isArray(seg) && seg.every((d) => typeof d === 'string')) segmenter.loadDictGroup(seg as DictGroup)
    else segmenter.loadDict(seg as DictLike)
  }
  const chain = config.conversionChain.map(groupDictionary)
  const converted: Convert = (text) => {
    const parts = segmenter ? segmenter.segment(text) : [text]
    let out = parts
    for (const d of chain) out = out.map((p) => d.convert(p))
    return out.join('')
  }
  const normalization = config.normalizationChain
  if (!normalization) return converted
  for (const g of normalization)
    if (!isGroupOfDicts(g)) throw new Error(`unexpected OpenCC normalization chain in ${preset}`)
  const normalizers = normalization.map(groupDictionary)
  return (text) => {
    let t = text
    for (const d of normalizers) t = d.convert(t)
    return converted(t)
  }
}
