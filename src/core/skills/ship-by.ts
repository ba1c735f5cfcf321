/**
 * Times an order's status answer computes from the shop's rules instead of quoting them: when a paid
 * order ships at the latest ("最晚哪天能发", "will it ship today?") from its payment time and
 * `settings.shipping` (same-day cutoff, hours within which every order ships, more hours while a
 * promotion runs), until when an unpaid order can still be paid (`settings.payment.unpaidHoldHours`),
 * and why an order that was never paid shows as cancelled. A shop without these settings gets the
 * rule-free wording.
 */
import { wallAt } from '../domain/normalise/normalise-datetime.js'
import type { Shop } from '../domain/records.js'
import type { Locale, Order } from '../domain/schemas.js'
import { paymentTerms } from './payment-figures.js'
import { say, shopTimeZone, when } from './text.js'

const HOUR = 3_600_000

export type ShippingTerms = {
  /** Minutes after midnight on the shop clock; paid before it ships the same day. */
  cutoffMinutes: number | null
  cutoff: string | null
  hours: number | null
  saleHours: number | null
}

const obj = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
const positive = (v: unknown): number | null => (typeof v === 'number' && v > 0 ? v : null)

/** The shop's shipping rule (`settings.shipping`); every part null when unset. */
export function shippingTerms(shop: Pick<Shop, 'settings'>): ShippingTerms {
  const s = obj(shop.settings.shipping)
  // "HH:MM" (the settings schema checks the form).
  const [h, m] = typeof s?.sameDayCutoff === 'string' ? s.sameDayCutoff.split(':').map(Number) : []
  const cut = h !== undefined && m !== undefined && Number.isInteger(h) && Number.isInteger(m) ? h * 60 + m : null
  return {
    cutoffMinutes: cut,
    cutoff: cut !== null ? String(s?.sameDayCutoff) : null,
    hours: positive(s?.shipWithinHours),
    saleHours: positive(s?.saleShipWithinHours),
  }
}

type Sale = { nameZh: string; nameEn: string }

/** A promotion of the shop (`settings.promotions`) running at some moment between `from` and `to`. */
function saleDuring(shop: Pick<Shop, 'settings'>, from: number, to: number): Sale | null {
  const list = shop.settings.promotions
  if (!Array.isArray(list)) return null
  for (const p of list.map(obj)) {
    if (!p) continue
    const a = Date.parse(String(p.from))
    const b = Date.parse(String(p.until))
    if (Number.isNaN(a) || Number.isNaN(b) || b < from || a > to) continue
    const nameZh = typeof p.nameZh === 'string' ? p.nameZh : ''
    return { nameZh, nameEn: typeof p.nameEn === 'string' ? p.nameEn : nameZh }
  }
  return null
}

export type ShipPlan = {
  paidAt: string
  /** The shop-clock day the rule ships it (`YYYY-MM-DD`): the payment day before the cutoff, else the next. */
  plannedDay: string | null
  paidBeforeCutoff: boolean | null
  /** The latest ship time, and the hours and the promotion it follows from. */
  latest: Date | null
  hours: number | null
  sale: Sale | null
}

const dayOf = (instant: number, tz: string): string => {
  const w = wallAt(instant, tz)
  return new Date(Date.UTC(w.y, w.mo - 1, w.d)).toISOString().slice(0, 10)
}
const nextDay = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10)

/** When a paid order ships by the shop's rule, or null when the shop states no rule. */
export function shipPlan(shop: Pick<Shop, 'settings'>, order: Order): ShipPlan | null {
  const t = shippingTerms(shop)
  if (t.hours === null && t.cutoffMinutes === null) return null
  const paidAt = order.paidAt ?? order.createdAt
  const paid = Date.parse(paidAt)
  const tz = shopTimeZone(shop)
  let plannedDay: string | null = null
  let before: boolean | null = null
  if (t.cutoffMinutes !== null) {
    const w = wallAt(paid, tz)
    before = w.h * 60 + w.mi < t.cutoffMinutes
    plannedDay = before ? dayOf(paid, tz) : nextDay(dayOf(paid, tz))
  }
  const sale = t.saleHours !== null ? saleDuring(shop, paid, paid + t.saleHours * HOUR) : null
  const hours = sale ? t.saleHours : t.hours
  return {
    paidAt,
    plannedDay,
    paidBeforeCutoff: before,
    latest: hours !== null ? new Date(paid + hours * HOUR) : null,
    hours,
    sale,
  }
}

/** "今天" / "明天" / the date, on the shop clock. */
function dayWord(d: string, now: Date, tz: string, L: Locale): string {
  const today = dayOf(now.getTime(), tz)
  if (d === today) return say(L, `今天（${d.slice(5)}）`, `today (${d})`)
  if (d === nextDay(today)) return say(L, `明天（${d.slice(5)}）`, `tomorrow (${d})`)
  return d
}

/**
 * The paid, unshipped order's shipping line: its payment time, the day the rule ships it while that day
 * is still ahead, and the latest ship time with the hours (and promotion) it follows from.
 */
export function paidShipLine(shop: Pick<Shop, 'settings'>, order: Order, now: Date, L: Locale): string | null {
  const p = shipPlan(shop, order)
  if (!p) return null
  const t = shippingTerms(shop)
  const tz = shopTimeZone(shop)
  const parts: string[] = [say(L, `付款时间 ${when(p.paidAt, tz)}`, `Paid at ${when(p.paidAt, tz)}`)]
  const today = dayOf(now.getTime(), tz)
  if (p.plannedDay && t.cutoff && p.plannedDay >= today) {
    parts.push(
      p.paidBeforeCutoff
        ? say(
            L,
            `${t.cutoff} 前付款当天发货，预计${dayWord(p.plannedDay, now, tz, L)}发出`,
            `orders paid before ${t.cutoff} ship the same day, so it should leave ${dayWord(p.plannedDay, now, tz, L)}`,
          )
        : say(
            L,
            `${t.cutoff} 后付款次日发货，预计${dayWord(p.plannedDay, now, tz, L)}发出`,
            `orders paid after ${t.cutoff} ship the next day, so it should leave ${dayWord(p.plannedDay, now, tz, L)}`,
          ),
    )
  }
  if (p.latest && p.hours) {
    const by = when(p.latest.toISOString(), tz)
    const rule = p.sale
      ? say(
          L,
          `${p.sale.nameZh}期间付款后 ${p.hours} 小时内发货`,
          `during ${p.sale.nameEn} every order ships within ${p.hours} hours of payment`,
        )
      : say(L, `付款后 ${p.hours} 小时内发货`, `every order ships within ${p.hours} hours of payment`)
    parts.push(
      p.latest.getTime() >= now.getTime()
        ? say(L, `${rule}，最晚 ${by} 前发出`, `${rule}, so it leaves by ${by} at the latest`)
        : say(
            L,
            `${rule}，本应在 ${by} 前发出，已经超时，非常抱歉，我们会催仓库尽快发出`,
            `${rule}, so it should have left by ${by}; I'm sorry it's late, and we'll push the warehouse to send it out`,
          ),
    )
  }
  return say(
    L,
    `${parts.join('；')}。发货后您会收到物流单号。`,
    `${parts.join('; ')}. You'll get a tracking number once it ships.`,
  )
}

/** The unpaid order's line: until when it can be paid, and the shipping rule after payment. */
export function unpaidPayLine(shop: Pick<Shop, 'settings'>, order: Order, now: Date, L: Locale): string | null {
  const hold = paymentTerms(shop as Shop).unpaidHoldHours
  if (!hold) return null
  const tz = shopTimeZone(shop)
  const until = new Date(Date.parse(order.createdAt) + hold * HOUR)
  const at = when(until.toISOString(), tz)
  const hours = shippingTerms(shop).hours
  const ship = hours ? say(L, `，付款后 ${hours} 小时内发货`, `; we ship within ${hours} hours of payment`) : ''
  if (until.getTime() <= now.getTime())
    return say(
      L,
      `订单还未付款，付款时限（下单后 ${hold} 小时，${at}）已过，会自动取消。`,
      `It hasn't been paid and its payment deadline (${hold} hours after it was placed, ${at}) has passed, so it is cancelled automatically.`,
    )
  return say(
    L,
    `订单还未付款：下单后保留 ${hold} 小时，请在 ${at} 前在「我的订单」里点「去付款」完成支付${ship}；超时未付款会自动取消。不想要了也可以直接取消。`,
    `It hasn't been paid yet: unpaid orders are held for ${hold} hours, so please pay before ${at} (My Orders → Pay)${ship}. If it stays unpaid it is cancelled automatically, and you can also cancel it yourself.`,
  )
}

/** Why an order never paid shows as cancelled: the hold ran out (no one cancelled it by hand). */
export function autoCancelLine(shop: Pick<Shop, 'settings'>, order: Order, L: Locale): string | null {
  if (order.status !== 'cancelled' || order.paidAt) return null
  const hold = paymentTerms(shop as Shop).unpaidHoldHours
  if (!hold) return null
  const tz = shopTimeZone(shop)
  const at = when(new Date(Date.parse(order.createdAt) + hold * HOUR).toISOString(), tz)
  return say(
    L,
    `这个订单下单于 ${when(order.createdAt, tz)}，${hold} 小时内没有付款，系统在 ${at} 自动取消了（未付款订单只保留 ${hold} 小时），没有扣款。还想要的话重新下单即可。`,
    `It was placed at ${when(order.createdAt, tz)} and not paid within ${hold} hours, so the system cancelled it automatically at ${at} (unpaid orders are held for ${hold} hours); nothing was charged. If you still want the items, just place a new order.`,
  )
}
