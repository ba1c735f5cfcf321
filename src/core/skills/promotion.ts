/**
 * "买两条399的毛衣裙能减多少", "how much off if I buy two?": computes what the shop's running promotions
 * (`shop.settings.promotions`) take off the items' total, from the catalog price (or the price the
 * customer names) and the quantity the understanding stage read.
 */
import type { Product } from '../domain/schemas.js'
import { knowledgeSkill } from './knowledge-answer.js'
import { mentionedCategory } from './product-mention.js'
import { chooseProduct, productTitle } from './resolve-product.js'
import { activePromotions, promotionDiscount } from './shop-rules.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { money, say } from './text.js'

/** The product the question is about: the one found, or the offered one at the price the customer named. */
async function productFor(sc: SkillContext, unitPrice: number | null): Promise<Product | null> {
  const choice = await chooseProduct(sc, { owned: false })
  if (choice.status === 'found') return choice.product
  if (choice.status === 'offer' && unitPrice !== null)
    return choice.products.find((p) => Math.abs(p.price - unitPrice) < 0.01) ?? null
  return null
}

export async function promotionSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const q = sc.cues.discount ?? { quantity: 1, unitPrice: null }
  const p = await productFor(sc, q.unitPrice)
  const unit = q.unitPrice ?? p?.price ?? null
  if (unit === null)
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
  if (p) sc.state.slots.sku = p.sku
  const currency = p?.currency ?? 'CNY'
  const total = unit * q.quantity
  const what = p
    ? say(L, `${q.quantity} 件 ${productTitle(p, L)}`, `${q.quantity} × ${productTitle(p, L)}`)
    : say(L, `${q.quantity} 件`, `${q.quantity} item${q.quantity > 1 ? 's' : ''}`)
  const sum = say(
    L,
    `${what}：${q.quantity} × ${money(unit, currency)} = ${money(total, currency)}`,
    `${what}: ${q.quantity} × ${money(unit, currency)} = ${money(total, currency)}`,
  )
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
            `${sum}，还不到${rule}的门槛，再凑 ${money(r.everyAmount - total, currency)} 就能减 ${money(r.off, currency)}。`,
            `${sum}, below the threshold of ${rule}: add ${money(r.everyAmount - total, currency)} more to get ${money(r.off, currency)} off.`,
          ),
    )
  }
  return done(sc, [{ text: lines.join('\n') }], 'answer', promos.length > 0 ? 'promotion_computed' : 'promotion_none')
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
