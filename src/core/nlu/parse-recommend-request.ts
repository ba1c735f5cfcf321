/**
 * What a shopper asks for, read from one message: category, budget, features, gift recipient.
 * "给我推荐一款降噪耳机，1000以内" → {categories: the shop's earbuds and headphones categories,
 * budgetMax: 1000, features: ['anc']}. Pure and dictionary-based, so it works offline in both languages.
 * Words name generic concepts (src/core/recommend/category-concepts.ts); the shop's own category paths
 * decide which categories those are.
 */

import { type Concept, categoryIs, FOOTWEAR, resolveConcept } from '../recommend/category-concepts.js'
import { parseChineseNumber } from './parse-number.js'

export type PriceRank = 'lowest' | 'highest'

const LOWEST =
  /(最便宜|最实惠|最低价|价格最低|最划算|\bcheapest\b|\bleast expensive\b|\blowest[- ]priced?\b|\blowest price\b)/i
const HIGHEST =
  /(最贵|最高端|最高配|价格最高|最顶配|\bmost expensive\b|\bpriciest\b|\bhighest[- ]priced?\b|\btop[- ]of[- ]the[- ]line\b|\bhigh(est)?[- ]end\b)/i

/** "你们家最便宜的羽绒服", "what's the most expensive phone you've got": which end of the prices is asked for. */
export function priceRankIn(text: string): PriceRank | null {
  if (LOWEST.test(text)) return 'lowest'
  if (HIGHEST.test(text)) return 'highest'
  return null
}

export type Recipient = 'female' | 'male' | 'child' | 'elder' | 'unknown'

export type RecommendRequest = {
  /** The shop's category prefixes (a leaf path or a top-level one); empty = any. */
  categories: string[]
  budgetMin?: number
  budgetMax?: number
  /** Feature ids from FEATURES (`anc`, `wirelessCharging`, `waterproof`, `sport`). */
  features: string[]
  /** Set when the shopper buys for someone else: no own-size filter, recipient's gender instead. */
  gift: { recipient: Recipient } | null
  /** What a gift's recipient likes, as the shopper said it ("coffee", "咖啡"): products named with it first. */
  likes?: string[]
  /** "men's" / "女款" asked explicitly. */
  gender?: 'men' | 'women'
  /** "换一批" / "show me others": same request, different products. */
  more: boolean
  /** "便宜点的" / "cheaper": below the cheapest shown last time. */
  cheaper: boolean
  /** "最便宜的羽绒服", "most expensive phone": the one product at the low or high end of the category's prices. */
  rank?: PriceRank
  /** Set when budgetMax came from "cheaper" rather than from the shopper: no "your budget" wording. */
  impliedBudget?: boolean
}

/** Words → the concepts they name. Longer, more specific words are listed before generic ones. */
export const CATEGORY_TERMS: Array<{ re: RegExp; concepts: Concept[] }> = [
  { re: /(耳机|耳麦|earbuds?|earphones?|headphones?|headset|buds\b)/i, concepts: ['earbuds', 'headphones'] },
  { re: /(手机|\bphones?\b|smartphones?)/i, concepts: ['phone'] },
  { re: /(笔记本|电脑|laptops?|notebooks?)/i, concepts: ['laptop'] },
  { re: /(充电器|充电头|chargers?|power adapter)/i, concepts: ['charger'] },
  { re: /(手表|手环|watch(es)?|smartwatch)/i, concepts: ['smartwatch'] },
  { re: /(保护套|保护壳|配件|accessor(y|ies)|\bcases?\b)/i, concepts: ['accessory'] },
  { re: /(羽绒服|棉服|外套|down jackets?|puffer|parkas?|jackets?|coats?)/i, concepts: ['jacket'] },
  { re: /(t恤|短袖|体恤|t-?shirts?|\btees?\b)/i, concepts: ['tshirt'] },
  { re: /(牛仔裤|jeans)/i, concepts: ['jeans'] },
  { re: /(裤子|trousers|pants)/i, concepts: ['trousers'] },
  { re: /(连衣裙|裙子|dress(es)?|skirts?)/i, concepts: ['dress'] },
  {
    re: /(护肤|精华|面霜|乳液|面膜|爽肤水|洗面奶|防晒|skin ?care|serums?|moisturi[sz]ers?|creams?|sunscreen)/i,
    concepts: ['skincare'],
  },
  { re: /(彩妆|口红|唇釉|粉底|眼影|化妆|make-?up|lipsticks?|foundation|eyeshadow)/i, concepts: ['makeup'] },
  { re: /(香水|香氛|perfumes?|fragrances?|cologne)/i, concepts: ['perfume'] },
  { re: /(运动鞋|跑鞋|跑步鞋|sneakers|running shoes|trainers)/i, concepts: ['sneakers'] },
  { re: /(靴|boots?)/i, concepts: ['boots'] },
  { re: /(鞋|shoes?)/i, concepts: ['shoes'] },
  { re: /(床品|四件套|被子|枕头|床单|bedding|duvets?|pillows?|sheets)/i, concepts: ['bedding'] },
  { re: /(厨房|锅|刀具|kitchen|cookware|\bpans?\b|\bpots?\b)/i, concepts: ['kitchen'] },
  { re: /(家电|电器|吸尘器|加湿器|appliances?|vacuum|humidifier)/i, concepts: ['appliance'] },
  { re: /(衣服|服装|穿的|clothes|clothing|apparel|outfit)/i, concepts: ['clothing'] },
  { re: /(美妆|化妆品|beauty|cosmetics)/i, concepts: ['beauty'] },
  { re: /(数码|电子产品|electronics?|gadgets?|tech)/i, concepts: ['electronics'] },
  { re: /(家居|家用|home|household)/i, concepts: ['home'] },
]

/** Profile interests ("户外", "running") → concepts worth suggesting. */
export const INTEREST_TERMS: Array<{ re: RegExp; concepts: Concept[] }> = [
  { re: /(户外|outdoor|hiking|露营|camping)/i, concepts: ['jacket', 'boots', 'outdoor'] },
  {
    re: /(跑步|运动|健身|running|sports?|fitness|gym)/i,
    concepts: ['sneakers', 'smartwatch', 'earbuds', 'sport'],
  },
  { re: /(时尚|fashion|穿搭)/i, concepts: ['clothing', 'shoes'] },
  { re: /(咖啡|coffee|烘焙|baking|厨房|cooking)/i, concepts: ['kitchen', 'appliance'] },
  { re: /(母婴|baby|亲子)/i, concepts: ['bedding', 'appliance', 'baby'] },
  ...CATEGORY_TERMS,
]

/** Product features a shopper can ask for; `attr` keys are read from product.attributes. */
export const FEATURES: Array<{ id: string; re: RegExp; attr?: RegExp; text?: RegExp }> = [
  { id: 'anc', re: /(降噪|noise[- ]?cancel+(ing|ation)?|\banc\b)/i, attr: /^anc$/i },
  { id: 'wirelessCharging', re: /(无线充|wireless charg)/i, attr: /^wirelessCharging$/i },
  { id: 'waterproof', re: /(防水|waterproof|water-?resistant)/i, attr: /water(proof|Resistance)|ip\d/i },
  { id: 'sport', re: /(运动|跑步|健身|sports?|running|workout|gym)/i, text: /(运动|跑步|sport|running)/i },
]

const FEMALE =
  /(老婆|妻子|太太|媳妇|女朋友|女友|妈妈|母亲|老妈|婆婆|丈母娘|女儿|姐姐|妹妹|闺蜜|女生|女士|她|wife|girlfriend|\bmom\b|\bmum\b|mother|daughter|sister|\bher\b|\bshe\b|women|woman|lady|girl)/i
const MALE =
  /(老公|丈夫|先生|男朋友|男友|爸爸|父亲|老爸|公公|岳父|儿子|哥哥|弟弟|男生|男士|他|husband|boyfriend|\bdad\b|father|\bson\b|brother|\bhim\b|\bhe\b|\bmen\b|\bman\b|\bguy\b|boy)/i
const CHILD = /(孩子|小孩|宝宝|儿童|kids?|child(ren)?|baby)/i
const ELDER = /(老人|长辈|爷爷|奶奶|外公|外婆|grandparents?|grand(ma|pa|mother|father))/i
const GIFT =
  /(礼物|送给|送人|送礼|送他|送她|生日|纪念日|情人节|母亲节|父亲节|圣诞|\bgifts?\b|\bpresents?\b|birthday|anniversary|for my)/i

/** Reads an amount written as 1000, 1,000, 1k, 1千, 1.5万. */
function amount(raw: string, unit?: string): number {
  const n = Number(raw.replace(/,/g, ''))
  const u = (unit ?? '').toLowerCase()
  if (u === 'k' || u === '千') return n * 1000
  if (u === '万' || u === 'w') return n * 10_000
  return n
}

/** An amount in Chinese numerals with a magnitude (十/百/千/万), before a budget word. */
const ZH_AMOUNT =
  /[一二两三四五六七八九十]+[十百千万][零一二两三四五六七八九十百千万]*(?=\s*(?:块|元|以内|之内|以下|左右|上下|以上|封顶|内|起))/g

/** "一千以内吧", "under 500": a message that only gives a budget. */
export function budgetOnly(text: string): boolean {
  const b = parseBudget(text)
  if (b.min === undefined && b.max === undefined) return false
  return text.replace(/[\s,，。.!！?？~]/g, '').length <= 12
}

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?)\s*(k|千|万|w)?`
const CUR = String.raw`(?:元|块钱?|rmb|yuan|¥|\$|dollars?)?`

/** The budget in a message: `1000以内`, `under 500`, `300-500`, `500左右`, `预算800`, `over 2k`. */
export function parseBudget(text: string): { min?: number; max?: number } {
  // "一千以内", "五百左右", "两千五上下": the amount in Chinese numerals, as digits.
  const t = text.replace(/[，]/g, ',').replace(ZH_AMOUNT, (m) => String(parseChineseNumber(m) ?? m))
  let m = t.match(new RegExp(String.raw`${NUM}\s*${CUR}\s*(?:-|~|～|到|至|to)\s*[¥$]?${NUM}`, 'i'))
  if (m) return { min: amount(m[1]!, m[2]), max: amount(m[3]!, m[4]) }
  m = t.match(new RegExp(String.raw`between\s*[¥$]?${NUM}\s*${CUR}\s*and\s*[¥$]?${NUM}`, 'i'))
  if (m) return { min: amount(m[1]!, m[2]), max: amount(m[3]!, m[4]) }
  m = t.match(new RegExp(String.raw`${NUM}\s*${CUR}\s*(?:以内|之内|以下|内|封顶)`, 'i'))
  if (m) return { max: amount(m[1]!, m[2]) }
  m = t.match(
    new RegExp(
      String.raw`(?:不超过|不要超过|低于|少于|最多|预算|budget(?: is| of)?|under|below|less than|up to|max(?:imum)?|within|no more than)\s*[:：]?\s*[¥$]?${NUM}`,
      'i',
    ),
  )
  if (m) return { max: amount(m[1]!, m[2]) }
  m = t.match(new RegExp(String.raw`${NUM}\s*${CUR}\s*(?:左右|上下)`, 'i'))
  if (!m) m = t.match(new RegExp(String.raw`(?:around|about|roughly|大概|差不多)\s*[¥$]?${NUM}`, 'i'))
  if (m) {
    const v = amount(m[1]!, m[2])
    return { min: Math.round(v * 0.7), max: Math.round(v * 1.2) }
  }
  m = t.match(new RegExp(String.raw`${NUM}\s*${CUR}\s*(?:以上|起)`, 'i'))
  if (!m) m = t.match(new RegExp(String.raw`(?:over|above|more than|at least|不低于|至少)\s*[¥$]?${NUM}`, 'i'))
  if (m) return { min: amount(m[1]!, m[2]) }
  return {}
}

/** The gift and its recipient in a text, or null when the shopper buys for themselves. */
export function giftIn(text: string): RecommendRequest['gift'] {
  if (!GIFT.test(text)) return null
  const recipient: Recipient = CHILD.test(text)
    ? 'child'
    : ELDER.test(text)
      ? 'elder'
      : FEMALE.test(text)
        ? 'female'
        : MALE.test(text)
          ? 'male'
          : 'unknown'
  return { recipient }
}

/** The concepts a text (or an interest) names, in table order, without duplicates. */
export function conceptsIn(text: string, terms = CATEGORY_TERMS): Concept[] {
  const out: Concept[] = []
  for (const t of terms) if (t.re.test(text)) for (const c of t.concepts) if (!out.includes(c)) out.push(c)
  return out
}

/**
 * The shop's category prefixes a text (or an interest) names, most specific first, without
 * duplicates. `categories` are the shop's own category paths (the distinct `product.category`).
 */
export function categoriesIn(text: string, categories: readonly string[], terms = CATEGORY_TERMS): string[] {
  const out: string[] = []
  for (const t of terms) {
    if (!t.re.test(text)) continue
    for (const concept of t.concepts) {
      for (const c of resolveConcept(concept, categories)) {
        // "运动鞋" names the sneakers category; the generic "鞋" rule adds nothing new.
        if (out.some((o) => o === c || o.startsWith(`${c}/`))) continue
        out.push(c)
      }
    }
  }
  return out
}

/** Parses one message into a recommendation request against the shop's category paths. */
export function parseRecommendRequest(text: string, shop: { categories: readonly string[] }): RecommendRequest {
  const budget = parseBudget(text)
  const rank = priceRankIn(text)
  const features = FEATURES.filter((f) => f.re.test(text)).map((f) => f.id)
  // "运动鞋" / "sports watch" name a category; "sport" as a feature only when nothing else does.
  const gift = giftIn(text)
  // "a gift for my dad, he loves coffee": with no category named, what the recipient likes names one.
  const named = categoriesIn(text, shop.categories)
  const categories = named.length === 0 && gift ? categoriesIn(text, shop.categories, INTEREST_TERMS) : named
  const likes = gift
    ? INTEREST_TERMS.filter((t) => !CATEGORY_TERMS.includes(t)).flatMap((t) => {
        const m = t.re.exec(text)
        return m ? [m[0].toLowerCase()] : []
      })
    : []
  const feats = categories.some((c) => categoryIs(c, FOOTWEAR)) ? features.filter((f) => f !== 'sport') : features
  const gender = /(女款|女士|女式|女装|women'?s|ladies|for women)/i.test(text)
    ? 'women'
    : /(男款|男士|男式|男装|men'?s|for men)/i.test(text)
      ? 'men'
      : undefined
  return {
    categories,
    ...(budget.min !== undefined ? { budgetMin: budget.min } : {}),
    ...(budget.max !== undefined ? { budgetMax: budget.max } : {}),
    features: feats,
    gift,
    ...(likes.length > 0 ? { likes } : {}),
    ...(gender ? { gender } : {}),
    more: /(换一批|换一些|换几个|还有别的|其他的|别的呢|还有吗|more options|show me (others|more)|something else|other ones|any others)/i.test(
      text,
    ),
    cheaper: /(便宜(一)?点|更便宜|便宜些|实惠点|cheaper|less expensive|lower price)/i.test(text),
    ...(rank ? { rank } : {}),
  }
}
