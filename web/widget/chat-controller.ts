/**
 * The widget's conversation logic, independent of the view: creates the conversation lazily on the first
 * message, posts messages one at a time, merges the WebSocket stream and the REST history by `seq`, keeps the
 * session in storage, and tracks connection, handoff and unread state. The Preact view subscribes to it.
 */
import { type ApiClient, ApiError, type ConversationSession, type StreamFrame } from './api-client.js'
import { applyReplies, type ChatMessage, lastSeq, mergeServerMessages } from './chat-messages.js'
import type { Locale } from './i18n.js'
import { ReconnectingSocket, type SocketState } from './reconnecting-socket.js'
import type { SessionStore } from './session-storage.js'

/** Longest message the API accepts. */
export const MAX_MESSAGE_LENGTH = 4_000

export type HandoffState = 'waiting' | 'joined' | null
export type NoticeKey = 'errorGeneric' | 'rateLimited' | 'tooLong'

export type ChatState = {
  messages: ChatMessage[]
  /** A message is on its way to the bot: show the typing indicator. */
  waiting: boolean
  /** The bot's answer so far, sentence by sentence as the server verified it; replaced by the final message. */
  streaming: string | null
  connection: SocketState | 'idle'
  online: boolean
  handoff: HandoffState
  /** The server closed the conversation; the next message starts a new one. */
  closed: boolean
  /** The customer's rating of the closed conversation (1–5), once sent. */
  rated: number | null
  notice: NoticeKey | null
  unread: number
  open: boolean
  /** The history of a stored conversation is being loaded. */
  loading: boolean
  customerId: string | null
}

export type ChatControllerDeps = {
  api: ApiClient
  store: SessionStore
  shopId: string
  locale: Locale
  customerId: string | null
  signature: string | null
  WebSocketImpl?: typeof WebSocket
}

type Listener = (state: ChatState) => void

export class ChatController {
  state: ChatState
  private session: ConversationSession | null = null
  private socket: ReconnectingSocket | null = null
  private listeners = new Set<Listener>()
  private queue: Promise<void> = Promise.resolve()
  private inflight = 0
  private localCounter = 0
  private disposed = false
  private readonly onOnline = () => this.set({ online: true })
  private readonly onOffline = () => this.set({ online: false })

  constructor(private deps: ChatControllerDeps) {
    this.state = {
      messages: [],
      waiting: false,
      streaming: null,
      connection: 'idle',
      online: typeof navigator === 'undefined' ? true : navigator.onLine !== false,
      handoff: null,
      closed: false,
      rated: null,
      notice: null,
      unread: 0,
      open: false,
      loading: false,
      customerId: deps.customerId,
    }
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  /** Restores a stored conversation (history + stream). Resolves once the history is shown. */
  async start(): Promise<void> {
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline)
      window.addEventListener('offline', this.onOffline)
    }
    await this.restore()
  }

  /**
   * Switches to another customer (the visitor signed in or out on the shop without a page load): the current
   * conversation is left, and that customer's stored conversation, if any, is shown instead.
   */
  async identify(customerId: string | null, signature: string | null, store: SessionStore): Promise<void> {
    if (customerId === this.deps.customerId && signature === this.deps.signature) return
    this.socket?.close()
    this.socket = null
    this.session = null
    this.deps = { ...this.deps, customerId, signature, store }
    this.set({
      messages: [],
      handoff: null,
      closed: false,
      rated: null,
      notice: null,
      unread: 0,
      connection: 'idle',
      customerId,
    })
    await this.restore()
  }

  /** Language for conversations started from now on (the server answers in the customer's language). */
  setLocale(locale: Locale): void {
    this.deps = { ...this.deps, locale }
  }

  private async restore(): Promise<void> {
    const stored = this.deps.store.load()
    if (!stored) return
    this.session = stored
    this.set({ loading: true, handoff: stored.handoff ?? null, customerId: stored.customerId ?? this.state.customerId })
    await this.sync()
    if (this.session === stored) {
      this.set({ loading: false })
      this.connect()
    } else if (!this.session) {
      this.set({ loading: false })
    }
  }

  setOpen(open: boolean): void {
    this.deps.store.saveOpen(open)
    this.set(open ? { open, unread: 0 } : { open })
  }

  dismissNotice(): void {
    this.set({ notice: null })
  }

  /** Queues a customer message (a quick reply passes its payload). Returns false when it was rejected locally. */
  send(text: string, payload?: string): boolean {
    const trimmed = text.trim()
    if (trimmed === '') return false
    if (trimmed.length > MAX_MESSAGE_LENGTH) {
      this.set({ notice: 'tooLong' })
      return false
    }
    const msg: ChatMessage = {
      key: this.nextKey(),
      seq: null,
      role: 'customer',
      text: trimmed,
      createdAt: new Date().toISOString(),
      pending: true,
    }
    if (payload !== undefined) msg.payload = payload
    this.set({ messages: [...this.state.messages, msg], notice: null })
    this.enqueue(msg.key)
    return true
  }

  /** Queues a picture or voice message (with the typed text, if any): uploaded, then sent. */
  sendFile(file: Blob, text = ''): boolean {
    if (file.size === 0) return false
    const msg: ChatMessage = {
      key: this.nextKey(),
      seq: null,
      role: 'customer',
      text: text.trim().slice(0, MAX_MESSAGE_LENGTH),
      createdAt: new Date().toISOString(),
      pending: true,
      attachment: { file, kind: file.type.startsWith('audio/') ? 'audio' : 'image' },
    }
    this.set({ messages: [...this.state.messages, msg], notice: null })
    this.enqueue(msg.key)
    return true
  }

  /** Sends a failed message again. */
  retry(key: string): void {
    const msg = this.state.messages.find((m) => m.key === key)
    if (!msg?.failed) return
    this.patchMessage(key, { failed: false, pending: true })
    this.socket?.reconnectNow()
    this.enqueue(key)
  }

  dispose(): void {
    this.disposed = true
    this.socket?.close()
    this.socket = null
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline)
      window.removeEventListener('offline', this.onOffline)
    }
    this.listeners.clear()
  }

  private enqueue(key: string): void {
    this.inflight++
    this.set({ waiting: true })
    // One message at a time keeps the bot's view of the conversation in the order the customer typed it.
    this.queue = this.queue
      .then(() => this.deliver(key, false))
      .finally(() => {
        this.inflight--
        if (this.inflight === 0) this.set({ waiting: false, streaming: null })
      })
  }

  /** Rates the closed conversation (1–5). The session is kept until the customer writes again. */
  async rate(score: number): Promise<void> {
    if (!this.session || !this.state.closed) return
    try {
      await this.deps.api.rate(this.session, score)
      this.set({ rated: score })
    } catch {
      this.set({ notice: 'errorGeneric' })
    }
  }

  private async deliver(key: string, isRetry: boolean): Promise<void> {
    const msg = this.state.messages.find((m) => m.key === key)
    if (!msg || this.disposed) return
    try {
      if (this.state.closed) this.resetSession()
      const session = await this.ensureSession()
      let attachmentId = msg.attachment?.id
      if (msg.attachment && !attachmentId) {
        attachmentId = (await this.deps.api.uploadAttachment(session, msg.attachment.file)).id
        this.patchMessage(key, { attachment: { ...msg.attachment, id: attachmentId } })
      }
      const res = await this.deps.api.sendMessage(session, msg.text, msg.payload, attachmentId)
      if (this.session !== session) return
      this.patchMessage(key, { pending: false })
      this.set({ streaming: null })
      const messages = applyReplies(this.state.messages, key, res.replies ?? [], new Date().toISOString(), () =>
        this.nextKey(),
      )
      const handoff = res.handoff && this.state.handoff !== 'joined' ? 'waiting' : this.state.handoff
      this.set({ messages, handoff })
      this.persist()
      // The server log is the source of truth (seq, agent messages that raced the reply): catch up with it.
      void this.sync()
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'internal', String(err))
      // The stored conversation is gone (expired, deleted, closed): start a new one once, transparently.
      if (!isRetry && (e.status === 401 || e.status === 404 || e.status === 409 || e.status === 410)) {
        this.resetSession()
        return this.deliver(key, true)
      }
      this.patchMessage(key, { pending: false, failed: true })
      this.set({ notice: e.status === 429 ? 'rateLimited' : e.status === 0 ? null : 'errorGeneric' })
    }
  }

  private async ensureSession(): Promise<ConversationSession> {
    if (this.session) return this.session
    const body: Parameters<ApiClient['createConversation']>[0] = {
      shopId: this.deps.shopId,
      channel: 'widget',
      locale: this.deps.locale,
    }
    if (this.deps.customerId) body.customerId = this.deps.customerId
    if (this.deps.signature) body.signature = this.deps.signature
    const session = await this.deps.api.createConversation(body)
    this.session = session
    this.set({ customerId: session.customerId, closed: false })
    this.persist()
    this.connect()
    return session
  }

  private resetSession(): void {
    this.socket?.close()
    this.socket = null
    this.session = null
    this.deps.store.clear()
    // Messages of the old conversation stay visible; their seqs belong to it, so make them local history.
    this.set({
      closed: false,
      rated: null,
      handoff: null,
      connection: 'idle',
      messages: this.state.messages.map((m) => (m.seq === null ? m : { ...m, key: `old-${m.key}`, seq: null })),
    })
  }

  /** The API client renewed a session's token (in place): keep the new one for the next page load. */
  sessionRenewed(session: ConversationSession): void {
    if (this.session?.id === session.id) this.persist()
  }

  private persist(): void {
    if (this.session) this.deps.store.save({ ...this.session, handoff: this.state.handoff })
  }

  private connect(): void {
    const session = this.session
    if (!session || this.socket || this.disposed) return
    this.socket = new ReconnectingSocket({
      url: () => this.deps.api.streamUrl(session),
      onMessage: (data) => this.onFrame(data as StreamFrame),
      onState: (connection) => this.set({ connection }),
      onOpen: () => void this.sync(),
      // The stream may be refused because the conversation no longer exists; the REST call says so clearly.
      onRepeatedFailure: () => void this.sync(),
      ...(this.deps.WebSocketImpl ? { WebSocketImpl: this.deps.WebSocketImpl } : {}),
    })
  }

  private async sync(): Promise<void> {
    const session = this.session
    if (!session) return
    try {
      const incoming = await this.deps.api.listMessages(session, lastSeq(this.state.messages))
      if (this.session !== session) return
      this.mergeIncoming(incoming, false)
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 404)) {
        if (this.session === session) this.resetSession()
      }
      // Other failures: the stream or the next reconnect catches up later.
    }
  }

  private onFrame(frame: StreamFrame): void {
    if (frame.type === 'message' && frame.message && typeof frame.message === 'object') {
      if ((frame.message as { role?: unknown }).role === 'bot') this.set({ streaming: null })
      this.mergeIncoming([frame.message as never], true)
    } else if (frame.type === 'partial' && typeof frame.text === 'string') {
      // Only while our message waits for its answer: a late partial must not resurrect a finished one.
      if (this.state.waiting) this.set({ streaming: (this.state.streaming ?? '') + frame.text })
    } else if (frame.type === 'status' && typeof frame.status === 'string') {
      this.applyStatus(frame.status)
    }
  }

  private applyStatus(status: string): void {
    if (status === 'waiting_human') this.set({ handoff: this.state.handoff === 'joined' ? 'joined' : 'waiting' })
    else if (status === 'human') this.set({ handoff: 'joined' })
    else if (status === 'bot') this.set({ handoff: null })
    else if (status === 'closed') this.set({ closed: true })
    this.persist()
  }

  private mergeIncoming(incoming: Parameters<typeof mergeServerMessages>[1], live: boolean): void {
    const before = this.state.messages
    const messages = mergeServerMessages(before, incoming)
    if (messages === before) return
    const beforeSeqs = new Set(before.map((m) => m.seq))
    const fresh = messages.filter((m) => m.seq !== null && !beforeSeqs.has(m.seq))
    const patch: Partial<ChatState> = { messages }
    if (fresh.some((m) => m.role === 'agent')) patch.handoff = 'joined'
    if (live && !this.state.open) {
      patch.unread = this.state.unread + fresh.filter((m) => m.role === 'bot' || m.role === 'agent').length
    }
    this.set(patch)
    if (patch.handoff) this.persist()
  }

  private patchMessage(key: string, patch: Partial<ChatMessage>): void {
    this.set({ messages: this.state.messages.map((m) => (m.key === key ? { ...m, ...patch } : m)) })
  }

  private nextKey(): string {
    this.localCounter++
    return `l${this.localCounter}`
  }

  private set(patch: Partial<ChatState>): void {
    if (this.disposed) return
    this.state = { ...this.state, ...patch }
    for (const fn of this.listeners) fn(this.state)
  }
}
