/** The desk WebSocket: reconnects with backoff (shared with the widget) and can send frames. */
import { backoffDelay } from '../widget/reconnecting-socket.js'

export type DeskSocketState = 'connecting' | 'open' | 'lost'

export type DeskSocketOptions = {
  url: () => string
  onFrame: (frame: Record<string, unknown>) => void
  onState: (state: DeskSocketState) => void
  /** Every (re)open: the owner re-sends its watch list and refreshes what it may have missed. */
  onOpen: () => void
  /** The server refused us (bad key): stop reconnecting. */
  onRefused: (code: string) => void
}

export class DeskSocket {
  private ws: WebSocket | null = null
  private attempt = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private stopped = false

  constructor(private readonly opts: DeskSocketOptions) {
    this.connect()
  }

  /** Sends a frame when connected; returns whether it went out (it is re-sent on reconnect by the owner). */
  send(frame: unknown): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false
    this.ws.send(JSON.stringify(frame))
    return true
  }

  close(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const ws = this.ws
    this.ws = null
    ws?.close(1000)
  }

  private connect(): void {
    if (this.stopped) return
    this.opts.onState(this.attempt > 0 ? 'lost' : 'connecting')
    let ws: WebSocket
    try {
      ws = new WebSocket(this.opts.url())
    } catch {
      this.retry()
      return
    }
    this.ws = ws
    ws.onopen = () => {
      this.attempt = 0
      this.opts.onState('open')
      this.opts.onOpen()
    }
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return
      let frame: unknown
      try {
        frame = JSON.parse(ev.data)
      } catch {
        return
      }
      if (typeof frame !== 'object' || frame === null) return
      const f = frame as Record<string, unknown>
      const code = (f.error as { code?: string } | undefined)?.code
      if (f.type === 'error' && code === 'unauthorized') {
        this.stopped = true
        this.opts.onRefused(code)
        return
      }
      this.opts.onFrame(f)
    }
    ws.onclose = () => {
      if (this.ws !== ws) return
      this.ws = null
      this.retry()
    }
    ws.onerror = () => {}
  }

  private retry(): void {
    if (this.stopped) return
    this.opts.onState('lost')
    const attempt = this.attempt++
    this.timer = setTimeout(() => {
      this.timer = null
      this.connect()
    }, backoffDelay(attempt))
  }
}
