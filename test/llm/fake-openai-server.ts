/**
 * A real OpenAI-compatible HTTP server for tests (node:http on port 0): POST /v1/chat/completions,
 * non-streaming and SSE streaming, with scripted replies that can be delayed, fail with any status,
 * or send malformed JSON. Every request is recorded (headers, parsed body) for assertions.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ChatRequestBody = {
  model: string
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
}

export type Responder = (req: RecordedRequest) => ScriptedReply

export type FakeOpenAiServer = {
  /** `http://127.0.0.1:<port>`; the API lives under `/v1`. */
  url: string
  requests: RecordedRequest[]
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
  const embeddingRequests: number[] = []

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
      requests.push(recorded)
      const reply = queue.shift() ?? fallback(recorded)
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
    embeddingCalls: () => embeddingRequests.length,
    enqueue: (...r) => queue.push(...r),
    reset() {
      requests.length = 0
      queue.length = 0
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
    for (const delta of reply.chunks ?? [content]) {
      const chunk = {
        id: 'chatcmpl-fake',
        object: 'chat.completion.chunk',
        model: body.model,
        choices: [] as unknown[],
      }
      chunk.choices = [{ index: 0, delta: { content: delta }, finish_reason: null }]
      res.write(`data: ${JSON.stringify(chunk)}\n\n`)
    }
    const last = {
      id: 'chatcmpl-fake',
      object: 'chat.completion.chunk',
      model: body.model,
      choices: [{ index: 0, delta: {}, finish_reason: reply.finishReason ?? 'stop' }],
    }
    res.write(`data: ${JSON.stringify(last)}\n\n`)
    res.end('data: [DONE]\n\n')
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
        message: { role: 'assistant', content },
        finish_reason: reply.finishReason ?? 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  }
  send(res, 200, JSON.stringify(completion), reply.headers)
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
