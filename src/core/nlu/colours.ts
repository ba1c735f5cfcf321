/**
 * The colour vocabulary skills compare variants with: any zh/en spelling → one English key. Coarser than
 * the entity extractor's colours (藏青 is `navy` there, `blue` here) because catalog variants are coarse;
 * the two tables are kept apart on purpose so stock answers do not change.
 */

const COLOURS: Record<string, string[]> = {
  // Before gold: "钛金色" is titanium, not gold.
  titanium: ['钛金', '钛色', '钛灰', 'titanium'],
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

/** Canonical English colour name for any zh/en spelling (a customer's or a catalog's), or the input lower-cased. */
export function canonicalColour(c: string): string {
  const s = c.trim().toLowerCase()
  for (const [k, names] of Object.entries(COLOURS)) {
    if (names.some((n) => s === n || s.includes(n))) return k
  }
  return s
}

/** The first colour mentioned in a message (English words on word edges, Chinese of two or more characters). */
export function colourInText(text: string): string | null {
  const s = text.toLowerCase()
  for (const [k, names] of Object.entries(COLOURS)) {
    if (names.some((n) => (/^[a-z]+$/.test(n) ? new RegExp(`\\b${n}\\b`).test(s) : n.length > 1 && s.includes(n))))
      return k
  }
  return null
}
