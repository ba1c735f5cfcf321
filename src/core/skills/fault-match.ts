/**
 * Which fault of the shop's fault graph a description names, and which one a safety report belongs to.
 */
import type { Fault, Product } from '../domain/schemas.js'
import { coveredBy } from './fault-devices.js'
import { mentionedCategory } from './product-mention.js'
import type { SkillContext } from './skill-types.js'

/** Ranking cost of each symptom concept of the message a fault's wordings do not have. */
const UNCOVERED_COST = 0.1

/** A fault match: one clear fault, several close ones to choose from, or none. */
export type FaultMatch = { fault: Fault } | { close: Fault[] } | null

/**
 * The fault a description names. Knowledge retrieval and the concept-aware `faultScore` both vote (the
 * better of the two counts); a device the message names ("耳机…") restricts the candidates to its
 * faults, and devices the customer owns get a small boost. Several faults within a hair of each other
 * at a middling score are returned for the customer to choose from.
 */
export async function matchFault(sc: SkillContext, owned: Array<{ product: Product }>): Promise<FaultMatch> {
  const { store, shop, knowledge } = sc.ctx
  const read = sc.understanding.read
  const all = await store.faults.list(shop.id)
  const local = all.filter((f) => f.locale === sc.locale)
  const pool = local.length > 0 ? local : all
  const faultCats = new Set(pool.map((f) => f.category))
  const mention = await mentionedCategory(sc)
  // A product named by model ("X1…") decides the device over a category word in the same message.
  const model = sc.extracted.sku ? await store.products.get(shop.id, sc.extracted.sku) : null
  const ownedCats = new Set(owned.map((o) => o.product.category))
  let named =
    model && faultCats.has(model.category)
      ? [model.category]
      : (mention?.categories ?? []).filter((c) => faultCats.has(c))
  // "换过数据线了": a device the customer never bought, named beside devices they own, is likely what they
  // tried with, not what is broken — every fault competes (their own devices keep the small boost).
  if (named.length > 0 && ownedCats.size > 0 && !named.some((c) => ownedCats.has(c))) named = []
  const kscore = new Map<string, number>()
  for (const h of await knowledge.search(sc.understanding.query, { locale: sc.locale, kinds: ['fault'], limit: 5 }))
    kscore.set(h.id, h.score)
  const scored: Array<{ f: Fault; s: number; rank: number }> = []
  for (const f of pool) {
    if (named.length > 0 && !named.includes(f.category)) continue
    const k = kscore.get(f.id)
    let s = Math.max(read.faultScore(f), k !== undefined ? k + 0.05 : 0)
    if (named.length === 0 && ownedCats.has(f.category)) s += 0.05
    // A fault that covers every symptom the customer names ranks above one that misses some, at a near
    // score ("doesn't charge on the wireless pad" is the wireless-charging fault, not "won't charge").
    scored.push({ f, s, rank: s - UNCOVERED_COST * read.faultUncovered(f) })
  }
  scored.sort((a, b) => b.rank - a.rank)
  const top = scored[0]
  if (!top || top.s < 0.4) return null
  // "my phone is broken" names a device, not a symptom: ask what happens instead of guessing.
  if (top.s < 0.65 && read.symptomConcepts().size === 0) return null
  const close = scored.filter((x) => x.s >= top.s - 0.06).slice(0, 3)
  if (top.s < 0.65 && close.length > 1) return { close: close.map((x) => x.f) }
  return { fault: top.f }
}

/**
 * The fault a safety report belongs to, for its queue: the best-matching fault of the device the message
 * names (else of the customer's devices, else any), urgent ones first. Null when the device is one the
 * fault graph does not cover, or nothing fits; the ticket is urgent either way.
 */
export async function safetyFault(
  sc: SkillContext,
  owned: Array<{ product: Product }>,
  faultCats: Set<string>,
): Promise<Fault | null> {
  const { store, shop } = sc.ctx
  const all = await store.faults.list(shop.id)
  const local = all.filter((f) => f.locale === sc.locale)
  const pool = local.length > 0 ? local : all
  const mention = await mentionedCategory(sc)
  if (mention && !mention.categories.some((c) => coveredBy(c, faultCats))) return null
  const named = (mention?.categories ?? []).filter((c) => faultCats.has(c))
  const ownedCats = new Set(owned.map((o) => o.product.category))
  const scope = named.length > 0 ? named : ownedCats.size > 0 ? [...ownedCats] : null
  let best: { f: Fault; s: number } | null = null
  for (const f of pool) {
    if (scope && !scope.includes(f.category)) continue
    const s = sc.understanding.read.faultScore(f) + (f.escalate.priority === 'urgent' ? 1 : 0)
    if (!best || s > best.s) best = { f, s }
  }
  return best && best.s >= (scope ? 0 : 1.2) ? best.f : null
}
