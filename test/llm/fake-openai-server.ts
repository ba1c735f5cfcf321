/**
 * A real OpenAI-compatible HTTP server for tests (node:http on port 0): POST /v1/chat/completions,
 * non-streaming and SSE streaming (vision requests carry `image_url` content parts), POST
 * /v1/audio/transcriptions (multipart) and POST /v1/embeddings, with scripted replies that can be delayed, fail with any status,
 * or send malformed JSON. Every request is recorded (headers, parsed body) for assertions.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ChatRequestBody = {
  model: string
  /** `content` is an array of parts (text, image_url) in a vision request. */
  messages: Array<{ role: string; content: string }>
  temperature?: number
  max_tokens?: number
  stream?: boolean
  [k: string]: unknown
}

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: ChatRequestBody }

/** One scripted reply. `content` builds a normal completion; `raw` sends that text as the body. */
export type ScriptedReply = {
  status?: number
  content?: string
  raw?: string
  headers?: Record<string, string>
  delayMs?: number
  finishReason?: string
  /** For stream requests: the text deltas to send as SSE chunks (default: `content` in one chunk). */
  chunks?: string[]
  /** For stream requests: headers go out at once, the first chunk after this long. */
  firstChunkDelayMs?: number
  /** For stream requests: pause between chunks. */
  chunkDelayMs?: number
  /** For stream requests: SSE `data:` payloads sent as they are (malformed JSON, error events). */
  rawChunks?: string[]
  /** Tool calls the model makes (`finish_reason: tool_calls`), in a completion or a stream. */
  toolCalls?: Array<{ id?: string; name: string; arguments: string }>
  /** Token usage reported (default 100 prompt + 20 completion). */
  usage?: { prompt_tokens: number; completion_tokens: number }
}

export type Responder = (req: RecordedRequest) => ScriptedReply

/** One POST /v1/audio/transcriptions (multipart/form-data, as the openai SDK sends it). */
export type TranscriptionRequest = {
  headers: IncomingHttpHeaders
  model: string
  filename: string
  /** The file part's Content-Type. */
  mime: string
  file: Buffer
}
export type TranscriptionReply = { text?: string; status?: number; delayMs?: number }

export type FakeOpenAiServer = {
  /** `http://127.0.0.1:<port>`; the API lives under `/v1`. */
  url: string
  requests: RecordedRequest[]
  /**
   * Classification requests (a forced `tool_choice` function, e.g. `classify_intent`): recorded here,
   * not in `requests`, and answered by the classifier responder (default: no call, like a model
   * that does not know).
   */
  classifications: RecordedRequest[]
  setClassifier(r: ScriptedReply | Responder): void
  transcriptions: TranscriptionRequest[]
  /** Answers POST /v1/audio/transcriptions (default: an empty transcript). */
  setTranscriber(r: TranscriptionReply | ((req: TranscriptionRequest) => TranscriptionReply)): void
  /** How many POST /v1/embeddings calls were served. */
  embeddingCalls(): number
  /** Replies served in order, one per request; after that the default responder answers. */
  enqueue(...replies: ScriptedReply[]): void
  setDefault(r: ScriptedReply | Responder): void
  /** Forgets recorded requests and queued replies (between tests). */
  reset(): void
  close(): Promise<void>
}

/** Starts the fake server on a free port. */
export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const queue: ScriptedReply[] = []
  let fallback: Responder = () => ({ content: 'NO_ANSWER' })
  const requests: RecordedRequest[] = []
  const classifications: RecordedRequest[] = []
  const noLabel: Responder = () => ({ content: '' })
  let classifier: Responder = noLabel
  const embeddingRequests: number[] = []
  const transcriptions: TranscriptionRequest[] = []
  let transcriber: (req: TranscriptionRequest) => TranscriptionReply = () => ({ text: '' })

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/embeddings') {
        embeddingRequests.push(1)
        try {
          const { input } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { input: string[] | string }
          const texts = Array.isArray(input) ? input : [input]
          send(
            res,
            200,
            JSON.stringify({ object: 'list', data: texts.map((t, index) => ({ index, embedding: embed(t) })) }),
          )
        } catch {
          send(res, 400, JSON.stringify({ error: { message: 'bad json', type: 'invalid_request_error' } }))
        }
        return
      }
      if (req.method === 'POST' && req.url === '/v1/audio/transcriptions') {
        const parsed = parseMultipart(Buffer.concat(chunks), String(req.headers['content-type'] ?? ''))
        const file = parsed.find((p) => p.filename !== undefined)
        const model = parsed.find((p) => p.name === 'model')?.data.toString('utf8') ?? ''
        if (!file || !model) {
          send(
            res,
            400,
            JSON.stringify({ error: { message: 'file and model are required', type: 'invalid_request_error' } }),
          )
          return
        }
        const rec = { headers: req.headers, model, filename: file.filename ?? '', mime: file.mime, file: file.data }
        transcriptions.push(rec)
        const r = transcriber(rec)
        const answer = () =>
          r.status && r.status !== 200
            ? send(res, r.status, JSON.stringify({ error: { message: `scripted ${r.status}`, type: 'server_error' } }))
            : send(res, 200, JSON.stringify({ text: r.text ?? '' }))
        if (r.delayMs) {
          const t = setTimeout(answer, r.delayMs)
          res.on('close', () => clearTimeout(t))
        } else answer()
        return
      }
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        send(res, 404, JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }))
        return
      }
      let body: ChatRequestBody
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequestBody
      } catch {
        send(res, 400, JSON.stringify({ error: { message: 'bad json', type: 'invalid_request_error' } }))
        return
      }
      const recorded: RecordedRequest = { method: req.method, path: req.url, headers: req.headers, body }
      const forced = typeof body.tool_choice === 'object' && body.tool_choice !== null
      if (forced) classifications.push(recorded)
      else requests.push(recorded)
      const reply = forced ? classifier(recorded) : (queue.shift() ?? fallback(recorded))
      const run = () => respond(res, reply, body)
      if (reply.delayMs) {
        const t = setTimeout(run, reply.delayMs)
        // The client gave up (timeout): drop the pending reply.
        res.on('close', () => clearTimeout(t))
      } else run()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    classifications,
    transcriptions,
    setTranscriber(r) {
      transcriber = typeof r === 'function' ? r : () => r
    },
    setClassifier(r) {
      classifier = typeof r === 'function' ? r : () => r
    },
    embeddingCalls: () => embeddingRequests.length,
    enqueue: (...r) => queue.push(...r),
    reset() {
      requests.length = 0
      classifications.length = 0
      transcriptions.length = 0
      queue.length = 0
      classifier = noLabel
      transcriber = () => ({ text: '' })
    },
    setDefault(r) {
      fallback = typeof r === 'function' ? r : () => r
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.destroyed) return
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(body)
}

function respond(res: ServerResponse, reply: ScriptedReply, body: ChatRequestBody): void {
  const status = reply.status ?? 200
  if (reply.raw !== undefined || status !== 200) {
    const raw = reply.raw ?? JSON.stringify({ error: { message: `scripted ${status}`, type: 'server_error' } })
    send(res, status, raw, reply.headers)
    return
  }
  const content = reply.content ?? ''
  if (body.stream) {
    if (res.destroyed) return
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...reply.headers })
    res.flushHeaders()
    void streamReply(res, reply, body)
    return
  }
  const completion = {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: reply.toolCalls && !reply.content ? null : content,
          ...(reply.toolCalls ? { tool_calls: toolCallsJson(reply.toolCalls) } : {}),
        },
        finish_reason: reply.finishReason ?? (reply.toolCalls ? 'tool_calls' : 'stop'),
        logprobs: null,
      },
    ],
    usage: usageJson(reply),
  }
  send(res, 200, JSON.stringify(completion), reply.headers)
}

function usageJson(reply: ScriptedReply) {
  const u = reply.usage ?? { prompt_tokens: 100, completion_tokens: 20 }
  return { ...u, total_tokens: u.prompt_tokens + u.completion_tokens }
}

function toolCallsJson(calls: NonNullable<ScriptedReply['toolCalls']>) {
  return calls.map((c, i) => ({
    id: c.id ?? `call_${i}`,
    type: 'function',
    function: { name: c.name, arguments: c.arguments },
  }))
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Writes a scripted SSE stream: optional delays, raw payloads, tool-call deltas, usage, `[DONE]`. */
async function streamReply(res: ServerResponse, reply: ScriptedReply, body: ChatRequestBody): Promise<void> {
  const frame = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', model: body.model, choices, ...extra })}\n\n`
  if (reply.firstChunkDelayMs) await pause(reply.firstChunkDelayMs)
  for (const raw of reply.rawChunks ?? []) {
    if (res.destroyed) return
    res.write(`data: ${raw}\n\n`)
  }
  const deltas = reply.rawChunks ? (reply.chunks ?? []) : (reply.chunks ?? [reply.content ?? ''])
  for (const [i, delta] of deltas.entries()) {
    if (i > 0 && reply.chunkDelayMs) await pause(reply.chunkDelayMs)
    if (res.destroyed) return
    res.write(frame([{ index: 0, delta: { content: delta }, finish_reason: null }]))
  }
  for (const [i, call] of toolCallsJson(reply.toolCalls ?? []).entries()) {
    if (res.destroyed) return
    res.write(frame([{ index: 0, delta: { tool_calls: [{ index: i, ...call }] }, finish_reason: null }]))
  }
  if (res.destroyed) return
  const finish = reply.finishReason ?? (reply.toolCalls ? 'tool_calls' : 'stop')
  res.write(frame([{ index: 0, delta: {}, finish_reason: finish }]))
  if (body.stream_options) res.write(frame([], { usage: usageJson(reply) }))
  res.end('data: [DONE]\n\n')
}

/**
 * A deterministic stand-in embedding for POST /v1/embeddings: hashed character bigrams in 64
 * dimensions, L2-normalised. Lexical, not semantic — enough to exercise the dense path end to end.
 */
function embed(text: string): number[] {
  const v = new Array<number>(64).fill(0)
  const t = text.toLowerCase()
  for (let i = 0; i + 1 < t.length; i++) {
    const h = (t.charCodeAt(i) * 31 + t.charCodeAt(i + 1)) % 64
    v[h] = (v[h] ?? 0) + 1
  }
  const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1
  return v.map((x) => x / norm)
}

/** The parts of a multipart/form-data body (enough for the SDK's uploads: fields and one file). */
function parseMultipart(
  body: Buffer,
  contentType: string,
): Array<{ name: string; filename?: string; mime: string; data: Buffer }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  const b = boundary?.[1] ?? boundary?.[2]
  if (!b) return []
  const out: Array<{ name: string; filename?: string; mime: string; data: Buffer }> = []
  for (const raw of body.toString('latin1').split(`--${b}`)) {
    const split = raw.indexOf('\r\n\r\n')
    if (split < 0) continue
    const head = raw.slice(0, split)
    const name = /name="([^"]*)"/i.exec(head)?.[1]
    if (name === undefined) continue
    const filename = /filename="([^"]*)"/i.exec(head)?.[1]
    const mime = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'text/plain'
    const data = Buffer.from(raw.slice(split + 4).replace(/\r\n$/, ''), 'latin1')
    out.push({ name, ...(filename !== undefined ? { filename } : {}), mime, data })
  }
  return out
}
