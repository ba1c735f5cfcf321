/**
 * The `recommendation` intent: up to three in-stock products as product cards, each with a one-line
 * reason, from the request in the message (category, budget, features, gift), the customer's profile
 * and purchase history, and the product in context. Prices and stock are read live from the store,
 * never from the message or the model. "换一批" / "cheaper" refine the previous request.
 */
import type { LastRecommendation } from '../dialogue/dialogue-state.js'
import type { Order, Product } from '../domain/schemas.js'
import type { TurnCues } from '../nlu/detect-turn-cues.js'
import type { RecommendRequest } from '../nlu/parse-recommend-request.js'
import { catalogCategories } from '../recommend/category-concepts.js'
import { localTitle, popularityOf, recommendProducts } from '../recommend/recommend-products.js'
import { llmOrFallback } from './knowledge-answer.js'
import { priceRankAnswer } from './price-rank.js'
import { isLargeCatalog, shopCategories, shopProducts } from './product-mention.js'
import { sizeAdviceSkill } from './size-advice.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { money, say } from './text.js'

const POPULARITY_ORDERS = 2000

/** Best sellers of a large catalog are re-read at most this often, not on every turn. */
const POPULARITY_TTL_MS = 60_000
const popularityCache = new WeakMap<object, Map<string, { at: number; orders: Promise<Order[]> }>>()

async function recentOrders(sc: SkillContext, big: boolean): Promise<Order[]> {
  const read = () => sc.ctx.store.orders.list(sc.ctx.shop.id, { limit: POPULARITY_ORDERS })
  if (!big) return read()
  let byShop = popularityCache.get(sc.ctx.store)
  if (!byShop) {
    byShop = new Map()
    popularityCache.set(sc.ctx.store, byShop)
  }
  const now = sc.ctx.now.getTime()
  const hit = byShop.get(sc.ctx.shop.id)
  if (hit && now - hit.at < POPULARITY_TTL_MS && now >= hit.at) return hit.orders
  const orders = read()
  byShop.set(sc.ctx.shop.id, { at: now, orders })
  orders.catch(() => byShop.delete(sc.ctx.shop.id))
  return orders
}

/**
 * What a large catalog's recommender ranks: the products of the requested categories (or of the
 * product in context, or of what the customer bought), at most PER_CATEGORY_POOL each, plus the
 * products of this turn; never the whole catalog.
 */
async function recommendPool(
  sc: SkillContext,
  categories: string[],
  currentSku: string | undefined,
  orders: Order[],
): Promise<Product[]> {
  const view = sc.ctx.knowledge.catalog
  const wanted = new Set(categories)
  if (wanted.size === 0 && currentSku) {
    const c = view?.categoryOf(currentSku)
    if (c) wanted.add(c)
  }
  if (wanted.size === 0)
    for (const o of orders.slice(0, 5))
      for (const it of o.items) {
        const c = view?.categoryOf(it.sku)
        if (c) wanted.add(c)
      }
  const rows = [...(await shopProducts(sc))]
  for (const category of [...wanted].slice(0, 6))
    rows.push(...(await sc.ctx.store.products.list(sc.ctx.shop.id, { category, limit: PER_CATEGORY_POOL })))
  if (wanted.size === 0) rows.push(...(await sc.ctx.store.products.list(sc.ctx.shop.id, { limit: 1000 })))
  const seen = new Set<string>()
  return rows.filter((p) => !seen.has(p.sku) && seen.add(p.sku))
}
const PER_CATEGORY_POOL = 500

/** Merges a follow-up ("换一批", "便宜点的", "1000以内呢") into the previous request. */
function mergeRequest(now: RecommendRequest, last: LastRecommendation | null): RecommendRequest {
  if (!last) return now
  const refining =
    now.more ||
    now.cheaper ||
    (now.categories.length === 0 &&
      (now.budgetMax !== undefined || now.budgetMin !== undefined || now.features.length > 0))
  if (!refining) return now
  const prev = last.request
  const out: RecommendRequest = {
    ...prev,
    ...now,
    categories: now.categories.length > 0 ? now.categories : prev.categories,
    features: now.features.length > 0 ? now.features : prev.features,
    gift: now.gift ?? prev.gift,
  }
  if (now.budgetMax === undefined && prev.budgetMax !== undefined) out.budgetMax = prev.budgetMax
  if (now.budgetMin === undefined && prev.budgetMin !== undefined) out.budgetMin = prev.budgetMin
  if (now.cheaper && last.minPrice !== null) {
    out.budgetMax = Math.min(out.budgetMax ?? Number.POSITIVE_INFINITY, last.minPrice - 0.01)
    out.impliedBudget = true
    delete out.budgetMin
  }
  return out
}

/**
 * "换一批" / "cheaper ones?" right after a recommendation refine it; on their own the classifier
 * reads them as something else ("换" = exchange). The dialogue manager routes them here.
 */
export function isRecommendFollowUp(
  cues: Pick<TurnCues, 'refinesRecommendation'>,
  state: { activeIntent: string | null; [k: string]: unknown },
): boolean {
  return state.activeIntent === 'recommendation' && Boolean(state.lastRecommendation) && cues.refinesRecommendation
}

/**
 * The recommendation skill. A shop that configured a language model gets its grounded, verified
 * answer first (src/core/llm-routing: facts from the live catalog, prices checked); when the model
 * gives none, or one that fails verification, the catalog recommender answers with product cards.
 */
export async function recommendSkill(sc: SkillContext): Promise<SkillResult> {
  // "尺码推荐" / "recommend a size" asks for a size, not for products (no product kind, no gift named).
  if (sc.cues.mentionsSize && !sc.cues.namesProductOrGift) return sizeAdviceSkill(sc)
  if (sc.ctx.llm && !isRecommendFollowUp(sc.cues, sc.state)) return llmOrFallback(sc, () => recommendFromCatalog(sc))
  return recommendFromCatalog(sc)
}

/** Recommendations from the catalog recommender (src/core/recommend), as product cards. */
async function recommendFromCatalog(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const last = sc.state.lastRecommendation ?? null
  const customer = sc.customer
  const big = await isLargeCatalog(sc)
  const [catalog, orders, shopOrders, categories] = await Promise.all([
    big ? Promise.resolve([]) : shopProducts(sc),
    customer ? sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, customer.id) : Promise.resolve([]),
    recentOrders(sc, big),
    big ? shopCategories(sc) : Promise.resolve(null),
  ])
  // The words of the message name the shop's own categories.
  const parsed = sc.understanding.read.recommendRequest({ categories: categories ?? catalogCategories(catalog) })
  const merged = mergeRequest(parsed, last)
  const currentSku = typeof sc.state.slots.sku === 'string' ? sc.state.slots.sku : undefined
  const products = big ? await recommendPool(sc, merged.categories, currentSku, orders) : catalog
  // "最便宜的羽绒服" read as a recommendation: the one product at that end of the kind's prices, not three picks.
  const ranked = parsed.rank ? priceRankAnswer(sc, parsed, products) : null
  if (ranked) return ranked
  const exclude = parsed.more && last ? last.shown : []
  const run = (rq: RecommendRequest) =>
    recommendProducts({
      products,
      request: rq,
      locale: L,
      customer,
      orders,
      popularity: popularityOf(shopOrders),
      ...(currentSku && rq.categories.length === 0 ? { currentSku } : {}),
      exclude,
      limit: 3,
    })
  let request = merged
  let result = run(request)
  let droppedFeatures = false
  if (parsed.cheaper && request.features.length > 0 && (result.relaxed === 'budget' || result.items.length === 0)) {
    // Nothing cheaper with those features: cheaper is what was asked, so the features give way.
    const plain = run({ ...request, features: [] })
    if (plain.items.length > 0 && !plain.relaxed) {
      result = plain
      request = { ...request, features: [] }
      droppedFeatures = true
    }
  }
  if (parsed.cheaper && result.relaxed === 'budget') {
    return done(
      sc,
      [
        {
          text: say(
            L,
            '刚才推荐的已经是符合条件的最便宜的有货商品了。可以换个品类，或者告诉我您的预算。',
            'Those were already the cheapest in-stock matches. Try another category, or tell me your budget.',
          ),
        },
      ],
      'answer',
      'recommend_none_cheaper',
    )
  }

  if (result.items.length === 0) {
    sc.state.lastRecommendation = { request, shown: [], minPrice: null } satisfies LastRecommendation
    const budget =
      request.budgetMax !== undefined
        ? say(L, `${money(request.budgetMax)} 以内`, `under ${money(request.budgetMax)}`)
        : ''
    return done(
      sc,
      [
        {
          text:
            exclude.length > 0
              ? say(
                  L,
                  '符合条件的有货商品就是刚才那几款了。可以换个品类或调整预算再试试。',
                  'Those were all the in-stock matches. Try another category or budget.',
                )
              : say(
                  L,
                  `抱歉，目前没有${budget}符合条件的有货商品。可以放宽预算或换个品类，我再帮您找找。`,
                  `Sorry, nothing in stock matches that${budget ? ` ${budget}` : ''} right now. Try a wider budget or another category and I'll look again.`,
                ),
        },
      ],
      'answer',
      exclude.length > 0 ? 'recommend_exhausted' : 'recommend_none_in_stock',
    )
  }

  const intro: string[] = []
  if (droppedFeatures) {
    intro.push(
      say(
        L,
        '同样功能的没有更便宜的了；不要求这些功能的话，这几款更实惠：',
        'Nothing cheaper has those features; without them, these cost less:',
      ),
    )
  } else if (result.relaxed === 'budget' && request.budgetMax !== undefined) {
    intro.push(
      say(
        L,
        `${money(request.budgetMax)} 以内暂时没有合适的有货商品，下面几款价格最接近：`,
        `Nothing in stock fits under ${money(request.budgetMax)}; these are the closest:`,
      ),
    )
  } else if (result.relaxed === 'features') {
    intro.push(
      say(
        L,
        '完全符合这些功能要求的商品暂时缺货，这几款在预算内、有现货：',
        'Nothing with all those features is in stock; these are in stock within your budget:',
      ),
    )
  } else if (request.gift) {
    intro.push(say(L, '帮您挑了几款适合送礼的（都有现货）：', 'A few gift ideas, all in stock:'))
  } else if (parsed.more && last) {
    intro.push(say(L, '再为您换一批：', 'Here are some others:'))
  } else if (parsed.cheaper && last) {
    intro.push(say(L, '更实惠的几款（都有现货）：', 'Cheaper options, all in stock:'))
  } else {
    intro.push(say(L, '为您推荐这几款（都有现货）：', 'Here are my picks for you, all in stock:'))
  }

  const replies: SkillResult['replies'] = [{ text: intro.join('\n') }]
  result.items.forEach((r, i) => {
    const p = r.product
    const title = localTitle(p, L)
    const price = money(p.price, p.currency)
    const was =
      p.listPrice && p.listPrice > p.price
        ? say(L, `（原价 ${money(p.listPrice, p.currency)}）`, ` (was ${money(p.listPrice, p.currency)})`)
        : ''
    replies.push({
      text: `${i + 1}. ${title} ${price}${was}\n${r.reason}`,
      card: {
        type: 'product',
        data: {
          sku: p.sku,
          title,
          price: p.price,
          currency: p.currency,
          stock: p.stock,
          ...(p.listPrice && p.listPrice > p.price ? { listPrice: p.listPrice } : {}),
          ...(p.images?.[0] ? { image: p.images[0] } : {}),
          ...(r.size ? { size: r.size } : {}),
          reason: r.reason,
          reasonCode: r.reasonCode,
        },
      },
    })
  })
  const lastReply = replies[replies.length - 1]!
  lastReply.buttons = [
    { label: say(L, '换一批', 'Show me others'), payload: say(L, '换一批', 'show me others') },
    { label: say(L, '便宜一点的', 'Cheaper ones'), payload: say(L, '有没有便宜一点的', 'any cheaper ones?') },
    {
      label: say(L, '第一款降价提醒我', 'Alert me when #1 is cheaper'),
      payload: say(L, '第一款降价提醒我', 'tell me when the first one is cheaper'),
    },
  ]

  const shown = result.items.map((r) => r.product.sku)
  sc.state.candidates = { kind: 'product', ids: shown }
  sc.state.lastRecommendation = {
    request,
    shown: [...new Set([...(parsed.more && last ? last.shown : []), ...shown])],
    minPrice: Math.min(...result.items.map((r) => r.product.price)),
  } satisfies LastRecommendation
  return done(
    sc,
    replies,
    'answer',
    result.relaxed ? `recommend_relaxed_${result.relaxed}` : request.gift ? 'recommend_gift' : 'recommend_products',
    {
      events: [
        {
          type: 'recommendation.shown',
          data: { skus: shown, reasons: result.items.map((r) => r.reasonCode), customerId: customer?.id ?? null },
        },
      ],
    },
  )
}
