/**
 * Modify order: address or phone changes, only before shipment, confirmed before writing, audited.
 * The change goes to the shop's system of record first (the commerce port); kefu's copy changes and
 * the customer hears "done" only when it accepted.
 * Item changes (size/colour/quantity) are not done by the bot: it explains the options.
 */
import { noTask, taskOf } from '../dialogue/task-state.js'
import type { Order } from '../domain/schemas.js'
import { canonicalColour } from '../nlu/colours.js'
import { actOnOrder, commerceOf, platformFailure } from './commerce-action.js'
import { writeOrderChange } from './order-audit.js'
import { applyOrderReference, resolveOrder, statusLabel } from './resolve-order.js'
import { returnSkill } from './return-refund.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { say, yesNo } from './text.js'

const MODIFIABLE: Order['status'][] = ['pending_payment', 'paid']
function refuseReason(order: Order, locale: 'zh' | 'en'): string {
  const st = statusLabel(order.status, locale)
  if (order.status === 'shipped')
    return say(
      locale,
      `订单 ${order.orderNo} 已发货，包裹已在运输途中，无法再修改收货信息。您可以在快递派送时联系快递员改派，或拒收后由我们退款再重新下单。`,
      `Order ${order.orderNo} has already shipped, so its delivery details can no longer be changed. You can ask the courier to redirect it when they contact you, or refuse the parcel and we'll refund you so you can order again.`,
    )
  return say(
    locale,
    `订单 ${order.orderNo} 当前状态为“${st}”，只有未发货的订单可以修改收货信息。`,
    `Order ${order.orderNo} is ${st}; only orders that have not shipped yet can have their delivery details changed.`,
  )
}

/**
 * A parcel on its way can no longer be changed in the shop's system, but an address the customer
 * corrects or completes ("加上3栋1单元502") can still reach the courier: an agent takes it over with
 * the new address in the conversation, instead of a refusal that leaves the parcel stuck.
 */
function addressToCourier(sc: SkillContext, order: Order, extra: Partial<SkillResult>): SkillResult {
  const text = say(
    sc.locale,
    `订单 ${order.orderNo} 已发货，系统里不能直接修改地址。我已把您补充的地址信息转给人工客服，由客服联系快递员更正后派送，请稍候。`,
    `Order ${order.orderNo} has already shipped, so I can't change its address in our system. I've passed your address correction to a human agent, who will contact the courier to update the delivery. Please hold on.`,
  )
  return {
    ...done(sc, [{ text }], 'handoff', 'modify_shipped_address_to_agent', extra),
    handoff: true,
  }
}

/** The order's address with the part the customer says is wrong put right, or null when it has no such part. */
function correctedAddress(a: NonNullable<Order['address']>, c: { wrong: string; replacement: string }): string | null {
  if (!a.detail.includes(c.wrong)) return null
  return `${a.region ? `${a.region} ` : ''}${a.detail.replace(c.wrong, c.replacement)}`
}

/**
 * "我好像选成黑色了 帮我改成橙色的" when the line is orange already: the order says so, nothing to change.
 * The colour asked for is the last one the message names; the line is the one named, or the order's only one.
 */
function alreadyThatColour(sc: SkillContext, order: Order): string | null {
  const colours = sc.ctx.nlu.entities.filter((e) => e.type === 'color' && typeof e.value === 'string')
  const target = colours[colours.length - 1]?.value
  if (typeof target !== 'string') return null
  const named = order.items.filter((i) => i.sku === sc.extracted.sku)
  const lines = named.length > 0 ? named : order.items
  const line = lines.length === 1 ? lines[0]! : null
  if (!line?.color || canonicalColour(line.color) !== canonicalColour(target)) return null
  const title = line.title ?? line.sku
  return say(
    sc.locale,
    `订单 ${order.orderNo} 里的「${title}」下单时选的就是${line.color}，无需修改。`,
    `The ${title} in order ${order.orderNo} is already ${line.color}: nothing needs changing.`,
  )
}

/** The modify-order skill. */
export async function modifyOrderSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const change = sc.cues.change
  const t = taskOf(sc.state, 'modify_order')
  if (sc.state.awaiting === 'confirm' && sc.answeredAwaiting && sc.signals.deny) {
    sc.state.task = noTask()
    return done(
      sc,
      [{ text: say(L, '好的，订单信息保持不变。', "OK, I've left the order as it is.") }],
      'answer',
      'modify_declined',
    )
  }
  // "等下 不是302 是320" before saying yes: the new value waiting for confirmation, put right.
  if (
    sc.state.awaiting === 'confirm' &&
    change.corrects &&
    typeof t.newValue === 'string' &&
    t.newValue.includes(change.corrects.wrong)
  )
    t.newValue = t.newValue.replace(change.corrects.wrong, change.corrects.replacement)
  const f = change.field
  // "电饭锅那个也改成一样的": the change just made, on the order named now.
  const last = sc.state.slots.lastChange as { field?: unknown; value?: unknown } | undefined
  if (change.sameAsBefore && !f && typeof t.newValue !== 'string' && typeof last?.value === 'string') {
    if (last.field === 'address' || last.field === 'phone') {
      t.field = last.field
      t.newValue = last.value
    }
  }
  // Once the new value is known (typed earlier, or proposed by the model) the field is settled.
  if (f && typeof t.newValue !== 'string' && !(sc.state.awaiting === 'newAddress' || sc.state.awaiting === 'newPhone'))
    t.field = f
  // "手机那单改成X2 Pro", "换成Watch 4 Pro": the new value is a product, not a phone number — an item change.
  if (
    (t.field === 'phone' || !t.field) &&
    change.introducesValue &&
    !change.sameAsBefore &&
    !sc.extracted.phone &&
    (sc.extracted.sku || sc.extracted.deviceModel)
  )
    t.field = 'items'
  // "帮我改成橙色的", "change it to a 39": a colour or size is an item change.
  if (!t.field && change.introducesValue && !sc.extracted.phone && (sc.extracted.color || sc.extracted.size))
    t.field = 'items'
  // A new value said with the request ("改到朝阳区建国路88号") is kept while the order is found.
  if (!sc.state.awaiting && typeof t.newValue !== 'string') {
    const a = t.field === 'address' ? change.newAddress : null
    if (a && change.introducesValue) t.newValue = a
    if (t.field === 'phone' && sc.extracted.phone) t.newValue = sc.extracted.phone
  }
  applyOrderReference(sc)
  const find = (byItem: boolean) =>
    resolveOrder(sc, {
      purpose: 'modify_order',
      prefer: (o) => MODIFIABLE.includes(o.status),
      // None can still change: the parcel on its way is the one meant, not a finished order.
      thenPrefer: (o) => o.status === 'shipped',
      byItem,
      switchByItem: t.field !== 'items',
    })
  let r = await find(true)
  if ('result' in r && t.field === 'phone' && r.result.reason.startsWith('item_not_in_orders')) {
    // "update the phone on my order": the phone is the field changed, not an item ordered.
    sc.state.awaiting = null
    sc.state.prompt = null
    delete sc.state.candidates
    r = await find(false)
  }
  if ('result' in r) return r.result
  const order = r.order
  const extra = r.customerId ? { customerId: r.customerId } : {}
  if (
    t.field === 'items' &&
    (order.status === 'delivered' || order.status === 'completed') &&
    (sc.returnFacts.kind === 'exchange' || sc.extracted.size || sc.extracted.color)
  ) {
    // "27码小了 能换成28码吗" on a parcel already received: that is an exchange, under the return rules.
    sc.state.task = noTask()
    sc.state.activeIntent = 'return_refund'
    sc.state.lastIntent = 'return_refund'
    return returnSkill(sc)
  }
  if (t.field === 'items') {
    const already = alreadyThatColour(sc, order)
    if (already) return done(sc, [{ text: already }], 'answer', 'modify_items_already_so', extra)
    const text2 = MODIFIABLE.includes(order.status)
      ? say(
          L,
          `订单 ${order.orderNo} 还未发货，但换商品、尺码、颜色或数量都需要重新下单：您可以先取消这个订单（会全额退款），再按需要重新下单；也可以说“转人工”由客服为您处理。`,
          `Order ${order.orderNo} hasn't shipped, but a different item, size, colour or quantity needs a new order: cancel this one (full refund) and order again, or say "human" and an agent will change it for you.`,
        )
      : say(
          L,
          `订单 ${order.orderNo} 当前状态为“${statusLabel(order.status, L)}”，已不能再修改商品、尺码或数量。需要的商品请重新下单；收到后不合适的可以按退换货政策处理。`,
          `Order ${order.orderNo} is ${statusLabel(order.status, L)}, so its items, sizes or quantities can no longer be changed. Please place a new order for what you need; anything that doesn't suit can go back under the returns policy.`,
        )
    return done(
      sc,
      [{ text: text2 }],
      'answer',
      MODIFIABLE.includes(order.status) ? 'modify_items_not_supported' : `modify_refused_${order.status}`,
      extra,
    )
  }
  if (!MODIFIABLE.includes(order.status)) {
    sc.state.task = noTask()
    const corrects = t.field === 'address' && (typeof t.newValue === 'string' || change.newAddress !== null)
    if (order.status === 'shipped' && corrects) return addressToCourier(sc, order, extra)
    return done(sc, [{ text: refuseReason(order, L) }], 'answer', `modify_refused_${order.status}`, extra)
  }
  if ((t.field === 'address' || !t.field) && typeof t.newValue !== 'string' && change.corrects && order.address) {
    // "是中央大街1359号 不是1395", "门牌写错了 是602室": the order's address with the wrong part put right.
    const fixed = correctedAddress(order.address, change.corrects)
    if (fixed) {
      t.field = 'address'
      t.newValue = fixed
    }
  }
  if (!t.field) {
    return ask(
      sc,
      'field',
      {
        text: say(
          L,
          `请问要修改订单 ${order.orderNo} 的什么信息？`,
          `What would you like to change on order ${order.orderNo}?`,
        ),
        buttons:
          L === 'zh'
            ? [
                { label: '收货地址', payload: '修改收货地址' },
                { label: '联系电话', payload: '修改联系电话' },
              ]
            : [
                { label: 'Delivery address', payload: 'change the address' },
                { label: 'Phone number', payload: 'change the phone number' },
              ],
      },
      'modify_ask_field',
    )
  }
  if (t.field === 'address' && typeof t.newValue !== 'string') {
    const a = change.newAddress
    if (a && (sc.state.awaiting === 'newAddress' || change.introducesValue)) t.newValue = a
    else
      return ask(
        sc,
        'newAddress',
        {
          text: say(
            L,
            '请发送新的收货地址（省市区 + 详细地址）。',
            'Please send the new delivery address (street, city, region).',
          ),
        },
        'modify_ask_new_address',
      )
  }
  if (t.field === 'phone' && typeof t.newValue !== 'string') {
    const p = sc.extracted.phone
    if (p) t.newValue = p
    else
      return ask(
        sc,
        'newPhone',
        { text: say(L, '请发送新的联系电话。', 'Please send the new phone number.') },
        'modify_ask_new_phone',
      )
  }
  const label = t.field === 'address' ? say(L, '收货地址', 'delivery address') : say(L, '联系电话', 'phone number')
  if (!(sc.state.awaiting === 'confirm' && sc.answeredAwaiting && sc.signals.affirm)) {
    return ask(
      sc,
      'confirm',
      {
        text: say(
          L,
          `确认将订单 ${order.orderNo} 的${label}修改为：${t.newValue}？`,
          `Change the ${label} of order ${order.orderNo} to: ${t.newValue}?`,
        ),
        buttons: yesNo(L),
      },
      'modify_confirm',
    )
  }
  // Re-read: the order may have shipped while the customer was confirming.
  const fresh = (await sc.ctx.store.orders.get(sc.ctx.shop.id, order.orderNo)) ?? order
  if (!MODIFIABLE.includes(fresh.status)) {
    sc.state.task = noTask()
    return done(sc, [{ text: refuseReason(fresh, L) }], 'answer', `modify_refused_${fresh.status}`, extra)
  }
  const before = fresh.address ?? {
    name: sc.customer?.name ?? '-',
    phone: sc.customer?.phone ?? '-',
    region: '',
    detail: '-',
  }
  const after =
    t.field === 'address'
      ? { ...before, region: '', detail: String(t.newValue) }
      : { ...before, phone: String(t.newValue) }
  const result = await actOnOrder(sc, (c) => c.updateShippingAddress(fresh, after))
  if (!result.ok) return platformFailure(sc, fresh, 'address', result, { requested: { field: t.field, after }, extra })
  await writeOrderChange(
    sc,
    fresh,
    { address: after },
    'order.modified',
    { field: t.field, before, after, platform: commerceOf(sc).platform },
    result.order,
  )
  sc.state.task = noTask()
  sc.state.slots.lastChange = { field: t.field, value: String(t.newValue) }
  return done(
    sc,
    [
      {
        text: say(
          L,
          `已将订单 ${fresh.orderNo} 的${label}修改为：${t.field === 'address' ? after.detail : after.phone}。`,
          `Done: the ${label} of order ${fresh.orderNo} is now ${t.field === 'address' ? after.detail : after.phone}.`,
        ),
      },
    ],
    'execute',
    `order_modified_${t.field}`,
    extra,
  )
}
