/** Which product a turn is about: an NLU product entity, "the second one", context, or a catalog search. */
import type { Product } from '../domain/schemas.js'
import type { SkillContext } from './skill-types.js'

const COLOURS: Record<string, string[]> = {
  red: ['红', '红色', 'red'],
  black: ['黑', '黑色', 'black'],
  white: ['白', '白色', 'white'],
  blue: ['蓝', '蓝色', 'blue', 'navy', '藏青', '藏蓝'],
  green: ['绿', '绿色', 'green'],
  yellow: ['黄', '黄色', 'yellow'],
  pink: ['粉', '粉色', '粉红', 'pink'],
  purple: ['紫', '紫色', 'purple'],
  grey: ['灰', '灰色', 'grey', 'gray'],
  brown: ['棕', '棕色', '咖啡色', 'brown'],
  beige: ['米色', '米白', '卡其', 'beige', 'khaki'],
  orange: ['橙', '橙色', 'orange'],
  silver: ['银', '银色', 'silver'],
  gold: ['金', '金色', 'gold'],
}

/** Canonical English colour name for any zh/en spelling, or the input lower-cased. */
export function canonicalColour(c: string): string {
  const s = c.trim().toLowerCase()
  for (const [k, names] of Object.entries(COLOURS)) {
    if (names.some((n) => s === n || s.includes(n))) return k
  }
  return s
}

/** Colours mentioned in free text (fallback when NLU gave none). */
export function colourInText(text: string): string | null {
  const s = text.toLowerCase()
  for (const [k, names] of Object.entries(COLOURS)) {
    if (names.some((n) => (/^[a-z]+$/.test(n) ? new RegExp(`\\b${n}\\b`).test(s) : n.length > 1 && s.includes(n))))
      return k
  }
  return null
}

/** The product's colour list and size list, read from the free-form attributes. */
export function variantsOf(p: Product): { colours: string[]; sizes: string[] } {
  const a = p.attributes as Record<string, unknown>
  const arr = (...keys: string[]) => {
    for (const k of keys) {
      const v = a[k]
      if (Array.isArray(v)) return v.map(String)
    }
    return []
  }
  const sizes = arr('sizes', 'size')
  const fromChart = p.sizeChart?.rows.map((r) => r.size) ?? []
  return { colours: arr('colours', 'colors', 'colour', 'color'), sizes: sizes.length > 0 ? sizes : fromChart }
}

/** Stock for a size/colour: per-variant stock when the catalog has it, else the product total. */
export function variantStock(p: Product, size?: string, colour?: string): number | null {
  const a = p.attributes as Record<string, unknown>
  const variants = a.variants ?? a.stockByVariant
  if (Array.isArray(variants) && (size || colour)) {
    const match = variants.filter((v) => {
      if (!v || typeof v !== 'object') return false
      const o = v as Record<string, unknown>
      if (size && o.size !== undefined && String(o.size).toUpperCase() !== size.toUpperCase()) return false
      if (colour && o.color !== undefined && canonicalColour(String(o.color)) !== canonicalColour(colour)) return false
      if (colour && o.colour !== undefined && canonicalColour(String(o.colour)) !== canonicalColour(colour))
        return false
      return true
    })
    if (match.length > 0) return match.reduce((n, v) => n + (Number((v as Record<string, unknown>).stock) || 0), 0)
    return 0
  }
  return null
}

const norm = (t: string) => t.toLowerCase().replace(/[\s\-_]+/g, '')

/**
 * Catalog lookup by title, alias or model written in the message (longest name wins), read through the
 * turn's store so it sees the live catalog inside the turn's transaction.
 */
export async function matchCatalog(sc: SkillContext): Promise<Product | null> {
  const text = norm(sc.ctx.text)
  if (!text) return null
  let best: { p: Product; len: number } | null = null
  for (let offset = 0; offset < 20_000; offset += 500) {
    const page = await sc.ctx.store.products.list(sc.ctx.shop.id, { limit: 500, offset })
    for (const p of page) {
      for (const name of [p.title, ...(p.aliases ?? [])]) {
        const n = norm(name)
        if (n.length >= 2 && text.includes(n) && (!best || n.length > best.len)) best = { p, len: n.length }
      }
    }
    if (page.length < 500) break
  }
  return best?.p ?? null
}

/** Finds the product of this turn and stores its SKU in the `sku` slot. */
export async function resolveProduct(sc: SkillContext): Promise<Product | null> {
  const { store, shop, knowledge } = sc.ctx
  const c = sc.state.candidates
  if (!sc.extracted.sku && c?.kind === 'product' && sc.signals.ordinal !== null) {
    const id = sc.signals.ordinal === -1 ? c.ids[c.ids.length - 1] : c.ids[sc.signals.ordinal]
    if (id) sc.state.slots.sku = id
  }
  const sku = typeof sc.state.slots.sku === 'string' ? sc.state.slots.sku : undefined
  if (sku) {
    const p = await store.products.get(shop.id, sku)
    if (p) return p
  }
  const own = await matchCatalog(sc)
  if (own) {
    sc.state.slots.sku = own.sku
    return own
  }
  const hits = await knowledge.search(sc.ctx.text, { locale: sc.locale, kinds: ['product'], limit: 3 })
  const top = hits[0]
  if (top && top.score >= 0.5) {
    const p = await store.products.get(shop.id, top.id)
    if (p) {
      sc.state.slots.sku = p.sku
      return p
    }
  }
  return null
}
