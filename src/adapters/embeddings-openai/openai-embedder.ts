/**
 * Embedder over any OpenAI-compatible `POST {baseUrl}/embeddings` endpoint
 * (OpenAI, Azure-style gateways, vLLM, Ollama, text-embeddings-inference…).
 * Failures become AppError('upstream_failed') with `retryable` set for
 * 408/409/429/≥500 and timeouts; the knowledge layer then answers sparse-only.
 */
import { AppError } from '../../core/errors.js'
import type { Embedder } from '../../core/knowledge/embedder.js'
import { readLimitedText } from '../http/read-limited-body.js'

export type OpenAiEmbedderOptions = {
  /** e.g. `https://api.openai.com/v1` (no trailing `/embeddings`). */
  baseUrl: string
  apiKey?: string
  model: string
  /** Per request; default 10 s. */
  timeoutMs?: number
  /** Optional output dimensions (models that support it). */
  dimensions?: number
  fetch?: typeof fetch
  /** Largest response body read. Default 32 MB (a batch of large vectors). */
  maxResponseBytes?: number
}

/**
 * Creates the embedder.
 *
 * @example
 * const embedder = createOpenAiEmbedder({ baseUrl: 'http://localhost:11434/v1', model: 'bge-m3' })
 */
export function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Embedder {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/embeddings`
  const doFetch = options.fetch ?? fetch
  const timeoutMs = options.timeoutMs ?? 10_000
  const maxBytes = options.maxResponseBytes ?? 32_000_000
  return {
    specificationVersion: 'v1',
    provider: 'openai-compatible',
    modelId: options.model,
    async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
      if (texts.length === 0) return []
      const timeout = AbortSignal.timeout(timeoutMs)
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
      let res: Response
      try {
        res = await doFetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify({
            model: options.model,
            input: texts,
            ...(options.dimensions ? { dimensions: options.dimensions } : {}),
          }),
          signal: combined,
        })
      } catch (e) {
        const timedOut = timeout.aborted
        throw new AppError(
          'upstream_failed',
          timedOut ? `embeddings request timed out after ${timeoutMs} ms` : 'embeddings request failed',
          { cause: e, retryable: true },
        )
      }
      if (!res.ok) {
        const retryable = res.status === 408 || res.status === 409 || res.status === 429 || res.status >= 500
        // Vendor text stays in `cause`, never in the message shown upstream.
        const body = await readLimitedText(res, 16 * 1024, 'embeddings error body').catch(() => '')
        throw new AppError('upstream_failed', `embeddings provider answered HTTP ${res.status}`, {
          cause: new Error(body.slice(0, 500)),
          retryable,
        })
      }
      let json: unknown
      try {
        json = JSON.parse(await readLimitedText(res, maxBytes, 'embeddings response'))
      } catch (e) {
        if (AppError.isInstance(e)) throw e
        throw new AppError('upstream_failed', 'embeddings provider returned invalid JSON', { cause: e })
      }
      const data = (json as { data?: Array<{ index?: number; embedding?: unknown }> }).data
      if (!Array.isArray(data) || data.length !== texts.length) {
        throw new AppError(
          'upstream_failed',
          `embeddings provider returned ${Array.isArray(data) ? data.length : 'no'} vectors for ${texts.length} inputs`,
        )
      }
      const out: number[][] = new Array(texts.length)
      data.forEach((d, i) => {
        const idx = typeof d.index === 'number' ? d.index : i
        if (
          !Array.isArray(d.embedding) ||
          !d.embedding.every((x) => typeof x === 'number') ||
          idx < 0 ||
          idx >= texts.length
        ) {
          throw new AppError('upstream_failed', 'embeddings provider returned a malformed vector')
        }
        out[idx] = d.embedding as number[]
      })
      if (out.some((v) => v === undefined))
        throw new AppError('upstream_failed', 'embeddings provider skipped an input')
      return out
    },
  }
}
