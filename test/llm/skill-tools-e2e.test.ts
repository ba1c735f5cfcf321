/**
 * Issue 12, point 4, over HTTP: the model calls kefu's read-only skills as tools (the fake
 * OpenAI-compatible server scripts the tool calls). A signed-in customer's own order is found and the
 * answer built on it passes the guard; another customer's order number answers like an unknown one and
 * an answer that uses its data never reaches the customer; bad arguments and anonymous visitors get
 * errors as data, not exceptions.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { send, startConversation } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import {
  type FakeOpenAiServer,
  type RecordedRequest,
  type ScriptedReply,
  startFakeOpenAiServer,
} from './fake-openai-server.js'

/** Advice (适合) about a product: routed to the model by need. */
const QUESTION = '我买的那个耳机适合跑步的时候戴吗？'
const OWN_ORDER = 'KF202611210199' // c001: 灵犀 Buds 2 Pro, ¥899
const OTHER_ORDER = 'KF202611070396' // c002: 眠眠 四件套, ¥399

let fake: FakeOpenAiServer
let server: RunningServer
const dir = tempDir()

type Msg = { role: string; content: string | null; tool_call_id?: string }
const messages = (req: RecordedRequest) => req.body.messages as unknown as Msg[]
const toolResults = (req: RecordedRequest) => messages(req).filter((m) => m.role === 'tool')

/** A model that looks up the order, then the product in it, then answers from both, citing them. */
function ownOrderModel(req: RecordedRequest): ScriptedReply {
  const results = toolResults(req)
  if (results.length === 0) return { toolCalls: [{ name: 'find_orders', arguments: '{}' }] }
  if (results.length === 1) return { toolCalls: [{ name: 'check_stock', arguments: '{"sku":"EB-1001"}' }] }
  const order = /\[F(\d+)\] 订单 KF202611210199/.exec(results[0]!.content ?? '')
  const product = /\[F(\d+)\] 商品：灵犀 Buds 2 Pro/.exec(results[1]!.content ?? '')
  if (!order || !product) return { content: 'NO_ANSWER' }
  return {
    content: `您买的是灵犀 Buds 2 Pro 主动降噪真无线耳机 [F${order[1]}]，它是入耳式降噪耳机，跑步时建议选更稳固的运动耳机 [F${product[1]}]。`,
  }
}

beforeAll(async () => {
  fake = await startFakeOpenAiServer()
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    env: { KEFU_LLM_BASE_URL: `${fake.url}/v1`, KEFU_LLM_MODEL: 'test', LOG_LEVEL: 'silent' },
  })
})
afterAll(async () => {
  await server?.close()
  await fake?.close()
  dir.remove()
})
beforeEach(() => {
  fake.reset()
})

async function ask(text: string, customerId?: string) {
  const c = await startConversation(server.url, customerId ? { customerId } : {})
  return send(server.url, c, text)
}

describe('skills as tools (issue 12)', () => {
  it("offers the read-only skills as tools and answers from the customer's own order", async () => {
    fake.setDefault(ownOrderModel)
    const turn = await ask(QUESTION, 'c001')
    expect(fake.requests).toHaveLength(3)
    const tools = (fake.requests[0]!.body.tools as Array<{ function: { name: string } }>).map((t) => t.function.name)
    expect(tools.slice(0, 4)).toEqual(['find_orders', 'track_shipment', 'search_products', 'check_stock'])
    expect(toolResults(fake.requests[1]!)[0]!.content).toContain(OWN_ORDER)
    // The last round offers no tools: the model must answer.
    expect(fake.requests[2]!.body.tools).toBeUndefined()
    expect(turn.replies[0]!.source).toBe('llm')
    expect(turn.replies[0]!.text).toContain('灵犀 Buds 2 Pro')
    expect(turn.reason).toMatch(new RegExp(`llm_grounded:.*order:${OWN_ORDER}`))
  })

  it("refuses another customer's order like an unknown one, and an answer built on it never reaches the customer", async () => {
    fake.setDefault((req) =>
      toolResults(req).length === 0
        ? { toolCalls: [{ name: 'track_shipment', arguments: JSON.stringify({ orderNo: OTHER_ORDER }) }] }
        : { content: `订单 ${OTHER_ORDER} 的眠眠 60支长绒棉四件套已完成，金额 399 元 [F1]。` },
    )
    const turn = await ask(QUESTION, 'c001')
    expect(fake.requests).toHaveLength(2)
    const result = toolResults(fake.requests[1]!)[0]!.content
    expect(result).toBe('error: not_found')
    expect(turn.replies.every((r) => r.source === undefined)).toBe(true)
    expect(turn.replies.map((r) => r.text).join('')).not.toContain('四件套')
  })

  it('tells the model about bad arguments and anonymous visitors as data', async () => {
    fake.setDefault((req) =>
      toolResults(req).length === 0
        ? {
            toolCalls: [
              { name: 'track_shipment', arguments: '{"orderNo": 5}' },
              { name: 'find_orders', arguments: '{}' },
              { name: 'delete_order', arguments: '{}' },
            ],
          }
        : { content: 'NO_ANSWER' },
    )
    const turn = await ask(QUESTION)
    expect(fake.requests).toHaveLength(2)
    expect(toolResults(fake.requests[1]!).map((m) => m.content)).toEqual([
      'error: invalid_arguments',
      'error: not_verified',
      'error: unknown_tool',
    ])
    expect(turn.replies.length).toBeGreaterThan(0)
  })
})
