/**
 * A product's colours as the catalogue names them: "有啥颜色" / "what colours does it come in?" lists them
 * (in the customer's language, with stock when the catalogue keeps it per colour), and a colour the
 * customer names is matched to the catalogue's own name first ("dark blue" is the jeans' Dark Blue, not
 * the Denim Blue that is also blue), the coarse colour families only after that.
 */
import type { Product } from '../domain/schemas.js'
import { canonicalColour } from '../nlu/colours.js'
import { productTitle, variantStock, variantsOf } from './resolve-product.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { list, say } from './text.js'

/** The product's colour names in the customer's language (`colorsEn` for English when the catalog has it). */
export function localColours(p: Product, locale: 'zh' | 'en'): string[] {
  const en = (p.attributes as Record<string, unknown> | undefined)?.colorsEn
  const { colours } = variantsOf(p)
  return locale === 'en' && Array.isArray(en) && en.length === colours.length ? en.map(String) : colours
}

/** The catalogue's name of `colour` in the customer's language: the exact name first, then the colour family. */
export function displayColour(p: Product, colour: string, locale: 'zh' | 'en'): string {
  const { colours } = variantsOf(p)
  const en = localColours(p, 'en')
  const key = colour.trim().toLowerCase()
  let i = colours.findIndex((c, n) => c.toLowerCase() === key || en[n]?.toLowerCase() === key)
  if (i < 0) i = colours.findIndex((c) => canonicalColour(c) === canonicalColour(colour))
  return i >= 0 ? (localColours(p, locale)[i] ?? colour) : colour
}

/**
 * The catalogue colour (its own, untranslated name) the message describes — "dark blue", "深蓝那个",
 * "the volt yellow" — when the words single one out; null otherwise.
 */
export function namedCatalogColour(sc: SkillContext, p: Product): string | null {
  const { colours } = variantsOf(p)
  if (colours.length < 2) return null
  const en = localColours(p, 'en')
  const id = sc.understanding.read.pickByDescription(colours.map((c, i) => ({ id: String(i), texts: [c, en[i] ?? c] })))
  return id === null ? null : (colours[Number(id)] ?? null)
}

/** "有啥颜色": the product's colours by their catalogue names, or null when the catalogue lists none. */
export function colourListReply(sc: SkillContext, p: Product, size: string | undefined): SkillResult | null {
  const L = sc.locale
  const { colours } = variantsOf(p)
  if (colours.length === 0) return null
  const names = localColours(p, L)
  const title = productTitle(p, L)
  const perColour = colours.map((c) => variantStock(p, size, c))
  const known = perColour.every((n) => n !== null)
  const shown = known
    ? names.map((n, i) => (perColour[i]! > 0 ? n : say(L, `${n}（缺货）`, `${n} (out of stock)`)))
    : names
  const sized = size ? say(L, `，${size} 码`, `, size ${size}`) : ''
  const stock =
    !known && p.stock > 0
      ? say(L, `目前有货${sized}。`, ` In stock${sized}.`)
      : p.stock === 0
        ? say(L, '目前缺货。', ' Out of stock right now.')
        : ''
  sc.state.lastQuery = { intent: 'stock_availability', slots: { ...sc.state.slots } }
  return done(
    sc,
    [
      {
        text: say(
          L,
          `${title} 有 ${colours.length} 种颜色：${list(shown, L)}。${stock}`,
          `${title} comes in ${colours.length} colours: ${list(shown, L)}.${stock}`,
        ),
      },
    ],
    'answer',
    'stock_colours_listed',
  )
}
