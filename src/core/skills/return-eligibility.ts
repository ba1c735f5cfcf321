/**
 * What decides a return before it is confirmed: the item's condition against the shop's rules (opened,
 * activated, used), an exchange there is nothing to exchange for (out of stock) or that is really a
 * different product, and the warranty still running once every return window has closed.
 */
import { noTask } from '../dialogue/task-state.js'
import type { Order, OrderItem, Product } from '../domain/schemas.js'
import { productTitle, variantStock } from './resolve-product.js'
import { returnRules } from './shop-rules.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { day, money, say, shopTimeZone } from './text.js'

/**
 * The last day of the item's warranty when it is still running (`attributes.warrantyMonths` of the
 * product, else 12 months for the categories the fault graph covers), or null.
 */
export async function warrantyLeft(
  sc: SkillContext,
  product: Product | null,
  deliveredAt: string,
): Promise<string | null> {
  if (!product) return null
  const attrs = (product.attributes ?? {}) as { warrantyMonths?: unknown }
  let months = typeof attrs.warrantyMonths === 'number' ? attrs.warrantyMonths : 0
  if (!months) {
    const faults = await sc.ctx.store.faults.list(sc.ctx.shop.id)
    const top = product.category.split('/')[0]
    if (faults.some((f) => f.category === product.category || f.category === top)) months = 12
  }
  if (!months) return null
  const end = new Date(deliveredAt)
  end.setUTCMonth(end.getUTCMonth() + months)
  return end.getTime() > sc.ctx.now.getTime() ? day(end.toISOString(), shopTimeZone(sc.ctx.shop)) : null
}

export function ineligible(sc: SkillContext, text: string, reason: string): SkillResult {
  sc.state.task = noTask()
  return done(sc, [{ text }], 'answer', reason)
}

/**
 * The answer when the item's condition already rules out a no-reason return: opened or activated in a
 * category excluded once opened (the shop's reason), or used beyond trying it (the no-reason return
 * needs an unused item). A quality problem still qualifies, so the reply says how to go on. Null when
 * the condition does not decide.
 */
export function usedRefusal(
  sc: SkillContext,
  product: Product,
  itemName: string,
  t: { opened?: boolean; used?: boolean; exchange?: boolean },
) {
  const L = sc.locale
  const rules = returnRules(sc.ctx.shop)
  const quality = say(
    L,
    `如果是质量问题，签收 ${rules.qualityIssueDays} 天内仍可退换，请描述一下具体问题。`,
    ` If it's a quality problem, it can still be returned within ${rules.qualityIssueDays} days of delivery: tell me what's wrong.`,
  )
  if (t.opened === true || t.used === true) {
    const rule = rules.nonReturnable.find(
      (r) => r.onlyIfOpened && (product.category === r.category || product.category.startsWith(`${r.category}/`)),
    )
    if (rule)
      return ineligible(
        sc,
        say(
          L,
          `抱歉，${rule.reasonZh}，所以${itemName}无法${t.exchange ? '换货' : '无理由退货'}。`,
          `Sorry, ${rule.reasonEn}, so ${itemName} can't be ${t.exchange ? 'exchanged' : 'returned'} without a fault.`,
        ) + quality,
        `return_refused_category_${rule.category}`,
      )
  }
  if (t.used !== true || !rules.noReasonNeedsUnused) return null
  return ineligible(
    sc,
    say(
      L,
      `抱歉，${rules.noReasonDays} 天无理由退货需要商品未使用、保持完好，${itemName}已经使用过，所以无法无理由退货。`,
      `Sorry, a ${rules.noReasonDays}-day no-reason return needs the item unused and in its original condition; ${itemName} has been used, so it can't be returned without a fault.`,
    ) + quality,
    'return_refused_used_no_reason',
  )
}

/**
 * The exchange asked for cannot be made: the size (the last one the message names: "S码小了 想换个M")
 * or the product itself is out of stock. Null when there is stock, or the catalog does not say.
 */
export function exchangeOutOfStock(sc: SkillContext, product: Product): { size: string | null } | null {
  const sizes = sc.ctx.nlu.entities.filter((e) => e.type === 'size')
  const last = sizes[sizes.length - 1]
  const size = last ? String(typeof last.value === 'string' ? last.value : last.text).toUpperCase() : null
  const colour = typeof sc.extracted.color === 'string' ? sc.extracted.color : undefined
  const left = variantStock(product, size ?? undefined, colour) ?? product.stock
  return typeof left === 'number' && left <= 0 ? { size } : null
}

/**
 * "补差价换个屏幕大点的Note 12行不行": an exchange for another product is not an exchange (those keep the
 * product and change its size or colour) but a return and a new order. Says so with the other product's
 * price, and — when the item's category cannot be returned once opened or activated — that an opened
 * item stays with the customer unless it is faulty. Null when the message names no other product.
 */
export async function exchangeForOtherProduct(
  sc: SkillContext,
  order: Order,
  item: OrderItem,
  product: Product | null,
  itemName: string,
): Promise<SkillResult | null> {
  // "A5能不能加点钱换成Note 12": the product named that is not the ordered one (the last such).
  const named = sc.ctx.nlu.entities
    .filter((e) => e.type === 'product' && typeof e.value === 'string' && e.value !== item.sku)
    .map((e) => e.value as string)
  const sku = named[named.length - 1] ?? (sc.extracted.sku !== item.sku ? sc.extracted.sku : undefined)
  if (typeof sku !== 'string') return null
  const other = await sc.ctx.store.products.get(sc.ctx.shop.id, sku)
  if (!other || (product && other.title === product.title)) return null
  const L = sc.locale
  const rules = returnRules(sc.ctx.shop)
  const name = productTitle(other, L)
  const diff = other.price - item.price
  const rule = product
    ? rules.nonReturnable.find(
        (r) => r.onlyIfOpened && (product.category === r.category || product.category.startsWith(`${r.category}/`)),
      )
    : undefined
  const price = say(
    L,
    `${name} 现价 ${money(other.price, order.currency)}${diff > 0 ? `，比${itemName}贵 ${money(diff, order.currency)}` : ''}`,
    `${name} is ${money(other.price, order.currency)}${diff > 0 ? `, ${money(diff, order.currency)} more than ${itemName}` : ''}`,
  )
  const opened = rule
    ? say(
        L,
        `不过${rule.reasonZh}，所以已拆封或激活的${itemName}不能退回抵扣，只能另外下单购买${name}；如果${itemName}有质量问题，签收 ${rules.qualityIssueDays} 天内可以申请退换。`,
        ` However, ${rule.reasonEn}, so an opened or activated ${itemName} can't be sent back against it: ${name} would be a separate order. If ${itemName} is faulty, it can be returned or replaced within ${rules.qualityIssueDays} days of delivery.`,
      )
    : say(
        L,
        `如果${itemName}符合 ${rules.noReasonDays} 天无理由退货条件，可以先申请退货，再单独下单${name}。`,
        ` If ${itemName} still qualifies for the ${rules.noReasonDays}-day no-reason return, you can return it and order ${name} separately.`,
      )
  return ineligible(
    sc,
    say(
      L,
      `换货只能换同一款商品的其他尺码或颜色，不能补差价换成别的型号。${price}。${opened}`,
      `An exchange keeps the same product in another size or colour; it can't be swapped for a different model by paying the difference. ${price}.${opened}`,
    ),
    'return_exchange_other_product',
  )
}

/**
 * Past the no-reason window with the item still sealed ("还没拆封 今天还能退不"): the window's end and the
 * quality route that stays open until the quality window closes.
 */
export function sealedPastWindow(sc: SkillContext, no: string, itemName: string, deliveredAt: string): SkillResult {
  const L = sc.locale
  const rules = returnRules(sc.ctx.shop)
  const tz = shopTimeZone(sc.ctx.shop)
  const delivered = day(deliveredAt, tz)
  const until = (days: number) => day(new Date(new Date(deliveredAt).getTime() + days * 86_400_000).toISOString(), tz)
  return ineligible(
    sc,
    say(
      L,
      `订单 ${no} 的${itemName}于 ${delivered} 签收，${rules.noReasonDays} 天无理由退货期已于 ${until(rules.noReasonDays)} 结束，未拆封也无法再无理由退货。如果发现质量问题，签收 ${rules.qualityIssueDays} 天内（至 ${until(rules.qualityIssueDays)}）仍可退换。`,
      `${itemName} from order ${no} was delivered on ${delivered}; the ${rules.noReasonDays}-day no-reason return window ended on ${until(rules.noReasonDays)}, so even unopened it can no longer be returned without a reason. If you find a quality problem, it can still be returned or exchanged until ${until(rules.qualityIssueDays)}.`,
    ),
    'return_refused_window_expired_unopened',
  )
}
