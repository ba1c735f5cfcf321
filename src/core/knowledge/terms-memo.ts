import { characterNgrams } from '../text/character-ngrams.js'
import type { Tokenizer } from '../text/tokenizer.js'

/**
 * Terms of the FAQ and fault texts of a shop, remembered per tokenizer from one assembly of its
 * knowledge base to the next. A FAQ publish rebuilds the FAQ and fault indexes and the FAQ
 * matcher's training input, which tokenized every entry again (~100–250 ms of the serving
 * thread per publish with the demo shop's 280 entries, spread over a dozen pauses that each wait
 * for a turn of a busy loop, while the next customer message waits for the swap); now only the
 * texts that changed are tokenized.
 *
 * A catalog index's tokenizer never changes once built (its dictionary is filled by the build
 * alone; the Chinese segmenter it uses is shared and never extended), so its terms of a text are
 * the same every time: the remembered ones are exactly what tokenizing again would give. A new
 * catalog index (a full rebuild) has a new tokenizer and starts with nothing remembered. The
 * arrays are shared between assemblies and must not be modified.
 */
export type TermsMemo = {
  /** `tokenizer.terms(text)`. */
  terms(text: string): string[]
  /** The FAQ matcher's features of a text: its terms, then its character n-grams. */
  features(text: string): string[]
  /**
   * Pauses (when given a pause) once 128 texts were tokenized since the last pause: a build that
   * tokenizes a whole FAQ yields as often as before, one that finds every text remembered never.
   */
  maybePause(pause?: () => Promise<void>): Promise<void> | undefined
  /** Ends an assembly: texts not used by it are forgotten at the end of the next one. */
  done(): void
}

type Generations = {
  terms: Map<string, string[]>
  features: Map<string, string[]>
  previousTerms: Map<string, string[]>
  previousFeatures: Map<string, string[]>
}

/** Texts tokenized between two pauses of an assembly (a few ms of work). */
const TEXTS_PER_PAUSE = 128

const byTokenizer = new WeakMap<Tokenizer, Generations>()

/** The memo of a tokenizer (one per tokenizer, shared by the assemblies that use it). */
export function termsMemo(tokenizer: Tokenizer): TermsMemo {
  let g = byTokenizer.get(tokenizer)
  if (!g) {
    g = { terms: new Map(), features: new Map(), previousTerms: new Map(), previousFeatures: new Map() }
    byTokenizer.set(tokenizer, g)
  }
  const gen = g
  let work = 0
  const remembered = (
    current: Map<string, string[]>,
    previous: Map<string, string[]>,
    text: string,
    compute: () => string[],
  ): string[] => {
    let out = current.get(text) ?? previous.get(text)
    if (!out) {
      out = compute()
      work++
    }
    current.set(text, out)
    return out
  }
  const terms = (text: string) => remembered(gen.terms, gen.previousTerms, text, () => tokenizer.terms(text))
  return {
    terms,
    features: (text) =>
      remembered(gen.features, gen.previousFeatures, text, () => [...terms(text), ...characterNgrams(text)]),
    maybePause(pause) {
      if (!pause || work < TEXTS_PER_PAUSE) return undefined
      work = 0
      return pause()
    },
    done() {
      gen.previousTerms = gen.terms
      gen.previousFeatures = gen.features
      gen.terms = new Map()
      gen.features = new Map()
    },
  }
}
