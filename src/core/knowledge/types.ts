/** Knowledge retrieval contract. */
import type { Locale } from '../domain/schemas.js'

export type KnowledgeKind = 'faq' | 'product' | 'fault'

export type KnowledgeHit = {
  kind: KnowledgeKind
  id: string
  /** Fused, calibrated score in [0, 1]. */
  score: number
  /** The question / product title / symptom that matched. */
  title: string
  /** What the bot would say for this hit. */
  answer: string
}

export type KnowledgeAnswer =
  | { status: 'answer'; hit: KnowledgeHit; alternatives: KnowledgeHit[] }
  | { status: 'clarify'; candidates: KnowledgeHit[] }
  | { status: 'none'; candidates: KnowledgeHit[] }

/** Retrieval over one shop's published knowledge. Implementations keep an in-memory index. */
export type KnowledgeBase = {
  search(text: string, opts?: { locale?: Locale; limit?: number; kinds?: KnowledgeKind[] }): Promise<KnowledgeHit[]>
  answer(text: string, opts?: { locale?: Locale }): Promise<KnowledgeAnswer>
}
