/**
 * What every long-lived WebSocket of the server (the widget's stream, the agent desk) gets:
 * - a heartbeat: a ping every `pingMs`; a socket that did not answer the previous ping with a pong
 *   is dead (a phone that lost its network, a sleeping laptop) and is terminated, so it stops
 *   holding memory and its subscriptions;
 * - back-pressure: a frame is sent only while less than `maxBufferedBytes` wait unsent for this
 *   client; a consumer that slow is dropped (close 1013, "try again later") instead of having its
 *   frames buffered without limit. The widget reconnects and reads what it missed from history.
 */
import type { WebSocket } from '@fastify/websocket'

export type LiveSocketLimits = {
  /** Heartbeat interval; default 25 s. */
  pingMs?: number
  /** Unsent bytes one client may have waiting before it is dropped; default 1 MiB. */
  maxBufferedBytes?: number
}

export const DEFAULT_PING_MS = 25_000
export const DEFAULT_MAX_BUFFERED_BYTES = 1024 * 1024

export type LiveSocket = {
  /** Sends one JSON frame, or drops the client when too much waits unsent already. */
  send(frame: unknown): void
}

export function holdLiveSocket(socket: WebSocket, limits: LiveSocketLimits = {}): LiveSocket {
  const pingMs = limits.pingMs ?? DEFAULT_PING_MS
  const maxBuffered = limits.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES
  let answered = true
  socket.on('pong', () => {
    answered = true
  })
  const timer = setInterval(() => {
    if (socket.readyState !== 1) return
    if (!answered) {
      socket.terminate()
      return
    }
    answered = false
    socket.ping()
  }, pingMs)
  timer.unref()
  socket.on('close', () => clearInterval(timer))
  return {
    send(frame) {
      if (socket.readyState !== 1) return
      if (socket.bufferedAmount > maxBuffered) {
        socket.close(1013, 'too slow: reconnect and read the history')
        // A client too slow to read will not read the close frame either.
        setTimeout(() => socket.terminate(), 1000).unref()
        return
      }
      socket.send(JSON.stringify(frame))
    },
  }
}
