/**
 * Issue 12, point 2, over HTTP: a message kefu's classifier is unsure about is classified by the model
 * (one forced function call whose parameter is an enum of kefu's intent labels) before the dialogue
 * acts; the turn records `intentSource: 'llm'` and the reason, the call is costed like any other, and a
 * bad label, a timeout or a provider error leaves the turn on today's clarify path. A confident message
 * never asks the model.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { INTENTS } from '../../src/core/nlu/types.js'
import type { Store } from '../../src/core/ports/store.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { type Conversation, send, startConversation } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import { type FakeOpenAiServer, startFakeOpenAiServer } from './fake-openai-server.js'

/** Vague: the classifier is unsure what it is about (confidence below the 0.5 threshold). */
const UNSURE = '上次说的那个能处理一下吗'

let fake: FakeOpenAiServer
let server: RunningServer
let store: Store
const dir = tempDir()

const label = (intent: string) => ({
  toolCalls: [{ name: 'classify_intent', arguments: JSON.stringify({ intent }) }],
  usage: { prompt_tokens: 300, completion_tokens: 10 },
})

const admin = async (body: unknown) => {
  const r = await fetch(`${server.url}/api/v1/admin/shop/settings`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${server.demoApiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(r.status).toBe(200)
}

beforeAll(async () => {
  fake = await startFakeOpenAiServer()
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    env: { KEFU_LLM_BASE_URL: `${fake.url}/v1`, KEFU_LLM_MODEL: 'test', LOG_LEVEL: 'silent' },
  })
  store = await openStore(`sqlite://${dir.path}/kefu.db`)
})
afterAll(async () => {
  await store?.close()
  await server?.close()
  await fake?.close()
  dir.remove()
})
beforeEach(() => fake.reset())

const classified = (c: Conversation) => store.events.list('demo', { type: 'llm.classified', conversationId: c.id })

describe('the model classifies unsure messages (issue 12)', () => {
  it('asks the model with the label enum, acts on its label and records where the intent came from', async () => {
    await admin({ llm: { prices: { test: { input: 1000, output: 1000 } } } })
    try {
      fake.setClassifier(label('logistics'))
      const c = await startConversation(server.url, { customerId: 'c001' })
      const turn = await send(server.url, c, UNSURE)
      expect(fake.classifications).toHaveLength(1)
      const body = fake.classifications[0]!.body as Record<string, unknown>
      expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'classify_intent' } })
      type Params = { properties: { intent: { enum: string[] } } }
      const tool = (body.tools as Array<{ function: { name: string; parameters: Params } }>)[0]!
      expect(tool.function.name).toBe('classify_intent')
      expect(tool.function.parameters.properties.intent.enum).toEqual([...INTENTS])
      expect(body.messages).toContainEqual({ role: 'user', content: UNSURE })

      expect(turn.nlu.confidence).toBeLessThan(0.5)
      expect(turn.nlu).toMatchObject({ intent: 'logistics', intentSource: 'llm' })
      expect(turn.state).toMatchObject({ intentSource: { source: 'llm', to: 'logistics' } })
      expect((turn.state as unknown as { intentSource: { reason: string } }).intentSource.reason).toMatch(
        /^classifier_unsure_0\.\d\d$/,
      )
      // The logistics skill acted on it: the customer's orders, not a clarify question.
      expect(turn.action).not.toBe('clarify')
      expect(turn.replies.map((r) => r.text).join('')).toMatch(/KF2026112/)
      const [ev] = await classified(c)
      expect(ev!.data).toMatchObject({ label: 'logistics', accepted: true, cost: 0.31 })
      const usage = await store.events.list('demo', { type: 'llm.usage', conversationId: c.id })
      expect(usage.map((e) => e.data.cost)).toEqual([0.31])
    } finally {
      await admin({ llm: null })
    }
  })

  it('falls back to the clarify path on a label outside the enum', async () => {
    fake.setClassifier(label('refund_please'))
    const c = await startConversation(server.url)
    const turn = await send(server.url, c, UNSURE)
    expect(fake.classifications).toHaveLength(1)
    expect(turn.nlu.intentSource).not.toBe('llm')
    expect(turn.state).not.toHaveProperty('intentSource')
    expect(['clarify', 'fallback']).toContain(turn.action)
    expect((await classified(c))[0]!.data).toMatchObject({ accepted: false, reason: 'invalid_label' })
  })

  it('falls back within the limit when the model hangs, and on a provider error', async () => {
    await admin({ llm: { classifyTimeoutMs: 300 } })
    try {
      fake.setClassifier({ ...label('logistics'), delayMs: 10_000 })
      const c = await startConversation(server.url)
      const started = performance.now()
      const turn = await send(server.url, c, UNSURE)
      expect(performance.now() - started).toBeLessThan(5_000)
      expect(turn.nlu.intentSource).not.toBe('llm')
      expect(['clarify', 'fallback']).toContain(turn.action)
      expect((await classified(c))[0]!.data).toMatchObject({ accepted: false, reason: 'timeout' })
    } finally {
      await admin({ llm: null })
    }
    fake.setClassifier({ status: 400 })
    const c2 = await startConversation(server.url)
    const turn2 = await send(server.url, c2, UNSURE)
    expect(['clarify', 'fallback']).toContain(turn2.action)
    expect((await classified(c2))[0]!.data).toMatchObject({ accepted: false, reason: 'failed' })
  })

  it('hands off when the model hears a request for a person', async () => {
    fake.setClassifier(label('human_agent'))
    const turn = await send(server.url, await startConversation(server.url), UNSURE)
    expect(turn.handoff).toBe(true)
    expect(turn.nlu.intentSource).toBe('llm')
  })

  it('never asks the model about a message the classifier is sure of', async () => {
    fake.setClassifier(label('complaint'))
    const turn = await send(server.url, await startConversation(server.url, { customerId: 'c001' }), '我的快递到哪了')
    expect(fake.classifications).toHaveLength(0)
    expect(turn.nlu).toMatchObject({ intent: 'logistics', intentSource: 'classifier' })
  })
})
