/**
 * The customer's devices for the fault flow: their own items of the fault graph's categories, whether
 * the graph covers a category, and the order of a device the message names.
 */
import type { Order, Product } from '../domain/schemas.js'
import { knownCustomerId } from './resolve-order.js'
import { nameContains, namesSaid } from './resolve-product.js'
import type { SkillContext } from './skill-types.js'

/** The customer's own items of the fault graph's device categories, newest order first. */
export async function ownedDevices(
  sc: SkillContext,
  faultCats: Set<string>,
): Promise<Array<{ order: Order; product: Product }>> {
  const custId = knownCustomerId(sc)
  if (!custId) return []
  const { store, shop } = sc.ctx
  const orders = await store.orders.listByCustomer(shop.id, custId)
  orders.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const slotOrder = typeof sc.state.slots.order === 'string' ? sc.state.slots.order : undefined
  // Devices the customer has received come before ones still on the way (a phone paid for yesterday
  // is not the "new phone" whose Wi-Fi keeps dropping).
  const received = (o: Order) => o.status !== 'paid' && o.status !== 'shipped'
  const byArrival = [...orders.filter(received), ...orders.filter((o) => !received(o))]
  const ordered = slotOrder ? [...byArrival.filter((o) => o.orderNo === slotOrder), ...byArrival] : byArrival
  const out: Array<{ order: Order; product: Product }> = []
  for (const o of ordered) {
    if (o.status === 'cancelled' || o.status === 'pending_payment') continue
    for (const it of o.items) {
      const p = await store.products.get(shop.id, it.sku)
      if (p && coveredBy(p.category, faultCats) && !out.some((x) => x.product.sku === p.sku))
        out.push({ order: o, product: p })
    }
  }
  return out
}

/**
 * True when the shop's fault graph covers a product category: exactly, or through a sibling under the
 * same parent (over-ear headphones fall back to the earbuds' audio faults). Which categories have
 * faults is the shop's data; nothing here names one.
 */
export function coveredBy(category: string, faultCats: Set<string>): boolean {
  if (faultCats.has(category)) return true
  const slash = category.lastIndexOf('/')
  if (slash <= 0) return false
  const parent = category.slice(0, slash + 1)
  return [...faultCats].some((c) => c.startsWith(parent))
}

/**
 * A product named in the message leaves order and purchase date to find: take them from the
 * customer's own most recent order of that product, when there is one.
 */
export async function orderOfNamedDevice(sc: SkillContext): Promise<void> {
  const slots = sc.state.slots
  if (typeof slots.sku !== 'string' || slots.order || slots.purchaseDate) return
  const custId = knownCustomerId(sc)
  if (!custId) return
  const orders = await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId)
  orders.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const live = orders.filter((x) => x.status !== 'cancelled' && x.status !== 'pending_payment')
  // "X2手机" names the model; the customer's X2 may be another memory version of it.
  const named = await sc.ctx.store.products.get(sc.ctx.shop.id, slots.sku)
  const model = modelOf(named)
  let o = live.find((x) => x.items.some((i) => i.sku === slots.sku))
  if (!o && model)
    for (const x of live) {
      for (const i of x.items)
        if (modelOf(await sc.ctx.store.products.get(sc.ctx.shop.id, i.sku)) === model) {
          o = x
          slots.sku = i.sku
          break
        }
      if (o) break
    }
  if (!o && named) {
    // "手环" is one band's alias, but the customer owns another band whose name holds the same word
    // ("Band 8 NFC版 智能手环"): that one, when it is the only such item of theirs.
    const said = namesSaid(sc, named)
    const hits: Array<{ order: Order; sku: string }> = []
    for (const x of live)
      for (const i of x.items) {
        const p = await sc.ctx.store.products.get(sc.ctx.shop.id, i.sku)
        if (
          p &&
          p.category === named.category &&
          said.some((k) => nameContains(p, k)) &&
          !hits.some((h) => h.sku === i.sku)
        )
          hits.push({ order: x, sku: i.sku })
      }
    if (hits.length === 1) {
      o = hits[0]!.order
      slots.sku = hits[0]!.sku
    }
  }
  if (o) {
    slots.order = o.orderNo
    slots.purchaseDate = o.deliveredAt ?? o.paidAt ?? o.createdAt
  }
}

/** The catalog's model name of a product (`attributes.model`), shared by its memory / colour versions. */
function modelOf(p: Product | null): string | null {
  const m = (p?.attributes as Record<string, unknown> | undefined)?.model
  return typeof m === 'string' && m ? m : null
}
