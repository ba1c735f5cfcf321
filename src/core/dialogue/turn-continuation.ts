import type { ExtractedSlots } from '../nlu/extract-slots.js'
import type { SkillContext } from '../skills/skill-types.js'
import type { WorkingState } from './dialogue-state.js'

/** Does this message answer what the bot is waiting for? (Then the active task continues.) */
export function answersAwaiting(awaiting: string, sc: SkillContext): boolean {
  const { extracted: x, signals: s, cues, ctx, state } = sc
  const chars = sc.understanding.chars
  const confidentOther =
    ctx.nlu.confidence >= 0.85 && ctx.nlu.intent !== state.activeIntent && ctx.nlu.intent !== 'out_of_scope'
  switch (awaiting) {
    case 'order':
      return Boolean(x.order) || (s.ordinal !== null && state.candidates?.kind === 'order') || s.correction
    case 'verify':
      return Boolean(x.order || x.phoneLast4)
    case 'phoneLast4':
      return Boolean(x.phoneLast4 || x.order)
    case 'confirm':
    case 'feedback':
    case 'opened':
      return (
        s.affirm ||
        s.deny ||
        (awaiting === 'opened' && sc.returnFacts.opened !== null) ||
        // "照片拍好了 退吧" to "shall I submit the return?": the return asked for is the yes.
        (awaiting === 'confirm' && state.activeIntent === 'return_refund' && sc.returnFacts.returnNow) ||
        // "不是302 是320" to "change the address to …302?": the value put right before the yes.
        (awaiting === 'confirm' && state.activeIntent === 'modify_order' && cues.change.corrects !== null)
      )
    case 'newAddress':
      return cues.addressLike && !(s.question && confidentOther)
    case 'newPhone':
      return Boolean(x.phone)
    case 'field':
      return cues.namesChangeField
    case 'returnKind':
      return cues.namesReturnKind
    case 'reason':
    case 'faultAnswer':
    case 'symptom':
      // A message ending in a question mark is the customer asking, not answering.
      return chars > 0 && !cues.endsWithQuestion && !(s.question && confidentOther)
    case 'deviceModel':
      return Boolean(x.deviceModel || x.sku) || (!s.question && chars <= 40)
    case 'purchase':
      return Boolean(x.order || x.date || cues.dontKnow) || cues.hasDigit
    case 'product':
      return (
        Boolean(x.sku) ||
        (s.ordinal !== null && state.candidates?.kind === 'product') ||
        (!confidentOther && !s.question)
      )
    case 'body':
      return x.heightCm !== undefined || x.weightKg !== undefined || x.chestCm !== undefined || x.waistCm !== undefined
    case 'item':
      return Boolean(x.sku) || s.ordinal !== null
    case 'invoiceTitle':
      return cues.invoice.title !== null || Boolean(cues.invoice.taxId)
    case 'taxId':
      return Boolean(cues.invoice.taxId || cues.invoice.company)
    default:
      return false
  }
}

/**
 * Does this message continue the active fault flow although it answers nothing the bot asked? A safety
 * symptom, a request for repair / replacement now, a report of what was already tried, anything while
 * an urgent case waits for its one question, and "still broken" once the ticket exists.
 */
export function continuesFault(sc: SkillContext): boolean {
  const { state, ctx, signals, policy } = sc
  const cues = ctx.nlu.cues ?? {}
  if (cues.safety || cues.wantsRepairNow) return true
  // "我的快递还是没到" is another topic, not a step that failed.
  const otherTopic =
    ctx.nlu.confidence >= 0.85 && ctx.nlu.intent !== 'after_sales_fault' && ctx.nlu.intent !== 'out_of_scope'
  const tried = Boolean(cues.alreadyTried) && !otherTopic
  const fault = state.task.flow === 'after_sales_fault' ? state.task : null
  // "那我还能先插电用着吗" while a safety case is open: about that device.
  if (fault?.urgent && cues.asksKeepUsing) return true
  if (fault?.ticketId) return signals.deny || tried || ctx.nlu.confidence < policy.intentThreshold
  if (!state.awaiting) return false
  return tried || Boolean(fault?.urgent && !signals.question)
}

export function hasSlotValue(x: ExtractedSlots): boolean {
  return Boolean(x.order || x.sku || x.size || x.color || x.deviceModel)
}

/** Copies extracted values into the slots. */
export function mergeSlots(state: WorkingState, x: ExtractedSlots, awaiting: string | null): void {
  const s = state.slots
  if (x.order) s.order = x.order
  if (x.sku) s.sku = x.sku
  // Two products compared: "the green one" / "the second one" next picks between them.
  if (x.products) state.candidates = { kind: 'product', ids: x.products }
  if (x.size) s.size = x.size
  if (x.color) s.color = x.color
  if (x.deviceModel) s.deviceModel = x.deviceModel
  if (x.heightCm !== undefined) s.heightCm = x.heightCm
  if (x.weightKg !== undefined) s.weightKg = x.weightKg
  if (x.footMm !== undefined) s.footMm = x.footMm
  for (const k of ['chestCm', 'waistCm', 'hipCm'] as const) if (x[k] !== undefined) s[k] = x[k]
  if (x.shoeSize !== undefined) s.shoeSize = x.shoeSize
  if (x.usShoeSize !== undefined) s.usShoeSize = x.usShoeSize
  if (x.phoneLast4) s.phoneLast4 = x.phoneLast4
  if (x.phone && awaiting === 'newPhone') s.phone = x.phone
  if (x.date) s.date = x.date
}

/** Intents about where an order is: a follow-up on one continues the other's thread. */
export const TRACKING = new Set(['order_status', 'logistics'])

export function isFollowUp(sc: SkillContext): boolean {
  const { signals, extracted, ctx, state } = sc
  if (!state.activeIntent) return false
  const short = sc.understanding.chars <= 24
  // "啊？那我咋办" after "it has shipped, it can't be cancelled": the options of the task on the table again.
  if (sc.cues.asksWhatNow && short && !hasSlotValue(extracted) && ctx.nlu.confidence < 0.85) return true
  if (!hasSlotValue(extracted)) {
    // "那还要等多久啊" after a delayed parcel: nothing new is named and the unsure classifier's best
    // guess is the topic already on the table, so it is about the same order.
    const a = state.activeIntent
    // "那明天会不会到": also when the topic is the runner-up of a near tie ("out_of_scope" 0.48, logistics 0.47).
    const runnerUp = ctx.nlu.candidates
      .slice(0, 2)
      .some((c) => c.confidence >= 0.25 && (c.intent === a || (TRACKING.has(c.intent) && TRACKING.has(a))))
    const sameTopic = ctx.nlu.intent === a || (TRACKING.has(ctx.nlu.intent) && TRACKING.has(a)) || runnerUp
    return short && sameTopic && TRACKING.has(a) && ctx.nlu.confidence < sc.policy.intentThreshold
  }
  return (signals.followUp && short) || (short && !signals.question && ctx.nlu.confidence < 0.5)
}

/** Lookup intents a colour / size question about the product in context is filed under by mistake. */
export const VARIANT_FROM = new Set([
  'product_inquiry',
  'recommendation',
  'size_advice',
  'out_of_scope',
  'stock_availability',
])

/**
 * A short "有藏青吗" / "any in black?" naming a colour or size, or "有啥颜色" asking which colours, but no
 * product, while a product is in context.
 */
export function asksVariantOfContext(sc: SkillContext): boolean {
  const { extracted, state } = sc
  return Boolean(
    ((sc.cues.asksVariant && (extracted.color || extracted.size)) || sc.cues.asksWhichColours) &&
      !extracted.sku &&
      !extracted.order &&
      typeof state.slots.sku === 'string' &&
      // "有藏青吗" is short; "does it come in titanium?" says the same in more letters.
      sc.understanding.chars <= (sc.locale === 'en' ? 40 : 16) &&
      VARIANT_FROM.has(sc.ctx.nlu.intent),
  )
}
