/**
 * The words an order line is known by, for picking the one order a customer describes: the line's title,
 * size and colour plus the catalog product's aliases and English title ("扫地机那单" describes the line
 * titled "扫拖一体机器人 S7" through its alias "扫地机器人").
 */
import type { Order, OrderItem } from '../domain/schemas.js'
import { titledOrders } from './order-item-titles.js'
import type { SkillContext } from './skill-types.js'

async function productNames(sc: SkillContext, sku: string): Promise<string[]> {
  const p = await sc.ctx.store.products.get(sc.ctx.shop.id, sku)
  if (!p) return []
  const en = (p.attributes as { titleEn?: unknown } | undefined)?.titleEn
  return [...(p.aliases ?? []), ...(typeof en === 'string' ? [en] : [])]
}

/**
 * The longest message read as a description: English says the same in about twice the characters
 * ("the invoice for my shell jacket has my name on it…").
 */
export function describeMaxChars(sc: SkillContext): number {
  return sc.locale === 'en' ? 200 : 80
}

/**
 * The one order of `orders` whose lines (those `lines` picks, every line by default) the message
 * describes best, or null on a tie or when nothing is shared.
 */
export async function orderDescribedByLines(
  sc: SkillContext,
  orders: Order[],
  lines: (o: Order) => OrderItem[] = (o) => o.items,
  opts: { numbers?: boolean; minScore?: number } = {},
): Promise<Order | null> {
  if (orders.length < 2) return null
  const titled = await titledOrders(sc, orders)
  const options = await Promise.all(
    titled.map(async (o) => ({
      id: o.orderNo,
      texts: (
        await Promise.all(
          lines(o).map(async (i) => [
            i.title ?? i.sku,
            i.size ?? '',
            i.color ?? '',
            ...(await productNames(sc, i.sku)),
          ]),
        )
      ).flat(),
    })),
  )
  const id = sc.understanding.read.pickByDescription(options, { maxChars: describeMaxChars(sc), ...opts })
  return id ? (orders.find((o) => o.orderNo === id) ?? null) : null
}

/** The one line of `items` the message describes ("那套硅胶铲子没拆 退了" among a utensil set and a wok), or null. */
export async function lineDescribed(sc: SkillContext, items: OrderItem[]): Promise<OrderItem | null> {
  if (items.length < 2) return null
  const options = await Promise.all(
    items.map(async (i, k) => ({
      id: String(k),
      texts: [i.title ?? i.sku, i.size ?? '', i.color ?? '', ...(await productNames(sc, i.sku))],
    })),
  )
  const id = sc.understanding.read.pickByDescription(options, { maxChars: describeMaxChars(sc) })
  return id === null ? null : (items[Number(id)] ?? null)
}
