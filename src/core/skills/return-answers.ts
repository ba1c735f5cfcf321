/**
 * Answers the return flow gives from the shop's rules and the order, beside the request itself: how long
 * the return window still runs ("还剩几天" — the last day and the days left, on the shop's clock), the
 * line picked in an order of several with its refund, how long a refund takes for the payment method the
 * customer names (`shop.settings.returns.refundTiming`), what the activation rule means for a device, and
 * the item named before the order was known ("手表还没拆封" before verifying) kept for when it is.
 */
import { type ReturnTask, taskOf } from '../dialogue/task-state.js'
import type { Order, OrderItem, Product } from '../domain/schemas.js'
import { knowledgeSkill, leadingEntry } from './knowledge-answer.js'
import { mentionedCategory } from './product-mention.js'
import { refundTimingLine } from './refund-timing.js'
import { productTitle } from './resolve-product.js'
import { returnRules } from './shop-rules.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { day, money, say, shopTimeZone } from './text.js'

const DAY = 86_400_000

/** Whole calendar days from `a` to `b` (both YYYY-MM-DD). */
const daysFromTo = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY)

/**
 * "还剩几天": the no-reason window's last day and the days left (today counted as the shop's date), with
 * the item's condition it needs; null outside the window.
 */
export function windowNote(sc: SkillContext, order: Order, itemName: string): string | null {
  const L = sc.locale
  const rules = returnRules(sc.ctx.shop)
  const tz = shopTimeZone(sc.ctx.shop)
  const deliveredAt = order.deliveredAt ?? order.shipment?.events?.slice(-1)[0]?.time
  if (!deliveredAt) return null
  const last = day(new Date(new Date(deliveredAt).getTime() + rules.noReasonDays * DAY).toISOString(), tz)
  const today = day(sc.ctx.now.toISOString(), tz)
  const left = daysFromTo(today, last)
  if (left < 0) return null
  const delivered = day(deliveredAt, tz)
  const leftZh = left === 0 ? '今天是最后一天' : `还剩 ${left} 天${left === 1 ? '（明天截止）' : ''}`
  const leftEn = left === 0 ? 'today is the last day' : `${left} day${left === 1 ? '' : 's'} left`
  return say(
    L,
    `订单 ${order.orderNo} 的${itemName}于 ${delivered} 签收，${rules.noReasonDays} 天无理由退货期到 ${last}，${leftZh}；商品未使用、包装完好即可退。`,
    `${itemName} from order ${order.orderNo} was delivered on ${delivered}: the ${rules.noReasonDays}-day no-reason return window runs until ${last}, ${leftEn}, as long as the item is unused and complete. `,
  )
}

/** "那台G7想退 16寸那台留着": the line picked in an order of several, with what it refunds. */
export function lineNote(sc: SkillContext, order: Order, item: OrderItem, itemName: string): string {
  if (order.items.length < 2) return ''
  const amount = money(item.price * item.qty, order.currency)
  return say(
    sc.locale,
    `订单 ${order.orderNo} 共 ${order.items.length} 件商品，只退${itemName} ×${item.qty}（${amount}），其余商品不受影响。`,
    `Order ${order.orderNo} has ${order.items.length} items; only ${itemName} ×${item.qty} (${amount}) goes back, the rest stay with you. `,
  )
}

/** Remembers the kind of item a return names while the order is not known yet. */
export async function rememberNamedItem(sc: SkillContext, t: ReturnTask): Promise<void> {
  if (t.sku || t.itemCategories) return
  const m = await mentionedCategory(sc)
  if (m && m.categories.length > 0) t.itemCategories = m.categories
}

/** The one line of the order of the kind named before the order was known, or null. */
export async function lineOfNamedKind(sc: SkillContext, t: ReturnTask, items: OrderItem[]): Promise<OrderItem | null> {
  const cats = t.itemCategories
  if (!cats || cats.length === 0 || items.length < 2) return null
  const hits: OrderItem[] = []
  for (const i of items) {
    const p = await sc.ctx.store.products.get(sc.ctx.shop.id, i.sku)
    if (p && cats.some((c) => p.category === c || p.category.startsWith(`${c}/`))) hits.push(i)
  }
  return hits.length === 1 ? hits[0]! : null
}

/**
 * "就开了个机登了下账号 这也算激活？": the shop's activation rule for the device of the order in context
 * (its non-returnable rule) with the FAQ entry explaining it, and the quality route that stays open.
 */
export async function activationAnswer(sc: SkillContext, order: Order | null): Promise<SkillResult> {
  const L = sc.locale
  const rules = returnRules(sc.ctx.shop)
  let product: Product | null = null
  for (const i of order?.items ?? []) {
    const p = await sc.ctx.store.products.get(sc.ctx.shop.id, i.sku)
    if (p && rules.nonReturnable.some((r) => r.onlyIfOpened && p.category.startsWith(r.category))) product = p
  }
  const rule = product ? rules.nonReturnable.find((r) => product.category.startsWith(r.category)) : undefined
  const head = rule
    ? say(
        L,
        `${productTitle(product!, L)}：${rule.reasonZh}。开机并登录账号后设备即已激活，所以不能按无理由退货处理。如果有质量问题，签收 ${rules.qualityIssueDays} 天内仍可退换，请告诉我具体问题。\n`,
        `${productTitle(product!, L)}: ${rule.reasonEn}. Switching it on and signing in activates the device, so it can't go back as a no-reason return. If it has a quality problem, it can still be returned within ${rules.qualityIssueDays} days of delivery: tell me what's wrong.\n`,
      )
    : ''
  const r = await knowledgeSkill(sc, head, { kinds: ['faq'], topicKnown: true })
  if (r.action === 'answer' || !head) return { ...r, reason: `return_activation_rule_${r.reason}` }
  return { replies: [{ text: head.trim() }], action: 'answer', reason: 'return_activation_rule', done: true }
}

/**
 * "yes please, it was paid with my mastercard, how long?" about a parcel the carrier reported lost: the
 * refund of a lost parcel is arranged by staff (they confirm with the carrier), so the bot says what is
 * refunded and how long it takes for that method, and hands the conversation over.
 */
export function lostParcelRefund(sc: SkillContext, order: Order): SkillResult {
  const timing = refundTimingLine(sc, sc.returnFacts.paidWith)
  const amount = money(order.total, order.currency)
  const text = say(
    sc.locale,
    `好的，订单 ${order.orderNo} 的包裹运输中出了问题，我们为您全额退款 ${amount}（由客服和快递核实后发起）。${timing ?? ''}我已为您转接人工客服办理，请稍候。`,
    `OK: order ${order.orderNo}'s parcel ran into trouble in transit, so we refund the full ${amount} (our staff issue it once they've confirmed with the carrier). ${timing ? `${timing} ` : ''}I've passed you to a human agent to arrange it; please hold on.`,
  )
  return { ...done(sc, [{ text }], 'handoff', 'lost_parcel_refund_to_agent'), handoff: true }
}

/**
 * "要我自己寄吗", "do I pay the postage?" right after a return was filed: a question about that return,
 * answered from the shop's FAQ under its number — not a new return started.
 */
export async function askedAboutFiledReturn(sc: SkillContext): Promise<SkillResult | null> {
  const id = sc.state.slots.returnId
  const f = sc.returnFacts
  if (typeof id !== 'string' || !sc.signals.question || sc.state.awaiting) return null
  if (f.reason || f.kind || f.asksWindow || f.returnNow || sc.extracted.order || sc.extracted.sku) return null
  const head = say(sc.locale, `关于退货单 ${id}：`, `About return ${id}: `)
  const r = await knowledgeSkill(sc, head, { kinds: ['faq'], topicKnown: true })
  return r.action === 'answer' ? { ...r, reason: `return_filed_question_${r.reason}` } : null
}

/**
 * A question (not a yes or no) while a return waits for confirmation: the FAQ's answer to it, with the
 * request kept open for the yes. Null when it is no question or the FAQ has no confident answer.
 */
export async function sideQuestionAtConfirm(sc: SkillContext): Promise<SkillResult | null> {
  if (sc.state.awaiting !== 'confirm' || sc.answeredAwaiting || !sc.signals.question || sc.extracted.order) return null
  // "算了不换了 直接退能退多少": the request itself changes, which is no side question.
  const f = sc.returnFacts
  if (
    sc.cues.dropsRequest ||
    sc.signals.deny ||
    sc.signals.correction ||
    f.kind !== null ||
    f.returnNow ||
    f.reason !== null
  )
    return null
  // Asked inside a return, the question is about the return: its kind joins the search.
  const exchange = taskOf(sc.state, 'return_refund').kind === 'exchange'
  const topic = exchange ? say(sc.locale, '换货', 'exchange') : say(sc.locale, '退货', 'return')
  const kb = await sc.ctx.knowledge.answer(`${sc.understanding.query} ${topic}`, { locale: sc.locale, kinds: ['faq'] })
  const hit = kb.status === 'answer' ? kb.hit : kb.status === 'clarify' ? leadingEntry(kb.candidates) : undefined
  if (!hit) return null
  const reminder = say(
    sc.locale,
    '需要提交申请的话，回复“确认”即可。',
    'Reply "yes" when you want me to submit the request.',
  )
  return {
    replies: [{ text: `${hit.answer}\n${reminder}` }],
    action: 'answer',
    reason: `return_side_question_${hit.kind}:${hit.id}`,
    done: false,
  }
}
