/**
 * Dense-vector provider for hybrid retrieval. Optional: without one, retrieval
 * is sparse-only (BM25), which is the offline default. The OpenAI-compatible
 * adapter lives in src/adapters/embeddings-openai/.
 */
export type Embedder = {
  readonly specificationVersion: 'v1'
  readonly provider: string
  readonly modelId: string
  /** One vector per input text, same order. Throws AppError('upstream_failed') on provider failure. */
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>
}
