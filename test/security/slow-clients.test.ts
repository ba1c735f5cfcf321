/**
 * Issue 10, point 4: a half-sent request is cut off with 408 (in kefu's error shape) once the
 * request timeout passes, and one address cannot hold more than KEFU_MAX_CONNECTIONS_PER_IP
 * connections open. Short limits are configured so the test runs quickly; it asserts what the
 * server does, not how fast.
 */
import { connect, type Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { serveForFile } from '../helpers/serve-for-file.js'

const server = serveForFile({
  KEFU_HTTP_REQUEST_TIMEOUT_MS: '1500',
  KEFU_HTTP_HEADERS_TIMEOUT_MS: '1000',
  KEFU_MAX_CONNECTIONS_PER_IP: '5',
})

/** Opens a socket, writes `raw`, and resolves with everything received once the server closes it. */
function open(raw: string): { socket: Socket; received: Promise<string> } {
  const socket = connect(server.port, '127.0.0.1')
  socket.setEncoding('utf8')
  let data = ''
  const received = new Promise<string>((resolve) => {
    socket.on('data', (c: string) => {
      data += c
    })
    socket.on('close', () => resolve(data))
    socket.on('error', () => undefined)
  })
  socket.write(raw)
  return { socket, received }
}

const status = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0)
const errorBody = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { error: { code: string } }

describe('slow clients', () => {
  it('cuts off a half-sent body with 408 in the error shape and closes the connection', async () => {
    const { received } = open(
      'POST /api/v1/conversations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"shopId":',
    )
    const raw = await received
    expect(status(raw)).toBe(408)
    expect(typeof errorBody(raw).error.code).toBe('string')
  })

  it('cuts off a client that never finishes its headers', async () => {
    const { received } = open('GET /healthz HTTP/1.1\r\nHost: x\r\n')
    expect(status(await received)).toBe(408)
  })

  it('refuses connections past the per-address cap with 503, and accepts again once they close', async () => {
    const held = Array.from({ length: 5 }, () => open(''))
    await Promise.all(held.map((h) => new Promise((r) => h.socket.once('connect', r))))
    const extra = open('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    const raw = await extra.received
    expect(status(raw)).toBe(503)
    expect(errorBody(raw).error.code).toBe('unavailable')
    for (const h of held) h.socket.destroy()
    await Promise.all(held.map((h) => h.received))
    await expect.poll(async () => (await fetch(`${server.url}/healthz`)).status).toBe(200)
  })
})
