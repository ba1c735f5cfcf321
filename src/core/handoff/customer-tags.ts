/**
 * Short profile tags an agent reads at a glance: tier, interests, how much and how often the
 * customer buys, returns and open tickets. Derived from the records kefu holds, in the console's
 * language.
 */
import type { ReturnRequest, Ticket } from '../domain/records.js'
import type { Customer, Order } from '../domain/schemas.js'

const TIER = {
  silver: { zh: '银卡会员', en: 'Silver member' },
  gold: { zh: '金卡会员', en: 'Gold member' },
  platinum: { zh: '白金会员', en: 'Platinum member' },
  vip: { zh: 'VIP', en: 'VIP' },
} as const

export const OPEN_TICKET_STATUSES = new Set(['open', 'assigned', 'in_progress', 'waiting_customer'])

export function customerTags(
  customer: Customer | null,
  orders: readonly Order[],
  tickets: readonly Ticket[],
  returns: readonly ReturnRequest[],
  locale: 'zh' | 'en',
): string[] {
  if (!customer) return []
  const zh = locale === 'zh'
  const tags: string[] = []
  const builtIn = TIER[customer.tier.trim().toLowerCase() as keyof typeof TIER]
  if (builtIn) tags.push(builtIn[locale])
  else if (customer.tier.trim().toLowerCase() !== 'regular') tags.push(customer.tier)
  for (const i of customer.profile?.interests ?? []) tags.push(zh ? `兴趣：${i}` : `Likes ${i}`)
  if (orders.length >= 3) tags.push(zh ? `回头客（${orders.length} 单）` : `Repeat buyer (${orders.length} orders)`)
  else if (orders.length === 0) tags.push(zh ? '未下单' : 'No orders yet')
  const spent = orders.reduce((s, o) => s + (o.status === 'cancelled' ? 0 : o.total), 0)
  if (spent > 0) tags.push(zh ? `累计消费 ¥${spent.toFixed(0)}` : `Spent ¥${spent.toFixed(0)}`)
  if (returns.length >= 2) tags.push(zh ? `退换货 ${returns.length} 次` : `${returns.length} returns`)
  const open = tickets.filter((t) => OPEN_TICKET_STATUSES.has(t.status)).length
  if (open > 0) tags.push(zh ? `未结工单 ${open}` : `${open} open ticket${open > 1 ? 's' : ''}`)
  return tags
}
