/**
 * "买两条399的毛衣裙能减多少", "how much off if I buy two?": computes what the shop's running promotions
 * (`shop.settings.promotions`) take off the items' total, from the catalog price (or the price the
 * customer names) and the quantity the understanding stage read.
 */
import type { Product } from '../domain/schemas.js'
import type { DiscountItem, DiscountQuestion } from '../nlu/detect-discount-question.js'
import { knowledgeSkill } from './knowledge-answer.js'
import { orderOfMentionedItem } from './order-item-mention.js'
import { mentionedCategory } from './product-mention.js'
import { chooseProduct, productTitle } from './resolve-product.js'
import { activePromotions, promotionDiscount, shopCoupons } from './shop-rules.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { money, say } from './text.js'

/** The product the question is about: the one found, or the offered one at the price the customer named. */
async function productFor(sc: SkillContext, unitPrice: number | null): Promise<Product | null> {
  // "those bottles": something the customer bought may be meant; a bare "a 2299 jacket" is a shop item.
  const choice = await chooseProduct(sc, sc.signals.deictic ? {} : { owned: false })
  if (choice.status === 'found') return choice.product
  if (choice.status === 'offer' && unitPrice !== null)
    return choice.products.find((p) => Math.abs(p.price - unitPrice) < 0.01) ?? null
  // "three more of those bottles": an item the customer ordered before.
  const order = unitPrice === null ? await orderOfMentionedItem(sc) : null
  const sku = order && typeof sc.state.slots.sku === 'string' ? sc.state.slots.sku : null
  return sku ? await sc.ctx.store.products.get(sc.ctx.shop.id, sku) : null
}

/** The last computation (`slots.basket`), for "and with four?" and "加个39的够不够". */
export type Basket = {
  unit: number | null
  quantity: number
  total: number
  sku?: string
  currency: string
  /** The priced items when the customer named several ("269的裤子加59的T恤"). */
  items?: DiscountItem[]
  /** Computed for a newly registered customer (the welcome coupon applies from then on). */
  newCustomer?: boolean
}

export function readBasket(v: unknown): Basket | null {
  if (!v || typeof v !== 'object') return null
  const b = v as Record<string, unknown>
  if (typeof b.total !== 'number' || typeof b.quantity !== 'number') return null
  return {
    unit: typeof b.unit === 'number' ? b.unit : null,
    quantity: b.quantity,
    total: b.total,
    ...(typeof b.sku === 'string' ? { sku: b.sku } : {}),
    currency: typeof b.currency === 'string' ? b.currency : 'CNY',
    ...(Array.isArray(b.items) ? { items: b.items.filter(isItem) } : {}),
    ...(b.newCustomer === true ? { newCustomer: true } : {}),
  }
}

function isItem(v: unknown): v is DiscountItem {
  const i = v as DiscountItem | null
  return Boolean(i) && typeof i!.quantity === 'number' && typeof i!.unitPrice === 'number'
}

/** The item of several whose name shares the most words with what the customer said. */
function itemCalled(items: readonly DiscountItem[], said: readonly string[]): DiscountItem | null {
  const want = new Set(said)
  const scored = items
    .map((i) => ({ i, n: (i.words ?? []).filter((w) => want.has(w)).length }))
    .sort((a, b) => b.n - a.n)
  const top = scored[0]
  return top && top.n > 0 && scored.filter((x) => x.n === top.n).length === 1 ? top.i : null
}

function itemsSum(L: SkillContext['locale'], items: readonly DiscountItem[], base: number | null): Priced {
  const total = items.reduce((a, i) => a + i.quantity * i.unitPrice, 0)
  const parts = items.map((i) => (i.quantity > 1 ? `${i.quantity} × ${money(i.unitPrice)}` : money(i.unitPrice)))
  const all = base !== null ? [money(base), ...parts] : parts
  const sum = base !== null ? base + total : total
  const text =
    all.length === 1
      ? say(L, `${items[0]?.label ?? ''} ${all[0]}`.trim(), `${items[0]?.label ?? ''} ${all[0]}`.trim())
      : say(L, `合计：${all.join(' + ')} = ${money(sum)}`, `Total: ${all.join(' + ')} = ${money(sum)}`)
  return {
    sum: text,
    total: sum,
    currency: 'CNY',
    basket: { unit: null, quantity: 1, total: sum, currency: 'CNY', items: [...items] },
  }
}

/** What is being priced: the sum's wording and its total. */
type Priced = { sum: string; total: number; currency: string; basket: Basket }

async function priced(sc: SkillContext, q: DiscountQuestion): Promise<Priced | null> {
  const L = sc.locale
  const before = readBasket(sc.state.slots.basket)
  if (q.requantify && before) {
    if (q.onlyWords && before.items) {
      const one = itemCalled(before.items, q.onlyWords)
      return one ? itemsSum(L, [one], null) : null
    }
    if (q.quantityNamed && before.unit !== null) {
      const p = before.sku ? await sc.ctx.store.products.get(sc.ctx.shop.id, before.sku) : null
      return line(L, p, q.quantity, before.unit, before.currency, null)
    }
    // "再用新人券呢": the same items again.
    if (before.items && before.items.length > 0) return itemsSum(L, before.items, null)
    const p = before.sku ? await sc.ctx.store.products.get(sc.ctx.shop.id, before.sku) : null
    if (before.unit !== null) return line(L, p, before.quantity, before.unit, before.currency, null)
    return {
      sum: say(L, `合计 ${money(before.total)}`, `Total ${money(before.total)}`),
      total: before.total,
      currency: before.currency,
      basket: before,
    }
  }
  if (q.items && q.items.length > 1)
    return itemsSum(L, q.items, q.cartTotal ?? (q.addOn && before ? before.total : null))
  const base = q.cartTotal ?? (q.addOn && before ? before.total : null)
  const named = q.unitPrice !== null || q.quantityNamed || Boolean(sc.extracted.sku) || sc.signals.deictic
  if (base !== null && !named) {
    // "购物车280 还差多少能满减": the amount alone.
    return {
      sum: say(L, `购物车合计 ${money(base)}`, `Your cart comes to ${money(base)}`),
      total: base,
      currency: 'CNY',
      basket: { unit: null, quantity: 1, total: base, currency: 'CNY' },
    }
  }
  const p = await productFor(sc, q.unitPrice)
  const unit = q.unitPrice ?? p?.price ?? null
  if (unit === null) return null
  return line(L, p, q.quantity, unit, p?.currency ?? 'CNY', base)
}

function line(
  L: SkillContext['locale'],
  p: Product | null,
  quantity: number,
  unit: number,
  currency: string,
  base: number | null,
): Priced {
  const items = unit * quantity
  const total = items + (base ?? 0)
  const what = p
    ? say(L, `${quantity} 件 ${productTitle(p, L)}`, `${quantity} × ${productTitle(p, L)}`)
    : say(L, `${quantity} 件`, `${quantity} item${quantity > 1 ? 's' : ''}`)
  const itemSum = `${quantity} × ${money(unit, currency)} = ${money(items, currency)}`
  const sum =
    base === null
      ? `${what}${say(L, '：', ': ')}${itemSum}`
      : say(
          L,
          `${what}（${itemSum}），加上原来的 ${money(base, currency)}，合计 ${money(total, currency)}`,
          `${what} (${itemSum}) on top of ${money(base, currency)} makes ${money(total, currency)}`,
        )
  return {
    sum,
    total,
    currency,
    basket: { unit, quantity, total, ...(p ? { sku: p.sku } : {}), currency },
  }
}

export async function promotionSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const q = sc.cues.discount ?? { quantity: 1, unitPrice: null }
  const it = await priced(sc, q)
  if (!it)
    return ask(
      sc,
      'product',
      {
        text: say(
          L,
          '请问是哪一款商品、买几件？告诉我商品名称或价格，我帮您算优惠。',
          'Which product, and how many? Tell me its name or price and I will work out the discount.',
        ),
      },
      'promotion_ask_product',
    )
  if (it.basket.sku) sc.state.slots.sku = it.basket.sku
  const { sum, total, currency } = it
  const promos = activePromotions(sc.ctx.shop, sc.ctx.now)
  const lines: string[] = []
  if (promos.length === 0) {
    lines.push(
      say(
        L,
        `${sum}。目前没有进行中的满减活动，按现价结算。`,
        `${sum}. There is no promotion running right now, so that is the price.`,
      ),
    )
  } else {
    // The best running promotion for this total (they do not stack).
    const best = promos.map((r) => ({ r, off: promotionDiscount(r, total) })).sort((a, b) => b.off - a.off)[0]!
    const { r, off } = best
    const rule = say(
      L,
      `「${r.nameZh}」每满${r.everyAmount}减${r.off}`,
      `${r.nameEn}: ${r.off} off every ${r.everyAmount}`,
    )
    lines.push(
      off > 0
        ? say(
            L,
            `${sum}，按${rule}，可减 ${money(off, currency)}，到手 ${money(total - off, currency)}。`,
            `${sum}. With ${rule}, that's ${money(off, currency)} off: you pay ${money(total - off, currency)}.`,
          )
        : say(
            L,
            `${sum}，还不到${rule}的门槛，还差 ${money(r.everyAmount - total, currency)}，凑够就能减 ${money(r.off, currency)}。`,
            `${sum}, below the threshold of ${rule}: add ${money(r.everyAmount - total, currency)} more to get ${money(r.off, currency)} off.`,
          ),
    )
  }
  const newCustomer = Boolean(q.newCustomer || (q.requantify && readBasket(sc.state.slots.basket)?.newCustomer))
  if (newCustomer) {
    it.basket.newCustomer = true
    const off = promos.length > 0 ? Math.max(...promos.map((r) => promotionDiscount(r, total))) : 0
    const coupon = welcomeCoupon(L, sc.ctx.shop, total - off, currency)
    if (coupon) lines.push(coupon)
  }
  sc.state.slots.basket = it.basket
  return done(sc, [{ text: lines.join('\n') }], 'answer', promos.length > 0 ? 'promotion_computed' : 'promotion_none')
}

/** The welcome coupon on the amount after the promotion: what is paid with it, or why it does not apply. */
function welcomeCoupon(
  L: SkillContext['locale'],
  shop: SkillContext['ctx']['shop'],
  after: number,
  currency: string,
): string | null {
  const c = shopCoupons(shop)
    .filter((x) => x.newCustomersOnly)
    .sort((a, b) => b.off - a.off)[0]
  if (!c) return null
  if (after < c.minSpend)
    return say(
      L,
      `${c.nameZh}（满${c.minSpend}减${c.off}）需要满 ${money(c.minSpend, currency)} 才能用，这单还用不了。`,
      `The ${c.nameEn} (${c.off} off ${c.minSpend}) needs ${money(c.minSpend, currency)}, so it does not apply here.`,
    )
  return say(
    L,
    `新用户再用${c.nameZh}（满${c.minSpend}减${c.off}）：${money(after, currency)} − ${money(c.off, currency)}，最后付 ${money(after - c.off, currency)}。`,
    `As a new customer, the ${c.nameEn} (${c.off} off ${c.minSpend}) takes ${money(c.off, currency)} more: you pay ${money(after - c.off, currency)}.`,
  )
}

/**
 * "能保价吗", "划线1099现在899 是真降价吗", "听说双12全场五折": the shop's price rules (its FAQ), headed by the
 * current price of the product the customer names, so the rule is read against the real numbers.
 */
export async function pricePolicySkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const choice = await chooseProduct(sc, { owned: false })
  const p = choice.status === 'found' && choice.via !== 'search' ? choice.product : null
  let head = ''
  if (p) {
    const was = p.listPrice && p.listPrice > p.price ? p.listPrice : null
    head = say(
      L,
      `${productTitle(p, L)} 现价 ${money(p.price, p.currency)}${was ? `（划线价 ${money(was, p.currency)}）` : ''}。\n`,
      `${productTitle(p, L)} costs ${money(p.price, p.currency)} now${was ? ` (was ${money(was, p.currency)})` : ''}.\n`,
    )
  }
  // Asked without the product's words, so they do not pull the match towards that product's care or spec entries.
  const said = [
    ...sc.ctx.nlu.entities.filter((e) => e.type === 'product').map((e) => e.text),
    (await mentionedCategory(sc))?.word ?? '',
  ].filter((w) => w.length > 0)
  const text = sc.understanding.read.queryWithout(said)
  return knowledgeSkill(sc, head, { kinds: ['faq'], text, topicKnown: true })
}
