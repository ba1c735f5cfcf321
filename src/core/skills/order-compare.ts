/**
 * Order questions that look into an order or across several (round 5): the item at a position of the
 * order in context ("这单里第二件是啥来着"), which of the parcels just listed is due first ("那哪个先到"),
 * and the total of the customer's unshipped / unpaid / open orders ("我还没发货的那两单 一共多少钱").
 * The figures come from the orders themselves.
 */
import type { Order } from '../domain/schemas.js'
import { knownCustomerId } from './order-item-mention.js'
import { titledOrders } from './order-item-titles.js'
import { statusLabel } from './resolve-order.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { money, say, shopTimeZone, when } from './text.js'

const itemName = (i: Order['items'][number]) =>
  `${i.title ?? i.sku}${i.size ? ` ${i.size}` : ''}${i.color ? ` ${i.color}` : ''}`

/** "这单里第二件是啥": the line at that position of the order, or a note that the order has fewer. */
export function itemAtAnswer(sc: SkillContext, order: Order, position: number, extra: { customerId?: string }) {
  const L = sc.locale
  const item = order.items[position - 1]
  if (!item) {
    return done(
      sc,
      [
        {
          text: say(
            L,
            `订单 ${order.orderNo} 只有 ${order.items.length} 件商品：${order.items.map((i, n) => `${n + 1}) ${itemName(i)}`).join('；')}。`,
            `Order ${order.orderNo} has only ${order.items.length} item${order.items.length === 1 ? '' : 's'}: ${order.items.map((i, n) => `${n + 1}) ${itemName(i)}`).join('; ')}.`,
          ),
        },
      ],
      'answer',
      'order_item_at_out_of_range',
      extra,
    )
  }
  sc.state.slots.sku = item.sku
  const price = money(item.price * item.qty, order.currency)
  return done(
    sc,
    [
      {
        text: say(
          L,
          `订单 ${order.orderNo} 的第 ${position} 件是：${itemName(item)}（${item.sku}）×${item.qty}，${price}。`,
          `Item ${position} of order ${order.orderNo} is ${itemName(item)} (${item.sku}) ×${item.qty}, ${price}.`,
        ),
      },
    ],
    'answer',
    'order_item_at',
    extra,
  )
}

/** The customer's orders the bot just listed, in the listed order. */
async function listedOrders(sc: SkillContext, custId: string): Promise<Order[]> {
  const c = sc.state.candidates
  if (c?.kind !== 'order') return []
  const out: Order[] = []
  for (const id of c.ids) {
    const o = await sc.ctx.store.orders.get(sc.ctx.shop.id, id)
    if (o && o.customerId === custId) out.push(o)
  }
  return out
}

/** "那哪个先到": the listed parcels (else the customer's parcels on their way) by due date, first first. */
export async function whichFirstAnswer(sc: SkillContext): Promise<SkillResult | null> {
  const custId = knownCustomerId(sc)
  if (!custId) return null
  let orders = (await listedOrders(sc, custId)).filter((o) => o.status === 'shipped')
  if (orders.length < 2) {
    const mine = await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId)
    orders = mine.filter((o) => o.status === 'shipped')
  }
  const dated = orders.filter((o) => o.shipment?.eta)
  if (dated.length < 2) return null
  dated.sort((a, b) => Date.parse(a.shipment!.eta!) - Date.parse(b.shipment!.eta!))
  const titled = await titledOrders(sc, dated)
  const L = sc.locale
  const tz = shopTimeZone(sc.ctx.shop)
  const lines = titled.map((o) => {
    const first = o.items[0]
    const title = `${first?.title ?? first?.sku ?? ''}${o.items.length > 1 ? say(L, ` 等${o.items.length}件`, ` +${o.items.length - 1} more`) : ''}`
    return say(
      L,
      `· ${o.orderNo}（${title}，${o.shipment!.carrier} ${o.shipment!.trackingNo}）：预计 ${when(o.shipment!.eta!, tz)} 前送达`,
      `· ${o.orderNo} (${title}, ${o.shipment!.carrier} ${o.shipment!.trackingNo}): due by ${when(o.shipment!.eta!, tz)}`,
    )
  })
  const [a, b] = titled
  const tie = a!.shipment!.eta === b!.shipment!.eta
  const head = tie
    ? say(L, '这几个包裹预计同一时间送达：', 'These parcels are due at the same time:')
    : say(
        L,
        `${a!.orderNo}（${a!.items[0]?.title ?? a!.items[0]?.sku ?? ''}）会先到：`,
        `${a!.orderNo} (${a!.items[0]?.title ?? a!.items[0]?.sku ?? ''}) should arrive first:`,
      )
  // Like the several-orders summary, the customer can go on to one of them ("the one with the watch").
  sc.state.candidates = { kind: 'order', ids: titled.map((o) => o.orderNo) }
  sc.state.awaiting = 'order'
  sc.state.prompt = say(L, '需要哪个订单的详细信息？', 'Which order would you like the details of?')
  return {
    replies: [
      {
        text: `${head}\n${lines.join('\n')}`,
        buttons: titled.map((o, i) => ({ label: `${i + 1}. ${o.orderNo}`, payload: o.orderNo })),
      },
    ],
    action: 'answer',
    reason: tie ? 'orders_due_same_time' : 'orders_which_first',
    done: false,
  }
}

const GROUPS: Record<'unshipped' | 'unpaid' | 'open', Order['status'][]> = {
  unshipped: ['pending_payment', 'paid'],
  unpaid: ['pending_payment'],
  open: ['pending_payment', 'paid', 'shipped'],
}

/** "我还没发货的那两单 一共多少钱": each order of the group with its amount, and the sum. */
export async function ordersTotalAnswer(sc: SkillContext): Promise<SkillResult | null> {
  const q = sc.cues.ordersTotal
  const custId = knownCustomerId(sc)
  if (!q || !custId) return null
  const mine = await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId)
  const orders = await titledOrders(
    sc,
    mine.filter((o) => GROUPS[q.group].includes(o.status)).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  )
  if (orders.length === 0) return null
  const L = sc.locale
  const total = Math.round(orders.reduce((s, o) => s + o.total, 0) * 100) / 100
  const currency = orders[0]!.currency
  const lines = orders.map((o) => {
    const items = o.items.map((i) => i.title ?? i.sku).join(say(L, '、', ', '))
    const amount = money(o.total, o.currency)
    return say(
      L,
      `· ${o.orderNo}（${items}）${statusLabel(o.status, L)} ${amount}`,
      `· ${o.orderNo} (${items}), ${statusLabel(o.status, L)}: ${amount}`,
    )
  })
  const group =
    q.group === 'unshipped'
      ? say(L, '还没发货的', 'not yet shipped')
      : q.group === 'unpaid'
        ? say(L, '还没付款的', 'unpaid')
        : say(L, '进行中的', 'open')
  const text = say(
    L,
    `您${group}订单有 ${orders.length} 个：\n${lines.join('\n')}\n合计 ${money(total, currency)}。`,
    `You have ${orders.length} ${group} order${orders.length === 1 ? '' : 's'}:\n${lines.join('\n')}\nTogether ${money(total, currency)}.`,
  )
  sc.state.candidates = { kind: 'order', ids: orders.slice(0, 5).map((o) => o.orderNo) }
  return done(sc, [{ text }], 'answer', `orders_total_${q.group}`)
}
