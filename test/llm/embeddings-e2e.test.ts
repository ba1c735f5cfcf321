/**
 * With KEFU_EMBEDDINGS_MODEL set, the server embeds the shop's knowledge through the configured
 * OpenAI-compatible /embeddings endpoint and still answers; with the endpoint down, it falls back to
 * sparse retrieval and keeps answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { askOnce } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import { type FakeOpenAiServer, startFakeOpenAiServer } from './fake-openai-server.js'

let fake: FakeOpenAiServer
let server: RunningServer
const dir = tempDir()

beforeAll(async () => {
  fake = await startFakeOpenAiServer()
  server = await startServer({
    port: 0,
    dataDir: dir.path,
    env: { LOG_LEVEL: 'error', KEFU_LLM_BASE_URL: `${fake.url}/v1`, KEFU_EMBEDDINGS_MODEL: 'fake-embed' },
  })
})
afterAll(async () => {
  await server?.close()
  await fake?.close()
  dir.remove()
})

const ask = (text: string) => askOnce(server.url, text)

describe('dense retrieval through a configured embeddings provider', () => {
  it('embeds through the provider and answers an FAQ question', async () => {
    const r = await ask('包邮吗')
    expect(fake.embeddingCalls()).toBeGreaterThan(0)
    expect(r.action).toBe('answer')
    expect(r.replies[0]?.text).toMatch(/99/)
  })

  it('keeps answering from sparse retrieval when the provider goes away', async () => {
    await fake.close()
    const r = await ask('do you offer free shipping?')
    expect(r.replies.length).toBeGreaterThan(0)
    expect(r.action).toBe('answer')
    expect(r.replies[0]?.text).toMatch(/99/)
  })
})
