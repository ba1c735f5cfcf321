/**
 * The check between a model's text and a customer: an answer is sent only if everything checkable
 * in it comes from the facts it was given.
 *
 *  - every money amount (¥/元/RMB/$…, any spelling) is an amount stated in the facts;
 *  - every other number (days, percentages, stock counts, hours, years…) appears in the facts;
 *  - every catalog product it names is one of the fact products;
 *  - it is not the "I don't know" sentinel, empty or cut off.
 *
 * Numbers the *customer* wrote do not count as facts: "是99元吗?" answered "是的，99元" is exactly the
 * invented price this check exists to stop.
 */
import type { Fact } from './collect-facts.js'
import { extractNumbers, sameNumber } from './extract-numbers.js'

/** What the model replies when the facts do not answer the question. */
export const NO_ANSWER = 'NO_ANSWER'

export type RejectReason =
  | 'declined'
  | 'empty'
  | 'truncated'
  | 'too_long'
  | 'unsupported_amount'
  | 'unsupported_number'
  | 'unknown_product'

export type Verification =
  | {
      ok: true
      /** The answer as the customer sees it (source markers removed). */
      text: string
      /** The facts the answer cites; all given facts when it cites none. */
      factIds: string[]
    }
  | { ok: false; reason: RejectReason /** The numbers or SKUs that failed. */; offending: string[] }

export type VerifyOptions = {
  /** SKUs of the catalog products named in a text (the knowledge base's product graph). */
  findProducts?: (text: string) => string[]
  /** Longer answers are rejected (default 800 characters). */
  maxChars?: number
}

// Models cite as [F1], 【F1】, (F1), [F1, F2], [F1][F2]… The markers are removed before the number
// check (the 1 of F1 is not a claim) and read for the fact ids.
const CITATION = /\s*[[【(（]\s*F\d+(?:\s*[,，、]\s*F?\d+)*\s*[\]】)）]/g
const LIST_MARKER = /^(\s*)(\d{1,2})[.、)．）](?!\d)\s*/gm

/**
 * Verifies `answer` against `facts` (labelled `[F1]`…`[Fn]` in the prompt, in this order).
 *
 * @example
 * verifyGroundedAnswer('只要 99 元', [productFact5499]) // { ok: false, reason: 'unsupported_amount', offending: ['99'] }
 */
export function verifyGroundedAnswer(answer: string, facts: Fact[], opts: VerifyOptions = {}): Verification {
  const raw = answer.trim()
  if (raw.includes(NO_ANSWER)) return { ok: false, reason: 'declined', offending: [] }
  const cited = new Set<string>()
  for (const m of raw.matchAll(CITATION)) {
    for (const n of m[0].match(/\d+/g) ?? []) {
      const f = facts[Number(n) - 1]
      if (f) cited.add(f.id)
    }
  }
  const text = raw
    .replace(CITATION, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim()
  if (!text) return { ok: false, reason: 'empty', offending: [] }
  if (text.length > (opts.maxChars ?? 800)) return { ok: false, reason: 'too_long', offending: [String(text.length)] }

  const factNumbers: number[] = []
  const factAmounts: number[] = []
  for (const f of facts) {
    const x = extractNumbers(f.text)
    factNumbers.push(...x.numbers, ...f.amounts)
    factAmounts.push(...x.amounts, ...f.amounts)
  }
  const has = (pool: number[], n: number) => pool.some((p) => sameNumber(p, n))
  // "1. … 2. …" list numbering is layout, not a claim.
  const claims = extractNumbers(text.replace(LIST_MARKER, '$1'))
  const badAmounts = claims.amounts.filter((n) => !has(factAmounts, n))
  if (badAmounts.length > 0) return { ok: false, reason: 'unsupported_amount', offending: badAmounts.map(String) }
  const badNumbers = claims.numbers.filter((n) => !has(factNumbers, n))
  if (badNumbers.length > 0) return { ok: false, reason: 'unsupported_number', offending: badNumbers.map(String) }

  if (opts.findProducts) {
    const allowed = new Set(facts.filter((f) => f.sku).map((f) => f.sku))
    const named = [...new Set(opts.findProducts(text))].filter((sku) => !allowed.has(sku))
    if (named.length > 0) return { ok: false, reason: 'unknown_product', offending: named }
  }
  return { ok: true, text, factIds: cited.size > 0 ? [...cited] : facts.map((f) => f.id) }
}
