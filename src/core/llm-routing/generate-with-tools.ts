/**
 * One grounded answer with kefu's read-only skills as tools: the model may call them for up to
 * `maxRounds` rounds; each result joins `facts` (labelled `[Fn]`) and is sent back as a tool message,
 * then the model answers. Usage is summed over the rounds. Provider errors propagate (the caller
 * records them); a tool error is told to the model as data (`error: not_found`), never thrown.
 */
import type { Locale } from '../domain/schemas.js'
import { AppError } from '../errors.js'
import type {
  ChatMessage,
  FinishReason,
  GenerateRequest,
  GenerateResult,
  LanguageModel,
  TokenUsage,
  ToolCall,
} from '../ports/language-model.js'
import type { Fact } from './collect-facts.js'
import type { LlmEvent } from './llm-event.js'
import type { SentenceGate } from './sentence-gate.js'
import type { SkillTools } from './skill-tools.js'
import type { WriteProposal } from './write-proposals.js'

const MAX_CALLS_PER_ROUND = 4

const TOOL_NOTE: Record<Locale, string> = {
  zh: '你可以调用工具查询该顾客的订单、物流和商品的实时价格库存。工具结果同样以 [Fn] 标注，是资料的一部分：回答中的事实必须引用它们。取消订单、修改地址、申请退货这三个工具不会直接执行：调用后系统会请顾客确认，只在顾客明确要求时调用。',
  en: "You may call tools to look up this customer's orders, tracking, and live product price and stock. Tool results are labelled [Fn] like the facts and are facts: cite them. cancel_order, change_address and request_return do not act: the customer is asked to confirm first; call them only when the customer asks for that change.",
}

export type ToolRun = {
  result: GenerateResult
  usage?: TokenUsage
  events: LlmEvent[]
  /** The model proposed a write: the rounds stop and the dialogue asks the customer to confirm. */
  proposal?: WriteProposal
}

/**
 * Generates with tools; `facts` grows with every tool result.
 *
 * @example
 * const { result, events } = await generateWithTools(llm, messages, facts, tools, { locale, maxRounds: 2 })
 */
export async function generateWithTools(
  llm: LanguageModel,
  prompt: ChatMessage[],
  facts: Fact[],
  tools: SkillTools | null,
  opts: {
    locale: Locale
    temperature: number
    maxTokens: number
    maxRounds: number
    /** Stream the answer: text deltas pass the sentence gate, what it clears goes to `emit`. */
    stream?: { gate: SentenceGate; emit: (text: string) => void }
  },
): Promise<ToolRun> {
  const base = { temperature: opts.temperature, maxTokens: opts.maxTokens }
  // Tool rounds share one limit: the customer waits for the turn, not for each call.
  const deadline = llm.timeoutMs !== undefined ? AbortSignal.timeout(llm.timeoutMs) : undefined
  const generate = async (req: GenerateRequest): Promise<GenerateResult> => {
    try {
      return opts.stream && llm.stream
        ? await streamed(llm, req, opts.stream, deadline)
        : await llm.generate(req, deadline)
    } catch (e) {
      if (deadline?.aborted) {
        throw new AppError('upstream_failed', `LLM turn timed out after ${llm.timeoutMs} ms`, {
          cause: e,
          retryable: true,
          details: { timeout: true },
        })
      }
      throw e
    }
  }
  if (!tools || opts.maxRounds <= 0) {
    const result = await generate({ messages: prompt, ...base })
    return { result, ...(result.usage ? { usage: result.usage } : {}), events: [] }
  }
  const messages: ChatMessage[] = [prompt[0] ?? { role: 'system', content: '' }]
  messages.push({ role: 'system', content: TOOL_NOTE[opts.locale] }, ...prompt.slice(1))
  const events: LlmEvent[] = []
  let usage: TokenUsage | undefined
  for (let round = 0; ; round++) {
    const offer = round < opts.maxRounds
    const result = await generate({ messages, ...base, ...(offer ? { tools: tools.specs } : {}) })
    usage = add(usage, result.usage)
    const calls = result.toolCalls ?? []
    if (calls.length === 0 || !offer) return { result, ...(usage ? { usage } : {}), events }
    messages.push({ role: 'assistant', content: result.text, toolCalls: calls })
    let proposal: WriteProposal | undefined
    for (const [i, call] of calls.entries()) {
      const out =
        i < MAX_CALLS_PER_ROUND
          ? await tools.run(call, facts)
          : { ok: false, content: 'error: too_many_calls', facts: [], error: 'too_many_calls' }
      messages.push({ role: 'tool', toolCallId: call.id, content: out.content })
      events.push({
        type: 'llm.tool_called',
        data: {
          tool: call.name,
          ok: out.ok,
          ...(out.error ? { error: out.error } : {}),
          factIds: out.facts.map((f) => f.id),
          ...(out.proposal ? { proposed: true } : {}),
        },
      })
      // One write at a time: the first proposal is put to the customer, later calls are dropped.
      if (out.proposal) {
        proposal = out.proposal
        break
      }
    }
    if (proposal) return { result, ...(usage ? { usage } : {}), events, proposal }
  }
}

/** One streamed round, gathered into a GenerateResult; cleared sentences are emitted as they pass. */
async function streamed(
  llm: LanguageModel,
  req: GenerateRequest,
  sink: { gate: SentenceGate; emit: (text: string) => void },
  signal: AbortSignal | undefined,
): Promise<GenerateResult> {
  let text = ''
  let toolCalls: ToolCall[] = []
  let finishReason: FinishReason = 'other'
  let usage: TokenUsage | undefined
  for await (const part of (llm.stream as NonNullable<LanguageModel['stream']>)(req, signal)) {
    if (part.type === 'text-delta') {
      text += part.text
      const cleared = sink.gate.push(part.text)
      if (cleared) sink.emit(cleared)
    } else if (part.type === 'tool-calls') toolCalls = part.calls
    else {
      finishReason = part.finishReason
      usage = part.usage
    }
  }
  // A cut-off answer is rejected whole: do not release its tail.
  if (toolCalls.length === 0 && finishReason !== 'length') {
    const rest = sink.gate.end()
    if (rest) sink.emit(rest)
  }
  return {
    text,
    finishReason,
    modelId: llm.modelId,
    attempts: 1,
    ...(usage ? { usage } : {}),
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
  }
}

function add(a: TokenUsage | undefined, b: TokenUsage | undefined): TokenUsage | undefined {
  if (!b) return a
  if (!a) return b
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  }
}
