/**
 * The agent's customer context at handoff, on the real server: with a language model configured (the
 * fake OpenAI-compatible server) the summary is the model's, written from the transcript; when the
 * model fails, or without one, it is extractive. Customer tags and open tickets come with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { addStaff, StaffClient, withServerStore } from '../helpers/staff-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../llm/fake-openai-server.js'

type Json = Record<string, unknown>
const dir = tempDir('kefu-summary-')
let fake: FakeOpenAiServer
let server: RunningServer
let agent: StaffClient

beforeAll(async () => {
  fake = await startFakeOpenAiServer()
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    env: {
      LOG_LEVEL: 'warn',
      KEFU_PROACTIVE: 'false',
      KEFU_LLM_BASE_URL: `${fake.url}/v1`,
      KEFU_LLM_MODEL: 'test',
      KEFU_LLM_API_KEY: 'k',
    },
  })
  await withServerStore(dir.path, (store) => addStaff(store, 'demo', [{ username: 'lina', displayName: '李娜' }]))
  agent = await StaffClient.signIn(server.url, 'demo', 'lina')
})
afterAll(async () => {
  await server?.close()
  await fake?.close()
  dir.remove()
})

async function handOff(customerId: string, texts: string[]): Promise<string> {
  const post = async (path: string, body: unknown, token?: string) =>
    (await (
      await fetch(server.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
    ).json()) as Json
  const c = (await post('/api/v1/conversations', { shopId: 'demo', customerId })) as { id: string; token: string }
  for (const text of texts) await post(`/api/v1/conversations/${c.id}/messages`, { text }, c.token)
  return c.id
}

const isSummaryRequest = (r: { body: { messages: Array<{ content?: string }> } }) =>
  (r.body.messages[0]?.content ?? '').includes('客服主管')

describe('handoff summary and customer context', () => {
  it('is written by the language model when one is configured, from the transcript', async () => {
    fake.reset()
    fake.setDefault((req) =>
      isSummaryRequest(req)
        ? { content: '顾客张伟催问订单物流，情绪平稳，要求人工。' }
        : { content: '{"answer":"","citations":[]}' },
    )
    const id = await handOff('c001', ['我的订单到哪了', '我要人工'])
    // Routing does not wait for the model: the extractive summary is there at once, the model's follows.
    await waitFor(
      async () =>
        ((await agent.call('GET', `/api/v1/admin/agent/conversations/${id}`)).json.handoffSummary as Json).source ===
        'llm',
      { what: 'the model-written summary' },
    )
    const ctx = await agent.call('GET', `/api/v1/admin/agent/conversations/${id}`)
    expect(ctx.json.handoffSummary).toEqual({ text: '顾客张伟催问订单物流，情绪平稳，要求人工。', source: 'llm' })
    const req = fake.requests.find(isSummaryRequest)!
    expect(req.body.messages.at(-1)!.content).toContain('customer: 我的订单到哪了')
    // The customer context: profile tags (tier in the console's words), open tickets.
    expect(ctx.json.customerTags).toContain('金卡会员')
    expect(Array.isArray(ctx.json.openTickets)).toBe(true)
  })

  it('falls back to an extractive summary when the model fails', async () => {
    fake.reset()
    fake.setDefault({ status: 500, content: 'boom' })
    const id = await handOff('c003', ['Where is my order?', 'I want to talk to a real person'])
    // Written with the routing, before any model answer; a failing model never replaces it.
    const ctx = await agent.call('GET', `/api/v1/admin/agent/conversations/${id}`)
    const s = ctx.json.handoffSummary as { text: string; source: string }
    expect(s.source).toBe('extractive')
    expect(s.text).toMatch(/^Wants: (delivery|order status)/m)
    expect(s.text).toContain('Handoff reason: customer_requested_human')
    expect(s.text).toContain('“I want to talk to a real person”')
  })
})
