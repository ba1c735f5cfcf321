/**
 * "If the watch turns out faulty after it arrives, do I get a new one or a repair?", "这种是换新还是寄修",
 * "寄修要多久能回来": a question about the after-sales route, not a symptom. Answered with the shop's
 * replacement window and the product's warranty for the customer's own device (the one named, the
 * flow's, or their only one); no diagnosis is started.
 */
import { noTask } from '../dialogue/task-state.js'
import { coveredBy, ownedDevices } from './fault-devices.js'
import { faultPolicyText } from './fault-policy.js'
import { mentionedCategory } from './product-mention.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'

export async function faultPolicyTurn(sc: SkillContext): Promise<SkillResult> {
  const { store, shop } = sc.ctx
  const faultCats = new Set((await store.faults.list(shop.id)).map((f) => f.category))
  const owned = await ownedDevices(sc, faultCats)
  const mention = await mentionedCategory(sc)
  const slots = sc.state.slots
  const named = typeof slots.sku === 'string' ? slots.sku : undefined
  const ofMention = (category: string) =>
    mention?.categories.some((c) => c === category || coveredBy(category, new Set([c]))) ?? false
  const mine =
    owned.find((o) => o.product.sku === named && (!slots.order || o.order.orderNo === slots.order)) ??
    owned.find((o) => o.product.sku === named) ??
    (mention ? owned.find((o) => ofMention(o.product.category)) : owned.length === 1 ? owned[0] : undefined)
  if (mine) {
    slots.order = mine.order.orderNo
    slots.sku = mine.product.sku
  }
  sc.state.task = noTask()
  const text = await faultPolicyText(sc, mine?.product ?? null, mine?.order ?? null)
  return done(sc, [{ text }], 'answer', 'fault_policy_answer')
}
