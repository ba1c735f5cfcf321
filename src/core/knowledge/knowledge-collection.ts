import type { Locale } from '../domain/schemas.js'
import type { SparseIndex } from './sparse-index.js'
import type { KnowledgeHit, KnowledgeKind } from './types.js'

/** One retrievable kind of one locale (FAQ zh, faults en, the catalog) inside a knowledge base. */
export type Collection = {
  kind: KnowledgeKind
  size: number
  index: SparseIndex
  /** Learned matcher (FAQ only): score 0 … 1 of every entry for a text and its tokenizer terms. */
  learned?: ((text: string, terms: string[]) => Float64Array) | undefined
  learnedMs?: number
  vectors: Float32Array[] | null
  id(i: number): string
  title(i: number, variant: number): string
  hit(i: number, score: number, variant: number, locale: Locale): Promise<KnowledgeHit | null>
  /** Catalog category of entry i (faults), for the device-type check. */
  category?: (i: number) => string
}
