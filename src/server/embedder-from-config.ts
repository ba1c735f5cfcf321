import { createOpenAiEmbedder } from '../adapters/embeddings-openai/openai-embedder.js'
import type { Embedder } from '../core/knowledge/embedder.js'
import type { Config } from './config/schema.js'

/** The configured embeddings provider, or undefined (sparse retrieval only). Server and CLI share it. */
export function embedderFromConfig(config: Config): Embedder | undefined {
  if (!config.KEFU_LLM_BASE_URL || !config.KEFU_EMBEDDINGS_MODEL) return undefined
  return createOpenAiEmbedder({
    baseUrl: config.KEFU_LLM_BASE_URL,
    model: config.KEFU_EMBEDDINGS_MODEL,
    ...(config.KEFU_LLM_API_KEY ? { apiKey: config.KEFU_LLM_API_KEY } : {}),
  })
}
