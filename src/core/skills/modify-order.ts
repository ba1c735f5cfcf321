/**
 * Modify order: address or phone changes, only before shipment, confirmed before writing, audited.
 * The change goes to the shop's system of record first (the commerce port); kefu's copy changes and
 * the customer hears "done" only when it accepted.
 * Item changes (size/colour/quantity) are not done by the bot: it explains the options.
 */
import type { Order } from '../domain/schemas.js'
import { actOnOrder, commerceOf, platformFailure } from './commerce-action.js'
import { writeOrderChange } from './order-audit.js'
import { applyOrderReference, resolveOrder, statusLabel } from './resolve-order.js'
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

/** The modify-order skill. */
export async function modifyOrderSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const change = sc.cues.change
  const t = sc.state.task
  if (sc.state.awaiting === 'confirm' && sc.answeredAwaiting && sc.signals.deny) {
    sc.state.task = {}
    return done(
      sc,
      [{ text: say(L, '好的，订单信息保持不变。', "OK, I've left the order as it is.") }],
      'answer',
      'modify_declined',
    )
  }
  const f = change.field
  // Once the new value is known (typed earlier, or proposed by the model) the field is settled.
  if (f && typeof t.newValue !== 'string' && !(sc.state.awaiting === 'newAddress' || sc.state.awaiting === 'newPhone'))
    t.field = f
  // A new value said with the request ("改到朝阳区建国路88号") is kept while the order is found.
  if (!sc.state.awaiting && typeof t.newValue !== 'string') {
    const a = t.field === 'address' ? change.newAddress : null
    if (a && change.introducesValue) t.newValue = a
    if (t.field === 'phone' && sc.extracted.phone) t.newValue = sc.extracted.phone
  }
  applyOrderReference(sc)
  const r = await resolveOrder(sc, {
    purpose: 'modify_order',
    prefer: (o) => MODIFIABLE.includes(o.status),
    byItem: true,
  })
  if ('result' in r) return r.result
  const order = r.order
  const extra = r.customerId ? { customerId: r.customerId } : {}
  if (t.field === 'items') {
    const text2 = MODIFIABLE.includes(order.status)
      ? say(
          L,
          `订单 ${order.orderNo} 还未发货，但尺码、颜色、数量需要重新下单：您可以先取消这个订单（会全额退款），再按需要重新下单；也可以说“转人工”由客服为您处理。`,
          `Order ${order.orderNo} hasn't shipped, but size, colour or quantity changes need a new order: cancel this one (full refund) and order again, or say "human" and an agent will change it for you.`,
        )
      : refuseReason(order, L)
    return done(
      sc,
      [{ text: text2 }],
      'answer',
      MODIFIABLE.includes(order.status) ? 'modify_items_not_supported' : `modify_refused_${order.status}`,
      extra,
    )
  }
  if (!MODIFIABLE.includes(order.status)) {
    sc.state.task = {}
    return done(sc, [{ text: refuseReason(order, L) }], 'answer', `modify_refused_${order.status}`, extra)
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
    sc.state.task = {}
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
  sc.state.task = {}
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
