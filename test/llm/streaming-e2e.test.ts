/**
 * Issue 12, point 5, over HTTP + WebSocket: a model answer reaches the conversation's WebSocket
 * sentence by sentence (`partial` frames), each only after it passed the answer guard, and the bot
 * `message` that follows replaces it. A sentence with a made-up price is never sent, nor anything after
 * it, and the final message is then kefu's offline answer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { send, startConversation } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import { type FakeOpenAiServer, type RecordedRequest, startFakeOpenAiServer } from './fake-openai-server.js'

const QUESTION = '我预算有限，声屿 Pro 5 降噪蓝牙耳机和锐思 RayBook 14 轻薄本哪个更适合送给刚上大学的弟弟？说说理由'

let fake: FakeOpenAiServer
let server: RunningServer
const dir = tempDir()

/** Three sentences from the product facts: both prices (true), then the advice. */
function sentences(req: RecordedRequest, budsPrice?: number): string[] {
  const user = req.body.messages.find((m) => m.role === 'user' && m.content.includes('[F'))?.content ?? ''
  const fact = (name: string) =>
    new RegExp(`\\[F(\\d+)\\] 商品：(${name}[^，\\n（]*)[^\\n]*\\n\\s*当前售价 ¥([\\d.]+)`).exec(user)
  const buds = fact('声屿 Pro 5')
  const laptop = fact('锐思 RayBook 14')
  if (!buds || !laptop) return ['NO_ANSWER']
  return [
    `${laptop[2]}现价 ${Number(laptop[3])} 元 [F${laptop[1]}]。`,
    `${buds[2]}现价 ${budsPrice ?? Number(buds[3])} 元 [F${buds[1]}]。`,
    `预算有限的话，耳机更合适 [F${buds[1]}]。`,
  ]
}

type Frame = {
  type: string
  text?: string
  index?: number
  message?: { role: string; text: string; meta?: Record<string, unknown> }
}

/** Sends `text` and collects the WebSocket frames until the bot's message arrives. */
async function askStreaming(text: string): Promise<{ partials: Frame[]; bot: NonNullable<Frame['message']> }> {
  const c = await startConversation(server.url)
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/conversations/${c.id}/stream?token=${c.token}`)
  const frames: Frame[] = []
  const done = new Promise<NonNullable<Frame['message']>>((resolve, reject) => {
    ws.on('message', (raw) => {
      const f = JSON.parse(String(raw)) as Frame
      frames.push(f)
      if (f.type === 'message' && f.message?.role === 'bot') resolve(f.message)
    })
    ws.on('error', reject)
  })
  await new Promise<void>((resolve) => ws.on('open', () => resolve()))
  await new Promise<void>((resolve) => {
    const wait = () => (frames.some((f) => f.type === 'ready') ? resolve() : setTimeout(wait, 10))
    wait()
  })
  await send(server.url, c, text)
  const bot = await done
  ws.close()
  return { partials: frames.filter((f) => f.type === 'partial'), bot }
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

describe('streamed answers (issue 12)', () => {
  it('sends the answer sentence by sentence, each verified, then the final message', async () => {
    fake.setDefault((req) => ({ chunks: sentences(req).flatMap((s) => [s.slice(0, 6), s.slice(6)]), chunkDelayMs: 20 }))
    const { partials, bot } = await askStreaming(QUESTION)
    expect(fake.requests[0]!.body.stream).toBe(true)
    expect(partials.map((p) => p.index)).toEqual([0, 1, 2])
    expect(partials.every((p) => !/\[F\d+\]/.test(p.text ?? ''))).toBe(true)
    expect(partials[0]!.text).toContain('3999')
    expect(bot.meta?.source).toBe('llm')
    expect(partials.map((p) => p.text).join('')).toBe(bot.text)
  })

  it('never sends a sentence with a made-up price, nor what follows it; the offline answer replaces the stream', async () => {
    fake.setDefault((req) => ({ chunks: sentences(req, 399), chunkDelayMs: 20 }))
    const { partials, bot } = await askStreaming(QUESTION)
    expect(partials).toHaveLength(1)
    expect(partials[0]!.text).toContain('3999')
    expect(partials.some((p) => /(?<!\d)399(?!\d)/.test(p.text ?? ''))).toBe(false)
    expect(partials.some((p) => (p.text ?? '').includes('耳机更合适'))).toBe(false)
    expect(bot.meta?.source).toBeUndefined()
    expect(bot.text).not.toMatch(/(?<!\d)399(?!\d)/)
  })
})
