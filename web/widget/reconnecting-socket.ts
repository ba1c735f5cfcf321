/** A WebSocket that reconnects with capped exponential backoff and jitter. */

export type SocketState = 'connecting' | 'open' | 'lost' | 'stopped'

export type ReconnectingSocketOptions = {
  url: () => string
  onMessage: (data: unknown) => void
  onState: (state: SocketState) => void
  /** Called on every (re)open, so the owner can fetch what it missed while disconnected. */
  onOpen: (reconnect: boolean) => void
  /** Called after repeated failures, to let the owner check whether the conversation still exists. */
  onRepeatedFailure?: (attempt: number) => void
  WebSocketImpl?: typeof WebSocket
  random?: () => number
}

const BASE_MS = 1_000
const MAX_MS = 30_000

/**
 * Delay before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s … capped at 30 s, each scaled by a random
 * factor in [0.5, 1) so that a server restart does not get every widget back in the same millisecond.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.min(attempt, 16))
  return Math.round(ceiling * (0.5 + random() * 0.5))
}

/** Opens the socket right away; call `close()` to stop for good. */
export class ReconnectingSocket {
  private ws: WebSocket | null = null
  private attempt = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private stopped = false
  private everOpened = false
  private readonly WS: typeof WebSocket
  private readonly onOnline = () => this.reconnectNow()

  constructor(private readonly opts: ReconnectingSocketOptions) {
    this.WS = opts.WebSocketImpl ?? WebSocket
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline)
    this.connect()
  }

  /** Skips the remaining backoff (the browser came back online, the user pressed retry). */
  reconnectNow(): void {
    if (this.stopped || this.ws) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.connect()
  }

  close(): void {
    this.stopped = true
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline)
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const ws = this.ws
    this.ws = null
    ws?.close(1000)
    this.opts.onState('stopped')
  }

  private connect(): void {
    if (this.stopped) return
    this.opts.onState(this.everOpened || this.attempt > 0 ? 'lost' : 'connecting')
    let ws: WebSocket
    try {
      ws = new this.WS(this.opts.url())
    } catch {
      this.scheduleRetry()
      return
    }
    this.ws = ws
    ws.onopen = () => {
      const reconnect = this.everOpened || this.attempt > 0
      this.attempt = 0
      this.everOpened = true
      this.opts.onState('open')
      this.opts.onOpen(reconnect)
    }
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return
      try {
        this.opts.onMessage(JSON.parse(ev.data))
      } catch {
        // A frame that is not JSON is not ours; ignore it rather than tear down the connection.
      }
    }
    ws.onclose = () => {
      if (this.ws !== ws) return
      this.ws = null
      this.scheduleRetry()
    }
    // onerror is always followed by onclose, which does the bookkeeping.
    ws.onerror = () => {}
  }

  private scheduleRetry(): void {
    if (this.stopped) return
    this.opts.onState('lost')
    const attempt = this.attempt++
    if (attempt >= 2) this.opts.onRepeatedFailure?.(attempt)
    this.timer = setTimeout(
      () => {
        this.timer = null
        this.connect()
      },
      backoffDelay(attempt, this.opts.random),
    )
  }
}
