/**
 * The console's state: the queue, my conversations, the open conversation, and the live desk socket.
 * Components render `state` and call the actions; everything the server pushes lands here.
 */
import {
  type ActiveItem,
  type AgentClient,
  ApiError,
  type ChatMessage,
  type ConversationView,
  type QueueItem,
} from './agent-client.js'
import { DeskSocket, type DeskSocketState } from './desk-socket.js'

/** Lists are also polled: wait times and last messages move without desk events. */
const POLL_MS = 10_000
const MAX_WATCHED = 50

export type DeskError = { code: string; message: string; assignee?: string }

export type DeskState = {
  connection: DeskSocketState
  queue: QueueItem[]
  mine: ActiveItem[]
  listsLoaded: boolean
  /** Server clock minus ours, so wait times agree with the server. */
  clockOffsetMs: number
  selectedId: string | null
  view: ConversationView | null
  viewLoading: boolean
  /** New messages per conversation not currently open. */
  unread: Record<string, number>
  busy: null | 'claim' | 'send' | 'release' | 'close'
  /** The conversation `busy` is about. */
  busyId: string | null
  error: DeskError | null
}

export type Listener = (s: DeskState) => void

export class DeskController {
  state: DeskState = {
    connection: 'connecting',
    queue: [],
    mine: [],
    listsLoaded: false,
    clockOffsetMs: 0,
    selectedId: null,
    view: null,
    viewLoading: false,
    unread: {},
    busy: null,
    busyId: null,
    error: null,
  }
  private listeners = new Set<Listener>()
  private socket: DeskSocket | null = null
  private poll: ReturnType<typeof setInterval> | null = null
  private refreshTimer: ReturnType<typeof setTimeout> | null = null
  private viewTimer: ReturnType<typeof setTimeout> | null = null
  private watched = ''
  private stopped = false

  constructor(
    private readonly client: AgentClient,
    private readonly onUnauthorized: () => void,
  ) {}

  subscribe(l: Listener): () => void {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }

  private set(patch: Partial<DeskState>): void {
    this.state = { ...this.state, ...patch }
    for (const l of this.listeners) l(this.state)
  }

  start(): void {
    this.socket = new DeskSocket({
      url: () => this.client.streamUrl(),
      onState: (connection) => this.set({ connection }),
      onOpen: () => {
        this.watched = ''
        this.syncWatch()
        void this.refreshLists()
        if (this.state.selectedId) void this.reloadView()
      },
      onFrame: (f) => this.onFrame(f),
      onRefused: () => this.onUnauthorized(),
    })
    this.poll = setInterval(() => void this.refreshLists(), POLL_MS)
    void this.refreshLists()
  }

  stop(): void {
    this.stopped = true
    this.socket?.close()
    if (this.poll) clearInterval(this.poll)
    if (this.refreshTimer) clearTimeout(this.refreshTimer)
    if (this.viewTimer) clearTimeout(this.viewTimer)
  }

  dismissError(): void {
    this.set({ error: null })
  }

  async refreshLists(): Promise<void> {
    try {
      const [q, m] = await Promise.all([this.client.queue(), this.client.mine()])
      if (this.stopped) return
      this.set({
        queue: q.queue,
        mine: m.conversations,
        listsLoaded: true,
        clockOffsetMs: Date.parse(q.serverTime) - Date.now(),
      })
      this.syncWatch()
    } catch (e) {
      this.fail(e, { quiet: true })
    }
  }

  /** Opens a conversation (null closes the view). */
  async select(id: string | null): Promise<void> {
    const unread = { ...this.state.unread }
    if (id) delete unread[id]
    this.set({ selectedId: id, view: id && this.state.view?.conversation.id === id ? this.state.view : null, unread })
    this.syncWatch()
    if (id) await this.reloadView()
  }

  async reloadView(): Promise<void> {
    const id = this.state.selectedId
    if (!id) return
    this.set({ viewLoading: this.state.view?.conversation.id !== id })
    try {
      const view = await this.client.conversation(id)
      if (this.state.selectedId !== id) return
      this.set({ view, viewLoading: false })
    } catch (e) {
      if (this.state.selectedId !== id) return
      this.set({ viewLoading: false })
      if (e instanceof ApiError && e.code === 'not_found') this.set({ selectedId: null, view: null })
      this.fail(e)
    }
  }

  async claim(id: string): Promise<void> {
    if (this.state.busy) return
    this.set({ busy: 'claim', busyId: id })
    try {
      await this.client.claim(id)
      this.set({ busy: null, busyId: null })
      await this.select(id)
      await this.refreshLists()
    } catch (e) {
      this.set({ busy: null, busyId: null })
      this.fail(e)
      await this.refreshLists()
      if (this.state.selectedId === id) await this.reloadView()
    }
  }

  /** Sends a reply or a note to the open conversation; resolves true when it was stored. */
  async send(mode: 'reply' | 'note', text: string): Promise<boolean> {
    const id = this.state.selectedId
    if (!id || !text.trim() || this.state.busy) return false
    this.set({ busy: 'send', busyId: id })
    try {
      if (mode === 'reply') {
        const { message } = await this.client.reply(id, text.trim())
        this.addMessage(id, message)
      } else {
        const { note } = await this.client.note(id, text.trim())
        const v = this.state.view
        if (v && v.conversation.id === id && !v.notes.some((n) => n.id === note.id)) {
          this.set({ view: { ...v, notes: [...v.notes, note] } })
        }
      }
      this.set({ busy: null, busyId: null })
      return true
    } catch (e) {
      this.set({ busy: null, busyId: null })
      this.fail(e)
      if (e instanceof ApiError && e.code === 'conflict') await this.reloadView()
      return false
    }
  }

  async release(): Promise<void> {
    await this.transition('release', (id) => this.client.release(id))
  }

  async close(): Promise<void> {
    await this.transition('close', (id) => this.client.close(id))
  }

  private async transition(kind: 'release' | 'close', run: (id: string) => Promise<unknown>): Promise<void> {
    const id = this.state.selectedId
    if (!id || this.state.busy) return
    this.set({ busy: kind, busyId: id })
    try {
      await run(id)
    } catch (e) {
      this.fail(e)
    }
    this.set({ busy: null, busyId: null })
    await Promise.all([this.reloadView(), this.refreshLists()])
  }

  private addMessage(conversationId: string, m: ChatMessage): void {
    const v = this.state.view
    if (!v || v.conversation.id !== conversationId || v.messages.some((x) => x.seq === m.seq)) return
    const messages = [...v.messages, m].sort((a, b) => a.seq - b.seq)
    this.set({ view: { ...v, messages } })
  }

  private onFrame(f: Record<string, unknown>): void {
    const conversationId = typeof f.conversationId === 'string' ? f.conversationId : null
    switch (f.type) {
      case 'queue':
        this.scheduleRefresh()
        if (conversationId && conversationId === this.state.selectedId) this.scheduleViewReload()
        break
      case 'note': {
        const v = this.state.view
        const note = f.note as ConversationView['notes'][number] | undefined
        if (note && v && v.conversation.id === conversationId && !v.notes.some((n) => n.id === note.id)) {
          this.set({ view: { ...v, notes: [...v.notes, note] } })
        }
        break
      }
      case 'message': {
        const m = f.message as ChatMessage | undefined
        if (!m || !conversationId) break
        if (conversationId === this.state.selectedId) {
          this.addMessage(conversationId, m)
          // A new customer question: fresh suggestions and state.
          if (m.role === 'customer') this.scheduleViewReload()
        } else if (m.role === 'customer') {
          this.set({ unread: { ...this.state.unread, [conversationId]: (this.state.unread[conversationId] ?? 0) + 1 } })
        }
        this.scheduleRefresh()
        break
      }
      case 'status':
        this.scheduleRefresh()
        if (conversationId === this.state.selectedId) this.scheduleViewReload()
        break
      default:
        break
    }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) return
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null
      void this.refreshLists()
    }, 150)
  }

  private scheduleViewReload(): void {
    if (this.viewTimer) clearTimeout(this.viewTimer)
    this.viewTimer = setTimeout(() => {
      this.viewTimer = null
      void this.reloadView()
    }, 250)
  }

  /** Watches the open conversation and my conversations (their customers' messages bump unread counts). */
  private syncWatch(): void {
    const ids = [...new Set([this.state.selectedId, ...this.state.mine.map((m) => m.conversationId)])]
      .filter((x): x is string => Boolean(x))
      .slice(0, MAX_WATCHED)
    const key = ids.join(',')
    if (key === this.watched) return
    if (this.socket?.send({ type: 'watch', conversationIds: ids })) this.watched = key
  }

  private fail(e: unknown, opts: { quiet?: boolean } = {}): void {
    if (e instanceof ApiError && e.code === 'unauthorized') {
      this.onUnauthorized()
      return
    }
    if (opts.quiet) return
    if (e instanceof ApiError) {
      const assignee = (e.details?.assignee as { name?: string } | undefined)?.name
      this.set({ error: { code: e.code, message: e.message, ...(assignee ? { assignee } : {}) } })
    } else {
      this.set({ error: { code: 'generic', message: e instanceof Error ? e.message : String(e) } })
    }
  }
}
