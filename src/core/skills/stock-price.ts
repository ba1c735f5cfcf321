/** Stock and price, live from the store, by product / size / colour. */
import type { Product } from '../domain/schemas.js'
import { canonicalColour } from '../nlu/colours.js'
import { colourListReply, displayColour, localColours, namedCatalogColour } from './product-colours.js'
import { chooseProduct, offerProducts, productTitle, variantStock, variantsOf } from './resolve-product.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { list, money, say } from './text.js'

function askProduct(sc: SkillContext, reason: string): SkillResult {
  return ask(
    sc,
    'product',
    {
      text: say(
        sc.locale,
        '请问是哪一款商品？可以发商品名称、型号或链接给我。',
        'Which product do you mean? Send me its name, model or link.',
      ),
    },
    reason,
  )
}

function variantLabel(sc: SkillContext, named?: string | null): { size?: string; colour?: string } {
  const out: { size?: string; colour?: string } = {}
  let size = typeof sc.state.slots.size === 'string' ? sc.state.slots.size : undefined
  if (!size) {
    if (sc.extracted.sizeWord) {
      size = sc.extracted.sizeWord
      sc.state.slots.size = size
    }
  }
  let colour = typeof sc.state.slots.color === 'string' ? sc.state.slots.color : undefined
  const inText = named ?? sc.extracted.colourWord
  if (inText) {
    colour = inText
    sc.state.slots.color = inText
  }
  if (size) out.size = size
  if (colour) out.colour = colour
  return out
}

/** The stock skill: is it in stock, in this size / colour? Suggests in-stock alternatives when not. */
export async function stockSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const choice = await chooseProduct(sc, { owned: false })
  if (choice.status === 'offer') return offerProducts(sc, choice, 'stock_ask_product_in_category', { zh: '', en: '' })
  if (choice.status === 'none') return askProduct(sc, 'stock_ask_product')
  const p = choice.product
  const title = productTitle(p, L)
  // "do they come in dark blue?": the catalogue's own colour name before the colour family.
  const named = namedCatalogColour(sc, p)
  if (named) sc.state.slots.color = named
  const { size, colour } = variantLabel(sc, named)
  // "有啥颜色", "what colours does it come in?": the colours by their catalogue names.
  if (sc.cues.asksWhichColours && !named && !sc.extracted.colourWord) {
    const listed = colourListReply(sc, p, size)
    if (listed) return listed
  }
  const { colours, sizes } = variantsOf(p)
  const wantColour = colour ? displayColour(p, colour, L) : undefined
  const lines: string[] = []
  if (size && sizes.length > 0 && !sizes.some((s) => s.toUpperCase() === size.toUpperCase())) {
    lines.push(
      say(
        L,
        `${title} 没有 ${size} 码，可选尺码：${list(sizes, L)}。`,
        `${title} doesn't come in ${size}. Sizes: ${list(sizes, L)}.`,
      ),
    )
    return done(sc, [{ text: lines.join('\n') }], 'answer', 'stock_size_not_offered')
  }
  if (colour && colours.length > 0 && !colours.some((c) => canonicalColour(c) === canonicalColour(colour))) {
    lines.push(
      say(
        L,
        `${title} 没有${wantColour}，可选颜色：${list(colours, L)}。`,
        `${title} doesn't come in ${wantColour}. Colours: ${list(localColours(p, L), L)}.`,
      ),
    )
    return done(sc, [{ text: lines.join('\n') }], 'answer', 'stock_colour_not_offered')
  }
  const variant = [wantColour, size].filter(Boolean).join(' ')
  const n = variantStock(p, size, colour) ?? p.stock
  const name = variant ? `${title}（${variant}）` : title
  const nameEn = variant ? `${title} (${variant})` : title
  if (n > 0) {
    lines.push(
      n <= 5
        ? say(
            L,
            `${name} 有货，仅剩 ${n} 件，喜欢的话尽快下单哦。价格 ${money(p.price, p.currency)}。`,
            `${nameEn} is in stock, only ${n} left. Price ${money(p.price, p.currency)}.`,
          )
        : say(
            L,
            `${name} 有货（库存 ${n} 件），价格 ${money(p.price, p.currency)}。`,
            `${nameEn} is in stock (${n} available), price ${money(p.price, p.currency)}.`,
          ),
    )
  } else {
    lines.push(say(L, `抱歉，${name} 暂时缺货。`, `Sorry, ${nameEn} is out of stock right now.`))
    const alts: Product[] = []
    for (const sku of p.related ?? []) {
      const a = await sc.ctx.store.products.get(sc.ctx.shop.id, sku)
      if (a && a.stock > 0) alts.push(a)
      if (alts.length >= 3) break
    }
    if (alts.length > 0) {
      sc.state.candidates = { kind: 'product', ids: alts.map((a) => a.sku) }
      lines.push(
        say(
          L,
          `有货的相似商品：${list(
            alts.map((a) => `${productTitle(a, L)}（${money(a.price, a.currency)}）`),
            L,
          )}。`,
          `Similar items in stock: ${list(
            alts.map((a) => `${productTitle(a, L)} (${money(a.price, a.currency)})`),
            L,
          )}.`,
        ),
      )
    }
  }
  sc.state.lastQuery = { intent: 'stock_availability', slots: { ...sc.state.slots } }
  return done(
    sc,
    [
      {
        text: lines.join('\n'),
        card: { type: 'product', data: { sku: p.sku, title: p.title, price: p.price, stock: n } },
      },
    ],
    'answer',
    n > 0 ? 'stock_available' : 'stock_out',
  )
}

/** The price skill: live price, and the saving when the price dropped from the list price. */
export async function priceSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const choice = await chooseProduct(sc, { owned: false })
  if (choice.status === 'offer') return offerProducts(sc, choice, 'price_ask_product_in_category', { zh: '', en: '' })
  if (choice.status === 'none') return askProduct(sc, 'price_ask_product')
  const p = choice.product
  const title = productTitle(p, L)
  const { size, colour } = variantLabel(sc)
  const variant = [colour ? displayColour(p, colour, L) : undefined, size].filter(Boolean).join(' ')
  const price = money(p.price, p.currency)
  const lines = [
    variant
      ? say(L, `${title}（${variant}）现价 ${price}。`, `${title} (${variant}) costs ${price}.`)
      : say(L, `${title} 现价 ${price}。`, `${title} costs ${price}.`),
  ]
  if (p.listPrice && p.listPrice > p.price) {
    lines.push(
      say(
        L,
        `原价 ${money(p.listPrice, p.currency)}，现在立省 ${money(p.listPrice - p.price, p.currency)}。`,
        `That's down from ${money(p.listPrice, p.currency)}, you save ${money(p.listPrice - p.price, p.currency)}.`,
      ),
    )
  }
  if (p.stock === 0) lines.push(say(L, '目前缺货。', "It's out of stock at the moment."))
  sc.state.lastQuery = { intent: 'price_promotion', slots: { ...sc.state.slots } }
  return done(
    sc,
    [
      {
        text: lines.join('\n'),
        card: { type: 'product', data: { sku: p.sku, title: p.title, price: p.price, stock: p.stock } },
      },
    ],
    'answer',
    'price_from_catalog',
  )
}
