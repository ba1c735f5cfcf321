/**
 * Issue 12, acceptance over HTTP: the real server on the demo shop, with the fake OpenAI-compatible
 * server as its provider. A comparison question that asks for advice and reasons reaches the model
 * (the offline skill would only restate two prices); a made-up price in the model's answer never
 * reaches the customer; a hanging provider still leaves the customer with an answer within the
 * configured limit; a plain lookup never calls the model.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { askOnce } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import { type FakeOpenAiServer, type RecordedRequest, startFakeOpenAiServer } from './fake-openai-server.js'

const LIMIT_MS = 2_000
const COMPARISON = '我预算有限，声屿 Pro 5 降噪蓝牙耳机和锐思 RayBook 14 轻薄本哪个更适合送给刚上大学的弟弟？说说理由'

let fake: FakeOpenAiServer
let server: RunningServer
const dir = tempDir()

/** Product facts in the prompt: `[F2] 商品：title（en）… \n 当前售价 ¥699.00`. */
function productFacts(req: RecordedRequest): Array<{ id: number; title: string; price: number }> {
  const user = req.body.messages.at(-1)?.content ?? ''
  const re = /\[F(\d+)\] 商品：([^，\n（]+)[^\n]*\n\s*当前售价 ¥([\d.]+)/g
  return [...user.matchAll(re)].map((m) => ({ id: Number(m[1]), title: m[2]!.trim(), price: Number(m[3]) }))
}

/** A careful model: compares the products it was given at their own prices, and gives a reason. */
function compares(req: RecordedRequest) {
  const p = productFacts(req)
  const buds = p.find((x) => x.title.includes('声屿 Pro 5'))
  const laptop = p.find((x) => x.title.includes('RayBook 14'))
  if (!buds || !laptop) return { content: 'NO_ANSWER' }
  return {
    content:
      `${buds.title}现价 ${buds.price} 元 [F${buds.id}]，${laptop.title}现价 ${laptop.price} 元 [F${laptop.id}]。` +
      `预算有限的话，耳机更合适：上课、通勤都用得上 [F${buds.id}]。`,
  }
}

beforeAll(async () => {
  fake = await startFakeOpenAiServer()
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    env: {
      KEFU_LLM_BASE_URL: `${fake.url}/v1`,
      KEFU_LLM_MODEL: 'test',
      KEFU_LLM_TIMEOUT_MS: String(LIMIT_MS),
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
  fake.setDefault(compares)
})

describe('routing by need (issue 12)', () => {
  it('sends the comparison question to the model and says why in the reason', async () => {
    const turn = await askOnce(server.url, COMPARISON)
    expect(fake.requests).toHaveLength(1)
    const prompt = fake.requests[0]!.body.messages.at(-1)!.content
    expect(prompt).toContain('EB-1004')
    expect(prompt).toContain('LT-1004')
    expect(turn.action).toBe('answer')
    expect(turn.reason).toMatch(/^llm_grounded:.*;need:comparison\+advice\+explanation$/)
    const reply = turn.replies[0]!
    expect(reply.source).toBe('llm')
    expect(reply.text).toContain('耳机更合适')
    expect(reply.text).toContain('699')
    expect(reply.text).toContain('3999')
  })

  it('never lets a made-up price reach the customer: the offline answer comes instead', async () => {
    const offline = await withoutModel(() => askOnce(server.url, COMPARISON))
    fake.setDefault((req) => ({ content: compares(req).content.replace(/699 元/, '399 元') }))
    const turn = await askOnce(server.url, COMPARISON)
    expect(fake.requests).toHaveLength(1)
    expect(turn.replies.every((r) => r.source === undefined && !/(?<!\d)399(?!\d)/.test(r.text))).toBe(true)
    expect(turn.replies.map((r) => r.text)).toEqual(offline.replies.map((r) => r.text))
    expect(turn.reason).toBe(offline.reason)
  })

  it('answers within the limit when the provider hangs', async () => {
    fake.setDefault({ content: 'never sent', delayMs: 60_000 })
    const started = performance.now()
    const turn = await askOnce(server.url, COMPARISON)
    const took = performance.now() - started
    expect(took).toBeLessThan(LIMIT_MS + 1_500)
    expect(turn.replies.length).toBeGreaterThan(0)
    expect(turn.replies.every((r) => r.source === undefined)).toBe(true)
  })

  it('keeps to the limit over tool rounds: a quick tool call then a hanging answer', async () => {
    fake.enqueue(
      { toolCalls: [{ name: 'search_products', arguments: '{"query":"耳机"}' }], delayMs: 1_600 },
      { content: 'never sent', delayMs: 60_000 },
    )
    const started = performance.now()
    const turn = await askOnce(server.url, COMPARISON)
    expect(fake.requests).toHaveLength(2)
    expect(performance.now() - started).toBeLessThan(LIMIT_MS + 1_500)
    expect(turn.replies.length).toBeGreaterThan(0)
    expect(turn.replies.every((r) => r.source === undefined)).toBe(true)
  })

  it('keeps a simple lookup offline (fast, free)', async () => {
    const turn = await askOnce(server.url, '声屿 Pro 5 降噪蓝牙耳机多少钱')
    expect(fake.requests).toHaveLength(0)
    expect(turn.replies[0]!.text).toContain('699')
  })
})

/** The same question with the model declining: what kefu answers on its own. */
async function withoutModel<T>(fn: () => Promise<T>): Promise<T> {
  fake.setDefault({ content: 'NO_ANSWER' })
  try {
    return await fn()
  } finally {
    fake.reset()
  }
}
