import { describe, expect, it } from 'vitest'
import { type ApiClient, ApiError, type ServerMessage, type TurnResponse } from './api-client.js'
import { ChatController } from './chat-controller.js'
import type { SessionStore, StoredSession } from './session-storage.js'

/** An in-process stand-in for the server: a message log per conversation plus the sockets listening to it. */
function makeBackend() {
  const logs = new Map<string, ServerMessage[]>()
  const sockets: FakeSocket[] = []
  let n = 0
  const push = (conv: string, role: ServerMessage['role'], text: string, meta: Record<string, unknown> = {}) => {
    const log = logs.get(conv)!
    const m: ServerMessage = {
      id: `m${++n}`,
      seq: log.length + 1,
      role,
      text,
      meta,
      createdAt: new Date().toISOString(),
    }
    log.push(m)
    for (const s of sockets) if (s.url.includes(`/${conv}/`)) s.deliver({ type: 'message', message: m })
    return m
  }
  const calls: string[] = []
  let reply: (text: string) => TurnResponse['replies'] = (text) => [{ text: `echo ${text}` }]
  let handoff = false
  const api: ApiClient = {
    async createConversation() {
      const id = `c${++n}`
      logs.set(id, [])
      calls.push(`create ${id}`)
      return { id, token: `t-${id}`, customerId: null, shopId: 'demo' }
    },
    async uploadAttachment(session, file) {
      calls.push(`upload ${session.id} ${file.type} ${file.size}`)
      return { id: `att${++n}`, kind: file.type.startsWith('audio/') ? 'audio' : 'image' }
    },
    async sendMessage(session, text, _payload, attachmentId) {
      calls.push(`send ${session.id} ${text}${attachmentId ? ` +${attachmentId}` : ''}`)
      if (!logs.has(session.id)) throw new ApiError(404, 'not_found', 'conversation not found')
      push(session.id, 'customer', text)
      const replies = reply(text)
      for (const r of replies) push(session.id, 'bot', r.text)
      return { conversationId: session.id, replies, handoff }
    },
    async listMessages(session, afterSeq) {
      const log = logs.get(session.id)
      if (!log) throw new ApiError(404, 'not_found', 'conversation not found')
      return log.filter((m) => m.seq > afterSeq)
    },
    async rate(session, score) {
      calls.push(`rate ${session.id} ${score}`)
    },
    streamUrl: (session) => `ws://kefu.test/api/v1/conversations/${session.id}/stream?token=${session.token}`,
  }
  class FakeSocket {
    onopen: (() => void) | null = null
    onmessage: ((ev: { data: string }) => void) | null = null
    onclose: (() => void) | null = null
    onerror: (() => void) | null = null
    constructor(readonly url: string) {
      sockets.push(this)
      queueMicrotask(() => this.onopen?.())
    }
    deliver(frame: unknown) {
      this.onmessage?.({ data: JSON.stringify(frame) })
    }
    close() {
      sockets.splice(sockets.indexOf(this), 1)
    }
  }
  return {
    api,
    logs,
    calls,
    sockets,
    push,
    WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    setReply: (fn: typeof reply) => {
      reply = fn
    },
    setHandoff: (v: boolean) => {
      handoff = v
    },
  }
}

function memoryStore(initial: StoredSession | null = null): SessionStore & { value: StoredSession | null } {
  return {
    value: initial,
    load() {
      return this.value
    },
    save(s) {
      this.value = s
    },
    clear() {
      this.value = null
    },
    loadOpen: () => false,
    saveOpen: () => {},
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0))
async function idle(c: ChatController) {
  for (let i = 0; i < 20 && (c.state.waiting || c.state.messages.some((m) => m.seq === null)); i++) await settle()
  await settle()
}

function makeController(backend: ReturnType<typeof makeBackend>, store = memoryStore()) {
  const c = new ChatController({
    api: backend.api,
    store,
    shopId: 'demo',
    locale: 'zh',
    customerId: null,
    signature: null,
    WebSocketImpl: backend.WebSocketImpl,
  })
  return { c, store }
}

describe('ChatController', () => {
  it('uploads a picture first, then sends it with the typed text in one message', async () => {
    const backend = makeBackend()
    const { c } = makeController(backend)
    await c.start()
    expect(c.sendFile(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: 'image/jpeg' }), '是这个吗')).toBe(
      true,
    )
    expect(c.sendFile(new Blob([]))).toBe(false)
    await idle(c)
    expect(backend.calls.slice(1, 3)).toEqual([
      expect.stringMatching(/^upload c\d+ image\/jpeg 4$/),
      expect.stringMatching(/^send c\d+ 是这个吗 \+att\d+$/),
    ])
  })

  it('creates the conversation on the first message, stores it, and shows each message once', async () => {
    const backend = makeBackend()
    const { c, store } = makeController(backend)
    await c.start()
    expect(backend.calls).toEqual([])
    c.send('你好')
    await idle(c)
    c.send('我的订单到哪了')
    await idle(c)
    expect(c.state.messages.map((m) => [m.seq, m.role, m.text])).toEqual([
      [1, 'customer', '你好'],
      [2, 'bot', 'echo 你好'],
      [3, 'customer', '我的订单到哪了'],
      [4, 'bot', 'echo 我的订单到哪了'],
    ])
    expect(backend.calls.filter((x) => x.startsWith('create'))).toHaveLength(1)
    expect(store.value?.id).toBe(backend.calls[0]?.split(' ')[1])
    c.dispose()
  })

  it('restores a stored conversation with its history and counts unread live messages while closed', async () => {
    const backend = makeBackend()
    const first = makeController(backend)
    first.c.send('hi')
    await idle(first.c)
    first.c.dispose()

    const { c } = makeController(backend, memoryStore(first.store.value))
    await c.start()
    await settle()
    expect(c.state.messages.map((m) => m.text)).toEqual(['hi', 'echo hi'])
    backend.push(first.store.value!.id, 'agent', '您好，我是人工客服')
    expect(c.state.unread).toBe(1)
    expect(c.state.handoff).toBe('joined')
    c.setOpen(true)
    expect(c.state.unread).toBe(0)
    c.dispose()
  })

  it('keeps quick replies from the POST answer when the stored message has none', async () => {
    const backend = makeBackend()
    backend.setReply(() => [{ text: '请问是哪个订单？', buttons: [{ label: 'KF1', payload: 'order:KF1' }] }])
    const { c } = makeController(backend)
    c.send('我的订单到哪了')
    await idle(c)
    expect(c.state.messages.at(-1)).toMatchObject({ seq: 2, buttons: [{ label: 'KF1', payload: 'order:KF1' }] })
    c.dispose()
  })

  it('shows the handoff banner state from the answer and from status frames', async () => {
    const backend = makeBackend()
    backend.setHandoff(true)
    const { c, store } = makeController(backend)
    c.send('转人工')
    await idle(c)
    expect(c.state.handoff).toBe('waiting')
    expect(store.value?.handoff).toBe('waiting')
    backend.sockets[0]?.deliver({ type: 'status', status: 'human' })
    expect(c.state.handoff).toBe('joined')
    c.dispose()
  })

  it('rates a closed conversation once it is closed, and a new message starts a new unrated one', async () => {
    const backend = makeBackend()
    const { c } = makeController(backend)
    c.send('谢谢')
    await idle(c)
    await c.rate(5)
    expect(backend.calls.filter((x) => x.startsWith('rate'))).toEqual([])
    backend.sockets[0]?.deliver({ type: 'status', status: 'closed' })
    await c.rate(5)
    expect(c.state.rated).toBe(5)
    expect(backend.calls.filter((x) => x.startsWith('rate'))).toEqual(['rate c1 5'])
    c.send('还有一个问题')
    await idle(c)
    expect([c.state.closed, c.state.rated]).toEqual([false, null])
    c.dispose()
  })

  it('starts a new conversation transparently when the stored one is gone', async () => {
    const backend = makeBackend()
    const stale: StoredSession = { id: 'gone', token: 't-gone', customerId: null, shopId: 'demo' }
    const { c, store } = makeController(backend, memoryStore(stale))
    await c.start()
    expect(store.value).toBeNull()
    c.send('还在吗')
    await idle(c)
    expect(store.value?.id).not.toBe('gone')
    expect(c.state.messages.map((m) => m.text)).toEqual(['还在吗', 'echo 还在吗'])
    c.dispose()
  })

  it('marks a message failed when the server is unreachable and sends it again on retry', async () => {
    const backend = makeBackend()
    const { c } = makeController(backend)
    const send = backend.api.sendMessage
    backend.api.sendMessage = async () => {
      throw new ApiError(0, 'network', 'offline')
    }
    c.send('hello')
    await idle(c)
    const failed = c.state.messages[0]!
    expect(failed).toMatchObject({ failed: true, seq: null })
    backend.api.sendMessage = send
    c.retry(failed.key)
    await idle(c)
    expect(c.state.messages.map((m) => [m.seq, m.text, m.failed ?? false])).toEqual([
      [1, 'hello', false],
      [2, 'echo hello', false],
    ])
    c.dispose()
  })

  it('rejects empty and over-long messages locally', () => {
    const { c } = makeController(makeBackend())
    expect(c.send('   ')).toBe(false)
    expect(c.send('字'.repeat(4001))).toBe(false)
    expect(c.state.notice).toBe('tooLong')
    expect(c.state.messages).toEqual([])
    c.dispose()
  })

  it('shows the answer sentence by sentence from partial frames, then replaces it with the final message', async () => {
    const backend = makeBackend()
    const { c } = makeController(backend)
    await c.start()
    let release: () => void = () => undefined
    const gate = new Promise<void>((r) => {
      release = r
    })
    const original = backend.api.sendMessage.bind(backend.api)
    backend.api.sendMessage = async (...args: Parameters<typeof original>) => {
      await gate
      return original(...args)
    }
    c.send('哪个更适合送人？')
    for (let i = 0; i < 20 && backend.sockets.length === 0; i++) await settle()
    const socket = backend.sockets[0]!
    socket.deliver({ type: 'partial', replyTo: 'm1', index: 0, text: '第一句。' })
    socket.deliver({ type: 'partial', replyTo: 'm1', index: 1, text: '第二句。' })
    expect(c.state.streaming).toBe('第一句。第二句。')
    release()
    await idle(c)
    expect(c.state.streaming).toBeNull()
    expect(c.state.messages.at(-1)!.role).toBe('bot')
    // A partial arriving after the answer does not come back.
    socket.deliver({ type: 'partial', replyTo: 'm1', index: 2, text: '迟到的。' })
    expect(c.state.streaming).toBeNull()
  })
})
