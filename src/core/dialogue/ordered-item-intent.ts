/**
 * A message that names something the customer ordered is about that order line, not a catalog
 * lookup: "取暖器快一个礼拜了还没到" asks where the heater is (not its price), "hey whats up with my
 * heater order" is an order question, "那耳机那单呢" after an order answer asks about the earbuds'
 * order. Decided from the classifier's candidates, the conversation's topic and the customer's own
 * orders — never from the catalog alone.
 */
import type { Intent } from '../nlu/types.js'
import { knownCustomerId, mentionedItem } from '../skills/resolve-order.js'
import type { SkillContext } from '../skills/skill-types.js'

/** Intents that act on one of the customer's orders. */
const ORDER_INTENTS: readonly Intent[] = [
  'logistics',
  'order_status',
  'return_refund',
  'after_sales_fault',
  'cancel_order',
  'modify_order',
  // "砧板那单当时忘开发票了": an invoice question about that order (answered with the order named).
  'invoice_payment',
]
/** Classifier picks a named ordered item can override when the classifier is unsure of them. */
const LOOKUP_INTENTS: readonly Intent[] = [
  'product_inquiry',
  'price_promotion',
  'stock_availability',
  'recommendation',
  'out_of_scope',
  'greeting',
  'complaint',
]

export type OrderedItemRoute = {
  intent: Intent
  reason: 'follow_up_on_ordered_item' | 'ordered_item_named' | 'item_of_current_order'
}

/** Tracking topics: a question about an item of the parcel on the table stays on that parcel. */
const TRACKING: readonly Intent[] = ['order_status', 'logistics']

/**
 * The order intent this turn is about when it names an item the customer ordered, or null.
 * - a follow-up ("那耳机那单呢", "and the one with the serum?") while an order task is active continues it;
 * - otherwise, when the classifier is unsure (or picked a lookup intent) and one of its top candidates is
 *   an order intent, that intent wins.
 */
export async function orderedItemIntent(sc: SkillContext, threshold: number): Promise<OrderedItemRoute | null> {
  const { ctx, state, signals } = sc
  const custId = knownCustomerId(sc)
  if (!custId || sc.extracted.order) return null
  // "can I add the sunscreen to that order?": the item named is what to add, the order is the one in context.
  if (sc.cues.addsToOrder && typeof state.slots.order === 'string') return null
  const nlu = ctx.nlu
  const active = state.activeIntent as Intent | null
  // "折叠屏那个为啥不动了" after a refund question: a follow-up in form, but it asks something of its own
  // (a rule read it, or the classifier is sure of another order intent), so that intent is taken.
  const ownQuestion =
    sc.understanding.intentSource === 'rule' ||
    (ORDER_INTENTS.includes(nlu.intent) && nlu.intent !== active && nlu.confidence >= 0.85)
  const followUp = Boolean(active && ORDER_INTENTS.includes(active) && signals.followUp && !ownQuestion)
  // "嗯 两件T恤也在这个包裹里吧" while tracking an order: an item of that order, whatever lookup the
  // classifier guessed.
  const slot = typeof state.slots.order === 'string' ? state.slots.order : null
  if (active && TRACKING.includes(active) && slot && LOOKUP_INTENTS.includes(nlu.intent) && nlu.confidence < 0.9) {
    const item = await mentionedItem(sc)
    const current = item ? await ctx.store.orders.get(ctx.shop.id, slot) : null
    const others = item
      ? (await ctx.store.orders.listByCustomer(ctx.shop.id, custId)).filter((o) => o.orderNo !== slot)
      : []
    // Only when no other order holds it too ("and the black gym shoes?" may be another parcel).
    if (
      item &&
      current?.customerId === custId &&
      current.items.some(item.matches) &&
      !others.some((o) => o.items.some(item.matches))
    )
      return { intent: active, reason: 'item_of_current_order' }
  }
  const unsure = nlu.confidence < threshold || (LOOKUP_INTENTS.includes(nlu.intent) && nlu.confidence < 0.9)
  const candidate = nlu.candidates.slice(0, 3).find((c) => ORDER_INTENTS.includes(c.intent) && c.confidence >= 0.1)
  // An intent the wording decided (a fit question naming an ordered item) is not unsure.
  const decided = sc.understanding.intentSource === 'rule'
  if (
    !followUp &&
    (decided || (!(unsure && candidate) && !(ORDER_INTENTS.includes(nlu.intent) && nlu.confidence < threshold)))
  )
    return null
  const item = await mentionedItem(sc)
  if (!item) return null
  const orders = await ctx.store.orders.listByCustomer(ctx.shop.id, custId)
  if (!orders.some((o) => o.status !== 'cancelled' && o.items.some(item.matches))) return null
  if (followUp && active) return { intent: active, reason: 'follow_up_on_ordered_item' }
  const intent = ORDER_INTENTS.includes(nlu.intent) ? nlu.intent : candidate!.intent
  return { intent, reason: 'ordered_item_named' }
}
