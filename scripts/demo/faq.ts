/** FAQ entries (placeholder until the hand-written list lands). */
import type { FaqEntry } from '../../src/core/domain/schemas.js'

/** All FAQ entries, Chinese first, then English. */
export function buildFaq(): Required<
  Pick<FaqEntry, 'id' | 'question' | 'answer' | 'similar' | 'category' | 'locale'>
>[] {
  return []
}
