/**
 * Canonical form of any text before matching: Unicode NFKC (full-width letters,
 * digits and punctuation become their half-width forms), lower case, one space
 * between words, trimmed. Both the index and every query go through it, so a
 * customer typing `ＸＹ－２ Ｐｒｏ` matches `xy-2 pro`.
 *
 * @example normalizeText('  ＰＲＯ　Ｍａｘ？ ') // 'pro max?'
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
}
