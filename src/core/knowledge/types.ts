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
  /**
   * Structured extras (additive): for `product` the live `sku`, `price`, `currency`, `stock`
   * (and `compared` SKUs for a comparison); for `fault` its `category`, `questions`,
   * `solutions` and `escalate`; for `faq` its `category` and `locale`.
   */
  data?: Record<string, unknown>
}

export type KnowledgeAnswer =
  | { status: 'answer'; hit: KnowledgeHit; alternatives: KnowledgeHit[] }
  | { status: 'clarify'; candidates: KnowledgeHit[] }
  | { status: 'none'; candidates: KnowledgeHit[] }

/**
 * The shop's catalog as indexed: names and categories, so that a turn never has to read the
 * whole catalog from the store (price and stock are always read live from the store).
 */
export type CatalogView = {
  /** Products in the index. */
  readonly size: number
  /** Every category that has a product. */
  categories(): string[]
  categoryOf(sku: string): string | undefined
  /** SKUs whose title, alias or SKU occurs in the text (case, spaces and dashes ignored), longest first. */
  namedIn(text: string, limit?: number): string[]
}

/** Retrieval over one shop's published knowledge. Implementations keep an in-memory index. */
export type KnowledgeBase = {
  /** The indexed catalog, when the implementation has one. */
  readonly catalog?: CatalogView
  search(text: string, opts?: KnowledgeSearchOptions): Promise<KnowledgeHit[]>
  /**
   * One ranking cut twice: `hits` as `search(text, opts)` gives them, and `narrow(kinds, limit)` the
   * hits `search(text, { locale, kinds, limit })` would give, from the same ranking (the text is not
   * tokenised, looked up or scanned for names again). Without it, callers search twice.
   */
  searchRanked?(text: string, opts?: KnowledgeSearchOptions): Promise<RankedSearch>
  answer(text: string, opts?: KnowledgeAnswerOptions): Promise<KnowledgeAnswer>
}

export type KnowledgeSearchOptions = { locale?: Locale; limit?: number; kinds?: KnowledgeKind[] }

/** A search whose ranking can be cut again (KnowledgeBase.searchRanked). */
export type RankedSearch = {
  hits: KnowledgeHit[]
  narrow(kinds: KnowledgeKind[], limit: number): Promise<KnowledgeHit[]>
}

/** Options of KnowledgeBase.answer; everything but `locale` was added by the knowledge layer. */
export type KnowledgeAnswerOptions = {
  locale?: Locale
  /** The product the conversation is about (a product page, the last product discussed): "这款" refers to it. */
  productSku?: string
  /** Restrict the kinds considered (default all three). */
  kinds?: KnowledgeKind[]
}
