/**
 * Generic product-kind concepts ("earbuds", "dress", "shoes") and how they find a shop's own
 * category paths. No shop's paths are written here: a concept is a list of names in English and
 * Chinese, and it names every path segment of the shop's catalog that, normalised (lower case, no
 * punctuation, simple singular), equals one of them, contains it as a word part (`down-jacket` ⊇
 * `jacket`, `running-shoes` ⊇ `running shoe`) or, for a Chinese name, contains it (`运动鞋` ⊇ `鞋`).
 */

/** Concept id → the names a category segment may carry for it. English names are matched singular. */
export const CONCEPTS = {
  earbuds: ['earbud', 'earphone', 'in-ear', 'true wireless', '耳机', '耳塞'],
  headphones: ['headphone', 'headset', 'over-ear', '耳机', '耳麦'],
  phone: ['phone', 'smartphone', 'cellphone', 'mobile', 'mobile phone', '手机'],
  laptop: ['laptop', 'notebook', 'computer', '笔记本', '电脑'],
  charger: ['charger', 'charging', 'power adapter', 'power bank', 'cable', '充电', '数据线'],
  smartwatch: ['smartwatch', 'watch', 'wearable', 'fitness tracker', '手表', '手环'],
  accessory: ['accessory', 'phone case', '配件', '保护套', '保护壳', '手机壳'],
  jacket: ['jacket', 'coat', 'parka', 'puffer', 'outerwear', '羽绒服', '棉服', '外套', '夹克', '大衣'],
  tshirt: ['t shirt', 'tshirt', 'tee', 't恤', '体恤', '短袖'],
  jeans: ['jean', 'denim', '牛仔裤'],
  trousers: ['trouser', 'pant', 'jean', 'chino', 'slack', '裤'],
  dress: ['dress', 'skirt', 'gown', '连衣裙', '裙'],
  skincare: [
    'skincare',
    'skin care',
    'serum',
    'moisturiser',
    'moisturizer',
    'face cream',
    'sunscreen',
    '护肤',
    '精华',
    '面霜',
    '乳液',
    '面膜',
    '防晒',
  ],
  makeup: ['makeup', 'make up', 'lipstick', 'foundation', 'eyeshadow', '彩妆', '口红', '唇釉', '粉底', '眼影'],
  perfume: ['perfume', 'fragrance', 'cologne', '香水', '香氛'],
  sneakers: ['sneaker', 'trainer', 'running shoe', 'sport shoe', '运动鞋', '跑鞋', '跑步鞋', '球鞋'],
  boots: ['boot', '靴'],
  shoes: ['shoe', 'footwear', '鞋'],
  bedding: [
    'bedding',
    'bed linen',
    'bed sheet',
    'duvet',
    'pillow',
    '床品',
    '床上用品',
    '四件套',
    '被子',
    '枕头',
    '床单',
    '家纺',
  ],
  kitchen: ['kitchen', 'cookware', 'kitchenware', 'pan', 'pot', '厨房', '厨具', '锅', '餐具'],
  appliance: ['appliance', 'vacuum', 'humidifier', '家电', '电器', '吸尘器', '加湿器'],
  clothing: [
    'apparel',
    'clothing',
    'clothes',
    'garment',
    'womenswear',
    'menswear',
    '服装',
    '服饰',
    '衣服',
    '女装',
    '男装',
    '童装',
  ],
  beauty: ['beauty', 'cosmetic', '美妆', '化妆品', '美容'],
  electronics: ['electronic', 'gadget', 'tech', 'digital', '数码', '电子'],
  home: ['home', 'household', 'homeware', '家居', '家用'],
  outdoor: ['outdoor', 'camping', 'hiking', '户外', '露营'],
  sport: ['sport', 'sportswear', 'fitness', '运动', '健身'],
  baby: ['baby', 'maternity', '母婴', '婴儿'],
  toys: ['toy', '玩具'],
} satisfies Record<string, string[]>

export type Concept = keyof typeof CONCEPTS

/** Worn items: a size chart and the shopper's body matter. */
export const FOOTWEAR: readonly Concept[] = ['shoes', 'sneakers', 'boots']
export const SIZED: readonly Concept[] = ['clothing', 'jacket', 'tshirt', 'jeans', 'trousers', 'dress', ...FOOTWEAR]

const CJK = /[\u3400-\u9fff]/

/** "Dresses" → "dress", "accessories" → "accessory", "shoes" → "shoe"; Chinese and short words unchanged. */
function singular(w: string): string {
  if (w.length <= 3 || CJK.test(w)) return w
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`
  if (/(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2)
  if (w.endsWith('ss') || w.endsWith('us')) return w
  return w.endsWith('s') ? w.slice(0, -1) : w
}

/** Lower-cased word parts without punctuation, each singular: "Down-Jackets" → ["down", "jacket"]. */
function parts(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(singular)
}

function nameMatches(segment: string, name: string): boolean {
  if (CJK.test(name)) return segment.toLowerCase().includes(name.toLowerCase())
  const seg = parts(segment)
  const want = parts(name)
  if (want.length === 0 || seg.length === 0) return false
  if (seg.join('') === want.join('')) return true
  for (let i = 0; i + want.length <= seg.length; i++) {
    if (want.every((w, j) => seg[i + j] === w)) return true
  }
  return false
}

const memo = new Map<string, boolean>()

/** True when one segment of a category path (`down-jacket`, `连衣裙`) names the concept. */
export function segmentIs(segment: string, concept: Concept): boolean {
  const key = `${concept}\u0000${segment}`
  let hit = memo.get(key)
  if (hit === undefined) {
    hit = CONCEPTS[concept].some((n) => nameMatches(segment, n))
    if (memo.size > 20_000) memo.clear()
    memo.set(key, hit)
  }
  return hit
}

/** True when any segment of the category path names one of the concepts. */
export function categoryIs(category: string, concepts: readonly Concept[]): boolean {
  const segs = category.split('/')
  return concepts.some((c) => segs.some((s) => segmentIs(s, c)))
}

/**
 * The shop's category prefixes a concept names: each path up to and including a segment that
 * names it, most specific first (`美妆` for a top-level match, `audio/headphones` for a leaf).
 */
export function resolveConcept(concept: Concept, categories: readonly string[]): string[] {
  const hits: Array<{ path: string; depth: number }> = []
  for (const category of [...categories].sort()) {
    const segs = category.split('/')
    segs.forEach((s, i) => {
      if (!segmentIs(s, concept)) return
      const path = segs.slice(0, i + 1).join('/')
      if (!hits.some((h) => h.path === path)) hits.push({ path, depth: i })
    })
  }
  return hits.sort((a, b) => b.depth - a.depth).map((h) => h.path)
}

/** The distinct categories of a catalog, in first-seen order. */
export function catalogCategories(products: ReadonlyArray<{ category: string }>): string[] {
  return [...new Set(products.map((p) => p.category))]
}
