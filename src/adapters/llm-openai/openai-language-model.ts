/**
 * LanguageModel over any OpenAI-compatible `POST {baseUrl}/chat/completions` endpoint (OpenAI,
 * DeepSeek, Qwen/DashScope compatible mode, Moonshot, Ollama, vLLM, LiteLLM…), on the official
 * `openai` SDK. The SDK does the HTTP, the parsing and the SSE; kefu keeps the policy around it:
 *
 * - `timeoutMs` is the budget of the whole call, retries included (a customer is waiting); the SDK's
 *   own retries are off so one loop decides, honouring `Retry-After`, and tells `onRetry`.
 * - 408, 409, 429, ≥ 500 and network errors are retried with exponential backoff and jitter while the
 *   budget lasts; what is left is AppError('upstream_failed') with `retryable: true`. Other statuses,
 *   invalid JSON and malformed bodies fail at once.
 * - `firstTokenTimeoutMs` bounds the wait for a stream's first delta (a provider that accepts the
 *   request and then says nothing).
 * - Bodies are capped (`maxResponseBytes`, error bodies 16 KB) by a size-limited fetch under the SDK
 *   (Node's own fetch, or `options.fetch` if given).
 * - The API key never appears in an error message or its cause (vendor text is scrubbed), and no
 *   `OPENAI_*` environment variable is read: everything comes from the options.
 */

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import { AppError } from '../../core/errors.js'
import type {
  ChatMessage,
  FinishReason,
  GenerateRequest,
  GenerateResult,
  LanguageModel,
  StreamPart,
  TokenUsage,
  ToolCall,
} from '../../core/ports/language-model.js'
import { sizeLimitedFetch } from '../http/size-limited-fetch.js'

export type OpenAiLanguageModelOptions = {
  /** e.g. `https://api.openai.com/v1` (without `/chat/completions`). */
  baseUrl: string
  /** Sent as `Authorization: Bearer …`; omit for local servers that need none (Ollama, vLLM). */
  apiKey?: string
  model: string
  /** Budget for one generate() call, retries included. Default 15 s. */
  timeoutMs?: number
  /** Longest wait for a stream's first text delta. Default: the whole budget. */
  firstTokenTimeoutMs?: number
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

type Attempt<T> = (signal: AbortSignal) => Promise<T>

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
  const timeoutMs = options.timeoutMs ?? 15_000
  const maxRetries = Math.max(0, options.maxRetries ?? 2)
  const baseDelay = options.retryBaseMs ?? 300
  const maxDelay = options.maxRetryDelayMs ?? 4_000
  const secret = options.apiKey ?? ''
  const maxBytes = options.maxResponseBytes ?? 1_000_000

  const client = new OpenAI({
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    // A local server needs no key: the SDK insists on one, so it gets a placeholder and the header
    // is removed below.
    apiKey: secret || 'none',
    organization: null,
    project: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: timeoutMs,
    logLevel: 'off',
    fetch: sizeLimitedFetch(options.fetch ?? fetch, { maxBytes, what: 'LLM response' }),
    defaultHeaders: { ...options.headers, ...(secret ? {} : { Authorization: null }) },
  })

  /** Vendor text may echo the key ("Incorrect API key provided: sk-…"): never keep it. */
  const scrub = (s: string) => {
    let out = s.slice(0, 500)
    if (secret.length >= 4) out = out.split(secret).join('***')
    return out.replace(/\b(sk|key|Bearer)[-_ ][A-Za-z0-9._-]{8,}/g, '$1-***')
  }

  function params(req: GenerateRequest) {
    return {
      model: options.model,
      messages: req.messages.map(toOpenAiMessage),
      ...(req.tools && req.tools.length > 0
        ? {
            tools: req.tools.map((t) => ({
              type: 'function' as const,
              function: { name: t.name, description: t.description, parameters: t.parameters },
            })),
          }
        : {}),
      ...(req.toolChoice ? { tool_choice: { type: 'function' as const, function: { name: req.toolChoice } } } : {}),
      ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
      ...(req.maxTokens !== undefined ? { max_tokens: req.maxTokens } : {}),
      ...(req.stop && req.stop.length > 0 ? { stop: req.stop } : {}),
    }
  }

  /** An SDK or network failure as kefu's error, plus whether (and when) to retry it. */
  function classify(e: unknown, attempt: number): { error: AppError; retryAfterMs: number | null } {
    const own = findAppError(e)
    if (own) return { error: own, retryAfterMs: null }
    if (e instanceof APIError && typeof e.status === 'number') {
      const retryable = RETRYABLE(e.status)
      return {
        error: new AppError('upstream_failed', `LLM provider answered HTTP ${e.status}`, {
          cause: new Error(scrub(e.message)),
          retryable,
          details: { status: e.status, attempts: attempt },
        }),
        retryAfterMs: retryable ? retryAfter(e.headers?.get('retry-after') ?? null) : null,
      }
    }
    if (e instanceof APIConnectionError || e instanceof TypeError) {
      return {
        error: new AppError('upstream_failed', 'LLM provider could not be reached', {
          cause: sanitizeCause(e, scrub),
          retryable: true,
          details: { status: null, attempts: attempt },
        }),
        retryAfterMs: null,
      }
    }
    if (e instanceof SyntaxError) {
      return {
        error: new AppError('upstream_failed', 'LLM provider returned invalid JSON', {
          cause: new Error(scrub(e.message)),
          retryable: false,
        }),
        retryAfterMs: null,
      }
    }
    return {
      error: new AppError('upstream_failed', 'LLM request failed', {
        cause: sanitizeCause(e, scrub),
        retryable: false,
      }),
      retryAfterMs: null,
    }
  }

  /**
   * Runs `attempt` until it succeeds, a failure is not retryable, retries are spent or the budget is.
   * `deadline` aborts everything when the budget is spent, `signal` is the caller's own cancel;
   * `combined` is the two together (given when the caller has it already).
   */
  async function withRetries<T>(
    attemptFn: Attempt<T>,
    signal: AbortSignal | undefined,
    deadline: AbortSignal,
    combined: AbortSignal = signal ? AbortSignal.any([signal, deadline]) : deadline,
  ): Promise<{ value: T; attempts: number }> {
    const started = performance.now()
    let attempt = 0
    for (;;) {
      attempt++
      let failure: { error: AppError; retryAfterMs: number | null }
      try {
        return { value: await attemptFn(combined), attempts: attempt }
      } catch (e) {
        if (deadline.aborted) throw timeoutError(timeoutMs, attempt, e)
        if (signal?.aborted || e instanceof APIUserAbortError) throw cancelledError(e, attempt)
        if (e instanceof APIConnectionTimeoutError) throw timeoutError(timeoutMs, attempt, e)
        failure = classify(e, attempt)
      }
      if (!failure.error.options.retryable) throw failure.error
      const backoff = Math.min(maxDelay, baseDelay * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4))
      const delayMs = Math.round(Math.min(maxDelay, failure.retryAfterMs ?? backoff))
      const budgetLeft = timeoutMs - (performance.now() - started)
      const status = (failure.error.options.details as { status?: number | null } | undefined)?.status ?? null
      if (attempt > maxRetries || delayMs >= budgetLeft) {
        throw new AppError(
          'upstream_failed',
          `${failure.error.message} (${attempt} attempt${attempt > 1 ? 's' : ''})`,
          { ...failure.error.options, details: { status, attempts: attempt } },
        )
      }
      options.onRetry?.({ attempt, status, delayMs, reason: status === null ? 'network error' : `HTTP ${status}` })
      try {
        await sleep(delayMs, combined)
      } catch (e) {
        if (deadline.aborted) throw timeoutError(timeoutMs, attempt, e)
        throw cancelledError(e, attempt)
      }
    }
  }

  return {
    specificationVersion: 'v1',
    provider: 'openai-compatible',
    modelId: options.model,
    timeoutMs,

    async generate(req, signal): Promise<GenerateResult> {
      const deadline = AbortSignal.timeout(timeoutMs)
      const { value, attempts } = await withRetries(
        (s) => client.chat.completions.create({ ...params(req), stream: false }, { signal: s }) as Promise<unknown>,
        signal,
        deadline,
      )
      return parseCompletion(value, options.model, attempts)
    },

    async *stream(req, signal): AsyncIterable<StreamPart> {
      const deadline = AbortSignal.timeout(timeoutMs)
      const firstToken = new AbortController()
      const firstTokenMs = options.firstTokenTimeoutMs
      const firstTimer = firstTokenMs !== undefined ? setTimeout(() => firstToken.abort(), firstTokenMs) : undefined
      const overall = firstTokenMs !== undefined ? AbortSignal.any([deadline, firstToken.signal]) : deadline
      // The caller's cancel or the budget: for the request and, since the SDK stops watching the
      // signal once the headers are in, for reading the body.
      const reading = signal ? AbortSignal.any([signal, overall]) : overall
      try {
        const { value: stream } = await withRetries(
          (s) =>
            client.chat.completions.create(
              { ...params(req), stream: true, stream_options: { include_usage: true } },
              { signal: s },
            ),
          signal,
          overall,
          reading,
        )
        let finish: FinishReason = 'other'
        let usage: TokenUsage | undefined
        const calls: ToolCall[] = []
        const stop = () => stream.controller.abort()
        if (reading.aborted) stop()
        reading.addEventListener('abort', stop, { once: true })
        try {
          for await (const chunk of stream) {
            const choice = chunk.choices?.[0]
            const text = choice?.delta?.content
            if (typeof choice?.finish_reason === 'string') finish = FINISH[choice.finish_reason] ?? 'other'
            const u = parseUsage(chunk.usage)
            if (u) usage = u
            for (const d of choice?.delta?.tool_calls ?? []) {
              const slot = calls[d.index] ?? { id: '', name: '', arguments: '' }
              calls[d.index] = slot
              if (d.id) slot.id = d.id
              if (d.function?.name) slot.name += d.function.name
              if (d.function?.arguments) slot.arguments += d.function.arguments
            }
            if (typeof text === 'string' && text) {
              clearTimeout(firstTimer)
              yield { type: 'text-delta', text }
            }
          }
          // An aborted SDK stream ends quietly: a cut-off answer must not pass for a whole one.
          if (reading.aborted) throw reading.reason
        } catch (e) {
          if (overall.aborted) throw timeoutError(timeoutMs, 1, e, firstToken.signal.aborted)
          if (signal?.aborted) throw cancelledError(e, 1)
          const c = classify(e, 1)
          if (e instanceof SyntaxError) {
            throw new AppError('upstream_failed', 'LLM stream carried invalid JSON', c.error.options)
          }
          throw c.error.options.details === undefined && !findAppError(e)
            ? new AppError('upstream_failed', 'LLM stream was interrupted', { ...c.error.options, retryable: true })
            : c.error
        } finally {
          reading.removeEventListener('abort', stop)
        }
        const whole = calls
          .filter((c) => c?.name)
          .map((c, i) => ({ ...c, id: c.id || `call_${i}`, arguments: c.arguments || '{}' }))
        if (whole.length > 0) yield { type: 'tool-calls', calls: whole }
        // Some servers close without `[DONE]`; whatever arrived is the answer.
        yield { type: 'finish', finishReason: finish, ...(usage ? { usage } : {}) }
      } catch (e) {
        if (AppError.isInstance(e) && firstToken.signal.aborted && !deadline.aborted) {
          throw timeoutError(firstTokenMs ?? timeoutMs, 1, e, true)
        }
        throw e
      } finally {
        clearTimeout(firstTimer)
      }
    },
  }
}

function timeoutError(timeoutMs: number, attempts: number, cause: unknown, firstToken = false): AppError {
  return new AppError(
    'upstream_failed',
    firstToken ? `LLM sent no first token within ${timeoutMs} ms` : `LLM request timed out after ${timeoutMs} ms`,
    { cause, retryable: true, details: { timeout: true, attempts, ...(firstToken ? { firstToken: true } : {}) } },
  )
}

function cancelledError(cause: unknown, attempts: number): AppError {
  return new AppError('upstream_failed', 'LLM request was cancelled', {
    cause,
    retryable: false,
    details: { attempts },
  })
}

/** An AppError raised under the SDK (the size cap) comes back wrapped in its cause chain. */
function findAppError(e: unknown): AppError | undefined {
  let cur: unknown = e
  for (let i = 0; i < 5 && cur; i++) {
    if (AppError.isInstance(cur)) return cur
    cur = (cur as { cause?: unknown }).cause
  }
  return undefined
}

/** Network errors from undici can carry the request (headers included) in their cause chain. */
function sanitizeCause(e: unknown, scrub: (s: string) => string): Error {
  const inner = (e as { cause?: unknown })?.cause ?? e
  const msg = inner instanceof Error ? `${inner.name}: ${inner.message}` : String(inner)
  const code = (inner as { cause?: { code?: unknown } })?.cause?.code
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

/** kefu's message shape → the Chat Completions one. */
function toOpenAiMessage(m: ChatMessage): OpenAI.Chat.Completions.ChatCompletionMessageParam {
  if (m.role === 'tool') return { role: 'tool', tool_call_id: m.toolCallId, content: m.content }
  if (m.role === 'assistant' && m.toolCalls && m.toolCalls.length > 0) {
    return {
      role: 'assistant',
      content: m.content || null,
      tool_calls: m.toolCalls.map((c) => ({
        id: c.id,
        type: 'function' as const,
        function: { name: c.name, arguments: c.arguments },
      })),
    }
  }
  if (m.role === 'user' && m.images && m.images.length > 0) {
    return {
      role: 'user',
      content: [
        { type: 'text', text: m.content },
        ...m.images.map((i) => ({
          type: 'image_url' as const,
          image_url: { url: `data:${i.mime};base64,${i.base64}` },
        })),
      ],
    }
  }
  if (m.role === 'user') return { role: 'user', content: m.content }
  return { role: m.role, content: m.content }
}

type CompletionJson = {
  model?: unknown
  choices?: Array<{
    message?: {
      content?: unknown
      tool_calls?: Array<{ id?: unknown; function?: { name?: unknown; arguments?: unknown } }>
    }
    finish_reason?: unknown
  }>
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown; total_tokens?: unknown } | null
  error?: unknown
}

function parseUsage(u: CompletionJson['usage'] | undefined): TokenUsage | undefined {
  if (!u || typeof u !== 'object') return undefined
  const p = typeof u.prompt_tokens === 'number' ? u.prompt_tokens : 0
  const c = typeof u.completion_tokens === 'number' ? u.completion_tokens : 0
  const t = typeof u.total_tokens === 'number' ? u.total_tokens : p + c
  return { promptTokens: p, completionTokens: c, totalTokens: t }
}

/** The SDK returns whatever the server sent (a string when it was not JSON): check its shape. */
function parseCompletion(json: unknown, model: string, attempts: number): GenerateResult {
  const j = (typeof json === 'object' && json !== null ? json : {}) as CompletionJson
  const choice = Array.isArray(j.choices) ? j.choices[0] : undefined
  const toolCalls = parseToolCalls(choice?.message?.tool_calls)
  const content = choice?.message?.content ?? (toolCalls.length > 0 ? '' : undefined)
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
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
  }
}

function parseToolCalls(raw: unknown): ToolCall[] {
  if (!Array.isArray(raw)) return []
  const out: ToolCall[] = []
  for (const [i, c] of raw.entries()) {
    const f = (c as { function?: { name?: unknown; arguments?: unknown } })?.function
    if (typeof f?.name !== 'string') continue
    const id = (c as { id?: unknown }).id
    out.push({
      id: typeof id === 'string' && id ? id : `call_${i}`,
      name: f.name,
      arguments: typeof f.arguments === 'string' ? f.arguments : '{}',
    })
  }
  return out
}
