import { describe, expect, it, vi } from 'vitest'
import { backoffDelay, ReconnectingSocket } from './reconnecting-socket.js'

describe('backoffDelay', () => {
  it('doubles from one second and caps at thirty seconds', () => {
    const max = () => 0.999999
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((a) => backoffDelay(a, max))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ])
  })

  it('spreads reconnects over the upper half of the window', () => {
    expect(backoffDelay(3, () => 0)).toBe(4000)
    expect(backoffDelay(3, () => 0.5)).toBe(6000)
  })
})

describe('ReconnectingSocket', () => {
  it('reports a lost connection, reconnects after the backoff and signals the reconnect', async () => {
    vi.useFakeTimers()
    try {
      const sockets: Array<{ onopen?: () => void; onclose?: () => void; url: string }> = []
      class FakeSocket {
        onopen?: () => void
        onclose?: () => void
        onmessage?: () => void
        onerror?: () => void
        constructor(readonly url: string) {
          sockets.push(this)
        }
        close() {}
      }
      const states: string[] = []
      const opens: boolean[] = []
      const socket = new ReconnectingSocket({
        url: () => 'ws://kefu.test/stream',
        onMessage: () => {},
        onState: (s) => states.push(s),
        onOpen: (reconnect) => opens.push(reconnect),
        WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
        random: () => 0,
      })
      sockets[0]!.onopen!()
      sockets[0]!.onclose!()
      expect(states).toEqual(['connecting', 'open', 'lost'])
      expect(sockets).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(499)
      expect(sockets).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(1)
      expect(sockets).toHaveLength(2)
      sockets[1]!.onopen!()
      expect(opens).toEqual([false, true])
      expect(states.at(-1)).toBe('open')
      socket.close()
      expect(states.at(-1)).toBe('stopped')
    } finally {
      vi.useRealTimers()
    }
  })
})
