/**
 * Readings of one message that need the shop's data (its categories, products, fault graph, a list
 * of orders) or are only sometimes needed: the understanding stage offers them as functions over the
 * message, computed when a skill asks. The skill passes the shop data in and gets a typed answer back;
 * it never sees or matches the words itself (test/architecture/raw-text-access.test.ts).
 */
import type { Fault } from '../domain/schemas.js'
import { compactKey } from '../text/match-keys.js'
import {
  type CategoryMention,
  categoryMention,
  categoryMentions,
  genderOf,
  mentionsKids,
} from './detect-category-mention.js'
import { detectQuestionNeeds, type QuestionNeeds } from './detect-question-needs.js'
import { faultScore, symptomConcepts, uncoveredConcepts } from './fault-score.js'
import { matchTriedSteps, metRepairVerdicts, triedBeyondSteps } from './match-tried-steps.js'
import { parseRecommendRequest, type RecommendRequest } from './parse-recommend-request.js'
import { type DescribedOption, pickByDescription } from './pick-by-description.js'
import { readPurchaseDate } from './read-purchase-date.js'

export type PickOptions = NonNullable<Parameters<typeof pickByDescription>[2]>

export type MessageReading = {
  /** What the question needs (a comparison, advice, a reason…), for routing to a model answer. */
  questionNeeds(): QuestionNeeds
  /** The recommendation request (categories of the shop, budget, recipient, features). */
  recommendRequest(shop: { categories: readonly string[] }): RecommendRequest
  /**
   * The shop category the message names ("羽绒服", "earbuds"). `earlier` reads a description the
   * customer gave in an earlier turn instead (a fault's symptom kept in the slots).
   */
  categoryMention(categories: readonly string[], earlier?: string): CategoryMention | null
  /** Every kind of product the message names, in the order said ("电脑和充电器" → laptop, charger). */
  categoryMentions(categories: readonly string[]): CategoryMention[]
  /** Asks for children's products ("儿童", "for my kid"). */
  mentionsKids(): boolean
  /** The gender the message asks for, else the profile's. */
  gender(profileGender?: string): 'men' | 'women' | null
  /** The one option the message describes (by item names, size, colour, status), or null. `without`: a word to ignore. */
  pickByDescription(options: readonly DescribedOption[], opts?: PickOptions, without?: string): string | null
  /** The message contains this name (a product title or alias), compared without spaces, hyphens or case. */
  names(name: string): boolean
  /** `names` for a name already compacted (`compactKey(name)`): a catalog keeps its names' keys. */
  namesKey(key: string): boolean
  /** The numbers the message says ("6798的单子", "the 858 one", "¥1,599"), to match an order by its total. */
  numbersSaid(): number[]
  /** The message has anything besides spaces, hyphens and underscores. */
  hasWords(): boolean
  /** How well the message describes a fault of the shop's graph. */
  faultScore(f: Fault): number
  /** How many symptom concepts of the message none of the fault's wordings has ("wireless" for a plain "won't charge"). */
  faultUncovered(f: Fault): number
  /** Symptom concepts the message names ("won't charge", "no sound"…). */
  symptomConcepts(): Set<string>
  /** The purchase date the message gives (the date said, else the words), resolved with the turn's clock. */
  purchaseDate(now: Date): string | null
  /** Which of these steps (questions or solutions) the message says were answered or already tried. */
  triedSteps(
    steps: readonly string[],
    opts?: { ignore?: readonly string[]; minWords?: number; answers?: boolean },
  ): number[]
  /** How many fixes the customer says they tried that none of `steps` names. */
  triedBeyond(steps: readonly string[], opts?: { ignore?: readonly string[] }): number
  /** Steps that conclude "needs a repair" on a condition this message already describes. */
  repairVerdicts(steps: readonly string[], opts?: { ignore?: readonly string[] }): number[]
  /** The knowledge question without these words (a product name that only picked the order), else the whole message. */
  queryWithout(words: readonly string[]): string
  /**
   * The customer's words, trimmed and cut to `max` characters, to keep in a record (a ticket subject, a
   * return reason, a fault answer). Records are for people; nothing reads them with patterns.
   */
  record(max?: number): string
}

/**
 * Whether the compacted message holds a name key; a key starting or ending in a digit ("501" jeans) only
 * where no other digit touches it, so a phone number "+1 212 555 0199" does not name it.
 */
export function containsKey(compact: string, key: string): boolean {
  if (!/^\d|\d$/.test(key)) return compact.includes(key)
  for (let i = compact.indexOf(key); i >= 0; i = compact.indexOf(key, i + 1)) {
    const before = /^\d/.test(key) && /\d/.test(compact[i - 1] ?? '')
    const after = /\d$/.test(key) && /\d/.test(compact[i + key.length] ?? '')
    if (!before && !after) return true
  }
  return false
}

/** Readings of `text`; `said` is the date the slot extractor found in it, if any. */
export function readMessage(text: string, opts: { date?: string | undefined } = {}): MessageReading {
  const trimmed = text.trim()
  let compact: string | undefined
  const compacted = () => {
    compact ??= compactKey(text)
    return compact
  }
  return {
    questionNeeds: () => detectQuestionNeeds(text),
    recommendRequest: (shop) => parseRecommendRequest(text, shop),
    categoryMention: (categories, earlier) => categoryMention(earlier ?? text, categories),
    categoryMentions: (categories) => categoryMentions(text, categories),
    mentionsKids: () => mentionsKids(text),
    gender: (profileGender) => genderOf(text, profileGender),
    pickByDescription: (options, pick = {}, without) =>
      pickByDescription(
        without !== undefined ? text.toLowerCase().split(without.toLowerCase()).join(' ') : text,
        options,
        pick,
      ),
    names: (name) => compacted().includes(compactKey(name)),
    namesKey: (key) => containsKey(compacted(), key),
    hasWords: () => compacted().length > 0,
    numbersSaid: () =>
      (text.replace(/(\d),(\d{3})/g, '$1$2').match(/(?<![A-Za-z0-9.])\d+(\.\d+)?(?![A-Za-z0-9])/g) ?? []).map(Number),
    faultScore: (f) => faultScore(trimmed, f),
    faultUncovered: (f) => uncoveredConcepts(trimmed, f),
    symptomConcepts: () => symptomConcepts(trimmed),
    purchaseDate: (now) => readPurchaseDate(opts.date ?? trimmed, now),
    triedSteps: (steps, o = {}) => matchTriedSteps(trimmed, steps, o),
    triedBeyond: (steps, o = {}) => triedBeyondSteps(trimmed, steps, o),
    repairVerdicts: (steps, o = {}) => metRepairVerdicts(trimmed, steps, o),
    queryWithout: (words) => {
      let q = text
      for (const w of words) q = q.split(w).join(' ')
      return q.trim() || text
    },
    record: (max) => (max === undefined ? trimmed : trimmed.slice(0, max)),
  }
}
