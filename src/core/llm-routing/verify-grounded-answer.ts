/**
 * The check between a model's text and a customer: an answer is sent only if everything checkable
 * in it comes from the facts it was given, sentence by sentence.
 *
 *  - bidi controls and zero-width characters are stripped first (a right-to-left override can make
 *    `¥001` display as `¥100`); the customer sees exactly the text that was checked;
 *  - no URL, e-mail, phone number (digits or digit words) or messaging handle, unless it is the
 *    shop's own configured contact (answer-contacts.ts);
 *  - every catalog product it names is one of the fact products;
 *  - each sentence's numbers — money amounts, percentages, durations, counts — appear in the fact(s)
 *    *that sentence cites* (a sentence without a marker takes the next marker, as models cite at the
 *    end of a group); an amount that only an unrelated fact mentions is not support;
 *  - a price next to a product name is that product's price (not another product's);
 *  - a policy promise (free, refund, return, compensation, lifetime, warranty, discount, today
 *    only) is backed by a cited fact (policy-promises.ts);
 *  - it is not the "I don't know" sentinel, empty, too long or cut off.
 *
 * Numbers the *customer* wrote do not count as facts: "是99元吗?" answered "是的，99元" is exactly the
 * invented price this check exists to stop. Anything that fails makes the caller fall back to the
 * offline answer (fail closed).
 */
import { findContacts } from './answer-contacts.js'
import type { Fact } from './collect-facts.js'
import { extractNumbers, sameNumber } from './extract-numbers.js'
import { factNumbers } from './fact-numbers.js'
import { unsupportedPromises } from './policy-promises.js'

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
  | 'wrong_product_price'
  | 'unsupported_promise'
  | 'uncited_claim'
  | 'contact'

export type Verification =
  | {
      ok: true
      /** The answer as the customer sees it (source markers and invisible controls removed). */
      text: string
      /** The facts the answer cites; all given facts when it cites none. */
      factIds: string[]
    }
  | { ok: false; reason: RejectReason /** The numbers, SKUs, promises or contacts that failed. */; offending: string[] }

export type VerifyOptions = {
  /** SKUs of the catalog products named in a text (the knowledge base's product graph). */
  findProducts?: (text: string) => string[]
  /** Longer answers are rejected (default 800 characters). */
  maxChars?: number
  /** The shop's own contact details (phone, e-mail, site, WeChat id) an answer may repeat. */
  allowedContacts?: readonly string[]
}

// Models cite as [F1], 【F1】, (F1), [F1, F2], [F1][F2]… The markers are removed before the number
// check (the 1 of F1 is not a claim) and read for the fact ids.
const CITATION_SRC = String.raw`\s*[[【(（]\s*F\d+(?:\s*[,，、]\s*F?\d+)*\s*[\]】)）]`
const CITATION = new RegExp(CITATION_SRC, 'g')
const LIST_MARKER = /^(\s*)(\d{1,2})[.、)．）](?!\d)\s*/gm
/** Bidi embeddings/overrides/isolates, marks, zero-width characters and C0 controls but tab/newline. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g
// "…5499 元。[F1]" → "…5499 元 [F1]。": a marker after the full stop belongs to the sentence before it.
const MARKER_AFTER_STOP = new RegExp(`([。！？!?；;.])((?:${CITATION_SRC})+)`, 'g')
const SENTENCE_END = /(?<=[。！？!?；;\n])|(?<=[.])(?=\s)/
const CLAUSE_SPLIT = /[，、：（）()]|,(?!\d{3}\b)|:(?!\d)|\s(?:and|but|while|whereas)\s|(?:以及|而且|和|及|而)/i

/** Removes bidi controls and zero-width characters (what the customer would not see). */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '')
}

function citedIds(s: string, facts: Fact[]): string[] {
  const ids: string[] = []
  for (const m of s.matchAll(CITATION)) {
    for (const n of m[0].match(/\d+/g) ?? []) {
      const f = facts[Number(n) - 1]
      if (f && !ids.includes(f.id)) ids.push(f.id)
    }
  }
  return ids
}

function clean(s: string): string {
  return s
    .replace(CITATION, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim()
}

type Pool = { numbers: number[]; amounts: number[]; texts: string[] }

function poolOf(facts: Fact[]): Pool {
  const pool: Pool = { numbers: [], amounts: [], texts: [] }
  for (const f of facts) {
    const x = factNumbers(f)
    pool.numbers.push(...x.numbers)
    pool.amounts.push(...x.amounts)
    pool.texts.push(f.text)
  }
  return pool
}

const has = (xs: number[], n: number) => xs.some((p) => sameNumber(p, n))

/** The product facts a clause names, by catalog lookup or by the fact's own names. */
function productsIn(clause: string, productFacts: Fact[], findProducts: VerifyOptions['findProducts']): Fact[] {
  const lower = clause.toLowerCase()
  const skus = new Set(findProducts ? findProducts(clause) : [])
  return productFacts.filter(
    (f) =>
      (f.sku !== undefined && skus.has(f.sku)) ||
      (f.names ?? []).some((n) => n.length >= 2 && lower.includes(n.toLowerCase())),
  )
}

/**
 * Verifies `answer` against `facts` (labelled `[F1]`…`[Fn]` in the prompt, in this order).
 *
 * @example
 * verifyGroundedAnswer('只要 99 元 [F1]', [productFact5499]) // { ok: false, reason: 'unsupported_amount', offending: ['99'] }
 */
export function verifyGroundedAnswer(answer: string, facts: Fact[], opts: VerifyOptions = {}): Verification {
  const raw = stripInvisible(answer).trim()
  if (raw.includes(NO_ANSWER)) return { ok: false, reason: 'declined', offending: [] }
  const allCited = citedIds(raw, facts)
  const text = clean(raw)
  if (!text) return { ok: false, reason: 'empty', offending: [] }
  if (text.length > (opts.maxChars ?? 800)) return { ok: false, reason: 'too_long', offending: [String(text.length)] }

  const contacts = findContacts(
    text,
    opts.allowedContacts ?? [],
    // Only an order's own digits (a digit-only tracking number) may look like a phone; a number in an
    // FAQ answer or product text is not a configured contact.
    facts.filter((f) => f.kind === 'order').map((f) => f.text),
  )
  if (contacts.length > 0) return { ok: false, reason: 'contact', offending: contacts.map((c) => c.text) }

  if (opts.findProducts) {
    const allowed = new Set(facts.filter((f) => f.sku).map((f) => f.sku))
    const named = [...new Set(opts.findProducts(text))].filter((sku) => !allowed.has(sku))
    if (named.length > 0) return { ok: false, reason: 'unknown_product', offending: named }
  }

  const byId = new Map(facts.map((f) => [f.id, f]))
  const all = poolOf(facts)
  const productFacts = facts.filter((f) => f.kind === 'product')
  // Names (X2 Pro, iPhone 15) and the shop's own phone number are not numeric claims.
  const notClaims = [...productFacts.flatMap((f) => f.names ?? []), ...(opts.allowedContacts ?? [])]
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length)
  const claimText = (s: string) => {
    let t = s
    for (const n of notClaims) t = t.split(n).join(' ')
    return t
  }
  // "1. … 2. …" list numbering is layout, not a claim.
  const segments = raw
    .replace(LIST_MARKER, '$1')
    .replace(MARKER_AFTER_STOP, '$2$1')
    .split(SENTENCE_END)
    .map((s) => ({ raw: s, ids: citedIds(s, facts), text: clean(s) }))
    .filter((s) => s.text)
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!
    let ids = seg.ids
    if (ids.length === 0) ids = segments.slice(i + 1).find((s) => s.ids.length > 0)?.ids ?? []
    if (ids.length === 0) ids = [...segments.slice(0, i)].reverse().find((s) => s.ids.length > 0)?.ids ?? []
    if (ids.length === 0 && facts.length === 1) ids = [facts[0]!.id]
    const cited = ids.map((id) => byId.get(id)).filter((f): f is Fact => f !== undefined)
    const pool = poolOf(cited)
    const claims = extractNumbers(claimText(seg.text))
    const promises = unsupportedPromises(seg.text, pool.texts)

    const badAmounts = claims.amounts.filter((n) => !has(pool.amounts, n))
    if (badAmounts.length > 0) {
      const elsewhere = cited.length === 0 && badAmounts.every((n) => has(all.amounts, n))
      return {
        ok: false,
        reason: elsewhere ? 'uncited_claim' : 'unsupported_amount',
        offending: badAmounts.map(String),
      }
    }
    const badNumbers = claims.numbers.filter((n) => !has(pool.numbers, n))
    if (badNumbers.length > 0) {
      const elsewhere = cited.length === 0 && badNumbers.every((n) => has(all.numbers, n))
      return {
        ok: false,
        reason: elsewhere ? 'uncited_claim' : 'unsupported_number',
        offending: badNumbers.map(String),
      }
    }
    if (promises.length > 0) return { ok: false, reason: 'unsupported_promise', offending: promises }

    // A price next to a product name must be that product's: clause by clause, amounts belong to
    // the product named last in the sentence (or to a cited order, which states what was paid for
    // it). An FAQ's amount next to a product name reads as its price: "X 只要1元" is rejected.
    if (claims.amounts.length > 0 && productFacts.length > 0) {
      const otherAmounts = poolOf(cited.filter((f) => f.kind === 'order')).amounts
      let current: Fact[] = []
      for (const clause of seg.text.split(CLAUSE_SPLIT)) {
        if (!clause?.trim()) continue
        const named = productsIn(clause, productFacts, opts.findProducts)
        if (named.length > 0) current = named
        if (current.length === 0) continue
        const own = poolOf(current).amounts
        const wrong = extractNumbers(claimText(clause)).amounts.filter((n) => !has(own, n) && !has(otherAmounts, n))
        if (wrong.length > 0) return { ok: false, reason: 'wrong_product_price', offending: wrong.map(String) }
      }
    }
  }
  return { ok: true, text, factIds: allCited.length > 0 ? allCited : facts.map((f) => f.id) }
}
