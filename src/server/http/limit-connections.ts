/**
 * A cap on the connections one client address may hold open at once. 4,000 slow connections from
 * one IP used to be accepted; past the cap a new connection gets a 503 in kefu's error shape and is
 * closed, while other clients are unaffected.
 */
import type { Server } from 'node:http'

const BUSY = JSON.stringify({
  error: { code: 'unavailable', message: 'too many open connections from this address; retry later' },
})
const BUSY_RESPONSE = `HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(BUSY)}\r\nRetry-After: 5\r\nConnection: close\r\n\r\n${BUSY}`

/**
 * Counts open sockets per remote address on `server`; `max` 0 turns the cap off.
 *
 * @example
 * limitConnectionsPerIp(app.server, 128)
 */
export function limitConnectionsPerIp(server: Server, max: number): void {
  if (max <= 0) return
  const open = new Map<string, number>()
  server.on('connection', (socket) => {
    const ip = socket.remoteAddress ?? 'unknown'
    const n = (open.get(ip) ?? 0) + 1
    if (n > max) {
      socket.end(BUSY_RESPONSE)
      socket.destroySoon()
      return
    }
    open.set(ip, n)
    socket.once('close', () => {
      const left = (open.get(ip) ?? 1) - 1
      if (left <= 0) open.delete(ip)
      else open.set(ip, left)
    })
  })
}
