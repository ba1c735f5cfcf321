/**
 * Live sockets over real WebSocket connections (ws server and client on a random port): a client
 * that stops answering pings is terminated, one that answers stays; a client that stops reading is
 * dropped once its unsent frames pass the limit, one that reads gets every frame.
 */
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { holdLiveSocket, type LiveSocket, type LiveSocketLimits } from './live-socket.js'

const servers: WebSocketServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    for (const c of s.clients) c.terminate()
    await new Promise((r) => s.close(r))
  }
})

/** A server holding its one connection with `limits`; resolves with the client and the server side. */
async function pair(limits: LiveSocketLimits, clientOpts: WebSocket.ClientOptions = {}) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  servers.push(wss)
  await new Promise((r) => wss.once('listening', r))
  const held = new Promise<{ live: LiveSocket; socket: WebSocket }>((resolve) =>
    wss.once('connection', (socket) => resolve({ live: holdLiveSocket(socket, limits), socket })),
  )
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, clientOpts)
  await new Promise((r, j) => {
    client.once('open', r)
    client.once('error', j)
  })
  return { client, ...(await held) }
}

const closed = (ws: WebSocket) =>
  new Promise<number>((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) resolve(-1)
    else ws.once('close', (code) => resolve(code))
  })

describe('live sockets', () => {
  it('terminates a client that stops answering pings and keeps one that answers', async () => {
    const silent = await pair({ pingMs: 100 }, { autoPong: false })
    const answering = await pair({ pingMs: 100 })
    let pings = 0
    answering.client.on('ping', () => pings++)
    await closed(silent.socket)
    expect(silent.socket.readyState).toBe(WebSocket.CLOSED)
    // The answering client went through several heartbeats meanwhile and is still connected.
    while (pings < 4) await new Promise((r) => answering.client.once('ping', r))
    expect(answering.socket.readyState).toBe(WebSocket.OPEN)
    expect(answering.client.readyState).toBe(WebSocket.OPEN)
  })

  it('drops a client that stops reading instead of buffering without limit', async () => {
    const { client, live, socket } = await pair({ maxBufferedBytes: 256 * 1024 })
    // The client's TCP socket stops reading: frames pile up in the kernel, then in the server.
    ;(client as unknown as { _socket: { pause(): void } })._socket.pause()
    const frame = { type: 'partial', text: 'x'.repeat(128 * 1024) }
    let sent = 0
    while (socket.readyState === WebSocket.OPEN && sent < 2000) {
      live.send(frame)
      sent++
      await new Promise((r) => setImmediate(r))
    }
    expect(socket.readyState).not.toBe(WebSocket.OPEN)
    // What waits for the client stays bounded: the limit plus the frame that crossed it.
    expect(socket.bufferedAmount).toBeLessThanOrEqual(256 * 1024 + 2 * (128 * 1024 + 64))
  })

  it('delivers every frame to a client that reads', async () => {
    const { client, live } = await pair({ maxBufferedBytes: 256 * 1024 })
    const frame = { type: 'partial', text: 'y'.repeat(64 * 1024) }
    let received = 0
    client.on('message', () => received++)
    for (let i = 0; i < 200; i++) {
      live.send(frame)
      while (received <= i) await new Promise((r) => client.once('message', r))
    }
    expect(received).toBe(200)
    expect(client.readyState).toBe(WebSocket.OPEN)
  })
})
