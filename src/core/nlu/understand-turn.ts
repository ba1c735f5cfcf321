/**
 * The understanding stage of one turn: the classifier's result plus everything the dialogue needs to
 * know about the message — the intent it acts on and where that came from, conversational signals
 * (yes/no, corrections, "the second one"), slot values, return facts and conversational cues. The
 * dialogue manager calls it once per turn; dialogue and skills read only this typed result, never the
 * customer's words (test/architecture/customer-text-patterns.test.ts enforces it).
 */
import { parseProductQuestion } from '../knowledge/answer-product-question.js'
import type { DiscountQuestion } from './detect-discount-question.js'
import { actionCue, angerCue } from './detect-intent-cues.js'
import { describesDeviceFault, ruleIntent } from './detect-intent-rules.js'
import { asksAutoCancel } from './detect-order-intent-rules.js'
import { detectReturnFacts, type ReturnFacts } from './detect-return-facts.js'
import { detectSignals, type Signals } from './detect-signals.js'
import { detectTurnCues, type TurnCues } from './detect-turn-cues.js'
import { type ExtractedSlots, extractSlots } from './extract-slots.js'
import { type MessageReading, readMessage } from './message-reading.js'
import { parseBudget } from './parse-recommend-request.js'
import type { Intent, NluResult } from './types.js'

/** A request to compute a discount ("买两条399的能减多少") is a price question, not a catalog lookup. */
const DISCOUNT_FROM: ReadonlySet<Intent> = new Set<Intent>([
  'product_inquiry',
  'stock_availability',
  'recommendation',
  'out_of_scope',
  'greeting',
])

/** "再加一个99的杯子 最后付多少": with a price or cart amount named, not an order change or an order's status. */
const PRICED_DISCOUNT_FROM: ReadonlySet<Intent> = new Set<Intent>(['modify_order', 'order_status'])

function discountFrom(d: DiscountQuestion, intent: Intent): boolean {
  if (DISCOUNT_FROM.has(intent) || intent === 'price_promotion') return true
  const priced = d.unitPrice !== null || d.cartTotal !== undefined || (d.items?.length ?? 0) > 1
  return priced && PRICED_DISCOUNT_FROM.has(intent)
}

/** Product facts that are not a variant's stock or price ("and how heavy is it", "续航多久"). */
const NOT_SPECS = new Set(['price', 'stock', 'related', 'sizes', 'colours', 'sizeChart'])

/** "is the Book Air 13 in stock? and how heavy is it": a stock question that also asks a spec is a product question. */
function asksSpecs(text: string): boolean {
  const q = parseProductQuestion(text)
  return !q.compare && q.concepts.some((c) => !NOT_SPECS.has(c))
}

/** "铸铁珐琅锅多少钱 有什么颜色": a price asked with another fact of the product is a product question. */
function asksPriceAndMore(text: string, nlu: NluResult): boolean {
  const products = nlu.entities.filter((e) => e.type === 'product')
  if (products.length === 0) return false
  // The product's own name says nothing asked: "声屿 Pro 5 降噪蓝牙耳机多少钱" asks the price only.
  let rest = text
  for (const e of [...products].sort((a, b) => b.start - a.start)) {
    rest =
      rest.slice(e.start, e.end) === e.text
        ? `${rest.slice(0, e.start)} ${rest.slice(e.end)}`
        : rest.replace(e.text, ' ')
  }
  const q = parseProductQuestion(rest)
  return !q.compare && q.concepts.includes('price') && q.concepts.some((c) => c !== 'price' && c !== 'stock')
}

/** "西藏能发货吗 要加运费不", "and my cousin in taipei?": where the shop delivers is a delivery question. */
const SHIPPING_FROM: ReadonlySet<Intent> = new Set<Intent>([
  'price_promotion',
  'out_of_scope',
  'greeting',
  'product_inquiry',
  'recommendation',
])

/**
 * "这单里第二件是啥", "我还没发货的那两单 一共多少钱", "那哪个先到": questions about the customer's orders
 * themselves (the order status answers them), not product, price or promotion questions.
 */
const ORDER_LOOK_FROM: ReadonlySet<Intent> = new Set<Intent>([
  'product_inquiry',
  'price_promotion',
  'out_of_scope',
  'greeting',
  'recommendation',
  'stock_availability',
  'invoice_payment',
  'order_status',
])

function orderLookCue(cues: TurnCues, intent: Intent): Intent | null {
  if (!ORDER_LOOK_FROM.has(intent)) return null
  return cues.itemAt !== null || cues.ordersTotal || cues.asksWhichFirst ? 'order_status' : null
}

/** Where the intent the dialogue acts on came from, before the dialogue's own context routing. */
export type IntentSource = 'classifier' | 'rule'

export type Understanding = {
  /** The NLU result the dialogue acts on: the final intent (a rule may override the classifier) and emotion. */
  nlu: NluResult
  /** What the classifier said, kept apart from the intent acted on. */
  classifier: { intent: Intent; confidence: number }
  intentSource: IntentSource
  signals: Signals
  returnFacts: ReturnFacts
  slots: ExtractedSlots
  cues: TurnCues
  /** The question to search the shop's knowledge (FAQ, products, faults) with: the message. */
  query: string
  /** Length of the message in characters, spaces around it not counted (short replies continue a task). */
  chars: number
  /** Readings that need shop data or are needed only sometimes, computed when asked (message-reading.ts). */
  read: MessageReading
}

/** Intents a "cheapest / most expensive <kind>" question is misread as. */
const RANK_FROM: ReadonlySet<Intent> = new Set<Intent>([
  'product_inquiry',
  'price_promotion',
  'stock_availability',
  'recommendation',
  'out_of_scope',
  'greeting',
])

/** Intents a payment-deadline or points question is misread as ("最晚几点之前要付" is no greeting). */
const PAYMENT_FROM: ReadonlySet<Intent> = new Set<Intent>([
  'out_of_scope',
  'greeting',
  'order_status',
  'cancel_order',
  'complaint',
  'product_inquiry',
  'price_promotion',
])
/** Instalment questions are product or price questions too ("能分期吗" about a product): only from these. */
const INSTALMENT_FROM: ReadonlySet<Intent> = new Set<Intent>(['out_of_scope', 'greeting', 'order_status', 'complaint'])

/**
 * "耳机那单798 我能拿多少积分 啥时候到账": points earned or spent are a payment question, also when its
 * "when does it arrive" reads as a parcel's (the tracking wording rule or the classifier).
 */
function pointsCue(cues: TurnCues, text: string, intent: Intent): Intent | null {
  const q = cues.payment
  if (!q.earns && q.points === null) return null
  return intent === 'logistics' || ruleIntent(text, intent) === 'logistics' ? 'invoice_payment' : null
}

function paymentCue(cues: TurnCues, intent: Intent, text: string): Intent | null {
  const q = cues.payment
  // "啥时候自动取消": the unpaid order's own deadline, which the order status answers (detect-order-intent-rules).
  if (q.deadline && !q.points && !q.instalments && intent === 'order_status' && asksAutoCancel(text)) return null
  // Already a payment question: the wording makes the classifier's unsure pick sure.
  const from = (set: ReadonlySet<Intent>) => intent === 'invoice_payment' || set.has(intent)
  if ((q.deadline || q.points || q.earns) && from(PAYMENT_FROM)) return 'invoice_payment'
  if (q.instalments && from(INSTALMENT_FROM)) return 'invoice_payment'
  // "split it into 3 instalments, how much each?": a number of instalments named is a payment question
  // even when the classifier read a price question.
  if (q.instalments?.count && (intent === 'price_promotion' || intent === 'product_inquiry')) return 'invoice_payment'
  return null
}

/**
 * Understands one message. `awaiting` is what the bot asked for last (it widens what a bare value
 * means: "1234" is the phone's last four digits when the bot asked for them).
 */
export function understandTurn(text: string, nlu: NluResult, opts: { awaiting: string | null }): Understanding {
  let final = nlu
  // Safety net: shouting plus a threat counts as anger even when the emotion model misses it.
  const anger = angerCue(text)
  if (anger > final.emotion.score) final = { ...final, emotion: { score: anger, label: 'angry' } }
  const cues = detectTurnCues(text)
  let cue =
    // Before the wording rules: "那两单一共多少钱" is about the orders, whatever price words it has.
    orderLookCue(cues, final.intent) ??
    pointsCue(cues, text, final.intent) ??
    ruleIntent(text, final.intent) ??
    actionCue(text, final) ??
    (cues.asksShippingPolicy && SHIPPING_FROM.has(final.intent) ? 'logistics' : null) ??
    (cues.discount && !cues.discount.requantify && discountFrom(cues.discount, final.intent)
      ? 'price_promotion'
      : null) ??
    // A price-rule question ("能保价吗", "全场五折是真的吗") is decided by its wording, also when the classifier leaned to it.
    (cues.pricePolicy && (DISCOUNT_FROM.has(final.intent) || final.intent === 'price_promotion')
      ? 'price_promotion'
      : null) ??
    paymentCue(cues, final.intent, text) ??
    // "is it normal that my X2 Pro gets warm when I game?": an unsure fault pick made sure by a named symptom.
    (final.intent === 'after_sales_fault' && final.confidence < 0.6 && describesDeviceFault(text)
      ? 'after_sales_fault'
      : null) ??
    // "你们家最便宜的羽绒服多少钱", "most expensive phone you've got?": a kind of product and an end of its prices,
    // no product named — a product question the catalog's cheapest / dearest of that kind answers (skills/price-rank.ts).
    (cues.priceRank &&
    RANK_FROM.has(final.intent) &&
    !final.entities.some((e) => e.type === 'product' || e.type === 'order_no')
      ? 'product_inquiry'
      : null) ??
    // "两千以内有5G手机吗": a budget and no product named is a search for one, not a product's stock.
    (final.intent === 'stock_availability' &&
    parseBudget(text).max !== undefined &&
    !final.entities.some((e) => e.type === 'product' || e.type === 'order_no')
      ? 'recommendation'
      : null) ??
    (final.intent === 'stock_availability' && asksSpecs(text) ? 'product_inquiry' : null)
  // "铸铁珐琅锅多少钱 有什么颜色": a price question that also asks another fact of the product.
  const priceAndMore =
    (cue ?? final.intent) === 'price_promotion' && !cues.discount && !cues.pricePolicy && asksPriceAndMore(text, final)
  if (priceAndMore) cue = 'product_inquiry'
  if (cue) final = { ...final, intent: cue as Intent, confidence: Math.max(final.confidence, 0.6) }
  const slots = extractSlots(text, final, opts.awaiting)
  return {
    nlu: final,
    classifier: { intent: nlu.intent, confidence: nlu.confidence },
    intentSource: cue ? 'rule' : 'classifier',
    signals: detectSignals(text),
    returnFacts: detectReturnFacts(text),
    slots,
    cues,
    query: text,
    chars: text.trim().length,
    read: readMessage(text, { date: slots.date }),
  }
}
