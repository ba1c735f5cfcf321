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
  { words: ['笔记本电脑', '笔记本', '电脑', 'laptop', 'notebook', 'computer'], segments: ['laptop'] },
  { words: ['智能手表', '手表', '手环', 'smartwatch', 'watch', 'fitness band'], segments: ['smartwatch'] },
  {
    words: ['充电器', '充电头', '充电宝', '移动电源', '数据线', '充电线', 'charger', 'power bank', 'charging cable'],
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
  { words: ['四件套', '床品', '被子', '枕头', 'bedding', 'duvet', 'pillow', 'bed sheet'], segments: ['bedding'] },
  {
    words: ['餐具', '锅具', '砂锅', '炒锅', 'dinnerware', 'casserole', 'cookware', 'kitchenware'],
    segments: ['kitchen'],
  },
  {
    words: ['空气炸锅', '咖啡机', '小家电', '扫地机', '净化器', 'air fryer', 'coffee machine', 'appliance', 'vacuum'],
    segments: ['appliance'],
  },
]

export type CategoryMention = {
  /** The word as the customer wrote it (lower-cased, plural kept: "earbuds"). */
  word: string
  /** The shop's categories it names, best first. */
  categories: string[]
}

/** The text `word` matched in (`text` is lower-cased): English on word edges with a plural, else a substring. */
function found(text: string, word: string): string | null {
  if (/[a-z]/i.test(word) && !/[\u4e00-\u9fff]/.test(word)) {
    const esc = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]?')
    const m = new RegExp(`(?<![a-z0-9])${esc}(?:e?s)?(?![a-z0-9])`, 'i').exec(text)
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
  let best: { word: string; said: string; segments: string[]; at: number } | null = null
  // The longest word wins; between words of one length the first said is the subject ("耳机连不上手机").
  const better = (w: string, at: number) =>
    !best || w.length > best.word.length || (w.length === best.word.length && at < best.at)
  for (const g of CATEGORY_WORDS) {
    for (const w of g.words) {
      const said = found(t, w)
      const at = said ? t.indexOf(said) : -1
      if (said && better(w, at)) best = { word: w, said, segments: g.segments, at }
    }
  }
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

const KIDS = /(儿童|童装|童鞋|宝宝|kids?'?s?\b|children|toddler)/i

/** True when the text (a message, or a product title) is about children's products. */
export function mentionsKids(text: string): boolean {
  return KIDS.test(text)
}

/** The gender a message or profile points at: `men` / `women`, or null. */
export function genderOf(text: string, profileGender?: string): 'men' | 'women' | null {
  if (/(男款|男士|男式|男生|\bmen'?s\b|\bmale\b|for (a )?(man|him|my husband|my boyfriend))/i.test(text)) return 'men'
  if (/(女款|女士|女式|女生|\bwomen'?s\b|\bfemale\b|for (a )?(woman|her|my wife|my girlfriend))/i.test(text))
    return 'women'
  if (profileGender === 'male' || profileGender === 'men') return 'men'
  if (profileGender === 'female' || profileGender === 'women') return 'women'
  return null
}
