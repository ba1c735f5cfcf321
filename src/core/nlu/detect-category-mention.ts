/**
 * The kind of product a message names ("羽绒服", "earbuds", "耳机一边没声音") against the shop's category
 * paths, and who it is for (men / women / kids). Part of the understanding stage: skills get the typed
 * CategoryMention and never match the words themselves (src/core/skills/product-mention.ts reads the
 * catalog it points at).
 */

/**
 * Customer words for product kinds → category path segments, best first. Chinese words match as
 * substrings, English words on word edges with an optional plural. Longer words win ("头戴式耳机"
 * over "耳机").
 */
const CATEGORY_WORDS: Array<{ words: string[]; segments: string[] }> = [
  {
    words: ['羽绒服', '羽绒衣', '羽绒外套', '面包服', 'down jacket', 'down coat', 'puffer', 'puffer jacket', 'parka'],
    segments: ['down-jacket'],
  },
  { words: ['t恤', '体恤', '短袖', 'tee', 't-shirt', 'tshirt', 't shirt'], segments: ['t-shirt'] },
  { words: ['牛仔裤', '裤子', 'jeans', 'denim', 'trousers', 'pants'], segments: ['jeans'] },
  { words: ['连衣裙', '裙子', 'dress'], segments: ['dress'] },
  {
    words: ['运动鞋', '跑鞋', '跑步鞋', '球鞋', '小白鞋', 'sneaker', 'trainer', 'running shoe'],
    segments: ['sneakers'],
  },
  { words: ['靴子', '雪地靴', '靴', 'boot'], segments: ['boots'] },
  { words: ['鞋子', '鞋', 'shoe'], segments: ['sneakers', 'boots', 'casual'] },
  { words: ['手机', 'phone', 'smartphone', 'cellphone'], segments: ['phone'] },
  {
    words: ['耳机', '耳塞', '蓝牙耳机', '无线耳机', 'earbud', 'earphone', 'buds', 'headset', 'headphone'],
    segments: ['earbuds', 'headphones'],
  },
  {
    words: ['头戴式耳机', '头戴耳机', 'over-ear headphone', 'over ear headphone'],
    segments: ['headphones', 'earbuds'],
  },
  {
    words: [
      '笔记本电脑',
      '游戏本',
      '电竞本',
      '轻薄本',
      '创作本',
      '商务本',
      '笔记本',
      '电脑',
      'laptop',
      'notebook',
      'computer',
    ],
    segments: ['laptop'],
  },
  { words: ['智能手表', '手表', '手环', 'smartwatch', 'watch', 'fitness band'], segments: ['smartwatch'] },
  {
    words: [
      '充电器',
      '充电头',
      '充电宝',
      '移动电源',
      '数据线',
      '充电线',
      '充电底座',
      '充电座',
      '充电站',
      'charger',
      'power bank',
      'charging cable',
      'charging dock',
      'charging station',
      'charging stand',
    ],
    segments: ['charger'],
  },
  { words: ['手机壳', '保护壳', '钢化膜', '贴膜', 'phone case', 'screen protector'], segments: ['accessory'] },
  {
    words: ['口红', '唇膏', '唇釉', '粉底', '粉底液', '彩妆', 'lipstick', 'foundation', 'makeup'],
    segments: ['makeup'],
  },
  {
    words: ['精华', '面霜', '防晒', '护肤品', '乳液', 'serum', 'sunscreen', 'moisturiser', 'moisturizer', 'skincare'],
    segments: ['skincare'],
  },
  { words: ['香水', 'perfume', 'fragrance'], segments: ['perfume'] },
  {
    words: [
      '四件套',
      '床品',
      '被子',
      '枕头',
      '毛毯',
      '毯子',
      '床单',
      '床笠',
      '被套',
      'bedding',
      'duvet',
      'pillow',
      'bed sheet',
      'blanket',
      'fitted sheet',
    ],
    segments: ['bedding'],
  },
  {
    words: ['餐具', '锅具', '砂锅', '炒锅', 'dinnerware', 'casserole', 'cookware', 'kitchenware'],
    segments: ['kitchen'],
  },
  {
    words: [
      '空气炸锅',
      '咖啡机',
      '小家电',
      '扫地机',
      '净化器',
      '电饭煲',
      '电饭锅',
      '电热水壶',
      '烧水壶',
      '吸尘器',
      '加湿器',
      '吹风机',
      '挂烫机',
      '取暖器',
      'air fryer',
      'coffee machine',
      'appliance',
      'vacuum',
      'rice cooker',
      'kettle',
      'air purifier',
      'humidifier',
      'hair dryer',
      'garment steamer',
      'heater',
    ],
    segments: ['appliance'],
  },
]

export type CategoryMention = {
  /** The word as the customer wrote it (lower-cased, plural kept: "earbuds"). */
  word: string
  /** The shop's categories it names, best first. */
  categories: string[]
}

/**
 * The pattern an English category word is matched with (null for a Chinese word, matched as a
 * substring). Built once per word: the fixed words and the shop's categories are read on every turn
 * that looks for a category, and compiling their patterns each time was most of that work.
 */
const wordPatterns = new Map<string, RegExp | null>()
const MAX_WORD_PATTERNS = 5_000

function wordPattern(word: string): RegExp | null {
  let re = wordPatterns.get(word)
  if (re !== undefined) return re
  re = null
  if (/[a-z]/i.test(word) && !/[\u4e00-\u9fff]/.test(word)) {
    const esc = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]?')
    // Not global or sticky: exec() keeps no state between calls, so one object serves every turn.
    re = new RegExp(`(?<![a-z0-9])${esc}(?:e?s)?(?![a-z0-9])`, 'i')
  }
  if (wordPatterns.size >= MAX_WORD_PATTERNS) wordPatterns.clear()
  wordPatterns.set(word, re)
  return re
}

/** The text `word` matched in (`text` is lower-cased): English on word edges with a plural, else a substring. */
function found(text: string, word: string): string | null {
  const re = wordPattern(word)
  if (re) {
    const m = re.exec(text)
    return m ? m[0] : null
  }
  return text.includes(word) ? word : null
}

/** True when `word` is one of the generic category words (so a product alias equal to it is not a model name). */
export function isCategoryWord(word: string): boolean {
  const w = word.toLowerCase().trim()
  return CATEGORY_WORDS.some((g) => g.words.includes(w))
}

/** The category word in `text` and the shop categories it names, or null. */
export function categoryMention(text: string, categories: readonly string[]): CategoryMention | null {
  // A phone *number* is not a phone.
  const t = text.toLowerCase().replace(/手机号码?|电话号码?|(?:phone|mobile) (?:number|no\.?)/g, ' ')
  type Hit = { word: string; said: string; segments: string[]; at: number }
  let best: Hit | null = null
  const hits: Hit[] = []
  // The longest word wins; between words of one length the first said is the subject ("耳机连不上手机").
  const better = (w: string, at: number) =>
    !best || w.length > best.word.length || (w.length === best.word.length && at < best.at)
  for (const g of CATEGORY_WORDS) {
    for (const w of g.words) {
      const said = found(t, w)
      const at = said ? t.indexOf(said) : -1
      if (said) hits.push({ word: w, said, segments: g.segments, at })
      if (said && better(w, at)) best = { word: w, said, segments: g.segments, at }
    }
  }
  // "冰感防晒T恤": a kind word right after another is the head noun, the first one only describes it.
  const b0 = best as Hit | null
  const head = b0 ? hits.find((h) => h.at === b0.at + b0.said.length && h.word.length >= 2) : undefined
  if (head) best = head
  // The shop's own category segments, spelled as words ("down-jacket" → "down jacket").
  for (const c of categories) {
    const seg = c.split('/').pop() ?? c
    const w = seg.replace(/[-_]+/g, ' ').toLowerCase()
    if (best?.segments.includes(seg)) continue
    const said = w.length >= 3 ? found(t, w) : null
    const at = said ? t.indexOf(said) : -1
    if (said && better(w, at)) best = { word: w, said, segments: [seg], at }
  }
  if (!best) return null
  const cats: string[] = []
  for (const seg of best.segments) {
    for (const c of categories) if ((c.split('/').pop() ?? c) === seg && !cats.includes(c)) cats.push(c)
  }
  return cats.length > 0 ? { word: best.said, categories: cats } : null
}

/**
 * Every kind of product the message names, in the order said: "电脑和充电器两个快递 哪个先到" names a
 * laptop and a charger. A word inside a longer one said at the same place counts once ("头戴式耳机" is
 * not also "耳机", "手机壳" not also "手机"), and a kind named twice counts once.
 */
export function categoryMentions(text: string, categories: readonly string[]): CategoryMention[] {
  const t = text.toLowerCase().replace(/手机号码?|电话号码?|(?:phone|mobile) (?:number|no\.?)/g, ' ')
  const hits: Array<{ said: string; at: number; segments: string[] }> = []
  for (const g of CATEGORY_WORDS) {
    for (const w of g.words) {
      const said = found(t, w)
      if (said) hits.push({ said, at: t.indexOf(said), segments: g.segments })
    }
  }
  const kept = hits.filter(
    (h) =>
      !hits.some(
        (o) => o !== h && o.said.length > h.said.length && o.at <= h.at && h.at + h.said.length <= o.at + o.said.length,
      ),
  )
  kept.sort((a, b) => a.at - b.at)
  const out: CategoryMention[] = []
  for (const h of kept) {
    const cats: string[] = []
    for (const seg of h.segments)
      for (const c of categories) if ((c.split('/').pop() ?? c) === seg && !cats.includes(c)) cats.push(c)
    if (cats.length === 0 || out.some((m) => m.categories[0] === cats[0])) continue
    out.push({ word: h.said, categories: cats })
  }
  return out
}

const KIDS = /(儿童|童装|童鞋|宝宝|kids?'?s?\b|children|toddler)/i

/** True when the text (a message, or a product title) is about children's products. */
export function mentionsKids(text: string): boolean {
  return KIDS.test(text)
}

/** The gender a message or profile points at: `men` / `women`, or null. */
/** The gender a product title names (shop data, not a message). */
export function titleGender(title: string): 'men' | 'women' | null {
  return genderOf(title)
}

/** A product title that names children's sizes (shop data, not a message). */
export function isKidsTitle(title: string): boolean {
  return mentionsKids(title)
}

export function genderOf(text: string, profileGender?: string): 'men' | 'women' | null {
  if (/(男款|男士|男式|男生|\bmen'?s\b|\bmale\b|for (a )?(man|him|my husband|my boyfriend))/i.test(text)) return 'men'
  if (/(女款|女士|女式|女生|\bwomen'?s\b|\bfemale\b|for (a )?(woman|her|my wife|my girlfriend))/i.test(text))
    return 'women'
  if (profileGender === 'male' || profileGender === 'men') return 'men'
  if (profileGender === 'female' || profileGender === 'women') return 'women'
  return null
}
