/**
 * The shipping fee computed from the shop's rates (`settings.shipping.fees`) instead of the FAQ quoted:
 * "寄拉萨的话 买一件89的T恤运费多少" → ¥8 below the free-shipping line + ¥15 remote surcharge = ¥23; "那我凑到99以上呢"
 * → the surcharge alone; "u guys ship to hk?" → the flat fee, carrier and days; "how many days tho" → the days
 * of the place asked about; "and my cousin in taipei?" → no delivery there. The question's parts come from
 * the understanding stage (`cues.shipping`); the place and amount asked about last are kept in
 * `state.slots.shipping` for the follow-ups. A shop without rates gets its FAQ answer as before.
 */
import type { Shop } from '../domain/records.js'
import type { ShippingQuestion, ShippingRegion } from '../nlu/detect-shipping-question.js'
import type { SkillContext, SkillResult } from './skill-types.js'
import { money, say } from './text.js'

type RegionRate = {
  surcharge?: number
  flat?: number
  delivers?: boolean
  days?: string
  workingDays?: boolean
  carrierZh?: string
  carrierEn?: string
}
export type ShippingFees = {
  standard: number
  freeOver?: number
  days?: string
  upgrade?: { nameZh: string; nameEn: string; fee: number }
  regions?: Partial<Record<ShippingRegion, RegionRate>>
}

/** What the previous shipping question was about (`state.slots.shipping`). */
type Asked = { region: ShippingRegion | null; amount: number | null }

const REGION_NAMES: Record<ShippingRegion, [string, string]> = {
  xinjiang: ['新疆', 'Xinjiang'],
  tibet: ['西藏', 'Tibet'],
  qinghai: ['青海', 'Qinghai'],
  hong_kong: ['香港', 'Hong Kong'],
  macau: ['澳门', 'Macau'],
  taiwan: ['台湾地区', 'Taiwan'],
  overseas: ['海外', 'overseas'],
}

/** The shop's shipping rates, or null when it has none. */
export function shippingFees(shop: Pick<Shop, 'settings'>): ShippingFees | null {
  const s = shop.settings.shipping as { fees?: ShippingFees } | null | undefined
  const f = s?.fees
  return f && typeof f.standard === 'number' ? f : null
}

function readAsked(v: unknown): Asked | null {
  if (!v || typeof v !== 'object') return null
  const o = v as Record<string, unknown>
  const region = typeof o.region === 'string' && o.region in REGION_NAMES ? (o.region as ShippingRegion) : null
  const amount = typeof o.amount === 'number' ? o.amount : null
  return { region, amount }
}

/**
 * "那我凑到99以上呢", "how many days tho", "and my cousin in taipei?", "那不用顺丰了": a part of a shipping question
 * right after a shipping answer, read with the place and amount asked about then.
 */
export function continuesShippingQuestion(sc: SkillContext): boolean {
  const q = sc.cues.shipping
  if (!q || sc.extracted.order || sc.ctx.nlu.cues?.safety) return false
  if (sc.state.lastIntent !== 'logistics' || !readAsked(sc.state.slots.shipping)) return false
  if (!shippingFees(sc.ctx.shop)) return false
  return q.region !== null || q.amount !== null || q.asksDays || q.standardCarrier
}

const daysText = (L: SkillContext['locale'], days: string, working: boolean | undefined) =>
  say(
    L,
    `约 ${days} ${working ? '个工作日' : '天'}送达`,
    `about ${days} ${working ? 'working days' : 'days'} to arrive`,
  )

/** The computed shipping answer, or null when this turn is no shipping-fee question the rates answer. */
export function shippingFeeAnswer(sc: SkillContext): SkillResult | null {
  const q: ShippingQuestion | null = sc.cues.shipping
  const fees = shippingFees(sc.ctx.shop)
  if (!q || !fees || sc.extracted.order || sc.ctx.nlu.cues?.safety) return null
  const prev = readAsked(sc.state.slots.shipping)
  const followUp = continuesShippingQuestion(sc)
  // A fresh question: a place, or a price with a fee question ("买一件79的T恤 运费多少").
  if (!followUp && !(sc.cues.asksShippingPolicy && (q.region || (q.amount !== null && q.asksFee)))) return null
  const region = q.region ?? (followUp ? (prev?.region ?? null) : null)
  const amount = q.amount ?? (followUp ? (prev?.amount ?? null) : null)
  const L = sc.locale
  const rate = region ? fees.regions?.[region] : undefined
  const place = region ? say(L, REGION_NAMES[region][0], REGION_NAMES[region][1]) : ''
  const lines: string[] = []
  let reason = 'shipping_fee'
  if (region && rate?.delivers === false) {
    lines.push(say(L, `抱歉，${place}暂不支持配送。`, `Sorry, we don't deliver to ${place} at the moment.`))
    reason = 'shipping_no_delivery'
  } else if (q.asksDays && !q.asksFee && q.amount === null && (rate?.days || fees.days)) {
    const days = rate?.days ?? fees.days ?? ''
    lines.push(
      region
        ? say(
            L,
            `寄往${place}发货后${daysText(L, days, rate?.workingDays)}。`,
            `To ${place}: ${daysText(L, days, rate?.workingDays)} once shipped.`,
          )
        : say(L, `发货后一般${daysText(L, days, false)}。`, `Usually ${daysText(L, days, false)} once shipped.`),
    )
    reason = 'shipping_days'
  } else if (rate?.flat !== undefined) {
    const carrier = say(L, rate.carrierZh ?? '', rate.carrierEn ?? '')
    const days = rate.days
      ? say(L, `，${daysText(L, rate.days, rate.workingDays)}`, `, ${daysText(L, rate.days, rate.workingDays)}`)
      : ''
    lines.push(
      say(
        L,
        `可以寄${place}${carrier ? `，统一${carrier}` : ''}，运费 ${money(rate.flat)}${days}。`,
        `Yes, we ship to ${place}${carrier ? ` by ${carrier}` : ''}: ${money(rate.flat)} shipping${days}.`,
      ),
    )
  } else {
    const free =
      fees.freeOver !== undefined &&
      amount !== null &&
      (amount >= fees.freeOver || (q.amountOrMore && amount >= fees.freeOver))
    const base = amount === null ? null : free ? 0 : fees.standard
    const surcharge = rate?.surcharge ?? 0
    const line =
      fees.freeOver !== undefined ? say(L, `满 ${money(fees.freeOver)} 包邮`, `free from ${money(fees.freeOver)}`) : ''
    if (base === null) {
      // A place and no price: the rule for it.
      lines.push(
        say(
          L,
          `运费 ${money(fees.standard)}（${line}）${surcharge ? `，寄${place}每单另加偏远地区运费 ${money(surcharge)}（包邮也要付）` : ''}。`,
          `Shipping is ${money(fees.standard)} (${line})${surcharge ? `; to ${place} add a ${money(surcharge)} remote-area surcharge per order, even when shipping is free` : ''}.`,
        ),
      )
    } else {
      const worth = say(
        L,
        `${money(amount ?? 0)}${q.amountOrMore ? ' 以上' : ''}的订单`,
        `An order of ${q.amountOrMore ? 'over ' : ''}${money(amount ?? 0)}`,
      )
      const baseText = free
        ? say(L, '包邮', 'ships free')
        : say(L, `运费 ${money(base)}（${line}）`, `pays ${money(base)} shipping (${line})`)
      lines.push(
        surcharge
          ? say(
              L,
              `${worth}寄${place}：${baseText}，另加偏远地区运费 ${money(surcharge)}，一共 ${money(base + surcharge)}。`,
              `${worth} to ${place} ${baseText}, plus the ${money(surcharge)} remote-area surcharge: ${money(base + surcharge)} in all.`,
            )
          : say(L, `${worth}${baseText}。`, `${worth} ${baseText}.`),
      )
    }
    if (q.standardCarrier && fees.upgrade)
      lines.unshift(
        say(
          L,
          `好的，不加购${fees.upgrade.nameZh}，按默认快递发货。`,
          `Sure, no ${fees.upgrade.nameEn}: it ships with the default courier.`,
        ),
      )
    const days = rate?.days
    if (days)
      lines.push(
        say(
          L,
          `寄${place}发货后${daysText(L, days, rate?.workingDays)}。`,
          `To ${place}: ${daysText(L, days, rate?.workingDays)} once shipped.`,
        ),
      )
  }
  sc.state.slots.shipping = { region, amount }
  sc.state.awaiting = null
  sc.state.prompt = null
  return { replies: [{ text: lines.join('\n') }], action: 'answer', reason, done: true }
}
