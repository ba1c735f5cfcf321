/**
 * Transcriber over an OpenAI-compatible `POST {baseUrl}/audio/transcriptions` (OpenAI `whisper-1` /
 * `gpt-4o-mini-transcribe`, a local faster-whisper or vLLM server…), on the official `openai` SDK.
 * One attempt plus one retry on 408/429/≥ 500 and network errors within `timeoutMs`; the response is
 * size-capped; the key never appears in an error.
 */
import OpenAI, { APIError, toFile } from 'openai'
import { AppError } from '../../core/errors.js'
import type { Transcriber } from '../../core/ports/transcriber.js'
import { sizeLimitedFetch } from '../http/size-limited-fetch.js'

export type OpenAiTranscriberOptions = {
  baseUrl: string
  apiKey?: string
  model: string
  /** Budget for one transcription, the retry included. Default 20 s. */
  timeoutMs?: number
  fetch?: typeof fetch
}

/**
 * Creates the transcriber.
 *
 * @example
 * const stt = createOpenAiTranscriber({ baseUrl: 'https://api.openai.com/v1', apiKey, model: 'whisper-1' })
 * const { text } = await stt.transcribe({ data, mime: 'audio/ogg', filename: 'voice.ogg' })
 */
export function createOpenAiTranscriber(options: OpenAiTranscriberOptions): Transcriber {
  const timeoutMs = options.timeoutMs ?? 20_000
  const secret = options.apiKey ?? ''
  const client = new OpenAI({
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    apiKey: secret || 'none',
    organization: null,
    project: null,
    webhookSecret: null,
    maxRetries: 1,
    timeout: timeoutMs,
    logLevel: 'off',
    fetch: sizeLimitedFetch(options.fetch ?? fetch, { maxBytes: 200_000, what: 'transcription response' }),
    defaultHeaders: secret ? {} : { Authorization: null },
  })
  return {
    specificationVersion: 'v1',
    modelId: options.model,
    async transcribe(audio, signal) {
      const deadline = AbortSignal.timeout(timeoutMs)
      try {
        const file = await toFile(audio.data, audio.filename, { type: audio.mime })
        const r = await client.audio.transcriptions.create(
          { file, model: options.model, response_format: 'json' },
          { signal: signal ? AbortSignal.any([signal, deadline]) : deadline },
        )
        const text = typeof (r as { text?: unknown }).text === 'string' ? (r as { text: string }).text : ''
        return { text: text.trim() }
      } catch (e) {
        const status = e instanceof APIError && typeof e.status === 'number' ? e.status : null
        throw new AppError(
          'upstream_failed',
          deadline.aborted
            ? `transcription timed out after ${timeoutMs} ms`
            : status
              ? `transcription provider answered HTTP ${status}`
              : 'transcription failed',
          { retryable: deadline.aborted || status === null || status >= 500 || status === 429, details: { status } },
        )
      }
    },
  }
}
