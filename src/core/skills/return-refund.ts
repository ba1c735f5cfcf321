/**
 * Return / refund / exchange. Eligibility comes from the shop's return rules (data, see shop-rules.ts):
 * no-reason window from delivery, longer window for quality problems, non-returnable categories
 * (underwear always, cosmetics once opened). Collects the item, kind and reason, confirms, then creates
 * a ReturnRequest with a number and instructions — after the shop's system of record (the commerce
 * port) accepted the request; a refusal is said honestly and ticketed. Also answers "where is my refund?".
 */
import { noTask, type ReturnTaskReason, taskOf } from '../dialogue/task-state.js'
import type { ReturnRequest } from '../domain/records.js'
import type { Product } from '../domain/schemas.js'
import type { ReturnReason } from '../nlu/detect-return-facts.js'
import { cancelOrderSkill } from './cancel-order.js'
import { actOnOrder, commerceOf, platformFailure } from './commerce-action.js'
import { lineDescribed } from './describe-order-lines.js'
import { orderStatusSkill, shipmentProblem } from './order-status.js'
import { daysBetween, RR_STATUS, refundStatus } from './refund-status.js'
import { applyOrderReference, mentionedItem, resolveOrder } from './resolve-order.js'
import { productTitle } from './resolve-product.js'
import {
  activationAnswer,
  askedAboutFiledReturn,
  lineNote,
  lineOfNamedKind,
  rememberNamedItem,
  sideQuestionAtConfirm,
  windowNote,
} from './return-answers.js'
import {
  exchangeForOtherProduct,
  exchangeOutOfStock,
  ineligible,
  sealedPastWindow,
  usedRefusal,
  warrantyLeft,
} from './return-eligibility.js'
import { returnRulesAnswer } from './return-rules-answer.js'
import { returnableOrdersAnswer } from './returnable-orders.js'
import { returnRules } from './shop-rules.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { day, money, say, shopTimeZone, yesNo } from './text.js'
import { ticketsOf } from './tickets-of.js'

const REASONS: Array<{ key: string; zh: string; en: string }> = [
  { key: 'size', zh: '尺码不合适', en: "Size doesn't fit" },
  { key: 'dislike', zh: '不喜欢/不想要了', en: "Don't like it / changed my mind" },
  { key: 'quality', zh: '质量问题', en: 'Quality problem' },
  { key: 'wrong', zh: '发错货', en: 'Wrong item sent' },
]

/** Quality and wrong-item reasons follow the quality rules (longer window, the shop pays shipping). */
function reasonKey(r: ReturnReason): ReturnTaskReason {
  return r === 'wrong_item' ? 'quality' : r
}

/**
 * "also can I still return the canvas sneakers?" after a question about another order: an item the
 * message names that the order carried over does not hold means another order, found by the item.
 */
async function dropOrderOfOtherItem(sc: SkillContext): Promise<void> {
  const slot = sc.state.slots.order
  if (typeof slot !== 'string' || sc.extracted.order || sc.state.awaiting) return
  const item = await mentionedItem(sc)
  if (!item) return
  const o = await sc.ctx.store.orders.get(sc.ctx.shop.id, slot)
  if (!o || o.items.some((i) => item.matches(i) || item.near?.(i))) return
  delete sc.state.slots.order
  delete sc.state.slots.sku
}

/** The return / refund / exchange skill. */
export async function returnSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const facts = sc.returnFacts
  const t = taskOf(sc.state, 'return_refund')
  // "我是银行卡付的" in a refund conversation: the refund and how long it takes for that method.
  const paidWithOnly = facts.paidWith !== null && facts.reason === null && facts.kind === null
  if (!sc.state.awaiting && (facts.asksStatus || paidWithOnly)) return refundStatus(sc)
  // "退货寄到哪里呀", a visitor's "can I return shoes I wore once?": the shop's rules, no order needed.
  const byRules = await returnRulesAnswer(sc)
  if (byRules) return byRules
  const returnable = await returnableOrdersAnswer(sc)
  if (returnable) return returnable
  const aboutFiled = await askedAboutFiledReturn(sc)
  if (aboutFiled) return aboutFiled
  if (!sc.state.awaiting && facts.asksActivationRule) {
    const no = sc.extracted.order ?? sc.state.slots.order
    return activationAnswer(sc, typeof no === 'string' ? await sc.ctx.store.orders.get(sc.ctx.shop.id, no) : null)
  }
  if (sc.state.awaiting === 'confirm' && sc.answeredAwaiting && sc.signals.deny) {
    sc.state.task = noTask()
    return done(
      sc,
      [{ text: say(L, '好的，不提交退货申请。', "OK, I won't submit the return.") }],
      'answer',
      'return_declined',
    )
  }
  if (!t.kind && facts.kind) t.kind = facts.kind
  // A reason said up front ("颜色不喜欢", "M码大了", "坏了") is not asked again.
  if (!t.reason && facts.reason) {
    t.reason = reasonKey(facts.reason)
    t.reasonText = sc.understanding.read.record(200)
  }
  if (t.opened === undefined && facts.opened !== null) t.opened = facts.opened
  if (facts.used) t.used = true
  applyOrderReference(sc)
  await dropOrderOfOtherItem(sc)
  await rememberNamedItem(sc, t)
  const rules = returnRules(sc.ctx.shop)
  const r = await resolveOrder(sc, {
    purpose: 'return_refund',
    // Orders past every return window cannot be returned: offer the ones that still can first.
    prefer: (o) =>
      (o.status === 'delivered' || o.status === 'completed') &&
      daysBetween(o.deliveredAt ?? o.createdAt, sc.ctx.now) <=
        Math.max(rules.noReasonDays, rules.qualityIssueDays, rules.exchangeDays),
    byItem: true,
  })
  if ('result' in r) return r.result
  const order = r.order
  const extra = r.customerId ? { customerId: r.customerId } : {}
  const no = order.orderNo
  if (order.status === 'pending_payment' || order.status === 'paid') {
    // "没货就直接退钱吧", "今天再不发我就退了": an order that has not shipped is cancelled, not returned — the
    // cancellation (with its refund) is offered for confirmation at once, and a "yes" carries it out.
    sc.state.activeIntent = 'cancel_order'
    sc.state.lastIntent = 'cancel_order'
    sc.state.task = { flow: 'cancel_order' }
    const c = await cancelOrderSkill(sc)
    const lead = say(
      L,
      `订单 ${no} 还没有发货，不需要退货，直接取消即可。`,
      `Order ${no} hasn't shipped yet, so no return is needed: it can simply be cancelled. `,
    )
    const [first, ...rest] = c.replies
    const replies = first ? [{ ...first, text: `${lead}${L === 'zh' ? '\n' : ''}${first.text}` }, ...rest] : c.replies
    return { ...c, replies, reason: `return_not_needed_${order.status}_${c.reason}` }
  }
  // A parcel the carrier reported lost or damaged is not a return: apologise and give the next step.
  if (order.status === 'shipped' && shipmentProblem(order, sc.ctx.now) === 'exception') return orderStatusSkill(sc)
  if (order.status === 'shipped')
    return ineligible(
      sc,
      say(
        L,
        `订单 ${no} 还在运输途中。您可以在派送时拒收，包裹退回后全额退款（${money(order.total, order.currency)}）；或签收后再申请退货。`,
        `Order ${no} is still on its way. You can refuse it on delivery for a full refund (${money(order.total, order.currency)}), or request a return once it arrives.`,
      ),
      'return_in_transit_offer_refusal',
    )
  if (order.status === 'cancelled' || order.status === 'refunding' || order.status === 'refunded')
    return refundStatus(sc)

  // Which item (when the order has several).
  if (!t.sku) {
    const slotSku = typeof sc.state.slots.sku === 'string' ? sc.state.slots.sku : undefined
    const bySlot = slotSku ? order.items.find((i) => i.sku === slotSku) : undefined
    if (order.items.length === 1) t.sku = order.items[0]!.sku
    else if (bySlot) t.sku = bySlot.sku
    else if (
      sc.signals.ordinal !== null &&
      (sc.state.awaiting === 'item' ||
        (sc.state.candidates?.kind === 'product' && order.items.every((i) => sc.state.candidates?.ids.includes(i.sku))))
    ) {
      const it = sc.signals.ordinal === -1 ? order.items[order.items.length - 1] : order.items[sc.signals.ordinal]
      if (it) t.sku = it.sku
    }
    // "手表还没拆封" said before the order was known: that kind of line.
    if (!t.sku) t.sku = (await lineOfNamedKind(sc, t, order.items))?.sku
    // "那套硅胶铲子没拆 退了": the line the words describe (its title or the product's aliases).
    if (!t.sku) t.sku = (await lineDescribed(sc, order.items))?.sku
    if (!t.sku) {
      sc.state.candidates = { kind: 'product', ids: order.items.map((i) => i.sku) }
      return ask(
        sc,
        'item',
        {
          text: say(L, `订单 ${no} 里有多件商品，要退哪一件？`, `Order ${no} has several items. Which one?`),
          buttons: order.items.map((i, k) => ({
            label: `${k + 1}. ${i.title ?? i.sku}${i.size ? ` ${i.size}` : ''}`,
            payload: L === 'zh' ? `第${k + 1}件` : (['first', 'second', 'third', 'fourth', 'fifth'][k] ?? `${k + 1}`),
          })),
        },
        'return_ask_item',
      )
    }
  }
  const item = order.items.find((i) => i.sku === t.sku) ?? order.items[0]!
  const product: Product | null = await sc.ctx.store.products.get(sc.ctx.shop.id, item.sku)
  // The item's name in the customer's language (the catalog's English title for an English conversation).
  const itemName = product ? productTitle(product, L) : (item.title ?? item.sku)

  if (t.kind === 'exchange') {
    const other = await exchangeForOtherProduct(sc, order, item, product, itemName)
    if (other) return other
  }
  const deliveredAt = order.deliveredAt ?? order.shipment?.events?.slice(-1)[0]?.time ?? order.createdAt
  const age = daysBetween(deliveredAt, sc.ctx.now)
  // Reason (quality problems change the rules, so it is collected before eligibility) — asked only
  // when it decides something: an unused item inside the no-reason window needs none.
  if (!t.reason && sc.state.awaiting === 'reason' && sc.answeredAwaiting) {
    t.reason = facts.reason ? reasonKey(facts.reason) : 'other'
    t.reasonText = sc.understanding.read.record(200)
  }
  // Unopened, or asked how long the window still runs ("还剩几天"): inside it no reason is needed.
  if (!t.reason && (t.opened === false || facts.asksWindow) && age <= rules.noReasonDays) t.reason = 'no_reason'
  // The window's last day when asked, and the line picked in an order of several, head what is asked next.
  const note = `${facts.asksWindow ? (windowNote(sc, order, itemName) ?? '') : ''}${lineNote(sc, order, item, itemName)}`
  const delivered = day(deliveredAt, shopTimeZone(sc.ctx.shop))
  const until = (days: number) =>
    day(new Date(new Date(deliveredAt).getTime() + days * 86_400_000).toISOString(), shopTimeZone(sc.ctx.shop))
  // Past every window the policy has already decided, whatever the reason: say so with the dates
  // (and the warranty repair route for an item that has one) instead of asking why.
  const lastWindow = Math.max(rules.noReasonDays, rules.qualityIssueDays, rules.exchangeDays)
  if (age > lastWindow && (!t.reason || t.reason !== 'quality')) {
    const warranty = await warrantyLeft(sc, product, deliveredAt)
    return ineligible(
      sc,
      say(
        L,
        `订单 ${no} 的${itemName}于 ${delivered} 签收，已 ${age} 天：${rules.noReasonDays} 天无理由退货期（至 ${until(rules.noReasonDays)}）和 ${rules.qualityIssueDays} 天质量问题退换期（至 ${until(rules.qualityIssueDays)}）都已结束，所以无法退货。${warranty ? `商品仍在保修期内（至 ${warranty}），如有故障可以申请保修维修。` : ''}`,
        `${itemName} from order ${no} was delivered on ${delivered}, ${age} days ago: both the ${rules.noReasonDays}-day no-reason return window (until ${until(rules.noReasonDays)}) and the ${rules.qualityIssueDays}-day window for quality problems (until ${until(rules.qualityIssueDays)}) have ended, so it can't be returned.${warranty ? ` It is still under warranty until ${warranty}: if it's faulty, we can arrange a repair.` : ''}`,
      ),
      'return_refused_all_windows_expired',
    )
  }
  // Opened / activated / used and no fault named: the policy already refuses a no-reason return, so
  // say so (and how a quality problem is handled) instead of asking why.
  // An exchange of an item its category takes back only unopened ("睫毛膏试了一次 能换成棕色的吗") is
  // refused the same way: a free exchange is a return of the item too.
  if (!t.reason && product) {
    const refusal = usedRefusal(
      sc,
      product,
      itemName,
      t.kind === 'exchange' ? { opened: t.opened === true || t.used === true, exchange: true } : t,
    )
    if (refusal) return refusal
  }
  // Past the no-reason window with the item still sealed ("还没拆封 今天还能退不"): no fault to describe,
  // so the answer is the window's end and the quality route, not a question about a problem.
  if (!t.reason && t.opened === false && age > rules.noReasonDays && age <= rules.qualityIssueDays)
    return sealedPastWindow(sc, no, itemName, deliveredAt)
  if (!t.reason && age > rules.noReasonDays && age <= rules.qualityIssueDays && t.kind !== 'exchange') {
    return ask(
      sc,
      'reason',
      {
        text: say(
          L,
          `订单 ${no} 已签收 ${age} 天，超过了 ${rules.noReasonDays} 天无理由退货期；如果${itemName}有质量问题，签收 ${rules.qualityIssueDays} 天内仍可退换，请描述一下问题。`,
          `Order ${no} was delivered ${age} days ago, past the ${rules.noReasonDays}-day no-reason return window; if ${itemName} has a quality problem it can still be returned within ${rules.qualityIssueDays} days of delivery — please describe the problem.`,
        ),
      },
      'return_window_quality_only',
    )
  }
  if (!t.reason) {
    return ask(
      sc,
      'reason',
      {
        text: note + say(L, `请问${itemName}为什么要退换呢？`, `Why would you like to return ${itemName}?`),
        buttons: REASONS.map((x) => ({ label: L === 'zh' ? x.zh : x.en, payload: L === 'zh' ? x.zh : x.en })),
      },
      'return_ask_reason',
    )
  }
  const quality = t.reason === 'quality'
  const kind: ReturnRequest['kind'] = t.kind ?? 'return'
  const window = quality ? rules.qualityIssueDays : kind === 'exchange' ? rules.exchangeDays : rules.noReasonDays
  if (age > window)
    return ineligible(
      sc,
      quality
        ? say(
            L,
            `订单 ${no} 于 ${delivered} 签收，已 ${age} 天，超过了质量问题 ${window} 天退换期（至 ${until(window)}）。商品仍在保修期内的话可以申请保修维修。`,
            `Order ${no} was delivered on ${delivered}, ${age} days ago, past the ${window}-day window for quality returns (until ${until(window)}). If it's under warranty, we can arrange a repair instead.`,
          )
        : say(
            L,
            `订单 ${no} 于 ${delivered} 签收，已 ${age} 天，超过了 ${window} 天${kind === 'exchange' ? '换货' : '无理由退货'}期限（至 ${until(window)}），无法办理。${age <= rules.qualityIssueDays ? `如果商品有质量问题，签收 ${rules.qualityIssueDays} 天内（至 ${until(rules.qualityIssueDays)}）仍可退换，请告诉我具体情况。` : ''}`,
            `Order ${no} was delivered on ${delivered}, ${age} days ago, past the ${window}-day ${kind === 'exchange' ? 'exchange' : 'no-reason return'} window (until ${until(window)}).${age <= rules.qualityIssueDays ? ` If the item is faulty, it can still be returned until ${until(rules.qualityIssueDays)}: tell me what's wrong.` : ''}`,
          ),
      quality ? 'return_refused_quality_window' : 'return_refused_window_expired',
    )
  if (!quality && product) {
    for (const rule of rules.nonReturnable) {
      if (!(product.category === rule.category || product.category.startsWith(`${rule.category}/`))) continue
      if (rule.onlyIfOpened) {
        let opened: boolean | undefined = typeof t.opened === 'boolean' ? t.opened : undefined
        if (opened === undefined && sc.state.awaiting === 'opened' && sc.answeredAwaiting) opened = sc.signals.affirm
        if (opened === undefined)
          return ask(
            sc,
            'opened',
            {
              text: note + say(L, `请问${itemName}已经拆封使用了吗？`, `Has ${itemName} been opened or used?`),
              buttons:
                L === 'zh'
                  ? [
                      { label: '已拆封', payload: '拆封了' },
                      { label: '未拆封', payload: '没拆封' },
                    ]
                  : [
                      { label: 'Opened', payload: 'opened' },
                      { label: 'Unopened', payload: 'unopened' },
                    ],
            },
            'return_ask_opened',
          )
        t.opened = opened
        if (!opened) continue
      }
      return ineligible(
        sc,
        say(
          L,
          `抱歉，${rule.reasonZh}，所以${itemName}无法退换。`,
          `Sorry, ${rule.reasonEn}, so ${itemName} can't be returned.`,
        ),
        `return_refused_category_${rule.category}`,
      )
    }
  }
  if (!quality && kind !== 'exchange' && product) {
    const refusal = usedRefusal(sc, product, itemName, t)
    if (refusal) return refusal
  }
  const existing = (await sc.ctx.store.returns.listByOrder(sc.ctx.shop.id, no)).find(
    (x) => x.items.some((i) => i.sku === item.sku) && x.status !== 'rejected',
  )
  if (existing) {
    sc.state.task = noTask()
    return done(
      sc,
      [
        {
          text: say(
            L,
            `这件商品已有退货单 ${existing.id}，状态：${RR_STATUS[existing.status][0]}，无需重复申请。`,
            `There's already a return ${existing.id} for this item (${RR_STATUS[existing.status][1]}); no need to request another.`,
          ),
        },
      ],
      'answer',
      'return_already_requested',
      extra,
    )
  }
  if (kind === 'exchange' && product && !(sc.state.awaiting === 'confirm' && sc.answeredAwaiting)) {
    const noStock = exchangeOutOfStock(sc, product)
    if (noStock) {
      // Nothing to exchange it for: offer the return instead (the reason said still holds).
      delete t.kind
      const back = item.price * item.qty
      return ask(
        sc,
        'confirm',
        {
          text: say(
            L,
            `抱歉，${itemName}${noStock.size ? ` ${noStock.size}码` : ''}目前缺货，没法换货。可以改为退货退款，退款 ${money(back, order.currency)}，需要为订单 ${no} 申请退货吗？`,
            `Sorry, ${itemName}${noStock.size ? ` in ${noStock.size}` : ''} is out of stock, so it can't be exchanged. I can make it a return instead, refunding ${money(back, order.currency)}. Shall I request a return on order ${no}?`,
          ),
          buttons: yesNo(L),
        },
        'return_exchange_out_of_stock_offer_return',
      )
    }
  }
  const refund = kind === 'exchange' ? 0 : item.price * item.qty
  const kindLabel =
    kind === 'exchange'
      ? say(L, '换货', 'exchange')
      : kind === 'refund_only'
        ? say(L, '仅退款', 'refund')
        : say(L, '退货退款', 'return')
  const yes = sc.signals.affirm || (facts.returnNow && kind !== 'exchange')
  // "对 没拆封 退吧": the answer to our own last question (opened? reason?) ends by telling us to go
  // ahead; every fact is in, so the return is filed rather than asked about once more.
  const decided =
    facts.returnNow &&
    kind !== 'exchange' &&
    sc.answeredAwaiting &&
    sc.state.awaiting != null &&
    sc.state.awaiting !== 'confirm'
  if (!decided && !(sc.state.awaiting === 'confirm' && sc.answeredAwaiting && yes)) {
    // "来回运费要我出吗" while the request waits for a yes: the shop's answer, and the request stays open.
    const side = await sideQuestionAtConfirm(sc)
    if (side) return side
    return ask(
      sc,
      'confirm',
      {
        text: say(
          L,
          `${note}符合退换条件。确认为订单 ${no} 的${itemName} ×${item.qty} 申请${kindLabel}${refund ? `，退款 ${money(refund, order.currency)}` : ''}吗？`,
          `${note}This item qualifies. Submit a ${kindLabel} for ${itemName} ×${item.qty} from order ${no}${refund ? ` (refund ${money(refund, order.currency)})` : ''}?`,
        ),
        buttons: yesNo(L),
      },
      'return_confirm',
    )
  }
  const nowIso = sc.ctx.now.toISOString()
  const rr: ReturnRequest = {
    id: sc.ctx.newId('RR'),
    shopId: sc.ctx.shop.id,
    orderNo: no,
    customerId: order.customerId,
    kind,
    reason: String(t.reasonText ?? t.reason ?? 'other'),
    status: 'requested',
    items: [{ sku: item.sku, qty: item.qty }],
    refundAmount: refund,
    createdAt: nowIso,
    updatedAt: nowIso,
  }
  // The shop's system of record hears of the request first; kefu records it only once accepted.
  const platform = await actOnOrder(sc, (c) =>
    c.requestReturn(order, {
      items: rr.items.map((i) => ({ sku: i.sku, quantity: i.qty })),
      reason: String(t.reason ?? 'other') + (t.reasonText ? `: ${String(t.reasonText)}` : ''),
      kind: kind === 'refund_only' ? 'refund' : kind,
      kefuReturnId: rr.id,
    }),
  )
  if (!platform.ok)
    return platformFailure(sc, order, 'return', platform, {
      requested: { returnId: rr.id, kind, sku: item.sku, qty: item.qty, refundAmount: refund },
      extra,
    })
  await sc.ctx.store.transaction(async (tx) => {
    await tx.returns.create(rr)
    await tx.events.append({
      id: sc.ctx.newId('evt'),
      shopId: sc.ctx.shop.id,
      type: 'return.requested',
      conversationId: sc.ctx.conversation.id,
      data: {
        returnId: rr.id,
        orderNo: no,
        kind,
        reason: rr.reason,
        refundAmount: refund,
        platform: commerceOf(sc).platform,
        ...(platform.externalId ? { externalId: platform.externalId } : {}),
      },
      createdAt: nowIso,
    })
  })
  const freeShipping = quality || !rules.customerPaysShipping
  // Where to send the parcel comes from the shop's settings only. A shop without a configured
  // return address gets a ticket: an agent sends the address, the bot never makes one up.
  const addressTicket = rules.returnAddress
    ? null
    : await ticketsOf(sc).create(sc.ctx.shop, {
        conversationId: sc.ctx.conversation.id,
        customerId: order.customerId,
        category: 'after_sales',
        priority: 'normal',
        subject: `${say(L, '发送退货地址', 'Send the return address')}: ${rr.id} (${no})`,
        data: { returnId: rr.id, orderNo: no, kind, locale: L },
      })
  const sendTo = rules.returnAddress
    ? say(
        L,
        `请在 7 天内将商品（保持完好、附件齐全）寄回：${rules.returnAddress}，并在包裹内写上退货单号。`,
        `Please send the item back (undamaged, with all accessories) within 7 days to: ${rules.returnAddress}, with the return number inside the parcel.`,
      )
    : say(
        L,
        `寄回地址将由客服审核后发送给您（工单 ${addressTicket!.id}），收到前请先保留商品和包装。`,
        `An agent will send you the return address after reviewing the request (ticket ${addressTicket!.id}); please keep the item and its packaging until then.`,
      )
  const text2 = say(
    L,
    `已为您提交${kindLabel}申请，退货单号 ${rr.id}。\n${sendTo}\n${freeShipping ? '运费由我们承担，可选择到付。' : '无理由退货运费需您先行承担。'}${refund ? `仓库收货后 ${rules.refundDays} 个工作日内退款 ${money(refund, order.currency)}。` : '仓库收货后为您发出新商品。'}`,
    `Your ${kindLabel} request is submitted: number ${rr.id}.\n${sendTo}\n${freeShipping ? 'We cover the return shipping.' : 'Return shipping for a no-reason return is paid by you.'} ${refund ? `We refund ${money(refund, order.currency)} within ${rules.refundDays} business days of receiving it.` : "We'll ship the replacement once we receive it."}`,
  )
  sc.state.task = noTask()
  sc.state.slots.returnId = rr.id
  return done(
    sc,
    [{ text: text2, card: { type: 'return', data: { id: rr.id, orderNo: no, kind, refundAmount: refund } } }],
    'execute',
    `return_request_created_${kind}`,
    {
      ...extra,
      returnRequest: { id: rr.id },
      ...(addressTicket
        ? { ticket: { id: addressTicket.id, queue: addressTicket.queue, priority: addressTicket.priority } }
        : {}),
    },
  )
}
