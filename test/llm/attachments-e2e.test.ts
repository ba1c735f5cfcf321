/**
 * Issue 12, point 6, over HTTP: pictures and voice messages. Two real servers on the demo shop, both
 * with the fake OpenAI-compatible provider: one with a vision model and a transcription model, one
 * with neither. Uploads are checked by their bytes and size; a picture question is answered by the
 * vision model from the catalog (the answer guard still applies), an after-sales picture lands on a
 * ticket; without vision the picture goes to an agent; a voice message is transcribed and handled as
 * text, or the customer is asked to type.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import type { Store } from '../../src/core/ports/store.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { type Conversation, startConversation, type Turn } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import { type FakeOpenAiServer, type RecordedRequest, startFakeOpenAiServer } from './fake-openai-server.js'

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
/** The start of an Ogg stream (what browsers and WeChat-style recorders send), padded. */
const OGG = Buffer.concat([Buffer.from('OggS\u0000\u0002', 'latin1'), Buffer.alloc(200, 7)])

let fake: FakeOpenAiServer
let withModels: RunningServer
let plain: RunningServer
let store: Store
let plainStore: Store
const dirA = tempDir()
const dirB = tempDir()

const llmEnv = (fakeUrl: string) => ({
  KEFU_LLM_BASE_URL: `${fakeUrl}/v1`,
  KEFU_LLM_MODEL: 'chat-test',
  LOG_LEVEL: 'silent',
})

beforeAll(async () => {
  fake = await startFakeOpenAiServer()
  withModels = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dirA.path,
    env: {
      ...llmEnv(fake.url),
      KEFU_LLM_VISION_MODEL: 'vision-test',
      KEFU_LLM_TRANSCRIPTION_MODEL: 'whisper-test',
      KEFU_ATTACHMENT_MAX_BYTES: String(64 * 1024),
    },
  })
  plain = await startServer({ port: 0, host: '127.0.0.1', dataDir: dirB.path, env: llmEnv(fake.url) })
  store = await openStore(`sqlite://${dirA.path}/kefu.db`)
  plainStore = await openStore(`sqlite://${dirB.path}/kefu.db`)
})
afterAll(async () => {
  await store?.close()
  await plainStore?.close()
  await withModels?.close()
  await plain?.close()
  await fake?.close()
  dirA.remove()
  dirB.remove()
})
beforeEach(() => fake.reset())

async function upload(base: string, c: Conversation, body: Buffer, type = 'application/octet-stream', token = c.token) {
  const r = await fetch(`${base}/api/v1/conversations/${c.id}/attachments`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${token}` },
    body: new Uint8Array(body),
  })
  type Uploaded = { id: string; kind: string; mime: string; bytes: number; error: { code: string } }
  return { status: r.status, json: (await r.json()) as Uploaded }
}

async function say(base: string, c: Conversation, text: string, attachmentId?: string) {
  const r = await fetch(`${base}/api/v1/conversations/${c.id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
    body: JSON.stringify({ text, ...(attachmentId ? { attachmentId } : {}) }),
  })
  expect(r.status).toBe(200)
  return (await r.json()) as Turn & { ticket?: { id: string } }
}

type Part = { type: string; text?: string; image_url?: { url: string } }
const lastUser = (req: RecordedRequest) =>
  [...(req.body.messages as unknown as Array<{ role: string; content: string | Part[] }>)]
    .reverse()
    .find((m) => m.role === 'user')!
const toolCount = (req: RecordedRequest) => req.body.messages.filter((m) => m.role === 'tool').length

describe('uploads', () => {
  it('stores a picture by its bytes and serves it back to the conversation', async () => {
    const c = await startConversation(withModels.url)
    const up = await upload(withModels.url, c, PNG, 'image/jpeg')
    expect(up.status).toBe(201)
    expect(up.json).toMatchObject({ kind: 'image', mime: 'image/png', bytes: PNG.length })
    const r = await fetch(`${withModels.url}/api/v1/conversations/${c.id}/attachments/${up.json.id}`, {
      headers: { authorization: `Bearer ${c.token}` },
    })
    expect(r.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await r.arrayBuffer()).equals(PNG)).toBe(true)
  })

  it('refuses other file types (415), files over the limit (413) and other conversations', async () => {
    const c = await startConversation(withModels.url)
    const html = await upload(withModels.url, c, Buffer.from('<html><script>alert(1)</script></html>'), 'image/png')
    expect(html.status).toBe(415)
    expect(html.json.error.code).toBe('invalid_input')
    const big = await upload(withModels.url, c, Buffer.concat([PNG, Buffer.alloc(70 * 1024)]), 'image/png')
    expect(big.status).toBe(413)
    const other = await startConversation(withModels.url)
    expect((await upload(withModels.url, c, PNG, 'image/png', other.token)).status).toBe(404)
    expect((await upload(withModels.url, c, PNG, 'image/png', 'nope')).status).toBe(401)
    // An attachment of another conversation cannot be referenced.
    const mine = await upload(withModels.url, other, PNG, 'image/png')
    const r = await fetch(`${withModels.url}/api/v1/conversations/${c.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
      body: JSON.stringify({ text: '是这个吗', attachmentId: mine.json.id }),
    })
    expect(r.status).toBe(404)
  })
})

describe('pictures with a vision model', () => {
  it('answers "是这个吗" from the catalog, looking at the picture', async () => {
    fake.setDefault((req) =>
      toolCount(req) === 0
        ? { toolCalls: [{ name: 'check_stock', arguments: '{"sku":"EB-1001"}' }] }
        : {
            content: `是的，图片里是灵犀 Buds 2 Pro 主动降噪真无线耳机 [F${/\[F(\d+)\] 商品：灵犀/.exec(JSON.stringify(req.body.messages))?.[1]}]。`,
          },
    )
    const c = await startConversation(withModels.url)
    const up = await upload(withModels.url, c, PNG, 'image/png')
    const turn = await say(withModels.url, c, '是这个吗', up.json.id)
    expect(fake.requests.length).toBe(2)
    expect(fake.requests[0]!.body.model).toBe('vision-test')
    const content = lastUser(fake.requests[0]!).content as Part[]
    expect(content[1]!.image_url!.url).toBe(`data:image/png;base64,${PNG.toString('base64')}`)
    expect(turn.replies[0]!.source).toBe('llm')
    expect(turn.replies[0]!.text).toContain('灵犀 Buds 2 Pro')
    expect(turn.reason).toMatch(/^picture_llm_grounded:.*product:EB-1001/)
    expect(turn.messages[0]).toMatchObject({
      role: 'customer',
      meta: { attachment: { id: up.json.id, kind: 'image' } },
    })
  })

  it('never passes on a made-up price: the picture goes to an agent instead', async () => {
    fake.setDefault({ content: '这款耳机现在只要 99 元。' })
    const c = await startConversation(withModels.url)
    const up = await upload(withModels.url, c, PNG, 'image/png')
    const turn = await say(withModels.url, c, 'do you have this?', up.json.id)
    expect(turn.replies.map((r) => r.text).join('')).not.toContain('99')
    expect(turn.handoff).toBe(true)
    expect(turn.reason).toBe('picture_model_unanswered_handoff')
  })

  it('attaches an after-sales picture to the ticket it opens', async () => {
    fake.setDefault({ content: '从图片看，耳机外壳有明显裂痕。' })
    const c = await startConversation(withModels.url, { customerId: 'c001' })
    const up = await upload(withModels.url, c, PNG, 'image/png')
    const turn = await say(withModels.url, c, '我收到的耳机坏了，外壳裂开了', up.json.id)
    expect(turn.replies[0]!.source).toBe('llm')
    expect(turn.ticket).toBeDefined()
    const ticket = await store.tickets.get('demo', turn.ticket!.id)
    expect(ticket!.data.attachments).toEqual([up.json.id])
    expect(ticket!.conversationId).toBe(c.id)
  })
})

describe('voice messages', () => {
  it('transcribes through /audio/transcriptions and handles the text like a typed message', async () => {
    fake.setTranscriber({ text: '我的快递到哪了' })
    const c = await startConversation(withModels.url, { customerId: 'c001' })
    const up = await upload(withModels.url, c, OGG, 'audio/ogg')
    expect(up.json).toMatchObject({ kind: 'audio', mime: 'audio/ogg' })
    const turn = await say(withModels.url, c, '', up.json.id)
    expect(fake.transcriptions).toHaveLength(1)
    expect(fake.transcriptions[0]).toMatchObject({ model: 'whisper-test', filename: 'voice.ogg' })
    expect(fake.transcriptions[0]!.file.equals(OGG)).toBe(true)
    expect(turn.nlu.intent).toBe('logistics')
    expect(turn.messages[0]).toMatchObject({
      text: '我的快递到哪了',
      meta: { attachment: { kind: 'audio', transcript: '我的快递到哪了' } },
    })
    expect(turn.replies.map((r) => r.text).join('')).toMatch(/KF2026112/)
  })

  it('asks the customer to type when the transcription fails', async () => {
    fake.setTranscriber({ status: 500 })
    const c = await startConversation(withModels.url)
    const up = await upload(withModels.url, c, OGG, 'audio/ogg')
    const turn = await say(withModels.url, c, '', up.json.id)
    expect(turn.reason).toBe('voice_not_transcribed')
  })
})

describe('without a vision or transcription model', () => {
  it('hands a picture to an agent and says so', async () => {
    fake.setDefault({ content: 'NO_ANSWER' })
    const c = await startConversation(plain.url)
    const up = await upload(plain.url, c, PNG, 'image/png')
    const turn = await say(plain.url, c, '是这个吗', up.json.id)
    expect(turn.handoff).toBe(true)
    expect(turn.reason).toBe('picture_no_vision_handoff')
    expect(turn.replies[0]!.text).toContain('人工客服查看')
    expect(fake.requests).toHaveLength(0)
    const [ev] = await plainStore.events.list('demo', { type: 'attachment.handoff', conversationId: c.id })
    expect(ev!.data).toEqual({ attachmentId: up.json.id })
  })

  it('puts an after-sales picture on a ticket', async () => {
    const c = await startConversation(plain.url, { customerId: 'c001' })
    const up = await upload(plain.url, c, PNG, 'image/png')
    const turn = await say(plain.url, c, '我收到的耳机坏了，外壳裂开了', up.json.id)
    expect(turn.reason).toBe('picture_ticket')
    const ticket = await plainStore.tickets.get('demo', turn.ticket!.id)
    expect(ticket!.data.attachments).toEqual([up.json.id])
  })

  it('asks the customer to type a voice message', async () => {
    const c = await startConversation(plain.url)
    const up = await upload(plain.url, c, OGG, 'audio/ogg')
    const turn = await say(plain.url, c, '', up.json.id)
    expect(turn.reason).toBe('voice_not_transcribed')
    expect(turn.replies[0]!.text).toContain('打字')
    expect(fake.transcriptions).toHaveLength(0)
  })
})
