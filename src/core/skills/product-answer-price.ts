/**
 * "140W那个充电站能给笔记本满速充吗 多少钱": a product fact answered from the catalog, with the
 * product's current price added when the message asks for it too and the answer does not say it.
 */
import { productTitle } from './resolve-product.js'
import type { SkillContext, SkillResult } from './skill-types.js'
import { money, say } from './text.js'

export async function withPriceAsked(sc: SkillContext, r: SkillResult): Promise<SkillResult> {
  if (!sc.cues.asksPrice || r.action !== 'answer') return r
  const tag = 'knowledge_product:'
  if (!r.reason.startsWith(tag)) return r
  const sku = r.reason.slice(tag.length)
  const p = await sc.ctx.store.products.get(sc.ctx.shop.id, sku)
  if (!p) return r
  const price = money(p.price, p.currency)
  const shown = r.replies.some((x) => x.text.includes(String(p.price)))
  if (shown) return r
  sc.state.slots.sku = p.sku
  const was = p.listPrice && p.listPrice > p.price ? money(p.listPrice, p.currency) : null
  const text = say(
    sc.locale,
    `${productTitle(p, 'zh')} 现价 ${price}${was ? `（划线价 ${was}）` : ''}。`,
    `${productTitle(p, 'en')} costs ${price} now${was ? ` (was ${was})` : ''}.`,
  )
  return { ...r, replies: [...r.replies, { text }] }
}
