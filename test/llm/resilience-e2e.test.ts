/**
 * Issue 12, point 3, over HTTP: the real server on the demo shop with the fake OpenAI-compatible
 * server as its provider and a clock the test moves. A 500 is retried and the customer still gets the
 * model's answer; repeated provider failures open the circuit (customers get the offline answer
 * without the provider being called), and after the pause one probe closes it again; tokens and cost
 * are recorded and a spent monthly budget makes the shop offline-only until the month turns.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/core/ports/clock.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { askOnce } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import { type FakeOpenAiServer, type RecordedRequest, startFakeOpenAiServer } from './fake-openai-server.js'

const QUESTION = '我预算有限，声屿 Pro 5 降噪蓝牙耳机和锐思 RayBook 14 轻薄本哪个更适合送给刚上大学的弟弟？说说理由'

let fake: FakeOpenAiServer
let server: RunningServer
const dir = tempDir()
const clock = manualClock('2026-12-06T10:00:00+08:00')

/** Answers with the earbuds' own price, citing their fact. */
function answers(req: RecordedRequest) {
  const user = req.body.messages.at(-1)?.content ?? ''
  const m = /\[F(\d+)\] 商品：(声屿 Pro 5[^，\n（]*)[^\n]*\n\s*当前售价 ¥([\d.]+)/.exec(user)
  if (!m) return { content: 'NO_ANSWER' }
  return { content: `预算有限的话，${m[2]}更合适，现价 ${Number(m[3])} 元 [F${m[1]}]。` }
}

const admin = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(server.url + path, {
    method,
    headers: {
      authorization: `Bearer ${server.demoApiKey}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  expect(r.status).toBe(200)
  return (await r.json()) as Record<string, unknown>
}

beforeAll(async () => {
  fake = await startFakeOpenAiServer()
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    clock,
    env: {
      KEFU_LLM_BASE_URL: `${fake.url}/v1`,
      KEFU_LLM_MODEL: 'test',
      KEFU_LLM_TIMEOUT_MS: '5000',
      KEFU_LLM_CIRCUIT_FAILURES: '2',
      KEFU_LLM_CIRCUIT_OPEN_MS: '30000',
      LOG_LEVEL: 'silent',
    },
  })
})
afterAll(async () => {
  await server?.close()
  await fake?.close()
  dir.remove()
})
beforeEach(() => {
  fake.reset()
  fake.setDefault(answers)
})

describe('LLM resilience and cost (issue 12)', () => {
  it('retries after a 500 and the customer gets the model answer', async () => {
    fake.enqueue({ status: 500 })
    const turn = await askOnce(server.url, QUESTION)
    expect(fake.requests).toHaveLength(2)
    expect(turn.replies[0]!.source).toBe('llm')
    expect(turn.replies[0]!.text).toContain('699')
  })

  it('opens the circuit after repeated failures, answers offline without calling, and closes after a probe', async () => {
    fake.setDefault({ status: 503 })
    for (let i = 0; i < 2; i++) {
      const turn = await askOnce(server.url, QUESTION)
      expect(turn.replies.every((r) => r.source === undefined)).toBe(true)
    }
    expect(fake.requests).toHaveLength(6) // 2 turns × (1 try + 2 retries)
    expect((await admin('GET', '/api/v1/admin/llm/usage')).circuit).toBe('open')

    fake.reset()
    fake.setDefault(answers)
    const started = performance.now()
    const offline = await askOnce(server.url, QUESTION)
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(fake.requests).toHaveLength(0)
    expect(offline.replies.length).toBeGreaterThan(0)
    expect(offline.replies.every((r) => r.source === undefined)).toBe(true)

    clock.advance(30_000)
    expect((await admin('GET', '/api/v1/admin/llm/usage')).circuit).toBe('half_open')
    const probe = await askOnce(server.url, QUESTION)
    expect(fake.requests).toHaveLength(1)
    expect(probe.replies[0]!.source).toBe('llm')
    expect((await admin('GET', '/api/v1/admin/llm/usage')).circuit).toBe('closed')
  })

  it('records tokens and cost, and switches the shop to offline-only when the monthly budget is spent', async () => {
    // 100 prompt + 20 completion tokens per call at 1000 per million each: 0.12 a call.
    await admin('PATCH', '/api/v1/admin/shop/settings', {
      llm: { prices: { test: { input: 1000, output: 1000 } }, currency: 'CNY', monthlyBudget: 0.1 },
    })
    try {
      const first = await askOnce(server.url, QUESTION)
      expect(first.replies[0]!.source).toBe('llm')
      expect(first.state).toMatchObject({ llmUsage: { promptTokens: 100, completionTokens: 20, cost: 0.12 } })
      const usage = await admin('GET', '/api/v1/admin/llm/usage')
      expect(usage).toMatchObject({ cost: 0.12, currency: 'CNY', budget: 0.1, exhausted: true })

      fake.reset()
      const offline = await askOnce(server.url, QUESTION)
      expect(fake.requests).toHaveLength(0)
      expect(offline.replies.every((r) => r.source === undefined)).toBe(true)

      // A new month: the budget is fresh.
      clock.set('2027-01-01T00:00:01Z')
      const next = await askOnce(server.url, QUESTION)
      expect(fake.requests).toHaveLength(1)
      expect(next.replies[0]!.source).toBe('llm')
    } finally {
      await admin('PATCH', '/api/v1/admin/shop/settings', { llm: null })
    }
  })
})
