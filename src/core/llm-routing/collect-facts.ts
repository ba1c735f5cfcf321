/**
 * The facts an LLM answer may be built from: the shop's own data only. The top knowledge hits for
 * the message (FAQ answers, fault solutions), the products involved with their *live* price and
 * stock read from the store at this moment, and — for a customer whose identity is known — the one
 * order the message is about. Nothing else reaches the model, and the answer is later checked
 * against exactly these facts (verify-grounded-answer.ts).
 */
import type { DialogueState, TurnContext } from '../dialogue/types.js'
import type { Customer, Locale, Order, Product } from '../domain/schemas.js'
import { displayName } from '../knowledge/answer-product-question.js'
import { productOfHit } from '../knowledge/catalog-index.js'
import type { KnowledgeBase, KnowledgeHit, KnowledgeSearchOptions, RankedSearch } from '../knowledge/types.js'
import { statusLabel } from '../skills/resolve-order.js'
import { day, money, shopTimeZone, when } from '../skills/text.js'
import { extractNumbers } from './extract-numbers.js'
import { withNumbers } from './fact-numbers.js'

export type FactKind = 'faq' | 'product' | 'order' | 'fault'

export type Fact = {
  /** Stable id recorded with the answer: `faq:F012`, `product:PH-X2P`, `order:KF2026…`, `fault:FLT-3`. */
  id: string
  kind: FactKind
  /** What the model reads, in the customer's language where the data has it. */
  text: string
  /** Money amounts this fact states (price, list price, order total, FAQ thresholds). */
  amounts: number[]
  /** For product facts: the SKU (product names in the answer must be one of these). */
  sku?: string
  /** For product facts: the names the answer may call it by (a price next to one must be this product's). */
  names?: string[]
}

export type CollectFactsOptions = {
  /** Knowledge hits to take (default 5). */
  limit?: number
  /** Products to include at most (default 3). */
  maxProducts?: number
  /** The signed-in or verified customer; without one, no order data is ever included. */
  customer: Customer | null
}

const ORDER_INTENTS = new Set(['order_status', 'logistics', 'modify_order', 'cancel_order', 'return_refund'])
const ORDER_WORDS =
  /(订单|单号|快递|物流|包裹|发货|到货|退款|退货|order|parcel|package|delivery|shipping|shipment|refund)/i
/** Intents about products: their facts are topped up with product-only hits. */
const PRODUCT_INTENTS = new Set(['product_inquiry', 'recommendation', 'price_promotion', 'stock_availability'])
/** Product-only hits below this score are noise (a shared word), not candidates. */
const MIN_PRODUCT_SCORE = 0.1
const MAX_ATTR_CHARS = 600
const MAX_DESC_CHARS = 300

/**
 * Collects the facts for one message.
 *
 * @example
 * const facts = await collectFacts(ctx, state, { customer })
 * // [{ id: 'faq:F012', kind: 'faq', text: '问：…\n答：…', amounts: [99] }, …]
 */
export async function collectFacts(ctx: TurnContext, state: DialogueState, opts: CollectFactsOptions): Promise<Fact[]> {
  const locale = ctx.locale
  const facts: Fact[] = []
  const seen = new Set<string>()
  const add = (f: Fact) => {
    if (seen.has(f.id)) return
    seen.add(f.id)
    facts.push(f)
  }
  const search = await searchOnce(ctx.knowledge, ctx.text, { locale, limit: opts.limit ?? 5 })
  const hits = search.hits
  // Rows the search just read live for its product hits: not read a second time.
  const read = new Map<string, Product>()
  const remember = (h: KnowledgeHit) => {
    const p = h.kind === 'product' ? productOfHit(h) : undefined
    if (p) read.set(p.sku, p)
  }
  for (const h of hits) remember(h)
  const skus: string[] = []
  // The product the conversation is about comes first: "这款" refers to it.
  for (const e of ctx.nlu.entities) if (e.type === 'product' && typeof e.value === 'string') skus.push(e.value)
  if (typeof state.slots.sku === 'string') skus.push(state.slots.sku)
  for (const h of hits) {
    if (h.score <= 0) continue
    if (h.kind === 'product') skus.push(h.id)
    else if (h.kind === 'faq') {
      add(
        textFact(`faq:${h.id}`, 'faq', say(locale, `问：${h.title}\n答：${h.answer}`, `Q: ${h.title}\nA: ${h.answer}`)),
      )
    } else {
      const solutions = Array.isArray(h.data?.solutions) ? (h.data.solutions as unknown[]).map(String) : [h.answer]
      const text = say(
        locale,
        `故障“${h.title}”的处理办法（按顺序）：${solutions.join('；')}`,
        `Fault "${h.title}", solutions in order: ${solutions.join('; ')}`,
      )
      add(textFact(`fault:${h.id}`, 'fault', text))
    }
  }
  const maxProducts = opts.maxProducts ?? 3
  if (PRODUCT_INTENTS.has(ctx.nlu.intent) && skus.length < maxProducts) {
    // FAQ entries crowd products out of a mixed top 5; a product question needs the catalog.
    const more = await search.narrow(['product'], maxProducts)
    for (const h of more) {
      remember(h)
      if (h.score >= MIN_PRODUCT_SCORE) skus.push(h.id)
    }
  }
  let products = 0
  for (const sku of [...new Set(skus)]) {
    if (products >= maxProducts) break
    const p = read.get(sku) ?? (await ctx.store.products.get(ctx.shop.id, sku))
    if (!p) continue
    products++
    add(productFactOf(p, locale))
  }
  const order = await relevantOrder(ctx, state, opts.customer)
  if (order) add(await orderFact(ctx, order, locale))
  return facts
}

/** The knowledge base's one ranking cut twice when it has one; else two searches. */
async function searchOnce(kb: KnowledgeBase, text: string, opts: KnowledgeSearchOptions): Promise<RankedSearch> {
  if (kb.searchRanked) return kb.searchRanked(text, opts)
  return {
    hits: await kb.search(text, opts),
    narrow: (kinds, limit) => kb.search(text, { ...(opts.locale ? { locale: opts.locale } : {}), kinds, limit }),
  }
}

/** FAQ and fault facts by id and text, most recent last: the same entries answer turn after turn. */
const textFacts = new Map<string, Fact>()
const TEXT_FACTS_KEPT = 2000

/** A fact that is its text (an FAQ entry, a fault's solutions), built once per id and text. */
function textFact(id: string, kind: 'faq' | 'fault', text: string): Fact {
  const key = `${id}\n${text}`
  const known = textFacts.get(key)
  if (known) return known
  const x = extractNumbers(text)
  const fact = Object.freeze(withNumbers<Fact>({ id, kind, text, amounts: x.amounts }, x))
  if (textFacts.size >= TEXT_FACTS_KEPT) textFacts.delete(textFacts.keys().next().value as string)
  textFacts.set(key, fact)
  return fact
}

function say(locale: Locale, zh: string, en: string): string {
  return locale === 'zh' ? zh : en
}

function attributeText(p: Product, locale: Locale): string {
  const parts: string[] = []
  for (const [k, raw] of Object.entries(p.attributes)) {
    // `colorsEn` is the English twin of `colors`: the customer's language picks one of the pair.
    if (k === 'titleEn' || k === 'brandEn' || k === 'descriptionEn' || /[a-z0-9]En$/.test(k)) continue
    const twin = p.attributes[`${k}En`]
    const v = locale === 'en' && twin !== undefined ? twin : raw
    let value: string
    if (Array.isArray(v)) value = v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join('/')
    else if (typeof v === 'boolean') value = locale === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no'
    else if (v !== null && typeof v === 'object') value = JSON.stringify(v)
    else value = String(v)
    parts.push(`${k}: ${value}`)
  }
  const s = parts.join('; ')
  return s.length > MAX_ATTR_CHARS ? `${s.slice(0, MAX_ATTR_CHARS)}…` : s
}

/**
 * Product facts built from rows that cannot change: the store's catalog cache hands out one deeply
 * frozen object per product until the product is written (then a new one), so the fact of such a
 * row — a pure function of the row and the language — is built once, not on every turn that names it.
 */
const frozenRowFacts = new WeakMap<Product, Partial<Record<Locale, Fact>>>()

function productFactOf(p: Product, locale: Locale): Fact {
  if (!Object.isFrozen(p) || !Object.isFrozen(p.attributes)) return productFact(p, locale)
  let byLocale = frozenRowFacts.get(p)
  if (!byLocale) {
    byLocale = {}
    frozenRowFacts.set(p, byLocale)
  }
  let fact = byLocale[locale]
  if (!fact) {
    fact = Object.freeze(productFact(p, locale))
    byLocale[locale] = fact
  }
  return fact
}

/** A product with live price and stock, as the model reads it. */
export function productFact(p: Product, locale: Locale): Fact {
  const name = displayName(p, locale)
  const other = locale === 'zh' ? p.attributes.titleEn : p.title
  const desc =
    locale === 'en' && typeof p.attributes.descriptionEn === 'string' ? p.attributes.descriptionEn : p.description
  const shortDesc = desc.length > MAX_DESC_CHARS ? `${desc.slice(0, MAX_DESC_CHARS)}…` : desc
  const list = p.listPrice !== undefined && p.listPrice > p.price ? p.listPrice : null
  const attrs = attributeText(p, locale)
  const text =
    locale === 'zh'
      ? [
          `商品：${name}${typeof other === 'string' && other !== name ? `（${other}）` : ''}，SKU ${p.sku}，品牌 ${p.brand}，类目 ${p.category}`,
          `当前售价 ${money(p.price, p.currency)}${list !== null ? `（原价 ${money(list, p.currency)}）` : ''}`,
          p.stock > 0 ? `当前库存 ${p.stock} 件` : '当前缺货',
          attrs ? `参数：${attrs}` : '',
          shortDesc ? `介绍：${shortDesc}` : '',
        ]
      : [
          `Product: ${name}${typeof other === 'string' && other !== name ? ` (${other})` : ''}, SKU ${p.sku}, brand ${p.brand}, category ${p.category}`,
          `Current price ${money(p.price, p.currency)}${list !== null ? ` (was ${money(list, p.currency)})` : ''}`,
          p.stock > 0 ? `In stock: ${p.stock}` : 'Out of stock',
          attrs ? `Specs: ${attrs}` : '',
          shortDesc ? `Description: ${shortDesc}` : '',
        ]
  const body = text.filter(Boolean).join('\n')
  const x = extractNumbers(body)
  return withNumbers<Fact>(
    {
      id: `product:${p.sku}`,
      kind: 'product',
      text: body,
      amounts: [p.price, ...(list !== null ? [list] : []), ...x.amounts],
      sku: p.sku,
      names: [...new Set([name, p.title, ...(typeof other === 'string' ? [other] : []), ...(p.aliases ?? []), p.sku])],
    },
    x,
  )
}

/**
 * The order the message is about: the one named in the message or the conversation's slot, else —
 * when the message is about an order at all — the customer's latest. Only ever the customer's own.
 */
async function relevantOrder(ctx: TurnContext, state: DialogueState, customer: Customer | null): Promise<Order | null> {
  if (!customer) return null
  const named: string[] = []
  for (const e of ctx.nlu.entities) if (e.type === 'order_no' && typeof e.value === 'string') named.push(e.value)
  if (typeof state.slots.order === 'string') named.push(state.slots.order)
  for (const no of named) {
    const o = await ctx.store.orders.get(ctx.shop.id, no)
    if (o && o.customerId === customer.id) return o
  }
  if (!ORDER_INTENTS.has(ctx.nlu.intent) && !ORDER_WORDS.test(ctx.text)) return null
  const orders = await ctx.store.orders.listByCustomer(ctx.shop.id, customer.id)
  return [...orders].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null
}

/** An order of the customer, as the model reads it (no address, no phone). */
export async function orderFact(ctx: TurnContext, o: Order, locale: Locale): Promise<Fact> {
  const items: string[] = []
  for (const it of o.items.slice(0, 5)) {
    const title = it.title ?? (await ctx.store.products.get(ctx.shop.id, it.sku))?.title ?? it.sku
    items.push(`${title} × ${it.qty} ${money(it.price, o.currency)}`)
  }
  const s = o.shipment
  const last = s?.events.length ? [...s.events].sort((a, b) => a.time.localeCompare(b.time)).at(-1) : undefined
  const lines =
    locale === 'zh'
      ? [
          `订单 ${o.orderNo}：状态 ${statusLabel(o.status, locale)}，下单日期 ${day(o.createdAt, shopTimeZone(ctx.shop))}`,
          `商品：${items.join('；')}；合计 ${money(o.total, o.currency)}`,
          s
            ? `物流：${s.carrier} ${s.trackingNo}${s.eta ? `，预计送达 ${day(s.eta, shopTimeZone(ctx.shop))}` : ''}`
            : '',
          last ? `最新物流：${when(last.time, shopTimeZone(ctx.shop))} ${last.location} ${last.description}` : '',
        ]
      : [
          `Order ${o.orderNo}: status ${statusLabel(o.status, locale)}, placed ${day(o.createdAt, shopTimeZone(ctx.shop))}`,
          `Items: ${items.join('; ')}; total ${money(o.total, o.currency)}`,
          s
            ? `Shipping: ${s.carrier} ${s.trackingNo}${s.eta ? `, estimated delivery ${day(s.eta, shopTimeZone(ctx.shop))}` : ''}`
            : '',
          last
            ? `Latest tracking: ${when(last.time, shopTimeZone(ctx.shop))} ${last.location} ${last.description}`
            : '',
        ]
  const text = lines.filter(Boolean).join('\n')
  const x = extractNumbers(text)
  return withNumbers<Fact>(
    { id: `order:${o.orderNo}`, kind: 'order', text, amounts: [o.total, ...o.items.map((i) => i.price), ...x.amounts] },
    x,
  )
}
