/**
 * The language-model port. Optional everywhere: kefu answers without one (the embedded NLU +
 * retrieval), and with one it only hands over questions the knowledge base could not answer,
 * grounded in the shop's own facts (src/core/llm-routing/). The OpenAI-compatible adapter lives in
 * src/adapters/llm-openai/.
 */

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool'

/** A function the model asked to call; `arguments` is the model's JSON text (validate before use). */
export type ToolCall = { id: string; name: string; arguments: string }

/** A picture sent with a user message to a vision-capable model (base64, no data: prefix). */
export type ChatImage = { mime: string; base64: string }

export type ChatMessage =
  | { role: 'system'; content: string }
  /** `images`: pictures for a vision-capable model, sent after the text. */
  | { role: 'user'; content: string; images?: ChatImage[] }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string }

/** A function offered to the model: name, what it does, its parameters as JSON Schema. */
export type ToolSpec = { name: string; description: string; parameters: Record<string, unknown> }

export type GenerateRequest = {
  messages: ChatMessage[]
  /** 0 = deterministic; grounded answers use a low value. Provider default when absent. */
  temperature?: number
  /** Upper bound on generated tokens (cost control). Provider default when absent. */
  maxTokens?: number
  /** Stop sequences. */
  stop?: string[]
  /** Functions the model may call instead of answering (the caller runs them and asks again). */
  tools?: ToolSpec[]
  /** The name of one of `tools` the model must call (classification); absent = the model chooses. */
  toolChoice?: string
}

export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls' | 'other'

export type TokenUsage = { promptTokens: number; completionTokens: number; totalTokens: number }

export type GenerateResult = {
  text: string
  finishReason: FinishReason
  /** Absent when the provider does not report usage. */
  usage?: TokenUsage
  /** The model that actually answered (providers may resolve aliases). */
  modelId: string
  /** Attempts made, retries included (1 = first try succeeded). */
  attempts: number
  /** The calls the model asked for (`finishReason: 'tool_calls'`); absent when it answered. */
  toolCalls?: ToolCall[]
}

export type StreamPart =
  | { type: 'text-delta'; text: string }
  /** The tool calls of a streamed turn, whole (the adapter joins their deltas), before `finish`. */
  | { type: 'tool-calls'; calls: ToolCall[] }
  | { type: 'finish'; finishReason: FinishReason; usage?: TokenUsage }

/**
 * A chat model. `generate` throws AppError('upstream_failed') on provider failure, with
 * `options.retryable` set for timeouts, 408, 409, 429 and ≥ 500 (after the adapter's own retries).
 *
 * @example
 * const r = await llm.generate({ messages: [{ role: 'user', content: '你好' }], temperature: 0 }, signal)
 * console.log(r.text)
 */
export type LanguageModel = {
  readonly specificationVersion: 'v1'
  /** e.g. `openai-compatible`. */
  readonly provider: string
  readonly modelId: string
  /** The adapter's time limit for one call, retries included; callers that chain calls share it. */
  readonly timeoutMs?: number
  generate(req: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult>
  /** Incremental text; optional because grounded answers are verified whole before they are sent. */
  stream?(req: GenerateRequest, signal?: AbortSignal): AsyncIterable<StreamPart>
}
