/**
 * Payment figures computed from the shop's payment terms (`shop.settings.payment`) and the order or amount
 * the question is about: what one instalment comes to and whether it is interest-free, until when an
 * unpaid order can be paid before it is cancelled, and how much points can take off an amount. The
 * understanding stage says which figure is asked (`cues.payment`); a shop without the terms gets none
 * (the FAQ answers alone).
 */
import type { Shop } from '../domain/records.js'
import type { Order } from '../domain/schemas.js'
import { knownCustomerId } from './resolve-order.js'
import { chooseProduct } from './resolve-product.js'
import type { SkillContext } from './skill-types.js'
import { money, say, shopTimeZone, when } from './text.js'

export type PaymentTerms = {
  unpaidHoldHours: number | null
  instalments: {
    counts: number[]
    interestFree: { counts: number[]; minAmount: number; categories: string[] } | null
  } | null
  points: {
    perUnit: number
    maxShare: number
    /** Points earned per unit of money paid, and the multiplier of each customer tier (absent: ×1). */
    earn: { perUnit: number; tierMultipliers: Record<string, number> } | null
  } | null
}

function obj(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
}

const ints = (v: unknown): number[] =>
  Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number' && Number.isInteger(n) && n > 1) : []

function earnTerms(pts: Record<string, unknown>): { perUnit: number; tierMultipliers: Record<string, number> } | null {
  if (typeof pts.earnPerUnit !== 'number' || pts.earnPerUnit <= 0) return null
  const tiers = obj(pts.tierMultipliers) ?? {}
  const tierMultipliers: Record<string, number> = {}
  for (const [k, v] of Object.entries(tiers)) if (typeof v === 'number' && v > 0) tierMultipliers[k.toLowerCase()] = v
  return { perUnit: pts.earnPerUnit, tierMultipliers }
}

/** The shop's payment terms; every part null when the shop has not set it. */
export function paymentTerms(shop: Shop | null): PaymentTerms {
  const s = obj(shop?.settings?.payment)
  const hold = s?.unpaidHoldHours
  const inst = obj(s?.instalments)
  const free = obj(inst?.interestFree)
  const pts = obj(s?.points)
  return {
    unpaidHoldHours: typeof hold === 'number' && hold > 0 ? hold : null,
    instalments:
      inst && ints(inst.counts).length > 0
        ? {
            counts: ints(inst.counts),
            interestFree: free
              ? {
                  counts: ints(free.counts),
                  minAmount: typeof free.minAmount === 'number' ? free.minAmount : 0,
                  categories: Array.isArray(free.categories) ? free.categories.map(String) : [],
                }
              : null,
          }
        : null,
    points:
      pts && typeof pts.perUnit === 'number' && typeof pts.maxShare === 'number'
        ? { perUnit: pts.perUnit, maxShare: pts.maxShare, earn: earnTerms(pts) }
        : null,
  }
}

const inCategory = (category: string, prefixes: string[]) =>
  prefixes.length === 0 || prefixes.some((p) => category === p || category.startsWith(`${p}/`))

const round2 = (n: number) => Math.round(n * 100) / 100

/** The amount and the part of it in the interest-free categories, for an order or a product. */
async function basis(
  sc: SkillContext,
  order: Order | null,
  categories: string[],
): Promise<{ amount: number; qualifying: number; currency: string } | null> {
  const { store, shop } = sc.ctx
  if (order) {
    let qualifying = 0
    for (const it of order.items) {
      const p = await store.products.get(shop.id, it.sku)
      if (p && inCategory(p.category, categories)) qualifying += it.price * it.qty
    }
    return { amount: order.total, qualifying, currency: order.currency }
  }
  const sku = sc.extracted.sku ?? (typeof sc.state.slots.sku === 'string' ? sc.state.slots.sku : undefined)
  let p = sku ? await store.products.get(shop.id, sku) : null
  if (!p) {
    // "1299那个灵犀手表": the product of the kind named at the price named.
    const choice = await chooseProduct(sc, { owned: false })
    const price = sc.cues.payment.instalments?.amount ?? null
    if (choice.status === 'found') p = choice.product
    else if (choice.status === 'offer' && price !== null)
      p = choice.products.find((x) => Math.abs(x.price - price) < 0.01) ?? null
    if (!p && price !== null) {
      // A series naming several products ("3999的那个RayBook"): the one at that price.
      for (const e of sc.ctx.nlu.entities) {
        const skus = (e.value as { skus?: unknown } | null)?.skus
        if (e.type !== 'product' || !Array.isArray(skus)) continue
        for (const s of skus) {
          const x = typeof s === 'string' ? await store.products.get(shop.id, s) : null
          if (x && Math.abs(x.price - price) < 0.01) p = x
        }
      }
    }
  }
  if (!p) return null
  return { amount: p.price, qualifying: inCategory(p.category, categories) ? p.price : 0, currency: p.currency }
}

/** The computed lines for the payment figures the message asks, about `order` when there is one. */
export async function paymentFigures(sc: SkillContext, order: Order | null): Promise<string[]> {
  const L = sc.locale
  const q = sc.cues.payment
  const terms = paymentTerms(sc.ctx.shop)
  const lines: string[] = []
  const no = order ? say(L, `订单 ${order.orderNo} `, `Order ${order.orderNo} `) : ''

  if (q.deadline && order?.status === 'pending_payment' && terms.unpaidHoldHours) {
    const until = new Date(new Date(order.createdAt).getTime() + terms.unpaidHoldHours * 3_600_000)
    const at = when(until.toISOString(), shopTimeZone(sc.ctx.shop))
    lines.push(
      until.getTime() > sc.ctx.now.getTime()
        ? say(
            L,
            `${no}下单后保留 ${terms.unpaidHoldHours} 小时，请在 ${at} 前完成付款，超时未付款会自动取消。`,
            `${no}is held for ${terms.unpaidHoldHours} hours after it was placed: please pay before ${at}, or it is cancelled automatically.`,
          )
        : say(
            L,
            `${no}的付款时限（${at}）已过，订单会自动取消，需要的话请重新下单。`,
            `${no}passed its payment deadline (${at}) and is cancelled automatically; please order again if you still want it.`,
          ),
    )
  }

  if (q.instalments && terms.instalments) {
    const free = terms.instalments.interestFree
    const b = await basis(sc, order, free?.categories ?? [])
    const counts = q.instalments.count ? [q.instalments.count] : terms.instalments.counts
    if (b && b.amount > 0) {
      const parts: string[] = []
      for (const n of counts) {
        if (!terms.instalments.counts.includes(n)) {
          parts.push(
            say(
              L,
              `不支持分 ${n} 期（可选 ${terms.instalments.counts.join('/')} 期）`,
              `${n} instalments are not offered (${terms.instalments.counts.join('/')} are)`,
            ),
          )
          continue
        }
        const each = money(round2(b.amount / n), b.currency)
        const isFree = Boolean(free?.counts.includes(n) && b.qualifying >= (free?.minAmount ?? 0))
        parts.push(
          isFree
            ? say(L, `分 ${n} 期免息，每期 ${each}`, `${n} interest-free instalments of ${each}`)
            : say(
                L,
                `分 ${n} 期每期约 ${each}（另收分期手续费）`,
                `${n} instalments of about ${each} (plus the instalment fee)`,
              ),
        )
      }
      lines.push(
        say(
          L,
          `按${order ? `${no}实付 ` : '商品价格 '}${money(b.amount, b.currency)} 计算：${parts.join('；')}。`,
          `For ${order ? `${no.trim()}, ` : ''}${money(b.amount, b.currency)}: ${parts.join('; ')}.`,
        ),
      )
    }
  }

  if (q.points && terms.points) {
    const amount = q.points.amount ?? order?.total ?? null
    if (amount !== null && amount > 0) {
      const cap = round2(amount * terms.points.maxShare)
      const pct = Math.round(terms.points.maxShare * 100)
      lines.push(
        say(
          L,
          `${order && !q.points.amount ? `订单 ${order.orderNo}（${money(amount)}）` : `${money(amount)} 的订单`}，积分最多抵 ${pct}%，即 ${money(cap)}（${Math.round(cap * terms.points.perUnit)} 积分）。`,
          `On ${order && !q.points.amount ? `order ${order.orderNo}, ` : ''}${money(amount)}, points can pay at most ${pct}%: ${money(cap)} (${Math.round(cap * terms.points.perUnit)} points).`,
        ),
      )
    }
  }
  if (q.earns && terms.points?.earn) {
    const line = await pointsEarned(sc, order, terms.points.earn)
    if (line) lines.push(line)
  }
  return lines
}

/**
 * "耳机那单798 我能拿多少积分": what the order (else the amount named) earns at the customer's tier,
 * credited once receipt is confirmed.
 */
async function pointsEarned(
  sc: SkillContext,
  order: Order | null,
  earn: { perUnit: number; tierMultipliers: Record<string, number> },
): Promise<string | null> {
  const L = sc.locale
  const amount = order?.total ?? sc.cues.payment.points?.amount ?? null
  if (amount === null || amount <= 0) return null
  const custId = order?.customerId ?? knownCustomerId(sc)
  const customer = custId ? await sc.ctx.store.customers.get(sc.ctx.shop.id, custId) : null
  const tier = customer?.tier?.toLowerCase() ?? ''
  const times = earn.tierMultipliers[tier] ?? 1
  const points = Math.floor(amount * earn.perUnit * times)
  const no = order ? say(L, `订单 ${order.orderNo} 实付 `, `Order ${order.orderNo}: `) : ''
  const rate = times !== 1 ? say(L, `，按您的会员等级 ×${times}`, ` at your tier's ×${times}`) : ''
  return say(
    L,
    `${no}${money(amount)}，每实付 1 元得 ${earn.perUnit} 积分${rate}，可得 ${points} 积分，确认收货后到账。`,
    `${no}${money(amount)} paid earns ${earn.perUnit} point${earn.perUnit === 1 ? '' : 's'} per yuan${rate}: ${points} points, credited once you confirm receipt.`,
  )
}
