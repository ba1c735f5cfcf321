/**
 * LanguageModel over any OpenAI-compatible `POST {baseUrl}/chat/completions` endpoint: OpenAI,
 * DeepSeek, Qwen (DashScope compatible mode), Ollama, vLLM, LiteLLM and similar gateways.
 *
 * - `timeoutMs` is the budget of the whole call, retries included: a customer is waiting.
 * - 408, 409, 429, ≥ 500 and network errors are retried with exponential backoff (honouring
 *   `Retry-After`) while the budget lasts; what is left is AppError('upstream_failed') with
 *   `retryable: true`. Other statuses, invalid JSON and malformed bodies are not retried.
 * - The API key never appears in an error message or its cause (vendor bodies are scrubbed).
 */

import { AppError } from '../../core/errors.js'
import type {
  FinishReason,
  GenerateRequest,
  GenerateResult,
  LanguageModel,
  StreamPart,
  TokenUsage,
} from '../../core/ports/language-model.js'
import { readLimitedText, tooLargeError } from '../http/read-limited-body.js'

export type OpenAiLanguageModelOptions = {
  /** e.g. `https://api.openai.com/v1` (without `/chat/completions`). */
  baseUrl: string
  /** Sent as `Authorization: Bearer …`; omit for local servers that need none (Ollama, vLLM). */
  apiKey?: string
  model: string
  /** Budget for one generate() call, retries included. Default 15 s. */
  timeoutMs?: number
  /** Retries after the first attempt on retryable failures. Default 2. */
  maxRetries?: number
  /** First backoff delay; doubles each retry, with jitter. Default 300 ms. */
  retryBaseMs?: number
  /** Cap on one backoff delay (also on a server's Retry-After). Default 4 s. */
  maxRetryDelayMs?: number
  /** Extra request headers (gateway routing, organisation ids). */
  headers?: Record<string, string>
  /** Told about each retry, for a `warn` log line. Carries no secrets. */
  onRetry?: (info: RetryInfo) => void
  fetch?: typeof fetch
  /** Largest response body read (a completion, or a whole stream). Default 1 MB. */
  maxResponseBytes?: number
}

export type RetryInfo = { attempt: number; status: number | null; delayMs: number; reason: string }

const RETRYABLE = (status: number) => status === 408 || status === 409 || status === 429 || status >= 500

const FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  content_filter: 'content_filter',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
}

/**
 * Creates the provider.
 *
 * @example
 * const llm = createOpenAiLanguageModel({ baseUrl: 'https://api.deepseek.com/v1', apiKey, model: 'deepseek-chat' })
 * const { text } = await llm.generate({ messages: [{ role: 'user', content: '你好' }] })
 */
export function createOpenAiLanguageModel(options: OpenAiLanguageModelOptions): LanguageModel {
  if (!/^https?:\/\//i.test(options.baseUrl))
    throw new AppError('invalid_input', 'LLM base URL must start with http:// or https://')
  if (!options.model.trim()) throw new AppError('invalid_input', 'LLM model must not be empty')
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`
  const doFetch = options.fetch ?? fetch
  const timeoutMs = options.timeoutMs ?? 15_000
  const maxRetries = Math.max(0, options.maxRetries ?? 2)
  const baseDelay = options.retryBaseMs ?? 300
  const maxDelay = options.maxRetryDelayMs ?? 4_000
  const secret = options.apiKey ?? ''
  const maxBytes = options.maxResponseBytes ?? 1_000_000

  /** Vendor text may echo the key ("Incorrect API key provided: sk-…"): never keep it. */
  const scrub = (s: string) => {
    let out = s.slice(0, 500)
    if (secret.length >= 4) out = out.split(secret).join('***')
    return out.replace(/\b(sk|key|Bearer)[-_ ][A-Za-z0-9._-]{8,}/g, '$1-***')
  }

  function body(req: GenerateRequest, stream: boolean): string {
    return JSON.stringify({
      model: options.model,
      messages: req.messages,
      ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
      ...(req.maxTokens !== undefined ? { max_tokens: req.maxTokens } : {}),
      ...(req.stop && req.stop.length > 0 ? { stop: req.stop } : {}),
      stream,
    })
  }

  /**
   * POSTs with retries; returns the first OK response. `deadline` aborts everything when the budget
   * is spent, `signal` is the caller's own cancel.
   */
  async function post(
    payload: string,
    signal: AbortSignal | undefined,
    deadline: AbortSignal,
  ): Promise<{ res: Response; attempts: number }> {
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline
    const started = Date.now()
    let attempt = 0
    for (;;) {
      attempt++
      let failure: { status: number | null; reason: string; cause: unknown; retryAfterMs: number | null }
      try {
        const res = await doFetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            ...options.headers,
            ...(secret ? { authorization: `Bearer ${secret}` } : {}),
          },
          body: payload,
          signal: combined,
        })
        if (res.ok) return { res, attempts: attempt }
        const text = await readLimitedText(res, 16 * 1024, 'LLM error body').catch(() => '')
        if (!RETRYABLE(res.status)) {
          throw new AppError('upstream_failed', `LLM provider answered HTTP ${res.status}`, {
            cause: new Error(scrub(text)),
            retryable: false,
            details: { status: res.status, attempts: attempt },
          })
        }
        failure = {
          status: res.status,
          reason: `HTTP ${res.status}`,
          cause: new Error(scrub(text)),
          retryAfterMs: retryAfter(res.headers.get('retry-after')),
        }
      } catch (e) {
        if (AppError.isInstance(e)) throw e
        if (deadline.aborted) throw timeoutError(timeoutMs, attempt, e)
        if (signal?.aborted) {
          throw new AppError('upstream_failed', 'LLM request was cancelled', {
            cause: e,
            retryable: false,
            details: { attempts: attempt },
          })
        }
        failure = { status: null, reason: 'network error', cause: sanitizeCause(e, scrub), retryAfterMs: null }
      }
      const backoff = Math.min(maxDelay, baseDelay * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4))
      const delayMs = Math.round(Math.min(maxDelay, failure.retryAfterMs ?? backoff))
      const budgetLeft = timeoutMs - (Date.now() - started)
      if (attempt > maxRetries || delayMs >= budgetLeft) {
        throw new AppError(
          'upstream_failed',
          failure.status === null
            ? `LLM provider could not be reached (${attempt} attempt${attempt > 1 ? 's' : ''})`
            : `LLM provider answered HTTP ${failure.status} (${attempt} attempt${attempt > 1 ? 's' : ''})`,
          { cause: failure.cause, retryable: true, details: { status: failure.status, attempts: attempt } },
        )
      }
      options.onRetry?.({ attempt, status: failure.status, delayMs, reason: failure.reason })
      try {
        await sleep(delayMs, combined)
      } catch (e) {
        if (deadline.aborted) throw timeoutError(timeoutMs, attempt, e)
        throw new AppError('upstream_failed', 'LLM request was cancelled', { cause: e, retryable: false })
      }
    }
  }

  return {
    specificationVersion: 'v1',
    provider: 'openai-compatible',
    modelId: options.model,

    async generate(req, signal): Promise<GenerateResult> {
      const deadline = AbortSignal.timeout(timeoutMs)
      const { res, attempts } = await post(body(req, false), signal, deadline)
      let raw: string
      try {
        raw = await readLimitedText(res, maxBytes, 'LLM response')
      } catch (e) {
        if (AppError.isInstance(e)) throw e
        if (deadline.aborted) throw timeoutError(timeoutMs, attempts, e)
        throw new AppError('upstream_failed', 'LLM response body could not be read', {
          cause: sanitizeCause(e, scrub),
          retryable: true,
        })
      }
      let json: unknown
      try {
        json = JSON.parse(raw)
      } catch (e) {
        throw new AppError('upstream_failed', 'LLM provider returned invalid JSON', {
          cause: new Error(`${(e as Error).message}: ${scrub(raw.slice(0, 200))}`),
          retryable: false,
        })
      }
      return parseCompletion(json, options.model, attempts)
    },

    async *stream(req, signal): AsyncIterable<StreamPart> {
      const deadline = AbortSignal.timeout(timeoutMs)
      const { res } = await post(body(req, true), signal, deadline)
      if (!res.body) throw new AppError('upstream_failed', 'LLM provider sent no stream body')
      const reader = res.body.getReader()
      const decoder = new TextDecoder()
      let buffer = ''
      let received = 0
      let finish: FinishReason = 'other'
      let usage: TokenUsage | undefined
      try {
        for (;;) {
          let chunk: ReadableStreamReadResult<Uint8Array>
          try {
            chunk = await reader.read()
          } catch (e) {
            if (deadline.aborted) throw timeoutError(timeoutMs, 1, e)
            throw new AppError('upstream_failed', 'LLM stream was interrupted', {
              cause: sanitizeCause(e, scrub),
              retryable: true,
            })
          }
          if (chunk.done) break
          received += chunk.value.byteLength
          if (received > maxBytes) throw tooLargeError('LLM stream', maxBytes)
          buffer += decoder.decode(chunk.value, { stream: true })
          let cut = buffer.search(/\r?\n\r?\n/)
          while (cut >= 0) {
            const event = buffer.slice(0, cut)
            buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '')
            for (const part of parseSseEvent(event, scrub)) {
              if (part === 'done') {
                yield { type: 'finish', finishReason: finish, ...(usage ? { usage } : {}) }
                return
              }
              if (part.finishReason) finish = part.finishReason
              if (part.usage) usage = part.usage
              if (part.text) yield { type: 'text-delta', text: part.text }
            }
            cut = buffer.search(/\r?\n\r?\n/)
          }
        }
        // Some servers close without `[DONE]`; whatever arrived is the answer.
        yield { type: 'finish', finishReason: finish, ...(usage ? { usage } : {}) }
      } finally {
        reader.cancel().catch(() => undefined)
      }
    },
  }
}

function timeoutError(timeoutMs: number, attempts: number, cause: unknown): AppError {
  return new AppError('upstream_failed', `LLM request timed out after ${timeoutMs} ms`, {
    cause,
    retryable: true,
    details: { timeout: true, attempts },
  })
}

/** Network errors from undici can carry the request (headers included) in their cause chain. */
function sanitizeCause(e: unknown, scrub: (s: string) => string): Error {
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
  const code = (e as { cause?: { code?: unknown } })?.cause?.code
  return new Error(scrub(typeof code === 'string' ? `${msg} (${code})` : msg))
}

/** `Retry-After` in seconds or as an HTTP date → milliseconds; null when absent or unreadable. */
function retryAfter(h: string | null): number | null {
  if (!h) return null
  const s = Number(h)
  if (Number.isFinite(s) && s >= 0) return s * 1000
  const t = Date.parse(h)
  return Number.isNaN(t) ? null : Math.max(0, t - Date.now())
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(t)
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

type CompletionJson = {
  model?: unknown
  choices?: Array<{ message?: { content?: unknown }; finish_reason?: unknown }>
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown; total_tokens?: unknown }
  error?: unknown
}

function parseUsage(u: CompletionJson['usage']): TokenUsage | undefined {
  if (!u || typeof u !== 'object') return undefined
  const p = typeof u.prompt_tokens === 'number' ? u.prompt_tokens : 0
  const c = typeof u.completion_tokens === 'number' ? u.completion_tokens : 0
  const t = typeof u.total_tokens === 'number' ? u.total_tokens : p + c
  return { promptTokens: p, completionTokens: c, totalTokens: t }
}

function parseCompletion(json: unknown, model: string, attempts: number): GenerateResult {
  const j = (typeof json === 'object' && json !== null ? json : {}) as CompletionJson
  const choice = Array.isArray(j.choices) ? j.choices[0] : undefined
  const content = choice?.message?.content
  if (typeof content !== 'string') {
    throw new AppError(
      'upstream_failed',
      j.error ? 'LLM provider returned an error object' : 'LLM response has no choices[0].message.content',
      { retryable: false },
    )
  }
  const usage = parseUsage(j.usage)
  return {
    text: content,
    finishReason: FINISH[String(choice?.finish_reason)] ?? 'other',
    ...(usage ? { usage } : {}),
    modelId: typeof j.model === 'string' && j.model ? j.model : model,
    attempts,
  }
}

type SsePart = { text?: string; finishReason?: FinishReason; usage?: TokenUsage }

function parseSseEvent(event: string, scrub: (s: string) => string): Array<SsePart | 'done'> {
  const out: Array<SsePart | 'done'> = []
  const data = event
    .split(/\r?\n/)
    .filter((l) => l.startsWith('data:'))
    .map((l) => l.slice(5).trimStart())
    .join('\n')
  if (!data) return out
  if (data.trim() === '[DONE]') return ['done']
  let j: {
    choices?: Array<{ delta?: { content?: unknown }; finish_reason?: unknown }>
    usage?: CompletionJson['usage']
  }
  try {
    j = JSON.parse(data)
  } catch (e) {
    throw new AppError('upstream_failed', 'LLM stream carried invalid JSON', {
      cause: new Error(`${(e as Error).message}: ${scrub(data.slice(0, 200))}`),
      retryable: false,
    })
  }
  const choice = Array.isArray(j.choices) ? j.choices[0] : undefined
  const part: SsePart = {}
  if (typeof choice?.delta?.content === 'string' && choice.delta.content) part.text = choice.delta.content
  if (typeof choice?.finish_reason === 'string') part.finishReason = FINISH[choice.finish_reason] ?? 'other'
  const usage = parseUsage(j.usage)
  if (usage) part.usage = usage
  out.push(part)
  return out
}
