import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createOpenAiLanguageModel, type RetryInfo } from '../../src/adapters/llm-openai/openai-language-model.js'
import { AppError } from '../../src/core/errors.js'
import type { StreamPart } from '../../src/core/ports/language-model.js'
import { waitFor } from '../helpers/wait-for.js'
import { type FakeOpenAiServer, startFakeOpenAiServer } from './fake-openai-server.js'

let fake: FakeOpenAiServer
beforeAll(async () => {
  fake = await startFakeOpenAiServer()
})
afterAll(async () => {
  await fake.close()
})
beforeEach(() => {
  fake.reset()
  fake.setDefault({ content: 'ok' })
})

const KEY = 'sk-test-SECRET-1234567890'
const model = (o: Partial<Parameters<typeof createOpenAiLanguageModel>[0]> = {}) =>
  createOpenAiLanguageModel({
    baseUrl: `${fake.url}/v1/`,
    apiKey: KEY,
    model: 'qwen-plus',
    retryBaseMs: 1,
    ...o,
  })

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (AppError.isInstance(e)) return e
    throw e
  }
  throw new Error('expected the call to fail')
}

async function drain(llm: ReturnType<typeof model>): Promise<StreamPart[]> {
  const parts: StreamPart[] = []
  for await (const p of llm.stream!({ messages: [{ role: 'user', content: 'hi' }] })) parts.push(p)
  return parts
}
const drainText = async (llm: ReturnType<typeof model>) =>
  (await drain(llm)).map((p) => (p.type === 'text-delta' ? p.text : '')).join('')

describe('OpenAI-compatible language model', () => {
  it('sends the model, the messages, the options and the bearer key to /chat/completions', async () => {
    fake.enqueue({ content: '您好，有什么可以帮您？' })
    const r = await model().generate({
      messages: [
        { role: 'system', content: 'sys' },
        { role: 'user', content: '你好' },
      ],
      temperature: 0.1,
      maxTokens: 200,
    })
    expect(r.text).toBe('您好，有什么可以帮您？')
    expect(r.finishReason).toBe('stop')
    expect(r.usage).toEqual({ promptTokens: 100, completionTokens: 20, totalTokens: 120 })
    expect(r.attempts).toBe(1)
    expect(fake.requests).toHaveLength(1)
    const req = fake.requests[0]!
    expect(req.path).toBe('/v1/chat/completions')
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(req.headers['content-type']).toBe('application/json')
    expect(req.body.model).toBe('qwen-plus')
    expect(req.body.messages).toEqual([
      { role: 'system', content: 'sys' },
      { role: 'user', content: '你好' },
    ])
    expect(req.body.temperature).toBe(0.1)
    expect(req.body.max_tokens).toBe(200)
    expect(req.body.stream).toBe(false)
  })

  it('sends no authorization header when no key is configured (Ollama, vLLM)', async () => {
    await model({ apiKey: undefined as unknown as string }).generate({ messages: [{ role: 'user', content: 'hi' }] })
    expect(fake.requests[0]!.headers.authorization).toBeUndefined()
  })

  it('retries on 429 (honouring Retry-After) and then succeeds', async () => {
    fake.enqueue({ status: 429, headers: { 'retry-after': '0' } }, { status: 503 }, { content: 'third time lucky' })
    const retries: RetryInfo[] = []
    const r = await model({ onRetry: (i) => retries.push(i) }).generate({ messages: [{ role: 'user', content: 'x' }] })
    expect(r.text).toBe('third time lucky')
    expect(r.attempts).toBe(3)
    expect(fake.requests).toHaveLength(3)
    expect(retries.map((i) => i.status)).toEqual([429, 503])
  })

  it('gives up after maxRetries with a retryable upstream_failed', async () => {
    fake.setDefault({ status: 500 })
    const e = await failure(model({ maxRetries: 1 }).generate({ messages: [{ role: 'user', content: 'x' }] }))
    expect(e.code).toBe('upstream_failed')
    expect(e.options.retryable).toBe(true)
    expect(fake.requests).toHaveLength(2)
  })

  it('does not retry a 400 or a 401 and marks them not retryable', async () => {
    for (const status of [400, 401]) {
      fake.requests.length = 0
      fake.enqueue({
        status,
        raw: JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}` } }),
      })
      const e = await failure(model().generate({ messages: [{ role: 'user', content: 'x' }] }))
      expect(e.code).toBe('upstream_failed')
      expect(e.options.retryable).toBe(false)
      expect(fake.requests).toHaveLength(1)
      // The key never leaks, not even through the vendor's echo in the cause.
      expect(e.message).not.toContain(KEY)
      expect(String((e.options.cause as Error).message)).not.toContain(KEY)
      expect(JSON.stringify(e.options.details)).not.toContain(KEY)
    }
  })

  it('times out within its budget and reports a retryable upstream_failed', async () => {
    fake.setDefault({ content: 'too late', delayMs: 5_000 })
    const e = await failure(model({ timeoutMs: 150 }).generate({ messages: [{ role: 'user', content: 'x' }] }))
    expect(e.code).toBe('upstream_failed')
    expect(e.options.retryable).toBe(true)
    expect((e.options.details as { timeout?: boolean }).timeout).toBe(true)
  })

  it('stops at once when the caller aborts, without retrying', async () => {
    fake.setDefault({ content: 'slow', delayMs: 5_000 })
    const ac = new AbortController()
    const p = model().generate({ messages: [{ role: 'user', content: 'x' }] }, ac.signal)
    // Abort once the provider holds the request (a fixed delay races a loaded machine: the request
    // could arrive after the abort, or after this test, and take the next test's scripted reply).
    await waitFor(() => fake.requests.length === 1, { what: 'the request at the provider' })
    ac.abort()
    const e = await failure(p)
    expect(e.code).toBe('upstream_failed')
    expect(e.options.retryable).toBe(false)
    expect(fake.requests).toHaveLength(1)
  })

  it('wraps a malformed JSON body as upstream_failed', async () => {
    fake.enqueue({ raw: '{"choices": [ {"message": ' })
    const e = await failure(model().generate({ messages: [{ role: 'user', content: 'x' }] }))
    expect(e.code).toBe('upstream_failed')
    expect(e.options.retryable).toBe(false)
    expect(e.cause).toBeInstanceOf(Error)
  })

  it('rejects a well-formed body without message content', async () => {
    fake.enqueue({ raw: JSON.stringify({ choices: [] }) })
    const e = await failure(model().generate({ messages: [{ role: 'user', content: 'x' }] }))
    expect(e.code).toBe('upstream_failed')
  })

  it('reports an unreachable provider as retryable upstream_failed', async () => {
    const closed = await startFakeOpenAiServer()
    const url = closed.url
    await closed.close()
    const e = await failure(
      createOpenAiLanguageModel({ baseUrl: `${url}/v1`, model: 'm', retryBaseMs: 1, maxRetries: 1 }).generate({
        messages: [{ role: 'user', content: 'x' }],
      }),
    )
    expect(e.code).toBe('upstream_failed')
    expect(e.options.retryable).toBe(true)
  })

  it('streams text deltas over SSE and finishes with the reason', async () => {
    fake.enqueue({ chunks: ['您好', '，', '请问'], finishReason: 'stop' })
    const parts: StreamPart[] = []
    const llm = model()
    for await (const p of llm.stream!({ messages: [{ role: 'user', content: 'hi' }] })) parts.push(p)
    expect(fake.requests[0]!.body.stream).toBe(true)
    const text = parts.map((p) => (p.type === 'text-delta' ? p.text : '')).join('')
    expect(text).toBe('您好，请问')
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop',
      usage: { promptTokens: 100, completionTokens: 20, totalTokens: 120 },
    })
  })

  it('gives up on a stream whose first token does not come in time (time to first token)', async () => {
    fake.enqueue({ chunks: ['late'], firstChunkDelayMs: 3_000 })
    const started = performance.now()
    const e = await failure(drain(model({ firstTokenTimeoutMs: 150, timeoutMs: 5_000 })))
    expect(performance.now() - started).toBeLessThan(1_500)
    expect(e.code).toBe('upstream_failed')
    expect(e.options.retryable).toBe(true)
    expect(e.options.details).toMatchObject({ timeout: true, firstToken: true })
  })

  it('lets a slow stream run once its first token came (the total limit still holds)', async () => {
    fake.enqueue({ chunks: ['一', '二', '三'], firstChunkDelayMs: 20, chunkDelayMs: 500 })
    const text = await drainText(model({ firstTokenTimeoutMs: 400, timeoutMs: 5_000 }))
    expect(text).toBe('一二三')
    fake.enqueue({ chunks: ['一', '二', '三'], chunkDelayMs: 300 })
    const e = await failure(drain(model({ timeoutMs: 400 })))
    expect(e.options.details).toMatchObject({ timeout: true })
  })

  it('reports a stream chunk that is not JSON as upstream_failed', async () => {
    fake.enqueue({ rawChunks: ['{"choices": [ {"delta": '] })
    const e = await failure(drain(model()))
    expect(e.code).toBe('upstream_failed')
    expect(e.options.retryable).toBe(false)
  })

  it('reads no OPENAI_* environment variable (everything comes from kefu config)', async () => {
    const saved = { ...process.env }
    process.env.OPENAI_API_KEY = 'sk-from-env-should-not-be-used'
    process.env.OPENAI_BASE_URL = 'http://127.0.0.1:1/v1'
    process.env.OPENAI_ORG_ID = 'org-env'
    try {
      await model({ apiKey: undefined as unknown as string }).generate({ messages: [{ role: 'user', content: 'x' }] })
    } finally {
      process.env = saved
    }
    const req = fake.requests[0]!
    expect(req.headers.authorization).toBeUndefined()
    expect(req.headers['openai-organization']).toBeUndefined()
  })

  it('offers tools, returns the tool calls, and sends tool results back in the OpenAI shape', async () => {
    fake.enqueue({ toolCalls: [{ id: 'call_a', name: 'check_stock', arguments: '{"sku":"EB-1004"}' }] })
    const tools = [{ name: 'check_stock', description: 'stock', parameters: { type: 'object', properties: {} } }]
    const r = await model().generate({ messages: [{ role: 'user', content: '有货吗' }], tools })
    expect(r.finishReason).toBe('tool_calls')
    expect(r.text).toBe('')
    expect(r.toolCalls).toEqual([{ id: 'call_a', name: 'check_stock', arguments: '{"sku":"EB-1004"}' }])
    expect(fake.requests[0]!.body.tools).toEqual([
      { type: 'function', function: { name: 'check_stock', description: 'stock', parameters: tools[0]!.parameters } },
    ])
    fake.enqueue({ content: '有货' })
    await model().generate({
      messages: [
        { role: 'user', content: '有货吗' },
        { role: 'assistant', content: '', toolCalls: r.toolCalls! },
        { role: 'tool', toolCallId: 'call_a', content: '[F1] 当前库存 5 件' },
      ],
    })
    expect(fake.requests[1]!.body.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'check_stock', arguments: '{"sku":"EB-1004"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: '[F1] 当前库存 5 件' },
    ])
  })

  it('refuses a base URL that is not http(s)', () => {
    expect(() => createOpenAiLanguageModel({ baseUrl: 'ftp://x', model: 'm' })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    )
  })
})
