/**
 * The numbers a fact's text states, read once per fact. A streamed answer is verified sentence by
 * sentence and then whole, each time against the same facts; the facts' own numbers were already
 * read when the facts were collected. Keyed by the fact object and checked against its text and
 * amounts (a fact never changes them, but a changed one is read again rather than trusted).
 */
import { type ExtractedNumbers, extractNumbers } from './extract-numbers.js'

/** What the cache needs of a fact (collect-facts.ts `Fact`). */
export type FactText = { text: string; amounts: number[] }

type Entry = { text: string; amountsOf: number[]; numbers: number[]; amounts: number[] }

const cache = new WeakMap<FactText, Entry>()

function entryOf(f: FactText, x: ExtractedNumbers): Entry {
  const entry = {
    text: f.text,
    amountsOf: f.amounts,
    numbers: [...x.numbers, ...f.amounts],
    amounts: [...x.amounts, ...f.amounts],
  }
  cache.set(f, entry)
  return entry
}

/**
 * The numbers and money amounts `f` states: those of its text plus its own `amounts`.
 *
 * @example
 * factNumbers({ text: '售价 ¥5,499', amounts: [5499] }) // { numbers: [5499, 5499], amounts: [5499, 5499] }
 */
export function factNumbers(f: FactText): { numbers: number[]; amounts: number[] } {
  const known = cache.get(f)
  if (known && known.text === f.text && known.amountsOf === f.amounts) return known
  return entryOf(f, extractNumbers(f.text))
}

/** `f`, with the numbers `extractNumbers(f.text)` already found in its text remembered. */
export function withNumbers<F extends FactText>(f: F, x: ExtractedNumbers): F {
  entryOf(f, x)
  return f
}
